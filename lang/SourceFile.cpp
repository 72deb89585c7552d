#include "lang/SourceFile.hpp"

#include <algorithm>
#include <limits>

#include "lang/Text.hpp"

namespace geoclaim::lang {
namespace {
// Counts code points: continuation bytes (10xxxxxx) do not start a character.
int utf8_width(std::string_view s) {
  return static_cast<int>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
}  // namespace

SourceFile::SourceFile(std::string name, std::string text) : m_name(std::move(name)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (uint32_t i = 0; i < m_text.size(); ++i)
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
}

std::string_view SourceFile::slice(Span s) const {
  const auto b = std::min<size_t>(s.begin, m_text.size());
  const auto e = std::min<size_t>(std::max(s.end, s.begin), m_text.size());
  return std::string_view(m_text).substr(b, e - b);
}

std::pair<int, int> SourceFile::line_col(uint32_t offset) const {
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const int line = static_cast<int>(it - m_line_starts.begin());
  const uint32_t start = m_line_starts[line - 1];
  const auto prefix = std::string_view(m_text).substr(start, offset - start);
  return {line, utf8_width(prefix) + 1};
}

std::string SourceFile::line_text(int line) const {
  if (line < 1 || line > static_cast<int>(m_line_starts.size())) return {};
  const uint32_t start = m_line_starts[line - 1];
  uint32_t end = start;
  while (end < m_text.size() && m_text[end] != '\n' && m_text[end] != '\r') ++end;
  return m_text.substr(start, end - start);
}

std::string SourceFile::render(Span span, const std::string& message) const {
  const auto [line, col] = line_col(span.begin);
  const std::string text = line_text(line);
  const uint32_t line_start = m_line_starts[line - 1];
  const uint32_t line_end = line_start + static_cast<uint32_t>(text.size());
  const uint32_t end = std::clamp(span.end, span.begin, line_end);
  // The line as the terminal will show it: control characters in it (an ESC, a NUL) escaped,
  // and the caret placed under the escaped text.
  constexpr size_t all = std::numeric_limits<size_t>::max();
  const std::string_view whole(m_text);
  const std::string before = printable(whole.substr(line_start, span.begin - line_start), all);
  const std::string marked = printable(whole.substr(span.begin, end - span.begin), all);
  const int width = std::max(1, utf8_width(marked));
  std::string out =
      printable(m_name, all) + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message + "\n";
  out += "    " + printable(text, all) + "\n";
  out += "    " + std::string(static_cast<size_t>(utf8_width(before)), ' ') + "^" +
         std::string(static_cast<size_t>(width - 1), '~') + "\n";
  return out;
}

}  // namespace geoclaim::lang
