// Golden jobs are data: every folder tests/golden/<name>/ is one test, Golden/Job.MatchesGoldenFiles/<name>
// (with '-' as '_'). In the folder:
//   job        the job to run, as a path from the source root, on one line (required: a folder
//              without it fails, so a golden folder is never skipped silently);
//   exit_code  what run must return, one integer (0 when the file is absent);
//   terminal.txt               what the terminal shows, stdout then stderr;
//   any other file             the run's file of that name in its output folder.
// Every result the run writes (each .geojson, report.md, report.json, report.html, results.kmz)
// must have its golden file
// and vice versa, so a new or vanished layer cannot go unnoticed; styles and project.qgs are
// checked by OutputFolderTest and the QGIS tests instead. Files are compared byte for byte with
// the run time and the output folder masked. Golden files were checked by hand against the
// testdata READMEs; regenerate them only on purpose, with GEOCLAIM_UPDATE_GOLDEN=1, and review
// the diff. A new golden folder is picked up the next time ctest runs (tests are discovered then).
// results.kmz is compared by its content: its golden file results.kmz.txt lists the archive's
// members, each with its text, every coordinate block shortened to its vertex count and its
// first and last vertices (GDAL writes the zip with fixed member times, so its bytes are stable
// too, as OutputFolderTest checks, but a listing can be reviewed in a diff).
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "app/Commands.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

const fs::path& golden_root() {
  static const fs::path root = test::source_path("tests/golden");
  return root;
}

/// The golden folders' names, sorted so that the tests and their order do not depend on the
/// file system's.
std::vector<std::string> golden_folders() {
  std::vector<std::string> names;
  std::error_code ec;  // no folder at all: no tests, which gtest reports as uninstantiated
  for (const auto& entry : fs::directory_iterator(golden_root(), ec))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// The file's text without trailing white space (a one-line file ends with a newline or not).
std::string read_line_file(const fs::path& path) {
  std::string text = test::read_file(path.string());
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

/// The folder's files that describe the job rather than hold a golden output.
bool is_job_description(const std::string& file) { return file == "job" || file == "exit_code"; }

/// The files of a run that are compared: every layer and the three reports.
bool is_result(const std::string& file) {
  return file == "report.md" || file == "report.json" || file == "report.html" ||
         fs::path(file).extension() == ".geojson";
}

/// A KML <coordinates> block in short: its vertex count and its first and last vertices to 7
/// decimals (about 1 cm). The vertices are those of the GeoJSON layers, compared in full there;
/// written whole, the KML listings would be several MB.
std::string short_coordinates(const std::string& block) {
  std::istringstream in(block);
  std::vector<std::string> vertices;
  for (std::string v; in >> v;) vertices.push_back(v);
  const auto rounded = [](const std::string& v) {
    std::string out;
    std::istringstream parts(v);
    for (std::string part; std::getline(parts, part, ',');) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.7f", std::stod(part));
      out += (out.empty() ? "" : ",") + std::string(buf);
    }
    return out;
  };
  if (vertices.empty()) return "0 vertices";
  return std::to_string(vertices.size()) + " vertices, " + rounded(vertices.front()) + " … " + rounded(vertices.back());
}

/// The members of the zip at `path`, sorted, each as "=== NAME ===" and its text, every
/// coordinate block in short.
std::string zip_listing(const fs::path& path) {
  const std::string root = "/vsizip/" + path.string();
  char** names = VSIReadDirRecursive(root.c_str());
  std::set<std::string> members;
  for (char** n = names; n && *n; ++n)
    if (std::string(*n).back() != '/') members.insert(*n);
  CSLDestroy(names);
  std::string text;
  for (const std::string& m : members) {
    text += "=== " + m + " ===\n";
    VSILFILE* f = VSIFOpenL((root + "/" + m).c_str(), "rb");
    if (!f) continue;
    std::string bytes;
    char buf[65536];
    for (size_t got; (got = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, got);
    VSIFCloseL(f);
    static const std::string open = "<coordinates>", close = "</coordinates>";
    size_t at = 0;
    for (size_t b; (b = bytes.find(open, at)) != std::string::npos;) {
      const size_t e = bytes.find(close, b);
      if (e == std::string::npos) break;
      text += bytes.substr(at, b + open.size() - at) +
              short_coordinates(bytes.substr(b + open.size(), e - b - open.size()));
      at = e;
    }
    text += bytes.substr(at);
  }
  return text;
}

std::set<std::string> files_in(const fs::path& dir, bool (*keep)(const std::string&)) {
  std::set<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && keep(entry.path().filename().string())) out.insert(entry.path().filename().string());
  return out;
}

/// What varies per run: the run time (report.md's first lines, report.json's `run_time`) and
/// the output folder, a scratch path the terminal names last. Input paths are as the job
/// writes them, relative to the source root, and their hashes are stable, so they stay. What
/// varies per machine: the versions of the libraries the method names (report.md's
/// "Software:" line, report.json's method.software), each masked after its name only.
std::string mask(std::string text, const std::string& out_dir) {
  static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  static const std::regex version(R"(\b(GDAL|PROJ|GEOS|GeographicLib)( |": ")\d[0-9A-Za-z.\-]*[0-9A-Za-z])");
  text = std::regex_replace(text, time, "<run time>");
  text = std::regex_replace(text, version, "$1$2<version>");
  for (size_t at = text.find(out_dir); at != std::string::npos; at = text.find(out_dir, at))
    text.replace(at, out_dir.size(), "<out>");
  return text;
}

/// Where two texts first differ: line, column and both lines around that column. Layers have
/// lines of 100,000s of characters, too long to print whole.
std::string first_difference(const std::string& got, const std::string& want) {
  const size_t at = std::mismatch(got.begin(), got.end(), want.begin(), want.end()).first - got.begin();
  const size_t line_start = at == 0 ? 0 : (want.rfind('\n', at - 1) + 1);  // npos + 1 == 0
  const size_t from = std::max(line_start, at < 60 ? 0 : at - 60);
  const auto excerpt = [from](const std::string& text) {
    if (from >= text.size()) return std::string("(end of file)");
    return text.substr(from, std::min<size_t>(120, text.find('\n', from) - from));
  };
  std::ostringstream s;
  s << "first difference at line " << std::count(want.begin(), want.begin() + at, '\n') + 1 << ", column "
    << at - line_start + 1 << " (golden " << want.size() << " bytes, run " << got.size() << ")\n"
    << "  golden: " << excerpt(want) << "\n"
    << "  run:    " << excerpt(got);
  return s.str();
}

struct GoldenJob {
  fs::path folder;
  std::string job;  ///< from the source root
  int exit_code = app::kOk;
};

/// Reads `job` and `exit_code` from the folder. @return an error message, empty when it is fine.
std::string describe(const std::string& name, GoldenJob& g) {
  g.folder = golden_root() / name;
  if (!fs::is_regular_file(g.folder / "job"))
    return g.folder.string() + " has no file 'job' naming the job to run (see JobGoldenTest.cpp)";
  g.job = read_line_file(g.folder / "job");
  if (g.job.empty()) return (g.folder / "job").string() + " is empty";
  if (fs::exists(g.folder / "exit_code")) {
    const std::string code = read_line_file(g.folder / "exit_code");
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), g.exit_code);
    if (ec != std::errc() || end != code.data() + code.size())
      return (g.folder / "exit_code").string() + " holds '" + code + "', not an exit code";
  }
  return "";
}

class Job : public ::testing::TestWithParam<std::string> {};

TEST_P(Job, MatchesGoldenFiles) {
  GoldenJob g;
  const std::string problem = describe(GetParam(), g);
  ASSERT_TRUE(problem.empty()) << problem;
  const fs::path out = test::scratch_path("golden-" + GetParam());
  std::ostringstream stdout_text, stderr_text;
  app::RunOptions o;
  o.job = g.job;
  o.output_dir = out.string();
  ASSERT_EQ(app::run_job(o, stdout_text, stderr_text), g.exit_code) << g.job << "\n" << stderr_text.str();

  std::map<std::string, std::string> got;  // file name to masked text
  got["terminal.txt"] = mask(stdout_text.str() + stderr_text.str(), out.string());
  for (const std::string& file : files_in(out, is_result))
    got[file] = mask(test::read_file((out / file).string()), out.string());
  if (fs::exists(out / "results.kmz")) got["results.kmz.txt"] = mask(zip_listing(out / "results.kmz"), out.string());
  fs::remove_all(out);

  if (std::getenv("GEOCLAIM_UPDATE_GOLDEN")) {
    for (const auto& [file, text] : got) std::ofstream(g.folder / file, std::ios::binary) << text;
    return;
  }
  // A differing file goes to a scratch folder beside the run, for `diff -r` against the golden.
  const fs::path differing = test::scratch_path("golden-" + GetParam() + "-differs");
  for (const auto& [file, text] : got) {
    if (!fs::exists(g.folder / file)) {
      ADD_FAILURE() << g.job << " wrote " << file << ", which has no golden file in " << g.folder.string()
                    << " (GEOCLAIM_UPDATE_GOLDEN=1 writes it)";
      continue;
    }
    const std::string want = test::read_file((g.folder / file).string());
    if (text == want) continue;
    fs::create_directories(differing);
    std::ofstream(differing / file, std::ios::binary) << text;
    ADD_FAILURE() << g.job << ": " << file << " differs from its golden file; "
                  << "diff " << (g.folder / file).string() << " " << (differing / file).string() << "\n"
                  << first_difference(text, want);
  }
  for (const std::string& file : files_in(g.folder, [](const std::string& f) { return !is_job_description(f); }))
    if (!got.contains(file)) ADD_FAILURE() << g.job << " did not write " << file << ", which has a golden file";
}

INSTANTIATE_TEST_SUITE_P(Golden, Job, ::testing::ValuesIn(golden_folders()), [](const auto& p) {
  std::string n = p.param;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';  // gtest names: letters, digits, '_'
  return n;
});

}  // namespace
}  // namespace geoclaim
