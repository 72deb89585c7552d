#include "lang/Lexer.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>

#include "lang/Text.hpp"

namespace geoclaim::lang {

std::string describe(const Token& t) {
  switch (t.kind) {
    case TokenKind::word:
      return "'" + t.text + "'";
    case TokenKind::number:
      return "number " + t.text;
    case TokenKind::string:
      return "string \"" + printable(t.text) + "\"";
    case TokenKind::newline:
      return "end of line";
    case TokenKind::end:
      return "end of file";
    default:
      return "'" + t.text + "'";
  }
}

namespace {
bool word_start(unsigned char c) { return std::isalpha(c) || c == '_'; }
bool word_char(unsigned char c) { return std::isalnum(c) || c == '_'; }
bool starts_with(std::string_view s, size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }
}  // namespace

std::vector<Token> lex(const SourceFile& file, std::vector<Diagnostic>& errors) {
  const std::string_view s = file.text();
  // Scripts are UTF-8 (quotes travel into JSON and GeoJSON); say where one is not.
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_char_length(s, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(s[i]));
      errors.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)},
                        std::string("byte ") + hex + " is not UTF-8 (save the job as UTF-8)"});
      Token end;  // nothing else is read: the parser sees an empty script
      end.kind = TokenKind::end;
      end.span = {static_cast<uint32_t>(s.size()), static_cast<uint32_t>(s.size())};
      return {end};
    }
    i += n;
  }
  std::vector<Token> out;
  size_t i = 0;
  auto push = [&](TokenKind k, size_t b, size_t e, std::string text = {}) {
    Token t;
    t.kind = k;
    t.text = text.empty() ? std::string(s.substr(b, e - b)) : std::move(text);
    t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    out.push_back(std::move(t));
  };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t b = i;
    if (c == '\n') {
      push(TokenKind::newline, b, ++i, "\\n");
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (word_start(c)) {
      // Inner hyphens belong to the word ("south-south-east", "al-jinah").
      while (i < s.size() && (word_char(static_cast<unsigned char>(s[i])) ||
                              (s[i] == '-' && i + 1 < s.size() && word_char(static_cast<unsigned char>(s[i + 1])))))
        ++i;
      push(TokenKind::word, b, i);
    } else if (std::isdigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < s.size() &&
                                   (std::isdigit(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '.'))) {
      if (c == '+' || c == '-') ++i;
      while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
      std::string text(s.substr(b, i - b));
      double v = 0;
      const char* first = text.data() + (text[0] == '+' ? 1 : 0);
      auto [p, ec] = std::from_chars(first, text.data() + text.size(), v);
      if (ec != std::errc() || p != text.data() + text.size()) {
        // Digits, dots and a sign only; quoted to 40 of them, the caret shows the whole.
        const std::string shown = text.size() > 40 ? text.substr(0, 40) + "…" : text;
        const bool out_of_range = ec == std::errc::result_out_of_range && p == text.data() + text.size();
        // Out of range one way or the other: digits before the point that are all zeros (or
        // none) make a number too close to zero, any other a number too large.
        std::string_view digits(text);
        if (digits[0] == '+' || digits[0] == '-') digits.remove_prefix(1);
        const bool tiny = digits.substr(0, digits.find('.')).find_first_not_of('0') == std::string_view::npos;
        errors.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(i)},
                          !out_of_range ? "malformed number '" + shown + "'"
                          : tiny ? "number '" + shown + "' is closer to zero than a double holds (about 4.9e-324)"
                                 : "number '" + shown + "' is beyond what a double holds (about 1.8e308)"});
        continue;
      }
      push(TokenKind::number, b, i, text);
      out.back().number = v;
    } else if (c == '"') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < s.size() && s[i] != '\n') {
        if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) {
          value += s[i + 1];
          i += 2;
        } else if (s[i] == '"') {
          ++i;
          closed = true;
          break;
        } else {
          value += s[i++];
        }
      }
      if (!closed) {
        errors.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(b + 1)},
                          "unterminated string (it opens here and the line ends first)"});
        continue;
      }
      push(TokenKind::string, b, i, value);
      out.back().text = value;
    } else if (c == ':') {
      push(TokenKind::colon, b, ++i);
    } else if (c == ',') {
      push(TokenKind::comma, b, ++i);
    } else if (c == '(') {
      push(TokenKind::lparen, b, ++i);
    } else if (c == ')') {
      push(TokenKind::rparen, b, ++i);
    } else if (c == '%') {
      push(TokenKind::percent, b, ++i);
    } else if (starts_with(s, i, "\xC2\xB0")) {  // °
      i += 2;
      push(TokenKind::degree, b, i);
    } else if (starts_with(s, i, "\xC2\xB1")) {  // ±
      i += 2;
      push(TokenKind::plus_minus, b, i);
    } else if (starts_with(s, i, "+-")) {
      i += 2;
      push(TokenKind::plus_minus, b, i);
    } else if (starts_with(s, i, "!=") || starts_with(s, i, "<=") || starts_with(s, i, ">=")) {
      i += 2;
      push(TokenKind::op, b, i);
    } else if (c == '=' || c == '<' || c == '>') {
      push(TokenKind::op, b, ++i);
    } else {
      // One whole UTF-8 character, so the message quotes it intact.
      size_t e = i + 1;
      while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
      errors.push_back(
          {{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, "unexpected character " + quote(s.substr(b, e - b))});
      i = e;
    }
  }
  push(TokenKind::newline, s.size(), s.size(), "\\n");
  push(TokenKind::end, s.size(), s.size(), "<end>");
  return out;
}

}  // namespace geoclaim::lang
