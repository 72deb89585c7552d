#pragma once
// Claims: what is claimed (ClaimSpec, resolved from the script or a reported-claims table),
// how it is measured on the ellipsoid, and the verdict with its figures (ClaimResult).
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/Crs.hpp"
#include "engine/Direction.hpp"
#include "engine/Layer.hpp"
#include "engine/Tolerance.hpp"
#include "engine/Verdict.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim {

/// A claim with every name, unit and word resolved. Layers are borrowed from the job; the
/// resolver leaves them null and the evaluator binds them once the layers are loaded.
struct ClaimSpec {
  std::string id;
  std::string text;    ///< the claim as written (or rebuilt from a table row)
  std::string origin;  ///< "scripts/ayyash.gcl:12" or "claims.csv:5"
  std::optional<std::string> quote, source;
  Relation relation = Relation::within;
  Quantifier quantifier = Quantifier::every;
  std::string subject_name, object_name, crossed_name;
  const Layer* subject = nullptr;
  const Layer* object = nullptr;
  const Layer* crossed = nullptr;  ///< line layer for `crosses`
  bool subject_is_place = false;
  std::optional<Interval> claimed_m;         ///< distance interval, metres
  std::optional<DirectionSector> direction;  ///< bearing sector from object to subject
  std::string tolerance_word;                ///< "about", "plain", … ("" when none applies)
  /// What `tolerance_word` allowed (with where that rule comes from); none when no word applies.
  std::optional<Tolerance> tolerance;
  /// The distance condition as the claim words it: "approximately 55 km", "within 500 m",
  /// "at most 2400 km", "between 900 and 1100 km"; empty when no distance is claimed.
  std::string claimed_words;
  /// `set crs`: WGS84 lon/lat → the working CRS where footprint nearest points are found;
  /// null for the default, a local azimuthal equidistant projection per pair.
  std::shared_ptr<const CrsTransform> working_crs;
  std::string working_crs_label;
};

/// A geodesic distance between the subject and the object (their nearest points).
struct DistanceFigure {
  double metres = 0;
  /// How far the distance lies inside (+) or outside (−) the claimed interval, negated by
  /// `no`; none when the claim bounds no distance (`DIR of X`, `crosses`). For `inside`, the
  /// claimed region is the polygon: the margin is the edge depth (InsideFigure), and `no`
  /// negates it as it does every margin.
  std::optional<double> margin_m;
  /// Whether the distance lies in the claimed interval, as measured (`no` does not negate it);
  /// none when the claim bounds no distance.
  std::optional<Verdict> verdict;
};

/// The azimuth from the object to the subject.
struct BearingFigure {
  double degrees = 0;
  double uncertainty_deg = 0;  ///< what the positional uncertainty allows, up to 180°
  /// How far the bearing lies inside (+) or outside (−) the claimed sector, negated by `no`;
  /// none when no direction is claimed or the subject sits on the object.
  std::optional<double> margin_deg;
  /// Whether the bearing lies in the claimed sector, as measured (`no` does not negate it);
  /// none when no direction is claimed.
  std::optional<Verdict> verdict;
};

/// How much of the subject lies in the object's polygons (`inside`).
struct InsideFigure {
  /// Of the subject widened by its uncertainty: for a point its disc (1 or 0 without
  /// uncertainty), for a line or polygon its length or area (engine/ExtentInside.hpp).
  double share = 0;
  /// For a point, from it to the polygon edge; for a line or polygon, its least distance to an
  /// edge when all of it is inside, else minus how far its farthest vertex outside lies.
  /// Positive inside, negative outside, as measured (`no` does not negate it); none when the
  /// layer has no polygon to measure against.
  std::optional<double> edge_depth_m;
  /// For a line or polygon subject: the share of it as drawn (without uncertainty) inside.
  std::optional<double> share_drawn;
};

/// What was measured for one subject feature: each figure is there when the claim measured it.
struct FeatureMeasure {
  size_t subject_feature = 0;
  std::string subject_id;
  GeoPoint subject_point;  ///< the point, or the footprint's centroid
  std::optional<size_t> object_feature;
  std::string object_id;
  double uncertainty_m = 0;  ///< subject's plus object's positional uncertainty
  std::optional<DistanceFigure> distance;
  std::optional<BearingFigure> bearing;
  std::optional<InsideFigure> inside;
  Verdict verdict = Verdict::inconclusive;
  std::string reason;              ///< one line saying why
  GeoPoint on_subject, on_object;  ///< the nearest points measured between (evidence)
};

struct ClaimResult {
  ClaimSpec spec;
  Verdict verdict = Verdict::inconclusive;
  std::vector<FeatureMeasure> measures;
  size_t representative = 0;  ///< the measure that decides the verdict (worst for every…)
  /// For a claim of a distance and a direction, the measure whose bearing decides the direction
  /// part: the least bearing margin (less its uncertainty) for every/no/each, the greatest for
  /// any; else (or when no feature has a bearing) `representative`. It differs from `representative` when the
  /// feature nearest a distance bound is not the one nearest a sector edge (Ayyash: strike 3
  /// decides the 60.5 km bound, strike 1 at 129° the 112.5° edge).
  size_t direction_representative = 0;
  std::string method;  ///< "geodesic WGS84" or "local AEQD + geodesic"
  /// How many of the features were supported / contradicted / inconclusive.
  size_t counts[3] = {0, 0, 0};
};

/// The margin that ranks a measure: its distance margin, else its bearing margin, else NaN.
double deciding_margin(const FeatureMeasure& m);

/// Measures a claim and gives its verdict.
/// @throw DataError when the data cannot answer it (a line layer for `inside`, …).
/// `progress`, when given, is called with (features done, total) every Progress::kEvery
/// subject features.
ClaimResult evaluate(const ClaimSpec& spec, const std::function<void(size_t, size_t)>& progress = {});

/// The distance interval a bound and tolerance give: `about 55 km` with 10 % → [49.5, 60.5] km.
Interval claimed_interval(Bound bound, double d1_m, double d2_m, const std::string& word, const Tolerance& tol);

}  // namespace geoclaim
