#pragma once
// Writes engine layers through OGR: RFC 7946 GeoJSON (WGS84 lon/lat, counter-clockwise
// exterior rings, no `crs` member, 7 decimals) or layers of one GeoPackage.
#include <string>
#include <vector>

#include "engine/Layer.hpp"

namespace geoclaim::io {

/// Writes `layer` to a new GeoJSON file at `path`. Features keep their order; attribute
/// values are written as they are (callers round them for stable output).
/// @throw DataError naming the path and GDAL's message.
void write_geojson(const Layer& layer, const std::string& path);

/// Writes each layer as a table of one new GeoPackage at `path` (EPSG:4326).
/// @throw DataError
void write_geopackage(const std::vector<const Layer*>& layers, const std::string& path);

}  // namespace geoclaim::io
