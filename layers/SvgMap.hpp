#pragma once
// One claim's map as an inline SVG for report.html (docs/outputs.md): a local azimuthal
// equidistant projection centred on the claim's evidence (so distances from the centre are
// true and north is up there), the subjects, objects, evidence lines, zone and uncertainty
// discs, labels, a scale bar of a round length and a north arrow. The view is fitted to the
// evidence; a zone or object much larger than it is clipped to the view, its outline drawn
// where it crosses, so a 2,400 km disc cannot shrink the evidence to a dot.
#include <string>

#include "engine/Claims.hpp"

namespace geoclaim::layers {

/// Measures drawn per map (the deciding one always among them): an `every` claim over 80,000
/// features would otherwise make a page of megabytes that no one can read.
inline constexpr size_t kMapMaxMeasures = 300;

/// What a claim's map shows: metres of the local projection centred on `centre`.
struct MapView {
  GeoPoint centre;
  double width_m = 0, height_m = 0;
  bool zone_clipped = false;  ///< the zone is larger than the view: only its part in view is drawn
};

/// The view of a claim's map; `zone` (from claim_zone, may be null) is fitted into it when it
/// is not much larger than the evidence.
MapView claim_view(const ClaimResult& claim, const GEOSGeometry* zone);

/// The `<svg>` element of a claim's map. Text in it (feature ids, names) is escaped.
std::string claim_map_svg(const ClaimResult& claim, const GEOSGeometry* zone);

/// The colour of a verdict on the maps and badges.
const char* verdict_colour(Verdict v);

/// A round length for a scale bar: the largest 1, 2 or 5 × 10ⁿ metres not above `max_m`.
double round_scale_length_m(double max_m);

}  // namespace geoclaim::layers
