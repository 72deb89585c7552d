#pragma once
// Running a job from a test, as `geoclaim run JOB -o OUT` does, without a process.
#include <filesystem>
#include <sstream>
#include <string>

#include "app/Commands.hpp"

namespace geoclaim::test {

/// Runs `job` with its results in `out`; returns the exit code and leaves stderr in `err`.
inline int run_to(const std::filesystem::path& job, const std::filesystem::path& out, std::string& err) {
  std::ostringstream o, e;
  app::RunOptions opts;
  opts.job = job.string();
  opts.output_dir = out.string();
  const int code = app::run_job(opts, o, e);
  err = e.str();
  return code;
}

}  // namespace geoclaim::test
