#include "layers/Report.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/Credentials.hpp"
#include "engine/Units.hpp"
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

}  // namespace

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
  md += "\n## Tolerance words\n\n| word | allows |\n|---|---|\n";
  for (const auto& [word, tol] : job.tolerances.entries()) md += "| " + word + " | ±" + tol.describe() + " |\n";
  md += "\nA bare distance (no word) uses `plain`; `nearly` and `almost` allow only the lower side.\n";
  return md;
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
    tolerances[word] = {{"fraction", round_to(tol.fraction, 6)}, {"absolute_m", round_to(tol.absolute_m, 3)}};
  root["tolerance_words"] = tolerances;
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
    j["method"] = c.method;
    j["tolerance"] = s.tolerance_word.empty() ? J(nullptr) : J(s.tolerance_word);
    j["claimed_min_m"] = s.claimed_m ? number_or_null(s.claimed_m->lo, 3) : J(nullptr);
    j["claimed_max_m"] = s.claimed_m ? number_or_null(s.claimed_m->hi, 3) : J(nullptr);
    j["claimed_direction"] = s.direction ? J(s.direction->label) : J(nullptr);
    j["measured_m"] = m ? number_or_null(measured_m(*m), 3) : J(nullptr);
    j["uncertainty_m"] = m ? number_or_null(m->uncertainty_m, 3) : J(nullptr);
    j["margin_m"] = m ? number_or_null(margin_m(*m), 3) : J(nullptr);
    j["bearing_deg"] = m ? azimuth_or_null(bearing_deg(*m)) : J(nullptr);
    j["margin_deg"] = m ? number_or_null(margin_deg(*m), 4) : J(nullptr);
    j["inside_share"] = m ? number_or_null(inside_share(*m), 4) : J(nullptr);
    j["reason"] = m ? J(m->reason) : J(nullptr);
    J features{{"total", c.measures.size()}};
    for (Verdict v : kVerdicts) features[std::string(word(v))] = c.counts[static_cast<int>(v)];
    j["features"] = std::move(features);
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
  // Text from the data may not be UTF-8 (a Latin-1 CSV): replace what is not, rather than fail.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace geoclaim::layers
