#pragma once
// Writes one `report to` folder: result layers, input layers, report.md and report.json,
// all or nothing.
#include "engine/JobResult.hpp"
#include "layers/Report.hpp"

namespace geoclaim::app {

/// @throw DataError; the target folder is then left as it was.
void write_results(const JobResult& job, const ReportRequest& request, const layers::RunInfo& run);

}  // namespace geoclaim::app
