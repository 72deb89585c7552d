#pragma once
// Writes engine layers through OGR: RFC 7946 GeoJSON (WGS84 lon/lat, counter-clockwise
// exterior rings, no `crs` member, 7 decimals), layers of one GeoPackage, or of one KMZ.
#include <optional>
#include <string>
#include <vector>

#include "engine/Layer.hpp"

namespace geoclaim::io {

/// Writes `layer` to a new GeoJSON file at `path`. Features keep their order; attribute
/// values are written as they are (callers round them for stable output).
/// @throw DataError naming the path and GDAL's message.
void write_geojson(const Layer& layer, const std::string& path);

/// A layer and its QGIS style (.qml text; empty for none).
struct StyledLayer {
  const Layer* layer;
  std::string qml;
};

/// Writes each layer as a table of one new GeoPackage at `path` (EPSG:4326), and the styles
/// into its `layer_styles` table, where QGIS finds them as the layers' default styles.
/// @throw DataError
void write_geopackage(const std::vector<StyledLayer>& layers, const std::string& path);

/// A layer for Google Earth and its features' OGR style strings (one per feature, in order).
/// Fields named `name`, `description` and `tessellate` become the placemarks' elements.
struct KmlLayer {
  const Layer* layer;
  const std::vector<std::string>* styles;
};

/// Where Google Earth looks from when a layer of the KMZ is opened: straight down on (lon, lat)
/// from `range_m` away (KML's <LookAt>).
struct KmlLookAt {
  double lon = 0, lat = 0, range_m = 0;
};

/// Writes the layers into a new KMZ at `path` through GDAL's LIBKML driver (doc.kml titled
/// `title`, linking layers/<name>.kml), each layer with the view `look_at` when given.
/// Geometries that cross the antimeridian are cut there, as in every other format.
/// @throw DataError
void write_kmz(const std::vector<KmlLayer>& layers, const std::string& title, const std::string& path,
               const std::optional<KmlLookAt>& look_at = std::nullopt);

}  // namespace geoclaim::io
