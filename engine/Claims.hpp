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
#include "engine/lang/Ast.hpp"

namespace geoclaim {

using lang::Quantifier;
using lang::Relation;

/// A claim with every name, unit and word resolved. Layers are borrowed from the job.
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
  /// `set crs`: WGS84 lon/lat → the working CRS where footprint nearest points are found;
  /// null for the default, a local azimuthal equidistant projection per pair.
  std::shared_ptr<const CrsTransform> working_crs;
  std::string working_crs_label;
};

/// What was measured for one subject feature.
struct FeatureMeasure {
  size_t subject_feature = 0;
  std::string subject_id;
  GeoPoint subject_point;  ///< the point, or the footprint's centroid
  std::optional<size_t> object_feature;
  std::string object_id;
  double distance_m = std::numeric_limits<double>::quiet_NaN();
  double uncertainty_m = 0;                                       ///< subject's plus object's positional uncertainty
  double bearing_deg = std::numeric_limits<double>::quiet_NaN();  ///< object → subject
  double bearing_uncertainty_deg = 0;
  double inside_share = std::numeric_limits<double>::quiet_NaN();  ///< `inside` only
  /// `inside` only: distance from the point to the polygon edge, positive inside, negative
  /// outside (kept as measured when `no` negates the margin).
  double edge_depth_m = std::numeric_limits<double>::quiet_NaN();
  double margin_m = std::numeric_limits<double>::quiet_NaN();
  double margin_deg = std::numeric_limits<double>::quiet_NaN();
  Verdict verdict = Verdict::inconclusive;
  std::string reason;              ///< one line saying why
  GeoPoint on_subject, on_object;  ///< the nearest points measured between (evidence)
};

struct ClaimResult {
  ClaimSpec spec;
  Verdict verdict = Verdict::inconclusive;
  std::vector<FeatureMeasure> measures;
  size_t representative = 0;  ///< the measure that decides the verdict (worst for every…)
  std::string method;         ///< "geodesic WGS84" or "local AEQD + geodesic"
  /// How many of the features were supported / contradicted / inconclusive.
  size_t counts[3] = {0, 0, 0};
};

/// Measures a claim and gives its verdict.
/// @throw DataError when the data cannot answer it (a line layer for `inside`, …).
/// `progress`, when given, is called with (features done, total) every Progress::kEvery
/// subject features.
ClaimResult evaluate(const ClaimSpec& spec, const std::function<void(size_t, size_t)>& progress = {});

/// The distance interval a bound and tolerance give: `about 55 km` with 10 % → [49.5, 60.5] km.
Interval claimed_interval(lang::Bound bound, double d1_m, double d2_m, const std::string& word, const Tolerance& tol);

}  // namespace geoclaim
