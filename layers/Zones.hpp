#pragma once
// Where each claim would hold (docs/outputs.md): a disc for `within`, an annulus for
// `D from`, an annular sector for `D DIRECTION of`, a sector for `DIRECTION of`, the
// footprints for `inside`, buffers around footprints. Edges are built from geodesics (points
// on the true circle or arc, close enough that straight segments between them stay within a
// metre or so of it), polygons are valid, and rings never jump across the antimeridian.
#include "engine/JobResult.hpp"

namespace geoclaim::layers {

/// One polygon feature per claim that has a zone. Claims whose object has more than
/// `max_objects` features get none (the union would be the size of the data).
Layer zones_layer(const JobResult& job, size_t max_objects = 2000);

/// The zone of one claim, or null when the claim has none. Exposed for tests: a point gets
/// the claim's own verdict (without uncertainty) exactly when it lies in this zone.
GeomPtr claim_zone(const ClaimResult& claim);

/// Zones reach at most this far from their object (a quarter of the way round the Earth, about
/// 10,000 km, less a margin): beyond it a circle no longer bounds a region that one lon/lat
/// ring holds. Claims whose distances go farther get no zone.
inline constexpr double kMaxZoneRadiusM = 8'000'000;

/// How far a direction-only sector is drawn: 1.5 times the farthest measured subject (with its
/// uncertainty), at least 1 km and at most kMaxZoneRadiusM. The claim itself has no range; the
/// drawing must stop somewhere.
double direction_range_m(const ClaimResult& claim);

/// Everything within `radius_m` of `g`: a geodesic circle's disc round a point, a buffer in a
/// local azimuthal equidistant projection round anything else (as zones are drawn). Null for
/// a buffer that holds a pole, which one lon/lat ring cannot hold.
GeomPtr region_within(const GEOSGeometry* g, double radius_m);

/// Geodesic circle around `centre` (vertices `radius_m` away by Karney's direct problem),
/// as a ring of lon/lat points unrolled around the centre's longitude.
std::vector<GeoPoint> geodesic_circle(const GeoPoint& centre, double radius_m);

}  // namespace geoclaim::layers
