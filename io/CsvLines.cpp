#include "io/CsvLines.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"

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

namespace {

/// How many fields `record` splits into at `delimiter`, with quotes honoured or not.
size_t field_count(std::string_view record, char delimiter, bool honour_quotes) {
  size_t fields = 1;
  bool in_quotes = false;
  for (const char c : record) {
    if (honour_quotes && c == '"') in_quotes = !in_quotes;
    if (!in_quotes && c == delimiter) ++fields;
  }
  return fields;
}

/// The first two records of a text table (the header and the first row), as written.
std::pair<std::string, std::string> first_two_records(const std::string& path) {
  VsiChars in(path);
  std::string records[2];
  bool in_quotes = false;
  size_t k = 0;
  for (char c = 0; k < 2 && in.get(c);) {
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && (c == '\n' || c == '\r')) {
      if (!records[k].empty()) ++k;
      continue;
    }
    records[k] += c;
  }
  return {records[0], records[1]};
}

/// The delimiter GDAL's CSV driver splits on, as GDAL 3.6 chooses it: a tab for .tsv; a tab
/// when the header has one and the header and the first row split at tabs into as many fields,
/// two or more, with quotes honoured or else not (OGRCSVDataSource::OpenTable); else the first
/// ',', ';' or tab outside quotes in the header, ',' when two kinds appear (CSVDetectSeperator);
/// with none of them, ' ' if the header has a space outside quotes, else ','.
char delimiter_of(const std::string& path, const std::string& header, const std::string& first_row) {
  if (text_table_extension(path) == ".tsv") return '\t';
  if (header.find('\t') != std::string::npos)
    for (const bool honour : {true, false}) {
      const size_t n = field_count(header, '\t', honour);
      if (n >= 2 && n == field_count(first_row, '\t', honour)) return '\t';
    }
  char delimiter = 0;
  bool in_quotes = false, space = false;
  for (const char c : header) {
    if (!in_quotes && (c == ',' || c == ';' || c == '\t')) {
      if (delimiter == 0) {
        delimiter = c;
      } else if (delimiter != c) {
        return ',';  // not one delimiter on the line: GDAL takes ','
      }
    } else if (!in_quotes && c == ' ') {
      space = true;
    } else if (c == '"') {
      in_quotes = !in_quotes;
    }
  }
  return delimiter ? delimiter : space ? ' ' : ',';
}

std::string delimiter_name(char d) {
  switch (d) {
    case '\t':
      return "tab";
    case ';':
      return "';'";
    case ' ':
      return "space";
    default:
      return "','";
  }
}

}  // namespace

std::string text_table_extension(const std::string& path) {
  const auto lower_ext = [](const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
  };
  const std::filesystem::path p(path);
  if (lower_ext(p) == ".gz" && path.find("/vsigzip/") != std::string::npos) return lower_ext(p.stem());
  return lower_ext(p);
}

bool is_delimited_text(const std::string& path) {
  const std::string ext = text_table_extension(path);
  return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

size_t check_text_table(const std::string& path) {
  VsiChars in(path);
  const auto where = [&](uint64_t line) { return printable_path(path) + ":" + std::to_string(line) + ": "; };
  // Records as csv_record_lines reads them; a record of spaces and tabs only is a blank line.
  uint64_t line = 1, blank = 0, record_line = 1;
  bool in_quotes = false, record_blank = true;
  bool extra_filled = false;  // a cell beyond the header's last column holds something
  size_t fields = 1;
  std::string header;  // the first record's text, until the delimiter is known
  size_t header_columns = 0;
  char delimiter = 0;
  const auto end_record = [&] {
    if (record_blank) {
      if (++blank > kMaxBlankLines)
        throw DataError(where(record_line) + "more than " + std::to_string(kMaxBlankLines) +
                        " blank lines; geoclaim refuses a file that is mostly empty lines (remove them)");
    } else if (header_columns == 0) {
      delimiter = delimiter_of(path, header, first_two_records(path).second);
      header_columns = field_count(header, delimiter, /*honour_quotes=*/true);
      header.clear();
    } else if (fields < header_columns || (fields > header_columns && extra_filled)) {
      // Empty cells past the last column (a trailing ',' as spreadsheets write) lose nothing.
      throw DataError(
          where(record_line) + "has " + std::to_string(fields) + (fields == 1 ? " field" : " fields") +
          " but the header names " + std::to_string(header_columns) + " columns (split at " +
          delimiter_name(delimiter) + "); " +
          (fields > header_columns
               ? "GDAL would drop the cells beyond the last column (quote a cell that holds the delimiter)"
               : "GDAL would read the missing cells as empty (write an empty cell between two delimiters)"));
    }
    fields = 1;
    record_blank = true;
    extra_filled = false;
  };
  char c = 0;
  while (in.get(c)) {
    if (c == '\0')
      throw DataError(where(line) +
                      "holds a NUL byte; GDAL would cut the cell there (a text table cannot hold one: remove it)");
    // A line ends at \n, \r\n or a lone \r (old Mac files), as GDAL's line reader has it.
    if (c == '\r' && in.peek() == '\n') continue;
    if (c == '\n' || c == '\r') {
      ++line;
      if (!in_quotes) {
        end_record();
        record_line = line;
      } else if (line - record_line > kMaxRecordLines) {
        throw DataError(where(record_line) + "a quoted cell runs on for more than " + std::to_string(kMaxRecordLines) +
                        " lines; its closing quote is missing, or the file is "
                        "not a text table");
      }
      continue;
    }
    if (header_columns == 0) header += c;
    if (c == '"') in_quotes = !in_quotes;  // "" toggles twice: still inside
    if (c != ' ' && c != '\t') record_blank = false;
    if (!in_quotes && header_columns != 0 && c == delimiter)
      ++fields;
    else if (header_columns != 0 && fields > header_columns && c != ' ' && c != '\t' && c != '"')
      extra_filled = true;
  }
  if (in_quotes)
    throw DataError(where(record_line) + "a quoted cell opens here and is never closed (a '\"' is missing)");
  if (!record_blank) end_record();
  return header_columns;
}

}  // namespace geoclaim::io
