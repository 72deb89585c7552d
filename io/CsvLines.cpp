#include "io/CsvLines.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace geoclaim::io {

std::vector<uint64_t> csv_record_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
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
  std::ifstream in(path, std::ios::binary);
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
