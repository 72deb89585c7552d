// The seed jobs in scripts/ and the test jobs in tests/jobs/ against golden files in
// tests/golden/<job>/: claims.geojson, report.md and what the terminal shows (stdout, stderr),
// byte for byte, with the run time masked. Golden files were checked by hand against
// the testdata READMEs; regenerate them only on purpose, with GEOCLAIM_UPDATE_GOLDEN=1, and
// review the diff.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "app/Commands.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

std::string mask_run_time(std::string text) {
  static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  return std::regex_replace(text, time, "<run time>");
}

struct GoldenJob {
  std::string path;  ///< the job, from the source root
  int exit_code;     ///< what run must return
  std::string name() const { return fs::path(path).stem().string(); }
};

class Job : public ::testing::TestWithParam<GoldenJob> {};

TEST_P(Job, MatchesGoldenFiles) {
  const GoldenJob& job = GetParam();
  const fs::path out = test::scratch_path("golden-" + job.name());
  std::ostringstream stdout_text, stderr_text;
  app::RunOptions o;
  o.job = job.path;
  o.output_dir = out.string();
  ASSERT_EQ(app::run_job(o, stdout_text, stderr_text), job.exit_code) << stderr_text.str();
  const fs::path golden = fs::path(test::source_path("tests/golden")) / job.name();
  for (const char* file : {"claims.geojson", "report.md", "terminal.txt"}) {
    const bool terminal = std::string(file) == "terminal.txt";
    const std::string got =
        mask_run_time(terminal ? stdout_text.str() + stderr_text.str() : test::read_file((out / file).string()));
    // The folder name differs per run; the terminal names it last.
    const std::string normalised = std::regex_replace(got, std::regex(out.string()), "<out>");
    if (std::getenv("GEOCLAIM_UPDATE_GOLDEN")) {
      fs::create_directories(golden);
      std::ofstream(golden / file, std::ios::binary) << normalised;
      continue;
    }
    EXPECT_EQ(normalised, test::read_file((golden / file).string())) << job.path << ": " << file;
  }
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Golden, Job,
                         ::testing::Values(GoldenJob{"scripts/ayyash-2015.gcl", app::kOk},
                                           GoldenJob{"scripts/deir-ez-zor-2016.gcl", app::kOk},
                                           GoldenJob{"scripts/al-jinah-2017.gcl", app::kOk},
                                           GoldenJob{"tests/jobs/attribution.gcl", app::kOk},
                                           GoldenJob{"tests/jobs/set-statements.gcl", app::kOk},
                                           // Row errors: every other row still runs; exit 3.
                                           GoldenJob{"tests/jobs/claims-table.gcl", app::kDataError}),
                         [](const auto& p) {
                           std::string n = p.param.name();
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace geoclaim
