#pragma once
// report.html: one self-contained evidence page (docs/outputs.md). An overview table of the
// claims, then per claim a map (layers/SvgMap.hpp), the verdict sentence, the figures, quote
// and source; then the method and provenance. It opens offline in any browser: styles inline,
// no script, and a Content-Security-Policy that lets the page load nothing from anywhere.
// Every text from the script or the data is HTML-escaped. Deterministic except the run time.
#include <string>

#include "engine/JobResult.hpp"
#include "layers/Report.hpp"

namespace geoclaim::layers {

std::string report_html(const JobResult& job, const RunInfo& run);

/// The one line the page's overview gives for a claim: "Supported: 280 m ±200 m." (its
/// claim_reason, layers/ResultLayers.hpp). Each claim's own section gives the whole sentence
/// of report.md (layers/ClaimSentence.hpp).
std::string verdict_line(const ClaimResult& claim);

}  // namespace geoclaim::layers
