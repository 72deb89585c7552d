// The subcommands as functions: measure, info, check, and run's exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "app/Commands.hpp"
#include "engine/Errors.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

TEST(Measure, AyyashToStrikeTwo) {
  std::ostringstream out, err;
  ASSERT_EQ(app::measure("35.383, 40.017", "35.0416277 40.4610601", out, err), app::kOk) << err.str();
  // testdata/ayyash-2015/README.md: 55 400.000 m at 132.999997° (GeodSolve).
  EXPECT_NE(out.str().find("distance  55400 m (55.4 km)"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("azimuth   133° at the start"), std::string::npos) << out.str();
}

TEST(Measure, AcceptsDmsAndMgrs) {
  std::ostringstream out, err;
  ASSERT_EQ(app::measure("35°17′08″N 40°10′33″E", "37SFV0692205349", out, err), app::kOk) << err.str();
  EXPECT_NE(out.str().find("from      35.2855556, 40.1758333"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("to        35.2855994, 40.1758046"), std::string::npos) << out.str();
}

TEST(Measure, BadCoordinateIsAUsageError) {
  std::ostringstream out, err;
  EXPECT_EQ(app::measure("95, 40", "35, 40", out, err), app::kUsage);
  EXPECT_NE(err.str().find("first coordinate: '95, 40': latitude 95 is outside ±90°"), std::string::npos) << err.str();
}

TEST(Info, PrintsLayersAndDataErrorsExitThree) {
  std::ostringstream out, err;
  ASSERT_EQ(app::info("testdata/formats/points.gpkg", out, err), app::kOk);
  EXPECT_NE(out.str().find("layer 'squares': 1 features, Polygon, CRS EPSG:4326"), std::string::npos) << out.str();
  std::ostringstream out2, err2;
  EXPECT_EQ(app::info("testdata/bad/not-a-vector.xyz", out2, err2), app::kDataError);
}

TEST(Check, CleanJobAndMissingJob) {
  std::ostringstream out, err;
  EXPECT_EQ(app::check_job("scripts/ayyash-2015.gcl", out, err), app::kOk) << err.str();
  EXPECT_EQ(out.str(), "scripts/ayyash-2015.gcl: no errors\n");
  std::ostringstream out2, err2;
  EXPECT_EQ(app::check_job("scripts/no-such-job.gcl", out2, err2), app::kUsage);
}

TEST(Run, FailOnContradictedExitsOne) {
  const auto out = test::scratch_path("failon");
  std::ostringstream o, e;
  app::RunOptions opts;
  opts.job = "scripts/deir-ez-zor-2016.gcl";  // unit_in_airport is contradicted
  opts.output_dir = out.string();
  opts.fail_on_contradicted = true;
  EXPECT_EQ(app::run_job(opts, o, e), app::kContradicted) << e.str();
  opts.fail_on_contradicted = false;
  EXPECT_EQ(app::run_job(opts, o, e), app::kOk);
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace geoclaim

#include "app/ProgressPrinter.hpp"
#include "app/TerminalTable.hpp"
#include "io/OgrSource.hpp"
#include "job/Interpreter.hpp"

namespace geoclaim {
namespace {

JobResult run_in_memory(const std::string& job) {
  io::OgrSource source;
  Interpreter interpreter(source, {});
  return interpreter.run(lang::SourceFile(job, test::read_file(job)));
}

TEST(TerminalTable, ColouredOnATerminalPlainWhenPiped) {
  const JobResult job = run_in_memory("scripts/deir-ez-zor-2016.gcl");
  const std::string plain = app::verdict_table(job, false), coloured = app::verdict_table(job, true);
  EXPECT_EQ(plain.find('\033'), std::string::npos);
  EXPECT_NE(coloured.find("\033[32msupported"), std::string::npos);     // green
  EXPECT_NE(coloured.find("\033[31mcontradicted"), std::string::npos);  // red
  EXPECT_NE(plain.find("unit_in_airport   contradicted"), std::string::npos) << plain;
}

TEST(ProgressPrinter, QuietForQuickStepsAndTimesSlowOnes) {
  std::ostringstream err;
  app::ProgressPrinter printer(err, /*terminal=*/false);
  const Progress p = printer.callbacks();
  p.advance("load strikes", 4096, 0);
  p.finished("load strikes", 4096, 0.2);
  EXPECT_EQ(err.str(), "");
  p.finished("claim near", 200000, 3.46);
  EXPECT_EQ(err.str(), "claim near: 200000 features in 3.5 s\n");
}

}  // namespace
}  // namespace geoclaim
