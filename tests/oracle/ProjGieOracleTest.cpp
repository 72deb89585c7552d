// Reprojection against PROJ's own regression cases (testdata/oracle/proj_gie_cases.csv, from
// PROJ 9.1.1 test/gie; provenance in testdata/oracle/README.md), each within the suite's own
// tolerance, plus the EPSG:4326 ↔ UTM 37N ↔ Web Mercator conversions the jobs use.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/Crs.hpp"
#include "engine/Errors.hpp"
#include "io/OgrSource.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

struct GieCase {
  std::map<std::string, std::string> cell;
  uint64_t line = 0;
  double num(const std::string& k) const { return std::stod(cell.at(k)); }
  const std::string& str(const std::string& k) const { return cell.at(k); }
};

std::vector<GieCase> read_cases() {
  io::OgrSource source;
  const Table t = source.read_table(test::source_path("testdata/oracle/proj_gie_cases.csv"));
  std::vector<GieCase> out;
  for (const auto& row : t.rows) {
    GieCase c;
    c.line = row.line;
    for (size_t i = 0; i < t.columns.size(); ++i) c.cell[t.columns[i]] = row.cells[i];
    out.push_back(std::move(c));
  }
  return out;
}

/// Error of `got` against `want` as a ground distance in metres (degrees: on a 6371 km sphere,
/// the scale of the suite's own tolerances).
double ground_error(const GieCase& c, PlanarXY got, double want_x, double want_y) {
  if (c.str("output_units") == "degrees") {
    const double k = 6371000.0 * M_PI / 180.0;
    return std::hypot((got.x - want_x) * k * std::cos(want_y * M_PI / 180.0), (got.y - want_y) * k);
  }
  return std::hypot(got.x - want_x, got.y - want_y);
}

TEST(ProjGie, EveryCaseWithinItsTolerance) {
  const auto cases = read_cases();
  ASSERT_EQ(cases.size(), 93u);
  int checked = 0;
  for (const auto& c : cases) {
    const PlanarXY in{c.num("in_x"), c.num("in_y")};
    const double tol = std::max(c.num("tolerance_m"), 1e-9);
    const bool forward = c.str("direction") == "forward";
    SCOPED_TRACE(c.str("case_id") + " " + c.str("operation") + " " + c.str("description"));
    if (c.str("use_proj4_init_rules") != "yes") {
      // The operation itself, as gie runs it.
      auto op = CrsTransform::operation(c.str("operation"));
      const PlanarXY got = forward ? op->forward(in) : op->inverse(in);
      EXPECT_LE(ground_error(c, got, c.num("expect_x"), c.num("expect_y")), tol);
      ++checked;
    }
    if (!c.str("crs_src").empty()) {
      // The same case through the CRS-to-CRS path geoclaim uses to read data.
      auto t = CrsTransform::between(Crs::from_user_input(c.str("crs_src")), Crs::from_user_input(c.str("crs_dst")));
      const PlanarXY got = t->forward(in);
      EXPECT_LE(ground_error(c, got, c.num("expect_x"), c.num("expect_y")), tol);
      ++checked;
    }
  }
  EXPECT_GE(checked, 93);
}

TEST(Reprojection, Wgs84ToUtm37nAndBack) {
  // testdata/coords/README.md: alpha 35.2856 N 40.1758 E is E 606922.079 N 3905349.564 (cs2cs and
  // GeoConvert agree to the millimetre).
  auto t = CrsTransform::between(Crs::wgs84(), Crs::from_user_input("EPSG:32637"));
  const PlanarXY utm = t->forward({40.1758, 35.2856});  // lon first: visualisation order
  EXPECT_NEAR(utm.x, 606922.079, 0.001);
  EXPECT_NEAR(utm.y, 3905349.564, 0.001);
  const PlanarXY back = t->inverse(utm);
  EXPECT_NEAR(back.x, 40.1758, 1e-9);
  EXPECT_NEAR(back.y, 35.2856, 1e-9);
}

TEST(Reprojection, Utm37nToWebMercatorMatchesTheSphericalFormula) {
  auto to_merc = CrsTransform::between(Crs::from_user_input("EPSG:32637"), Crs::from_user_input("EPSG:3857"));
  const PlanarXY m = to_merc->forward({606922.079, 3905349.564});
  const double R = 6378137.0, lon = 40.1758 * M_PI / 180, lat = 35.2856 * M_PI / 180;
  EXPECT_NEAR(m.x, R * lon, 0.01);
  EXPECT_NEAR(m.y, R * std::log(std::tan(M_PI / 4 + lat / 2)), 0.01);
}

TEST(Crs, LabelsAndErrors) {
  EXPECT_EQ(Crs::from_user_input("EPSG:32637").label(), "EPSG:32637");
  EXPECT_FALSE(Crs::from_user_input("EPSG:32637").is_geographic());
  EXPECT_TRUE(Crs::wgs84().is_geographic());
  // A shapefile's ESRI WKT (testdata/formats/points.prj) is identified as EPSG:4326.
  const std::string prj = test::read_file(test::source_path("testdata/formats/points.prj"));
  EXPECT_EQ(Crs::from_user_input(prj).label(), "EPSG:4326");
  // A PROJ string is not identified with full confidence and keeps PROJ's name for it.
  EXPECT_NE(Crs::from_user_input("+proj=utm +zone=37 +datum=WGS84 +units=m +no_defs +type=crs").label(), "");
  EXPECT_THROW(Crs::from_user_input("EPSG:999999"), DataError);
  // A PROJ string is read as a CRS even without +type=crs (where a CRS is wanted, it is one).
  EXPECT_FALSE(Crs::from_user_input("+proj=utm +zone=37 +datum=WGS84").is_geographic());
  EXPECT_THROW(Crs::from_user_input("+proj=nosuchprojection"), DataError);
  // A datum shift attached (+towgs84, as in many .prj files) leaves a projected CRS projected.
  EXPECT_TRUE(Crs::from_user_input("+proj=utm +zone=37 +ellps=WGS84 +towgs84=0,0,0").is_projected());
  // CRSs that cannot hold 2-D positions are refused (a geocentric CRS put every lat/lon point
  // at a pole); a compound CRS is read by its horizontal part.
  EXPECT_THROW(Crs::from_user_input("EPSG:4978"), DataError);  // geocentric
  EXPECT_THROW(Crs::from_user_input("EPSG:5773"), DataError);  // vertical
  EXPECT_TRUE(Crs::from_user_input("EPSG:4326+5773").is_geographic());
  EXPECT_TRUE(Crs::from_user_input("EPSG:32637+5773").is_projected());
}

}  // namespace
}  // namespace geoclaim
