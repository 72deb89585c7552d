#include "layers/ProjectTree.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/Geodesy.hpp"
#include "layers/QgisCrs.hpp"

namespace geoclaim::layers {
namespace {

std::string datasource(const std::string& stem, bool gpkg) {
  return gpkg ? "./results.gpkg|layername=" + stem : "./" + stem + ".geojson";
}

/// `"field" = 'a'`, or `"field" IN ('a', 'b')`.
std::string any_of(const std::string& field, const std::vector<std::string>& values) {
  if (values.size() == 1) return "\"" + field + "\" = " + sql_text(values[0]);
  std::string list;
  for (const auto& v : values) list += (list.empty() ? "" : ", ") + sql_text(v);
  return "\"" + field + "\" IN (" + list + ")";
}

bool is_place(const JobResult& job, const std::string& name) {
  for (const auto& [n, named] : job.layers)
    if (n == name) return named.kind == NamedLayer::Kind::place;
  return false;
}

/// The claim ids of the large zones, in layer order.
std::vector<std::string> large_zone_ids(const Layer& zones) {
  std::vector<std::string> out;
  for (const auto& f : zones.features())
    if (is_large_zone(f.geometry.get())) out.push_back(f.id);
  return out;
}

bool has_feature(const Layer& layer, const std::string& id) {
  return std::any_of(layer.features().begin(), layer.features().end(), [&](const Feature& f) { return f.id == id; });
}

const FolderLayer* result(const std::vector<FolderLayer>& folder, StyleKind style) {
  for (const auto& f : folder)
    if (f.style == style && f.job_name.empty()) return &f;
  return nullptr;
}

void grow(GeoBox& box, const GeoBox& b) {
  if (!b.valid()) return;
  box = box.valid() ? GeoBox{std::min(box.min_lon, b.min_lon), std::min(box.min_lat, b.min_lat),
                             std::max(box.max_lon, b.max_lon), std::max(box.max_lat, b.max_lat)}
                    : b;
}

}  // namespace

GeoBox covering_box(const std::vector<GeoBox>& boxes) {
  GeoBox out;
  std::vector<std::pair<double, double>> spans;  // longitudes, from in [−180, 180), to ≥ from
  bool round = false;                            // one box goes all the way round
  for (const GeoBox& b : boxes) {
    if (!b.valid()) continue;
    grow(out, b);
    round = round || b.max_lon - b.min_lon >= 360.0;
    const double shift = std::floor((b.min_lon + 180.0) / 360.0) * 360.0;
    spans.emplace_back(b.min_lon - shift, b.max_lon - shift);
  }
  if (spans.empty()) return out;
  if (round) return {-180.0, out.min_lat, 180.0, out.max_lat};
  std::sort(spans.begin(), spans.end());
  double last = spans.front().second;  // where the spans reach, all of them
  for (const auto& sp : spans) last = std::max(last, sp.second);
  // The widest stretch of longitude that nothing covers is left out: the box is the rest of
  // the circle. The plain way (west to east, the gap round 180°) unless a wider gap lies
  // between two spans, across which the box then runs east past 180°.
  double gap = spans.front().first + 360.0 - last, from = spans.front().first, to = last;
  double reach = spans.front().second;
  for (size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].first - reach > gap)
      gap = spans[i].first - reach, from = spans[i].first, to = std::max(reach + 360.0, last);
    reach = std::max(reach, spans[i].second);
  }
  if (to - from >= 360.0) from = -180.0, to = 180.0;
  out.min_lon = from;
  out.max_lon = to;
  return out;
}

namespace {

/// The group of one claim: its point, evidence and uncertainty, its subject's and object's
/// files (places filtered to the place), and its zone, each a filtered view of the folder's file.
ProjectGroup claim_group(const JobResult& job, const ClaimResult& c, const std::vector<FolderLayer>& folder,
                         const std::vector<std::string>& large, bool gpkg) {
  const std::string& id = c.spec.id;
  ProjectGroup g{"claim " + id, false, id, {}};
  auto filtered = [&](const FolderLayer& f, const std::string& name, StyleKind style, std::string subset) {
    g.layers.push_back({name, datasource(f.stem, gpkg), f.family, style, true, std::move(subset),
                        f.style == StyleKind::input ? label_field(*f.layer) : ""});
  };
  const std::string by_claim = any_of("claim_id", {id});
  if (const auto* f = result(folder, StyleKind::claims); f && has_feature(*f->layer, id))
    filtered(*f, id + ": claim", StyleKind::claims, by_claim);
  if (const auto* f = result(folder, StyleKind::evidence); f && has_feature(*f->layer, id))
    filtered(*f, id + ": evidence", StyleKind::evidence, by_claim);
  std::vector<std::string> names{c.spec.subject_name};
  if (!c.spec.object_name.empty() && c.spec.object_name != c.spec.subject_name) names.push_back(c.spec.object_name);
  if (const auto* f = result(folder, StyleKind::uncertainty)) {
    std::vector<std::string> present;
    for (const auto& n : names)
      if (std::any_of(f->layer->features().begin(), f->layer->features().end(), [&](const Feature& u) {
            return attribute_text(u.attributes[*f->layer->field_index("layer")]) == n;
          }))
        present.push_back(n);
    if (!present.empty()) filtered(*f, id + ": uncertainty", StyleKind::uncertainty, any_of("layer", present));
  }
  // Points above lines above polygons, as at the root.
  for (GeomFamily fam : {GeomFamily::point, GeomFamily::line, GeomFamily::polygon})
    for (const auto& n : names)
      for (const auto& f : folder) {
        if (f.family != fam || f.job_name.empty()) continue;
        if (is_place(job, n) && f.job_name == "places")
          filtered(f, id + ": " + n, StyleKind::input, any_of("name", {n}));
        else if (!is_place(job, n) && f.job_name == n)
          filtered(f, id + ": " + f.stem, StyleKind::input, "");
      }
  if (const auto* f = result(folder, StyleKind::zones); f && has_feature(*f->layer, id)) {
    const bool is_large = std::find(large.begin(), large.end(), id) != large.end();
    filtered(*f, id + ": zone", is_large ? StyleKind::large_zones : StyleKind::zones, by_claim);
  }
  return g;
}

}  // namespace

Layer claim_labels_layer(const Layer& claims, const GeoBox& view) {
  Layer out("claim_labels", {}, {{"label", Field::Type::string}, {"claim_ids", Field::Type::string}});
  if (!view.valid()) return out;
  const double mid_lat = (view.min_lat + view.max_lat) / 2;
  // About ten pixels at the opening view: closer, two stacks' labels would overlap (QGIS draws
  // them all); farther, a claim is labelled at another's point (at 2 %, 20 px, a claim decided
  // at one strike was labelled at a strike 3.8 km away: review of issue 10).
  const double reach_m = 0.01 * geodesic_inverse(GeoPoint::from_lon_lat(view.min_lon, mid_lat),
                                                 GeoPoint::from_lon_lat(view.max_lon, mid_lat))
                                    .distance_m;
  const auto id_field = claims.field_index("claim_id"), verdict_field = claims.field_index("verdict");
  const auto quantifier_field = claims.field_index("quantifier"), feature_field = claims.field_index("subject_feature");
  if (!id_field || !verdict_field) return out;
  struct Stack {
    GeoPoint at;
    std::vector<std::pair<std::string, int>> lines;  ///< "id: verdict" and how many features
    std::vector<std::string> ids;
  };
  std::vector<Stack> stacks;
  for (const auto& f : claims.features()) {
    const GeoPoint p = representative_point(f.geometry.get());
    auto it = std::find_if(stacks.begin(), stacks.end(),
                           [&](const Stack& s) { return geodesic_inverse(s.at, p).distance_m <= reach_m; });
    if (it == stacks.end()) it = stacks.insert(stacks.end(), Stack{p, {}, {}});
    const std::string id = attribute_text(f.attributes[*id_field]);
    // An `each` claim's points carry their own features' verdicts, named so, lest a feature's
    // "supported" read as the claim's.
    const bool each =
        quantifier_field && feature_field && attribute_text(f.attributes[*quantifier_field]) == word(Quantifier::each);
    const std::string line = id + (each ? " " + attribute_text(f.attributes[*feature_field]) : "") + ": " +
                             attribute_text(f.attributes[*verdict_field]);
    auto l = std::find_if(it->lines.begin(), it->lines.end(), [&](const auto& x) { return x.first == line; });
    if (l == it->lines.end())
      it->lines.emplace_back(line, 1);
    else
      ++l->second;
    if (std::find(it->ids.begin(), it->ids.end(), id) == it->ids.end()) it->ids.push_back(id);
  }
  for (const auto& s : stacks) {
    std::string label, ids;
    for (const auto& [line, n] : s.lines)
      label += (label.empty() ? "" : "\n") + line + (n > 1 ? " ×" + std::to_string(n) : "");
    for (const auto& id : s.ids) ids += (ids.empty() ? "" : ", ") + id;
    out.add(Feature{s.ids.front(), 0, make_point(s.at), 0, {AttributeValue{label}, AttributeValue{ids}}});
  }
  return out;
}

bool is_large_zone(const GEOSGeometry* zone) {
  const GeoBox b = envelope(zone);
  if (!b.valid()) return false;
  // A cap or a ring round a pole spans every longitude however small it is: its size is its
  // diameter, twice the reach from the pole along a meridian (a 10 km disc there is no large
  // zone).
  const bool round_north = b.max_lat >= 90.0 || (b.max_lon - b.min_lon >= 359.999 && b.min_lat > 0);
  const bool round_south = b.min_lat <= -90.0 || (b.max_lon - b.min_lon >= 359.999 && b.max_lat < 0);
  if (round_north || round_south) {
    const double pole = round_north ? 90.0 : -90.0, edge = round_north ? b.min_lat : b.max_lat;
    return 2 * geodesic_inverse(GeoPoint::from_lat_lon(pole, 0), GeoPoint::from_lat_lon(edge, 0)).distance_m >
           kLargeZoneM;
  }
  if (b.max_lon - b.min_lon >= 180.0) return true;
  return box_across_m(b) > kLargeZoneM;
}

double box_across_m(const GeoBox& b) {
  const double mid_lat = (b.min_lat + b.max_lat) / 2, mid_lon = (b.min_lon + b.max_lon) / 2;
  const double width =
      geodesic_inverse(GeoPoint::from_lon_lat(b.min_lon, mid_lat), GeoPoint::from_lon_lat(b.max_lon, mid_lat))
          .distance_m;
  const double height =
      geodesic_inverse(GeoPoint::from_lon_lat(mid_lon, b.min_lat), GeoPoint::from_lon_lat(mid_lon, b.max_lat))
          .distance_m;
  return std::max(width, height);
}

std::string label_field(const Layer& layer) {
  if (const auto name = layer.field_index("name")) return layer.fields()[*name].name;
  // The field whose every value (of the first thousand features) is the feature's id.
  const size_t n = std::min<size_t>(layer.size(), 1000);
  if (n == 0) return "";
  for (size_t k = 0; k < layer.fields().size(); ++k) {
    bool all = true;
    for (size_t i = 0; i < n && all; ++i) {
      const Feature& f = layer.features()[i];
      all = k < f.attributes.size() && attribute_text(f.attributes[k]) == f.id;
    }
    if (all) return layer.fields()[k].name;
  }
  return "";
}

ProjectTree project_tree(const JobResult& job, const std::vector<FolderLayer>& folder,
                         const std::vector<ProjectLayer>& originals, bool gpkg) {
  ProjectTree tree;
  std::vector<std::string> large;
  for (auto it = folder.rbegin(); it != folder.rend(); ++it) {
    const FolderLayer& f = *it;
    ProjectLayer l{f.stem,
                   datasource(f.stem, gpkg),
                   f.family,
                   f.style,
                   true,
                   "",
                   f.style == StyleKind::input ? label_field(*f.layer) : ""};
    // claim_labels labels the claims, several to a point.
    l.labelled = !(f.style == StyleKind::claims && result(folder, StyleKind::claim_labels));
    if (f.style == StyleKind::zones) {
      large = large_zone_ids(*f.layer);
      if (large.size() == f.layer->size()) continue;  // every zone is in the "large zones" group
      if (!large.empty()) l.subset = "NOT (" + any_of("claim_id", large) + ")";
    }
    tree.layers.push_back(std::move(l));
  }
  tree.layers.insert(tree.layers.end(), originals.begin(), originals.end());
  if (const auto* zones = result(folder, StyleKind::zones); zones && !large.empty())
    tree.groups.push_back({"large zones",
                           false,
                           "",
                           {{"large zones", datasource(zones->stem, gpkg), GeomFamily::polygon, StyleKind::large_zones,
                             true, any_of("claim_id", large)}}});
  std::set<std::string> seen;
  for (const auto& c : job.claims)
    if (!c.measures.empty() && seen.insert(c.spec.id).second)
      if (ProjectGroup g = claim_group(job, c, folder, large, gpkg); !g.layers.empty())
        tree.groups.push_back(std::move(g));
  return tree;
}

GeoBox evidence_extent(const JobResult& job, const std::vector<FolderLayer>& folder) {
  // The subjects and objects of claims (an object's features only where each is small: a
  // country's outline is not evidence of where a strike was).
  std::set<std::string> subjects, objects;
  for (const auto& c : job.claims) subjects.insert(c.spec.subject_name), objects.insert(c.spec.object_name);
  for (const auto& a : job.attributions) subjects.insert(a.subject_name);
  std::vector<GeoBox> boxes;
  auto add_layer = [&boxes](const Layer& layer, const std::set<std::string>* places, bool small_only) {
    const auto name = layer.field_index("name");
    for (const auto& f : layer.features())
      if ((!places || (name && places->count(attribute_text(f.attributes[*name])))) &&
          !(small_only && is_large_zone(f.geometry.get())))
        boxes.push_back(envelope(f.geometry.get()));
  };
  std::set<std::string> named = subjects;
  named.insert(objects.begin(), objects.end());
  for (const auto& f : folder) {
    const bool evidence = f.job_name.empty() && f.style != StyleKind::zones;
    if (evidence)
      add_layer(*f.layer, nullptr, false);
    else if (f.job_name == "places")
      add_layer(*f.layer, &named, false);  // the places claims name
    else if (subjects.count(f.job_name))
      add_layer(*f.layer, nullptr, false);
    else if (objects.count(f.job_name))
      add_layer(*f.layer, nullptr, true);
  }
  if (std::none_of(boxes.begin(), boxes.end(), [](const GeoBox& b) { return b.valid(); }))
    for (const auto& f : folder)
      if (f.style != StyleKind::zones) add_layer(*f.layer, nullptr, false);
  // A tenth more each way, in each axis's own span: near a pole, where the evidence spans many
  // degrees of longitude and few of latitude, one pad for both took the view 18° of latitude
  // south (review of issue 10: 6,500 km across for 900 km of evidence).
  const auto padded = [](const GeoBox& b) {
    const double pad_lon = std::max((b.max_lon - b.min_lon) * 0.1, 0.0002);
    const double pad_lat = std::max((b.max_lat - b.min_lat) * 0.1, 0.0002);
    return GeoBox{b.min_lon - pad_lon, std::max(-90.0, b.min_lat - pad_lat), b.max_lon + pad_lon,
                  std::min(90.0, b.max_lat + pad_lat)};
  };
  const GeoBox around = covering_box(boxes);  // the short way round: across 180° where that is
  if (!around.valid()) return {-180, -90, 180, 90};
  const GeoBox view = padded(around);
  if (map_epsg(view) != 4326) return view;
  // A map in longitude/latitude (evidence too wide for UTM) cannot run past 180°: the layers'
  // parts on the far side lie at −180° and beyond. Such a map takes the plain box, and ends
  // at ±180°.
  GeoBox plain;
  for (const GeoBox& b : boxes) grow(plain, b);
  GeoBox out = padded(plain);
  out.min_lon = std::max(-180.0, out.min_lon);
  out.max_lon = std::min(180.0, out.max_lon);
  return out;
}

}  // namespace geoclaim::layers
