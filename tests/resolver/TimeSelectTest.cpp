// `select … where` on time fields (testdata/times/README.md: four strikes at 15:55, 16:12, 16:31
// and 16:56 local time, +03:00, = 12:55Z … 13:56Z): instants compare as moments, whatever the
// notation of the data or of the value; zones must be there on both sides or on neither, unless
// a default zone is given; and the comparisons that cannot be made are refused, saying why.
#include <gtest/gtest.h>

#include "engine/Select.hpp"
#include "job/Resolver.hpp"
#include "lang/Parser.hpp"
#include "tests/Fixtures.hpp"

namespace geoclaim {
namespace {

const Layer& kml() {
  static const Layer l = [] {
    io::OgrSource source;
    LoadOptions o;
    o.name = "kml";
    o.path = "testdata/times/strikes.kml";  // relative, as a job writes it: messages quote it
    o.id_col = "Name";
    return source.load(o, {});
  }();
  return l;
}

const Layer& csv() {
  static const Layer l = [] {
    io::OgrSource source;
    LoadOptions o;
    o.name = "csv";
    o.path = "testdata/times/strikes.csv";
    return source.load(o, {});
  }();
  return l;
}

Condition condition(const std::string& text) {
  lang::SourceFile f("t.gcl", "select x from l where " + text + "\n");
  std::vector<lang::Diagnostic> errors;
  const lang::Script s = lang::parse(f, job::lexicon(), errors);
  EXPECT_TRUE(errors.empty()) << text;
  std::vector<lang::Name> fields;
  return job::resolve_condition(std::get<lang::SelectStmt>(s.statements.at(0)).where, fields);
}

using V = std::vector<std::string>;

V ids(const Layer& l, const std::string& text, std::optional<int> zone = std::nullopt) {
  const Condition where = condition(text);
  V out;
  for (size_t i : select_features(l, where, zone)) out.push_back(l.features()[i].id);
  return out;
}

/// The message of the CompareError that `text` gives.
std::string refusal(const Layer& l, const std::string& text, std::optional<int> zone = std::nullopt) {
  const Condition where = condition(text);
  try {
    select_features(l, where, zone);
  } catch (const CompareError& e) {
    return e.what();
  }
  return "(selected)";
}

TEST(TimeSelect, TheIssuesCutOffSelectsNoneInAnyNotation) {
  // Compared as text, GDAL's "2016/09/17 15:55:00+03" sorts after "2016-09-17T23:…": all four.
  EXPECT_EQ(ids(kml(), "timestamp >= \"2016-09-17T23:00:00+03:00\""), V{});
  EXPECT_EQ(ids(kml(), "timestamp >= \"2016-09-17T20:00:00Z\""), V{});
  EXPECT_EQ(ids(kml(), "timestamp >= \"2016/09/17 20:00:00+00\""), V{});
  EXPECT_EQ(ids(csv(), "time >= \"2016-09-17T23:00:00+03:00\""), V{});
  EXPECT_EQ(ids(csv(), "time >= \"2016-09-17T20:00:00Z\""), V{});
  EXPECT_EQ(ids(kml(), "timestamp < \"2016-09-17T23:00:00+03:00\""), (V{"1", "2", "3", "4"}));
}

TEST(TimeSelect, ACutOffBetweenStrikesSplitsThemTheSameInEveryZone) {
  for (const char* cut :
       {"2016-09-17T16:30:00+03:00", "2016-09-17T13:30:00Z", "2016-09-17T09:30:00-04:00", "2016/09/17 16:30+03"}) {
    SCOPED_TRACE(cut);
    EXPECT_EQ(ids(kml(), std::string("timestamp >= \"") + cut + "\""), (V{"3", "4"}));
    EXPECT_EQ(ids(csv(), std::string("time >= \"") + cut + "\""), (V{"3", "4"}));
    EXPECT_EQ(ids(kml(), std::string("timestamp < \"") + cut + "\""), (V{"1", "2"}));
  }
}

TEST(TimeSelect, EveryOperatorOnTheMoment) {
  // Strike 2 at 16:12+03:00, written in UTC; the CSV's strike 3 is at 16:31:00.250.
  EXPECT_EQ(ids(kml(), "timestamp = \"2016-09-17T13:12:00Z\""), V{"2"});
  EXPECT_EQ(ids(kml(), "timestamp != \"2016-09-17T13:12:00Z\""), (V{"1", "3", "4"}));
  EXPECT_EQ(ids(kml(), "timestamp <= \"2016-09-17T13:12:00Z\""), (V{"1", "2"}));
  EXPECT_EQ(ids(kml(), "timestamp > \"2016-09-17T13:12:00Z\""), (V{"3", "4"}));
  EXPECT_EQ(ids(csv(), "time = \"2016-09-17T13:31:00.250Z\""), V{"3"});
  EXPECT_EQ(ids(csv(), "time = \"2016-09-17T13:31:00Z\""), V{});  // a quarter second apart
  EXPECT_EQ(ids(kml(), "timestamp >= \"2016-09-17T16:00+03\" and timestamp <= \"2016-09-17T16:40+03\""), (V{"2", "3"}));
  // like sees the ISO 8601 text, in the zone the value was written in.
  EXPECT_EQ(ids(kml(), "timestamp like \"%T16:%+03:00\""), (V{"2", "3", "4"}));
}

TEST(TimeSelect, WallClocksCompareWithWallClocks) {
  EXPECT_EQ(ids(csv(), "local_time >= \"2016-09-17T16:30:00\""), (V{"3", "4"}));
  EXPECT_EQ(ids(csv(), "local_time = \"2016-09-17 16:12\""), V{"2"});
  // Dates: each its midnight, so a date-time cut-off splits by day.
  EXPECT_EQ(ids(csv(), "day >= \"2016-09-18\""), V{"4"});
  EXPECT_EQ(ids(csv(), "day = \"2016/09/17\""), (V{"1", "2", "3"}));
  EXPECT_EQ(ids(csv(), "day < \"2016-09-17T12:00\""), (V{"1", "2", "3"}));
}

TEST(TimeSelect, ADefaultZoneLetsWallClocksMeetMoments) {
  EXPECT_EQ(ids(csv(), "local_time >= \"2016-09-17T13:30:00Z\"", 180), (V{"3", "4"}));
  EXPECT_EQ(ids(csv(), "local_time >= \"2016-09-17T13:30:00Z\"", 0), (V{"1", "2", "3", "4"}));  // read as UTC
  EXPECT_EQ(ids(kml(), "timestamp >= \"2016-09-17T16:30:00\"", 180), (V{"3", "4"}));
  EXPECT_EQ(ids(kml(), "timestamp >= \"2016-09-17T13:30:00\"", 0), (V{"3", "4"}));
}

TEST(TimeSelect, RefusedComparisonsSayWhy) {
  EXPECT_EQ(refusal(kml(), "timestamp >= \"yesterday\""),
            "field 'timestamp' holds times; 'yesterday' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)");
  EXPECT_EQ(refusal(kml(), "timestamp > 2016"),
            "field 'timestamp' holds times; '2016' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)");
  EXPECT_EQ(refusal(kml(), "timestamp = \"2016-02-30T10:00Z\""),
            "field 'timestamp' holds times; '2016-02-30T10:00Z' is not a real time (February 2016 has 29 days)");
  EXPECT_EQ(refusal(csv(), "local_time >= \"2016-09-17T23:00:00+03:00\""),
            "testdata/times/strikes.csv feature 1 has local_time 2016-09-17T15:55:00, with no time zone, and "
            "'2016-09-17T23:00:00+03:00' has one: say which zone such times are in (set timezone UTC, set timezone "
            "\"+03:00\", …)");
  EXPECT_EQ(refusal(kml(), "timestamp >= \"2016-09-17T23:00:00\""),
            "'2016-09-17T23:00:00' has no time zone and testdata/times/strikes.kml feature 1 has timestamp "
            "2016-09-17T15:55:00+03:00, with one: write the zone ('2016-09-17T23:00:00+03:00') or set one "
            "(set timezone \"+03:00\")");
  // A date with a zone is written as its midnight (the review: the hint offered '2016-09-17').
  EXPECT_EQ(refusal(kml(), "timestamp < \"2016-09-17\""),
            "'2016-09-17' has no time zone and testdata/times/strikes.kml feature 1 has timestamp "
            "2016-09-17T15:55:00+03:00, with one: write the zone ('2016-09-17T00:00:00+03:00') or set one "
            "(set timezone \"+03:00\")");
  EXPECT_EQ(refusal(csv(), "day >= \"15:55\""),
            "field 'day' holds dates (2016-09-17); '15:55' is a time of day without a date: compare dates with dates");
  // Checked against every feature before any is selected: a refusal does not depend on `or`
  // having found its answer first.
  EXPECT_NE(refusal(csv(), "id >= 1 or local_time >= \"2016-09-17T23:00:00Z\""), "(selected)");
}

TEST(TimeSelect, TextFieldsAreNotOrderedAgainstTimes) {
  const Layer text = test::load_fixture("testdata/times/text-times.csv");
  EXPECT_EQ(refusal(text, "time >= \"2016-09-17T12:00:00Z\""),
            "field 'time' holds text, not times (" + test::source_path("testdata/times/text-times.csv") +
                " feature 2 has 'unknown', which is no time), so '>= \"2016-09-17T12:00:00Z\"' would compare it "
                "letter by letter");
  EXPECT_EQ(ids(text, "time = \"unknown\""), V{"2"});               // text equality stays
  EXPECT_EQ(ids(text, "time = \"2016-09-17T12:55:00Z\""), V{"1"});  // as written
  EXPECT_EQ(ids(text, "time like \"2016%\""), V{"1"});

  std::vector<std::string> warnings;
  io::OgrSource source;
  LoadOptions o;
  o.name = "bad";
  o.path = "testdata/times/bad-date.csv";
  const Layer bad = source.load(o, [&](const std::string& w) { warnings.push_back(w); });
  // A date/time field held as text: equality with a time is refused too (its text is ISO 8601,
  // not what the file said).
  const std::string why =
      "field 'time' holds text, not times (testdata/times/bad-date.csv:3: field 'time': 2016-02-30T10:00:00Z is not "
      "a real time (February 2016 has 29 days)), so '";
  EXPECT_EQ(refusal(bad, "time = \"2016-09-17T12:55:00Z\""),
            why + "= \"2016-09-17T12:55:00Z\"' would compare it letter by letter: correct that value in the data");
  EXPECT_EQ(ids(bad, "time like \"2016-02%\""), V{"2"});
}

}  // namespace
}  // namespace geoclaim
