#pragma once
// The project CRS of project.qgs, written as QGIS 3.22 writes a <spatialrefsys>: every string
// from PROJ (the same PROJ database QGIS reads), and srsid, QGIS's own key in its srs.db, for
// the CRSs geoclaim uses. QGIS resolves a spatialrefsys by its authid when srsid names a
// built-in CRS, and falls back to the WKT; without either it opens the project with no CRS.
#include <string>

#include "engine/GeoPoint.hpp"
#include "engine/Geometry.hpp"

namespace geoclaim::layers {

struct QgisSrs {
  std::string wkt;                 ///< WKT2_2019 on one line
  std::string proj4;               ///< PROJ string without +type=crs
  long srsid = 0;                  ///< QGIS srs.db id
  long srid = 0;                   ///< the EPSG code
  std::string authid;              ///< "EPSG:32637"
  std::string description;         ///< "WGS 84 / UTM zone 37N"
  std::string projection_acronym;  ///< "utm", "longlat"
  std::string ellipsoid_acronym;   ///< "EPSG:7030"
  bool geographic = false;
};

/// EPSG:4326, a WGS 84 / UTM zone (EPSG:326zz north, 327zz south) or UPS (EPSG:32661 north,
/// 32761 south). @throw std::logic_error for other codes, whose srs.db id geoclaim does not know.
QgisSrs qgis_srs(int epsg);

/// The CRS a map of `box` (WGS84) is drawn in: the WGS 84 / UTM zone of its centre, a
/// conformal map in metres where distances and angles read true, when the box spans at most
/// 18° of longitude (three zones) and lies within 80° S – 84° N, UTM's reach; UPS North or South
/// for a box that reaches beyond that and keeps poleward of 60°; EPSG:4326 otherwise. The box
/// may run past 180° (covering_box).
int map_epsg(const GeoBox& box);

/// A rectangle in a map CRS's own x/y (easting/northing, or lon/lat).
struct MapBox {
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

/// The bounds in `epsg` of `box`'s edge, densified (a lon/lat box is curved in UTM).
MapBox projected_box(const GeoBox& box, int epsg);

}  // namespace geoclaim::layers
