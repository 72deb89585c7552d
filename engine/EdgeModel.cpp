#include "engine/EdgeModel.hpp"

#include <algorithm>
#include <cmath>

#include "engine/Geodesy.hpp"

namespace geoclaim {
namespace {

constexpr double kDegToRad = M_PI / 180.0;
constexpr double kMetresPerDegree = 111320.0;  // of latitude, rounded up (110574–111694)
constexpr double kEarthRadiusM = 6335439.0;    // WGS84's smallest radius of curvature: bounds stay bounds
constexpr int kMaxPiecesPerEdge = 4096;

/// An upper bound on how far a straight lon/lat segment strays from its geodesic, with no
/// geodesic computed: a lon/lat line of length L at latitude φ curves from a geodesic by at
/// most about tan φ / R, so it strays L² tan φ / (8 R); doubled, and with a floor on tan φ for
/// the ellipsoid's own share near the equator.
double deviation_bound_m(const GeoPoint& a, const GeoPoint& b) {
  const double lat = std::min(89.9, std::max(std::fabs(a.lat()), std::fabs(b.lat())));
  const double dx = (b.lon() - a.lon()) * kMetresPerDegree * std::cos(std::min(std::fabs(a.lat()), std::fabs(b.lat())) * kDegToRad);
  const double dy = (b.lat() - a.lat()) * kMetresPerDegree;
  const double l2 = dx * dx + dy * dy;
  return l2 * (std::tan(lat * kDegToRad) + 0.1) / (4.0 * kEarthRadiusM);
}

/// Appends to `out` the points that split a–b along its geodesic (a excluded, b included).
void append_edge(const GeoPoint& a, const GeoPoint& b, std::vector<GeoPoint>& out) {
  const double deviation = straight_segment_deviation_m(a, b);
  // The deviation grows with the square of the length: n pieces stray deviation / n².
  const int pieces = std::clamp(static_cast<int>(std::ceil(std::sqrt(1.5 * deviation / kEdgeToleranceM))), 1,
                                kMaxPiecesPerEdge);
  if (pieces > 1) {
    const auto inv = geodesic_inverse(a, b);
    for (int i = 1; i < pieces; ++i) {
      const GeoPoint p = geodesic_direct(a, inv.azimuth1_deg, inv.distance_m * i / pieces);
      // Keep longitudes continuous with the segment's own (geodesic_direct gives [-180, 180]).
      double lon = p.lon();
      while (lon - a.lon() > 180.0) lon -= 360.0;
      while (lon - a.lon() < -180.0) lon += 360.0;
      out.push_back(GeoPoint::from_lon_lat(lon, p.lat()));
    }
  }
  out.push_back(b);
}

bool needs_split(const GeoPoint& a, const GeoPoint& b) {
  if (std::fabs(b.lon() - a.lon()) > 180.0) return false;  // crosses the antimeridian as stored
  return deviation_bound_m(a, b) > kEdgeToleranceM && straight_segment_deviation_m(a, b) > kEdgeToleranceM;
}

}  // namespace

double straight_segment_deviation_m(const GeoPoint& a, const GeoPoint& b) {
  const GeoPoint straight = GeoPoint::from_lon_lat((a.lon() + b.lon()) / 2, (a.lat() + b.lat()) / 2);
  const auto inv = geodesic_inverse(a, b);
  const GeoPoint on_geodesic = geodesic_direct(a, inv.azimuth1_deg, inv.distance_m / 2);
  return geodesic_inverse(straight, on_geodesic).distance_m;
}

GeomPtr with_geodesic_edges(const GEOSGeometry* g) {
  return rebuild_paths(g, [](std::span<const GeoPoint> points, std::vector<GeoPoint>& out) {
    size_t first = 1;
    while (first < points.size() && !needs_split(points[first - 1], points[first])) ++first;
    if (first >= points.size()) return false;  // the common case: nothing to split, nothing copied
    out.assign(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(first));
    for (size_t i = first; i < points.size(); ++i) {
      if (needs_split(points[i - 1], points[i]))
        append_edge(points[i - 1], points[i], out);
      else
        out.push_back(points[i]);
    }
    return true;
  });
}

}  // namespace geoclaim
