#include "engine/Geodesy.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/Math.hpp>
#include <cmath>

namespace geoclaim {

namespace {
const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }
}  // namespace

double normalize_azimuth(double deg) {
  double a = GeographicLib::Math::AngNormalize(deg);  // (-180, 180]
  if (a < 0) a += 360.0;
  return a == 360.0 ? 0.0 : a;
}

double azimuth_difference(double a_deg, double b_deg) { return GeographicLib::Math::AngDiff(a_deg, b_deg); }

GeodesicInverse geodesic_inverse(const GeoPoint& from, const GeoPoint& to) {
  double s12 = 0, azi1 = 0, azi2 = 0;
  wgs84().Inverse(from.lat(), from.lon(), to.lat(), to.lon(), s12, azi1, azi2);
  return {s12, normalize_azimuth(azi1), normalize_azimuth(azi2)};
}

GeoPoint geodesic_direct(const GeoPoint& from, double azimuth_deg, double distance_m) {
  double lat2 = 0, lon2 = 0;
  wgs84().Direct(from.lat(), from.lon(), azimuth_deg, distance_m, lat2, lon2);
  return GeoPoint::from_lat_lon(lat2, lon2);
}

std::vector<GeoPoint> densify_geodesic(const GeoPoint& from, const GeoPoint& to, double max_step_m) {
  const GeographicLib::GeodesicLine line =
      wgs84().InverseLine(from.lat(), from.lon(), to.lat(), to.lon(),
                          GeographicLib::Geodesic::LATITUDE | GeographicLib::Geodesic::LONGITUDE |
                              GeographicLib::Geodesic::DISTANCE_IN | GeographicLib::Geodesic::LONG_UNROLL);
  const double length = line.Distance();
  const int steps = std::max(1, static_cast<int>(std::ceil(length / std::max(max_step_m, 1e-3))));
  std::vector<GeoPoint> out;
  out.reserve(static_cast<size_t>(steps) + 1);
  for (int i = 0; i <= steps; ++i) {
    double lat = 0, lon = 0, t = 0;
    // LONG_UNROLL keeps the longitude continuous from `from` across the antimeridian.
    line.GenPosition(
        false, length * i / steps,
        GeographicLib::Geodesic::LATITUDE | GeographicLib::Geodesic::LONGITUDE | GeographicLib::Geodesic::LONG_UNROLL,
        lat, lon, t, t, t, t, t, t);
    out.push_back(GeoPoint::from_lat_lon(lat, lon));
  }
  out.front() = from;  // exactly the given end, not its recomputation
  if (std::fabs(out.back().lon() - to.lon()) < 1e-9) out.back() = to;
  return out;
}

}  // namespace geoclaim
