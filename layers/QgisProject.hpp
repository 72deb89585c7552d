#pragma once
// project.qgs: every output layer, styled, top to bottom as an analyst reads a map (points,
// attribution, evidence lines, input layers, zones underneath), the view set to the data.
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
};

/// The project document. `layers` are listed top (drawn last) to bottom; `extent` is the view
/// in WGS84 lon/lat. Deterministic: the same inputs give the same bytes.
std::string project_qgs(const std::string& title, const std::vector<ProjectLayer>& layers, const GeoBox& extent);

}  // namespace geoclaim::layers
