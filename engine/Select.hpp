#pragma once
// `select NAME from LAYER where …`: the features whose attributes satisfy a condition.
#include <string>
#include <string_view>
#include <vector>

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

/// Indexes (ascending) of the features of `layer` that satisfy `where`. Numbers compare as
/// numbers with integer and real fields, everything else as text; `like` takes SQL wildcards
/// (% any run, _ one character) and ignores case. A null never matches.
/// Every field `where` names must exist (check with find_unknown_field first).
std::vector<size_t> select_features(const Layer& layer, const Condition& where);

/// The first leaf of `where` whose field `layer` lacks, if any.
const Condition* find_unknown_field(const Layer& layer, const Condition& where);

/// SQL LIKE, case-insensitive.
bool like(std::string_view text, std::string_view pattern);

}  // namespace geoclaim
