#pragma once
// An R-tree (Boost.Geometry, bulk-loaded with the packing algorithm) over a layer's features,
// indexed as boxes of geocentric unit vectors: 3-D boxes that enclose each feature's
// directions from the Earth's centre. Straight-line (chord) distance between unit vectors
// orders places as the Earth does, with no seam at the antimeridian and no singularity at the
// poles, and gives a rigorous lower bound of the geodesic distance on WGS84: b · θ, with b the
// semi-minor axis and θ the central angle (every point of the ellipsoid is at least b from the
// centre, so the geodesic is at least as long as the arc it projects to on that sphere).
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "engine/GeoPoint.hpp"
#include "engine/Geometry.hpp"

namespace geoclaim {

class Layer;

class SpatialIndex {
 public:
  explicit SpatialIndex(const Layer& layer);
  ~SpatialIndex();

  /// Indexes (ascending) of the features that may lie within `radius_m` of `p`: a superset,
  /// which the caller measures exactly. Writes into `out` (cleared first), so hot loops reuse
  /// one buffer.
  void candidates_within(const GeoPoint& p, double radius_m, std::vector<size_t>& out) const;

  /// Calls `visit(feature, chord)` for features in increasing order of the chord between `p`'s
  /// unit vector and the feature's box, until `visit` returns false. With
  /// geodesic_lower_bound_m a nearest search stops as soon as the bound passes the best exact
  /// distance found.
  void visit_nearest(const GeoPoint& p, const std::function<bool(size_t, double)>& visit) const;

  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// A lower bound of the geodesic distance (metres) from `p` to any place whose geocentric unit
/// vector is at least `chord` from p's, among places closer than `limit_m` (infinity: any).
/// Any path shorter than limit_m stays within limit_m / b radians of p, where the ellipsoid is
/// at least r_min from the centre; projected onto that sphere, the path shortens, so it is at
/// least r_min times the central angle.
double geodesic_lower_bound_m(const GeoPoint& p, double chord, double limit_m);

/// A lower bound of the geodesic distance from `p` to anything inside `box` (metres): the
/// distance to the box's centre less an upper bound of its half-diagonal. Cheap (one
/// geodesic), tight for small boxes far away; 0 for boxes over a degree across and for invalid
/// boxes.
double box_lower_bound_m(const GeoPoint& p, const GeoBox& box);

}  // namespace geoclaim
