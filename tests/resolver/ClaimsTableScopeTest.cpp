// `check claims from`: rows are resolved when the job runs, yet see the names, tolerance words
// and working CRS in force at the statement, as a claim written there would.
#include <gtest/gtest.h>

#include <fstream>

#include "io/OgrSource.hpp"
#include "job/Interpreter.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

TEST(ClaimsTable, RowsSeeWhatTheirStatementSees) {
  const auto table = test::scratch_path("rows.csv");
  std::ofstream(table) << "id,subject,relation,object,distance,unit,direction,qualifier\n"
                          "about_1km,a,distance,b,1,km,,about\n"
                          "later_name,a,distance,c,1,km,,about\n";
  const std::string job =
      "place a at 35.383, 40.017\n"
      "place b at 35.392, 40.017\n"
      "check claims from \"" +
      table.string() +
      "\"\n"
      "set tolerance about = 50%\n"
      "place c at 35.392, 40.017\n";
  io::OgrSource source;
  const JobResult r = Interpreter(source, {}).run(lang::SourceFile("scope.gcl", job));
  ASSERT_EQ(r.claims.size(), 1u);
  // `about` meant 10 % at the statement: 0.9–1.1 km, not the 50 % set after it.
  ASSERT_TRUE(r.claims[0].spec.claimed_m);
  EXPECT_DOUBLE_EQ(r.claims[0].spec.claimed_m->lo, 900);
  EXPECT_DOUBLE_EQ(r.claims[0].spec.claimed_m->hi, 1100);
  // `c` is defined after the statement: the row cannot name it.
  ASSERT_EQ(r.row_errors.size(), 1u);
  EXPECT_NE(r.row_errors[0].find(":3: unknown name 'c'"), std::string::npos) << r.row_errors[0];
  // The final tolerance table is the job's, for the report.
  EXPECT_DOUBLE_EQ(r.tolerances.find("about")->fraction, 0.5);
  std::filesystem::remove(table);
}

TEST(ClaimsTable, RowsMeasureInTheWorkingCrsOfTheirStatement) {
  const auto table = test::scratch_path("crs-rows.csv");
  std::ofstream(table) << "id,subject,relation,object,distance,unit\nr,a,within,b,2,km\n";
  const std::string job =
      "place a at 35.383, 40.017\nplace b at 35.392, 40.017\nset crs EPSG:32637\n"
      "check claims from \"" +
      table.string() + "\"\nset crs EPSG:3857\n";
  io::OgrSource source;
  const JobResult r = Interpreter(source, {}).run(lang::SourceFile("crs.gcl", job));
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_NE(r.claims[0].spec.working_crs_label.find("32637"), std::string::npos) << r.claims[0].spec.working_crs_label;
  EXPECT_EQ(r.working_crs, "EPSG:3857");  // the job's last word, for the report
  std::filesystem::remove(table);
}

}  // namespace
}  // namespace geoclaim
