// Fuzz target: a whole job, as `geoclaim run` runs it (parse, resolve, evaluate, the verdict
// table, every `report to` folder written), with the job text from the fuzzer and the tiny
// layers of testdata/fuzz/fixtures/ as its only data. The network is off, inputs outside the
// fixtures folder are refused before they are opened, and results go to a scratch folder of
// the process's own, so a mutated job reads and writes nothing else.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "app/TerminalTable.hpp"
#include "app/WriteResults.hpp"
#include "engine/Errors.hpp"
#include "fuzz/FuzzSupport.hpp"
#include "io/Network.hpp"
#include "io/OgrSource.hpp"
#include "job/Interpreter.hpp"

namespace {

using geoclaim::fuzz::expect_clean;

/// The fixtures, as jobs name them (relative to the source tree, as the seed jobs are run).
constexpr std::string_view kFixtures = "testdata/fuzz/fixtures/";

/// io::OgrSource, limited to the fixtures: any other path is a clean DataError, and a fixture
/// path is read from the source tree whatever the working folder.
class FixturesOnly final : public geoclaim::FeatureSource {
 public:
  geoclaim::Layer load(const geoclaim::LoadOptions& options, const geoclaim::WarningSink& warn) override {
    geoclaim::LoadOptions o = options;
    o.path = fixture(options.path);
    return m_inner.load(o, warn);
  }
  void probe(const geoclaim::LoadOptions& options) override {
    geoclaim::LoadOptions o = options;
    o.path = fixture(options.path);
    m_inner.probe(o);
  }
  geoclaim::Table read_table(const std::string& path) override { return m_inner.read_table(fixture(path)); }
  void probe_table(const std::string& path) override { m_inner.probe_table(fixture(path)); }
  const std::vector<std::string>& tables_read() const { return m_inner.tables_read(); }

 private:
  static std::string fixture(const std::string& path) {
    const bool inside = path.starts_with(kFixtures) && path.find("..") == std::string::npos &&
                        path.find_first_of("\\:") == std::string::npos;
    if (!inside) throw geoclaim::DataError("fuzz: only files in " + std::string(kFixtures) + " are read");
    return std::string(GEOCLAIM_SOURCE_DIR) + "/" + path;
  }
  geoclaim::io::OgrSource m_inner;
};

/// How many times the word "crs" (any case) occurs in `text`.
size_t crs_mentions(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i + 3 <= text.size(); ++i)
    n += (text[i] | 0x20) == 'c' && (text[i + 1] | 0x20) == 'r' && (text[i + 2] | 0x20) == 's';
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  geoclaim::io::allow_network(false);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // A CRS that is neither AUTHORITY:CODE nor WKT nor a PROJ string is looked up by name in
  // PROJ's database, a search of every CRS name: 0.2 s of CPU in a Release build, 1.5 s under
  // ASan with coverage. That is PROJ's cost, not a hang of geoclaim's, but a few of them would
  // pass the timeout; a job with more than one CRS is left to the other inputs.
  if (crs_mentions(text) > 1) return 0;
  const geoclaim::lang::SourceFile file("fuzz.gcl", text);
  expect_clean([&] {
    FixturesOnly source;
    geoclaim::Interpreter interpreter(source, [](const std::string&) {});
    geoclaim::JobResult job = interpreter.run(file);
    geoclaim::app::verdict_table(job, /*color=*/true);
    // Every `report to` folder, redirected into the scratch folder (as `-o` does), once per
    // format: a job of a thousand `report to` lines writes two folders, not a thousand. Writing
    // is most of a run's time (a zone's many vertices as GeoJSON text), so a job without
    // `report to` writes nothing, as `geoclaim run` does, and mutations of it run faster.
    std::set<std::string> formats;
    for (const auto& r : job.reports) formats.insert(r.format);
    for (const auto& format : formats)
      geoclaim::app::write_results(job, {geoclaim::fuzz::scratch_dir() + "/out-" + format, format},
                                   {"fuzz", "0", "2026-01-01T00:00:00Z", {}, {}}, source.tables_read());
  });
  return 0;
}
