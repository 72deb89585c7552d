#pragma once
// `S DIRECTION of O` when O is a line or a polygon (or several points). A point s is in the
// direction of O when the shortest geodesic from O to s leaves O's nearest point q in the
// claimed sector: the bearing is the azimuth at q of the geodesic q -> s. This is how a reader
// means "north of the river" (the river is to the south, where it is nearest) and "5 km south
// east of the camp" (leave the camp at its nearest edge and go south east); the centroid would
// put points on both banks of a river on one side.
//
// With a positional uncertainty u, s may lie anywhere in the disc of radius u, and its nearest
// point may move along O. The directions it can then take are bounded by the normals of the
// parts of O that can be nearest to some point of the disc (those within d + 2u of s, where d
// is s's distance): an edge contributes its perpendicular (both sides of a line, the outer side
// of a polygon's edge), a vertex the cone between its edges' perpendiculars, narrowed to the
// directions that reach the disc. Supported: every such direction lies in the sector and the
// disc stays outside O; contradicted: none does; otherwise inconclusive. The bound is exact for
// a straight edge and a single vertex and errs only towards "inconclusive".
//
// A point inside a polygon object has no direction from it: contradicted when it lies deeper
// than u, inconclusive otherwise.
#include <optional>

#include "engine/Direction.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Geometry.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim {

struct ExtentDirection {
  Verdict verdict = Verdict::inconclusive;
  std::optional<double> bearing_deg;  ///< from O's nearest point; none inside O or on it
  std::optional<double> margin_deg;   ///< of that bearing in the sector (negative: outside)
  double spread_deg = 0;              ///< how far the bearings the disc allows reach from it
  double distance_m = 0;              ///< from s to O (0 inside)
  double inside_depth_m = 0;          ///< > 0: s lies this deep inside a polygon of O
};

/// Judges point `subject` with uncertainty `uncertainty_m` (>= 0) against `object` (WGS84
/// lon/lat; any geometry type) for `sector`. Measured in a local azimuthal equidistant
/// projection centred on the subject, where distances and directions from the subject are true
/// geodesic ones; each direction is turned into an azimuth at its point of O.
ExtentDirection direction_from_extent(const GEOSGeometry* object, const GeoPoint& subject, double uncertainty_m,
                                      const DirectionSector& sector);

/// The bearing from a point of the object to the subject, with the poles defined: from the
/// south pole every direction is north (0°), from the north pole every direction is south
/// (180°), whatever longitude a pole is written with. Nothing when the two points coincide.
std::optional<double> bearing_between(const GeoPoint& from, const GeoPoint& to);
/// The same, for a geodesic from `from` already solved.
std::optional<double> bearing_between(const GeoPoint& from, const GeodesicInverse& inv);

}  // namespace geoclaim
