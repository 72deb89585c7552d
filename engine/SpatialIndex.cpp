#include "engine/SpatialIndex.hpp"

#include <GeographicLib/Constants.hpp>
#include <algorithm>
#include <array>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>

#include "engine/Geodesy.hpp"
#include "engine/Layer.hpp"

namespace geoclaim {
namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using Vec = bg::model::point<double, 3, bg::cs::cartesian>;
using Box3 = bg::model::box<Vec>;
using Entry = std::pair<Box3, size_t>;

constexpr double kDegToRad = M_PI / 180.0;
// WGS84 semi-minor axis and first eccentricity squared.
const double kB = GeographicLib::Constants::WGS84_a() * (1 - GeographicLib::Constants::WGS84_f());
const double kE2 = GeographicLib::Constants::WGS84_f() * (2 - GeographicLib::Constants::WGS84_f());

/// Geocentric latitude (radians) of a geodetic latitude (degrees): the direction of the point
/// from the Earth's centre. Monotone, so a geodetic lat/lon box is a geocentric one too.
double geocentric_lat(double lat_deg) {
  if (std::fabs(lat_deg) >= 90.0) return std::copysign(M_PI / 2, lat_deg);
  return std::atan((1 - kE2) * std::tan(lat_deg * kDegToRad));
}

Vec unit(double psi, double lon_rad) {
  return Vec(std::cos(psi) * std::cos(lon_rad), std::cos(psi) * std::sin(lon_rad), std::sin(psi));
}

Vec unit(const GeoPoint& p) { return unit(geocentric_lat(p.lat()), p.lon() * kDegToRad); }

/// A 3-D box enclosing the unit vectors of every point of a feature whose vertices lie in a
/// lat/lon box. Nine sample points (corners, edge midpoints, centre) and two pads: one for the
/// curvature between samples (a coordinate of a unit vector changes by at most h²/8 beyond
/// its samples between two samples h radians apart), one for the feature's edges, which run
/// between vertices along geodesics (or straight lines in a local projection, which stay
/// close to them) and bow out of the lat/lon box by at most the sagitta of an arc as long as
/// the box's diagonal D: D²/8, doubled for the projected straight edges. Boxes wider than
/// ~60° get the whole cube.
Box3 enclosing_box(const GeoBox& b) {
  const double psi0 = geocentric_lat(b.min_lat), psi1 = geocentric_lat(b.max_lat);
  const double lon0 = b.min_lon * kDegToRad, lon1 = b.max_lon * kDegToRad;
  const double dpsi = psi1 - psi0, dlon = lon1 - lon0;
  if (dpsi > 1.0 || dlon > 1.0) return Box3(Vec(-1, -1, -1), Vec(1, 1, 1));
  std::array<double, 3> lo{2, 2, 2}, hi{-2, -2, -2};
  for (double fp : {0.0, 0.5, 1.0})
    for (double fl : {0.0, 0.5, 1.0}) {
      const Vec v = unit(psi0 + fp * dpsi, lon0 + fl * dlon);
      const double c[3] = {bg::get<0>(v), bg::get<1>(v), bg::get<2>(v)};
      for (int k = 0; k < 3; ++k) lo[k] = std::min(lo[k], c[k]), hi[k] = std::max(hi[k], c[k]);
    }
  const double d2 = dpsi * dpsi + dlon * dlon;  // squared diagonal, radians
  const double pad = (d2 / 4) / 8 + d2 / 4 + 1e-12;
  return Box3(Vec(lo[0] - pad, lo[1] - pad, lo[2] - pad), Vec(hi[0] + pad, hi[1] + pad, hi[2] + pad));
}

}  // namespace

double geodesic_lower_bound_m(const GeoPoint& p, double chord, double limit_m) {
  const double a = GeographicLib::Constants::WGS84_a();
  const double psi = std::min(M_PI / 2, std::fabs(geocentric_lat(p.lat())) + std::min(M_PI, limit_m / kB));
  // Distance from the centre of the ellipsoid's point at geocentric latitude psi.
  const double r_min = a * kB / std::hypot(kB * std::cos(psi), a * std::sin(psi));
  return r_min * 2 * std::asin(std::min(1.0, chord / 2));
}

double box_lower_bound_m(const GeoPoint& p, const GeoBox& box) {
  if (!box.valid()) return 0.0;  // no bounds, no bound
  const double dlat = box.max_lat - box.min_lat, dlon = box.max_lon - box.min_lon;
  if (dlat > 1.0 || dlon > 1.0) return 0.0;
  const double min_abs_lat = box.min_lat > 0 ? box.min_lat : box.max_lat < 0 ? -box.max_lat : 0.0;
  // At most 111,694 m per degree of latitude and 111,320 cos(lat) per degree of longitude on
  // WGS84; 1 % over for the flat combination within a degree.
  const double half_diag_m =
      1.01 * 0.5 * std::hypot(dlat * 111694.0, dlon * 111320.0 * std::cos(min_abs_lat * kDegToRad));
  const GeoPoint centre = GeoPoint::from_lat_lon((box.min_lat + box.max_lat) / 2, (box.min_lon + box.max_lon) / 2);
  return std::max(0.0, geodesic_inverse(p, centre).distance_m - half_diag_m);
}

struct SpatialIndex::Impl {
  bgi::rtree<Entry, bgi::rstar<16>> tree;
};

SpatialIndex::SpatialIndex(const Layer& layer) : m_impl(std::make_unique<Impl>()) {
  std::vector<Entry> entries;
  entries.reserve(layer.size());
  for (size_t i = 0; i < layer.size(); ++i) {
    // An empty geometry has no bounds (an invalid box): it is nowhere, so never a candidate.
    const GeoBox b = envelope(layer.features()[i].geometry.get());
    if (b.valid()) entries.emplace_back(enclosing_box(b), i);
  }
  m_impl->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());  // packing
}

SpatialIndex::~SpatialIndex() = default;

size_t SpatialIndex::size() const { return m_impl->tree.size(); }

void SpatialIndex::candidates_within(const GeoPoint& p, double radius_m, std::vector<size_t>& out) const {
  out.clear();
  // Within radius_m on the ellipsoid means a central angle of at most radius_m / b, so a
  // chord of at most 2 sin(θ/2): the cube of that half-size around p holds every candidate.
  const double theta = std::min(M_PI, std::max(0.0, radius_m) / kB);
  const double c = 2 * std::sin(theta / 2) + 1e-12;
  const Vec q = unit(p);
  const Box3 query(Vec(bg::get<0>(q) - c, bg::get<1>(q) - c, bg::get<2>(q) - c),
                   Vec(bg::get<0>(q) + c, bg::get<1>(q) + c, bg::get<2>(q) + c));
  for (auto it = m_impl->tree.qbegin(bgi::intersects(query)); it != m_impl->tree.qend(); ++it)
    out.push_back(it->second);
  std::sort(out.begin(), out.end());
}

void SpatialIndex::visit_nearest(const GeoPoint& p, const std::function<bool(size_t, double)>& visit) const {
  const Vec q = unit(p);
  // k nearest boxes, k growing fourfold until the visitor is satisfied. (Boost's incremental
  // nearest iterator, asked for "all", keeps every box it passes in one sorted buffer: slow.)
  // Buffers kept between calls: a nearest search runs once per subject feature.
  thread_local std::vector<std::pair<double, size_t>> ranked;
  thread_local std::vector<Entry> found;
  thread_local std::vector<size_t> visited, fresh;  // visited: sorted, from earlier rounds
  visited.clear();
  const size_t n = m_impl->tree.size();
  if (n == 0) return;  // every feature empty
  for (size_t k = 16;; k *= 4) {
    found.clear();
    m_impl->tree.query(bgi::nearest(q, static_cast<unsigned>(std::min(k, n))), std::back_inserter(found));
    ranked.clear();
    for (const auto& e : found) ranked.emplace_back(bg::distance(q, e.first), e.second);
    std::sort(ranked.begin(), ranked.end());
    fresh.clear();
    for (const auto& [chord, i] : ranked) {
      if (std::binary_search(visited.begin(), visited.end(), i)) continue;  // seen in a smaller round
      fresh.push_back(i);
      if (!visit(i, chord)) return;
    }
    if (found.size() >= n) return;  // every feature visited
    visited.insert(visited.end(), fresh.begin(), fresh.end());
    std::sort(visited.begin(), visited.end());
  }
}

}  // namespace geoclaim
