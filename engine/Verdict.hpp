#pragma once
// How intervals and quantifiers produce the three verdicts (engine/Vocabulary.hpp names them).
#include <limits>
#include <span>

#include "engine/Vocabulary.hpp"

namespace geoclaim {

/// A closed interval of metres (or degrees). `hi` may be +infinity ("at least").
struct Interval {
  double lo = 0;
  double hi = std::numeric_limits<double>::infinity();
  bool contains(double v) const { return v >= lo && v <= hi; }
};

/// Supported when the whole measured interval lies in the claimed one, contradicted when the
/// two do not meet, inconclusive otherwise (the design's rule for positional uncertainty).
Verdict judge(Interval measured, Interval claimed);

/// How far `value` lies inside `claimed` (positive) or outside it (negative), in its unit.
double margin(double value, Interval claimed);

/// `every`: supported when all are, contradicted when any is, else inconclusive.
Verdict all_of(std::span<const Verdict> v);
/// `any`: supported when one is, contradicted when all are, else inconclusive.
Verdict any_of(std::span<const Verdict> v);
/// `no`: the negation of `any`.
Verdict none_of(std::span<const Verdict> v);
/// Swaps supported and contradicted.
Verdict negate(Verdict v);

}  // namespace geoclaim
