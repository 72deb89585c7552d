#include "layers/ResultLayers.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/Geodesy.hpp"
#include "engine/Units.hpp"
#include "layers/Fields.hpp"
#include "layers/Zones.hpp"

namespace geoclaim::layers {
namespace {

using T = Field::Type;

std::vector<Field> claim_fields() {
  return {{"claim_id", T::string},
          {"claim", T::string},
          {"verdict", T::string},
          {"subject", T::string},
          {"subject_feature", T::string},
          {"object", T::string},
          {"object_feature", T::string},
          {"quantifier", T::string},
          {"measured_m", T::real},
          {"uncertainty_m", T::real},
          {"claimed_min_m", T::real},
          {"claimed_max_m", T::real},
          {"margin_m", T::real},
          {"bearing_deg", T::real},
          {"claimed_direction", T::string},
          {"margin_deg", T::real},
          {"direction_feature", T::string},
          {"inside_share", T::real},
          {"tolerance", T::string},
          {"features_supported", T::integer},
          {"features_contradicted", T::integer},
          {"features_inconclusive", T::integer},
          {"reason", T::string},
          {"method", T::string},
          {"origin", T::string},
          {"quote", T::string},
          {"source", T::string}};
}

/// `by_bearing`: the measure whose bearing decides the direction (m itself but for the claim
/// row of a distance-and-direction claim, ClaimResult::direction_representative).
void fill_claim(RowBuilder& row, const ClaimResult& c, const FeatureMeasure& m, const FeatureMeasure& by_bearing,
                Verdict verdict, const std::string& reason) {
  const ClaimSpec& s = c.spec;
  row.set("claim_id", s.id)
      .set("claim", s.text)
      .set("verdict", std::string(word(verdict)))
      .set("subject", s.subject_name)
      .set("subject_feature", text_value(s.subject_is_place ? "" : m.subject_id))
      .set("object", s.object_name)
      .set("object_feature", text_value(m.object_id))
      .set("quantifier", text_value(std::string(word(s.quantifier))))
      .set("measured_m", metres_value(measured_m(m)))
      .set("uncertainty_m", metres_value(m.uncertainty_m))
      .set("claimed_min_m", s.claimed_m ? metres_value(s.claimed_m->lo) : AttributeValue{})
      .set("claimed_max_m", s.claimed_m ? metres_value(s.claimed_m->hi) : AttributeValue{})
      .set("margin_m", metres_value(margin_m(m)))
      .set("bearing_deg", degrees_value(bearing_deg(by_bearing)))
      .set("claimed_direction", s.direction ? AttributeValue{s.direction->label} : AttributeValue{})
      .set("margin_deg", degrees_value(margin_deg(by_bearing)))
      .set("direction_feature", text_value(direction_feature(s, by_bearing).value_or("")))
      .set("inside_share", share_value(inside_share(m)))
      .set("tolerance", text_value(s.tolerance_word))
      .set("reason", text_value(reason))
      .set("method", c.method)
      .set("origin", s.origin)
      .set("quote", s.quote ? AttributeValue{*s.quote} : AttributeValue{})
      .set("source", s.source ? AttributeValue{*s.source} : AttributeValue{});
}

}  // namespace

std::optional<double> measured_m(const FeatureMeasure& m) {
  return m.distance ? std::optional(m.distance->metres) : std::nullopt;
}
std::optional<double> margin_m(const FeatureMeasure& m) { return m.distance ? m.distance->margin_m : std::nullopt; }
std::optional<double> bearing_deg(const FeatureMeasure& m) {
  return m.bearing ? std::optional(m.bearing->degrees) : std::nullopt;
}
std::optional<double> margin_deg(const FeatureMeasure& m) { return m.bearing ? m.bearing->margin_deg : std::nullopt; }
std::optional<std::string> direction_feature(const ClaimSpec& s, const FeatureMeasure& by_bearing) {
  if (!s.direction || s.subject_is_place || !by_bearing.bearing) return std::nullopt;
  return by_bearing.subject_id;
}
std::optional<double> inside_share(const FeatureMeasure& m) {
  return m.inside ? std::optional(m.inside->share) : std::nullopt;
}

double densify_step_m(double length_m) { return std::clamp(length_m / 64.0, 0.5, 10000.0); }

Layer claims_layer(const JobResult& job) {
  Layer out("claims", {}, claim_fields());
  for (const auto& c : job.claims) {
    if (c.measures.empty()) continue;
    auto add = [&](const FeatureMeasure& m, const FeatureMeasure& by_bearing, Verdict v, bool counts) {
      RowBuilder row(out.fields());
      fill_claim(row, c, m, by_bearing, v, &m == &by_bearing ? m.reason : claim_reason(c));
      if (counts) {
        row.set("features_supported", static_cast<int64_t>(c.counts[0]))
            .set("features_contradicted", static_cast<int64_t>(c.counts[1]))
            .set("features_inconclusive", static_cast<int64_t>(c.counts[2]));
      }
      out.add(Feature{c.spec.id, 0, make_point(m.subject_point), m.uncertainty_m, row.take()});
    };
    if (c.spec.quantifier == Quantifier::each) {
      for (const auto& m : c.measures) add(m, m, m.verdict, false);
    } else {
      add(c.measures[c.representative], c.measures[c.direction_representative], c.verdict, true);
    }
  }
  return out;
}

std::string measured_text(const ClaimResult& c) {
  if (c.measures.empty()) return "";
  const FeatureMeasure& m = c.measures[c.representative];
  if (m.inside) {
    std::string s = format_number(m.inside->share * 100, 1) + "% inside";
    if (const auto depth = m.inside->edge_depth_m)
      s += ", " + format_length(std::fabs(*depth)) + (*depth >= 0 ? " inside the edge" : " outside");
    return s;
  }
  if (c.spec.relation == Relation::crosses) return m.reason;
  const FeatureMeasure& b = c.measures[c.direction_representative];
  const bool split = &b != &m;  // one feature decides the distance, another the direction
  std::string s;
  if (c.spec.relation != Relation::direction) {
    s = format_length(m.distance->metres);
    if (m.uncertainty_m > 0) s += " ±" + format_length(m.uncertainty_m);
    if (split) s += " (feature " + m.subject_id + ")";
  }
  if (c.spec.direction) {
    s += (s.empty() ? "" : ", ") + std::string("bearing ") + format_azimuth(b.bearing->degrees, 1) + "°";
    if (b.bearing->uncertainty_deg > 0) s += " ±" + format_number(b.bearing->uncertainty_deg, 1) + "°";
    if (split) s += " (feature " + b.subject_id + ")";
  }
  return s;
}

std::string claim_reason(const ClaimResult& c) {
  if (c.measures.empty()) return "";
  if (c.direction_representative == c.representative) return c.measures[c.representative].reason;
  return measured_text(c) + " (claimed " + c.spec.direction->label + ")";
}

std::string claimed_text(const ClaimResult& c) {
  const ClaimSpec& s = c.spec;
  // `no S …` claims that none of S is: say so, or "≤ 10 km" reads as the opposite.
  const std::string none = s.quantifier == Quantifier::no ? "none " : "";
  std::string out = none;
  if (s.relation == Relation::inside) return none + "inside " + s.object_name;
  if (s.relation == Relation::crosses) return "crosses " + s.crossed_name;
  if (s.claimed_m) {
    out = none;
    if (std::isinf(s.claimed_m->hi))
      out += "≥ " + format_length(s.claimed_m->lo);
    else if (s.claimed_m->lo <= 0)
      out += "≤ " + format_length(s.claimed_m->hi);
    else
      out += format_length(s.claimed_m->lo) + " – " + format_length(s.claimed_m->hi);
  }
  if (s.direction)
    out += (out.empty() || out == none ? "" : ", ") + s.direction->label + " (" +
           format_number(s.direction->centre_deg, 2) + "° ±" + format_number(s.direction->halfwidth_deg, 2) + "°)";
  return out;
}

std::string margin_text(const ClaimResult& c) {
  if (c.measures.empty()) return "";
  const FeatureMeasure& m = c.measures[c.representative];
  const FeatureMeasure& b = c.measures[c.direction_representative];
  const bool split = &b != &m;  // as in measured_text
  std::string out;
  if (const auto mm = margin_m(m)) {
    out = (*mm >= 0 ? "+" : "−") + format_length(std::fabs(*mm));
    if (split) out += " (feature " + m.subject_id + ")";
  }
  if (const auto md = margin_deg(b)) {
    out += (out.empty() ? "" : ", ") + std::string(*md >= 0 ? "+" : "−") + format_number(std::fabs(*md), 1) + "°";
    if (split) out += " (feature " + b.subject_id + ")";
  }
  return out;
}

Layer evidence_layer(const JobResult& job, size_t max_per_claim) {
  Layer out("evidence", {},
            {{"claim_id", T::string},
             {"kind", T::string},
             {"verdict", T::string},
             {"subject_feature", T::string},
             {"object_feature", T::string},
             {"distance_m", T::real},
             {"bearing_deg", T::real},
             {"label", T::string}});
  for (const auto& c : job.claims) {
    std::vector<size_t> order(c.measures.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (order.size() > max_per_claim) {  // keep the representative, then the first ones
      order.resize(max_per_claim);
      if (c.representative >= max_per_claim) order.back() = c.representative;
    }
    for (size_t i : order) {
      const FeatureMeasure& m = c.measures[i];
      if (!m.on_object.valid() || !m.on_subject.valid()) continue;
      // Drawn subject → object (docs/outputs.md); the bearing is the claim's: of the subject
      // as seen from the object.
      const auto inv = geodesic_inverse(m.on_object, m.on_subject);
      if (inv.distance_m <= 0) continue;  // nothing to draw: the subject is on the object
      const auto path = densify_geodesic(m.on_subject, m.on_object, densify_step_m(inv.distance_m));
      const std::string kind =
          c.spec.relation == Relation::inside ? "to edge"
          : c.spec.subject->family() == GeomFamily::point && c.spec.object->family() == GeomFamily::point
              ? "geodesic"
              : "nearest points";
      const std::string label = format_length(inv.distance_m) + ", " + format_azimuth(inv.azimuth1_deg, 1) + "°";
      RowBuilder row(out.fields());
      row.set("claim_id", c.spec.id)
          .set("kind", kind)
          .set("verdict", std::string(word(m.verdict)))
          .set("subject_feature", text_value(c.spec.subject_is_place ? c.spec.subject_name : m.subject_id))
          .set("object_feature", text_value(m.object_id))
          .set("distance_m", metres_value(inv.distance_m))
          .set("bearing_deg", degrees_value(inv.azimuth1_deg))
          .set("label", label);
      out.add(Feature{c.spec.id, 0, make_line(path), 0, row.take()});
    }
  }
  return out;
}

Layer attribution_layer(const JobResult& job) {
  Layer out("attribution", {},
            {{"statement", T::string},
             {"subject", T::string},
             {"subject_feature", T::string},
             {"object", T::string},
             {"status", T::string},
             {"footprint", T::string},
             {"footprint_name", T::string},
             {"inside_share", T::real},
             {"distance_m", T::real},
             {"bearing_deg", T::real},
             {"uncertainty_m", T::real},
             {"candidates", T::string}});
  for (const auto& a : job.attributions) {
    RowBuilder row(out.fields());
    row.set("statement", a.statement)
        .set("subject", a.subject_name)
        .set("subject_feature", a.subject_id)
        .set("object", a.object_name)
        .set("status", std::string(word(a.status)))
        .set("uncertainty_m", metres_value(a.uncertainty_m));
    if (!a.candidates.empty()) {
      const auto& best = a.candidates.front();
      row.set("footprint", best.id)
          .set("inside_share", share_value(best.share))
          .set("distance_m", metres_value(best.distance_m))
          .set("bearing_deg", best.distance_m > 0 ? degrees_value(best.bearing_deg) : AttributeValue{});
      if (auto name = a.object->field_index("name"))
        row.set("footprint_name", text_value(attribute_text(a.object->features()[best.feature].attributes[*name])));
      row.set("candidates", candidates_text(a));
    }
    out.add(Feature{a.subject_id, 0, make_point(a.point), a.uncertainty_m, row.take()});
  }
  return out;
}

Layer uncertainty_layer(const JobResult& job, size_t max_features) {
  Layer out("uncertainty", {}, {{"layer", T::string}, {"feature_id", T::string}, {"uncertainty_m", T::real}});
  std::set<const Layer*> done;
  auto add_layer = [&](const Layer* layer, const std::string& name) {
    if (!layer || !done.insert(layer).second) return;
    for (const auto& f : layer->features()) {
      if (out.size() >= max_features) return;
      if (!(f.uncertainty_m > 0)) continue;
      GeomPtr region = region_within(f.geometry.get(), f.uncertainty_m);
      if (!region) continue;  // over a pole: not drawn (layers/Zones.hpp)
      RowBuilder row(out.fields());
      row.set("layer", name).set("feature_id", f.id).set("uncertainty_m", metres_value(f.uncertainty_m));
      out.add(Feature{f.id, 0, std::move(region), 0, row.take()});
    }
  };
  for (const auto& c : job.claims) {
    add_layer(c.spec.subject, c.spec.subject_name);
    add_layer(c.spec.object, c.spec.object_name);
  }
  for (const auto& a : job.attributions) add_layer(a.subject, a.subject_name);
  return out;
}

}  // namespace geoclaim::layers
