#pragma once
// `attribute S to O [within D]`: "which building was hit". For a subject point, the footprints
// its uncertainty disc touches, each with the share of the disc inside it, best first; without
// uncertainty, the footprint that contains it; failing both, the nearest footprint within D.
#include <string>
#include <vector>

#include "engine/Layer.hpp"
#include "engine/Measure.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim {

/// One footprint an attributed point may be in.
struct AttributionCandidate {
  size_t feature = 0;
  std::string id;
  double share = 0;        ///< share of the uncertainty disc inside (1 or 0 without uncertainty)
  double distance_m = 0;   ///< 0 when inside
  double bearing_deg = 0;  ///< from the footprint's nearest point to the subject
  GeoPoint nearest;        ///< nearest point of the footprint
};

/// `attribute S to O`: for one subject feature, the footprints it may have hit, best first.
struct Attribution {
  std::string statement;  ///< the statement as written: "attribute strikes to footprints within 50 m"
  std::string subject_name, object_name;
  const Layer* object = nullptr;
  const Layer* subject = nullptr;
  size_t subject_feature = 0;
  std::string subject_id;
  GeoPoint point;
  double uncertainty_m = 0;
  AttributionStatus status = AttributionStatus::none;
  std::vector<AttributionCandidate> candidates;
};

/// "3 (target building)": a candidate's id, and its `name` attribute when the layer has one.
std::string footprint_label(const Attribution& a, const AttributionCandidate& c);

/// "3 (target building) 100%; 2 (annex) 42.8%": every candidate with its share, best first.
std::string candidates_text(const Attribution& a);

/// Attributes feature `i` of `subject` (its representative point and uncertainty) to the
/// polygons of `object`; `within_m` bounds the nearest-footprint fallback. The statement and
/// layer names are left for the caller to fill in.
Attribution attribute_feature(const Layer& subject, size_t i, const Layer& object, double within_m,
                              NearestScratch& scratch);

}  // namespace geoclaim
