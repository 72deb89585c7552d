#pragma once
// `select NAME from LAYER where …`: the features whose attributes satisfy a condition.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/Errors.hpp"
#include "engine/Layer.hpp"

namespace geoclaim {

enum class CompareOp { eq, ne, lt, le, gt, ge, like };

/// `FIELD op VALUE`, combined with and/or. A leaf compares; an inner node joins its children.
struct Condition {
  enum class Join { leaf, all, any };
  Join join = Join::leaf;
  std::string field;
  CompareOp op = CompareOp::eq;
  std::string value;             ///< as written
  bool value_is_number = false;  ///< written as a number: compares as one with number fields
  double number = 0;
  std::vector<Condition> children;
  /// The caller's handle on where this leaf was written (the resolver's index of its span).
  size_t source_ref = 0;
};

/// A comparison that cannot be made with the layer's values: a time field against a value
/// that is no time, a time with a zone against one without, a time of day against a date, a
/// text field ordered against a time. A mistake of the script (or of its idea of the data),
/// found when the data is there; `leaf` is the comparison, for its place in the script.
class CompareError : public ScriptError {
 public:
  CompareError(const Condition& leaf, const std::string& message) : ScriptError(message), m_leaf(&leaf) {}
  const Condition& leaf() const { return *m_leaf; }

 private:
  const Condition* m_leaf;
};

/// Indexes (ascending) of the features of `layer` that satisfy `where`. Numbers compare as
/// numbers with integer and real fields; time fields compare as instants with a value that
/// reads as a time (parse_instant), a value without a zone taking `default_offset_min` (the
/// job's `set timezone`) if given; everything else compares as text. `like` takes SQL
/// wildcards (% any run, _ one character), ignores case, and sees times as ISO 8601 text.
/// A null never matches. Every field `where` names must exist (check with find_unknown_field
/// first).
/// @throw CompareError for a comparison that cannot be made (docs/language.md, select), checked
/// against every feature before any is selected.
std::vector<size_t> select_features(const Layer& layer, const Condition& where,
                                    std::optional<int> default_offset_min = std::nullopt);

/// The first leaf of `where` whose field `layer` lacks, if any.
const Condition* find_unknown_field(const Layer& layer, const Condition& where);

}  // namespace geoclaim
