#include "engine/Claims.hpp"

#include "engine/DataSource.hpp"

#include <algorithm>
#include <cmath>

#include "engine/Errors.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Measure.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Units.hpp"

namespace geoclaim {
namespace {

constexpr double kRadToDeg = 180.0 / M_PI;
constexpr double kAnyDistance = std::numeric_limits<double>::infinity();
// A share of the uncertainty disc closer than this to 0 or 1 counts as none or all: the disc is
// a 256-gon, so shares are exact only to about 1e-4 near an edge anyway.
constexpr double kShareEpsilon = 1e-6;

int badness(Verdict v) { return v == Verdict::contradicted ? 2 : v == Verdict::inconclusive ? 1 : 0; }

Verdict both(Verdict a, Verdict b) {
  if (a == Verdict::contradicted || b == Verdict::contradicted) return Verdict::contradicted;
  if (a == Verdict::supported && b == Verdict::supported) return Verdict::supported;
  return Verdict::inconclusive;
}

std::string feature_id(const Layer& layer, size_t i) { return layer.features()[i].id; }

class Evaluator {
 public:
  Evaluator(const ClaimSpec& spec, const std::function<void(size_t, size_t)>& progress)
      : m_spec(spec), m_progress(progress) {}

  ClaimResult run() {
    ClaimResult r;
    r.spec = m_spec;
    r.method = method();
    switch (m_spec.relation) {
      case Relation::distance_between:
        r.measures.push_back(between());
        break;
      case Relation::crosses:
        r.measures.push_back(crosses());
        break;
      default:
        r.measures.reserve(m_spec.subject->size());
        for (size_t i = 0; i < m_spec.subject->size(); ++i) {
          r.measures.push_back(per_feature(i));
          if (m_progress && (i + 1) % Progress::kEvery == 0) m_progress(i + 1, m_spec.subject->size());
        }
    }
    if (m_spec.quantifier == Quantifier::no)
      for (auto& m : r.measures) negate_measure(m);
    std::vector<Verdict> verdicts;
    verdicts.reserve(r.measures.size());
    for (const auto& m : r.measures) {
      verdicts.push_back(m.verdict);
      ++r.counts[static_cast<int>(m.verdict)];
    }
    const bool any = m_spec.quantifier == Quantifier::any;
    r.verdict = any ? any_of(verdicts) : all_of(verdicts);
    r.representative = pick_representative(r.measures, any);
    return r;
  }

 private:
  std::string method() const {
    const bool points = m_spec.subject->family() == GeomFamily::point &&
                        (!m_spec.object || m_spec.object->family() == GeomFamily::point);
    if (m_spec.relation == Relation::inside)
      return m_spec.working_crs
                 ? "point in polygon, local AEQD disc share, edge distance in " + m_spec.working_crs_label
                 : "point in polygon, local AEQD disc share";
    if (points) return "geodesic WGS84";
    return (m_spec.working_crs ? m_spec.working_crs_label : std::string("local AEQD")) +
           " nearest points + geodesic WGS84";
  }

  const CrsTransform* working() const { return m_spec.working_crs.get(); }

  static size_t pick_representative(const std::vector<FeatureMeasure>& ms, bool best) {
    size_t pick = 0;
    for (size_t i = 1; i < ms.size(); ++i) {
      const int bi = badness(ms[i].verdict), bp = badness(ms[pick].verdict);
      const double mi = std::isnan(ms[i].margin_m) ? ms[i].margin_deg : ms[i].margin_m;
      const double mp = std::isnan(ms[pick].margin_m) ? ms[pick].margin_deg : ms[pick].margin_m;
      const bool better = best ? (bi < bp || (bi == bp && mi > mp)) : (bi > bp || (bi == bp && mi < mp));
      if (better) pick = i;
    }
    return pick;
  }

  static void negate_measure(FeatureMeasure& m) {
    m.verdict = negate(m.verdict);
    m.margin_m = -m.margin_m;
    m.margin_deg = -m.margin_deg;
    m.reason = "no feature may: " + m.reason;
  }

  FeatureMeasure start(size_t i) const {
    const Feature& f = m_spec.subject->features()[i];
    FeatureMeasure m;
    m.subject_feature = i;
    m.subject_id = f.id;
    m.subject_point = representative_point(f.geometry.get());
    m.uncertainty_m = f.uncertainty_m;
    return m;
  }

  Verdict distance_verdict(FeatureMeasure& m) const {
    const Interval claimed = *m_spec.claimed_m;
    const Interval measured{std::max(0.0, m.distance_m - m.uncertainty_m), m.distance_m + m.uncertainty_m};
    m.margin_m = margin(m.distance_m, claimed);
    return judge(measured, claimed);
  }

  Verdict direction_verdict(FeatureMeasure& m, const GeoPoint& object_point) const {
    const auto inv = geodesic_inverse(object_point, m.subject_point);
    m.bearing_deg = inv.azimuth1_deg;
    if (inv.distance_m == 0) {
      m.bearing_uncertainty_deg = 180;
      return Verdict::inconclusive;  // the subject is at the object: no direction
    }
    m.bearing_uncertainty_deg =
        m.uncertainty_m >= inv.distance_m ? 180.0 : std::asin(m.uncertainty_m / inv.distance_m) * kRadToDeg;
    m.margin_deg = m_spec.direction->margin_deg(m.bearing_deg);
    if (m.margin_deg - m.bearing_uncertainty_deg >= 0) return Verdict::supported;
    if (m.margin_deg + m.bearing_uncertainty_deg < 0) return Verdict::contradicted;
    return Verdict::inconclusive;
  }

  FeatureMeasure per_feature(size_t i) {
    FeatureMeasure m = start(i);
    const GEOSGeometry* g = m_spec.subject->features()[i].geometry.get();
    if (m_spec.relation == Relation::inside) return inside(m, g);
    auto nf = nearest_feature(g, *m_spec.object, kAnyDistance, working());
    if (!nf) throw DataError("layer '" + m_spec.object_name + "' has no features to measure against");
    const Feature& obj = m_spec.object->features()[nf->feature];
    m.object_feature = nf->feature;
    m.object_id = obj.id;
    m.uncertainty_m += obj.uncertainty_m;
    m.distance_m = nf->pair.distance_m;
    m.on_object = nf->pair.on_b;
    m.on_subject = nf->pair.on_a;
    const GeoPoint object_point = representative_point(obj.geometry.get());
    switch (m_spec.relation) {
      case Relation::within:
      case Relation::distance_from:
        m.verdict = distance_verdict(m);
        m.bearing_deg = geodesic_inverse(object_point, m.subject_point).azimuth1_deg;
        break;
      case Relation::direction:
        m.verdict = direction_verdict(m, object_point);
        break;
      default:  // distance_direction
        m.verdict = both(distance_verdict(m), direction_verdict(m, object_point));
    }
    m.reason = reason(m);
    return m;
  }

  FeatureMeasure inside(FeatureMeasure& m, const GEOSGeometry* g) {
    (void)g;
    const Layer& obj = *m_spec.object;
    if (obj.family() != GeomFamily::polygon)
      throw DataError("'inside " + m_spec.object_name + "' needs polygons, but '" + m_spec.object_name + "' holds " +
                      family_name(obj.family()) + " features");
    const GeoPoint p = m.subject_point;
    const auto covering = covering_features(p, obj, m_scratch);
    GeomPtr point = make_point(p);
    if (!covering.empty()) {
      const Feature& f = obj.features()[covering.front()];
      m.object_feature = covering.front();
      m.object_id = f.id;
      m.uncertainty_m += f.uncertainty_m;
      GeomPtr boundary(GEOSBoundary_r(geos(), f.geometry.get()));
      NearestPair edge = nearest_points(point.get(), boundary.get(), working());
      m.margin_m = edge.distance_m;
      m.on_object = edge.on_b;
      m.on_subject = p;
    } else if (auto nf = nearest_feature(point.get(), obj, kAnyDistance, working())) {
      m.object_feature = nf->feature;
      m.object_id = obj.features()[nf->feature].id;
      m.uncertainty_m += obj.features()[nf->feature].uncertainty_m;
      m.margin_m = -nf->pair.distance_m;
      m.on_object = nf->pair.on_b;
      m.on_subject = p;
    }
    m.edge_depth_m = m.margin_m;
    m.distance_m = std::isnan(m.margin_m) ? m.margin_m : std::max(0.0, -m.margin_m);
    if (m.uncertainty_m <= 0) {
      m.inside_share = covering.empty() ? 0.0 : 1.0;
    } else {
      // Every polygon the disc may touch; where footprints overlap, the overlap counts once.
      const UncertaintyDisc disc(p, m.uncertainty_m);
      obj.index().candidates_within(p, m.uncertainty_m, m_scratch.candidates);
      m_polygons.clear();
      for (size_t i : m_scratch.candidates) m_polygons.push_back(obj.features()[i].geometry.get());
      m.inside_share = m_polygons.empty() ? 0.0 : disc.share_inside_any(m_polygons);
    }
    m.verdict = m.inside_share >= 1.0 - kShareEpsilon ? Verdict::supported
                : m.inside_share <= kShareEpsilon     ? Verdict::contradicted
                                                      : Verdict::inconclusive;
    m.reason = reason(m);
    return m;
  }

  // The nearest pair over all features of both sides (each side usually has one feature).
  std::optional<std::pair<size_t, NearestFeature>> nearest_between() {
    std::optional<std::pair<size_t, NearestFeature>> best;
    for (size_t i = 0; i < m_spec.subject->size(); ++i) {
      const GEOSGeometry* g = m_spec.subject->features()[i].geometry.get();
      auto nf = nearest_feature(g, *m_spec.object, kAnyDistance, working());
      if (nf && (!best || nf->pair.distance_m < best->second.pair.distance_m)) best = {{i, *nf}};
    }
    return best;
  }

  FeatureMeasure between() {
    auto best = nearest_between();
    if (!best) throw DataError("'" + m_spec.object_name + "' has no features to measure against");
    FeatureMeasure m = start(best->first);
    const Feature& obj = m_spec.object->features()[best->second.feature];
    m.object_feature = best->second.feature;
    m.object_id = obj.id;
    m.uncertainty_m += obj.uncertainty_m;
    m.distance_m = best->second.pair.distance_m;
    m.on_object = best->second.pair.on_b;
    m.on_subject = best->second.pair.on_a;
    m.bearing_deg = geodesic_inverse(m.on_object, m.on_subject).azimuth1_deg;
    m.verdict = distance_verdict(m);
    m.reason = reason(m);
    return m;
  }

  FeatureMeasure crosses() {
    auto best = nearest_between();
    if (!best) throw DataError("'" + m_spec.object_name + "' has no features to measure against");
    FeatureMeasure m = start(best->first);
    m.object_feature = best->second.feature;
    m.object_id = feature_id(*m_spec.object, best->second.feature);
    m.distance_m = best->second.pair.distance_m;
    m.on_object = best->second.pair.on_b;
    m.on_subject = best->second.pair.on_a;
    m.bearing_deg = geodesic_inverse(m.on_object, m.on_subject).azimuth1_deg;
    if (m_spec.crossed->family() != GeomFamily::line)
      throw DataError("'crosses " + m_spec.crossed_name + "' needs lines, but '" + m_spec.crossed_name + "' holds " +
                      family_name(m_spec.crossed->family()) + " features");
    const auto path = densify_geodesic(m.on_object, m.on_subject, 1.0);
    GeomPtr segment = make_line(path);
    const GeoPoint mid = path[path.size() / 2];
    m_spec.crossed->index().candidates_within(mid, m.distance_m / 2 + 1.0, m_scratch.candidates);
    bool crossed = false;
    for (size_t i : m_scratch.candidates)
      if (GEOSIntersects_r(geos(), segment.get(), m_spec.crossed->features()[i].geometry.get()) == 1) {
        crossed = true;
        m.reason = "the " + format_length(m.distance_m) + " segment crosses " + m_spec.crossed_name + " feature " +
                   feature_id(*m_spec.crossed, i);
        break;
      }
    if (!crossed)
      m.reason = "the " + format_length(m.distance_m) + " segment crosses no feature of " + m_spec.crossed_name;
    m.verdict = crossed ? Verdict::supported : Verdict::contradicted;
    return m;
  }

  std::string reason(const FeatureMeasure& m) const {
    std::string s;
    if (m_spec.relation == Relation::inside) {
      s = m.object_id.empty() ? "no polygon near"
                              : (m.edge_depth_m >= 0 ? "inside " : "outside ") + m_spec.object_name + " " + m.object_id;
      if (!std::isnan(m.edge_depth_m)) s += ", " + format_length(std::fabs(m.edge_depth_m)) + " from its edge";
      if (m.uncertainty_m > 0)
        s += ", " + format_number(m.inside_share * 100, 1) + "% of the ±" + format_length(m.uncertainty_m) +
             " disc inside";
      return s;
    }
    if (m_spec.relation != Relation::direction) s = format_length(m.distance_m);
    if (m.uncertainty_m > 0 && m_spec.relation != Relation::direction) s += " ±" + format_length(m.uncertainty_m);
    if (m_spec.direction) {
      if (!s.empty()) s += ", ";
      s += "bearing " + format_azimuth(m.bearing_deg, 1) + "°";
      if (m.bearing_uncertainty_deg > 0) s += " ±" + format_number(m.bearing_uncertainty_deg, 1) + "°";
      s += " (claimed " + m_spec.direction->label + ")";
    }
    return s;
  }

  const ClaimSpec& m_spec;
  const std::function<void(size_t, size_t)>& m_progress;
  NearestScratch m_scratch;
  std::vector<const GEOSGeometry*> m_polygons;
};

}  // namespace

Interval claimed_interval(lang::Bound bound, double d1, double d2, const std::string& word, const Tolerance& tol) {
  const double a = word.empty() ? 0.0 : tol.allowance_m(d1);
  switch (bound) {
    case lang::Bound::at_most:
      return {0.0, d1 + a};
    case lang::Bound::at_least:
      return {std::max(0.0, d1 - a), std::numeric_limits<double>::infinity()};
    case lang::Bound::between:
      return {std::min(d1, d2), std::max(d1, d2)};
    case lang::Bound::approximately:
      break;
  }
  if (is_upper_bounded_word(word)) return {std::max(0.0, d1 - a), d1};
  return {std::max(0.0, d1 - a), d1 + a};
}

ClaimResult evaluate(const ClaimSpec& spec, const std::function<void(size_t, size_t)>& progress) {
  return Evaluator(spec, progress).run();
}

}  // namespace geoclaim
