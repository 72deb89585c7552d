// Coordinate notations people write, against values computed by hand and GeographicLib's own.
#include <gtest/gtest.h>
#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>
#include <cmath>
#include <functional>

#include "engine/CoordinateText.hpp"
#include "engine/Errors.hpp"

namespace geoclaim {
namespace {

struct AngleCase {
  const char* text;
  Axis axis;
  double expected_deg;
};

// 35°17′08″ = 35 + 17/60 + 8/3600 = 35.285555…°
constexpr double k35_17_08 = 35.0 + 17.0 / 60.0 + 8.0 / 3600.0;
constexpr double k40_10_33 = 40.0 + 10.0 / 60.0 + 33.0 / 3600.0;

class AngleTable : public ::testing::TestWithParam<AngleCase> {};

TEST_P(AngleTable, ParsesToDegrees) {
  const auto& c = GetParam();
  EXPECT_NEAR(parse_angle(c.text, c.axis), c.expected_deg, 1e-12) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    EveryForm, AngleTable,
    ::testing::Values(
        AngleCase{"35.2856", Axis::latitude, 35.2856}, AngleCase{"-40.1", Axis::longitude, -40.1},
        AngleCase{"35°17′08″N", Axis::latitude, k35_17_08}, AngleCase{"35°17'08\"N", Axis::latitude, k35_17_08},
        AngleCase{"35 17 08 N", Axis::latitude, k35_17_08}, AngleCase{"35 17 08", Axis::latitude, k35_17_08},
        AngleCase{"N 35 17 08", Axis::latitude, k35_17_08}, AngleCase{"35 17 08 S", Axis::latitude, -k35_17_08},
        AngleCase{"40°10′33″E", Axis::longitude, k40_10_33}, AngleCase{"40 10 33 W", Axis::longitude, -k40_10_33},
        AngleCase{"N35.2856", Axis::latitude, 35.2856}, AngleCase{"35.2856N", Axis::latitude, 35.2856},
        AngleCase{"E40.1758", Axis::longitude, 40.1758}, AngleCase{"40.1758W", Axis::longitude, -40.1758},
        AngleCase{"35:17:08", Axis::latitude, k35_17_08}, AngleCase{"35d17.5", Axis::latitude, 35.0 + 17.5 / 60.0}));

TEST(ParseAngle, RejectsWrongHemisphereForAxis) {
  EXPECT_THROW(parse_angle("40.1E", Axis::latitude), CoordinateError);
  // Plain decimals in every notation GDAL or a spreadsheet writes are numbers, never DMS:
  // the exponent's `e` is not the East letter (issue 8: "1e-05" was read as -4°).
  EXPECT_DOUBLE_EQ(parse_angle("1e-05", Axis::longitude), 1e-5);
  EXPECT_DOUBLE_EQ(parse_angle("0.00001", Axis::longitude), 1e-5);
  EXPECT_DOUBLE_EQ(parse_angle("-0.00005", Axis::longitude), -5e-5);
  EXPECT_DOUBLE_EQ(parse_angle("-5E-05", Axis::longitude), -5e-5);
  EXPECT_DOUBLE_EQ(parse_angle("1e-9", Axis::longitude), 1e-9);
  EXPECT_DOUBLE_EQ(parse_angle("+40.5", Axis::longitude), 40.5);
  EXPECT_THROW(parse_angle("1e3", Axis::longitude), CoordinateError);  // 1000°, not 1°E 3°
  EXPECT_THROW(parse_angle("35.2N", Axis::longitude), CoordinateError);
  // With a hemisphere letter too (the review: "1e-05E" was 1°E − 5° = −4°, "1e-05W" +6°).
  EXPECT_DOUBLE_EQ(parse_angle("1e-05E", Axis::longitude), 1e-5);
  EXPECT_DOUBLE_EQ(parse_angle("1e-05W", Axis::longitude), -1e-5);
  EXPECT_DOUBLE_EQ(parse_angle("1e-5 W", Axis::longitude), -1e-5);
  EXPECT_DOUBLE_EQ(parse_angle("E 1e-05", Axis::longitude), 1e-5);
  EXPECT_DOUBLE_EQ(parse_angle("5e-1S", Axis::latitude), -0.5);
  EXPECT_DOUBLE_EQ(parse_angle("-35N", Axis::latitude), -35);  // as GeographicLib: N keeps the sign
  EXPECT_THROW(parse_angle("1e-05N", Axis::longitude), CoordinateError);
  // An exponent among degrees, minutes and seconds would be glued into another number.
  EXPECT_THROW(parse_angle("1 5e-1", Axis::latitude), CoordinateError);  // was 1.5
  EXPECT_THROW(parse_angle("1 1e1", Axis::longitude), CoordinateError);  // was 110
  EXPECT_EQ(parse_lat_lon_text("51.5N, 1e-05E").lon(), 1e-5);
  EXPECT_EQ(parse_lat_lon_text("51.5N 1e-05W").lon(), -1e-5);
}

TEST(ParseAngle, RejectsOutOfRangeAndGarbageQuotingTheText) {
  EXPECT_THROW(parse_angle("95.1", Axis::latitude), CoordinateError);
  EXPECT_THROW(parse_angle("181", Axis::longitude), CoordinateError);
  try {
    parse_angle("35°17′XXN", Axis::latitude);
    FAIL() << "expected an error";
  } catch (const CoordinateError& e) {
    EXPECT_NE(std::string(e.what()).find("35°17′XXN"), std::string::npos) << e.what();
  }
}

// Minutes and seconds lie in [0, 60) in every notation: GeographicLib alone refused "60" but
// read "60.0" as a whole minute (35 17 60.0 N was 35°18′).
// GeographicLib 2.1.2 crashed (SIGSEGV) on marks before ':' components: found by the CI's
// fuzzing; now refused before it is called, in every form the fuzzer's case reduces to.
TEST(ParseAngle, ColonsMixedWithMarksAreRefusedNotCrashed) {
  for (const char* text : {"1\"2:3:\"", "0\"5:7:\"", "35:17:08\"N", "35°17:08", "35d17:08", "35'17:08", "1:2:3:4",
                           "1:2:3:4:5:6:7", "5:317:05:3:317:05:317:08817:088"})
    EXPECT_THROW(parse_angle(text, Axis::latitude), CoordinateError) << text;
  EXPECT_NEAR(parse_angle("35:17:08", Axis::latitude), 35.28556, 1e-5);
  EXPECT_NEAR(parse_angle("35:17:08N", Axis::latitude), 35.28556, 1e-5);
}

TEST(ParseAngle, SixtyMinutesOrSecondsAreRefusedInEveryNotation) {
  for (const char* text : {"35 17 60 N", "35 17 60.0 N", "35 17 60.000", "35°17′60.0″N", "35:17:60.0", "35d60.0'",
                           "35 60 N", "35 60.0", "35°60.00′", "35 17 61.5"}) {
    try {
      parse_angle(text, Axis::latitude);
      ADD_FAILURE() << text << " was accepted";
    } catch (const CoordinateError& e) {
      EXPECT_NE(std::string(e.what()).find("not in range [0, 60)"), std::string::npos) << text << ": " << e.what();
    }
  }
  EXPECT_NEAR(parse_angle("35 17 59.999 N", Axis::latitude), 35 + 17.0 / 60 + 59.999 / 3600, 1e-12);
  EXPECT_NEAR(parse_angle("35°59.5′", Axis::latitude), 35 + 59.5 / 60, 1e-12);
  EXPECT_NEAR(parse_angle("60 0 0 N", Axis::latitude), 60, 1e-12);  // 60 degrees are fine
}

TEST(ParseLatLonText, ReadsPairsInEachSeparatorStyle) {
  const GeoPoint a = parse_lat_lon_text("35.383, 40.017");
  EXPECT_DOUBLE_EQ(a.lat(), 35.383);
  EXPECT_DOUBLE_EQ(a.lon(), 40.017);
  const GeoPoint b = parse_lat_lon_text("35°22'30\"N 40°00'10\"E");
  EXPECT_NEAR(b.lat(), 35.375, 1e-12);
  EXPECT_NEAR(b.lon(), 40.0 + 10.0 / 3600.0, 1e-12);
  const GeoPoint c = parse_lat_lon_text("35 22 30 N 40 00 10 E");
  EXPECT_NEAR(c.lat(), 35.375, 1e-12);
  // Hemisphere letters decide the order: longitude first is read correctly.
  const GeoPoint d = parse_lat_lon_text("40°00'10\"E 35°22'30\"N");
  EXPECT_NEAR(d.lat(), 35.375, 1e-12);
  EXPECT_NEAR(d.lon(), 40.0 + 10.0 / 3600.0, 1e-12);
}

TEST(ParseLatLonText, HemisphereLettersAloneOrAttachedWithOrWithoutComma) {
  for (const char* text : {"N35 17 08, E40 10 33", "N 35 17 08 E 40 10 33", "35 17 08 N 40 10 33 E",
                           "35 17 08N 40 10 33E", "E40 10 33 N35 17 08"}) {
    const GeoPoint p = parse_lat_lon_text(text);
    EXPECT_NEAR(p.lat(), k35_17_08, 1e-12) << text;
    EXPECT_NEAR(p.lon(), k40_10_33, 1e-12) << text;
  }
  // A letter stuck to a small value is not read as more digits: N0°05'08" is 0.0856°.
  const GeoPoint small = parse_lat_lon_text("N0 5 8, E1 2 3");
  EXPECT_NEAR(small.lat(), 5.0 / 60 + 8.0 / 3600, 1e-12);
  EXPECT_NEAR(small.lon(), 1 + 2.0 / 60 + 3.0 / 3600, 1e-12);
}

TEST(ParseLatLonText, AmbiguousTextIsRefusedNotGuessed) {
  EXPECT_THROW(parse_lat_lon_text("0 0 0 1 0 0 0 2"), CoordinateError);     // four numbers a side
  EXPECT_THROW(parse_lat_lon_text("35 -17 08 40 10 33"), CoordinateError);  // a sign on the minutes
  const GeoPoint p = parse_lat_lon_text("35 N 40 E");
  EXPECT_DOUBLE_EQ(p.lat(), 35);
  EXPECT_DOUBLE_EQ(p.lon(), 40);
  EXPECT_DOUBLE_EQ(parse_lat_lon_text("N 35.5 40").lat(), 35.5);
}

TEST(ParseLatLonText, SwappedDecimalPairGetsAHint) {
  try {
    parse_lat_lon_text("140.2, 35.3");
    FAIL() << "expected an error";
  } catch (const CoordinateError& e) {
    EXPECT_NE(std::string(e.what()).find("look swapped"), std::string::npos) << e.what();
  }
}

// Expected centres from GeoConvert (GeographicLib 2.1.2), recorded in testdata/coords/README.md.
TEST(ParseMgrs, MatchesGeoConvertCentres) {
  struct Case {
    const char* mgrs;
    double lat, lon;
  } cases[] = {{"37SFV0692205349", 35.2855994, 40.1758046},
               {"37SEV9237015992", 35.3830011, 40.0170050},
               {"37SCV0749897867", 36.1063998, 36.8613996},
               {"37S FV 06922 05349", 35.2855994, 40.1758046}};
  for (const auto& c : cases) {
    const GeoPoint p = parse_mgrs(c.mgrs);
    EXPECT_NEAR(p.lat(), c.lat, 5e-8) << c.mgrs;
    EXPECT_NEAR(p.lon(), c.lon, 5e-8) << c.mgrs;
  }
}

TEST(ParseMgrs, RoundTripsGeographicLibForwardAtEveryPrecision) {
  for (int prec = 1; prec <= 5; ++prec) {
    int zone = 0;
    bool north = false;
    double x = 0, y = 0;
    std::string mgrs;
    GeographicLib::UTMUPS::Forward(43.7486, 44.6528, zone, north, x, y);
    GeographicLib::MGRS::Forward(zone, north, x, y, prec, mgrs);
    const GeoPoint p = parse_mgrs(mgrs);
    const double cell_deg = std::pow(10.0, 5 - prec) / 111000.0;  // one square, in degrees
    EXPECT_NEAR(p.lat(), 43.7486, cell_deg) << mgrs;
    EXPECT_NEAR(p.lon(), 44.6528, 2 * cell_deg) << mgrs;
  }
}

TEST(ParseMgrs, RejectsMalformedReferences) {
  EXPECT_THROW(parse_mgrs("38TMN12345"), CoordinateError);  // an odd number of digits
  EXPECT_THROW(parse_mgrs("99ZZZ"), CoordinateError);
  // GeographicLib's own "invalid" spelling reads as NaN without an error (found by fuzzing).
  EXPECT_THROW(parse_mgrs("INVALID"), CoordinateError);
  EXPECT_THROW(parse_mgrs("INV37CC"), CoordinateError);
}

std::string error_of(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const CoordinateError& e) {
    return e.what();
  }
  return "(no error)";
}

// The pair splitter tries each gap between words as the cut (a pass over the text each):
// 30,000 words of "1N 1N …" took 52 s. Text longer than any coordinate is refused first.
TEST(CoordinateText, TextLongerThanAnyCoordinateIsRefusedBeforeParsing) {
  std::string words;
  for (int i = 0; i < 30000; ++i) words += "1N ";
  const std::string expected =
      "coordinate text '" + words.substr(0, 40) + "…' is 90000 bytes long; a coordinate is at most 200";
  EXPECT_EQ(error_of([&] { parse_lat_lon_text(words); }), expected);
  EXPECT_EQ(error_of([&] { parse_angle(words, Axis::latitude); }), expected);
  EXPECT_EQ(error_of([&] { parse_mgrs(words); }), expected);
  // 200 bytes is still read: a real coordinate with spaces to spare.
  const std::string padded = "35.383, 40.017" + std::string(kMaxCoordinateTextBytes - 14, ' ');
  EXPECT_NEAR(parse_lat_lon_text(padded).lat(), 35.383, 1e-12);
  EXPECT_NE(error_of([&] { parse_lat_lon_text(padded + " "); }).find("is 201 bytes long"), std::string::npos);
}

TEST(CheckLatLon, NamesTheProblem) {
  EXPECT_EQ(check_lat_lon(35.2, 40.1), "");
  EXPECT_NE(check_lat_lon(95.1, 40.0).find("latitude 95.1 is outside ±90°"), std::string::npos);
  EXPECT_NE(check_lat_lon(35.0, 181.5).find("longitude 181.5 is outside ±180°"), std::string::npos);
  EXPECT_EQ(check_lat_lon(1e300, 40.0), "latitude 1e+300 is outside ±90°");
  EXPECT_EQ(check_lat_lon(1e300, 40.0, "1e300", "40"), "latitude 1e300 is outside ±90°");  // as written
  EXPECT_TRUE(looks_swapped(140.2, 35.3));
  EXPECT_FALSE(looks_swapped(95.1, 120.0));  // 120 is no latitude
  EXPECT_FALSE(looks_swapped(35.3, 140.2));  // valid as it is
}

// Writing coordinates for the report. The expected DMS and MGRS are what GeographicLib's own
// GeoConvert 2.1.2 (geographiclib-tools) printed for these points, run once by hand:
//   echo "LAT LON" | GeoConvert -d -p 1    (DMS to 0.01″; geoclaim writes ° ′ ″ for d ' ")
//   echo "LAT LON" | GeoConvert -m -p 0    (MGRS to 1 m)
// Ayyash and Mozdok are the seed job's places; the others are a UPS zone near each pole and a
// point beside the antimeridian on the equator.
struct WrittenCase {
  double lat, lon;
  const char* decimal;
  const char* dms;
  const char* mgrs;
};

void PrintTo(const WrittenCase& c, std::ostream* os) { *os << c.decimal; }

class WrittenTable : public ::testing::TestWithParam<WrittenCase> {};

TEST_P(WrittenTable, MatchesGeoConvertAndReadsBack) {
  const auto& c = GetParam();
  const GeoPoint p = GeoPoint::from_lat_lon(c.lat, c.lon);
  EXPECT_EQ(format_decimal_degrees(p), c.decimal);
  EXPECT_EQ(format_dms(p), c.dms);
  EXPECT_EQ(format_mgrs(p), c.mgrs);
  // What the report writes, the parser reads back: DMS to 0.01″ (0.3 m), MGRS to its 1 m square.
  const GeoPoint dms = parse_lat_lon_text(format_dms(p));
  EXPECT_NEAR(dms.lat(), c.lat, 0.005 / 3600);
  EXPECT_NEAR(dms.lon(), c.lon, 0.005 / 3600);
  const GeoPoint mgrs = parse_mgrs(format_mgrs(p));
  EXPECT_NEAR(mgrs.lat(), c.lat, 1e-4);
  EXPECT_NEAR(std::remainder(mgrs.lon() - c.lon, 360.0), 0, 1e-3);
}

INSTANTIATE_TEST_SUITE_P(
    GeoConvert, WrittenTable,
    ::testing::Values(
        WrittenCase{35.383, 40.017, "35.383000, 40.017000", "35°22′58.80″N 040°01′01.20″E", "37SEV9237015992"},
        WrittenCase{43.7486, 44.6528, "43.748600, 44.652800", "43°44′54.96″N 044°39′10.08″E", "38TMP7204644009"},
        WrittenCase{34.993609, 40.413393, "34.993609, 40.413393", "34°59′36.99″N 040°24′48.21″E", "37SFU2898873246"},
        WrittenCase{-89.5, 10, "-89.500000, 10.000000", "89°30′00.00″S 010°00′00.00″E", "BAN0963954668"},
        WrittenCase{85, -170, "85.000000, -170.000000", "85°00′00.00″N 170°00′00.00″W", "YZN0354547018"},
        WrittenCase{0, 179.9999, "0.000000, 179.999900", "00°00′00.00″N 179°59′59.64″E", "60NZF3396700000"}));

TEST(WrittenCoordinates, InvalidPointWritesNothing) {
  const GeoPoint nowhere;
  EXPECT_EQ(format_decimal_degrees(nowhere), "");
  EXPECT_EQ(format_dms(nowhere), "");
  EXPECT_EQ(format_mgrs(nowhere), "");
}

}  // namespace
}  // namespace geoclaim
