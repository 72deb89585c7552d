#pragma once
// What every zone drawing shares: how closely its edges follow the true curves, and how its
// points are kept on one side of the antimeridian while it is built.
#include "engine/GeoPoint.hpp"
#include "engine/Geometry.hpp"

namespace geoclaim::layers {

// Zones agree with the per-point verdicts everywhere farther than 0.1 m from their edges
// (issue 8; a fixed 500 m spacing left a 5 km disc 6 m inside its circle at worst). Half the
// budget goes to the chords of curved edges, the rest to drawing them straight in
// longitude/latitude (a few centimetres at most at these chord lengths).
inline constexpr double kChordErrorM = 0.05;
// Edges that follow a geodesic (rays from a centre or from an object) are densified so that a
// straight lon/lat segment between their points stays far under that.
inline constexpr double kRadialStepM = 500.0;

/// `p` with its longitude moved by whole turns to within 180° of `centre_lon`, so a ring
/// crossing the antimeridian stays one ring while it is built (the writers cut it at 180°, as
/// RFC 7946 asks).
inline GeoPoint unrolled(const GeoPoint& p, double centre_lon) {
  double lon = p.lon();
  while (lon - centre_lon > 180.0) lon -= 360.0;
  while (lon - centre_lon < -180.0) lon += 360.0;
  return GeoPoint::from_lon_lat(lon, p.lat());
}

/// A polygon of `rings`, repaired when the rings touch or fold (a zone pinched to nothing
/// somewhere is still a zone elsewhere).
inline GeomPtr valid_polygon(const std::vector<std::vector<GeoPoint>>& rings) {
  GeomPtr g = make_polygon(rings);
  if (!validity_problem(g.get()).empty()) g = make_valid(g.get());
  return g;
}

}  // namespace geoclaim::layers
