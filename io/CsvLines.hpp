#pragma once
// Where each record of a CSV/TSV starts, as a line number: GDAL numbers records, but a quoted
// cell may span lines and blank lines are skipped, so record k is not always on line k + 1.
// Computed only when a message needs a line (the error path), by one pass over the file, read
// through GDAL's virtual files so that a CSV inside a /vsizip/ archive has its lines too.
#include <cstdint>
#include <string>
#include <vector>

namespace geoclaim::io {

/// 1-based line of each record, header first (index 0 is the header's line). Quotes follow
/// RFC 4180 ("" inside a quoted cell is a quote); empty lines outside quotes are no records.
std::vector<uint64_t> csv_record_lines(const std::string& path);

/// The extension of a text table's path, lower case, as GDAL's CSV driver reads it: ".csv",
/// ".tsv" or ".txt", also under gzip (`/vsigzip/…/x.csv.gz` is ".csv"); any other as it is.
std::string text_table_extension(const std::string& path);

/// True when `path` is read as a CSV/TSV of coordinate columns: by its text_table_extension,
/// ".csv", ".tsv" or ".txt".
bool is_delimited_text(const std::string& path);

/// The most blank lines a CSV/TSV may hold (GDAL skips them one by one).
constexpr uint64_t kMaxBlankLines = 10000;
/// The most lines one record may span (a quoted cell with line breaks in it).
constexpr uint64_t kMaxRecordLines = 10000;

/// Reads a CSV/TSV once, before GDAL does, and refuses (DataError naming the file and line)
/// what GDAL would read wrong without a word:
/// - a NUL byte: GDAL's C strings end there, so "40\0.45" reads as 40 and a NUL early in a row
///   empties the cells after it;
/// - a record with fewer fields than the header has columns, or more with something in them:
///   GDAL drops the extra cells and leaves missing ones null, so a shifted row reads its
///   neighbour's value (empty cells past the last column, a trailing ',', lose nothing);
/// - more than kMaxBlankLines blank lines outside quotes (GDAL skips them one by one; a 200 KB
///   zip of them took 77 s), a record over more than kMaxRecordLines lines, and a quote that is
///   never closed (200 MB of line breaks after one took 35 s and was read as a cell).
/// Fields are split as GDAL 3.6 splits them: the delimiter is a tab for .tsv, or when the
/// header and the first row split at tabs alike; else the header's first ',', ';' or tab
/// outside quotes (',' if it has two kinds), else a space if it has one, else ','; quoted
/// delimiters do not count.
/// @return how many columns the header names, which the caller compares with GDAL's count
///   because GDAL's CSV driver silently keeps only the first 2,000 (OGR_CSV_MAX_FIELD_COUNT).
/// @throw DataError
size_t check_text_table(const std::string& path);

}  // namespace geoclaim::io
