#include "engine/ExtentInside.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/LocalAeqd.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim {
namespace {

constexpr int kQuadrantSegments = 64;  // as the point's uncertainty disc

/// The subject's size in its own dimension: area, length, or number of points.
double size_of(const GEOSGeometry* g, GeomFamily f) {
  if (is_empty(g)) return 0.0;
  switch (f) {
    case GeomFamily::polygon:
      return area(g);
    case GeomFamily::line:
      return length(g);
    case GeomFamily::point:
      return member_count(g);
    case GeomFamily::other:
      break;
  }
  return area(g) + length(g);
}

/// The part of `g` of family `f` (an intersection of a line with a polygon may hold points).
double size_in_family(const GEOSGeometry* g, GeomFamily f) {
  if (is_empty(g)) return 0.0;
  if (family(g) == f) return size_of(g, f);
  double total = 0;
  for (int i = 0; i < member_count(g); ++i) {
    const GEOSGeometry* m = member(g, i);
    if (m != g && family(m) == f) total += size_of(m, f);
  }
  return total;
}

}  // namespace

ExtentInside extent_inside(const GEOSGeometry* subject, std::span<const GEOSGeometry* const> objects,
                           double uncertainty_m) {
  ExtentInside out;
  const LocalAeqd plane(representative_point(subject));
  const GeomPtr s = plane.project(subject);
  const GeomFamily f = family(s.get());
  const double whole = size_of(s.get(), f);
  if (objects.empty() || whole <= 0) {
    out.beyond_uncertainty = true;
    return out;
  }
  std::vector<GeomPtr> projected;
  projected.reserve(objects.size());
  double most = 0;
  for (size_t i = 0; i < objects.size(); ++i) {
    projected.push_back(plane.project(objects[i]));
    const double held = size_in_family(intersection(s.get(), projected.back().get()).get(), f);
    if (held > most) most = held, out.best = i;
  }
  const GeomPtr o = projected.size() == 1 ? std::move(projected[0]) : union_of(std::move(projected));

  out.share_drawn = std::clamp(size_in_family(intersection(s.get(), o.get()).get(), f) / whole, 0.0, 1.0);
  if (uncertainty_m > 0) {
    const GeomPtr widened = buffer(s.get(), uncertainty_m, kQuadrantSegments);
    out.share = std::clamp(area(intersection(widened.get(), o.get()).get()) / area(widened.get()), 0.0, 1.0);
    // Farther than u outside: what is left of the subject once everything within u of the
    // polygons is taken away. The buffer's polygon is drawn around the circle of radius u (its
    // vertices on a slightly larger circle), so only what truly lies beyond u is left.
    const double around = uncertainty_m / std::cos(M_PI / (4.0 * kQuadrantSegments));
    const GeomPtr reach = buffer(o.get(), around, kQuadrantSegments);
    out.beyond_uncertainty = size_in_family(difference(s.get(), reach.get()).get(), f) > kShareEpsilon * whole;
  } else {
    out.share = out.share_drawn;
    out.beyond_uncertainty = out.share_drawn < 1.0 - kShareEpsilon;
  }

  if (out.share_drawn >= 1.0 - kShareEpsilon) {
    const GeomPtr rim = boundary(o.get());
    out.depth_m = distance(s.get(), rim.get());
  } else {
    const GeomPtr outside = difference(s.get(), o.get());
    double farthest = 0;
    for_each_vertex(outside.get(), [&](const PlanarXY& v) {
      const GeomPtr p = make_point(v);
      farthest = std::max(farthest, distance(p.get(), o.get()));
    });
    out.depth_m = -farthest;
  }
  return out;
}

}  // namespace geoclaim
