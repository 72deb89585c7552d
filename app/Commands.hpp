#pragma once
// The subcommands of `geoclaim`, as functions that tests can call: each takes its arguments
// and output streams and returns the process exit code (docs/cli.md).
#include <iosfwd>
#include <optional>
#include <string>

#include "engine/GeoPoint.hpp"

namespace geoclaim::app {

/// kInternalError: a geometry operation failed (GeometryError) or a bug; never bad data.
enum ExitCode { kOk = 0, kContradicted = 1, kUsage = 2, kDataError = 3, kInternalError = 4 };

struct RunOptions {
  std::string job;
  std::optional<std::string> output_dir;  ///< replaces the job's `report to` folders
  bool fail_on_contradicted = false;
  bool color = false;
  bool progress_on_terminal = false;  ///< stderr is a terminal: progress updates in place
};

int run_job(const RunOptions& options, std::ostream& out, std::ostream& err);
int check_job(const std::string& job, std::ostream& out, std::ostream& err);
int info(const std::string& path, std::ostream& out, std::ostream& err);
/// Distance and azimuths between two coordinates in any accepted notation.
int measure(const std::string& a, const std::string& b, std::ostream& out, std::ostream& err);

/// A coordinate in any notation the command line accepts: "35.383, 40.017", DMS, MGRS.
/// @throw CoordinateError
GeoPoint parse_any_coordinate(const std::string& text);

}  // namespace geoclaim::app
