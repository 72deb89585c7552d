#pragma once
// A script's text with its name, and the byte spans that tokens and AST nodes carry. Turns a
// span into `file:line:col` and the caret picture that every script diagnostic shows (jq's
// locfile): the line as written, and a caret under the problem.
#include <cstdint>
#include <string>
#include <vector>

namespace geoclaim::lang {

/// Half-open byte range [begin, end) in a SourceFile's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  static Span cover(Span a, Span b) { return {std::min(a.begin, b.begin), std::max(a.end, b.end)}; }
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return m_name; }
  const std::string& text() const { return m_text; }
  std::string_view slice(Span s) const;

  /// 1-based line and column (in characters, UTF-8 aware) of a byte offset.
  std::pair<int, int> line_col(uint32_t offset) const;
  /// The text of a 1-based line, without its newline.
  std::string line_text(int line) const;

  /// "file:line:col: error: message\n    <line>\n    ^~~~\n" (the caret under `span`).
  std::string render(Span span, const std::string& message) const;

 private:
  std::string m_name;
  std::string m_text;
  std::vector<uint32_t> m_line_starts;
};

/// One script error, located by a span of the file it belongs to.
struct Diagnostic {
  Span span;
  std::string message;
  /// A data problem (missing file, unreadable CRS or coordinate) rather than a script one;
  /// it decides the exit code (3 rather than 2).
  bool data = false;
};

}  // namespace geoclaim::lang
