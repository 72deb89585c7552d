#pragma once
// Recursive-descent parser for job scripts (grammar in docs/language.md). It reports every
// syntax error once and recovers at the next line (panic mode), so one run lists them all.
#include <functional>
#include <string_view>
#include <vector>

#include "lang/Ast.hpp"
#include "lang/Token.hpp"

namespace geoclaim::lang {

/// The open word classes of the grammar. The front end knows the language's syntax, not its
/// vocabulary: the caller (job/) fills these from the engine's word tables.
struct Lexicon {
  /// A word that may stand before a claim's subject ("every", "any", …).
  std::function<bool(std::string_view)> is_quantifier;
  /// A word the parser collects into a direction ("south", "SE", "nne", …).
  std::function<bool(std::string_view)> is_compass_word;
};

/// How deep parentheses may nest in a `select` condition. The parser, the resolver and the
/// selection walk the condition recursively, so this bounds their stack depth too; real
/// conditions nest two or three deep.
inline constexpr int kMaxConditionDepth = 200;

/// Parses `file`. Statements with errors are left out of the result; their diagnostics are
/// appended to `errors` in source order.
Script parse(const SourceFile& file, const Lexicon& lexicon, std::vector<Diagnostic>& errors);

}  // namespace geoclaim::lang
