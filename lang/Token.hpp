#pragma once
#include <string>

#include "lang/SourceFile.hpp"

namespace geoclaim::lang {

enum class TokenKind {
  word,    // name or keyword: letters, digits, '_' and inner '-' ("south-east")
  number,  // 35, -40.017, 0.5
  string,  // "…" with \" and \\ escapes; `text` holds the unescaped value
  colon,
  comma,
  lparen,
  rparen,
  percent,
  degree,      // °
  plus_minus,  // ± or +-
  op,          // = != < <= > >=
  newline,
  end,
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;   ///< the lexeme (unescaped for strings)
  double number = 0;  ///< value when kind == number
  Span span;
};

/// Names a token for messages: "word 'kms'", "number 55", "end of line".
std::string describe(const Token& t);

}  // namespace geoclaim::lang
