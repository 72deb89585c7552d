#pragma once
// QGIS styles (.qml) for the output layers, and the same renderers embedded in project.qgs.
// Verdicts have one colour everywhere: supported green, contradicted red, inconclusive amber.
// Zones are translucent, evidence lines are labelled with their distance, footprints hit by a
// strike stand out from those not hit. Written with tinyxml2 in the QGIS 3 style format.
#include <string>

#include "engine/Geometry.hpp"

namespace tinyxml2 {
class XMLPrinter;
}

namespace geoclaim::layers {

enum class StyleKind {
  claims,        ///< points, by verdict, labelled with the claim id
  evidence,      ///< lines, by verdict, labelled with distance and bearing
  zones,         ///< translucent polygons, by verdict
  attribution,   ///< points, by status (inside, shared, nearest, none)
  input,         ///< an input layer: plain; polygons by `geoclaim_hit`
  original,      ///< a large input's whole source, referenced as it is: plain
  uncertainty,   ///< positional uncertainty discs: grey outlines over a faint fill
  large_zones,   ///< zones too large to fill without hiding the map: outlines only, by verdict
  claim_labels,  ///< invisible points carrying the claims' stacked labels (one line per claim)
};

/// The field an input polygon layer carries to say whether a strike hit it (1) or not (0).
inline constexpr const char* kHitField = "geoclaim_hit";

/// A whole .qml document for a layer of `family` geometries. `label_field` labels an input
/// layer (its name or id field); the result kinds have their own labels.
std::string style_qml(StyleKind kind, GeomFamily family, const std::string& label_field = "");

/// The <renderer-v2> and <labeling> elements, for embedding in a project's <maplayer>.
void write_style_elements(tinyxml2::XMLPrinter& xml, StyleKind kind, GeomFamily family,
                          const std::string& label_field = "");

/// True for the kinds whose layers are labelled (claims, claim labels, evidence, attribution), and for an
/// input layer given a label field.
bool has_labels(StyleKind kind, const std::string& label_field = "");

/// QGIS's name for the geometry type ("Point", "Line", "Polygon").
const char* qgis_geometry_name(GeomFamily family);

/// The version string written into QGIS documents (the QGIS the format follows).
inline constexpr const char* kQgisVersion = "3.22.16-Białowieża";

}  // namespace geoclaim::layers
