#include "engine/LocalAeqd.hpp"

#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <GeographicLib/Geodesic.hpp>

namespace geoclaim {

namespace {
/// Built once: a projection object is only the ellipsoid; the centre is passed to each call.
const GeographicLib::AzimuthalEquidistant& aeqd() {
  static const GeographicLib::AzimuthalEquidistant proj(GeographicLib::Geodesic::WGS84());
  return proj;
}
}  // namespace

PlanarXY LocalAeqd::forward(const GeoPoint& p) const {
  PlanarXY out;
  double azi = 0, rk = 0;
  aeqd().Forward(m_centre.lat(), m_centre.lon(), p.lat(), p.lon(), out.x, out.y, azi, rk);
  return out;
}

GeomPtr LocalAeqd::project(const GEOSGeometry* g) const {
  return transform_xy(g, [this](double& x, double& y) {
    const PlanarXY p = forward(GeoPoint::from_lon_lat(x, y));
    x = p.x;
    y = p.y;
  });
}

GeoPoint LocalAeqd::unproject(double x, double y) const {
  double lat = 0, lon = 0, azi = 0, rk = 0;
  aeqd().Reverse(m_centre.lat(), m_centre.lon(), x, y, lat, lon, azi, rk);
  return GeoPoint::from_lat_lon(lat, lon);
}

}  // namespace geoclaim
