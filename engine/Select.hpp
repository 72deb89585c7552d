#pragma once
// `select NAME from LAYER where …`: the features whose attributes satisfy a condition.
#include <vector>

#include "engine/Layer.hpp"
#include "engine/lang/Ast.hpp"

namespace geoclaim {

/// Indexes (ascending) of the features of `layer` that satisfy `where`. Numbers compare as
/// numbers with integer and real fields, everything else as text; `like` takes SQL wildcards
/// (% any run, _ one character) and ignores case. A null never matches.
/// Every field `where` names must exist (check with find_unknown_field first).
std::vector<size_t> select_features(const Layer& layer, const lang::Condition& where);

/// The unknown field named by `where`, if any (for the resolver's error with its span).
const lang::Condition* find_unknown_field(const Layer& layer, const lang::Condition& where);

/// SQL LIKE, case-insensitive.
bool like(std::string_view text, std::string_view pattern);

}  // namespace geoclaim
