// CSV/TSV coordinate columns: found by header or named in the job, in every notation.
#include <gtest/gtest.h>

#include <charconv>
#include <cstring>

#include "engine/Crs.hpp"
#include "engine/Errors.hpp"
#include "io/CoordinateColumns.hpp"
#include "io/OgrSource.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

using io::CoordinateColumns;

CoordinateColumns detect(std::vector<std::string> header, LoadOptions o = {}) {
  return io::find_coordinate_columns(header, o, "t.csv");
}

TEST(ColumnDetection, ByHeaderNameCaseInsensitive) {
  auto c = detect({"id", "Latitude", "Longitude"});
  EXPECT_EQ(c.lat, 1);
  EXPECT_EQ(c.lon, 2);
  c = detect({"LNG", "LAT"});
  EXPECT_EQ(c.lat, 1);
  EXPECT_EQ(c.lon, 0);
  c = detect({"x", "y", "id"});
  EXPECT_EQ(c.lon, 0);
  EXPECT_EQ(c.lat, 1);
  c = detect({"id", "long", "lat"});
  EXPECT_EQ(c.lon, 1);
  EXPECT_EQ(detect({"id", "WKT"}).kind, CoordinateColumns::Kind::wkt);
  EXPECT_EQ(detect({"id", "mgrs"}).kind, CoordinateColumns::Kind::mgrs);
  // Latitude/longitude columns win over a WKT column.
  EXPECT_EQ(detect({"wkt", "lat", "lon"}).kind, CoordinateColumns::Kind::lat_lon);
}

TEST(ColumnDetection, NamedInTheJob) {
  LoadOptions o;
  o.lat_col = "N";
  o.lon_col = "E";
  auto c = detect({"id", "E", "N", "lat", "lon"}, o);
  EXPECT_EQ(c.lat, 2);
  EXPECT_EQ(c.lon, 1);
  o = {};
  o.lat_col = "nrth";
  o.lon_col = "E";
  try {
    detect({"id", "E", "north"}, o);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "t.csv: no column 'nrth' for the latitude (did you mean 'north'?)");
  }
}

TEST(ColumnDetection, MissingColumnsAreExplained) {
  try {
    detect({"id", "name", "value"});
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("t.csv: no coordinate columns (columns: id, name, value;"), std::string::npos);
  }
  EXPECT_THROW(detect({"id", "lat", "name"}), DataError);  // a latitude alone
}

Layer load(const std::string& file, LoadOptions o = {}) {
  io::OgrSource source;
  o.name = "t";
  o.path = test::source_path("testdata/coords/" + file);
  return source.load(o, {});
}

void expect_alpha_beta_gamma(const Layer& l, double tol_deg = 1e-7) {
  ASSERT_EQ(l.size(), 3u);
  const double lats[] = {35.2856, 35.3830, 36.1064}, lons[] = {40.1758, 40.0170, 36.8614};
  for (size_t i = 0; i < 3; ++i) {
    const GeoPoint p = representative_point(l.features()[i].geometry.get());
    EXPECT_NEAR(p.lat(), lats[i], tol_deg);
    EXPECT_NEAR(p.lon(), lons[i], tol_deg);
  }
}

TEST(CsvFiles, EveryHeaderStyleGivesTheSamePoints) {
  expect_alpha_beta_gamma(load("latlon.csv"));
  expect_alpha_beta_gamma(load("lon-lat-xy.csv"));
  expect_alpha_beta_gamma(load("lng-lat.csv"));
  expect_alpha_beta_gamma(load("tab.tsv"));
}

TEST(CsvFiles, EveryDmsRowIsTheSamePlace) {
  const Layer l = load("dms.csv");
  ASSERT_EQ(l.size(), 5u);
  // Whole-second rows decode to 35°17'08" = 35.2855556, 40°10'33" = 40.1758333 (README);
  // the decimal rows are 35.2856, 40.1758.
  for (size_t i = 0; i < l.size(); ++i) {
    const GeoPoint p = representative_point(l.features()[i].geometry.get());
    EXPECT_NEAR(p.lat(), 35.2856, 5e-5) << "row " << i + 2;
    EXPECT_NEAR(p.lon(), 40.1758, 5e-5) << "row " << i + 2;
  }
  const GeoPoint dms = representative_point(l.features()[0].geometry.get());
  EXPECT_NEAR(dms.lat(), 35.0 + 17.0 / 60 + 8.0 / 3600, 1e-12);
  const GeoPoint spaced = representative_point(l.features()[1].geometry.get());
  EXPECT_EQ(dms, spaced);
}

TEST(CsvFiles, MgrsCentresOfOneMetreSquares) {
  expect_alpha_beta_gamma(load("mgrs.csv"), 5e-6);  // within the 1 m square
}

// Longitudes near the prime meridian, as a spreadsheet or GDAL writes them (issue 8: "1e-05"
// was read as -4°, its `e` taken for the East letter). testdata/coords/near-zero.csv.
TEST(CsvFiles, DecimalsNearZeroInAnyNotationAreNumbers) {
  const Layer l = load("near-zero.csv");
  ASSERT_EQ(l.size(), 4u);
  const double lats[] = {51.5, 51.5, 51.5, 1e-5}, lons[] = {1e-5, -5e-5, 1e-5, 0.5};
  for (size_t i = 0; i < 4; ++i) {
    const GeoPoint p = representative_point(l.features()[i].geometry.get());
    EXPECT_NEAR(p.lat(), lats[i], 1e-12) << l.features()[i].id;
    EXPECT_NEAR(p.lon(), lons[i], 1e-12) << l.features()[i].id;
  }
}

TEST(CsvFiles, UncertaintyColumnPerFeature) {
  const Layer l = load("uncertainty.csv");
  EXPECT_EQ(l.features()[0].uncertainty_m, 0);
  EXPECT_EQ(l.features()[1].uncertainty_m, 50);
  EXPECT_EQ(l.features()[2].uncertainty_m, 200);
  LoadOptions o;
  o.uncertainty_m = 25;
  EXPECT_EQ(load("latlon.csv", o).features()[2].uncertainty_m, 25);  // the job's value for all
}

TEST(CsvFiles, ProjectedColumnsWithACrsAreReprojected) {
  LoadOptions o;
  o.crs = "EPSG:32637";
  o.lat_col = "northing";
  o.lon_col = "easting";
  const Layer l = load("utm37n.csv", o);
  const GeoPoint alpha = representative_point(l.features()[0].geometry.get());
  EXPECT_NEAR(alpha.lat(), 35.2856, 2e-8);  // the UTM values are given to the millimetre
  EXPECT_NEAR(alpha.lon(), 40.1758, 2e-8);
  EXPECT_EQ(l.source().crs_label, "EPSG:32637");
}

TEST(CsvFiles, IdColumnNamesFeatures) {
  const Layer l = load("latlon.csv");
  EXPECT_EQ(l.features()[0].id, "1");
  LoadOptions o;
  o.id_col = "label";
  EXPECT_EQ(load("latlon.csv", o).features()[0].id,
            attribute_text(l.features()[0].attributes[*l.field_index("label")]));
}

}  // namespace
}  // namespace geoclaim

#include <filesystem>
#include <fstream>

namespace geoclaim {
namespace {

/// A CSV written for one test and removed after it.
class ScratchCsv {
 public:
  ScratchCsv(const std::string& name, const std::string& text) : m_path(test::scratch_path(name).string()) {
    std::ofstream(m_path, std::ios::binary) << text;
  }
  ~ScratchCsv() { std::filesystem::remove(m_path); }
  const std::string& path() const { return m_path; }

  Layer load(LoadOptions o = {}, std::vector<std::string>* warnings = nullptr) const {
    o.name = "t";
    o.path = m_path;
    return io::OgrSource().load(o, [warnings](const std::string& w) {
      if (warnings) warnings->push_back(w);
    });
  }
  /// The message loading fails with ("" when it does not fail).
  std::string load_error() const {
    try {
      load();
    } catch (const DataError& e) {
      return e.what();
    }
    return "";
  }

 private:
  std::string m_path;
};

// GDAL decides column types on the first megabyte unless told otherwise; a decimal (or a DMS
// text) after 80,000 whole numbers must still be read as written.
TEST(CsvFiles, ValuesBeyondTheFirstMegabyteAreReadAsWritten) {
  std::string text = "id,lat,lon,uncertainty_m\n";
  for (int i = 1; i <= 80000; ++i) text += std::to_string(i) + ",35,40,10\n";
  text += "80001,35.5,40.5,250.9\n80002,N35.005,E40.005,1e3\n";
  const Layer l = ScratchCsv("late-decimals.csv", text).load();
  ASSERT_EQ(l.size(), 80002u);
  const GeoPoint late = representative_point(l.features()[80000].geometry.get());
  EXPECT_DOUBLE_EQ(late.lat(), 35.5);
  EXPECT_DOUBLE_EQ(late.lon(), 40.5);
  EXPECT_DOUBLE_EQ(l.features()[80000].uncertainty_m, 250.9);
  EXPECT_NEAR(representative_point(l.features()[80001].geometry.get()).lat(), 35.005, 1e-12);
  EXPECT_DOUBLE_EQ(l.features()[80001].uncertainty_m, 1000);
}

TEST(CsvFiles, ErrorsNameTheRealLineAcrossQuotedLineBreaksAndBlankLines) {
  const ScratchCsv csv("multiline.csv",
                       "id,lat,lon,note\n"
                       "1,35.1,40.1,\"two\nlines\"\n"
                       "\n"
                       "2,35.2,40.2,plain\n"
                       "3,95.3,40.3,bad latitude on line 6\n");
  EXPECT_EQ(csv.load_error(), csv.path() + ":6: column 'lat': latitude 95.3 is outside ±90°");
}

TEST(CsvFiles, LineNumbersInOldMacFilesWithCarriageReturnsOnly) {
  const ScratchCsv csv("cr.csv", "id,lat,lon\r1,35,40\r\r2,95,40\r");
  EXPECT_EQ(csv.load_error(), csv.path() + ":4: column 'lat': latitude 95 is outside ±90°");
}

TEST(CsvFiles, EmptyWktIsSkippedWithAWarningNeverPutAtZeroZero) {
  const ScratchCsv csv("empty-wkt.csv", "id,wkt\n1,POINT (40.1 35.1)\n2,POINT EMPTY\n");
  std::vector<std::string> warnings;
  EXPECT_EQ(csv.load({}, &warnings).size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], csv.path() + ":3: empty geometry; skipped");
}

TEST(CsvFiles, EmptyUncertaintyCellsTakeTheLoadsValueInATextColumnToo) {
  LoadOptions o;
  o.uncertainty_m = 50;
  const Layer l = ScratchCsv("blank-u.csv", "id,lat,lon,uncertainty_m\n1,35,40,\n2,35,40, \n").load(o);
  EXPECT_EQ(l.features()[0].uncertainty_m, 50);
  EXPECT_EQ(l.features()[1].uncertainty_m, 50);
}

TEST(CsvFiles, UncertaintyThatIsNotANumberIsAnError) {
  const ScratchCsv csv("bad-u.csv", "id,lat,lon,uncertainty_m\n1,35,40,10\n2,35,40,abc\n");
  EXPECT_EQ(csv.load_error(), csv.path() + ":3: column 'uncertainty_m' holds 'abc', not a number of metres");
  const ScratchCsv hex("hex-u.csv", "id,lat,lon,uncertainty_m\n1,35,40,0x10\n");
  EXPECT_EQ(hex.load_error(), hex.path() + ":2: column 'uncertainty_m' holds '0x10', not a number of metres");
}

}  // namespace
}  // namespace geoclaim

namespace geoclaim {
namespace {

/// `text` read as a double, correctly rounded (what the cell holds).
double exact(const char* text) {
  double v = 0;
  std::from_chars(text, text + std::strlen(text), v);
  return v;
}

// Issue 8: GDAL types these columns Real, and its text of a Real is "%.15g", which moved the
// 16-digit vertex of a polygon by 6.5 nm (outside it). Every digit of the cell counts.
TEST(CsvFiles, CoordinatesKeepEveryDigitOfTheCell) {
  const Layer l =
      ScratchCsv("digits.csv", "id,lat,lon\n1,35.38345066190625,40.01755029557123\n2,-0.1234567890123456,1e-17\n")
          .load();
  const GeoPoint a = representative_point(l.features()[0].geometry.get());
  EXPECT_EQ(a.lat(), exact("35.38345066190625"));
  EXPECT_EQ(a.lon(), exact("40.01755029557123"));
  const GeoPoint b = representative_point(l.features()[1].geometry.get());
  EXPECT_EQ(b.lat(), exact("-0.1234567890123456"));
  EXPECT_EQ(b.lon(), exact("1e-17"));
}

TEST(CsvFiles, ProjectedCoordinatesKeepEveryDigitOfTheCell) {
  LoadOptions o;
  o.crs = "EPSG:32637";
  const Layer l = ScratchCsv("digits-utm.csv", "easting,northing\n412345.1234567891,3912345.987654321\n").load(o);
  const PlanarXY want = CrsTransform::to_wgs84(Crs::from_user_input("EPSG:32637"))
                            ->forward({exact("412345.1234567891"), exact("3912345.987654321")});
  const GeoPoint p = representative_point(l.features()[0].geometry.get());
  EXPECT_EQ(p.lon(), want.x);
  EXPECT_EQ(p.lat(), want.y);
}

// A real id column: ids keep every digit (they were written with 9 decimals, so these two
// features had one id).
TEST(CsvFiles, RealIdsKeepEveryDigit) {
  LoadOptions o;
  o.id_col = "uid";
  const Layer l =
      ScratchCsv("real-ids.csv", "uid,lat,lon\n0.1234567891,35,40\n0.1234567892,35,40\n2.5,35,40\n").load(o);
  EXPECT_EQ(l.features()[0].id, "0.1234567891");
  EXPECT_EQ(l.features()[1].id, "0.1234567892");
  EXPECT_EQ(l.features()[2].id, "2.5");
}

}  // namespace
}  // namespace geoclaim
