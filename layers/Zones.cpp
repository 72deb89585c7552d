#include "layers/Zones.hpp"

#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/Geodesy.hpp"
#include "engine/Measure.hpp"
#include "layers/ExtentZones.hpp"
#include "layers/Fields.hpp"
#include "layers/ZoneDrawing.hpp"

namespace geoclaim::layers {
namespace {

using T = Field::Type;

/// Vertices for an arc of `sweep_deg` degrees at `radius_m`: enough that no chord strays more
/// than kChordErrorM inside the arc.
int vertex_count(double radius_m, double sweep_deg) {
  if (radius_m <= 0) return 1;
  const double half_step = std::acos(std::max(-1.0, 1.0 - kChordErrorM / radius_m));  // θ, radians
  const double n = std::ceil(sweep_deg * M_PI / 180.0 / (2.0 * half_step));
  return static_cast<int>(std::clamp(n, 64.0, 1.0e6));
}

/// Points of the geodesic arc at `radius_m` from `centre`, azimuths `from_deg` to `to_deg`
/// clockwise.
void arc(const GeoPoint& centre, double radius_m, double from_deg, double to_deg, std::vector<GeoPoint>& out) {
  const double sweep = to_deg - from_deg;
  const int n = vertex_count(radius_m, sweep);
  for (int i = 0; i <= n; ++i)
    out.push_back(unrolled(geodesic_direct(centre, from_deg + sweep * i / n, radius_m), centre.lon()));
}

/// The region within `radius_m` of a footprint: buffered in a local azimuthal equidistant
/// projection at its centroid, where a footprint's own size is a rounding error. Null when the
/// region holds a pole (a line over it): in lon/lat its edge would come back 180° of longitude
/// away, which one ring cannot hold (review of issue 10: the folded ring stopped the run).
GeomPtr footprint_buffer(const GEOSGeometry* g, double radius_m) {
  const GeoPoint c = representative_point(g);
  const GeographicLib::AzimuthalEquidistant aeqd(GeographicLib::Geodesic::WGS84());
  GeomPtr projected = transform_xy(g, [&](double& x, double& y) {
    double px = 0, py = 0, azi = 0, rk = 0;
    aeqd.Forward(c.lat(), c.lon(), y, x, px, py, azi, rk);
    x = px, y = py;
  });
  const int quadrant_segments = std::max(8, vertex_count(radius_m, 360.0) / 4);
  const GeomPtr buffered = radius_m > 0 ? buffer(projected.get(), radius_m, quadrant_segments) : std::move(projected);
  for (const double pole_lat : {90.0, -90.0}) {
    double px = 0, py = 0, azi = 0, rk = 0;
    aeqd.Forward(c.lat(), c.lon(), pole_lat, c.lon(), px, py, azi, rk);
    if (std::isfinite(px) && intersects(buffered.get(), make_point(PlanarXY{px, py}).get())) return nullptr;
  }
  GeomPtr out = transform_xy(buffered.get(), [&](double& x, double& y) {
    double lat = 0, lon = 0, azi = 0, rk = 0;
    aeqd.Reverse(c.lat(), c.lon(), x, y, lat, lon, azi, rk);
    const GeoPoint p = unrolled(GeoPoint::from_lat_lon(lat, lon), c.lon());
    x = p.lon(), y = p.lat();
  });
  if (family(out.get()) == GeomFamily::polygon && !validity_problem(out.get()).empty()) out = make_valid(out.get());
  return out;
}

/// The latitude of the pole that lies within `radius_m` of `centre`, if one does.
std::optional<double> pole_within(const GeoPoint& centre, double radius_m) {
  for (const double pole_lat : {90.0, -90.0})
    if (geodesic_inverse(centre, GeoPoint::from_lat_lon(pole_lat, centre.lon())).distance_m < radius_m) return pole_lat;
  return std::nullopt;
}

/// The disc of `radius_m` round `centre` when it holds the pole at `pole_lat`. Its circle then
/// goes once round the pole, meeting every meridian once, so in lon/lat it is a line from
/// −180° to 180° of longitude: the cap is the region between that line and the pole's edge of
/// the map (a ring along the circle, down the antimeridian to the pole and back).
GeomPtr polar_cap(const GeoPoint& centre, double radius_m, double pole_lat) {
  std::vector<GeoPoint> circle;
  const int n = vertex_count(radius_m, 360.0);
  circle.reserve(static_cast<size_t>(n) + 4);
  for (int i = 0; i < n; ++i) circle.push_back(geodesic_direct(centre, 360.0 * i / n, radius_m));
  std::sort(circle.begin(), circle.end(), [](const GeoPoint& a, const GeoPoint& b) { return a.lon() < b.lon(); });
  // Where the circle meets the antimeridian, between its last and first points.
  const GeoPoint &west = circle.front(), &east = circle.back();
  const double gap = (west.lon() + 360.0) - east.lon();
  const double lat_at_180 = gap > 0 ? east.lat() + (west.lat() - east.lat()) * (180.0 - east.lon()) / gap : east.lat();
  std::vector<GeoPoint> ring;
  ring.reserve(circle.size() + 5);
  ring.push_back(GeoPoint::from_lon_lat(-180.0, lat_at_180));
  ring.insert(ring.end(), circle.begin(), circle.end());
  ring.push_back(GeoPoint::from_lon_lat(180.0, lat_at_180));
  ring.push_back(GeoPoint::from_lon_lat(180.0, pole_lat));
  ring.push_back(GeoPoint::from_lon_lat(-180.0, pole_lat));
  ring.push_back(ring.front());
  return valid_polygon({ring});
}

/// Everything within `radius_m` of one object feature.
GeomPtr within(const GEOSGeometry* g, double radius_m) {
  if (geom_type(g) != GeomType::point) return footprint_buffer(g, radius_m);
  const GeoPoint centre = representative_point(g);
  if (const auto pole = pole_within(centre, radius_m)) return polar_cap(centre, radius_m, *pole);
  return valid_polygon({geodesic_circle(centre, radius_m)});
}

/// Zone of one object feature for a distance interval [lo, hi] (annulus or disc); null when it
/// cannot be drawn (within()).
GeomPtr distance_zone(const GEOSGeometry* g, Interval claimed) {
  GeomPtr outer = within(g, claimed.hi);
  if (claimed.lo <= 0 || !outer) return outer;
  GeomPtr inner = within(g, claimed.lo);
  return inner ? difference(outer.get(), inner.get()) : nullptr;
}

/// Annular sector (lo > 0) or sector (lo = 0) of azimuths `sector` around `centre`.
GeomPtr sector_zone(const GeoPoint& centre, double lo, double hi, const DirectionSector& sector) {
  std::vector<GeoPoint> ring;
  const double from = sector.centre_deg - sector.halfwidth_deg, to = sector.centre_deg + sector.halfwidth_deg;
  if (sector.halfwidth_deg >= 180.0) return distance_zone(make_point(centre).get(), {lo, hi});
  // From a pole every bearing is one (north from the south pole, south from the north pole):
  // the zone is the whole disc or annulus, or nothing.
  if (is_pole(centre)) {
    if (!sector.contains(centre.lat() < 0 ? 0.0 : 180.0)) return nullptr;
    return distance_zone(make_point(centre).get(), {lo, hi});
  }
  // A sector that holds a pole: its rays over the pole come back 180° of longitude away, which
  // one lon/lat ring round the centre cannot hold. Not drawn (the verdicts are unaffected).
  if (const auto pole = pole_within(centre, hi); pole && sector.contains(*pole > 0 ? 0.0 : 180.0)) return nullptr;
  // The radial edges lie on geodesics from the centre (points of one azimuth from a point are
  // one geodesic), so they are densified like the arcs: straight in lon/lat they would stray.
  auto radial = [&](const GeoPoint& a, const GeoPoint& b) {
    const auto pts = densify_geodesic(a, b, kRadialStepM);
    for (size_t i = 1; i + 1 < pts.size(); ++i) ring.push_back(unrolled(pts[i], centre.lon()));
  };
  const GeoPoint inner_from = lo > 0 ? geodesic_direct(centre, from, lo) : centre;
  const GeoPoint inner_to = lo > 0 ? geodesic_direct(centre, to, lo) : centre;
  ring.push_back(unrolled(inner_from, centre.lon()));
  radial(inner_from, geodesic_direct(centre, from, hi));
  arc(centre, hi, from, to, ring);
  radial(geodesic_direct(centre, to, hi), inner_to);
  if (lo > 0) {
    std::vector<GeoPoint> inner;
    arc(centre, lo, from, to, inner);
    ring.insert(ring.end(), inner.rbegin(), inner.rend());
  }
  return valid_polygon({ring});
}

}  // namespace

double direction_range_m(const ClaimResult& c) {
  double far = 1000.0;
  for (const auto& m : c.measures)
    if (m.distance && std::isfinite(m.distance->metres))
      far = std::max(far, 1.5 * (m.distance->metres + m.uncertainty_m));
  return std::min(far, kMaxZoneRadiusM);
}

namespace {

const char* zone_kind(const ClaimResult& c) {
  switch (c.spec.relation) {
    case Relation::within:
      return c.spec.object->family() == GeomFamily::point ? "disc" : "buffer";
    case Relation::distance_from:
    case Relation::distance_between: {
      const bool filled = !c.spec.claimed_m || c.spec.claimed_m->lo <= 0;
      if (c.spec.object->family() == GeomFamily::point) return filled ? "disc" : "annulus";
      return filled ? "buffer" : "buffer ring";
    }
    case Relation::distance_direction:
    case Relation::direction: {
      const Layer& o = *c.spec.object;  // a lone point, not a MultiPoint: one sector round it
      const bool one_point = o.size() == 1 && geom_type(o.features().front().geometry.get()) == GeomType::point;
      if (c.spec.relation == Relation::direction) return one_point ? "sector" : "sector from nearest point";
      return one_point ? "annular sector" : "annular sector from nearest point";
    }
    case Relation::inside:
      return "footprint";
    case Relation::crosses:  // no zone (claim_zone)
      return "";
  }
  return "";
}

}  // namespace

std::vector<GeoPoint> geodesic_circle(const GeoPoint& centre, double radius_m) {
  const int n = vertex_count(radius_m, 360.0);
  std::vector<GeoPoint> ring;
  ring.reserve(static_cast<size_t>(n) + 1);
  for (int i = 0; i < n; ++i) ring.push_back(unrolled(geodesic_direct(centre, 360.0 * i / n, radius_m), centre.lon()));
  return ring;
}

GeomPtr region_within(const GEOSGeometry* g, double radius_m) { return within(g, radius_m); }

GeomPtr claim_zone(const ClaimResult& c) {
  const ClaimSpec& s = c.spec;
  if (!s.object || s.relation == Relation::crosses) return nullptr;
  std::optional<Interval> claimed = s.claimed_m;
  if (claimed && !std::isfinite(claimed->hi))  // `at least`: drawn out to a sensible range
    claimed->hi = std::max(2.0 * claimed->lo, direction_range_m(c));
  // Beyond a quarter of the way round the Earth, a circle is no longer the edge of a region one
  // lon/lat ring can hold (it bends back round the far side): such zones are not drawn.
  if (claimed && claimed->hi > kMaxZoneRadiusM) return nullptr;
  std::vector<GeomPtr> parts;
  for (const auto& f : s.object->features()) {
    const GEOSGeometry* g = f.geometry.get();
    switch (s.relation) {
      case Relation::inside:
        if (family(g) == GeomFamily::polygon) parts.push_back(clone(g));
        break;
      case Relation::within:
      case Relation::distance_from:
      case Relation::distance_between: {
        // One feature's zone that cannot be drawn leaves none: a part would mislead.
        GeomPtr z = distance_zone(g, *claimed);
        if (!z) return nullptr;
        parts.push_back(std::move(z));
        break;
      }
      case Relation::distance_direction:
      case Relation::direction: {
        const Interval band = s.relation == Relation::direction ? Interval{0, direction_range_m(c)} : *claimed;
        // A direction from a line, a polygon or one of several features is measured from the
        // nearest point of them all (engine/ExtentDirection.hpp): sectors round each feature
        // would disagree with the verdicts wherever another feature or part is nearer.
        if (s.object->size() > 1 || geom_type(g) != GeomType::point)
          return extent_direction_zone(*s.object, *s.direction, band);
        if (GeomPtr z = sector_zone(representative_point(g), band.lo, band.hi, *s.direction))
          parts.push_back(std::move(z));
        break;
      }
      case Relation::crosses:  // returned above
        break;
    }
  }
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts[0]);
  return union_of(std::move(parts));
}

Layer zones_layer(const JobResult& job, size_t max_objects) {
  Layer out("zones", {},
            {{"claim_id", T::string},
             {"kind", T::string},
             {"verdict", T::string},
             {"object", T::string},
             {"claimed_min_m", T::real},
             {"claimed_max_m", T::real},
             {"claimed_direction", T::string}});
  for (const auto& c : job.claims) {
    if (!c.spec.object || c.spec.object->size() > max_objects) continue;
    GeomPtr zone = claim_zone(c);
    if (!zone || is_empty(zone.get())) continue;
    RowBuilder row(out.fields());
    row.set("claim_id", c.spec.id)
        .set("kind", std::string(zone_kind(c)))
        .set("verdict", std::string(word(c.verdict)))
        .set("object", c.spec.object_name)
        .set("claimed_min_m", c.spec.claimed_m ? metres_value(c.spec.claimed_m->lo) : AttributeValue{})
        .set("claimed_max_m", c.spec.claimed_m && std::isfinite(c.spec.claimed_m->hi)
                                  ? metres_value(c.spec.claimed_m->hi)
                                  : AttributeValue{})
        .set("claimed_direction", c.spec.direction ? AttributeValue{c.spec.direction->label} : AttributeValue{});
    out.add(Feature{c.spec.id, 0, std::move(zone), 0, row.take()});
  }
  return out;
}

}  // namespace geoclaim::layers
