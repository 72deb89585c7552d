#include "engine/Tolerance.hpp"

#include <algorithm>
#include <cctype>

#include "engine/Text.hpp"
#include "engine/Units.hpp"

namespace geoclaim {
namespace {}  // namespace

std::string Tolerance::describe() const {
  std::string out;
  if (fraction != 0 || absolute_m == 0) out = format_number(fraction * 100.0, 3) + "%";
  if (absolute_m != 0) out += (out.empty() ? "" : " + ") + format_length(absolute_m);
  return out;
}

ToleranceTable::ToleranceTable() {
  for (const char* w : {"approximately", "about", "around", "roughly", "nearly", "almost", "some"})
    m_words[w] = {0.10, 0};
  m_words["exactly"] = {0, 0};
  m_words[kPlainWord] = {0.05, 0};
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

bool is_upper_bounded_word(const std::string& word) {
  const std::string w = lower(word);
  return w == "nearly" || w == "almost";
}

}  // namespace geoclaim
