#pragma once
// Which columns of a CSV hold the coordinates: named in the job, or found by header
// (case-insensitive): lat/latitude/y/northing with lon/lng/long/longitude/x/easting, wkt
// (or geometry), mgrs. Pure string logic, no GDAL.
#include <string>
#include <vector>

#include "engine/DataSource.hpp"

namespace geoclaim::io {

struct CoordinateColumns {
  enum class Kind { lat_lon, wkt, mgrs };
  Kind kind = Kind::lat_lon;
  int lat = -1, lon = -1, wkt = -1, mgrs = -1;  ///< column indexes, -1 when unused
};

/// @throw DataError naming `path`, the columns found and the names looked for.
CoordinateColumns find_coordinate_columns(const std::vector<std::string>& header, const LoadOptions& options,
                                          const std::string& path);

}  // namespace geoclaim::io
