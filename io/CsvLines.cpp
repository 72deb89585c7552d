#include "io/CsvLines.hpp"

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

}  // namespace geoclaim::io
