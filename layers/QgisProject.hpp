#pragma once
// project.qgs: every output layer, styled, top to bottom as an analyst reads a map (points,
// attribution, evidence lines, uncertainty, input layers, zones underneath); large zones in a
// group of their own, off; a group and a map theme per claim; the project CRS and the view set
// to the evidence. QGIS 3.22's format.
#include <string>
#include <vector>

#include "engine/Geometry.hpp"
#include "layers/QgisStyle.hpp"

namespace geoclaim::layers {

struct ProjectLayer {
  std::string name;        ///< layer name in QGIS's layer panel
  std::string datasource;  ///< relative to the project ("./claims.geojson", "./results.gpkg|layername=claims")
  GeomFamily family = GeomFamily::point;
  StyleKind style = StyleKind::input;
  bool visible = true;
  std::string subset = {};       ///< an attribute filter (OGR SQL: "claim_id" = 'x'); empty: every feature
  std::string label_field = {};  ///< an input layer's label (its name or id field); empty: none
  bool labelled = true;          ///< false: the style's labels are off (claims at the root)
};

/// A layer-tree group. With a theme name, the project has a map theme of that name that shows
/// this group's layers and nothing else.
struct ProjectGroup {
  std::string name;
  bool visible = true;
  std::string theme = {};
  std::vector<ProjectLayer> layers;  ///< top to bottom
};

struct ProjectTree {
  std::vector<ProjectLayer> layers;  ///< at the root, top (drawn last) to bottom
  std::vector<ProjectGroup> groups;  ///< below them
};

/// The project document, in the map CRS `epsg` (layers/QgisCrs.hpp), opening on `view` (WGS84
/// lon/lat). Deterministic: the same inputs give the same bytes.
std::string project_qgs(const std::string& title, const ProjectTree& tree, const GeoBox& view, int epsg);

/// An OGR SQL string literal: 'it''s'.
std::string sql_text(const std::string& text);

}  // namespace geoclaim::layers
