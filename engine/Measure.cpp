#include "engine/Measure.hpp"

#include <algorithm>
#include <cmath>

#include "engine/Crs.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Layer.hpp"
#include "engine/LocalAeqd.hpp"
#include "engine/SpatialIndex.hpp"

namespace geoclaim {
namespace {

bool is_single_point(const GEOSGeometry* g) { return geom_type(g) == GeomType::point; }

GeoPoint midpoint(const GeoPoint& a, const GeoPoint& b) {
  const auto inv = geodesic_inverse(a, b);
  return geodesic_direct(a, inv.azimuth1_deg, inv.distance_m / 2.0);
}

}  // namespace

namespace {

/// GEOS's nearest points of two projected geometries, unprojected by `back`.
template <class Unproject>
NearestPair nearest_in_plane(const GEOSGeometry* pa, const GEOSGeometry* pb, Unproject back) {
  const auto [a, b] = nearest_points_xy(pa, pb);
  const GeoPoint na = back(a.x, a.y);
  if (a.x == b.x && a.y == b.y) return {0.0, na, na};
  const GeoPoint nb = back(b.x, b.y);
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
  // Edges bow out of the lat/lon box by up to the sagitta of an arc as long as its diagonal.
  const double diagonal =
      geodesic_inverse(GeoPoint::from_lat_lon(b.min_lat, b.min_lon), GeoPoint::from_lat_lon(b.max_lat, b.max_lon))
          .distance_m;
  return reach + diagonal * diagonal / (4 * 6356752.0);
}

std::optional<NearestFeature> nearest_feature(const GEOSGeometry* g, const Layer& layer, double max_m,
                                              const CrsTransform* working) {
  if (layer.size() == 0) return std::nullopt;
  const GeoPoint centre = representative_point(g);
  // The subject reaches `reach` from its centre, so a feature whose bound from the centre is
  // d is at least d - reach from the subject.
  const double reach = reach_m(g);
  std::optional<NearestFeature> best;
  layer.index().visit_nearest(centre, [&](size_t i, double chord) {
    const double limit = std::min(max_m, best ? best->pair.distance_m : max_m) + reach;
    const double bound = geodesic_lower_bound_m(centre, chord, limit) - reach;
    if (bound > max_m || (best && bound > best->pair.distance_m)) return false;
    // A second, cheaper test before the exact measurement: far boxes are skipped on one
    // geodesic to their centre.
    const GEOSGeometry* candidate = layer.features()[i].geometry.get();
    const double box_bound = box_lower_bound_m(centre, envelope(candidate)) - reach;
    if (box_bound > max_m || (best && box_bound > best->pair.distance_m)) return true;
    NearestPair p = nearest_points(g, candidate, working);
    // Ties keep the lowest feature index, so results do not depend on the visiting order.
    if (p.distance_m <= max_m &&
        (!best || p.distance_m < best->pair.distance_m || (p.distance_m == best->pair.distance_m && i < best->feature)))
      best = NearestFeature{i, p};
    return true;
  });
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
  const GeomPtr origin = make_point(PlanarXY{0.0, 0.0});
  m_disc = buffer(origin.get(), radius_m, 64);  // 64 segments a quadrant
  m_area = area(m_disc.get());
}

double UncertaintyDisc::share_inside(const GEOSGeometry* g) const {
  if (m_radius_m <= 0) return covers_point(g, m_centre) ? 1.0 : 0.0;
  GeomPtr projected = LocalAeqd(m_centre).project(g);
  const GeomPtr inside = intersection(m_disc.get(), projected.get());
  return std::clamp(area(inside.get()) / m_area, 0.0, 1.0);
}

double UncertaintyDisc::share_inside_any(const std::vector<const GEOSGeometry*>& gs) const {
  if (gs.size() == 1) return share_inside(gs[0]);
  if (m_radius_m <= 0) {
    for (const GEOSGeometry* g : gs)
      if (covers_point(g, m_centre)) return 1.0;
    return 0.0;
  }
  std::vector<GeomPtr> pieces;
  pieces.reserve(gs.size());
  const LocalAeqd aeqd(m_centre);
  for (const GEOSGeometry* g : gs) {
    const GeomPtr projected = aeqd.project(g);
    pieces.push_back(intersection(m_disc.get(), projected.get()));
  }
  if (pieces.empty()) return 0.0;
  const GeomPtr merged = union_of(std::move(pieces));
  return std::clamp(area(merged.get()) / m_area, 0.0, 1.0);
}

double disc_share_inside(const GeoPoint& centre, double radius_m, const GEOSGeometry* g) {
  return UncertaintyDisc(centre, radius_m).share_inside(g);
}

}  // namespace geoclaim
