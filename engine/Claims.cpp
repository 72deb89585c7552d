#include "engine/Claims.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/DataSource.hpp"

#include "engine/Errors.hpp"
#include "engine/ExtentDirection.hpp"
#include "engine/ExtentInside.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Measure.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"

namespace geoclaim {
namespace {

constexpr double kRadToDeg = 180.0 / M_PI;
constexpr double kAnyDistance = std::numeric_limits<double>::infinity();

int badness(Verdict v) {
  switch (v) {
    case Verdict::supported:
      return 0;
    case Verdict::inconclusive:
      return 1;
    case Verdict::contradicted:
      return 2;
  }
  return 2;
}

Verdict both(Verdict a, Verdict b) {
  if (a == Verdict::contradicted || b == Verdict::contradicted) return Verdict::contradicted;
  if (a == Verdict::supported && b == Verdict::supported) return Verdict::supported;
  return Verdict::inconclusive;
}

std::string feature_id(const Layer& layer, size_t i) { return layer.features()[i].id; }

class ClaimMeasurer {
 public:
  ClaimMeasurer(const ClaimSpec& spec, const std::function<void(size_t, size_t)>& progress)
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
      case Relation::within:
      case Relation::distance_direction:
      case Relation::distance_from:
      case Relation::direction:
      case Relation::inside:
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
    const bool any = m_spec.quantifier == Quantifier::any;  // `no` is `every` over negated measures
    r.verdict = any ? any_of(verdicts) : all_of(verdicts);
    r.representative = pick_representative(r.measures, any);
    // A direction alone is already ranked by its bearing margin (deciding_margin).
    const bool two_figures = m_spec.direction && m_spec.claimed_m;
    r.direction_representative = two_figures ? pick_by_bearing(r.measures, any, r.representative) : r.representative;
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
      const double mi = deciding_margin(ms[i]), mp = deciding_margin(ms[pick]);
      const bool better = best ? (bi < bp || (bi == bp && mi > mp)) : (bi > bp || (bi == bp && mi < mp));
      if (better) pick = i;
    }
    return pick;
  }

  static size_t pick_by_bearing(const std::vector<FeatureMeasure>& ms, bool best, size_t fallback) {
    std::optional<size_t> pick;
    double pick_margin = 0;
    for (size_t i = 0; i < ms.size(); ++i) {
      const auto& b = ms[i].bearing;
      if (!b || !b->margin_deg) continue;
      const double sure_margin = *b->margin_deg - b->uncertainty_deg;  // the least it can be
      if (!pick || (best ? sure_margin > pick_margin : sure_margin < pick_margin)) {
        pick = i;
        pick_margin = sure_margin;
      }
    }
    return pick.value_or(fallback);
  }

  static void negate_measure(FeatureMeasure& m) {
    m.verdict = negate(m.verdict);
    if (m.distance && m.distance->margin_m) m.distance->margin_m = -*m.distance->margin_m;
    if (m.bearing && m.bearing->margin_deg) m.bearing->margin_deg = -*m.bearing->margin_deg;
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

  /// Judges the measured distance (widened by the uncertainty) against the claimed interval.
  Verdict distance_verdict(FeatureMeasure& m) const {
    const Interval claimed = *m_spec.claimed_m;
    const double d = m.distance->metres;
    const Interval measured{std::max(0.0, d - m.uncertainty_m), d + m.uncertainty_m};
    m.distance->margin_m = margin(d, claimed);
    return judge(measured, claimed);
  }

  /// Direction from a point object to a point subject: the geodesic azimuth at the object,
  /// widened by what the uncertainty allows (the disc seen from the object).
  Verdict point_direction_verdict(FeatureMeasure& m, const GeoPoint& object_point) const {
    const auto inv = geodesic_inverse(object_point, m.subject_point);
    const auto bearing = bearing_between(object_point, inv);
    BearingFigure& b = m.bearing.emplace(BearingFigure{bearing.value_or(0), 0, std::nullopt, std::nullopt});
    if (!bearing) {
      b.uncertainty_deg = 180;
      return Verdict::inconclusive;  // the subject is at the object: no direction
    }
    const bool at_pole = is_pole(object_point);  // every bearing from a pole is one
    b.uncertainty_deg = m.uncertainty_m >= inv.distance_m ? 180.0
                        : at_pole                         ? 0.0
                                                          : std::asin(m.uncertainty_m / inv.distance_m) * kRadToDeg;
    const double margin_deg = m_spec.direction->margin_deg(b.degrees);
    b.margin_deg = margin_deg;
    if (margin_deg - b.uncertainty_deg >= 0) return Verdict::supported;
    if (margin_deg + b.uncertainty_deg < 0) return Verdict::contradicted;
    return Verdict::inconclusive;
  }

  /// Direction from an object of any kind to a subject of any kind (engine/ExtentDirection.hpp):
  /// a line or polygon subject is in the direction when all of it is.
  Verdict direction_verdict(FeatureMeasure& m, const GEOSGeometry* subject, size_t nearest) const {
    const DirectionSector& sector = *m_spec.direction;
    const Layer& layer = *m_spec.object;
    const GEOSGeometry* nearest_geometry = layer.features()[nearest].geometry.get();
    const bool point_subject = geom_type(subject) == GeomType::point;
    if (point_subject && geom_type(nearest_geometry) == GeomType::point && layer.size() == 1)
      return point_direction_verdict(m, representative_point(nearest_geometry));
    const GeoPoint at = point_subject ? m.subject_point : m.on_subject;
    // A line or polygon subject lies within r of its representative point.
    const GeoPoint centre = point_subject ? at : representative_point(subject);
    double r = 0;
    if (!point_subject)
      for_each_vertex(subject, [&](const PlanarXY& v) {
        r = std::max(r, geodesic_inverse(centre, GeoPoint::from_lon_lat(v.x, v.y)).distance_m);
      });
    // Within the uncertainty (and across the subject) another feature of the layer may become
    // the nearest one: every feature that can be nearest to some position the claim allows is
    // measured with it. From `centre`, the object lies within d + r, so such features lie within
    // d + r + 2 (u + r).
    const double d = m.distance->metres;
    const GeomPtr near_objects = objects_near(centre, d + 3 * r + 2 * m.uncertainty_m, nearest);
    const GEOSGeometry* object = near_objects ? near_objects.get() : nearest_geometry;
    const ExtentDirection dir = direction_from_extent(object, at, m.uncertainty_m, sector);
    BearingFigure& b =
        m.bearing.emplace(BearingFigure{dir.bearing_deg.value_or(0), dir.spread_deg, dir.margin_deg, std::nullopt});
    if (!dir.bearing_deg) b.uncertainty_deg = 180;
    if (point_subject) return dir.verdict;
    // When every position within u + r of the centre is in the direction, all of the subject is
    // (supported); when none is, no part of it can be (contradicted). A subject that straddles
    // the sector's edge is partly in the direction and partly not: a compass word says no more
    // than that, so inconclusive.
    return direction_from_extent(object, centre, m.uncertainty_m + r, sector).verdict;
  }

  /// The object features that may lie within `reach_m` of `p`, as one geometry; null when the
  /// nearest one is the only one.
  GeomPtr objects_near(const GeoPoint& p, double reach_m, size_t nearest) const {
    const Layer& layer = *m_spec.object;
    if (layer.size() == 1) return nullptr;
    std::vector<size_t> which;
    layer.index().candidates_within(p, reach_m, which);
    if (which.size() <= 1) return nullptr;
    std::vector<GeomPtr> parts;
    parts.reserve(which.size());
    bool has_nearest = false;
    for (size_t i : which) {
      has_nearest = has_nearest || i == nearest;
      parts.push_back(clone(layer.features()[i].geometry.get()));
    }
    if (!has_nearest) parts.push_back(clone(layer.features()[nearest].geometry.get()));
    return make_collection(layer.family(), std::move(parts));
  }

  /// The bearing of a claim that states no direction, shown with its distance.
  static BearingFigure plain_bearing(const GeoPoint& from, const GeoPoint& to) {
    return {geodesic_inverse(from, to).azimuth1_deg, 0, std::nullopt, std::nullopt};
  }

  FeatureMeasure per_feature(size_t i) {
    FeatureMeasure m = start(i);
    const GEOSGeometry* g = m_spec.subject->features()[i].geometry.get();
    if (m_spec.relation == Relation::inside) return inside(m, g);
    auto nf = nearest_feature(g, *m_spec.object, kAnyDistance, working());
    if (!nf) throw DataError("layer " + quote(m_spec.object_name) + " has no features to measure against");
    const Feature& obj = m_spec.object->features()[nf->feature];
    m.object_feature = nf->feature;
    m.object_id = obj.id;
    m.uncertainty_m += obj.uncertainty_m;
    m.distance = DistanceFigure{nf->pair.distance_m, std::nullopt, std::nullopt};
    m.on_object = nf->pair.on_b;
    m.on_subject = nf->pair.on_a;
    switch (m_spec.relation) {
      case Relation::within:
      case Relation::distance_from:
        m.verdict = distance_verdict(m);
        m.distance->verdict = m.verdict;
        m.bearing = plain_bearing(representative_point(obj.geometry.get()), m.subject_point);
        break;
      case Relation::direction:
        m.verdict = direction_verdict(m, g, nf->feature);
        m.bearing->verdict = m.verdict;
        break;
      case Relation::distance_direction: {
        const Verdict by_distance = distance_verdict(m);
        const Verdict by_bearing = direction_verdict(m, g, nf->feature);
        m.distance->verdict = by_distance;
        m.bearing->verdict = by_bearing;
        m.verdict = both(by_distance, by_bearing);
        break;
      }
      case Relation::inside:
      case Relation::distance_between:
      case Relation::crosses:
        throw std::logic_error("per_feature: inside, distance between and crosses are measured elsewhere");
    }
    m.reason = reason(m);
    return m;
  }

  FeatureMeasure inside(FeatureMeasure& m, const GEOSGeometry* g) {
    const Layer& obj = *m_spec.object;
    if (obj.family() != GeomFamily::polygon)
      throw DataError("'inside " + m_spec.object_name + "' needs polygons, but " + quote(m_spec.object_name) +
                      " holds " + family_name(obj.family()) + " features");
    if (geom_type(g) != GeomType::point) return extent_inside_measure(m, g);
    const GeoPoint p = m.subject_point;
    const auto covering = covering_features(p, obj, m_scratch);
    GeomPtr point = make_point(p);
    std::optional<double> depth;  // to the edge: + inside, − outside
    if (!covering.empty()) {
      const Feature& f = obj.features()[covering.front()];
      m.object_feature = covering.front();
      m.object_id = f.id;
      m.uncertainty_m += f.uncertainty_m;
      const GeomPtr rim = boundary(f.geometry.get());
      NearestPair edge = nearest_points(point.get(), rim.get(), working());
      depth = edge.distance_m;
      m.on_object = edge.on_b;
      m.on_subject = p;
    } else if (auto nf = nearest_feature(point.get(), obj, kAnyDistance, working())) {
      m.object_feature = nf->feature;
      m.object_id = obj.features()[nf->feature].id;
      m.uncertainty_m += obj.features()[nf->feature].uncertainty_m;
      depth = -nf->pair.distance_m;
      m.on_object = nf->pair.on_b;
      m.on_subject = p;
    }
    InsideFigure& in = m.inside.emplace(InsideFigure{0.0, depth, std::nullopt});
    if (depth) m.distance = DistanceFigure{std::max(0.0, -*depth), depth, std::nullopt};
    if (m.uncertainty_m <= 0) {
      in.share = covering.empty() ? 0.0 : 1.0;
    } else {
      // Every polygon the disc may touch; where footprints overlap, the overlap counts once.
      const UncertaintyDisc disc(p, m.uncertainty_m);
      obj.index().candidates_within(p, m.uncertainty_m, m_scratch.candidates);
      m_polygons.clear();
      for (size_t i : m_scratch.candidates) m_polygons.push_back(obj.features()[i].geometry.get());
      in.share = m_polygons.empty() ? 0.0 : disc.share_inside_any(m_polygons);
    }
    m.verdict = in.share >= 1.0 - kShareEpsilon ? Verdict::supported
                : in.share <= kShareEpsilon     ? Verdict::contradicted
                                                : Verdict::inconclusive;
    m.reason = reason(m);
    return m;
  }

  /// `inside` for a line, polygon or multi-point subject: all of it must be inside
  /// (engine/ExtentInside.hpp).
  FeatureMeasure extent_inside_measure(FeatureMeasure& m, const GEOSGeometry* g) {
    const Layer& obj = *m_spec.object;
    const GeomFamily f = family(g);
    if (f == GeomFamily::other)
      throw DataError(quote(m_spec.subject_name) + " feature " + m.subject_id +
                      " mixes points, lines and polygons: 'inside' cannot measure it");
    obj.index().candidates_within(m.subject_point, reach_m(g) + m.uncertainty_m, m_scratch.candidates);
    m_polygons.clear();
    for (size_t i : m_scratch.candidates) m_polygons.push_back(obj.features()[i].geometry.get());
    // The object's own uncertainty widens the subject too; it is known once the holder is.
    ExtentInside e = extent_inside(g, m_polygons, m.uncertainty_m);
    std::optional<size_t> holder;
    if (e.best) holder = m_scratch.candidates[*e.best];
    if (holder && obj.features()[*holder].uncertainty_m > 0) {
      m.uncertainty_m += obj.features()[*holder].uncertainty_m;
      e = extent_inside(g, m_polygons, m.uncertainty_m);
    }
    if (!holder) {  // touches no polygon: the nearest one, for the evidence and the distance
      if (auto nf = nearest_feature(g, obj, kAnyDistance, working())) {
        holder = nf->feature;
        m.uncertainty_m += obj.features()[nf->feature].uncertainty_m;
        e.depth_m = -nf->pair.distance_m;
        m.on_object = nf->pair.on_b;
        m.on_subject = nf->pair.on_a;
      }
    } else {
      const NearestPair edge = nearest_points(g, boundary(obj.features()[*holder].geometry.get()).get(), working());
      m.on_object = edge.on_b;
      m.on_subject = edge.on_a;
    }
    if (holder) {
      m.object_feature = *holder;
      m.object_id = obj.features()[*holder].id;
    }
    const std::optional<double> depth = holder ? std::optional<double>(e.depth_m) : std::nullopt;
    m.inside.emplace(InsideFigure{e.share, depth, e.share_drawn});
    if (depth) m.distance = DistanceFigure{std::max(0.0, -*depth), depth, std::nullopt};
    m.verdict = e.share >= 1.0 - kShareEpsilon ? Verdict::supported
                : e.beyond_uncertainty         ? Verdict::contradicted
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
    if (!best) throw DataError(quote(m_spec.object_name) + " has no features to measure against");
    FeatureMeasure m = start(best->first);
    const Feature& obj = m_spec.object->features()[best->second.feature];
    m.object_feature = best->second.feature;
    m.object_id = obj.id;
    m.uncertainty_m += obj.uncertainty_m;
    m.distance = DistanceFigure{best->second.pair.distance_m, std::nullopt, std::nullopt};
    m.on_object = best->second.pair.on_b;
    m.on_subject = best->second.pair.on_a;
    m.bearing = plain_bearing(m.on_object, m.on_subject);
    m.verdict = distance_verdict(m);
    m.distance->verdict = m.verdict;
    m.reason = reason(m);
    return m;
  }

  FeatureMeasure crosses() {
    auto best = nearest_between();
    if (!best) throw DataError(quote(m_spec.object_name) + " has no features to measure against");
    FeatureMeasure m = start(best->first);
    m.object_feature = best->second.feature;
    m.object_id = feature_id(*m_spec.object, best->second.feature);
    const double length = best->second.pair.distance_m;
    m.distance = DistanceFigure{length, std::nullopt, std::nullopt};
    m.on_object = best->second.pair.on_b;
    m.on_subject = best->second.pair.on_a;
    m.bearing = plain_bearing(m.on_object, m.on_subject);
    if (m_spec.crossed->family() != GeomFamily::line)
      throw DataError("'crosses " + m_spec.crossed_name + "' needs lines, but " + quote(m_spec.crossed_name) +
                      " holds " + family_name(m_spec.crossed->family()) + " features");
    const auto path = densify_geodesic(m.on_object, m.on_subject, 1.0);
    GeomPtr segment = make_line(path);
    const GeoPoint mid = path[path.size() / 2];
    m_spec.crossed->index().candidates_within(mid, length / 2 + 1.0, m_scratch.candidates);
    bool crossed = false;
    for (size_t i : m_scratch.candidates)
      if (intersects_on_globe(segment.get(), m_spec.crossed->features()[i].geometry.get())) {
        crossed = true;
        m.reason = "the " + format_length(length) + " segment crosses " + m_spec.crossed_name + " feature " +
                   feature_id(*m_spec.crossed, i);
        break;
      }
    if (!crossed) m.reason = "the " + format_length(length) + " segment crosses no feature of " + m_spec.crossed_name;
    m.verdict = crossed ? Verdict::supported : Verdict::contradicted;
    return m;
  }

  std::string reason(const FeatureMeasure& m) const {
    std::string s;
    if (m.inside) {
      const auto depth = m.inside->edge_depth_m;
      if (m.inside->share_drawn) return extent_reason(m);
      s = m.object_id.empty() ? "no polygon near"
                              : (depth && *depth < 0 ? "outside " : "inside ") + m_spec.object_name + " " + m.object_id;
      if (depth) s += ", " + format_length(std::fabs(*depth)) + " from its edge";
      if (m.uncertainty_m > 0)
        s += ", " + format_number(m.inside->share * 100, 1) + "% of the ±" + format_length(m.uncertainty_m) +
             " disc inside";
      return s;
    }
    if (m_spec.relation != Relation::direction) s = format_length(m.distance->metres);
    if (m.uncertainty_m > 0 && m_spec.relation != Relation::direction) s += " ±" + format_length(m.uncertainty_m);
    if (m_spec.direction) {
      if (!s.empty()) s += ", ";
      s += "bearing " + format_azimuth(m.bearing->degrees, 1) + "°";
      if (m.bearing->uncertainty_deg > 0) s += " ±" + format_number(m.bearing->uncertainty_deg, 1) + "°";
      s += " (claimed " + m_spec.direction->label + ")";
    }
    return s;
  }

  /// "87.0% of its area inside compound c1, its farthest point 12.3 m outside; 80.2% of it
  /// widened by ±20 m inside"
  std::string extent_reason(const FeatureMeasure& m) const {
    const InsideFigure& in = *m.inside;
    const GeomFamily f = family(m_spec.subject->features()[m.subject_feature].geometry.get());
    const char* what = f == GeomFamily::polygon ? "area" : f == GeomFamily::line ? "length" : "points";
    if (m.object_id.empty()) return "no polygon near";
    const std::string held = m_spec.object_name + " " + m.object_id;
    // The depth is the least distance to the edge when all is inside, the farthest point's
    // outside when part is, and the distance to the nearest polygon when none is.
    std::string s;
    const double depth = in.edge_depth_m.value_or(0);
    if (*in.share_drawn >= 1.0 - kShareEpsilon) {
      s = std::string("all of its ") + what + " inside " + held;
      if (in.edge_depth_m) s += ", " + format_length(depth) + " from its edge";
    } else if (*in.share_drawn <= kShareEpsilon) {
      s = std::string("all of its ") + what + " outside " + held;
      if (in.edge_depth_m) s += ", " + format_length(-depth) + " from it";
    } else {
      s = format_number(*in.share_drawn * 100, 1) + "% of its " + what + " inside " + held;
      if (in.edge_depth_m) s += ", its farthest point " + format_length(-depth) + " outside";
    }
    if (m.uncertainty_m > 0)
      s +=
          "; " + format_number(in.share * 100, 1) + "% of it widened by ±" + format_length(m.uncertainty_m) + " inside";
    return s;
  }

  const ClaimSpec& m_spec;
  const std::function<void(size_t, size_t)>& m_progress;
  NearestScratch m_scratch;
  std::vector<const GEOSGeometry*> m_polygons;
};

}  // namespace

Interval claimed_interval(Bound bound, double d1, double d2, const std::string& word, const Tolerance& tol) {
  const double a = word.empty() ? 0.0 : tol.allowance_m(d1);
  switch (bound) {
    case Bound::at_most:
      return {0.0, d1 + a};
    case Bound::at_least:
      return {std::max(0.0, d1 - a), std::numeric_limits<double>::infinity()};
    case Bound::between:
      return {std::min(d1, d2), std::max(d1, d2)};
    case Bound::approximately:
      break;
  }
  if (is_upper_bounded_word(word)) return {std::max(0.0, d1 - a), d1};
  return {std::max(0.0, d1 - a), d1 + a};
}

ClaimResult evaluate(const ClaimSpec& spec, const std::function<void(size_t, size_t)>& progress) {
  return ClaimMeasurer(spec, progress).run();
}

double deciding_margin(const FeatureMeasure& m) {
  if (m.distance && m.distance->margin_m) return *m.distance->margin_m;
  if (m.bearing && m.bearing->margin_deg) return *m.bearing->margin_deg;
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace geoclaim
