#include "engine/Measure.hpp"

#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <cmath>

#include "engine/Crs.hpp"
#include "engine/Errors.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Layer.hpp"
#include "engine/SpatialIndex.hpp"

namespace geoclaim {
namespace {

/// A local azimuthal equidistant projection centred on one point.
class LocalAeqd {
 public:
  explicit LocalAeqd(const GeoPoint& centre) : m_proj(GeographicLib::Geodesic::WGS84()), m_centre(centre) {}

  GeomPtr project(const GEOSGeometry* g) const {
    return transform_xy(g, [this](double& x, double& y) {
      double px = 0, py = 0, azi = 0, rk = 0;
      m_proj.Forward(m_centre.lat(), m_centre.lon(), y, x, px, py, azi, rk);
      x = px;
      y = py;
    });
  }
  GeoPoint unproject(double x, double y) const {
    double lat = 0, lon = 0, azi = 0, rk = 0;
    m_proj.Reverse(m_centre.lat(), m_centre.lon(), x, y, lat, lon, azi, rk);
    return GeoPoint::from_lat_lon(lat, lon);
  }

 private:
  GeographicLib::AzimuthalEquidistant m_proj;
  GeoPoint m_centre;
};

bool is_single_point(const GEOSGeometry* g) { return GEOSGeomTypeId_r(geos(), g) == GEOS_POINT; }

GeoPoint midpoint(const GeoPoint& a, const GeoPoint& b) {
  const auto inv = geodesic_inverse(a, b);
  return geodesic_direct(a, inv.azimuth1_deg, inv.distance_m / 2.0);
}

}  // namespace

namespace {

/// GEOS's nearest points of two projected geometries, unprojected by `back`.
template <class Unproject>
NearestPair nearest_in_plane(const GEOSGeometry* pa, const GEOSGeometry* pb, Unproject back) {
  GEOSCoordSequence* seq = GEOSNearestPoints_r(geos(), pa, pb);
  if (!seq) throw Error("GEOS could not find the nearest points of two geometries");
  double ax = 0, ay = 0, bx = 0, by = 0;
  GEOSCoordSeq_getXY_r(geos(), seq, 0, &ax, &ay);
  GEOSCoordSeq_getXY_r(geos(), seq, 1, &bx, &by);
  GEOSCoordSeq_destroy_r(geos(), seq);
  const GeoPoint na = back(ax, ay);
  if (ax == bx && ay == by) return {0.0, na, na};
  const GeoPoint nb = back(bx, by);
  return {geodesic_inverse(na, nb).distance_m, na, nb};
}

NearestPair nearest_in_working_crs(const GEOSGeometry* a, const GEOSGeometry* b, const CrsTransform& t) {
  auto forward = [&t](double& x, double& y) {
    const PlanarXY p = t.forward({x, y});
    x = p.x, y = p.y;
  };
  GeomPtr pa = transform_xy(a, forward), pb = transform_xy(b, forward);
  return nearest_in_plane(pa.get(), pb.get(), [&t](double x, double y) {
    const PlanarXY p = t.inverse({x, y});
    return GeoPoint::from_lon_lat(p.x, p.y);
  });
}

}  // namespace

double box_distance_lower_bound_m(const GeoBox& a, const GeoBox& b) {
  const double dlat = std::max({0.0, a.min_lat - b.max_lat, b.min_lat - a.max_lat});
  const double dlon = std::max({0.0, a.min_lon - b.max_lon, b.min_lon - a.max_lon});
  if (dlon > 90.0 || dlat > 0.5) return 0.0;  // far, or across the antimeridian: no bound
  const double lat_max =
      std::max({std::fabs(a.min_lat), std::fabs(a.max_lat), std::fabs(b.min_lat), std::fabs(b.max_lat)});
  if (lat_max > 89.0) return 0.0;
  // Metres per degree on WGS84 are at least 110 574 (latitude) and 111 319 cos(lat) (longitude);
  // within half a degree the flat combination is within 1 % of the geodesic, hence 0.98.
  const double x = dlon * 111319.0 * std::cos(lat_max * M_PI / 180.0), y = dlat * 110574.0;
  return 0.98 * std::sqrt(x * x + y * y);
}

NearestPair nearest_points(const GEOSGeometry* a, const GEOSGeometry* b, const CrsTransform* working) {
  if (is_single_point(a) && is_single_point(b)) {
    const GeoPoint pa = representative_point(a), pb = representative_point(b);
    return {geodesic_inverse(pa, pb).distance_m, pa, pb};
  }
  if (working) return nearest_in_working_crs(a, b, *working);
  // Centre on the subject when it is a point (then distances from it are exact); between the
  // two otherwise, so neither footprint is far from the centre.
  const GeoPoint ra = representative_point(a), rb = representative_point(b);
  const GeoPoint centre = is_single_point(a) ? ra : is_single_point(b) ? rb : midpoint(ra, rb);
  const LocalAeqd aeqd(centre);
  GeomPtr pa = aeqd.project(a);
  GeomPtr pb = aeqd.project(b);
  return nearest_in_plane(pa.get(), pb.get(), [&aeqd](double x, double y) { return aeqd.unproject(x, y); });
}

double reach_m(const GEOSGeometry* g) {
  if (is_single_point(g)) return 0.0;
  const GeoPoint r = representative_point(g);
  const GeoBox b = envelope(g);
  double reach = 0;
  for (double lon : {b.min_lon, b.max_lon})
    for (double lat : {b.min_lat, b.max_lat})
      reach = std::max(reach, geodesic_inverse(r, GeoPoint::from_lat_lon(lat, lon)).distance_m);
  return reach;
}

std::optional<NearestFeature> nearest_feature(const GEOSGeometry* g, const Layer& layer, NearestScratch& scratch,
                                              double max_m, const CrsTransform* working) {
  if (layer.size() == 0) return std::nullopt;
  const GeoPoint centre = representative_point(g);
  const double reach = reach_m(g);
  double radius = max_m;
  if (!std::isfinite(radius)) {
    // First guess: the feature nearest in degree space (the R-tree's own nearest query); the
    // true nearest feature lies within that one's exact distance, searched below.
    layer.index().nearest_by_bounds(centre, 1, scratch.candidates);
    radius = std::numeric_limits<double>::infinity();
    for (size_t i : scratch.candidates)
      radius = std::min(radius, nearest_points(g, layer.features()[i].geometry.get(), working).distance_m);
  }
  layer.index().candidates_within(centre, radius + reach, scratch.candidates);
  // Exact distances are the cost; a cheap lower bound from the bounding boxes orders the
  // candidates, and the search stops at the first one that cannot beat the best so far.
  const GeoBox gb = envelope(g);
  scratch.ordered.clear();
  for (size_t i : scratch.candidates)
    scratch.ordered.emplace_back(box_distance_lower_bound_m(gb, layer.index().bounds(i)), i);
  std::sort(scratch.ordered.begin(), scratch.ordered.end());
  std::optional<NearestFeature> best;
  for (const auto& [bound, i] : scratch.ordered) {
    if (best && bound > best->pair.distance_m) break;
    NearestPair p = nearest_points(g, layer.features()[i].geometry.get(), working);
    // Ties keep the lowest feature index, so results do not depend on the order above.
    if (p.distance_m <= max_m &&
        (!best || p.distance_m < best->pair.distance_m || (p.distance_m == best->pair.distance_m && i < best->feature)))
      best = NearestFeature{i, p};
  }
  return best;
}

std::vector<size_t> covering_features(const GeoPoint& p, const Layer& layer, NearestScratch& scratch) {
  std::vector<size_t> out;
  layer.index().candidates_within(p, 0.0, scratch.candidates);
  for (size_t i : scratch.candidates)
    if (family(layer.features()[i].geometry.get()) == GeomFamily::polygon &&
        covers_point(layer.features()[i].geometry.get(), p))
      out.push_back(i);
  return out;
}

UncertaintyDisc::UncertaintyDisc(const GeoPoint& centre, double radius_m) : m_centre(centre), m_radius_m(radius_m) {
  if (radius_m <= 0) return;
  GeomPtr origin(GEOSGeom_createPointFromXY_r(geos(), 0.0, 0.0));
  m_disc.reset(GEOSBuffer_r(geos(), origin.get(), radius_m, 64));  // 64 segments a quadrant
  if (!m_disc) throw Error("GEOS could not build an uncertainty disc");
  GEOSArea_r(geos(), m_disc.get(), &m_area);
}

double UncertaintyDisc::share_inside(const GEOSGeometry* g) const {
  if (m_radius_m <= 0) return covers_point(g, m_centre) ? 1.0 : 0.0;
  GeomPtr projected = LocalAeqd(m_centre).project(g);
  GeomPtr inside(GEOSIntersection_r(geos(), m_disc.get(), projected.get()));
  if (!inside) throw Error("GEOS could not intersect an uncertainty disc");
  double inside_area = 0;
  GEOSArea_r(geos(), inside.get(), &inside_area);
  return std::clamp(inside_area / m_area, 0.0, 1.0);
}

double disc_share_inside(const GeoPoint& centre, double radius_m, const GEOSGeometry* g) {
  return UncertaintyDisc(centre, radius_m).share_inside(g);
}

}  // namespace geoclaim
