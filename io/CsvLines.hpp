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

/// How many columns the header (the first record) of a CSV/TSV names, counted here because
/// GDAL's CSV driver silently keeps only the first 2,000 (OGR_CSV_MAX_FIELD_COUNT). The
/// delimiter is chosen as GDAL chooses it: a tab for .tsv, else ';', '\t' or '|' when the
/// header has that and no comma, else ','. Quoted delimiters do not count.
size_t csv_header_column_count(const std::string& path);

}  // namespace geoclaim::io
