#pragma once
// A layer's field (CSV column) names must be distinct, ignoring case: jobs name fields
// case-insensitively, and two fields of one name cannot be written to GeoJSON or a
// GeoPackage. GDAL's CSV driver keeps a duplicated header as two fields of the same name.
// Pure string logic, no GDAL.
#include <string>
#include <vector>

namespace geoclaim::io {

/// What a field is called in messages: "column"/"header" in a CSV, "field" elsewhere.
enum class FieldWord { column, field };

/// @throw DataError naming `path`, the repeated name (each spelling) and its 1-based positions,
/// for the first name that repeats: "PATH: header 'name' is in columns 4 and 6; …".
void require_distinct_field_names(const std::vector<std::string>& names, const std::string& path, FieldWord word);

}  // namespace geoclaim::io
