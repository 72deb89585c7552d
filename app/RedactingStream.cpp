#include "app/RedactingStream.hpp"

#include "engine/Credentials.hpp"

namespace geoclaim::app {

void RedactingBuf::emit() {
  if (m_line.empty()) return;
  const std::string text = redact_credentials(m_line);
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
