#include "app/RedactingStream.hpp"

#include <algorithm>

namespace geoclaim::app {

namespace {

/// Where column `c` of a line lies once `cut` (ascending) became "***" each.
size_t redacted_column(size_t c, const std::vector<Redacted>& cut) {
  size_t shift = 0;
  for (const Redacted& r : cut) {
    if (c < r.begin) break;
    if (c < r.end) return r.begin - shift + std::min<size_t>(c - r.begin, 3);
    shift += (r.end - r.begin) - 3;
  }
  return c - shift;
}

/// `line` ("   ^~~~\n", as lang/SourceWindow underlines a span) under a line that lost `cut`,
/// moved to underline the same text there; any other line as it is.
std::string realigned_carets(const std::string& line, const std::vector<Redacted>& cut) {
  const size_t begin = line.find_first_not_of(' ');
  if (cut.empty() || begin == std::string::npos || line[begin] != '^') return line;
  size_t end = begin + 1;
  while (end < line.size() && line[end] == '~') ++end;
  if (line.substr(end) != "\n") return line;
  const size_t from = redacted_column(begin, cut), to = std::max(redacted_column(end, cut), from + 1);
  return std::string(from, ' ') + "^" + std::string(to - from - 1, '~') + "\n";
}

}  // namespace

void RedactingBuf::emit() {
  if (m_line.empty()) return;
  std::vector<Redacted> cut;
  // A caret line holds no credential; any other line is redacted.
  std::string text = realigned_carets(m_line, m_cut_above);
  if (text == m_line) text = redact_credentials(m_line, cut);
  m_cut_above = std::move(cut);
  m_out->sputn(text.data(), static_cast<std::streamsize>(text.size()));
  m_line.clear();
}

RedactingBuf::int_type RedactingBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  m_line += traits_type::to_char_type(c);
  if (c == '\n' || c == '\r') emit();
  return c;
}

std::streamsize RedactingBuf::xsputn(const char* s, std::streamsize n) {
  for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
  return n;
}

int RedactingBuf::sync() {
  emit();
  return m_out->pubsync();
}

}  // namespace geoclaim::app
