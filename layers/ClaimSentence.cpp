#include "layers/ClaimSentence.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/Units.hpp"
#include "engine/Verdict.hpp"

namespace geoclaim::layers {
namespace {

/// How the features of a claim stand against the relation itself, before `no` negates them:
/// held (supported), failed (contradicted) or undecided (inconclusive).
struct Tally {
  size_t held = 0, failed = 0, undecided = 0;
  size_t total() const { return held + failed + undecided; }
  void add(Verdict v) {
    switch (v) {
      case Verdict::supported:
        ++held;
        break;
      case Verdict::contradicted:
        ++failed;
        break;
      case Verdict::inconclusive:
        ++undecided;
        break;
    }
  }
};

/// The verdict a feature's measure gives the relation, as measured: `no` negated it.
Verdict as_measured(const ClaimSpec& s, Verdict v) { return s.quantifier == Quantifier::no ? negate(v) : v; }

std::string capitalised(std::string_view w) {
  std::string s(w);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string unit_of(const std::string& length) { return length.substr(length.rfind(' ')); }

/// "52.6–56.3 km"; one value when both ends print the same.
std::string length_range(double lo_m, double hi_m) {
  const std::string a = format_length(lo_m), b = format_length(hi_m);
  if (a == b) return a;
  if (lo_m == 0) return "0–" + b;
  if (unit_of(a) == unit_of(b)) return a.substr(0, a.rfind(' ')) + "–" + b;
  return a + " – " + b;
}

std::string degrees(double deg) { return format_azimuth(deg, 1) + "°"; }

/// A claimed interval: "49.5–60.5 km", "500 m or more", "55 km".
std::string interval_text(const Interval& i) {
  if (std::isinf(i.hi)) return format_length(i.lo) + " or more";
  return length_range(i.lo, i.hi);
}

/// "(approximately = ±10%, the default)", "(a distance without a tolerance word: plain = ±5%,
/// set at job.gcl:3)"; empty when no word applies.
std::string tolerance_text(const ClaimSpec& s) {
  if (!s.tolerance) return "";
  const std::string where = s.tolerance->origin.empty() ? "the default" : "set at " + s.tolerance->origin;
  std::string out = " (";
  if (s.tolerance_word == kPlainWord) out += "a distance without a tolerance word: ";
  out += s.tolerance_word + " = ±" + s.tolerance->describe();
  if (is_upper_bounded_word(s.tolerance_word) && s.relation != Relation::within) out += ", below only";
  return out + ", " + where + ")";
}

/// "the 49.5–60.5 km that 'approximately 55 km' allows (approximately = ±10%, the default)".
std::string claimed_distance(const ClaimSpec& s) {
  return "the " + interval_text(*s.claimed_m) + " that '" + s.claimed_words + "' allows" + tolerance_text(s);
}

/// "SE (135° ± 22.5°)", "bearing 140° ± 10°".
std::string sector_text(const DirectionSector& d) {
  const std::string arc = format_number(d.centre_deg, 2) + "° ± " + format_number(d.halfwidth_deg, 2) + "°";
  if (d.label.rfind("bearing", 0) == 0) return "bearing " + arc;
  return d.label + " (" + arc + ")";
}

/// Where a set of features stands: "all inside", "all outside", "1 inside and 1 at the edge of";
/// for one feature "inside", "outside", "at the edge of".
std::string standing(const Tally& t, bool one, const std::string& inside, const std::string& outside,
                     const std::string& edge) {
  if (one) return t.held ? inside : t.failed ? outside : edge;
  if (t.held == t.total()) return "all " + inside;
  if (t.failed == t.total()) return "all " + outside;
  if (t.undecided == t.total()) return "all " + edge;
  std::vector<std::string> parts;
  if (t.held) parts.push_back(std::to_string(t.held) + " " + inside);
  if (t.failed) parts.push_back(std::to_string(t.failed) + " " + outside);
  if (t.undecided) parts.push_back(std::to_string(t.undecided) + " " + edge);
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

/// The bound a distance is measured against: the nearer one, the only one, or the one passed.
std::string bound_name(const Interval& c, double d_m) {
  const bool from_zero = c.lo <= 0;
  const bool use_hi = !std::isinf(c.hi) && (from_zero || d_m > c.hi || (d_m >= c.lo && c.hi - d_m <= d_m - c.lo));
  return format_length(use_hi ? c.hi : c.lo);
}

/// Why one feature's distance is in, out or undecided: "4.2 km inside the 60.5 km bound",
/// "100 m beyond the 500 m bound", "2.345 km short of the 4.345 km bound".
std::string distance_state(const ClaimSpec& s, const FeatureMeasure& m) {
  const Interval c = *s.claimed_m;
  const double d = m.distance->metres, u = m.uncertainty_m;
  const double inside_m = margin(d, c);  // as measured: `no` negated the stored one
  switch (m.distance->verdict.value_or(Verdict::inconclusive)) {
    case Verdict::supported:
      return format_length(inside_m) + " inside the " + bound_name(c, d) + " bound";
    case Verdict::contradicted:
      // Below a lower bound a distance falls short of it; above an upper one it goes beyond.
      return format_length(-inside_m) + (d < c.lo ? " short of the " : " beyond the ") + bound_name(c, d) + " bound";
    case Verdict::inconclusive:
      break;
  }
  // The interval [d − u, d + u] meets the claimed one without lying in it: it crosses a bound.
  const bool lo = c.lo > 0 && std::max(0.0, d - u) < c.lo && d + u >= c.lo;
  const bool hi = !std::isinf(c.hi) && d - u <= c.hi && d + u > c.hi;
  const std::string which = lo && hi && c.lo != c.hi
                                ? "both bounds, " + format_length(c.lo) + " and " + format_length(c.hi)
                            : lo ? "the " + format_length(c.lo) + " bound"
                                 : "the " + format_length(c.hi) + " bound";
  return "its ±" + format_length(u) + " uncertainty reaches across " + which;
}

/// Why one feature's bearing is in, out or undecided: "17.5° inside SE's edge".
std::string bearing_state(const ClaimSpec& s, const FeatureMeasure& m) {
  const BearingFigure& b = *m.bearing;
  const std::string name = s.direction->label.rfind("bearing", 0) == 0 ? "the sector" : s.direction->label;
  if (!b.margin_deg) return "it has no direction from " + s.object_name + ": it lies on it";
  const double inside_deg = s.quantifier == Quantifier::no ? -*b.margin_deg : *b.margin_deg;
  switch (b.verdict.value_or(Verdict::inconclusive)) {
    case Verdict::supported:
      return format_number(inside_deg, 1) + "° inside " + name + "'s edge";
    case Verdict::contradicted:
      return format_number(-inside_deg, 1) + "° outside " + name;
    case Verdict::inconclusive:
      break;
  }
  const bool point_subject = !s.subject || s.subject->family() == GeomFamily::point;
  if (!point_subject) return "it straddles " + name + "'s edge";
  if (format_number(b.uncertainty_deg, 1) == "180")
    return "its ±" + format_length(m.uncertainty_m) + " uncertainty reaches across " + s.object_name +
           ", so it may lie in any direction from it";
  return "its ±" + format_number(b.uncertainty_deg, 1) + "° bearing uncertainty reaches across " + name + "'s edge";
}

/// One feature's figures: "56.3 km ±200 m", "at bearing 140° ±0.2°".
std::string distance_figure(const FeatureMeasure& m) {
  std::string s = format_length(m.distance->metres);
  if (m.uncertainty_m > 0) s += " ±" + format_length(m.uncertainty_m);
  return s;
}
std::string bearing_figure(const FeatureMeasure& m) {
  std::string s = "bearing " + degrees(m.bearing->degrees);
  if (m.bearing->uncertainty_deg > 0 && format_number(m.bearing->uncertainty_deg, 1) != "180")
    s += " ±" + format_number(m.bearing->uncertainty_deg, 1) + "°";
  return s;
}

/// The bearings of all features as the shortest arc that holds them, read clockwise from
/// around their circular mean (so 350°–10° reads across north, and bearings far from the
/// claimed sector are not wrapped round it): "117–140°".
std::string bearing_range(const std::vector<FeatureMeasure>& ms) {
  constexpr double kDegToRad = M_PI / 180.0;
  double sx = 0, sy = 0;
  for (const auto& m : ms)
    if (m.bearing) sx += std::sin(m.bearing->degrees * kDegToRad), sy += std::cos(m.bearing->degrees * kDegToRad);
  const double mean = std::atan2(sx, sy) / kDegToRad;
  double lo = 0, hi = 0;
  bool first = true;
  for (const auto& m : ms) {
    if (!m.bearing) continue;
    const double off = std::remainder(m.bearing->degrees - mean, 360.0);
    lo = first ? off : std::min(lo, off);
    hi = first ? off : std::max(hi, off);
    first = false;
  }
  const std::string a = format_azimuth(std::fmod(mean + lo + 720.0, 360.0), 1);
  const std::string b = format_azimuth(std::fmod(mean + hi + 720.0, 360.0), 1);
  return a == b ? a + "°" : a + "–" + b + "°";
}

/// "inside the edge of army a1, with all of its ±50 m disc inside" and the like, for a point.
std::string inside_state(const ClaimSpec& s, const FeatureMeasure& m, Verdict as_measured_v) {
  const InsideFigure& in = *m.inside;
  if (in.share_drawn || m.object_id.empty()) return m.reason;  // a line or polygon subject: the engine says
  const std::string held = s.object_name + " " + m.object_id;
  const std::string disc = m.uncertainty_m > 0 ? "±" + format_length(m.uncertainty_m) + " disc" : "";
  const double depth = in.edge_depth_m.value_or(0);
  switch (as_measured_v) {
    case Verdict::supported:
      return format_length(depth) + " inside the edge of " + held +
             (disc.empty() ? "" : ", all of its " + disc + " inside");
    case Verdict::contradicted:
      return format_length(-depth) + " outside " + held + (disc.empty() ? "" : ", none of its " + disc + " inside");
    case Verdict::inconclusive:
      break;
  }
  return format_number(in.share * 100, 1) + "% of its " + disc + " inside " + held + ", " +
         format_length(std::fabs(depth)) + (depth >= 0 ? " inside" : " outside") +
         " the edge: the disc reaches across it";
}

/// " Claimed: "…" (source)." from the job's quote and source; empty without them.
std::string quoted(const ClaimSpec& s) {
  if (s.quote) return " Claimed: \"" + *s.quote + "\"" + (s.source ? " (" + *s.source + ")" : "") + ".";
  if (s.source) return " Source: " + *s.source + ".";
  return "";
}

std::string crosses_sentence(const ClaimResult& c) {
  const ClaimSpec& s = c.spec;
  const FeatureMeasure& m = c.measures.front();
  // The engine's reason is "the 52 m segment crosses street feature s1": name its ends.
  std::string reason = m.reason;
  const std::string segment = " segment ";
  if (const size_t at = reason.find(segment); at != std::string::npos)
    reason.insert(at + segment.size(),
                  "between the nearest points of " + s.subject_name + " and " + s.object_name + " ");
  return capitalised(word(c.verdict)) + ": " + reason + "." + quoted(s);
}

}  // namespace

std::string claim_sentence(const ClaimResult& c) {
  const ClaimSpec& s = c.spec;
  const std::string verdict = capitalised(word(c.verdict)) + ": ";
  if (c.measures.empty()) return verdict + s.subject_name + " has no features to measure." + quoted(s);
  if (s.relation == Relation::crosses) return crosses_sentence(c);

  const FeatureMeasure& rep = c.measures[c.representative];
  const bool one = c.measures.size() == 1;
  const bool between = s.relation == Relation::distance_between;
  const bool has_distance = s.claimed_m && s.relation != Relation::inside;
  const bool has_direction = s.direction.has_value();
  Tally whole, by_distance, by_bearing;
  double lo_m = INFINITY, hi_m = -INFINITY;
  for (const auto& m : c.measures) {
    whole.add(as_measured(s, m.verdict));
    if (m.distance) {
      lo_m = std::min(lo_m, m.distance->metres);
      hi_m = std::max(hi_m, m.distance->metres);
      if (m.distance->verdict) by_distance.add(*m.distance->verdict);
    }
    if (m.bearing && m.bearing->verdict) by_bearing.add(*m.bearing->verdict);
  }

  // Who: a place or one feature by its name, several features by their count.
  std::string who;
  if (between)
    who = s.subject_name + " and " + s.object_name;
  else if (one && s.subject_is_place)
    who = s.subject_name;
  else if (one)
    who = s.subject_name + " (feature " + rep.subject_id + ")";
  else
    who = "the " + std::to_string(c.measures.size()) + " features of " + s.subject_name;
  const std::string lie = one || between ? " lies " : " lie ";

  std::string out = verdict;
  // A point is outside a polygon, or not; a line or polygon that is not inside may be partly in.
  const bool point_subject = !s.subject || s.subject->family() == GeomFamily::point;
  const std::string outside = point_subject ? "outside" : "not wholly inside";
  const bool no_direction = one && has_direction && rep.bearing && !rep.bearing->margin_deg;
  if (s.relation == Relation::inside) {
    const std::string all =
        (c.measures.size() == 2 ? std::string("both") : "all " + std::to_string(c.measures.size())) + " features of " +
        s.subject_name;
    if (one)
      out += who + (point_subject ? " lies " : " is ") + standing(whole, true, "inside", outside, "on the edge of");
    else if (whole.held == whole.total())
      out += all + " lie inside";
    else if (whole.failed == whole.total())
      out += all + (point_subject ? " lie outside" : " are not wholly inside");
    else if (whole.undecided == whole.total())
      out += all + " lie on the edge of";
    else
      out += "of the " + std::to_string(c.measures.size()) + " features of " + s.subject_name + ", " +
             standing(whole, false, "inside", outside, "on the edge of");
    out += " " + s.object_name;
  } else {
    out += who;
    if (has_distance) {
      out += between ? (one ? " lie " : " lie ") + (one ? distance_figure(rep) : length_range(lo_m, hi_m)) + " apart"
                     : lie + (one ? distance_figure(rep) : length_range(lo_m, hi_m)) + " from " + s.object_name;
      out += ", " + standing(by_distance, one, "inside", "outside", "at the edge of") + " " + claimed_distance(s);
    }
    if (no_direction) {
      out += (has_distance ? ", and lies" : lie.substr(0, lie.size() - 1)) + std::string(" on ") + s.object_name +
             ", so it has no direction from it";
    } else if (has_direction) {
      const std::string at = one ? "at " + bearing_figure(rep) : "at bearings " + bearing_range(c.measures);
      out += has_distance ? ", " + at : lie + at + " from " + s.object_name;
      out += ", " + standing(by_bearing, one, "inside", "outside", "at the edge of") + " " + sector_text(*s.direction);
    }
  }

  // The deciding feature (the representative, docs/language.md) and why it decides. When the
  // feature nearest a sector edge is another than the one nearest a distance bound, each part
  // names its own: the least margin of each figure is the one a reader checks.
  const FeatureMeasure& dir_rep = c.measures[c.direction_representative];
  const bool split = !one && has_distance && has_direction && &dir_rep != &rep && rep.distance && dir_rep.bearing;
  std::vector<std::string> states;
  if (s.relation == Relation::inside) {
    states.push_back(inside_state(s, rep, as_measured(s, rep.verdict)));
  } else {
    if (has_distance && rep.distance) states.push_back(distance_state(s, rep));
    if (has_direction && rep.bearing && !no_direction && !split) states.push_back(bearing_state(s, rep));
  }
  std::string why;
  for (const auto& st : states) why += (why.empty() ? "" : ", ") + st;
  if (one) {
    if (!why.empty()) out += "; " + why;
  } else if (s.relation == Relation::inside) {
    out += "; the deciding feature is " + rep.subject_id + ": " + why;
  } else if (split) {
    out += "; the deciding feature for distance, " + rep.subject_id + ", lies " + distance_figure(rep) + ": " + why +
           "; for direction, " + dir_rep.subject_id + ", at " + bearing_figure(dir_rep) + ": " +
           bearing_state(s, dir_rep);
  } else {
    std::string figures;
    if (has_distance && rep.distance) figures = distance_figure(rep);
    if (has_direction && rep.bearing) figures += (figures.empty() ? "at " : " at ") + bearing_figure(rep);
    out += "; the deciding feature, " + rep.subject_id + (figures.empty() ? "" : ", lies " + figures) + ": " + why;
  }
  return out + "." + quoted(s);
}

}  // namespace geoclaim::layers
