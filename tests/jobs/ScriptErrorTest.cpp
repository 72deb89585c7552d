// Data-driven error tests: each tests/jobs/errors/*.gcl states the exit code (in its header)
// and the exact message it must produce (at its end, so the lines it names do not move):
//   # expect exit: 2
//   # expect: job.gcl:4:31: unknown unit 'kms' …     (one line of stderr each, in order)
//   # expect check exit: 0      (optional: `geoclaim check` cannot see it without reading data)
// A failing job must write nothing: its `report to` folder must not appear. What it prints
// passes through the redaction of credentials, as main's output does (app/RedactingStream.hpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "app/Commands.hpp"
#include "app/RedactingStream.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> error_jobs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_path("tests/jobs/errors")))
    if (e.path().extension() == ".gcl") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class ErrorJob : public ::testing::TestWithParam<std::string> {};

TEST_P(ErrorJob, FailsWithTheExpectedMessageAndWritesNothing) {
  const std::string path = "tests/jobs/errors/" + GetParam() + ".gcl";
  std::istringstream text(test::read_file(test::source_path(path)));
  int expected_exit = -1, expected_check_exit = -1;
  std::string expected_err, line;
  while (std::getline(text, line)) {
    if (line.rfind("# expect exit: ", 0) == 0)
      expected_exit = std::stoi(line.substr(15));
    else if (line.rfind("# expect check exit: ", 0) == 0)
      expected_check_exit = std::stoi(line.substr(21));
    else if (line.rfind("# expect: ", 0) == 0)
      expected_err += line.substr(10) + "\n";
  }
  ASSERT_NE(expected_exit, -1) << path << " has no '# expect exit:' line";
  const fs::path out = "out/error-test-" + GetParam();
  fs::remove_all(out);
  std::ostringstream o, e;
  app::RunOptions opts;
  opts.job = path;
  {
    // As main prints it: through the redaction of credentials.
    const app::RedactOutput redact_out(o), redact_err(e);
    EXPECT_EQ(app::run_job(opts, o, e), expected_exit) << e.str();
  }
  EXPECT_EQ(e.str(), expected_err);
  EXPECT_FALSE(fs::exists(out)) << "a failing job wrote " << out;
  // `geoclaim check` finds syntax, names, files and CRSs without running anything.
  std::ostringstream co, ce;
  EXPECT_EQ(app::check_job(path, co, ce), expected_check_exit == -1 ? expected_exit : expected_check_exit) << ce.str();
}

INSTANTIATE_TEST_SUITE_P(Files, ErrorJob, ::testing::ValuesIn(error_jobs()), [](const auto& p) {
  std::string n = p.param;
  for (char& c : n)
    if (c == '-') c = '_';
  return n;
});

}  // namespace
}  // namespace geoclaim
