#pragma once
// Turns a script into tokens. Newlines end statements, `#` starts a comment to the end of the
// line. Every token keeps its byte span for diagnostics.
#include <vector>

#include "lang/Token.hpp"

namespace geoclaim::lang {

/// Lexes all of `file`. Bad characters and unterminated strings are reported into `errors`
/// and skipped, so the parser still sees the rest of the script.
std::vector<Token> lex(const SourceFile& file, std::vector<Diagnostic>& errors);

}  // namespace geoclaim::lang
