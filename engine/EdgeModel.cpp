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
  const double dx =
      (b.lon() - a.lon()) * kMetresPerDegree * std::cos(std::min(std::fabs(a.lat()), std::fabs(b.lat())) * kDegToRad);
  const double dy = (b.lat() - a.lat()) * kMetresPerDegree;
  const double l2 = dx * dx + dy * dy;
  return l2 * (std::tan(lat * kDegToRad) + 0.1) / (4.0 * kEarthRadiusM);
}

/// Appends to `out` the points that split a–b along its geodesic (a excluded, b included).
void append_edge(const GeoPoint& a, const GeoPoint& b, std::vector<GeoPoint>& out) {
  const double deviation = straight_segment_deviation_m(a, b);
  // The deviation grows with the square of the length: n pieces stray deviation / n².
  const int pieces =
      std::clamp(static_cast<int>(std::ceil(std::sqrt(1.5 * deviation / kEdgeToleranceM))), 1, kMaxPiecesPerEdge);
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
  return deviation_bound_m(a, b) > kEdgeToleranceM && straight_segment_deviation_m(a, b) > kEdgeToleranceM;
}

/// `p` moved by whole turns so that its longitude lies within 180° of `prev`'s: an edge always
/// takes the short way (an edge from 179.99° to −179.99° crosses the antimeridian, 2.2 km, and
/// does not run 359.98° round the globe), so a path crossing it stays continuous, with
/// longitudes beyond ±180° on its far side.
GeoPoint continuing(const GeoPoint& prev, const GeoPoint& p) {
  double lon = p.lon();
  while (lon - prev.lon() > 180.0) lon -= 360.0;
  while (lon - prev.lon() < -180.0) lon += 360.0;
  return lon == p.lon() ? p : GeoPoint::from_lon_lat(lon, p.lat());
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
    auto jumps = [&](size_t i) { return std::fabs(points[i].lon() - points[i - 1].lon()) > 180.0; };
    size_t first = 1;
    while (first < points.size() && !jumps(first) && !needs_split(points[first - 1], points[first])) ++first;
    if (first >= points.size()) return false;  // the common case: nothing to split, nothing copied
    out.assign(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(first));
    for (size_t i = first; i < points.size(); ++i) {
      const GeoPoint a = out.back(), b = continuing(a, points[i]);
      if (needs_split(a, b))
        append_edge(a, b, out);
      else
        out.push_back(b);
    }
    return true;
  });
}

std::optional<double> ring_round_pole(const GEOSGeometry* g) {
  if (family(g) != GeomFamily::polygon) return std::nullopt;
  std::optional<double> pole;
  for_each_path(g, [&](std::span<const PlanarXY> ring, PathKind kind) {
    if (pole || (kind != PathKind::exterior_ring && kind != PathKind::hole)) return;
    double turn = 0, lat_sum = 0;
    for (size_t i = 1; i < ring.size(); ++i) {
      double step = ring[i].x - ring[i - 1].x;  // the short way, as continuing() takes it
      while (step > 180.0) step -= 360.0;
      while (step < -180.0) step += 360.0;
      turn += step;
      lat_sum += ring[i].y;
    }
    // A ring that stays on one side of the poles turns by 0; one round a pole by ±360°.
    if (std::fabs(turn) > 180.0) pole = lat_sum >= 0 ? 90.0 : -90.0;
  });
  return pole;
}

GeomPtr joined_at_antimeridian(const GEOSGeometry* g) {
  const int n = member_count(g);
  if (family(g) != GeomFamily::polygon || n < 2) return nullptr;
  bool east = false, west = false;
  for (int i = 0; i < n; ++i) {
    const GeoBox b = envelope(member(g, i));
    east = east || b.max_lon == 180.0;
    west = west || b.min_lon == -180.0;
  }
  if (!east || !west) return nullptr;
  std::vector<GeomPtr> parts;
  parts.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* part = member(g, i);
    parts.push_back(envelope(part).min_lon == -180.0 ? transform_xy(part, [](double& x, double&) { x += 360.0; })
                                                     : clone(part));
  }
  GeomPtr joined = union_of(std::move(parts));
  // Parts that only touched the antimeridian at a corner, or not each other, stay as stored.
  if (member_count(joined.get()) >= n) return nullptr;
  return joined;
}

}  // namespace geoclaim
