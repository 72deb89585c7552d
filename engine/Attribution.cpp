#include "engine/Attribution.hpp"

#include <algorithm>

#include "engine/Geodesy.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Units.hpp"

namespace geoclaim {

Attribution attribute_feature(const Layer& subject, size_t i, const Layer& object, double within_m,
                              NearestScratch& scratch) {
  const Feature& f = subject.features()[i];
  Attribution a;
  a.subject = &subject;
  a.subject_feature = i;
  a.subject_id = f.id;
  a.point = representative_point(f.geometry.get());
  a.uncertainty_m = f.uncertainty_m;
  a.object = &object;
  GeomPtr point = make_point(a.point);
  auto candidate = [&](size_t j, double share) {
    AttributionCandidate c;
    c.feature = j;
    c.id = object.features()[j].id;
    c.share = share;
    const NearestPair p = nearest_points(point.get(), object.features()[j].geometry.get());
    c.distance_m = p.distance_m;
    c.nearest = p.on_b;
    c.bearing_deg = p.distance_m > 0 ? geodesic_inverse(p.on_b, a.point).azimuth1_deg : 0.0;
    return c;
  };
  if (a.uncertainty_m > 0) {
    const UncertaintyDisc disc(a.point, a.uncertainty_m);
    object.index().candidates_within(a.point, a.uncertainty_m, scratch.candidates);
    const std::vector<size_t> near = scratch.candidates;  // candidate() below reuses the scratch
    for (size_t j : near) {
      if (family(object.features()[j].geometry.get()) != GeomFamily::polygon) continue;
      const double share = disc.share_inside(object.features()[j].geometry.get());
      if (share > 0) a.candidates.push_back(candidate(j, share));
    }
    std::stable_sort(a.candidates.begin(), a.candidates.end(),
                     [](const auto& x, const auto& y) { return x.share > y.share; });
    if (!a.candidates.empty())
      a.status = a.candidates.size() == 1 && a.candidates[0].share >= 1.0 - kShareEpsilon ? AttributionStatus::inside
                                                                                          : AttributionStatus::shared;
  } else {
    for (size_t j : covering_features(a.point, object, scratch)) a.candidates.push_back(candidate(j, 1.0));
    if (!a.candidates.empty()) a.status = AttributionStatus::inside;
  }
  if (a.candidates.empty()) {
    if (auto nf = nearest_feature(point.get(), object, within_m)) {
      a.candidates.push_back(candidate(nf->feature, 0.0));
      a.status = AttributionStatus::nearest;
    } else {
      a.status = AttributionStatus::none;
    }
  }
  return a;
}

std::string footprint_label(const Attribution& a, const AttributionCandidate& c) {
  std::string label = c.id;
  if (auto name = a.object->field_index("name")) {
    const std::string n = attribute_text(a.object->features()[c.feature].attributes[*name]);
    if (!n.empty() && n != c.id) label += " (" + n + ")";
  }
  return label;
}

std::string candidates_text(const Attribution& a) {
  std::string out;
  for (const auto& c : a.candidates)
    out += (out.empty() ? "" : "; ") + footprint_label(a, c) + " " + format_number(c.share * 100, 1) + "%";
  return out;
}

}  // namespace geoclaim
