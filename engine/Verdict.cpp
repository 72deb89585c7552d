#include "engine/Verdict.hpp"

#include <algorithm>
#include <cmath>

namespace geoclaim {

Verdict judge(Interval m, Interval c) {
  if (m.lo >= c.lo && m.hi <= c.hi) return Verdict::supported;
  if (m.hi < c.lo || m.lo > c.hi) return Verdict::contradicted;
  return Verdict::inconclusive;
}

double margin(double value, Interval c) {
  // A claimed interval starting at 0 ("within", "at most") has only its upper side to miss.
  if (c.lo <= 0) return c.hi - value;
  return std::min(value - c.lo, c.hi - value);  // inf - x stays inf for open intervals
}

Verdict all_of(std::span<const Verdict> v) {
  if (std::any_of(v.begin(), v.end(), [](Verdict x) { return x == Verdict::contradicted; }))
    return Verdict::contradicted;
  if (std::all_of(v.begin(), v.end(), [](Verdict x) { return x == Verdict::supported; })) return Verdict::supported;
  return Verdict::inconclusive;
}

Verdict any_of(std::span<const Verdict> v) {
  if (std::any_of(v.begin(), v.end(), [](Verdict x) { return x == Verdict::supported; })) return Verdict::supported;
  if (std::all_of(v.begin(), v.end(), [](Verdict x) { return x == Verdict::contradicted; }))
    return Verdict::contradicted;
  return Verdict::inconclusive;
}

Verdict negate(Verdict v) {
  if (v == Verdict::supported) return Verdict::contradicted;
  if (v == Verdict::contradicted) return Verdict::supported;
  return v;
}

Verdict none_of(std::span<const Verdict> v) { return negate(any_of(v)); }

}  // namespace geoclaim
