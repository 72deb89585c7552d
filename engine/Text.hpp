#pragma once
// The few text helpers every module needs: ASCII case folding and whitespace trimming, for
// keywords, names and table cells (never for data values, whose case is kept); and the one way
// a message quotes text that came from a script or a data file (printable, quote).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

namespace geoclaim {

inline std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

inline std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

/// How many characters of a script's or a file's text a message quotes: enough to recognise it.
inline constexpr size_t kQuoteMaxChars = 80;

/// Length of the UTF-8 character at `i` (1–4), or 0 when the bytes there are not UTF-8
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
inline size_t utf8_char_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c == 0xE0)
    n = 3, lo = 0xA0;
  else if (c == 0xED)
    n = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF)
    n = 3;
  else if (c == 0xF0)
    n = 4, lo = 0x90;
  else if (c == 0xF4)
    n = 4, hi = 0x8F;
  else if (c >= 0xF1 && c <= 0xF3)
    n = 4;
  if (n == 0 || i + n > s.size() || byte(1) < lo || byte(1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return n;
}

/// Text from a script or a data file, made safe to put in a message: nothing in it can end the
/// message (a NUL cuts a C string), move the terminal (ESC sequences) or break its lines. Control
/// characters are written as escapes (\n, \r, \t, \0, \x1b, \x7f; C1 controls as \u0085),
/// bytes that are not UTF-8 as \xNN; the rest, any language's letters, is kept. More than
/// `max_chars` characters are cut, with "…" after.
inline std::string printable(std::string_view text, size_t max_chars = kQuoteMaxChars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    if (chars == max_chars) return out + "…";
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t n = utf8_char_length(text, i);
    char esc[8];
    if (n == 0) {
      std::snprintf(esc, sizeof esc, "\\x%02x", c);
      out += esc;
      ++i;
      continue;
    }
    // U+0080–U+009F: C1 controls (0xC2 0x80–0x9F); some terminals read U+009B as CSI.
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == 0) {
      out += "\\0";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(esc, sizeof esc, "\\x%02x", c);
      out += esc;
    } else if (c1) {
      std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
      out += esc;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

/// printable(text) in single quotes, as messages quote a value: 'target building'.
inline std::string quote(std::string_view text, size_t max_chars = kQuoteMaxChars) {
  return "'" + printable(text, max_chars) + "'";
}

/// A path in a message, as in "data/x.csv:12: …": printable, and never cut, since a cut path
/// names another file (a file name may hold a newline, an ESC or bytes that are not UTF-8).
inline std::string printable_path(std::string_view path) { return printable(path, std::string_view::npos); }

/// printable_path(path) in single quotes: "no such file 'data/x.csv'".
inline std::string quote_path(std::string_view path) { return "'" + printable_path(path) + "'"; }

}  // namespace geoclaim
