#pragma once
// `S inside O` for a line or polygon subject (points are measured in Claims.cpp with their
// uncertainty disc). The subject is inside when all of it is: the share of its length or area
// inside O's polygons (their union: where footprints overlap, the overlap counts once) must be
// 1. With a positional uncertainty u the subject may lie anywhere within u of where it is drawn,
// which widens it as a point's disc widens the point:
//   supported     all of the subject widened by u lies inside (no shift of up to u takes it out);
//   contradicted  some part of the subject lies farther than u outside (no shift brings it in);
//   inconclusive  otherwise.
// Without uncertainty the answer is supported or contradicted. Everything is measured in a
// local azimuthal equidistant projection centred on the subject.
#include <cstddef>
#include <optional>
#include <span>

#include "engine/Geometry.hpp"

namespace geoclaim {

struct ExtentInside {
  double share = 0;         ///< of the subject (widened by u when u > 0) inside, 0..1
  double share_drawn = 0;   ///< of the subject as drawn (without widening) inside, 0..1
  bool beyond_uncertainty = false;  ///< some part lies farther than u outside
  /// Positive: how deep the whole subject lies (its least distance to an edge). Negative: how
  /// far its farthest vertex outside lies from the polygons.
  double depth_m = 0;
  std::optional<size_t> best;  ///< index into `objects` of the polygon holding most of it
};

/// Measures line or polygon `subject` against polygonal `objects` (the candidates near it; all
/// of them count, as one union). `uncertainty_m` ≥ 0.
ExtentInside extent_inside(const GEOSGeometry* subject, std::span<const GEOSGeometry* const> objects,
                           double uncertainty_m);

}  // namespace geoclaim
