#include "layers/InputLayers.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "engine/Text.hpp"
#include "layers/QgisStyle.hpp"

namespace geoclaim::layers {
namespace {

/// Features of `layer` that some claim or attribution refers to.
std::set<size_t> used_features(const JobResult& job, const Layer* layer) {
  std::set<size_t> used;
  for (const auto& c : job.claims)
    for (const auto& m : c.measures) {
      if (c.spec.subject == layer) used.insert(m.subject_feature);
      if (c.spec.object == layer && m.object_feature) used.insert(*m.object_feature);
    }
  for (const auto& a : job.attributions) {
    if (a.subject == layer) used.insert(a.subject_feature);
    if (a.object == layer)
      for (const auto& cand : a.candidates) used.insert(cand.feature);
  }
  return used;
}

/// How each footprint was marked (geoclaim_hit): 1 hit, 2 candidate, else 0.
///  - hit: an `inside` claim found a subject's point in it (or on its edge), or an `attribute`
///    gave it as its answer: the footprint holding the point (status inside), or the most likely
///    of several its uncertainty disc covers (status shared; the first candidate, best share).
///  - candidate: any other footprint an `attribute` weighed (its disc touches it, or it was the
///    nearest within reach). A disc that merely touches a footprint does not make it hit: the
///    intact old mosque was drawn hit that way.
constexpr int kHit = 1, kCandidate = 2;

std::map<const Layer*, std::map<size_t, int>> hit_features(const JobResult& job) {
  std::map<const Layer*, std::map<size_t, int>> mark;
  auto set = [&](const Layer* l, size_t f, int v) {
    int& m = mark[l][f];
    m = m == kHit || v == kHit ? kHit : v;
  };
  for (const auto& c : job.claims)
    if (c.spec.relation == Relation::inside)
      for (const auto& m : c.measures)
        if (m.object_feature && m.inside && m.inside->edge_depth_m && *m.inside->edge_depth_m >= 0)
          set(c.spec.object, *m.object_feature, kHit);
  for (const auto& a : job.attributions)
    for (size_t i = 0; i < a.candidates.size(); ++i) {
      const bool answer = i == 0 && (a.status == AttributionStatus::inside || a.status == AttributionStatus::shared);
      set(a.object, a.candidates[i].feature, answer ? kHit : kCandidate);
    }
  return mark;
}

/// Appends copies of the single (non-multi) geometries of family `fam` inside `g`.
void collect_singles(const GEOSGeometry* g, GeomFamily fam, std::vector<GeomPtr>& out) {
  switch (geom_type(g)) {
    case GeomType::point:
    case GeomType::line_string:
    case GeomType::linear_ring:
    case GeomType::polygon:
      if (family(g) == fam) out.push_back(clone(g));
      return;
    case GeomType::multi_point:
    case GeomType::multi_line_string:
    case GeomType::multi_polygon:
    case GeomType::collection:
      break;
  }
  for (int i = 0, n = member_count(g); i < n; ++i) collect_singles(member(g, i), fam, out);
}

/// The part of `g` of family `fam`: `g` itself, or the members of that family of a mixed
/// collection (one, or a multi-geometry of several); null when it has none.
GeomPtr part_of_family(const GEOSGeometry* g, GeomFamily fam) {
  const GeomFamily whole = family(g);
  if (whole == fam) return clone(g);
  if (whole != GeomFamily::other) return nullptr;
  std::vector<GeomPtr> members;
  collect_singles(g, fam, members);
  if (members.empty()) return nullptr;
  if (members.size() == 1) return std::move(members[0]);
  return make_collection(fam, std::move(members));
}

/// Families present in the chosen features, looking inside mixed collections.
std::vector<GeomFamily> families_of(const Layer& src, const std::vector<size_t>& which) {
  std::set<GeomFamily> found;
  for (size_t i : which) {
    const GEOSGeometry* g = src.features()[i].geometry.get();
    if (family(g) != GeomFamily::other) {
      found.insert(family(g));
      continue;
    }
    for (int k = 0, n = member_count(g); k < n; ++k) {
      const GeomFamily f = family(member(g, k));
      if (f != GeomFamily::other) found.insert(f);
    }
  }
  return {found.begin(), found.end()};
}

/// The `fam` parts of the chosen features of `src`; polygons get `geoclaim_hit` so their
/// style can mark the footprints a strike hit. A source that has the field already (geoclaim's
/// own output, loaded again) has its values replaced by this job's: a second field of the same
/// name could not be written (issue 8: "Invalid index").
Layer copy_of(const Layer& src, const std::string& name, const std::vector<size_t>& which, GeomFamily fam,
              const std::map<size_t, int>& hit) {
  std::vector<Field> fields = src.fields();
  std::optional<size_t> hit_at;
  if (fam == GeomFamily::polygon) {
    hit_at = src.field_index(kHitField);
    if (!hit_at) {
      hit_at = fields.size();
      fields.push_back({kHitField, Field::Type::integer});
    }
    fields[*hit_at] = {kHitField, Field::Type::integer};
  }
  Layer out(name, src.source(), fields);
  out.reserve(which.size());
  for (size_t i : which) {
    const Feature& f = src.features()[i];
    GeomPtr part = part_of_family(f.geometry.get(), fam);
    if (!part) continue;
    Feature copy{f.id, f.source_row, std::move(part), f.uncertainty_m, f.attributes};
    if (hit_at) {
      copy.attributes.resize(fields.size());
      const auto m = hit.find(i);
      copy.attributes[*hit_at] = static_cast<int64_t>(m == hit.end() ? 0 : m->second);
    }
    out.add(std::move(copy));
  }
  return out;
}

}  // namespace

bool is_reserved_stem(const std::string& raw) {
  // Case-insensitive: GeoPackage layer names are, and so are some file systems.
  const std::string stem = lower(raw);
  static const std::set<std::string> reserved{"claims",       "zones",  "evidence", "attribution", "uncertainty",
                                              "claim_labels", "places", "report",   "project",     "results"};
  return reserved.count(stem) > 0;
}

namespace {

/// `wanted`, or `wanted_2`, `wanted_3`, … : the first stem no result layer or earlier input
/// has taken (a layer "m_point" and the points of a mixed layer "m" must not share a file).
std::string unique_stem(const std::string& wanted, std::set<std::string>& taken_lower) {
  const std::string base = is_reserved_stem(wanted) ? wanted + "_input" : wanted;
  std::string stem = base;
  for (int n = 2; taken_lower.count(lower(stem)) > 0; ++n) stem = base + "_" + std::to_string(n);
  taken_lower.insert(lower(stem));
  return stem;
}

}  // namespace

std::vector<InputLayer> input_layers(const JobResult& job, size_t whole_limit) {
  std::vector<InputLayer> out;
  std::set<std::string> taken{"places"};
  const auto hit = hit_features(job);
  static const std::map<size_t, int> none;
  // Places share one layer, in definition order.
  std::optional<Layer> places;
  for (const auto& [name, named] : job.layers) {
    if (named.kind != NamedLayer::Kind::place || !named.layer) continue;
    if (!places) places.emplace("places", LayerSource{}, named.layer->fields());
    const Feature& f = named.layer->features().front();
    places->add(Feature{f.id, f.source_row, clone(f.geometry.get()), f.uncertainty_m, f.attributes});
  }
  for (const auto& [name, named] : job.layers) {
    if (named.kind == NamedLayer::Kind::place || !named.layer) continue;
    const Layer& src = *named.layer;
    std::vector<size_t> which;
    bool partial = false;
    if (src.size() > whole_limit) {
      const auto used = used_features(job, named.layer.get());
      which.assign(used.begin(), used.end());
      partial = true;
    } else {
      which.resize(src.size());
      for (size_t i = 0; i < which.size(); ++i) which[i] = i;
    }
    // One output layer per geometry family (QGIS would split a mixed file into sub-layers);
    // a feature whose geometry mixes families is written in each, as its parts.
    const std::vector<GeomFamily> families = families_of(src, which);
    const auto h = hit.find(named.layer.get());
    for (GeomFamily fam : families) {
      const std::string file_stem = unique_stem(families.size() == 1 ? name : name + "_" + family_name(fam), taken);
      out.push_back({file_stem, name, fam, copy_of(src, file_stem, which, fam, h == hit.end() ? none : h->second),
                     partial, src.source()});
    }
  }
  if (places) out.insert(out.begin(), InputLayer{"places", "places", GeomFamily::point, std::move(*places), false, {}});
  return out;
}

}  // namespace geoclaim::layers
