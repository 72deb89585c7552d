#pragma once
// The result layers of a job (docs/outputs.md): claims as points at the subject, evidence
// as densified geodesic lines, attributions as points. Each is an engine Layer in WGS84
// lon/lat with stable snake_case fields whose names carry their units.
#include <optional>
#include <string>

#include "engine/JobResult.hpp"

namespace geoclaim::layers {

/// One feature per claim (per subject feature for `each`), at the subject.
Layer claims_layer(const JobResult& job);

/// What was measured: for every claim measure, the geodesic from the object's nearest point
/// to the subject's, densified, labelled with distance and bearing. At most
/// `max_per_claim` lines per claim (the representative one always among them).
Layer evidence_layer(const JobResult& job, size_t max_per_claim = 10000);

/// One feature per attributed subject point with its best footprint and share.
Layer attribution_layer(const JobResult& job);

/// Each subject and object feature's positional uncertainty, once per layer and feature, in
/// claim order (subject, then object), then the `attribute` subjects: the geodesic disc of
/// `uncertainty_m` round a point, the region within it of a line or polygon. Features without
/// uncertainty have none; at most `max_features` features.
Layer uncertainty_layer(const JobResult& job, size_t max_features = 10000);

/// Points no more than this far apart along evidence lines and zone edges.
double densify_step_m(double length_m);

/// The text of a verdict's figures for tables: "55.21 km ±200 m, bearing 133.0°".
std::string measured_text(const ClaimResult& c);
std::string claimed_text(const ClaimResult& c);
std::string margin_text(const ClaimResult& c);

/// The claim's one-line reason: the deciding feature's ("56.3 km ±200 m, bearing 140° ±0.2°
/// (claimed SE)"), or, when one feature decides the distance and another the direction, both
/// figures with their features ("56.3 km ±200 m (feature 3), bearing 129° ±0.2° (feature 1)
/// (claimed SE)"). Empty for a claim with no features.
std::string claim_reason(const ClaimResult& c);

/// A measure's figures by the names the output columns give them; none: not measured.
std::optional<double> measured_m(const FeatureMeasure& m);
std::optional<double> margin_m(const FeatureMeasure& m);
std::optional<double> bearing_deg(const FeatureMeasure& m);
std::optional<double> margin_deg(const FeatureMeasure& m);
std::optional<double> inside_share(const FeatureMeasure& m);
/// The id of the subject feature whose bearing a claim's row gives (`by_bearing`); none when the
/// claim has no direction, its subject is a place, or that feature has no bearing.
std::optional<std::string> direction_feature(const ClaimSpec& s, const FeatureMeasure& by_bearing);

}  // namespace geoclaim::layers
