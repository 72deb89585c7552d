// The resolver behind `geoclaim check`, fuzzed: thousands of mutations of a real job must
// each parse and resolve to a job or to located diagnostics, never crash or throw.
#include <gtest/gtest.h>

#include <random>

#include "engine/Errors.hpp"
#include "job/Interpreter.hpp"
#include "job/Resolver.hpp"
#include "lang/Parser.hpp"

namespace geoclaim::lang {
namespace {

/// Checking never reads data; a source that is asked anyway fails the test.
class NoData final : public FeatureSource {
 public:
  Layer load(const LoadOptions&, const WarningSink&) override { throw std::logic_error("load while checking"); }
  void probe(const LoadOptions&) override { throw std::logic_error("probe while checking"); }
  Table read_table(const std::string&) override { throw std::logic_error("read_table while checking"); }
  void probe_table(const std::string& path) override { throw DataError("no such file '" + path + "'"); }
};

// A cheap, deterministic fuzz: thousands of mutations of a real job (bytes changed, deleted,
// duplicated) must each parse to a script or to located diagnostics, never crash or throw, and
// every diagnostic must point inside the file; the resolver must not throw either.
TEST(ParserFuzz, MutatedJobsNeverCrash) {
  const std::string seed = R"(load strikes from "a.csv" uncertainty 200 m
place ayyash at 35.383, 40.017
place camp at "35°22'30\"N 40°00'10\"E"
select m from strikes where kind = "x" and (id >= 2 or name like "%a_")
claim se: every strikes approximately 55 km south-east of ayyash source "s" quote "q"
claim d: distance between ayyash and camp is between 1 and 2 km
claim b: any strikes bearing 135 ± 10° of ayyash
set tolerance about = 5%
report to "out/x" as gpkg
)";
  const char alphabet[] = "abc019 .,:\"\\#-±°%=<>()\n\t€";
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t pos = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[pos] = alphabet[rng() % (sizeof alphabet - 1)];
          break;
        case 1:
          text.erase(pos, 1 + rng() % 8);
          break;
        default:
          text.insert(pos, text.substr(rng() % text.size(), 1 + rng() % 12));
      }
    }
    SourceFile f("fuzz.gcl", text);
    std::vector<Diagnostic> errors;
    ASSERT_NO_THROW(parse(f, job::lexicon(), errors)) << text;
    for (const auto& d : errors) {
      ASSERT_LE(d.span.begin, text.size()) << text;
      ASSERT_NO_THROW(f.render(d.span, d.message));
    }
    // And the resolver behind `geoclaim check`.
    NoData data;
    Interpreter interpreter(data, {});
    ASSERT_NO_THROW(interpreter.check(f, /*probe_files=*/false)) << text;
  }
}

}  // namespace
}  // namespace geoclaim::lang
