#pragma once
// Compass directions as claims state them. An 8-point word ("southeast", "SE", "south east")
// covers ±22.5°, a 16-point word ("south-south-east", "SSE") ±11.25°, a 4-point word the same
// ±22.5° as the design's 8-point rule, `bearing B` ±5° unless `± W°` is given.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geoclaim {

/// A sector of azimuths: centre in [0, 360), half-width in (0, 180], degrees clockwise from north.
struct DirectionSector {
  double centre_deg = 0;
  double halfwidth_deg = 0;
  std::string label;  ///< "SE", "SSE", "bearing 135±5°"

  /// True when azimuth `deg` lies in the sector (edges included).
  bool contains(double deg) const;
  /// Degrees by which `deg` lies inside the sector (negative: outside).
  double margin_deg(double deg) const;
};

/// A set of azimuths: `centre_deg` ± `half_deg` (half 180: every direction).
struct AzimuthArc {
  double centre_deg = 0;
  double half_deg = 0;
};

/// Appends the parts of `a` that lie in `b`: none, one, or two when `b` wraps round past both
/// ends of `a`.
void intersect_arcs(const AzimuthArc& a, const AzimuthArc& b, std::vector<AzimuthArc>& out);

/// Reads compass words ("south east", "south-east", "southeast", "SE", "SSE", "south-south-east").
/// Returns nothing when the words are not a compass point.
std::optional<DirectionSector> parse_compass(std::string_view words);

/// `bearing B [± W]`: B in degrees (any value, normalised), W defaults to 5°.
DirectionSector bearing_sector(double bearing_deg, std::optional<double> halfwidth_deg);

}  // namespace geoclaim
