#pragma once
// Everything geoclaim prints passes through redact_credentials (engine/Credentials.hpp): a
// stream buffer that holds each line until it ends ("\n", or the "\r" of a progress line, or a
// flush), redacts it, and passes it on. Installed on std::cout and std::cerr by main, so no
// message, however it was built (a GDAL error quoting a PG: string, a script line shown under
// a diagnostic), can print a password.
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "engine/Credentials.hpp"

namespace geoclaim::app {

class RedactingBuf : public std::streambuf {
 public:
  explicit RedactingBuf(std::streambuf* out) : m_out(out) {}
  ~RedactingBuf() override { sync(); }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void emit();
  std::streambuf* m_out;
  std::string m_line;
  /// What redaction cut from the line emitted last: a caret line under it (a diagnostic's
  /// "    ^~~~") is moved to match.
  std::vector<Redacted> m_cut_above;
};

/// Redacts what `stream` prints for as long as it lives; restores the stream's buffer after.
class RedactOutput {
 public:
  /// std::cerr flushes after every `<<` (unitbuf), which would cut a message into pieces
  /// redacted one by one; lines end at "\n" here, and an explicit flush still flushes.
  explicit RedactOutput(std::ostream& stream) : m_stream(stream), m_buf(stream.rdbuf()), m_flags(stream.flags()) {
    m_stream.unsetf(std::ios::unitbuf);
    m_stream.rdbuf(&m_buf);
  }
  ~RedactOutput() {
    m_stream.flush();
    m_stream.rdbuf(m_buf.original());
    m_stream.flags(m_flags);
  }
  RedactOutput(const RedactOutput&) = delete;
  RedactOutput& operator=(const RedactOutput&) = delete;

 private:
  struct Buf : RedactingBuf {
    explicit Buf(std::streambuf* out) : RedactingBuf(out), m_original(out) {}
    std::streambuf* original() const { return m_original; }
    std::streambuf* m_original;
  };
  std::ostream& m_stream;
  Buf m_buf;
  std::ios::fmtflags m_flags;
};

}  // namespace geoclaim::app
