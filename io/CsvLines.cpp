#include "io/CsvLines.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace geoclaim::io {
namespace {

/// A file read character by character through GDAL's virtual files, as GDAL's CSV driver reads
/// it: a plain file, or a /vsizip/ (/vsitar/, /vsigzip/, /vsimem/ …) member alike. A file that
/// cannot be opened reads as empty (its error is reported where GDAL opens it).
class VsiChars {
 public:
  explicit VsiChars(const std::string& path) : m_file(VSIFOpenL(path.c_str(), "rb"), close) {}
  bool get(char& c) {
    if (!fill()) return false;
    c = m_buf[m_pos++];
    return true;
  }
  int peek() { return fill() ? static_cast<unsigned char>(m_buf[m_pos]) : -1; }

 private:
  static void close(VSILFILE* f) {
    if (f) VSIFCloseL(f);
  }
  bool fill() {
    if (m_pos < m_size) return true;
    if (!m_file) return false;
    m_size = VSIFReadL(m_buf.data(), 1, m_buf.size(), m_file.get());
    m_pos = 0;
    return m_size > 0;
  }
  std::unique_ptr<VSILFILE, void (*)(VSILFILE*)> m_file;
  std::vector<char> m_buf = std::vector<char>(1 << 16);
  size_t m_pos = 0, m_size = 0;
};

}  // namespace

std::vector<uint64_t> csv_record_lines(const std::string& path) {
  VsiChars in(path);
  std::vector<uint64_t> starts;
  uint64_t line = 1;
  bool in_quotes = false, record_open = false;
  char c = 0;
  while (in.get(c)) {
    if (c == '"') in_quotes = !in_quotes;  // "" toggles twice: still inside
    // A line ends at \n, \r\n or a lone \r (old Mac files), as GDAL's line reader has it.
    if (c == '\r' && in.peek() == '\n') continue;
    if (c == '\n' || c == '\r') {
      ++line;
      if (!in_quotes) record_open = false;
      continue;
    }
    if (!record_open) {
      starts.push_back(line);
      record_open = true;
    }
  }
  return starts;
}

size_t csv_header_column_count(const std::string& path) {
  VsiChars in(path);
  std::string header;  // the first record: up to an unquoted line end
  bool in_quotes = false;
  for (char c = 0; in.get(c);) {
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && (c == '\n' || c == '\r')) break;
    header += c;
  }
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  char delimiter = ',';
  if (ext == ".tsv") {
    delimiter = '\t';
  } else if (header.find(',') == std::string::npos) {
    for (const char d : {';', '\t', '|'})
      if (header.find(d) != std::string::npos) {
        delimiter = d;
        break;
      }
  }
  size_t columns = 1;
  in_quotes = false;
  for (const char c : header) {
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && c == delimiter) ++columns;
  }
  return columns;
}

}  // namespace geoclaim::io
