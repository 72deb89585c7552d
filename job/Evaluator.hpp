#pragma once
// The evaluator: walks a ResolvedJob once, in order: loads the layers, defines places and
// selections, measures the claims and attributions, and collects what they produced. The
// first error stops the job (a later step may depend on what failed).
#include <vector>

#include "engine/DataSource.hpp"
#include "engine/JobResult.hpp"
#include "job/ResolvedJob.hpp"
#include "lang/SourceFile.hpp"

namespace geoclaim::job {

/// Runs `job`. On an error, appends it to `errors` and returns what was done so far.
JobResult evaluate(const ResolvedJob& job, FeatureSource& source, const WarningSink& warn, const Progress& progress,
                   std::vector<lang::Diagnostic>& errors);

}  // namespace geoclaim::job
