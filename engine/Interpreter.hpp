#pragma once
// Runs a job script: parse, resolve (names, units, words, files, CRSs; the whole of
// `geoclaim check`), then evaluate statement by statement. Stops after a phase with errors,
// so nothing runs, and nothing is written, when a script has an error.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/Attribution.hpp"
#include "engine/Claims.hpp"
#include "engine/DataSource.hpp"
#include "engine/Tolerance.hpp"
#include "engine/lang/Ast.hpp"
#include "engine/lang/SourceFile.hpp"

namespace geoclaim {

/// A loaded or defined layer and what kind of name it is.
struct NamedLayer {
  enum class Kind { layer, place, selection };
  Kind kind = Kind::layer;
  std::shared_ptr<const Layer> layer;
};

struct ReportRequest {
  std::string dir;
  std::string format;  ///< "geojson" or "gpkg"
};

/// Everything a run produced, for the writers in layers/ and io/.
struct JobResult {
  std::string job_path;
  std::vector<std::pair<std::string, NamedLayer>> layers;  ///< in definition order
  std::vector<ClaimResult> claims;
  std::vector<Attribution> attributions;
  ToleranceTable tolerances;
  std::string working_crs;              ///< empty: chosen per claim
  std::vector<std::string> row_errors;  ///< from `check claims from`, "file:line: message"
  std::vector<std::string> warnings;
  std::vector<ReportRequest> reports;
};

class Interpreter {
 public:
  Interpreter(FeatureSource& source, WarningSink warn, Progress progress = {});

  /// Parses and resolves `file` without running claims. `probe_files` also opens every input.
  /// Returns every error found, rendered with file:line:col and a caret; empty when clean.
  std::vector<lang::Diagnostic> check(const lang::SourceFile& file, bool probe_files);

  /// Checks, then runs the job.
  /// @throw ScriptError (rendered diagnostics) or DataError.
  JobResult run(const lang::SourceFile& file);

 private:
  FeatureSource& m_source;
  WarningSink m_warn;
  Progress m_progress;
};

/// Renders diagnostics the way the command line prints them.
std::string render(const lang::SourceFile& file, const std::vector<lang::Diagnostic>& diags);

}  // namespace geoclaim
