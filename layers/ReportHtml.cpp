#include "layers/ReportHtml.hpp"

#include "engine/Credentials.hpp"
#include "engine/Errors.hpp"
#include "engine/Units.hpp"
#include "layers/ClaimSentence.hpp"
#include "layers/HtmlEscape.hpp"
#include "layers/ResultLayers.hpp"
#include "layers/SvgMap.hpp"
#include "layers/Zones.hpp"

namespace geoclaim::layers {
namespace {

/// Claims past this many get their section without a map: a reported-claims table of 10,000
/// rows would otherwise make a page no browser opens comfortably.
constexpr size_t kMaxMaps = 300;

std::string esc(std::string_view s) { return html_escape(s); }

/// Fragment ids by position: claim ids from a table may hold anything.
std::string anchor(size_t i) { return "claim-" + std::to_string(i + 1); }

std::string verdict_badge(Verdict v) {
  const std::string w(word(v));
  return "<span class=\"verdict " + w + "\">" + w + "</span>";
}

/// Styles inline: the page loads nothing (its Content-Security-Policy forbids it).
const char* kStyle = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;max-width:980px;padding:16px 24px 48px}
h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
table{border-collapse:collapse;margin:.6em 0;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f6}td.num{font-variant-numeric:tabular-nums}
.verdict{display:inline-block;padding:0 .5em;border-radius:4px;color:#fff;font-weight:600}
.verdict.supported{background:#1a7f37}.verdict.contradicted{background:#c62828}.verdict.inconclusive{background:#9a6700}
section.claim{margin:2em 0;padding-top:.2em}
.sentence{font-size:1.08em;font-weight:500}
blockquote{margin:.6em 0;padding:.3em 1em;border-left:4px solid #d0d7de;color:#444;font-style:italic}
figure{margin:.8em 0}figcaption{font-size:.88em;color:#57606a}
svg.claim-map{max-width:100%;height:auto;border:1px solid #d0d7de;background:#f7f7f2}
svg text{font:12px system-ui,sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px;fill:#1f2328}
.legend span{display:inline-block;margin-right:1.2em}.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
code{font-size:.92em;word-break:break-all}.small{font-size:.88em;color:#57606a}
)";

/// The maps' key. Only the verdicts the page gives are listed, so a verdict's colour on screen
/// (tests/html/check_page.py looks for it) comes from that verdict, not from the key.
std::string legend(const JobResult& job) {
  bool used[3] = {false, false, false};
  for (const auto& c : job.claims) {
    used[static_cast<int>(c.verdict)] = true;
    for (const auto& m : c.measures) used[static_cast<int>(m.verdict)] = true;
  }
  std::string h = "<p class=\"legend small\">";
  for (Verdict v : kVerdicts)
    if (used[static_cast<int>(v)])
      h += "<span><i class=\"swatch\" style=\"background:" + std::string(verdict_colour(v)) + "\"></i>" +
           std::string(word(v)) + "</span>";
  return h +
         "<span><i class=\"swatch\" style=\"background:#90a4ae\"></i>object</span>"
         "<span><i class=\"swatch\" style=\"border:1.5px dashed #1a7f37\"></i>zone where the claim holds (red for "
         "<code>no</code> claims: where no feature may be)</span>"
         "<span><i class=\"swatch\" style=\"border:1px dashed #555;border-radius:50%\"></i>uncertainty</span>"
         "<span>lines: evidence, the geodesic between the nearest points</span></p>";
}

std::string overview(const JobResult& job) {
  std::string h = "<table class=\"overview\"><thead><tr><th>claim</th><th>verdict</th><th>why</th></tr></thead><tbody>";
  for (size_t i = 0; i < job.claims.size(); ++i) {
    const ClaimResult& c = job.claims[i];
    h += "<tr><td><a href=\"#" + anchor(i) + "\">" + esc(c.spec.id) + "</a></td><td>" + verdict_badge(c.verdict) +
         "</td><td>" + esc(verdict_line(c)) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

std::string figure_row(const char* name, const std::string& value) {
  if (value.empty()) return "";
  return "<tr><th>" + std::string(name) + "</th><td>" + esc(value) + "</td></tr>";
}

/// The map of one claim, or a note saying why there is none.
std::string claim_map(const ClaimResult& c, size_t i) {
  if (c.measures.empty()) return "<p class=\"small\">No map: nothing was measured.</p>";
  if (i >= kMaxMaps)
    return "<p class=\"small\">No map: the page draws the first " + std::to_string(kMaxMaps) +
           " claims' maps (the result layers hold every claim).</p>";
  try {
    GeomPtr zone = claim_zone(c);
    const MapView v = claim_view(c, zone.get());
    std::string caption = "Local azimuthal equidistant projection centred at " + format_number(v.centre.lat(), 5) +
                          ", " + format_number(v.centre.lon(), 5) + " (WGS84), " + format_length(v.width_m) +
                          " across; distances from the centre are true.";
    if (v.zone_clipped) caption += " The zone is much larger than the evidence: only its part in view is drawn.";
    // Zones are drawn for every claim with an object but `crosses`; where none is, say why.
    if (!zone && c.spec.object && c.spec.relation != Relation::crosses)
      caption +=
          " No zone is drawn for this claim (a zone that would hold a pole or reach beyond 8,000 km "
          "cannot be one longitude/latitude polygon; docs/outputs.md); the verdict is measured all the same.";
    if (c.measures.size() > kMapMaxMeasures)
      caption += " The first " + std::to_string(kMapMaxMeasures) + " features are drawn.";
    return "<figure>" + claim_map_svg(c, zone.get()) + "<figcaption>" + esc(caption) + "</figcaption></figure>";
  } catch (const Error& e) {
    // A map that cannot be drawn leaves the verdict and its figures; it is never a failed page.
    return "<p class=\"small\">No map: " + esc(e.what()) + "</p>";
  }
}

std::string claim_section(const ClaimResult& c, size_t i) {
  const ClaimSpec& s = c.spec;
  std::string h =
      "<section class=\"claim\" id=\"" + anchor(i) + "\"><h2>" + esc(s.id) + " " + verdict_badge(c.verdict) + "</h2>";
  h += "<p class=\"sentence\">" + esc(claim_sentence(c)) + "</p>";
  h += "<p>Claim: <code>" + esc(s.text) + "</code> <span class=\"small\">(" + esc(s.origin) + ")</span></p>";
  if (s.quote) h += "<blockquote>“" + esc(*s.quote) + "”</blockquote>";
  if (s.source) h += "<p>Source: " + esc(*s.source) + "</p>";
  h += claim_map(c, i);
  h += "<table class=\"figures\"><tbody>";
  h += figure_row("measured", measured_text(c));
  h += figure_row("claimed", claimed_text(c));
  h += figure_row("margin", margin_text(c));
  if (!s.tolerance_word.empty()) h += figure_row("tolerance word", s.tolerance_word);
  if (c.measures.size() > 1)
    h += figure_row("features", std::to_string(c.measures.size()) + ": " + std::to_string(c.counts[0]) +
                                    " supported, " + std::to_string(c.counts[1]) + " contradicted, " +
                                    std::to_string(c.counts[2]) + " inconclusive");
  if (!c.measures.empty()) {
    const FeatureMeasure& m = c.measures[c.representative];
    const FeatureMeasure& b = c.measures[c.direction_representative];
    if (!s.subject_is_place && !m.subject_id.empty())
      h += figure_row("deciding feature",
                      &b == &m ? s.subject_name + " " + m.subject_id
                               : s.subject_name + " " + m.subject_id + " (distance), " + b.subject_id + " (direction)");
    // A place is its own one feature: its name says it all ("ayyash", not "ayyash ayyash").
    if (!m.object_id.empty())
      h += figure_row("object feature",
                      s.object && s.object->size() == 1 ? s.object_name : s.object_name + " " + m.object_id);
  }
  h += figure_row("method", c.method);
  return h + "</tbody></table></section>";
}

std::string attributions(const JobResult& job) {
  if (job.attributions.empty()) return "";
  std::string h =
      "<h2 id=\"attribution\">Attribution</h2><p>Which footprint each point falls in (share of its uncertainty "
      "disc), or the nearest one.</p><table><thead><tr><th>subject</th><th>feature</th><th>status</th>"
      "<th>footprint</th><th>share</th><th>distance</th><th>candidates</th></tr></thead><tbody>";
  for (const auto& a : job.attributions) {
    std::string fp, share, dist, cands;
    if (!a.candidates.empty()) {
      const auto& b = a.candidates.front();
      fp = footprint_label(a, b);
      share = format_number(b.share * 100, 1) + "%";
      dist = format_length(b.distance_m);
      cands = candidates_text(a);
    }
    h += "<tr><td>" + esc(a.subject_name) + "</td><td>" + esc(a.subject_id) + "</td><td>" +
         std::string(word(a.status)) + "</td><td>" + esc(fp) + "</td><td class=\"num\">" + share +
         "</td><td class=\"num\">" + esc(dist) + "</td><td>" + esc(cands) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

/// The method of report.md (its `code` as <code>), how the maps are drawn, and the software.
std::string method(const RunInfo& run) {
  std::string text;
  bool in_code = false;
  for (const char c : esc(method_text())) {
    if (c == '`') {
      text += in_code ? "</code>" : "<code>";
      in_code = !in_code;
    } else {
      text += c;
    }
  }
  return "<h2 id=\"method\">Method</h2><p>" + text +
         "</p><p>The maps use a local azimuthal equidistant projection centred on each claim's evidence; the "
         "scale bar is true at the centre, and north is up there.</p><p>Software: " +
         esc(software_line(run)) + ".</p>";
}

std::string provenance(const JobResult& job, const RunInfo& run) {
  std::string h = "<h2 id=\"provenance\">Provenance</h2><p>Run " + esc(run.run_time) + " with geoclaim " +
                  esc(run.version) + "; job <code>" + esc(job.job_path) + "</code>, SHA-256 <code>" +
                  esc(run.job_sha256) + "</code>.</p>";
  h += "<table><thead><tr><th>name</th><th>source</th><th>features</th><th>CRS</th><th>SHA-256</th></tr></thead>"
       "<tbody>";
  for (const auto& [name, n] : job.layers) {
    const LayerSource& s = n.layer->source();
    h += "<tr><td>" + esc(name) + "</td><td>" + esc(redact_credentials(s.path)) + "</td><td class=\"num\">" +
         std::to_string(n.layer->size()) + "</td><td>" + esc(s.crs_label) + "</td><td><code>" + esc(s.sha256) +
         "</code></td></tr>";
  }
  h += "</tbody></table><h3>Tolerance words</h3><table><thead><tr><th>word</th><th>allows</th></tr></thead><tbody>";
  for (const auto& [w, tol] : job.tolerances.entries())
    h += "<tr><td>" + esc(w) + "</td><td>±" + esc(tol.describe()) + "</td></tr>";
  h += "</tbody></table><p class=\"small\">A bare distance (no word) uses <code>plain</code>; <code>nearly</code> "
       "and <code>almost</code> allow only the lower side.</p>";
  return h;
}

std::string notes(const JobResult& job) {
  std::string h;
  if (!job.row_errors.empty()) {
    h += "<h2>Errors in reported-claims tables</h2><ul>";
    for (const auto& e : job.row_errors) h += "<li>" + esc(redact_credentials(e)) + "</li>";
    h += "</ul>";
  }
  if (!job.warnings.empty()) {
    h += "<h2>Warnings</h2><ul>";
    for (const auto& w : job.warnings) h += "<li>" + esc(redact_credentials(w)) + "</li>";
    h += "</ul>";
  }
  return h;
}

}  // namespace

std::string verdict_line(const ClaimResult& claim) {
  std::string w(word(claim.verdict));
  w[0] = static_cast<char>(w[0] - 'a' + 'A');
  if (claim.measures.empty()) return w + ".";
  const std::string reason = claim_reason(claim);
  return reason.empty() ? w + "." : w + ": " + reason + ".";
}

std::string report_html(const JobResult& job, const RunInfo& run) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& c : job.claims) ++counts[static_cast<int>(c.verdict)];
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      // Nothing may load: no font, image, script or style from anywhere, not even this folder.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>geoclaim report: " +
      esc(job.job_path) + "</title><style>" + kStyle + "</style></head>\n<body>";
  h += "<h1>geoclaim report: " + esc(job.job_path) + "</h1>";
  h += "<p>" + std::to_string(job.claims.size()) + " claims: " + std::to_string(counts[0]) + " supported, " +
       std::to_string(counts[1]) + " contradicted, " + std::to_string(counts[2]) +
       " inconclusive. <span class=\"small\">Run " + esc(run.run_time) + " with geoclaim " + esc(run.version) +
       ".</span></p>";
  if (!job.claims.empty()) {
    h += "<h2 id=\"claims\">Claims</h2>" + overview(job) + legend(job);
    for (size_t i = 0; i < job.claims.size(); ++i) h += "\n" + claim_section(job.claims[i], i);
  }
  h += "\n" + attributions(job) + notes(job) + method(run) + provenance(job, run);
  return h + "\n</body></html>\n";
}

}  // namespace geoclaim::layers
