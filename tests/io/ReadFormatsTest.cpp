// Every listed format gives the same three features with their attributes
// (testdata/formats/README.md), and invalid polygons are repaired with a warning.
#include <gtest/gtest.h>

#include "engine/Errors.hpp"
#include "io/OgrSource.hpp"
#include "tests/Fixtures.hpp"

namespace geoclaim {
namespace {

struct FormatCase {
  const char* file;
  const char* layer;       // nullptr: the only layer (or the only non-empty one)
  const char* name_field;  // as the driver names it
  const char* count_field;
};

class EveryFormat : public ::testing::TestWithParam<FormatCase> {};

TEST_P(EveryFormat, ReadsTheThreePointsWithAttributes) {
  const auto& c = GetParam();
  io::OgrSource source;
  LoadOptions o;
  o.name = "pts";
  o.path = test::source_path(std::string("testdata/formats/") + c.file);
  if (c.layer) o.layer = c.layer;
  std::vector<std::string> warnings;
  const Layer l = source.load(o, [&](const std::string& w) { warnings.push_back(w); });
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l.family(), GeomFamily::point);
  const auto name = l.field_index(c.name_field);
  ASSERT_TRUE(name) << "no field " << c.name_field;
  const char* names[] = {"alpha", "beta", "gamma"};
  const double lats[] = {35.2856, 35.3830, 36.1064}, lons[] = {40.1758, 40.0170, 36.8614};
  for (size_t i = 0; i < 3; ++i) {
    const Feature& f = l.features()[i];
    EXPECT_EQ(attribute_text(f.attributes[*name]), names[i]);
    const GeoPoint p = representative_point(f.geometry.get());
    EXPECT_NEAR(p.lat(), lats[i], 1e-7) << c.file;  // lat stays lat: axis order settled once
    EXPECT_NEAR(p.lon(), lons[i], 1e-7) << c.file;
  }
  if (c.count_field) {
    const auto count = l.field_index(c.count_field);
    ASSERT_TRUE(count);
    EXPECT_EQ(attribute_text(l.features()[1].attributes[*count]), "2");
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, EveryFormat,
                         ::testing::Values(FormatCase{"points.geojson", nullptr, "name", "count"},
                                           FormatCase{"points.gpkg", "points", "name", "count"},
                                           FormatCase{"points.shp", nullptr, "name", "count"},
                                           FormatCase{"points.kml", nullptr, "Name", nullptr},
                                           FormatCase{"points.kmz", nullptr, "Name", nullptr},
                                           FormatCase{"points.gpx", nullptr, "name", "ogr_count"},
                                           FormatCase{"points.fgb", nullptr, "name", "count"},
                                           FormatCase{"points-wkt.csv", nullptr, "name", "count"}),
                         [](const auto& p) {
                           std::string n = p.param.file;
                           for (char& ch : n)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

TEST(Attributes, KeepTheirTypes) {
  const Layer l = test::load_fixture("testdata/formats/points.geojson");
  ASSERT_EQ(l.fields().size(), 3u);
  EXPECT_EQ(l.fields()[0].type, Field::Type::string);
  EXPECT_EQ(l.fields()[1].type, Field::Type::integer);
  EXPECT_EQ(l.fields()[2].type, Field::Type::real);
  EXPECT_EQ(std::get<int64_t>(l.features()[0].attributes[1]), 1);
  EXPECT_DOUBLE_EQ(std::get<double>(l.features()[1].attributes[2]), 20.25);
}

TEST(GeoPackage, ChoosesTheLayerAndNamesTheChoicesWhenMissing) {
  io::OgrSource source;
  LoadOptions o;
  o.name = "sq";
  o.path = test::source_path("testdata/formats/points.gpkg");
  o.layer = "squares";
  const Layer sq = source.load(o, {});
  ASSERT_EQ(sq.size(), 1u);
  EXPECT_EQ(sq.family(), GeomFamily::polygon);
  o.layer = "sqaures";
  try {
    source.load(o, {});
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("no layer 'sqaures' (layers: points, squares) (did you mean 'squares'?)"),
              std::string::npos)
        << e.what();
  }
  o.layer.reset();
  EXPECT_THROW(source.load(o, {}), DataError);  // two non-empty layers: say which
}

TEST(Lines, Read) {
  const Layer l = test::load_fixture("testdata/formats/lines.geojson");
  EXPECT_EQ(l.size(), 2u);
  EXPECT_EQ(l.family(), GeomFamily::line);
}

TEST(InvalidPolygon, IsRepairedWithAWarningNamingTheFeature) {
  io::OgrSource source;
  LoadOptions o;
  o.name = "polys";
  o.path = test::source_path("testdata/formats/polygons.geojson");
  std::vector<std::string> warnings;
  const Layer l = source.load(o, [&](const std::string& w) { warnings.push_back(w); });
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("polygons.geojson: feature 2: invalid polygon (Self-intersection"), std::string::npos)
      << warnings[0];
  EXPECT_NE(warnings[0].find("repaired with MakeValid"), std::string::npos);
  EXPECT_EQ(validity_problem(l.features()[1].geometry.get()), "");
  EXPECT_EQ(l.family(), GeomFamily::polygon);
}

}  // namespace
}  // namespace geoclaim
