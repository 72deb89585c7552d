#pragma once
// Distances between geometries on the ellipsoid. Point to point is a geodesic. Anything with
// a line or polygon is measured in a local azimuthal equidistant projection (GeographicLib)
// centred on the subject, where distances from the centre are true geodesic distances: GEOS
// finds the nearest points there, and the reported distance is the geodesic between those two
// points unprojected. At footprint scale the result is the geodesic distance to well under a
// centimetre.
#include <limits>
#include <optional>
#include <vector>

#include "engine/Geometry.hpp"

namespace geoclaim {

class Layer;
class CrsTransform;

/// The nearest points of two geometries and the geodesic distance between them (0 when they
/// touch or overlap; then both points are one point of the overlap).
struct NearestPair {
  double distance_m = 0;
  GeoPoint on_a;
  GeoPoint on_b;
};

/// `working`, when given, is a transform from WGS84 lon/lat to the job's working CRS
/// (`set crs`): the nearest points are then found there instead of in a local AEQD; the
/// distance is still the geodesic between them.
NearestPair nearest_points(const GEOSGeometry* a, const GEOSGeometry* b, const CrsTransform* working = nullptr);

struct NearestFeature {
  size_t feature = 0;  ///< index in the layer
  NearestPair pair;    ///< on_a on the query geometry, on_b on the feature
};

/// Reusable buffers for searches over many subjects, so hot loops do not allocate.
struct NearestScratch {
  std::vector<size_t> candidates;
};

/// The feature of `layer` nearest to `g` (via the layer's R-tree), if one lies within
/// `max_m`. Ties go to the lower feature index, so results are deterministic.
std::optional<NearestFeature> nearest_feature(const GEOSGeometry* g, const Layer& layer,
                                              double max_m = std::numeric_limits<double>::infinity(),
                                              const CrsTransform* working = nullptr);

/// Indexes of the polygon features of `layer` that cover point `p` (ascending).
std::vector<size_t> covering_features(const GeoPoint& p, const Layer& layer, NearestScratch& scratch);

/// A point's uncertainty disc, built once (a 256-gon in a local azimuthal equidistant
/// projection centred on the point, where it is a true circle of the radius) and then
/// intersected with every footprint it may overlap. Move-only.
class UncertaintyDisc {
 public:
  UncertaintyDisc(const GeoPoint& centre, double radius_m);
  /// Share (0..1) of the disc inside polygonal `g`; for radius 0, 1 or 0 by containment.
  double share_inside(const GEOSGeometry* g) const;
  /// Share of the disc inside any of `gs`, counting overlaps once (the pieces are unioned).
  double share_inside_any(const std::vector<const GEOSGeometry*>& gs) const;

 private:
  GeoPoint m_centre;
  double m_radius_m;
  GeomPtr m_disc;
  double m_area = 0;
};

/// Share (0..1) of the disc of `radius_m` around `centre` inside polygonal `g` (one-off use of
/// UncertaintyDisc).
double disc_share_inside(const GeoPoint& centre, double radius_m, const GEOSGeometry* g);

/// The largest geodesic distance from `g`'s representative point to a corner of its bounds:
/// how far the geometry reaches from that point (0 for a point).
double reach_m(const GEOSGeometry* g);

}  // namespace geoclaim
