#include "engine/ExtentDirection.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/Geodesy.hpp"
#include "engine/LocalAeqd.hpp"

namespace geoclaim {
namespace {

constexpr double kDeg = 180.0 / M_PI;
// How much nearer than a pole of O its nearest point may be for the pole to count as nearest:
// a few times the edge model's 1 cm, since chords near a pole lie that much inside the geodesic.
constexpr double kPoleSnapM = 0.1;

/// Directions in the projection's plane, degrees clockwise from its y axis (grid north).
double grid_angle(double dx, double dy) { return normalize_azimuth(std::atan2(dx, dy) * kDeg); }

using Arc = AzimuthArc;

/// Bounds of the sector margin over the directions of an arc.
double best_margin(const DirectionSector& s, const Arc& a) {
  return s.halfwidth_deg - std::max(0.0, std::fabs(azimuth_difference(s.centre_deg, a.centre_deg)) - a.half_deg);
}
double worst_margin(const DirectionSector& s, const Arc& a) {
  return s.halfwidth_deg - std::min(180.0, std::fabs(azimuth_difference(s.centre_deg, a.centre_deg)) + a.half_deg);
}

struct Vec {
  double x, y;
};
Vec operator-(Vec a, Vec b) { return {a.x - b.x, a.y - b.y}; }
double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y; }
double cross(Vec a, Vec b) { return a.x * b.y - a.y * b.x; }
double norm(Vec a) { return std::hypot(a.x, a.y); }
Vec unit(Vec a) {
  const double n = norm(a);
  return {a.x / n, a.y / n};
}

/// Collects the directions in which the nearest point of O to some point of the disc of radius
/// `u` round the origin (the subject) can lie, from every part of O within `reach` of the origin.
class NormalArcs {
 public:
  NormalArcs(const LocalAeqd& plane, double u, double reach) : m_plane(plane), m_u(u), m_reach(reach) {}

  void path(std::span<const PlanarXY> xy, PathKind kind) {
    std::vector<Vec> p;
    p.reserve(xy.size());
    for (const auto& v : xy)  // a vertex repeated in a row is one vertex (zero-length edges have no normal)
      if (p.empty() || v.x != p.back().x || v.y != p.back().y) p.push_back({v.x, v.y});
    if (p.empty()) return;
    if (kind == PathKind::point) return vertex_cone(p[0], {0, 180});
    const bool ring = kind == PathKind::exterior_ring || kind == PathKind::hole;
    if (ring && p.size() > 1 && p.front().x == p.back().x && p.front().y == p.back().y)
      p.pop_back();  // the closing vertex repeats the first
    if (p.size() == 1) return vertex_cone(p[0], {0, 180});
    // A polygon's interior lies to the left of a ring that turns left (positive area) when the
    // ring is its exterior, to the right when it is a hole.
    double twice_area = 0;
    for (size_t i = 0; ring && i < p.size(); ++i) twice_area += cross(p[i], p[(i + 1) % p.size()]);
    const bool interior_left = (kind == PathKind::exterior_ring) == (twice_area > 0);
    const size_t n = p.size();
    const size_t edges = ring ? n : n - 1;
    for (size_t i = 0; i < edges; ++i) edge(p[i], p[(i + 1) % n], ring, interior_left);
    for (size_t i = 0; i < n; ++i) {
      const bool first = i == 0, last = i + 1 == n;
      if (!ring && (first || last)) {
        if (n == 1) {
          vertex_cone(p[i], {0, 180});
        } else {
          const Vec e = unit((first ? p[1] : p[n - 2]) - p[i]);
          vertex_cone(p[i], {grid_angle(-e.x, -e.y), 90});  // a line's end: the half-plane beyond it
        }
        continue;
      }
      const Vec prev = p[(i + n - 1) % n], next = p[(i + 1) % n];
      const double turn = cross(p[i] - prev, next - p[i]);
      const Vec e1 = unit(prev - p[i]), e2 = unit(next - p[i]);
      const bool folds_back = turn == 0 && dot(e1, e2) > 0;  // a spike: nearest over a half-plane
      if (turn == 0 && !folds_back) continue;                // straight on: its edges' normals hold
      // A reflex corner is nearest to nothing outside.
      if (ring && !folds_back && (turn > 0) != interior_left) continue;
      // The directions that have this corner as their nearest point: those at an obtuse angle
      // to both of its edges (the cone between the two edges' perpendiculars).
      const Vec mid{-(e1.x + e2.x), -(e1.y + e2.y)};
      if (norm(mid) == 0) continue;
      const double between = std::acos(std::clamp(dot(e1, e2), -1.0, 1.0)) * kDeg;
      vertex_cone(p[i], {grid_angle(mid.x, mid.y), (180.0 - between) / 2});
    }
  }

  const std::vector<Arc>& arcs() const { return m_arcs; }

 private:
  /// The rotation from grid north to true north at `p`: the radial direction from the centre
  /// has grid angle atan2(x, y) and, at p, the geodesic azimuth of the geodesic from the centre.
  double rotation_at(Vec p) const {
    if (norm(p) < 1e-6) return 0;
    const GeoPoint at = m_plane.unproject(p.x, p.y);
    const double azimuth = geodesic_inverse(m_plane.centre(), at).azimuth2_deg;
    return azimuth_difference(grid_angle(p.x, p.y), azimuth);
  }

  void add(Vec at, Arc a) {
    // From a pole every bearing is one (north from the south pole, south from the north pole).
    const GeoPoint where = m_plane.unproject(at.x, at.y);
    if (is_pole(where)) {
      m_arcs.push_back({where.lat() < 0 ? 0.0 : 180.0, 0});
      return;
    }
    a.centre_deg = normalize_azimuth(a.centre_deg + rotation_at(at));
    m_arcs.push_back(a);
  }

  void edge(Vec a, Vec b, bool ring, bool interior_left) {
    const Vec ab = b - a;
    const double len = norm(ab);
    if (len == 0) return;
    const double along = dot(Vec{-a.x, -a.y}, ab) / len;  // the origin's foot, metres from a
    if (along < -m_u || along > len + m_u) return;        // no point of the disc projects onto it
    const double t = std::clamp(along / len, 0.0, 1.0);
    const Vec foot{a.x + t * ab.x, a.y + t * ab.y};
    if (norm(foot) > m_reach) return;
    const Vec left{-ab.y / len, ab.x / len}, right{ab.y / len, -ab.x / len};
    for (const bool is_right : {false, true}) {
      const Vec n = is_right ? right : left;
      const bool outward = !ring || is_right == interior_left;
      // Some point of the disc must lie on this side of the edge.
      if (outward && -dot(a, n) > -m_u) add(foot, {grid_angle(n.x, n.y), 0});
    }
  }

  void vertex_cone(Vec v, Arc cone) {
    const double r = norm(v);
    if (r > m_reach) return;
    const Arc towards_disc{grid_angle(-v.x, -v.y), r > m_u ? std::asin(m_u / r) * kDeg : 180.0};
    std::vector<Arc> parts;
    intersect_arcs(cone, towards_disc, parts);
    for (const Arc& a : parts) add(v, a);
  }

  const LocalAeqd& m_plane;
  double m_u, m_reach;
  std::vector<Arc> m_arcs;
};

}  // namespace

std::optional<double> bearing_between(const GeoPoint& from, const GeoPoint& to) {
  return bearing_between(from, geodesic_inverse(from, to));
}

std::optional<double> bearing_between(const GeoPoint& from, const GeodesicInverse& inv) {
  if (inv.distance_m == 0) return std::nullopt;
  if (is_pole(from)) return from.lat() < 0 ? 0.0 : 180.0;
  return inv.azimuth1_deg;
}

ExtentDirection direction_from_extent(const GEOSGeometry* object, const GeoPoint& subject, double uncertainty_m,
                                      const DirectionSector& sector) {
  ExtentDirection out;
  const LocalAeqd plane(subject);
  const GeomPtr o = plane.project(object);
  const GeomPtr origin = make_point(PlanarXY{0, 0});
  const double u = std::max(0.0, uncertainty_m);
  out.distance_m = distance(origin.get(), o.get());
  if (out.distance_m == 0) {
    // O may mix polygons with lines and points (the features near s of a layer of several
    // kinds): the depth is inside their polygons' union, if s lies in it.
    if (const GeomPtr polygons = polygonal_part(o.get()); polygons && distance(origin.get(), polygons.get()) == 0) {
      const GeomPtr rim = boundary(polygons.get());
      out.inside_depth_m = distance(origin.get(), rim.get());
    }
    // On O or inside it there is no direction from O: contradicted when every position the
    // uncertainty allows is inside too.
    if (out.inside_depth_m > u) {
      out.verdict = Verdict::contradicted;
      out.margin_deg = sector.halfwidth_deg - 180.0;
      out.spread_deg = 0;
      return out;
    }
  } else {
    PlanarXY q = nearest_points_xy(o.get(), origin.get()).first;
    // Distance to a line through a pole has a flat minimum there (points hundreds of metres
    // from the pole are within a centimetre as far), and bearings from near the pole swing
    // through every value: a pole of O within kPoleSnapM of the nearest
    // distance is the nearest point, so the pole's own bearing rule holds.
    for_each_vertex(o.get(), [&](const PlanarXY& v) {
      if (std::hypot(v.x, v.y) <= out.distance_m + kPoleSnapM && is_pole(plane.unproject(v.x, v.y))) q = v;
    });
    out.bearing_deg = bearing_between(plane.unproject(q.x, q.y), subject);
    if (out.bearing_deg) out.margin_deg = sector.margin_deg(*out.bearing_deg);
  }
  if (u == 0) {
    if (!out.margin_deg) return out;  // on the object: inconclusive
    out.verdict = *out.margin_deg >= 0 ? Verdict::supported : Verdict::contradicted;
    return out;
  }
  NormalArcs arcs(plane, u, out.distance_m + 2 * u);
  for_each_path(o.get(), [&](std::span<const PlanarXY> p, PathKind k) { arcs.path(p, k); });
  if (arcs.arcs().empty()) return out;  // nothing bounds it: inconclusive
  double best = -180, worst = 180;
  for (const Arc& a : arcs.arcs()) {
    best = std::max(best, best_margin(sector, a));
    worst = std::min(worst, worst_margin(sector, a));
    if (out.bearing_deg)
      out.spread_deg = std::max(
          out.spread_deg, std::min(180.0, std::fabs(azimuth_difference(*out.bearing_deg, a.centre_deg)) + a.half_deg));
  }
  const bool disc_reaches_object = out.distance_m <= u;
  if (!disc_reaches_object && worst >= 0)
    out.verdict = Verdict::supported;
  else if (best < 0)
    out.verdict = Verdict::contradicted;
  else
    out.verdict = Verdict::inconclusive;
  return out;
}

}  // namespace geoclaim
