#include "layers/InputLayers.hpp"

#include <algorithm>
#include <set>

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

Layer copy_of(const Layer& src, const std::string& name, const std::vector<size_t>& which) {
  Layer out = src.subset(name, which);
  return out;
}

}  // namespace

bool is_reserved_stem(const std::string& stem) {
  static const std::set<std::string> reserved{"claims", "zones", "evidence", "attribution", "places", "report", "project"};
  return reserved.count(stem) > 0;
}

std::vector<InputLayer> input_layers(const JobResult& job, size_t whole_limit) {
  std::vector<InputLayer> out;
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
    // One output layer per geometry family (QGIS would split a mixed file into sub-layers).
    std::vector<GeomFamily> families;
    for (size_t i : which) {
      const GeomFamily f = family(src.features()[i].geometry.get());
      if (std::find(families.begin(), families.end(), f) == families.end()) families.push_back(f);
    }
    std::sort(families.begin(), families.end());
    const std::string stem = is_reserved_stem(name) ? name + "_input" : name;
    for (GeomFamily fam : families) {
      std::vector<size_t> part;
      for (size_t i : which)
        if (family(src.features()[i].geometry.get()) == fam) part.push_back(i);
      const std::string file_stem = families.size() == 1 ? stem : stem + "_" + family_name(fam);
      out.push_back({file_stem, name, copy_of(src, file_stem, part), partial, src.source().path});
    }
  }
  if (places) out.insert(out.begin(), InputLayer{"places", "places", std::move(*places), false, ""});
  return out;
}

}  // namespace geoclaim::layers
