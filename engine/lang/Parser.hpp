#pragma once
// Recursive-descent parser for job scripts (grammar in docs/language.md). It reports every
// syntax error once and recovers at the next line (panic mode), so one run lists them all.
#include <vector>

#include "engine/lang/Ast.hpp"
#include "engine/lang/Token.hpp"

namespace geoclaim::lang {

/// Parses `file`. Statements with errors are left out of the result; their diagnostics are
/// appended to `errors` in source order.
Script parse(const SourceFile& file, std::vector<Diagnostic>& errors);

/// True for compass words the parser collects into a direction ("south", "SE", "nne", …).
bool is_compass_word(std::string_view word);

}  // namespace geoclaim::lang
