#pragma once
// A local azimuthal equidistant projection (GeographicLib) centred on one point: distances and
// azimuths from the centre are true geodesic ones, so a footprint near the centre can be
// measured in the plane (GEOS) with errors well under a centimetre.
#include "engine/Geometry.hpp"

namespace geoclaim {

class LocalAeqd {
 public:
  explicit LocalAeqd(const GeoPoint& centre) : m_centre(centre) {}

  const GeoPoint& centre() const { return m_centre; }
  /// `g` (WGS84 lon/lat) in the plane, metres east and north of the centre.
  GeomPtr project(const GEOSGeometry* g) const;
  PlanarXY forward(const GeoPoint& p) const;
  GeoPoint unproject(double x, double y) const;

 private:
  GeoPoint m_centre;  // all a projection needs: the ellipsoid's constants are shared
};

}  // namespace geoclaim
