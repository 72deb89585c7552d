#pragma once
// Writes one `report to` folder: result layers, input layers, report.md and report.json,
// all or nothing.
#include "engine/JobResult.hpp"
#include "layers/Report.hpp"

namespace geoclaim::app {

/// `inputs`: the paths the job read besides its layers and itself (reported-claims tables); a
/// folder that holds any of them is never replaced.
/// @throw DataError; the target folder is then left as it was.
void write_results(const JobResult& job, const ReportRequest& request, const layers::RunInfo& run,
                   const std::vector<std::string>& inputs = {});

}  // namespace geoclaim::app
