// CSV/TSV coordinate columns: found by header or named in the job, in every notation.
#include <gtest/gtest.h>

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
