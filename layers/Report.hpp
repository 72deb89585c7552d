#pragma once
// report.md (a table a person reads and pastes into an article) and report.json (the same,
// machine-readable, with provenance): a sentence per claim (layers/ClaimSentence.hpp), the
// coordinates of every place and deciding feature in decimal degrees, DMS and MGRS, and the
// method with the libraries' versions. Deterministic except the run time and those versions.
#include <string>
#include <utility>
#include <vector>

#include "engine/JobResult.hpp"

namespace geoclaim::layers {

struct RunInfo {
  std::string version;     ///< geoclaim version
  std::string job_sha256;  ///< of the job file's bytes
  std::string run_time;    ///< ISO 8601 UTC; the only non-deterministic field
  /// The libraries and their run-time versions (io::library_versions): GDAL, PROJ, GEOS,
  /// GeographicLib. They change with the machine, not the job: the golden test masks them.
  std::vector<std::pair<std::string, std::string>> libraries;
  /// The names of the files the result folder holds, report.json among them: a later run
  /// replaces the folder only when it holds nothing else (io/OutputFolder.hpp).
  std::vector<std::string> files;
};

std::string report_markdown(const JobResult& job, const RunInfo& run);

/// How everything was measured (docs/language.md, "What is measured"), for every report;
/// `code` in backquotes.
std::string method_text();
/// "geoclaim 0.1.0, GDAL 3.6.2, PROJ 9.1.1, …": the software that measured, on one line.
std::string software_line(const RunInfo& run);
std::string report_json(const JobResult& job, const RunInfo& run);

}  // namespace geoclaim::layers
