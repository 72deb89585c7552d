// What an output folder may replace, and what a killed or concurrent run leaves (issue 9): only
// a folder geoclaim provably wrote is replaced, the path is resolved before every check, no
// folder is created before a check fails, every input kind is protected, a killed run's
// leftovers are cleaned or restored, and a second run on the same folder fails clearly.
#include <cpl_vsi.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/Commands.hpp"
#include "engine/Errors.hpp"
#include "io/GdalErrors.hpp"
#include "io/OutputFolder.hpp"
#include "tests/TestSupport.hpp"
#include "tests/jobs/RunJob.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

using test::run_to;

/// The message of the DataError that `make` throws ("" if it throws none).
template <typename F>
std::string data_error_of(F make) {
  try {
    make();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

/// A process id that no longer runs: a child that exited and was reaped.
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

void write_job(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

// `report to "nonexist/../somedata"`: the system cannot resolve "nonexist/..", so a check of
// that path saw nothing there, "nonexist" was created, and "somedata" replaced through it.
TEST(OutputSafety, DotDotThroughAMissingFolderIsResolvedBeforeTheChecks) {
  const fs::path dir = test::scratch_path("dotdot");
  fs::create_directories(dir / "somedata");
  std::ofstream(dir / "somedata" / "notes.txt") << "someone's notes";
  const std::string message =
      data_error_of([&] { io::OutputFolder folder((dir / "nonexist" / ".." / "somedata").string()); });
  EXPECT_NE(message.find("is not a geoclaim result folder"), std::string::npos) << message;
  EXPECT_EQ(test::read_file((dir / "somedata" / "notes.txt").string()), "someone's notes");
  EXPECT_FALSE(fs::exists(dir / "nonexist"));
  fs::remove_all(dir);
}

TEST(OutputSafety, AReportJsonGeoclaimDidNotWriteDoesNotMarkAResult) {
  const fs::path dir = test::scratch_path("foreign-report");
  fs::create_directories(dir);
  std::ofstream(dir / "report.json") << R"({"title": "someone else's report"})";
  std::ofstream(dir / "data.csv") << "a,b\n";
  EXPECT_NE(data_error_of([&] { io::OutputFolder folder(dir.string()); }), "");
  EXPECT_TRUE(fs::exists(dir / "data.csv"));
  EXPECT_FALSE(io::is_geoclaim_result(dir.string()));
  test::mark_as_result(dir, "x");
  EXPECT_TRUE(io::is_geoclaim_result(dir.string()));
  fs::remove_all(dir);
}

// An earlier result that a reader added to (notes, a photo folder) is not replaced: the whole
// folder would go, and the notes with it (review of issue 9). What the run wrote is listed in
// its report.json; a folder of geoclaim's from before that list is judged by its suffixes.
TEST(OutputSafety, AnEarlierResultHoldingOtherFilesIsNotReplaced) {
  const fs::path dir = test::scratch_path("added-to");
  fs::create_directories(dir);
  std::ofstream(dir / "claims.geojson") << "{}";
  test::mark_as_result(dir, "earlier");
  std::ofstream(dir / "notes.txt") << "what I saw";
  fs::create_directories(dir / "photos");
  const std::string message = data_error_of([&] { io::OutputFolder folder(dir.string()); });
  EXPECT_NE(message.find("is an earlier geoclaim result, but it also holds what geoclaim did not write there: '" +
                         std::string("notes.txt") + "', 'photos'; geoclaim replaces the whole folder"),
            std::string::npos)
      << message;
  EXPECT_TRUE(fs::exists(dir / "notes.txt"));
  EXPECT_EQ(io::foreign_entries(dir.string()), (std::vector<std::string>{"notes.txt", "photos"}));
  fs::remove(dir / "notes.txt");
  fs::remove(dir / "photos");
  EXPECT_EQ(data_error_of([&] { io::OutputFolder folder(dir.string()); }), "");
  // A result without the list (an earlier geoclaim): its own kinds of file only.
  std::ofstream(dir / "report.json") << R"({"geoclaim_version": "0.1.0", "job": {"path": "j.gcl", "sha256": ""}})";
  EXPECT_EQ(io::foreign_entries(dir.string()), std::vector<std::string>{});
  std::ofstream(dir / "notes.txt") << "what I saw";
  EXPECT_EQ(io::foreign_entries(dir.string()), std::vector<std::string>{"notes.txt"});
  fs::remove_all(dir);
}

// A whole run lists every file of its folder in report.json, and runs again on it.
TEST(OutputSafety, AResultListsItsFilesAndIsReplacedByTheNextRun) {
  const fs::path out = test::scratch_path("listed");
  std::string err;
  ASSERT_EQ(run_to("scripts/ayyash-2015.gcl", out.string(), err), app::kOk) << err;
  const auto report = nlohmann::json::parse(test::read_file((out / "report.json").string()));
  std::vector<std::string> listed = report.at("files"), present;
  for (const auto& e : fs::directory_iterator(out)) present.push_back(e.path().filename().string());
  std::sort(present.begin(), present.end());
  EXPECT_EQ(listed, present);
  EXPECT_EQ(io::foreign_entries(out.string()), std::vector<std::string>{});
  ASSERT_EQ(run_to("scripts/ayyash-2015.gcl", out.string(), err), app::kOk) << err;
  fs::remove_all(out);
}

// Text from the data reaches report.md unable to act: a feature id holding a terminal escape,
// HTML or a Markdown image (review of issue 9: `cat report.md` ran the escape, a viewer would render the tag).
TEST(OutputSafety, ReportMarkdownHoldsNoControlsOrMarkupFromTheData) {
  const fs::path dir = test::scratch_path("md-escape");
  fs::create_directories(dir);
  std::ofstream(dir / "s.csv") << "id,lat,lon\n\"a\x1b[2J<img src=x "
                                  "onerror=alert(1)>b\xC2\x9B\xE2\x80\xAE![t](http://127.0.0.1:1/p.png)\",35.1,40.1\n";
  std::ofstream(dir / "j.gcl") << "load s from \"" << (dir / "s.csv").string()
                               << "\"\nplace p at 35.1, 40.1\nclaim c: every s within 1 km of p\n"
                               << "  source \"[click\\\\](http://127.0.0.1:1/) | 2015\"\n";
  std::string err;
  ASSERT_EQ(run_to((dir / "j.gcl").string(), (dir / "out").string(), err), app::kOk) << err;
  const std::string md = test::read_file((dir / "out" / "report.md").string());
  EXPECT_EQ(md.find('\x1b'), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  // A C1 control (CSI) and a right-to-left override go too; an image no longer is one.
  EXPECT_NE(
      md.find(
          "a\xEF\xBF\xBD[2J&lt;img src=x onerror=alert(1)>b\xEF\xBF\xBD\xEF\xBF\xBD!\\[t\\](http://127.0.0.1:1/p.png)"),
      std::string::npos)
      << md;
  // The data's own backslash cannot undo the escape of "](" (it is doubled).
  EXPECT_NE(md.find("[click\\\\\\](http://127.0.0.1:1/)"), std::string::npos) << md;
  // A '|' in a table cell stays escaped once ("\|"), so the row keeps its columns.
  EXPECT_NE(md.find("(http://127.0.0.1:1/) \\| 2015 | **supported** |"), std::string::npos) << md;
  fs::remove_all(dir);
}

// `report to "indir/sub/.."` is the input folder itself: refused, and "indir/sub" is not
// created on the way (it was, before the check failed).
TEST(OutputSafety, AFolderHoldingAnInputIsRefusedBeforeAnythingIsCreated) {
  const fs::path dir = test::scratch_path("indir");
  fs::create_directories(dir);
  fs::copy_file("testdata/ayyash-2015/oil-wells.geojson", dir / "wells.geojson");
  const std::string input = (dir / "wells.geojson").string();
  const std::string message = data_error_of([&] { io::OutputFolder folder((dir / "sub" / "..").string(), {input}); });
  EXPECT_NE(message.find("it holds the input '" + input + "'"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir / "sub"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // only the input
  fs::remove_all(dir);
}

// Every kind of input is protected: a reported-claims table, a /vsizip/ archive member, and the
// job script itself (each was skipped: only plain layer files were checked).
TEST(OutputSafety, EveryKindOfInputIsProtected) {
  const fs::path dir = test::scratch_path("inputs");
  fs::create_directories(dir);
  test::mark_as_result(dir, "an earlier result that now holds inputs");
  // A claims table in the folder.
  fs::copy_file("testdata/claims-table/reported-claims.csv", dir / "claims.csv");
  const fs::path table_job = dir.string() + "-table.gcl";
  write_job(table_job,
            "load strikes from \"testdata/ayyash-2015/coalition-strikes.csv\"\n"
            "load wells from \"testdata/ayyash-2015/oil-wells.geojson\"\n"
            "load camp from \"testdata/ayyash-2015/saeqa-camp.geojson\"\n"
            "place ayyash at 35.383, 40.017\nplace camp_point at 35.375, 40.0028\n"
            "place mozdok at 43.7486, 44.6528\nplace mozdok_rough at 43.7486, 44.6528 uncertainty 200 km\n"
            "check claims from \"" +
                (dir / "claims.csv").string() + "\"\n");
  std::string err;
  run_to(table_job, dir, err);
  EXPECT_NE(err.find("it holds the input '" + (dir / "claims.csv").string() + "'"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(dir / "claims.csv"));
  fs::remove(dir / "claims.csv");

  // A layer read from a zip archive in the folder, through /vsizip/.
  io::ensure_gdal();
  const std::string zip = (dir / "wells.zip").string();
  VSILFILE* member = VSIFOpenL(("/vsizip/" + zip + "/wells.geojson").c_str(), "wb");
  ASSERT_TRUE(member);
  const std::string wells = test::read_file("testdata/ayyash-2015/oil-wells.geojson");
  VSIFWriteL(wells.data(), 1, wells.size(), member);
  VSIFCloseL(member);
  const fs::path zip_job = dir.string() + "-zip.gcl";
  write_job(zip_job, "load wells from \"/vsizip/" + zip + "/wells.geojson\"\n");
  EXPECT_EQ(run_to(zip_job, dir, err), app::kDataError) << err;
  EXPECT_NE(err.find("it holds the input '/vsizip/" + zip + "/wells.geojson'"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(zip));
  fs::remove(zip);

  // The job script itself.
  const fs::path own_job = dir / "job.gcl";
  write_job(own_job, "place a at 35.0, 40.0\n");
  EXPECT_EQ(run_to(own_job, dir, err), app::kDataError) << err;
  EXPECT_NE(err.find("it holds the input '" + own_job.string() + "'"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(own_job));
  fs::remove_all(dir);
  fs::remove(table_job);
  fs::remove(zip_job);
}

TEST(OutputSafety, LocalFileOfEachInputKind) {
  EXPECT_EQ(io::local_file_of("data/a.geojson"), "data/a.geojson");
  EXPECT_EQ(io::local_file_of("/vsizip/data/a.zip/x.csv"), "data/a.zip/x.csv");
  EXPECT_EQ(io::local_file_of("/vsizip//vsigzip/a.zip.gz/x.csv"), "a.zip.gz/x.csv");
  EXPECT_EQ(io::local_file_of("/vsizip/{/d/a.zip}/x.csv"), "/d/a.zip");
  EXPECT_EQ(io::local_file_of("PG:dbname=x"), "");
  EXPECT_EQ(io::local_file_of("/vsicurl/http://example.org/a.geojson"), "");
}

// A run killed while writing leaves ".NAME.partial-PID" (up to 48 MB) that no later run
// removed. Now the next run removes those of dead processes, and only those.
TEST(OutputSafety, AKilledRunsTemporaryFolderIsRemovedByTheNextRun) {
  const fs::path target = test::scratch_path("stale");
  const fs::path parent = target.parent_path();
  const std::string name = target.filename().string();
  const fs::path stale = parent / ("." + name + ".partial-" + std::to_string(dead_pid()));
  const fs::path running = parent / ("." + name + ".partial-1");  // pid 1 always runs
  fs::create_directories(stale);
  fs::create_directories(running);
  std::ofstream(stale / "evidence.geojson") << "{\"type\": \"FeatureCollection\", \"features\": [";
  {
    io::OutputFolder folder(target.string());
    std::ofstream(folder.file("report.json")) << "{}";
    folder.commit();
  }
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(running));  // another process's: not ours to remove
  fs::remove_all(running);
  fs::remove_all(target);
}

// A kill between the two renames of a commit (moving the earlier result aside, then the new
// one in) left no result at all; the next run puts the earlier one back.
TEST(OutputSafety, AnEarlierResultMovedAsideByAKilledRunIsRestored) {
  const fs::path target = test::scratch_path("orphan");
  const fs::path old = target.parent_path() / ("." + target.filename().string() + ".old-" + std::to_string(dead_pid()));
  test::mark_as_result(old, "the earlier result");
  {
    io::OutputFolder folder(target.string());
    // Not committed: the earlier result is back in place, whole.
  }
  EXPECT_FALSE(fs::exists(old));
  EXPECT_NE(test::read_file((target / "report.json").string()).find("the earlier result"), std::string::npos);
  fs::remove_all(target);
}

// The commit is one atomic exchange: nothing but the target is left beside it.
TEST(OutputSafety, CommitLeavesNothingBesideTheTarget) {
  const fs::path target = test::scratch_path("exchange");
  test::mark_as_result(target, "first");
  {
    io::OutputFolder folder(target.string());
    test::mark_as_result(folder.file(""), "second");
    folder.commit();
  }
  EXPECT_NE(test::read_file((target / "report.json").string()).find("second"), std::string::npos);
  for (const auto& e : fs::directory_iterator(target.parent_path())) {
    const std::string n = e.path().filename().string();
    if (n.starts_with("." + target.filename().string() + ".")) {
      EXPECT_EQ(n, "." + target.filename().string() + ".lock") << "left beside the target: " << n;
    }
  }
  fs::remove_all(target);
}

// Two runs writing one folder at once left ".NAME.old-PID"; now the second fails at once, with a
// message that says why, and the first's result is whole.
TEST(OutputSafety, ASecondRunOnTheSameFolderFailsClearly) {
  const fs::path target = test::scratch_path("locked");
  test::mark_as_result(target, "first");
  {
    io::OutputFolder first(target.string());
    const std::string message = data_error_of([&] { io::OutputFolder second(target.string()); });
    EXPECT_NE(message.find("another geoclaim run is writing"), std::string::npos) << message;
    test::mark_as_result(first.file(""), "first run's new result");
    first.commit();
  }
  EXPECT_NE(test::read_file((target / "report.json").string()).find("first run's new result"), std::string::npos);
  // Released with the folder: a later run writes.
  EXPECT_EQ(data_error_of([&] { io::OutputFolder later(target.string()); }), "");
  // The lock is the lock file's: held by another process (here another descriptor), it refuses.
  const fs::path lock = target.parent_path() / ("." + target.filename().string() + ".lock");
  const int fd = ::open(lock.c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  EXPECT_NE(data_error_of([&] { io::OutputFolder blocked(target.string()); }), "");
  ::close(fd);
  fs::remove_all(target);
  fs::remove(lock);
}

}  // namespace
}  // namespace geoclaim
