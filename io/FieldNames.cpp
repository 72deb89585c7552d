#include "io/FieldNames.hpp"

#include <map>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"

namespace geoclaim::io {
namespace {

/// "4", "4 and 6", "2, 4 and 6".
std::string positions_text(const std::vector<size_t>& at) {
  std::string out;
  for (size_t k = 0; k < at.size(); ++k) {
    if (k > 0) out += k + 1 == at.size() ? " and " : ", ";
    out += std::to_string(at[k] + 1);
  }
  return out;
}

}  // namespace

void require_distinct_field_names(const std::vector<std::string>& names, const std::string& path, FieldWord word) {
  // Positions of each name, by its lower-case form, in the order the names first appear.
  std::map<std::string, std::vector<size_t>> at;
  std::vector<std::string> order;
  for (size_t i = 0; i < names.size(); ++i) {
    auto& list = at[lower(names[i])];
    if (list.empty()) order.push_back(lower(names[i]));
    list.push_back(i);
  }
  const bool csv = word == FieldWord::column;
  const std::string one = csv ? "header" : "field", place = csv ? "column" : "field";
  for (const auto& key : order) {
    const std::vector<size_t>& same = at[key];
    if (same.size() < 2) continue;
    bool one_spelling = true;
    for (size_t i : same) one_spelling = one_spelling && names[i] == names[same.front()];
    if (one_spelling)
      throw DataError(printable_path(path) + ": " + one + " " + quote(names[same.front()]) + " is in " + place + "s " +
                      positions_text(same) + "; give each " + place + " its own name");
    std::string spellings;
    for (size_t k = 0; k < same.size(); ++k)
      spellings += (k == 0                 ? ""
                    : k + 1 == same.size() ? " and "
                                           : ", ") +
                   (quote(names[same[k]]) + " (" + place + " " + std::to_string(same[k] + 1) + ")");
    throw DataError(printable_path(path) + ": " + one + "s " + spellings +
                    " differ only in case, and geoclaim matches " + place + " names ignoring case; give each " + place +
                    " its own name");
  }
}

}  // namespace geoclaim::io
