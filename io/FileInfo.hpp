#pragma once
// `geoclaim info FILE`: what GDAL sees in a source, layer by layer.
#include <string>
#include <vector>

namespace geoclaim::io {

struct LayerInfo {
  std::string name;
  long long count = 0;
  std::string geometry_type;                          ///< "Point", "Polygon", "None", …
  std::string crs;                                    ///< "EPSG:4326" or the CRS name; "none"
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  ///< in the layer's CRS, x = lon/easting
  bool has_extent = false;
  std::vector<std::string> fields;  ///< "name (String)"
  /// CSV/TSV: how geoclaim reads its coordinates ("columns lat, lon"), or why it cannot.
  std::string coordinates;
};

struct SourceInfo {
  std::string path;
  std::string driver;
  std::vector<LayerInfo> layers;
};

/// @throw DataError when the source does not open.
SourceInfo describe_source(const std::string& path);

/// A few lines a person reads.
std::string format_source_info(const SourceInfo& info);

}  // namespace geoclaim::io
