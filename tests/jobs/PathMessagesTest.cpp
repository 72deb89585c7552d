// Paths in messages are quoted printable (engine/Text.hpp printable_path): a file name with a
// newline, an ESC sequence or bytes that are not UTF-8 never reaches the terminal raw (issue 9),
// in `info`, `check` and `run`, on stderr and stdout, and is never cut.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/Commands.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

// ESC [2J clears a terminal, ESC [31m turns it red; a newline would forge a line of output;
// 0xff is no UTF-8.
const std::string kNastyName = "bad\x1b[2J\x1b[31mname\nline\xff";
const std::string kNastyShown = "bad\\x1b[2J\\x1b[31mname\\nline\\xff";

/// Nothing in `text` that a terminal would act on: no ESC, no control byte but the line ends,
/// no byte that is not UTF-8 (0xff never is).
void expect_safe(const std::string& text) {
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\xff'), std::string::npos) << text;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20) {
      EXPECT_EQ(c, '\n') << "control byte " << int(c) << " in " << text;
    }
  }
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

TEST(PathMessages, InfoOfAMissingFileEscapesItsName) {
  std::ostringstream out, err;
  const std::string path = (test::scratch_path("paths-missing") / kNastyName).string();
  EXPECT_EQ(app::info(path, out, err), app::kDataError);
  expect_safe(err.str());
  EXPECT_NE(err.str().find("no such file '"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find(kNastyShown + "'"), std::string::npos) << err.str();
}

TEST(PathMessages, InfoOfAFileNamedWithControlCharactersEscapesItOnStdout) {
  const fs::path dir = test::scratch_path("paths-info");
  fs::create_directories(dir);
  const fs::path file = dir / (kNastyName + ".geojson");
  fs::copy_file(test::source_path("testdata/formats/points.geojson"), file);
  std::ostringstream out, err;
  ASSERT_EQ(app::info(file.string(), out, err), app::kOk) << err.str();
  expect_safe(out.str());
  EXPECT_NE(out.str().find(kNastyShown + ".geojson ("), std::string::npos) << out.str();
}

TEST(PathMessages, RunAndCheckEscapeTheJobTheInputAndTheOutputFolder) {
  const fs::path dir = test::scratch_path("paths-run");
  fs::create_directories(dir);
  // A CSV without coordinate columns, under a name with an ESC (the job's strings keep it).
  const std::string csv_name = "no\x1b[31mcoords.csv";
  write(dir / csv_name, "id,name\n1,a\n");
  const fs::path job = dir / ("job\x1b[2J.gcl");
  write(job, "load s from \"" + (dir / csv_name).string() + "\"\nreport to \"" + (dir / "out").string() + "\"\n");
  for (const bool run : {true, false}) {
    std::ostringstream out, err;
    app::RunOptions o;
    o.job = job.string();
    EXPECT_EQ(run ? app::run_job(o, out, err) : app::check_job(job.string(), out, err), app::kDataError) << err.str();
    expect_safe(err.str());
    expect_safe(out.str());
    EXPECT_NE(err.str().find("job\\x1b[2J.gcl:1:13: "), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("no\\x1b[31mcoords.csv: no coordinate columns"), std::string::npos) << err.str();
  }
  // A job that runs, into a folder named with an ESC: "wrote DIR" escapes it.
  const fs::path good = dir / "good.gcl";
  write(good, "place p at 35.383, 40.017\nreport to \"" + (dir / "out\x1b[31m").string() + "\"\n");
  std::ostringstream out, err;
  app::RunOptions o;
  o.job = good.string();
  ASSERT_EQ(app::run_job(o, out, err), app::kOk) << err.str();
  expect_safe(out.str());
  EXPECT_NE(out.str().find("wrote " + (dir / "out").string() + "\\x1b[31m\n"), std::string::npos) << out.str();
}

TEST(PathMessages, APathIsNeverCut) {
  // Far more than the 80 characters a quoted value keeps: a cut path would name another file.
  const std::string deep = (test::scratch_path("paths-long") / std::string(200, 'd') / "missing.csv").string();
  std::ostringstream out, err;
  EXPECT_EQ(app::info(deep, out, err), app::kDataError);
  EXPECT_NE(err.str().find("'" + deep + "'"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace geoclaim
