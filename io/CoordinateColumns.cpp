#include "io/CoordinateColumns.hpp"

#include <strings.h>

#include "engine/Errors.hpp"
#include "engine/Names.hpp"
#include "engine/Text.hpp"

namespace geoclaim::io {
namespace {

int find_one(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)  // the first name in the list wins over later ones
    for (size_t i = 0; i < header.size(); ++i)
      if (strcasecmp(header[i].c_str(), n) == 0) return static_cast<int>(i);
  return -1;
}

int find_named(const std::vector<std::string>& header, const std::string& name, const std::string& path,
               const char* role) {
  for (size_t i = 0; i < header.size(); ++i)
    if (strcasecmp(header[i].c_str(), name.c_str()) == 0) return static_cast<int>(i);
  throw DataError(printable_path(path) + ": no column " + quote(name) + " for the " + role +
                  did_you_mean(name, header));
}

/// The header's names for a message: printable, and the first 20 of a wide file.
std::string joined(const std::vector<std::string>& header) {
  constexpr size_t kShown = 20;
  std::string s;
  for (size_t i = 0; i < header.size() && i < kShown; ++i) s += (s.empty() ? "" : ", ") + printable(header[i]);
  if (header.size() > kShown) s += ", … (" + std::to_string(header.size()) + " in all)";
  return s;
}

}  // namespace

CoordinateColumns find_coordinate_columns(const std::vector<std::string>& header, const LoadOptions& o,
                                          const std::string& path) {
  CoordinateColumns c;
  if (o.wkt_col) {
    c.kind = CoordinateColumns::Kind::wkt;
    c.wkt = find_named(header, *o.wkt_col, path, "WKT geometry");
    return c;
  }
  if (o.mgrs_col) {
    c.kind = CoordinateColumns::Kind::mgrs;
    c.mgrs = find_named(header, *o.mgrs_col, path, "MGRS reference");
    return c;
  }
  if (o.lat_col && o.lon_col) {
    c.lat = find_named(header, *o.lat_col, path, "latitude");
    c.lon = find_named(header, *o.lon_col, path, "longitude");
    return c;
  }
  c.lat = find_one(header, {"lat", "latitude", "y", "northing"});
  c.lon = find_one(header, {"lon", "lng", "long", "longitude", "x", "easting"});
  if (c.lat >= 0 && c.lon >= 0) return c;
  if (c.lat >= 0 || c.lon >= 0)
    throw DataError(printable_path(path) + ": found a " +
                    (c.lat >= 0 ? "latitude column " + quote(header[c.lat]) + " but no longitude"
                                : "longitude column " + quote(header[c.lon]) + " but no latitude") +
                    " column (columns: " + joined(header) + ")");
  if ((c.wkt = find_one(header, {"wkt", "geometry", "geom"})) >= 0) {
    c.kind = CoordinateColumns::Kind::wkt;
    return c;
  }
  if ((c.mgrs = find_one(header, {"mgrs"})) >= 0) {
    c.kind = CoordinateColumns::Kind::mgrs;
    return c;
  }
  throw DataError(printable_path(path) + ": no coordinate columns (columns: " + joined(header) +
                  "; expected lat/latitude/y with lon/lng/long/longitude/x, wkt or mgrs, or name them "
                  "with 'lat COL lon COL', 'wkt COL' or 'mgrs COL')");
}

}  // namespace geoclaim::io
