#include "layers/ExtentZones.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include "engine/ExtentDirection.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Layer.hpp"
#include "engine/Measure.hpp"
#include "layers/ZoneDrawing.hpp"

namespace geoclaim::layers {
namespace {

// Along a ray, its origin is still O's nearest point while O is no nearer than the ray is long
// by more than this (geoclaim's distances follow the edge model, engine/EdgeModel.hpp, to 1 cm).
// The slack only keeps rays from stopping short on rounding: whether a point of a ray is in
// the zone is decided by the verdict's own rule, so a ray run on past where another part of O
// takes over still ends where that part's bearing leaves the sector.
constexpr double kNearestSlackM = 0.02;
// A ray along the sector's edge has the edge's bearing up to rounding: a margin this far below
// zero (1e-7 degrees: 0.2 mm at 100 km) still counts as in the sector for the drawing.
constexpr double kMarginRoundingDeg = 1e-7;
// The reach along a ray is bisected to this.
constexpr double kReachResolutionM = 0.01;
// Rays across a corner's cone start 1° apart and rays along an edge at 9 places; both are
// halved until the chords of the curves they trace stay within kChordErrorM.
constexpr double kConeStartStepDeg = 1.0;
constexpr int kEdgeStartSteps = 8;
constexpr int kMaxHalvings = 24;
// The work one zone may take, in vertices projected (about 600,000 a second: a budget of about
// 3 s): a compound of 50 corners costs a few thousand judgements, a meandering 200-vertex river
// a hundred times more. Each judgement projects the nearest feature (twice, when the layer has
// several and the index must find it first).
constexpr size_t kMaxZoneVertexVisits = 2'000'000;

struct Ray {
  GeoPoint origin;
  double azimuth_deg = 0;
};
/// Rays for s from 0 to 1: along an edge, or across a corner's cone.
using RayFamily = std::function<Ray(double s)>;

/// True when `m` lies farther than kChordErrorM from the straight lon/lat segment a–b
/// (metres from degrees at m's latitude, a few per mille off at most at chord lengths).
bool strays_from_chord(const GeoPoint& a, const GeoPoint& m, const GeoPoint& b) {
  const double kx = 111320.0 * std::cos(m.lat() * M_PI / 180.0), ky = 111700.0;  // m per degree, upper bounds
  const double ax = (a.lon() - m.lon()) * kx, ay = (a.lat() - m.lat()) * ky;
  const double bx = (b.lon() - m.lon()) * kx, by = (b.lat() - m.lat()) * ky;
  const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(ax + t * dx, ay + t * dy) > kChordErrorM;
}

class DirectionZoneBuilder {
 public:
  struct OverBudget {};

  DirectionZoneBuilder(const Layer& object, std::vector<size_t> feature_vertices, const DirectionSector& sector,
                       Interval band, double reference_lon)
      : m_object(object),
        m_feature_vertices(std::move(feature_vertices)),
        m_sector(sector),
        m_band(band),
        m_reference_lon(reference_lon) {}

  /// Adds the region the rays sweep, each from m_band.lo out to m_band.hi or to where its
  /// origin stops being O's nearest point, whichever comes first.
  void sweep(const RayFamily& rays, int start_steps) {
    std::vector<Sample> samples{sample(rays, 0.0)};
    for (int i = 1; i <= start_steps; ++i) {
      Sample next = sample(rays, static_cast<double>(i) / start_steps);
      refine(rays, samples.back(), next, 0, samples);
      samples.push_back(std::move(next));
    }
    if (std::none_of(samples.begin(), samples.end(), [&](const Sample& s) { return s.reach_m > m_band.lo; })) return;
    std::vector<GeoPoint> ring;
    for (const Sample& s : samples) ring.push_back(s.inner);
    radial(samples.back(), true, ring);
    for (auto s = samples.rbegin(); s != samples.rend(); ++s) ring.push_back(s->outer);
    radial(samples.front(), false, ring);
    ring.push_back(ring.front());
    GeomPtr part = valid_polygon({ring});
    if (!is_empty(part.get())) m_parts.push_back(std::move(part));
  }

  GeomPtr take() {
    if (m_parts.empty()) return nullptr;
    if (m_parts.size() == 1) return std::move(m_parts[0]);
    return union_of(std::move(m_parts));
  }

 private:
  struct Sample {
    double s = 0;
    Ray ray;
    double reach_m = 0;
    GeoPoint inner, outer;  // at band.lo and at the reach (band.lo when it is shorter)
  };

  GeoPoint along(const Ray& r, double t) const {
    return unrolled(geodesic_direct(r.origin, r.azimuth_deg, t), m_reference_lon);
  }

  /// Whether a point `t` metres out along a ray from O belongs to the zone: its origin is
  /// still (within kNearestSlackM) O's nearest point, and the claim holds there by the
  /// verdict's rule, with the verdict's own function (engine/ExtentDirection.hpp).
  bool in_zone_along_ray(const GeoPoint& p, double t) const {
    size_t nearest = 0;
    if (m_object.size() > 1) {
      const GeomPtr point = make_point(p);
      const auto nf = nearest_feature(point.get(), m_object);
      if (!nf) return false;
      nearest = nf->feature;
      charge(m_feature_vertices[nearest]);  // the index visits few features; their cost is about this
    }
    charge(m_feature_vertices[nearest]);
    const ExtentDirection dir = direction_from_extent(m_object.features()[nearest].geometry.get(), p, 0, m_sector);
    if (dir.distance_m < t - kNearestSlackM) return false;  // another part of O is nearer
    return dir.margin_deg && *dir.margin_deg >= -kMarginRoundingDeg;
  }

  /// Past the budget the drawing is given up rather than left to run for minutes.
  void charge(size_t vertices) const {
    m_vertex_visits += vertices;
    if (m_vertex_visits > kMaxZoneVertexVisits) throw OverBudget{};
  }

  /// How far along the ray it stays in the zone, up to band.hi. Once another part of O is
  /// nearer, it stays nearer farther out (the triangle inequality), and once the bearing from
  /// the nearest point leaves the sector there it does not come back while that part stays
  /// nearest, so the reach is one number, found by bisection.
  double reach(const Ray& r) const {
    auto holds = [&](double t) { return in_zone_along_ray(geodesic_direct(r.origin, r.azimuth_deg, t), t); };
    if (holds(m_band.hi)) return m_band.hi;
    double held = 0, lost = m_band.hi;
    while (lost - held > kReachResolutionM) {
      const double t = (held + lost) / 2;
      (holds(t) ? held : lost) = t;
    }
    return held;
  }

  Sample sample(const RayFamily& rays, double s) const {
    Sample out{s, rays(s), 0, {}, {}};
    out.reach_m = reach(out.ray);
    out.inner = along(out.ray, m_band.lo);
    out.outer = along(out.ray, std::max(m_band.lo, out.reach_m));
    return out;
  }

  /// Appends the samples strictly between `a` and `b` that keep both curves within the chord
  /// error.
  void refine(const RayFamily& rays, const Sample& a, const Sample& b, int depth, std::vector<Sample>& out) const {
    if (depth >= kMaxHalvings) return;
    Sample m = sample(rays, (a.s + b.s) / 2);
    if (!strays_from_chord(a.outer, m.outer, b.outer) && !strays_from_chord(a.inner, m.inner, b.inner)) return;
    refine(rays, a, m, depth + 1, out);
    out.push_back(m);
    refine(rays, m, b, depth + 1, out);
  }

  /// The points strictly between a sample's inner and outer ends, along its ray (outwards or
  /// inwards), so the side stays on the geodesic.
  void radial(const Sample& s, bool outwards, std::vector<GeoPoint>& ring) const {
    const double from = m_band.lo, to = std::max(m_band.lo, s.reach_m);
    const int steps = static_cast<int>(std::ceil((to - from) / kRadialStepM));
    for (int i = 1; i < steps; ++i) {
      const int k = outwards ? i : steps - i;
      ring.push_back(along(s.ray, from + (to - from) * k / steps));
    }
  }

  const Layer& m_object;
  std::vector<size_t> m_feature_vertices;
  const DirectionSector& m_sector;
  mutable size_t m_vertex_visits = 0;
  Interval m_band;
  double m_reference_lon;
  std::vector<GeomPtr> m_parts;
};

/// The spans of s in [0, 1] where `normal(s)` lies in the sector (its edges found by bisection;
/// along one edge of the edge model the normal turns by hundredths of a degree at most).
std::vector<std::pair<double, double>> spans_in_sector(const std::function<double(double)>& normal,
                                                       const DirectionSector& sector) {
  std::vector<std::pair<double, double>> spans;
  constexpr int kProbes = 8;
  bool was_in = sector.contains(normal(0));
  double start = 0;
  for (int i = 1; i <= kProbes; ++i) {
    const double s = static_cast<double>(i) / kProbes;
    const bool is_in = sector.contains(normal(s));
    if (is_in != was_in) {
      double lo = static_cast<double>(i - 1) / kProbes, hi = s;
      for (int k = 0; k < 50; ++k) {
        const double mid = (lo + hi) / 2;
        (sector.contains(normal(mid)) == was_in ? lo : hi) = mid;
      }
      if (was_in) spans.emplace_back(start, lo);
      start = hi;
      was_in = is_in;
    }
  }
  if (was_in) spans.emplace_back(start, 1.0);
  return spans;
}

/// The directions in which a corner is O's nearest point: the cone between its edges'
/// normals on its convex side. `in_deg` is the azimuth arriving at the corner, `out_deg` the
/// azimuth leaving it. None for a polygon's reflex corner (nearest to nothing outside) or a
/// corner that goes straight on (its edges' normals cover it).
std::optional<AzimuthArc> corner_cone(double in_deg, double out_deg, bool ring, bool interior_left) {
  const double back = in_deg + 180.0;                        // towards the previous vertex
  const double opening = azimuth_difference(back, out_deg);  // from `back` to the next edge
  const double between = std::fabs(opening);
  const bool folds_back = between < 1e-9;  // a spike: nearest over the half-plane beyond it
  if (!folds_back && between > 180.0 - 1e-9) return std::nullopt;
  const bool turns_left = azimuth_difference(in_deg, out_deg) < 0;  // the cone lies on the right
  if (ring && !folds_back && turns_left != interior_left) return std::nullopt;
  return AzimuthArc{normalize_azimuth(back + opening / 2 + 180.0), (180.0 - between) / 2};
}

class ObjectSweeper {
 public:
  ObjectSweeper(DirectionZoneBuilder& builder, const DirectionSector& sector) : m_builder(builder), m_sector(sector) {}

  void path(std::span<const PlanarXY> xy, PathKind kind) {
    std::vector<GeoPoint> p;
    for (const auto& v : xy)  // a vertex repeated in a row is one vertex (zero-length edges have no normal)
      if (p.empty() || v.x != p.back().lon() || v.y != p.back().lat()) p.push_back(GeoPoint::from_lon_lat(v.x, v.y));
    const bool ring = kind == PathKind::exterior_ring || kind == PathKind::hole;
    if (ring && p.size() > 1 && p.front().lon() == p.back().lon() && p.front().lat() == p.back().lat()) p.pop_back();
    if (p.empty()) return;
    if (p.size() == 1) return corner(p[0], AzimuthArc{0, 180});
    // As in engine/ExtentDirection.cpp: a polygon's interior lies to the left of a ring that
    // turns left (positive area in lon/lat, east and north up) when it is the exterior.
    double twice_area = 0;
    for (size_t i = 0; ring && i < p.size(); ++i) {
      const GeoPoint &a = p[i], &b = p[(i + 1) % p.size()];
      twice_area += a.lon() * b.lat() - b.lon() * a.lat();
    }
    const bool interior_left = (kind == PathKind::exterior_ring) == (twice_area > 0);
    const size_t n = p.size(), edges = ring ? n : n - 1;
    std::vector<GeodesicInverse> edge(edges);
    for (size_t i = 0; i < edges; ++i) edge[i] = geodesic_inverse(p[i], p[(i + 1) % n]);
    for (size_t i = 0; i < edges; ++i) {
      // A line is looked at from both sides, a ring only from outside the polygon.
      if (!ring || interior_left) edge_side(p[i], p[(i + 1) % n], +90.0);
      if (!ring || !interior_left) edge_side(p[i], p[(i + 1) % n], -90.0);
    }
    for (size_t i = 0; i < n; ++i) {
      if (!ring && i == 0) {
        corner(p[0], {normalize_azimuth(edge[0].azimuth1_deg + 180.0), 90.0});  // the half-plane beyond the end
      } else if (!ring && i + 1 == n) {
        corner(p[i], {edge[i - 1].azimuth2_deg, 90.0});
      } else if (auto cone = corner_cone(edge[(i + edges - 1) % edges].azimuth2_deg, edge[i].azimuth1_deg, ring,
                                         interior_left)) {
        corner(p[i], *cone);
      }
    }
  }

 private:
  /// One side of the edge a–b (`turn_deg` +90: its right, −90: its left): the rays leaving it
  /// along its normal, wherever that normal lies in the sector.
  void edge_side(const GeoPoint& a, const GeoPoint& b, double turn_deg) {
    const GeographicLib::GeodesicLine line =
        GeographicLib::Geodesic::WGS84().InverseLine(a.lat(), a.lon(), b.lat(), b.lon());
    const double length = line.Distance();
    auto ray_at = [&](double s) {
      double lat = 0, lon = 0, azi = 0;
      line.Position(length * s, lat, lon, azi);
      return Ray{GeoPoint::from_lat_lon(lat, lon), normalize_azimuth(azi + turn_deg)};
    };
    for (const auto& [s0, s1] : spans_in_sector([&](double s) { return ray_at(s).azimuth_deg; }, m_sector))
      m_builder.sweep([&, s0 = s0, s1 = s1](double s) { return ray_at(s0 + (s1 - s0) * s); }, kEdgeStartSteps);
  }

  /// A corner (or a lone point) and the cone of directions in which it is nearest.
  void corner(const GeoPoint& v, const AzimuthArc& cone) {
    std::vector<AzimuthArc> parts;
    if (is_pole(v)) {  // from a pole every bearing is one: all of the cone, or none of it
      if (m_sector.contains(v.lat() < 0 ? 0.0 : 180.0)) parts.push_back(cone);
    } else {
      intersect_arcs(cone, {m_sector.centre_deg, m_sector.halfwidth_deg}, parts);
    }
    for (const AzimuthArc& a : parts) {
      const int steps = std::max(2, static_cast<int>(std::ceil(2 * a.half_deg / kConeStartStepDeg)));
      m_builder.sweep(
          [&](double s) {
            return Ray{v, normalize_azimuth(a.centre_deg - a.half_deg + 2 * a.half_deg * s)};
          },
          steps);
    }
  }

  DirectionZoneBuilder& m_builder;
  const DirectionSector& m_sector;
};

}  // namespace

GeomPtr extent_direction_zone(const Layer& object, const DirectionSector& sector, Interval band) {
  if (object.size() == 0 || !(band.hi > band.lo) || !std::isfinite(band.hi)) return nullptr;
  std::vector<size_t> feature_vertices;
  size_t vertices = 0;
  for (const auto& f : object.features()) {
    size_t n = 0;
    for_each_vertex(f.geometry.get(), [&](const PlanarXY&) { ++n; });
    feature_vertices.push_back(n);
    vertices += n;
  }
  if (vertices > kMaxDirectionZoneVertices) return nullptr;
  // A zone that reaches a pole is not drawn: rays over it come back at longitudes 180° apart,
  // which a lon/lat ring round one reference longitude cannot hold (the verdicts there are
  // still measured, and the poles' own bearing rule holds for them).
  for (const double pole_lat : {90.0, -90.0}) {
    const GeomPtr pole = make_point(GeoPoint::from_lat_lon(pole_lat, 0));
    const auto nearest = nearest_feature(pole.get(), object);
    if (nearest && nearest->pair.distance_m <= band.hi) return nullptr;
  }
  // Every point is kept within 180° of one longitude of O, so pieces across the antimeridian
  // join (O itself holds continuous longitudes there, engine/EdgeModel.hpp).
  const double reference_lon = representative_point(object.features().front().geometry.get()).lon();
  DirectionZoneBuilder builder(object, std::move(feature_vertices), sector, band, reference_lon);
  ObjectSweeper sweeper(builder, sector);
  try {
    for (const auto& f : object.features())
      for_each_path(f.geometry.get(), [&](std::span<const PlanarXY> p, PathKind k) { sweeper.path(p, k); });
  } catch (const DirectionZoneBuilder::OverBudget&) {
    return nullptr;
  }
  return builder.take();
}

}  // namespace geoclaim::layers
