// Claim cases as data (issue 7, after PROJ's gie files and GEOS's XML tests): every row of
// tests/claims/claim-cases.csv is one claim on the small fixtures of testdata/claim-cases/, run
// as a job through the interpreter, and one GoogleTest named by its `case` cell. Adding a case
// is adding a row; the CSV's header comments describe the columns.
//
// A row's job is its fixture lines, copied from testdata/claim-cases/fixtures.gcl (one `load`,
// `place` or `select` per name, plus the layers a selection is taken from, in the order of that
// file), then `claim c: <claim>`. Expected values come from the geodesic direct problem that
// placed each point and from the rules of docs/language.md, never from geoclaim's output (see
// testdata/claim-cases/README.md).
//
// Combinations that cannot be rows (the CSV repeats this in its header):
// - a quantifier before a place is a script error ("'p' is a place: drop the quantifier");
// - `distance between` and `line from … crosses` take no quantifier (the grammar has none there);
// - `crosses` is never inconclusive: the segment meets a line of L or it does not;
// - a layer of several features without a quantifier is a script error at run time.
//
// tests/claims/known-wrong.csv holds rows whose expected values are right but which geoclaim
// gets wrong today (issue 8). They are registered as disabled tests, so they do not fail
// the build; run them with --gtest_also_run_disabled_tests. Move a row to claim-cases.csv once
// the engine is fixed.
//
// tests/claims/claim-sentences.csv gives, for some of those rows, the plain sentence the report
// writes for the claim (layers/ClaimSentence.hpp), written by hand from the row's design values:
// one test per row, ClaimSentences/SentenceRow.Matches/<case>.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/OgrSource.hpp"
#include "job/Interpreter.hpp"
#include "layers/ClaimSentence.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------------------------------
// The only code here that knows the engine's types. It runs a job of one claim and returns the
// claim's verdict and the figures of its representative feature (the bearing's of the feature
// that decides the direction, ClaimResult::direction_representative).

struct Measured {
  std::string verdict;  ///< "supported", "contradicted" or "inconclusive"
  double distance_m = kNaN, margin_m = kNaN, bearing_deg = kNaN, margin_deg = kNaN, inside_share = kNaN;
  std::string feature;                ///< the representative subject feature's id
  std::string direction_feature;      ///< the id of the one whose bearing decides the direction
  size_t counts[3] = {0, 0, 0};       ///< features supported, contradicted, inconclusive
  std::vector<std::string> warnings;  ///< what the job warned about (fixtures should cause none)
  std::string sentence;               ///< the report's sentence for the claim
};

/// @throw std::exception (a script or data error) when the job does not run.
Measured run_case(const std::string& job_name, const std::string& job_text) {
  io::OgrSource source;
  Measured out;
  Interpreter interpreter(source, [&out](const std::string& w) { out.warnings.push_back(w); });
  const JobResult job = interpreter.run(lang::SourceFile(job_name, job_text));
  if (job.claims.size() != 1)
    throw std::runtime_error("the job made " + std::to_string(job.claims.size()) + " claims, not 1");
  const ClaimResult& claim = job.claims[0];
  const FeatureMeasure& m = claim.measures.at(claim.representative);
  out.verdict = word(claim.verdict);
  if (m.distance) {
    out.distance_m = m.distance->metres;
    out.margin_m = m.distance->margin_m.value_or(kNaN);
  }
  const FeatureMeasure& b = claim.measures.at(claim.direction_representative);
  if (b.bearing) {
    out.bearing_deg = b.bearing->degrees;
    out.margin_deg = b.bearing->margin_deg.value_or(kNaN);
  }
  out.direction_feature = b.subject_id;
  if (m.inside) out.inside_share = m.inside->share;
  out.feature = m.subject_id;
  for (int i = 0; i < 3; ++i) out.counts[i] = claim.counts[i];
  out.sentence = layers::claim_sentence(claim);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the files.

const char* const kCasesFile = "tests/claims/claim-cases.csv";
const char* const kKnownWrongFile = "tests/claims/known-wrong.csv";
const char* const kPreludeFile = "testdata/claim-cases/fixtures.gcl";

/// Splits one CSV line: cells separated by commas; a cell may be quoted ("a, b"), with "" for a
/// quote inside. Unquoted cells are trimmed of spaces, quoted ones are kept as written. A cell
/// cannot span lines.
std::vector<std::string> split_csv(const std::string& line, std::string& error) {
  std::vector<std::string> cells(1);
  std::vector<bool> was_quoted(1, false);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == ',') {
      cells.emplace_back();
      was_quoted.push_back(false);
    } else if (was_quoted.back()) {
      if (c != ' ') {
        error = "text after a closing quote";
        return {};
      }
    } else if (c == '"' && cells.back().find_first_not_of(' ') == std::string::npos) {
      cells.back().clear();
      quoted = true;
      was_quoted.back() = true;
    } else {
      cells.back() += c;
    }
  }
  if (quoted) error = "a quote that does not close on its line";
  for (size_t i = 0; i < cells.size(); ++i) {
    if (was_quoted[i]) continue;
    const size_t b = cells[i].find_first_not_of(' '), e = cells[i].find_last_not_of(' ');
    cells[i] = b == std::string::npos ? "" : cells[i].substr(b, e - b + 1);
  }
  return cells;
}

/// An expected number with the tolerance it is checked to; `value` is NaN when not checked.
struct Expected {
  double value = kNaN;
  double tolerance = kNaN;
  bool checked() const { return !std::isnan(value); }
};

struct ClaimCase {
  std::string file;
  int line = 0;
  std::string name;     ///< the `case` cell
  std::string test;     ///< the GoogleTest name (the case, or line_N when the case is unusable)
  std::string problem;  ///< why the row cannot run as written; the row's test fails with it
  std::vector<std::string> fixtures;
  std::string claim, why;
  std::string verdict;
  Expected measured_m, margin_m, bearing_deg, margin_deg, share;
  std::string feature, counts, direction_feature;

  std::string where() const { return file + ":" + std::to_string(line) + " [" + name + "]"; }
};

void PrintTo(const ClaimCase& c, std::ostream* os) { *os << c.where(); }

const std::vector<std::string> kColumns{"case",
                                        "fixtures",
                                        "claim",
                                        "expect_verdict",
                                        "expect_measured_m",
                                        "tolerance_m",
                                        "expect_margin_m",
                                        "expect_bearing_deg",
                                        "expect_margin_deg",
                                        "tolerance_deg",
                                        "expect_share",
                                        "tolerance_share",
                                        "expect_feature",
                                        "expect_counts",
                                        "why",
                                        "expect_direction_feature"};
const std::set<std::string> kRequired{"case", "fixtures", "claim", "expect_verdict"};

struct CaseFile {
  std::vector<ClaimCase> cases;
  std::vector<std::string> problems;  ///< about the file as a whole
};

bool valid_test_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

/// Reads a number cell; empty is NaN. Sets `problem` for anything else that is not a number.
double number_cell(const std::string& text, const std::string& column, std::string& problem) {
  if (text.empty()) return kNaN;
  size_t used = 0;
  double v = kNaN;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !std::isfinite(v)) {
    if (problem.empty()) problem = "column " + column + " holds '" + text + "', not a number";
    return kNaN;
  }
  return v;
}

CaseFile read_cases(const std::string& relative) {
  CaseFile out;
  std::ifstream in(test::source_path(relative));
  if (!in) {
    out.problems.push_back(relative + ": cannot be read");
    return out;
  }
  std::map<std::string, size_t> col;  // column name -> index
  std::set<std::string> names;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    std::string error;
    const std::vector<std::string> cells = split_csv(line, error);
    const std::string at = relative + ":" + std::to_string(number);
    if (col.empty()) {  // the header
      if (!error.empty()) {
        out.problems.push_back(at + ": " + error);
        return out;
      }
      for (size_t i = 0; i < cells.size(); ++i) {
        if (std::find(kColumns.begin(), kColumns.end(), cells[i]) == kColumns.end())
          out.problems.push_back(at + ": unknown column '" + cells[i] + "'");
        col[cells[i]] = i;
      }
      for (const auto& r : kRequired)
        if (!col.count(r)) out.problems.push_back(at + ": no column '" + r + "'");
      if (!out.problems.empty()) return out;
      continue;
    }
    ClaimCase c;
    c.file = relative;
    c.line = number;
    c.problem = error;
    if (error.empty() && cells.size() != col.size())
      c.problem = std::to_string(cells.size()) + " cells, but the header has " + std::to_string(col.size());
    auto cell = [&](const std::string& name) -> std::string {
      auto it = col.find(name);
      return it == col.end() || it->second >= cells.size() ? "" : cells[it->second];
    };
    c.name = cell("case");
    std::istringstream fixtures(cell("fixtures"));
    for (std::string f; fixtures >> f;) c.fixtures.push_back(f);
    c.claim = cell("claim");
    c.why = cell("why");
    c.verdict = cell("expect_verdict");
    c.feature = cell("expect_feature");
    c.counts = cell("expect_counts");
    c.direction_feature = cell("expect_direction_feature");
    std::string& p = c.problem;
    auto expected = [&](const char* value_col, const char* tol_col) {
      Expected e{number_cell(cell(value_col), value_col, p), number_cell(cell(tol_col), tol_col, p)};
      if (e.checked() && std::isnan(e.tolerance) && p.empty())
        p = std::string(value_col) + " is given without " + tol_col;
      return e;
    };
    c.measured_m = expected("expect_measured_m", "tolerance_m");
    c.margin_m = expected("expect_margin_m", "tolerance_m");
    c.bearing_deg = expected("expect_bearing_deg", "tolerance_deg");
    c.margin_deg = expected("expect_margin_deg", "tolerance_deg");
    c.share = expected("expect_share", "tolerance_share");
    if (p.empty() && c.verdict != "supported" && c.verdict != "contradicted" && c.verdict != "inconclusive")
      p = "expect_verdict is '" + c.verdict + "', not supported, contradicted or inconclusive";
    if (p.empty() && c.claim.empty()) p = "no claim";
    if (p.empty() && !c.counts.empty()) {
      int a = 0, b = 0, d = 0;
      char s1 = 0, s2 = 0;
      std::istringstream cs(c.counts);
      if (!(cs >> a >> s1 >> b >> s2 >> d) || s1 != '/' || s2 != '/' || !cs.eof())
        p = "expect_counts is '" + c.counts + "', not SUPPORTED/CONTRADICTED/INCONCLUSIVE";
    }
    c.test = c.name;
    if (!valid_test_name(c.name)) {
      out.problems.push_back(at + ": case '" + c.name + "' is not a name of letters, digits and _");
      c.test = "line_" + std::to_string(number);
    } else if (!names.insert(c.name).second) {
      out.problems.push_back(at + ": case '" + c.name + "' is used twice");
      c.test = c.name + "_line_" + std::to_string(number);
    }
    out.cases.push_back(std::move(c));
  }
  if (col.empty()) out.problems.push_back(relative + ": no header row");
  return out;
}

/// fixtures.gcl: each statement line defines one name; a selection also needs its layer.
struct Prelude {
  struct Definition {
    std::string name, line, from;  ///< `from`: the layer a selection is taken from
  };
  std::vector<Definition> definitions;
  std::vector<std::string> problems;

  const Definition* find(const std::string& name) const {
    for (const auto& d : definitions)
      if (d.name == name) return &d;
    return nullptr;
  }
};

const Prelude& prelude() {
  static const Prelude p = [] {
    Prelude out;
    std::istringstream in(test::read_file(test::source_path(kPreludeFile)));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::istringstream words(line);
      std::string kind, name, third, from;
      words >> kind >> name >> third >> from;
      if (kind.empty() || kind[0] == '#') continue;
      if (kind != "load" && kind != "place" && kind != "select") {
        out.problems.push_back(std::string(kPreludeFile) + ":" + std::to_string(number) +
                               ": only load, place and select lines define fixtures");
        continue;
      }
      out.definitions.push_back({name, line, kind == "select" ? from : ""});
    }
    if (out.definitions.empty()) out.problems.push_back(std::string(kPreludeFile) + ": no fixtures");
    return out;
  }();
  return p;
}

/// The row's job: its fixtures (and what they need) in prelude order, then the claim.
std::string job_text(const ClaimCase& c, std::string& problem) {
  const Prelude& p = prelude();
  std::set<std::string> wanted;
  std::vector<std::string> todo = c.fixtures;
  while (!todo.empty()) {
    const std::string name = todo.back();
    todo.pop_back();
    const Prelude::Definition* d = p.find(name);
    if (!d) {
      problem = "fixture '" + name + "' is not defined in " + kPreludeFile;
      return "";
    }
    if (wanted.insert(name).second && !d->from.empty()) todo.push_back(d->from);
  }
  std::string text;
  for (const auto& d : p.definitions)
    if (wanted.count(d.name)) text += d.line + "\n";
  return text + "claim c: " + c.claim + "\n";
}

const CaseFile& cases_file() {
  static const CaseFile f = read_cases(kCasesFile);
  return f;
}
const CaseFile& known_wrong_file() {
  static const CaseFile f = read_cases(kKnownWrongFile);
  return f;
}

// ---------------------------------------------------------------------------------------------
// The checks.

double angle_difference(double a, double b) { return std::remainder(a - b, 360.0); }

void expect_near(const std::string& where, const char* what, double actual, const Expected& e, bool angle = false) {
  if (!e.checked()) return;
  if (std::isnan(actual)) {
    ADD_FAILURE() << where << ": " << what << " expected " << e.value << ", but none was measured";
    return;
  }
  const double off = angle ? angle_difference(actual, e.value) : actual - e.value;
  if (!(std::fabs(off) <= e.tolerance))
    ADD_FAILURE() << where << ": " << what << " is " << std::setprecision(12) << actual << ", expected " << e.value
                  << " ± " << e.tolerance << " (off by " << off << ")";
}

void run_row(const ClaimCase& c) {
  const std::string where = c.where();
  ASSERT_TRUE(c.problem.empty()) << where << ": " << c.problem;
  std::string problem;
  const std::string job = job_text(c, problem);
  ASSERT_TRUE(problem.empty()) << where << ": " << problem;
  SCOPED_TRACE(where + ": claim '" + c.claim + "' (" + c.why + ")\n--- job ---\n" + job + "---");
  Measured m;
  try {
    m = run_case(where, job);
  } catch (const std::exception& e) {
    FAIL() << where << ": the job did not run: " << e.what();
  }
  for (const auto& w : m.warnings) ADD_FAILURE() << where << ": warning: " << w;
  EXPECT_EQ(m.verdict, c.verdict) << where << ": verdict";
  expect_near(where, "measured distance (m)", m.distance_m, c.measured_m);
  expect_near(where, "margin (m)", m.margin_m, c.margin_m);
  expect_near(where, "bearing (°)", m.bearing_deg, c.bearing_deg, /*angle=*/true);
  expect_near(where, "margin (°)", m.margin_deg, c.margin_deg);
  expect_near(where, "inside share", m.inside_share, c.share);
  if (!c.feature.empty()) {
    EXPECT_EQ(m.feature, c.feature) << where << ": representative feature";
  }
  if (!c.direction_feature.empty()) {
    EXPECT_EQ(m.direction_feature, c.direction_feature) << where << ": feature deciding the direction";
  }
  if (!c.counts.empty()) {
    const std::string counts =
        std::to_string(m.counts[0]) + "/" + std::to_string(m.counts[1]) + "/" + std::to_string(m.counts[2]);
    EXPECT_EQ(counts, c.counts) << where << ": features supported/contradicted/inconclusive";
  }
}

class ClaimCaseRow : public testing::TestWithParam<ClaimCase> {};
TEST_P(ClaimCaseRow, Holds) { run_row(GetParam()); }

std::string test_name(const testing::TestParamInfo<ClaimCase>& info) { return info.param.test; }

INSTANTIATE_TEST_SUITE_P(ClaimCases, ClaimCaseRow, testing::ValuesIn(cases_file().cases), test_name);
// Right expectations the engine does not meet yet (issue 8): disabled until it does.
INSTANTIATE_TEST_SUITE_P(DISABLED_KnownWrong, ClaimCaseRow, testing::ValuesIn(known_wrong_file().cases), test_name);

// ---------------------------------------------------------------------------------------------
// Sentences: `case,expect_sentence` rows naming a case of claim-cases.csv.

const char* const kSentencesFile = "tests/claims/claim-sentences.csv";

struct SentenceRow {
  int line = 0;
  std::string name, sentence, problem;
};
void PrintTo(const SentenceRow& r, std::ostream* os) {
  *os << kSentencesFile << ":" << r.line << " [" << r.name << "]";
}

std::vector<SentenceRow> read_sentences() {
  std::vector<SentenceRow> out;
  std::ifstream in(test::source_path(kSentencesFile));
  std::string line;
  bool header = true;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    std::string error;
    const std::vector<std::string> cells = split_csv(line, error);
    if (header) {
      header = false;
      if (cells != std::vector<std::string>{"case", "expect_sentence"})
        out.push_back({number, "header", "", "the header must be case,expect_sentence"});
      continue;
    }
    SentenceRow r{number, cells.empty() ? "" : cells[0], cells.size() > 1 ? cells[1] : "", error};
    if (r.problem.empty() && cells.size() != 2) r.problem = std::to_string(cells.size()) + " cells, not 2";
    if (!valid_test_name(r.name)) r.name = "line_" + std::to_string(number);
    out.push_back(std::move(r));
  }
  if (out.empty()) out.push_back({0, "no_rows", "", std::string(kSentencesFile) + " holds no rows"});
  return out;
}

class SentenceRowTest : public testing::TestWithParam<SentenceRow> {};
TEST_P(SentenceRowTest, Matches) {
  const SentenceRow& r = GetParam();
  const std::string where = std::string(kSentencesFile) + ":" + std::to_string(r.line) + " [" + r.name + "]";
  ASSERT_TRUE(r.problem.empty()) << where << ": " << r.problem;
  const auto& cases = cases_file().cases;
  const auto c = std::find_if(cases.begin(), cases.end(), [&](const ClaimCase& x) { return x.name == r.name; });
  ASSERT_NE(c, cases.end()) << where << ": no case '" << r.name << "' in " << kCasesFile;
  std::string problem;
  const std::string job = job_text(*c, problem);
  ASSERT_TRUE(problem.empty()) << where << ": " << problem;
  Measured m;
  try {
    m = run_case(where, job);
  } catch (const std::exception& e) {
    FAIL() << where << ": the job did not run: " << e.what();
  }
  EXPECT_EQ(m.sentence, r.sentence) << where << ": claim '" << c->claim << "' (" << c->why << ")\n"
                                    << "  got:  " << m.sentence << "\n  want: " << r.sentence;
}
std::string sentence_test_name(const testing::TestParamInfo<SentenceRow>& row) { return row.param.name; }
INSTANTIATE_TEST_SUITE_P(ClaimSentences, SentenceRowTest, testing::ValuesIn(read_sentences()), sentence_test_name);

TEST(ClaimCaseFiles, ReadCleanly) {
  for (const CaseFile* f : {&cases_file(), &known_wrong_file()})
    for (const auto& p : f->problems) ADD_FAILURE() << p;
  for (const auto& p : prelude().problems) ADD_FAILURE() << p;
  EXPECT_GE(cases_file().cases.size(), 100u);
  // A case may be in one file only: it is either expected to pass or known to fail.
  std::set<std::string> names;
  for (const auto& c : cases_file().cases) names.insert(c.name);
  for (const auto& c : known_wrong_file().cases)
    EXPECT_EQ(names.count(c.name), 0u) << c.where() << ": also in " << kCasesFile;
}

// The whole prelude runs as a job: every file loads and every selection matches something.
TEST(ClaimCaseFiles, PreludeRunsAsAJob) {
  const std::string prelude_text = test::read_file(test::source_path(kPreludeFile));
  try {
    const Measured m =
        run_case(kPreludeFile, prelude_text + "claim c: distance between ayyash and ayyash at most 1 m\n");
    EXPECT_EQ(m.verdict, "supported");
    for (const auto& w : m.warnings) ADD_FAILURE() << kPreludeFile << ": warning: " << w;
  } catch (const std::exception& e) {
    FAIL() << kPreludeFile << ": " << e.what();
  }
}

// Coverage that must not shrink when rows are edited: by the naming convention of the CSV,
// RELATION_QUANTIFIER_VERDICT for the one-subject relations (QUANTIFIER is every, any, no,
// each, or place / layer for none), between_CONDITION_VERDICT and crosses_VERDICT.
TEST(ClaimCaseFiles, CoverEveryRelationQuantifierAndVerdict) {
  std::set<std::string> names;
  for (const auto& c : cases_file().cases) names.insert(c.name);
  std::vector<std::string> wanted;
  const char* verdicts[] = {"supported", "contradicted", "inconclusive"};
  for (const char* r : {"within", "distance_direction", "distance_from", "direction", "inside"})
    for (const char* q : {"every", "any", "no", "each", "place", "layer"})
      for (const char* v : verdicts) wanted.push_back(std::string(r) + "_" + q + "_" + v);
  for (const char* b : {"at_most", "at_least", "range", "about"})
    for (const char* v : verdicts) wanted.push_back(std::string("between_") + b + "_" + v);
  wanted.push_back("crosses_supported");
  wanted.push_back("crosses_contradicted");
  for (const auto& w : wanted) EXPECT_EQ(names.count(w), 1u) << "no case named " << w << " in " << kCasesFile;
}

// The reader itself: quoted cells with commas and quotes.
TEST(ClaimCaseFiles, CsvSplitterReadsQuotedCells) {
  std::string error;
  EXPECT_EQ(split_csv(R"(a, "b, c" ," x ","say ""hi""",,d)", error),
            (std::vector<std::string>{"a", "b, c", " x ", "say \"hi\"", "", "d"}));
  EXPECT_EQ(error, "");
  split_csv(R"(a,"open)", error);
  EXPECT_NE(error, "");
}

}  // namespace
}  // namespace geoclaim
