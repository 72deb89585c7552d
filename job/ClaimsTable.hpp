#pragma once
// Reported-claims tables (`check claims from "PATH"`): one claim per CSV row, in the columns
// id, subject, relation, object, distance, unit, direction, qualifier, source, quote
// (docs/language.md). A row becomes the same ClaimBody a script claim parses to, so one
// resolver and one evaluator serve both.
#include <map>
#include <string>

#include "lang/Ast.hpp"

namespace geoclaim::job {

/// The columns a reported-claims table may have, for messages.
inline constexpr const char* kClaimsTableColumns =
    "id, subject, relation, object, distance, unit, direction, qualifier, source, quote";

/// The claim of one row; `cell` maps lower-case column names to the row's text. The subject
/// cell may start with a quantifier ("every strikes"). Names, units and words are resolved
/// later, like a script's.
/// @throw ScriptError saying what is wrong with the row (the caller adds file and line).
lang::ClaimBody claim_from_row(const std::map<std::string, std::string>& cell);

/// A claim written back as the language would say it ("every strikes within 500 m of wells").
std::string claim_text(const lang::ClaimBody& b);

}  // namespace geoclaim::job
