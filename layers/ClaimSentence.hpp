#pragma once
// The plain sentence that says why a claim got its verdict, for report.md, report.json and the
// evidence page: the verdict; what was measured over the subject's features (their range); how
// that compares with what the wording allows (the interval, the words as written, the tolerance
// word's value and whether it is the default or a `set tolerance` line); the deciding feature
// named by its id with its figures and why it decides; then the quote and its source.
//
//   Supported: the 4 features of strikes lie 52.6–56.3 km from ayyash, all inside the
//   49.5–60.5 km that 'approximately 55 km' allows (approximately = ±10%, the default), at
//   bearings 117–140°, all inside SE (135° ± 22.5°); the deciding feature, 3, lies 56.3 km
//   ±200 m at bearing 140° ±0.2°: 4.2 km inside the 60.5 km bound, 17.5° inside SE's edge.
//
// Every figure comes from the ClaimResult as measured (docs/outputs.md, "The sentence").
#include <string>

#include "engine/Claims.hpp"

namespace geoclaim::layers {

/// The sentence for `c`. The claim's layers (c.spec.subject) must still be alive; only their
/// geometry kind is read.
std::string claim_sentence(const ClaimResult& c);

}  // namespace geoclaim::layers
