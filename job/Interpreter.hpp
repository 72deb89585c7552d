#pragma once
// Runs a job script: parse (lang/), resolve (names, units, words, files, CRSs: the whole of
// `geoclaim check`), then evaluate the resolved job once. Stops after a phase with errors, so
// nothing runs, and nothing is written, when a script has an error.
#include <vector>

#include "engine/DataSource.hpp"
#include "engine/JobResult.hpp"
#include "lang/SourceFile.hpp"

namespace geoclaim {

class Interpreter {
 public:
  Interpreter(FeatureSource& source, WarningSink warn, Progress progress = {});

  /// Parses and resolves `file` without running claims. `probe_files` also opens every input.
  /// Returns every error found; empty when clean.
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
