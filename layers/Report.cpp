#include "layers/Report.hpp"

#include <GeographicLib/Constants.hpp>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/CoordinateText.hpp"
#include "engine/Credentials.hpp"
#include "engine/Geometry.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "layers/ClaimSentence.hpp"
#include "layers/Fields.hpp"
#include "layers/ResultLayers.hpp"

namespace geoclaim::layers {
namespace {

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string verdict_md(Verdict v) { return "**" + std::string(word(v)) + "**"; }

const char* kind_name(NamedLayer::Kind k) {
  switch (k) {
    case NamedLayer::Kind::layer:
      return "layer";
    case NamedLayer::Kind::place:
      return "place";
    case NamedLayer::Kind::selection:
      return "selection";
  }
  return "";
}

nlohmann::ordered_json number_or_null(std::optional<double> v, int decimals) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return round_to(*v, decimals);
}

/// An azimuth as GeoJSON has it: 4 decimals, in [0, 360), null when there is none.
nlohmann::ordered_json azimuth_or_null(std::optional<double> deg) {
  const AttributeValue v = degrees_value(deg);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return nullptr;
}

/// A point the report locates: a place, or one end of a claim's deciding measurement.
struct Located {
  std::string claim_id;  ///< empty for a place
  std::string role;      ///< "place", "subject", "object"
  std::string name;      ///< "ayyash", "strikes feature 3", "camp feature c1 (nearest point)"
  GeoPoint at;
};

std::vector<Located> places(const JobResult& job) {
  std::vector<Located> out;
  for (const auto& [name, n] : job.layers)
    if (n.kind == NamedLayer::Kind::place && n.layer->size() == 1)
      out.push_back({"", "place", name, representative_point(n.layer->features()[0].geometry.get())});
  return out;
}

/// The two ends of the representative measure, the evidence line's ends: the subject feature
/// (or its nearest point) and the object's point it was measured from.
std::vector<Located> deciding_points(const ClaimResult& c, const JobResult& job) {
  if (c.measures.empty()) return {};
  const ClaimSpec& s = c.spec;
  const FeatureMeasure& m = c.measures[c.representative];
  const auto named = [](const std::string& layer, const std::string& id, bool is_place) {
    return is_place || id.empty() ? layer : layer + " feature " + id;
  };
  const auto is_point = [](const Layer* l) { return !l || l->family() == GeomFamily::point; };
  std::vector<Located> out;
  const bool subject_nearest = !is_point(s.subject) && m.on_subject.valid();
  out.push_back({s.id, "subject",
                 named(s.subject_name, m.subject_id, s.subject_is_place) + (subject_nearest ? " (nearest point)" : ""),
                 subject_nearest ? m.on_subject : m.subject_point});
  if (m.on_object.valid()) {
    const bool object_place = std::any_of(job.layers.begin(), job.layers.end(), [&](const auto& named_layer) {
      return named_layer.first == s.object_name && named_layer.second.kind == NamedLayer::Kind::place;
    });
    const char* which = s.relation == Relation::inside ? " (nearest edge point)"
                        : is_point(s.object)           ? ""
                                                       : " (nearest point)";
    out.push_back({s.id, "object", named(s.object_name, m.object_id, object_place) + which, m.on_object});
  }
  if (const FeatureMeasure& b = c.measures[c.direction_representative]; &b != &m) {
    const bool nearest = !is_point(s.subject) && b.on_subject.valid();
    out.push_back({s.id, "direction_subject",
                   named(s.subject_name, b.subject_id, s.subject_is_place) +
                       (nearest ? " (nearest point, deciding the direction)" : " (deciding the direction)"),
                   nearest ? b.on_subject : b.subject_point});
  }
  return out;
}

nlohmann::ordered_json coordinates_json(const GeoPoint& p) {
  return {{"lat", round_to(p.lat(), 7)},
          {"lon", round_to(p.lon(), 7)},
          {"decimal", format_decimal_degrees(p)},
          {"dms", format_dms(p)},
          {"mgrs", format_mgrs(p)}};
}

/// report.md as a terminal or a Markdown viewer may show it: text from the data and the job
/// (feature ids, quotes, names) may hold terminal escapes, direction overrides, HTML
/// (`<img onerror=…>`) or Markdown images and links (`![](http://…)`), which `cat report.md`
/// would run and a viewer render or fetch. Control characters (C0 but line ends and tabs, DEL,
/// C1) and bidirectional overrides become U+FFFD, '<' becomes `&lt;`, a backslash is doubled
/// (but in a table cell's escaped `\|`), and "![" and "](" lose their meaning as `!\[` and
/// `\](`; report.md writes no markup of its own with them.
std::string safe_markdown(const std::string& md) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(md.size());
  for (size_t i = 0; i < md.size();) {
    const auto c = static_cast<unsigned char>(md[i]);
    const size_t n = std::max<size_t>(1, utf8_char_length(md, i));
    const std::string_view ch(md.data() + i, std::min(n, md.size() - i));
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(md[i + 1]) < 0xA0;
    // U+202A–U+202E and U+2066–U+2069: the embeddings, overrides and isolates.
    const bool bidi = n == 3 && c == 0xE2 &&
                      ((md[i + 1] == '\x80' && static_cast<unsigned char>(md[i + 2]) >= 0xAA &&
                        static_cast<unsigned char>(md[i + 2]) <= 0xAE) ||
                       (md[i + 1] == '\x81' && static_cast<unsigned char>(md[i + 2]) >= 0xA6 &&
                        static_cast<unsigned char>(md[i + 2]) <= 0xA9));
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c1 || bidi)
      out += kReplacement;
    else if (c == '<')
      out += "&lt;";
    else if (c == '\\' && !(i + 1 < md.size() && md[i + 1] == '|'))
      out += "\\\\";  // doubled, so that none can undo the escapes below ("\](" stays text); a
                      // table cell's "\|" (cell()) is left as it is
    else if (c == '!' && i + 1 < md.size() && md[i + 1] == '[')
      out += "!\\";
    else if (c == ']' && i + 1 < md.size() && md[i + 1] == '(')
      out += "\\]";
    else
      out += ch;
    i += ch.size();
  }
  return out;
}

}  // namespace

/// How everything was measured (docs/language.md, "What is measured"), for both reports.
std::string method_text() {
  return "Distances and bearings are geodesics on the WGS84 ellipsoid (a = " +
         format_number(GeographicLib::Constants::WGS84_a(), 3) +
         " m, 1/f = " + format_number(1 / GeographicLib::Constants::WGS84_f(), 9) +
         "), solved with Karney's algorithm (C. F. F. Karney, \"Algorithms for geodesics\", J. Geodesy 87, "
         "43–55, 2013) as GeographicLib implements it. Between two points the distance is that geodesic. Where a "
         "line or polygon takes part, both features are projected into a local azimuthal equidistant (AEQD) "
         "projection (or the job's `set crs`), GEOS finds their nearest points there, and the distance is the "
         "geodesic between those points; bearings leave the object's nearest point. Edges of lines and polygons "
         "are geodesics, densified until a straight segment strays less than 1 cm from them. A feature's "
         "positional uncertainty u (the subject's plus the object's radius) widens a distance d to [d − u, "
         "d + u], a bearing from a point by asin(u / d) (from a line or polygon, to every bearing its nearest point "
         "can take); for `inside`, the share of the uncertainty disc (a 256-gon in "
         "local AEQD) that lies in the polygons is measured. A claim is supported when the whole widened "
         "interval lies in what its wording allows, contradicted when the two do not meet, and inconclusive "
         "otherwise.";
}

/// "geoclaim 0.1.0, GDAL 3.6.2, PROJ 9.1.1, …": one line, so the golden test masks it openly.
std::string software_line(const RunInfo& run) {
  std::string s = "geoclaim " + run.version;
  for (const auto& [name, version] : run.libraries) s += ", " + name + " " + version;
  return s;
}

std::string report_markdown(const JobResult& job, const RunInfo& run) {
  std::string md = "# geoclaim report: " + job.job_path + "\n\n";
  md += "Run " + run.run_time + " with geoclaim " + run.version + "; job `" + job.job_path + "` (SHA-256 " +
        run.job_sha256 + ").\n\n";
  size_t counts[3] = {0, 0, 0};
  for (const auto& c : job.claims) ++counts[static_cast<int>(c.verdict)];
  md += "## Claims\n\n" + std::to_string(job.claims.size()) + " claims: " + std::to_string(counts[0]) + " supported, " +
        std::to_string(counts[1]) + " contradicted, " + std::to_string(counts[2]) + " inconclusive.\n\n";
  md += "| claim | statement | quote | source | verdict | measured | claimed | margin | method |\n";
  md += "|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& c : job.claims) {
    std::string statement = c.spec.text;
    if (c.measures.size() > 1)
      statement +=
          " (" + std::to_string(c.counts[0]) + " of " + std::to_string(c.measures.size()) + " features supported)";
    md += "| " + cell(c.spec.id) + " | " + cell(statement) + " | " + cell(c.spec.quote.value_or("")) + " | " +
          cell(c.spec.source.value_or("")) + " | " + verdict_md(c.verdict) + " | " + cell(measured_text(c)) + " | " +
          cell(claimed_text(c)) + " | " + cell(margin_text(c)) + " | " + cell(c.method) + " |\n";
  }
  md += "\n## Why\n\n";
  for (const auto& c : job.claims) md += "- **" + cell(c.spec.id) + "**: " + cell(claim_sentence(c)) + "\n";
  if (!job.attributions.empty()) {
    md +=
        "\n## Attribution\n\nWhich footprint each point falls in (share of its uncertainty disc), or the nearest "
        "one.\n\n";
    md += "| subject | feature | status | footprint | share | distance | bearing | candidates |\n";
    md += "|---|---|---|---|---|---|---|---|\n";
    for (const auto& a : job.attributions) {
      std::string fp, share, dist, bearing, cands;
      if (!a.candidates.empty()) {
        const auto& b = a.candidates.front();
        fp = footprint_label(a, b);
        share = format_number(b.share * 100, 1) + "%";
        dist = format_length(b.distance_m);
        bearing = b.distance_m > 0 ? format_azimuth(b.bearing_deg, 1) + "°" : "";
        cands = candidates_text(a);
      }
      md += "| " + cell(a.subject_name) + " | " + cell(a.subject_id) + " | " + std::string(word(a.status)) + " | " +
            cell(fp) + " | " + share + " | " + dist + " | " + bearing + " | " + cell(cands) + " |\n";
    }
  }
  if (!job.row_errors.empty()) {
    md += "\n## Errors in reported-claims tables\n\n";
    for (const auto& e : job.row_errors) md += "- " + cell(redact_credentials(e)) + "\n";
  }
  if (!job.warnings.empty()) {
    md += "\n## Warnings\n\n";
    for (const auto& w : job.warnings) md += "- " + cell(redact_credentials(w)) + "\n";
  }
  md += "\n## Inputs\n\n| name | kind | source | features | CRS | SHA-256 |\n|---|---|---|---|---|---|\n";
  for (const auto& [name, n] : job.layers) {
    const LayerSource& s = n.layer->source();
    md += "| " + cell(name) + " | " + kind_name(n.kind) + " | " + cell(redact_credentials(s.path)) + " | " +
          std::to_string(n.layer->size()) + " | " + s.crs_label + " | " +
          (s.sha256.empty() ? "" : "`" + s.sha256.substr(0, 16) + "…`") + " |\n";
  }
  md +=
      "\n## Coordinates\n\nEvery place, and the two ends of each claim's deciding measurement (its evidence line), "
      "in decimal degrees (WGS84, latitude first), degrees-minutes-seconds and MGRS (1 m).\n\n";
  md += "| claim | point | decimal | DMS | MGRS |\n|---|---|---|---|---|\n";
  std::vector<Located> located = places(job);
  for (const auto& c : job.claims)
    for (auto& l : deciding_points(c, job)) located.push_back(std::move(l));
  for (const auto& l : located)
    md += "| " + cell(l.claim_id) + " | " + cell(l.name) + " | " + format_decimal_degrees(l.at) + " | " +
          format_dms(l.at) + " | " + format_mgrs(l.at) + " |\n";
  md += "\n## Tolerance words\n\n| word | allows | from |\n|---|---|---|\n";
  for (const auto& [word, tol] : job.tolerances.entries())
    md += "| " + word + " | ±" + tol.describe() + " | " +
          (tol.origin.empty() ? "default" : "`set tolerance`, " + cell(tol.origin)) + " |\n";
  md += "\nA bare distance (no word) uses `plain`; `nearly` and `almost` allow only the lower side.\n";
  md += "\n## Method\n\n" + method_text() + "\n\nSoftware: " + software_line(run) + "\n";
  return safe_markdown(md);
}

std::string report_json(const JobResult& job, const RunInfo& run) {
  using J = nlohmann::ordered_json;
  J root;
  root["geoclaim_version"] = run.version;
  root["run_time"] = run.run_time;
  root["job"] = {{"path", job.job_path}, {"sha256", run.job_sha256}};
  J inputs = J::array();
  for (const auto& [name, n] : job.layers) {
    const LayerSource& s = n.layer->source();
    inputs.push_back({{"name", name},
                      {"kind", kind_name(n.kind)},
                      {"path", redact_credentials(s.path)},
                      {"layer", s.layer},
                      {"driver", s.driver},
                      {"sha256", s.sha256},
                      {"feature_count", n.layer->size()},
                      {"crs", s.crs_label}});
  }
  root["inputs"] = inputs;
  root["working_crs"] = job.working_crs.empty() ? J("chosen per claim") : J(job.working_crs);
  J tolerances = J::object();
  for (const auto& [word, tol] : job.tolerances.entries())
    tolerances[word] = {{"fraction", round_to(tol.fraction, 6)},
                        {"absolute_m", round_to(tol.absolute_m, 3)},
                        {"origin", tol.origin.empty() ? J("default") : J(tol.origin)}};
  root["tolerance_words"] = tolerances;
  J software = J::object();
  software["geoclaim"] = run.version;
  for (const auto& [name, version] : run.libraries) software[name] = version;
  root["method"] = {{"text", method_text()},
                    {"ellipsoid", "WGS84"},
                    {"a_m", GeographicLib::Constants::WGS84_a()},
                    {"inverse_flattening", 1 / GeographicLib::Constants::WGS84_f()},
                    {"geodesic_algorithm", "Karney 2013 (GeographicLib)"},
                    {"software", software}};
  J places_json = J::array();
  for (const auto& p : places(job)) places_json.push_back({{"name", p.name}, {"coordinates", coordinates_json(p.at)}});
  root["places"] = places_json;
  J claims = J::array();
  for (const auto& c : job.claims) {
    const ClaimSpec& s = c.spec;
    const FeatureMeasure* m = c.measures.empty() ? nullptr : &c.measures[c.representative];
    J j;
    j["claim_id"] = s.id;
    j["claim"] = s.text;
    j["origin"] = s.origin;
    j["quote"] = s.quote ? J(*s.quote) : J(nullptr);
    j["source"] = s.source ? J(*s.source) : J(nullptr);
    j["verdict"] = word(c.verdict);
    j["sentence"] = claim_sentence(c);
    j["method"] = c.method;
    j["tolerance"] = s.tolerance_word.empty() ? J(nullptr) : J(s.tolerance_word);
    j["tolerance_origin"] =
        s.tolerance ? (s.tolerance->origin.empty() ? J("default") : J(s.tolerance->origin)) : J(nullptr);
    j["claimed_words"] = s.claimed_words.empty() ? J(nullptr) : J(s.claimed_words);
    j["claimed_min_m"] = s.claimed_m ? number_or_null(s.claimed_m->lo, 3) : J(nullptr);
    j["claimed_max_m"] = s.claimed_m ? number_or_null(s.claimed_m->hi, 3) : J(nullptr);
    j["claimed_direction"] = s.direction ? J(s.direction->label) : J(nullptr);
    j["measured_m"] = m ? number_or_null(measured_m(*m), 3) : J(nullptr);
    j["uncertainty_m"] = m ? number_or_null(m->uncertainty_m, 3) : J(nullptr);
    j["margin_m"] = m ? number_or_null(margin_m(*m), 3) : J(nullptr);
    // The direction's figures from the feature that decides it, which may be another.
    const FeatureMeasure* by_bearing = m ? &c.measures[c.direction_representative] : nullptr;
    j["bearing_deg"] = m ? azimuth_or_null(bearing_deg(*by_bearing)) : J(nullptr);
    j["margin_deg"] = m ? number_or_null(margin_deg(*by_bearing), 4) : J(nullptr);
    const auto feature = m ? direction_feature(s, *by_bearing) : std::nullopt;
    j["direction_feature"] = feature ? J(*feature) : J(nullptr);
    j["inside_share"] = m ? number_or_null(inside_share(*m), 4) : J(nullptr);
    j["reason"] = m ? J(claim_reason(c)) : J(nullptr);
    J features{{"total", c.measures.size()}};
    for (Verdict v : kVerdicts) features[std::string(word(v))] = c.counts[static_cast<int>(v)];
    j["features"] = std::move(features);
    J deciding = J::array();
    for (const auto& l : deciding_points(c, job))
      deciding.push_back({{"role", l.role}, {"name", l.name}, {"coordinates", coordinates_json(l.at)}});
    j["deciding_points"] = std::move(deciding);
    claims.push_back(std::move(j));
  }
  root["claims"] = claims;
  J attributions = J::array();
  for (const auto& a : job.attributions) {
    J cands = J::array();
    for (const auto& cand : a.candidates)
      cands.push_back({{"footprint", cand.id},
                       {"inside_share", round_to(cand.share, 4)},
                       {"distance_m", round_to(cand.distance_m, 3)},
                       {"bearing_deg", cand.distance_m > 0 ? azimuth_or_null(cand.bearing_deg) : J(nullptr)}});
    attributions.push_back({{"statement", a.statement},
                            {"subject", a.subject_name},
                            {"subject_feature", a.subject_id},
                            {"object", a.object_name},
                            {"status", word(a.status)},
                            {"uncertainty_m", round_to(a.uncertainty_m, 3)},
                            {"candidates", cands}});
  }
  root["attributions"] = attributions;
  // A PG: source's password is in no report (engine/Credentials.hpp), nor in a message quoting it.
  J row_errors = J::array(), warnings = J::array();
  for (const auto& e : job.row_errors) row_errors.push_back(redact_credentials(e));
  for (const auto& w : job.warnings) warnings.push_back(redact_credentials(w));
  root["row_errors"] = row_errors;
  root["warnings"] = warnings;
  root["files"] = run.files;
  // Text from the data may not be UTF-8 (a Latin-1 CSV): replace what is not, rather than fail.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace geoclaim::layers
