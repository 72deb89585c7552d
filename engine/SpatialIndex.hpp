#pragma once
// An R-tree (Boost.Geometry, bulk-loaded with the packing algorithm) over the lon/lat bounds
// of a layer's features. Queries take a point and a radius in metres and return every feature
// whose bounds come within that radius, conservatively: the caller measures exact geodesic
// distances on the few candidates. Crossing the antimeridian and nearing the poles widen the
// search instead of missing features.
#include <array>
#include <cstddef>
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

  /// Indexes of features whose bounds may lie within `radius_m` of `p` (a superset).
  /// Appends to `out` (cleared first) so hot loops reuse one buffer.
  void candidates_within(const GeoPoint& p, double radius_m, std::vector<size_t>& out) const;

  /// Indexes of the `k` features whose bounds are nearest to `p` in degree space: a cheap
  /// first guess that the caller refines with candidates_within(exact distance).
  void nearest_by_bounds(const GeoPoint& p, size_t k, std::vector<size_t>& out) const;

  size_t size() const;
  /// The bounds of feature `i` as indexed.
  const GeoBox& bounds(size_t i) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Lon/lat degree boxes that hold every point within `radius_m` of `p` (one box, or two
/// across the antimeridian), each as {min_lon, min_lat, max_lon, max_lat}.
std::vector<std::array<double, 4>> search_boxes(const GeoPoint& p, double radius_m);

}  // namespace geoclaim
