#pragma once
// geoclaim's one edge model: every edge of a line or polygon is the geodesic between its two
// vertices on WGS84. GEOS, which decides containment and finds nearest points, draws edges
// straight in whatever plane it is given (lon/lat, or a local projection), and straight lines
// in different planes are different curves: a 60 km edge at 35° N drawn straight in lon/lat
// lies up to 50 m from the same edge drawn straight in a projection centred near it. So every
// line and polygon is densified once, as it is loaded, until each lon/lat segment lies within
// kEdgeToleranceM of its geodesic; after that, containment in lon/lat, nearest points and
// shares in a local projection, and the zones drawn all see the same edges to that tolerance.
#include <optional>

#include "engine/Geometry.hpp"

namespace geoclaim {

/// How far a stored segment may lie from the geodesic it stands for.
inline constexpr double kEdgeToleranceM = 0.01;

/// `g` with every edge longer than the tolerance allows split along its geodesic, or null when
/// every edge is already within kEdgeToleranceM of its geodesic (footprint-sized edges always
/// are: a 100 m edge at 60° N strays 0.3 mm). Edges that cross the antimeridian (|Δlon| > 180°)
/// are kept as they are. Points are returned unchanged (null).
GeomPtr with_geodesic_edges(const GEOSGeometry* g);

/// The latitude of a pole (90 or −90) that a ring of polygon `g` goes round: its longitude
/// steps, each taken the short way as the edge model takes them, add up to a whole turn. So is
/// a polygon round a pole drawn: in longitude/latitude with an edge along the pole (Natural
/// Earth's Antarctica: … 180°W 90°S, 180°E 90°S …) or short of it (clipped at 85.05°S for Web
/// Mercator), or a square in a polar CRS (EPSG:3031). geoclaim holds polygons in lon/lat, where
/// such a ring cannot be one polygon, so it refuses them rather than measure a folded one
/// (points inside Antarctica read as 1,130 km outside; the pole itself as 79 km outside a cap).
std::optional<double> ring_round_pole(const GEOSGeometry* g);

/// `g`, a polygon feature stored as parts split at the antimeridian (RFC 7946 asks GeoJSON to
/// split there), joined into one across it: the parts that reach 180° W are moved 360° east and
/// all are merged, so the seam is no edge (a point 0.002° from it was "219 m inside the edge").
/// The result has continuous longitudes beyond 180°, as a polygon that crosses the
/// antimeridian unsplit is held. Null when `g` is not polygonal or has no such seam.
GeomPtr joined_at_antimeridian(const GEOSGeometry* g);

/// The largest distance, in metres, between the straight lon/lat segment a–b and the geodesic
/// a–b, measured at the segment's midpoint (where, for a segment this short, it peaks).
double straight_segment_deviation_m(const GeoPoint& a, const GeoPoint& b);

}  // namespace geoclaim
