#pragma once
// report.md (a table a person reads and pastes into an article) and report.json (the same,
// machine-readable, with provenance). Deterministic except the run time.
#include <string>

#include "engine/JobResult.hpp"

namespace geoclaim::layers {

struct RunInfo {
  std::string version;     ///< geoclaim version
  std::string job_sha256;  ///< of the job file's bytes
  std::string run_time;    ///< ISO 8601 UTC; the only non-deterministic field
};

std::string report_markdown(const JobResult& job, const RunInfo& run);
std::string report_json(const JobResult& job, const RunInfo& run);

}  // namespace geoclaim::layers
