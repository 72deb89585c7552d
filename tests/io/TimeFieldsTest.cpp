// Date and time fields read as instants with their zones (io/TimeFields, testdata/times/README.md):
// KML TimeStamps, CSV columns in ISO 8601 and GDAL's notation, an impossible date, and the
// written layers, which must give back the same instants.
#include <gtest/gtest.h>

#include <fstream>

#include "io/OgrSource.hpp"
#include "io/OgrWriter.hpp"
#include "tests/Fixtures.hpp"

namespace geoclaim {
namespace {

Layer load(const std::string& path, std::vector<std::string>* warnings = nullptr,
           std::optional<std::string> id = std::nullopt) {
  io::OgrSource source;
  LoadOptions o;
  o.name = "t";
  o.path = path;
  o.id_col = std::move(id);
  std::vector<std::string> seen;
  Layer l = source.load(o, [&](const std::string& w) { seen.push_back(w); });
  if (warnings)
    *warnings = seen;
  else
    EXPECT_TRUE(seen.empty()) << seen.front();
  return l;
}

const Instant& instant(const Layer& l, size_t feature, const std::string& field) {
  const auto i = l.field_index(field);
  EXPECT_TRUE(i) << field;
  const auto* t = std::get_if<Instant>(&l.features().at(feature).attributes.at(*i));
  EXPECT_NE(t, nullptr) << field << " of feature " << feature << " is no instant";
  static const Instant none;
  return t ? *t : none;
}

// The strikes' moments (testdata/times/README.md), as ISO 8601 in UTC.
const char* const kUtc[] = {"2016-09-17T12:55:00Z", "2016-09-17T13:12:00Z", "2016-09-17T13:31:00Z",
                            "2016-09-17T13:56:00Z"};

TEST(TimeFields, KmlTimeStampsAreInstantsWithTheirZone) {
  const Layer l = load(test::source_path("testdata/times/strikes.kml"), nullptr, "Name");
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l.fields()[*l.field_index("timestamp")].type, Field::Type::time);
  const char* local[] = {"2016-09-17T15:55:00+03:00", "2016-09-17T16:12:00+03:00", "2016-09-17T16:31:00+03:00",
                         "2016-09-17T16:56:00+03:00"};
  for (size_t i = 0; i < 4; ++i) {
    const Instant& t = instant(l, i, "timestamp");
    EXPECT_EQ(t.offset_min, 180);
    EXPECT_EQ(format_instant(t), local[i]);  // as written, not GDAL's "2016/09/17 15:55:00+03"
    EXPECT_EQ(attribute_text(l.features()[i].attributes[*l.field_index("timestamp")]), local[i]);
    EXPECT_EQ(order_key(t, {}), order_key(parse_instant(kUtc[i]), {}));
  }
}

TEST(TimeFields, CsvColumnsOfTimesDatesAndWallClocks) {
  const Layer l = load(test::source_path("testdata/times/strikes.csv"));
  for (const char* f : {"time", "local_time", "day"}) EXPECT_EQ(l.fields()[*l.field_index(f)].type, Field::Type::time);
  const char* written[] = {"2016-09-17T12:55:00Z", "2016-09-17T16:12:00+03:00", "2016-09-17T16:31:00.250+03:00",
                           "2016-09-17T13:56:00Z"};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(format_instant(instant(l, i, "time")), written[i]);
    // Four notations, the same moments as the KML (strike 3 a quarter second later).
    EXPECT_EQ(order_key(instant(l, i, "time"), {}), order_key(parse_instant(kUtc[i]), {}) + (i == 2 ? 250 : 0));
    EXPECT_FALSE(instant(l, i, "local_time").offset_min);
    EXPECT_EQ(instant(l, i, "day").kind, Instant::Kind::date);
  }
  EXPECT_EQ(format_instant(instant(l, 3, "local_time")), "2016-09-17T16:56:00");
  EXPECT_EQ(format_instant(instant(l, 3, "day")), "2016-09-18");
}

TEST(TimeFields, AnImpossibleDateMakesTheColumnTextWithAWarning) {
  std::vector<std::string> warnings;
  const std::string path = test::source_path("testdata/times/bad-date.csv");
  const Layer l = load(path, &warnings);
  const Field& f = l.fields()[*l.field_index("time")];
  EXPECT_EQ(f.type, Field::Type::string);
  const std::string why =
      path + ":3: field 'time': 2016-02-30T10:00:00Z is not a real time (February 2016 has 29 days)";
  EXPECT_EQ(f.not_times, why);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], why + "; the field is read as text");
  // Both values as ISO 8601 text, the valid one too.
  EXPECT_EQ(std::get<std::string>(l.features()[0].attributes[*l.field_index("time")]), "2016-09-17T12:55:00Z");
  EXPECT_EQ(std::get<std::string>(l.features()[1].attributes[*l.field_index("time")]), "2016-02-30T10:00:00Z");
}

TEST(TimeFields, AColumnWithOneValueThatIsNoTimeStaysText) {
  const Layer l = load(test::source_path("testdata/times/text-times.csv"));
  const Field& f = l.fields()[*l.field_index("time")];
  EXPECT_EQ(f.type, Field::Type::string);
  EXPECT_TRUE(f.not_times.empty());
}

// A literal that the engine reads as a time must meet data that GDAL types as a time: every
// form parse_instant reads, written in a CSV column, is typed by GDAL and read as the same
// instant, so no column of such values is left to be compared as text.
TEST(TimeFields, EveryFormTheEngineReadsGdalReadsAsTheSameInstant) {
  const char* forms[] = {"2016-09-17T15:55:00+03:00",
                         "2016/09/17 15:55:00+03",
                         "2016-09-17T12:55:00Z",
                         "2016-09-17T15:55+0330",
                         "2016-09-17T09:00:00-04:30",
                         "2016-09-17 15:55",
                         "2016-09-17T15:55:00.25Z",
                         "2016/09/17 15:55:00.125",
                         "2016-09-17",
                         "2016/09/17",
                         "15:55:00",
                         "15:55"};
  const auto path = test::scratch_path("forms.csv");
  for (const char* form : forms) {
    SCOPED_TRACE(form);
    {
      std::ofstream out(path);
      out << "id,lat,lon,t\n1,35,40," << form << "\n2,35,40," << form << "\n";
    }
    const Layer l = load(path.string());
    ASSERT_EQ(l.fields()[*l.field_index("t")].type, Field::Type::time);
    EXPECT_EQ(instant(l, 0, "t"), parse_instant(form));
  }
  std::filesystem::remove(path);
}

TEST(TimeFields, WrittenLayersGiveBackTheSameInstants) {
  const Layer l = load(test::source_path("testdata/times/strikes.csv"));
  for (const char* ext : {".geojson", ".gpkg"}) {
    SCOPED_TRACE(ext);
    const auto path = test::scratch_path(std::string("strikes") + ext);
    if (std::string(ext) == ".geojson")
      io::write_geojson(l, path.string());
    else
      io::write_geopackage({{&l, ""}}, path.string());
    std::vector<std::string> warnings;
    const Layer back = load(path.string(), &warnings);
    ASSERT_EQ(back.size(), l.size());
    for (size_t i = 0; i < l.size(); ++i)
      for (const char* f : {"time", "local_time", "day"}) {
        if (std::string(ext) == ".gpkg" && std::string(f) == "time") {
          // A GeoPackage DATETIME is stored in UTC: the same moment, shown in UTC.
          EXPECT_EQ(order_key(instant(back, i, f), {}), order_key(instant(l, i, f), {})) << f;
          continue;
        }
        EXPECT_EQ(instant(back, i, f), instant(l, i, f)) << f << " of feature " << i;
      }
    std::filesystem::remove_all(path);
  }
}

}  // namespace
}  // namespace geoclaim
