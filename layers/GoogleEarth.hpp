#pragma once
// The result layers as Google Earth shows them (results.kmz, docs/outputs.md): each feature
// gets a name (its label: claim id and verdict, a place's name), a description balloon with
// its figures, and an OGR feature style string in the verdict colours of the QGIS styles
// (supported green, contradicted red, inconclusive amber; zones with a translucent fill, large
// zones outline only).
// Engine types only: io/ writes the layers through GDAL's LIBKML driver.
#include <string>
#include <vector>

#include "engine/Layer.hpp"
#include "layers/QgisStyle.hpp"

namespace geoclaim::layers {

/// A layer ready for LIBKML: the fields `name` and `description` (LIBKML's placemark name and
/// balloon), for lines and polygons `tessellate` (1: their edges follow the ground), then the
/// source's own fields; and one OGR style string per feature.
struct KmlLayer {
  Layer layer;
  std::vector<std::string> styles;  ///< parallel to the features
};

/// The KML form of a result layer of `kind` (claims, evidence, zones; `input` for places).
/// Zones larger than kLargeZoneM (layers/ProjectTree.hpp) are drawn as outlines only.
KmlLayer kml_layer(const Layer& layer, StyleKind kind);

/// The OGR style string of a feature of `kind` with verdict text `verdict` ("supported", …;
/// empty for none), e.g. `PEN(c:#1A9641FF,w:2px)` for supported evidence.
std::string kml_style(StyleKind kind, const std::string& verdict);

/// The `#RRGGBB` colour of a verdict's text as every output draws it; grey for any other text.
std::string verdict_hex(const std::string& verdict);

}  // namespace geoclaim::layers
