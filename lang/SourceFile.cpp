#include "lang/SourceFile.hpp"

#include <algorithm>
#include <limits>

#include "lang/SourceWindow.hpp"
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
  const uint32_t line_start = m_line_starts[line - 1];
  const uint32_t line_end = line_start + static_cast<uint32_t>(line_text(line).size());
  const uint32_t begin = std::min(span.begin, line_end);
  const uint32_t end = std::clamp(span.end, begin, line_end);
  // The line as the terminal will show it (control characters escaped), cut to a window round
  // the problem when it is long, and the caret under the problem's display columns.
  const std::string_view whole(m_text);
  const std::vector<Shown> before = shown(whole.substr(line_start, begin - line_start));
  const std::vector<Shown> marked = shown(whole.substr(begin, end - begin));
  const std::vector<Shown> after = shown(whole.substr(end, line_end - end));
  const SourceWindow w = source_window(before, marked, after);
  constexpr size_t all = std::numeric_limits<size_t>::max();
  return printable(m_name, all) + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message + "\n" +
         "    " + w.text + "\n" + "    " + std::string(w.caret_column, ' ') + "^" +
         std::string(std::max<size_t>(w.caret_width, 1) - 1, '~') + "\n";
}

}  // namespace geoclaim::lang
