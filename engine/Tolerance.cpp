#include "engine/Tolerance.hpp"

#include <algorithm>
#include <cctype>

#include "engine/Text.hpp"
#include "engine/Units.hpp"

namespace geoclaim {

std::string Tolerance::describe() const {
  std::string out;
  if (fraction != 0 || absolute_m == 0) out = format_number(fraction * 100.0, 3) + "%";
  if (absolute_m != 0) out += (out.empty() ? "" : " + ") + format_length(absolute_m);
  return out;
}

ToleranceTable::ToleranceTable() {
  for (const auto& w : kToleranceWords) m_words[std::string(w.word)] = {w.fraction, 0, ""};
  m_words[std::string(kPlainWord)] = {kPlainFraction, 0, ""};
}

std::optional<Tolerance> ToleranceTable::find(const std::string& word) const {
  auto it = m_words.find(lower(word));
  if (it == m_words.end()) return std::nullopt;
  return it->second;
}

void ToleranceTable::set(const std::string& word, Tolerance t) { m_words[lower(word)] = t; }

std::vector<std::string> ToleranceTable::words() const {
  std::vector<std::string> out;
  for (const auto& [w, t] : m_words) out.push_back(w);
  return out;
}

bool is_upper_bounded_word(std::string_view word) {
  const std::string w = lower(word);
  return std::any_of(kToleranceWords.begin(), kToleranceWords.end(),
                     [&](const ToleranceWord& t) { return t.upper_bounded && t.word == w; });
}

}  // namespace geoclaim
