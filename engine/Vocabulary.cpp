#include "engine/Vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace geoclaim {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_compass_part(std::string_view w) {
  for (const auto& c : kCompassWords)
    if (equal_ignoring_case(w, c.word)) return true;
  return !w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l == 'n' || l == 's' || l == 'e' || l == 'w';
  });
}

}  // namespace

std::string_view word(Quantifier q) {
  switch (q) {
    case Quantifier::none:
      return "";
    case Quantifier::every:
      return "every";
    case Quantifier::any:
      return "any";
    case Quantifier::no:
      return "no";
    case Quantifier::each:
      return "each";
  }
  return "";
}

std::string_view word(Verdict v) {
  switch (v) {
    case Verdict::supported:
      return "supported";
    case Verdict::contradicted:
      return "contradicted";
    case Verdict::inconclusive:
      return "inconclusive";
  }
  return "";
}

std::string_view word(AttributionStatus s) {
  switch (s) {
    case AttributionStatus::inside:
      return "inside";
    case AttributionStatus::shared:
      return "shared";
    case AttributionStatus::nearest:
      return "nearest";
    case AttributionStatus::none:
      return "none";
  }
  return "";
}

std::string_view legend(AttributionStatus s) {
  switch (s) {
    case AttributionStatus::inside:
      return "inside a footprint";
    case AttributionStatus::shared:
      return "disc over several footprints";
    case AttributionStatus::nearest:
      return "nearest footprint";
    case AttributionStatus::none:
      return "no footprint near";
  }
  return "";
}

std::optional<Quantifier> quantifier_from_word(std::string_view w) {
  for (Quantifier q : kQuantifiers)
    if (equal_ignoring_case(w, word(q))) return q;
  return std::nullopt;
}

bool is_compass_word(std::string_view w) {
  // Hyphenated words ("south-south-east") are compass words when every part is one.
  size_t start = 0;
  for (;;) {
    const size_t dash = w.find('-', start);
    if (!is_compass_part(w.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start)))
      return false;
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
}

}  // namespace geoclaim
