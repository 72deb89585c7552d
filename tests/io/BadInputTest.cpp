// Every bad input gets a data error that names the file, the line or feature, and what is
// wrong (testdata/bad/README.md says where each file is wrong).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/Errors.hpp"
#include "io/FileInfo.hpp"
#include "io/OgrSource.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

std::string load_error(const std::string& relative, LoadOptions o = {}) {
  io::OgrSource source;
  o.name = "bad";
  o.path = relative;  // relative to the source tree (the tests' working directory)
  try {
    source.load(o, {});
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

TEST(BadInput, MissingFile) {
  EXPECT_EQ(load_error("testdata/bad/no-such-file.csv"), "no such file 'testdata/bad/no-such-file.csv'");
}

TEST(BadInput, UnknownFormat) {
  const std::string e = load_error("testdata/bad/not-a-vector.xyz");
  EXPECT_EQ(e.rfind("cannot open 'testdata/bad/not-a-vector.xyz' as a vector data source: ", 0), 0u) << e;
}

TEST(BadInput, NoCoordinateColumns) {
  EXPECT_EQ(load_error("testdata/bad/no-coordinate-columns.csv"),
            "testdata/bad/no-coordinate-columns.csv: no coordinate columns (columns: id, name, value; expected "
            "lat/latitude/y with lon/lng/long/longitude/x, wkt or mgrs, or name them with 'lat COL lon COL', "
            "'wkt COL' or 'mgrs COL')");
}

std::string written_csv(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("geoclaim-bad-input-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// Names from the file reach the message printable and bounded: a header of 30 columns, one
// with an ESC in its name, lists 20 and the count.
TEST(BadInput, HeaderNamesInMessagesAreEscapedAndBounded) {
  std::string header = "id,na\x1bme";
  for (int i = 3; i <= 30; ++i) header += ",c" + std::to_string(i);
  const std::string path = written_csv("wide-header.csv", header + "\n1,x" + std::string(28, ',') + "\n");
  const std::string e = load_error(path);
  EXPECT_EQ(e.find('\x1b'), std::string::npos) << e;
  EXPECT_NE(e.find("no coordinate columns (columns: id, na\\x1bme, c3, c4,"), std::string::npos) << e;
  EXPECT_NE(e.find(", c20, … (30 in all);"), std::string::npos) << e;
}

/// The error for a CSV of `text` written as `name`, from just after its path ("" for none).
std::string error_after_path(const std::string& name, const std::string& text) {
  const std::string e = load_error(written_csv(name, text));
  const size_t at = e.find(name);
  return e == "no error" ? "" : at == std::string::npos ? e : e.substr(at + name.size());
}

// Field counts are checked as GDAL splits fields: the delimiter it would choose, quoted
// delimiters and quoted line ends inside a cell, \r\n and blank lines; a short or long row is
// named by its line in the file (review of issue 9: a decimal comma shifted a row silently).
TEST(BadInput, RowsMustHaveTheHeadersColumnCount) {
  // Fine: quoted commas and a quoted line end, CRLF, a blank line, a semicolon file.
  EXPECT_EQ(
      error_after_path("ok.csv", "id,lat,lon,note\r\n1,35.1,40.1,\"a, b\"\r\n\r\n2,35.2,40.2,\"two\nlines, too\"\r\n"),
      "");
  EXPECT_EQ(error_after_path("ok-semicolon.csv", "id;lat;lon\n1;35,1;40,1\n"), "");
  // As GDAL 3.6 detects it: a space when the header has no ',', ';' or tab (GDAL reads
  // "1  35.1 40.1" as four fields), and ',' when a header mixes ';' and tab.
  EXPECT_EQ(error_after_path("space.csv", "id lat lon\n1 35.1 40.1\n2  35.2 40.2\n"),
            ":3: has 4 fields but the header names 3 columns (split at space); GDAL would drop the cells beyond "
            "the last column (quote a cell that holds the delimiter)");
  EXPECT_EQ(error_after_path("mixed.csv", "id;x\ty,lat,lon\n1,35.1,40.1\n"), "");
  // A tab in the header wins when the header and the first row split at tabs alike, commas
  // in the cells notwithstanding (GDAL's OpenTable): a good file, and a shifted row in one.
  EXPECT_EQ(error_after_path("tab-comma.csv", "id\tname (city, country)\tlat\tlon\n1\tDeir ez-Zor\t35.3\t40.1\n"), "");
  EXPECT_EQ(
      error_after_path("tab-shifted.csv", "id\tname, full\tlat\tlon\n1\tA, b\t35.3\t40.1\n2\tB, c\t35\t0\t40.4\n"),
      ":3: has 5 fields but the header names 4 columns (split at tab); GDAL would drop the cells beyond "
      "the last column (quote a cell that holds the delimiter)");
  // A comma inside the header's quotes does not make it a comma file (as GDAL reads it).
  EXPECT_EQ(error_after_path("ok-quoted-comma.csv", "id;\"name, full\";lat;lon\n1;\"A\";35,1;40,1\n"), "");
  EXPECT_EQ(error_after_path("long-quoted-comma.csv", "id;\"name, full\";lat;lon\n1;\"A\";35.1;40;4\n"),
            ":2: has 5 fields but the header names 4 columns (split at ';'); GDAL would drop the cells beyond "
            "the last column (quote a cell that holds the delimiter)");
  EXPECT_EQ(error_after_path("ok.tsv", "id\tlat\tlon\n1\t35.1\t40.1\n"), "");
  EXPECT_EQ(error_after_path("long.csv", "id,lat,lon,note\n1,35.1,40.1,\"x\ny\"\n2,35.2,40.2,a,b\n"),
            ":4: has 5 fields but the header names 4 columns (split at ','); GDAL would drop the cells beyond "
            "the last column (quote a cell that holds the delimiter)");
  EXPECT_EQ(error_after_path("short-semicolon.csv", "id;lat;lon\n1;35,1\n"),
            ":2: has 2 fields but the header names 3 columns (split at ';'); GDAL would read the missing cells "
            "as empty (write an empty cell between two delimiters)");
  EXPECT_EQ(error_after_path("long.tsv", "id\tlat\tlon\n1\t35.1\t40.1\tx\n"),
            ":2: has 4 fields but the header names 3 columns (split at tab); GDAL would drop the cells beyond "
            "the last column (quote a cell that holds the delimiter)");
  // Empty cells past the last column lose nothing (a trailing ',' or space, as spreadsheets
  // and column-aligned files write): accepted.
  EXPECT_EQ(error_after_path("trailing-comma.csv", "id,lat,lon\n1,35.1,40.1,\n2,35.2,40.2,,\n"), "");
  EXPECT_EQ(error_after_path("trailing-space.csv", "id lat lon\n1 35.1 40.1 \n"), "");
  // The last row without a line end is a row too.
  EXPECT_EQ(error_after_path("last.csv", "id,lat,lon\n1,35.1,40.1\n2,35.2"),
            ":3: has 2 fields but the header names 3 columns (split at ','); GDAL would read the missing cells "
            "as empty (write an empty cell between two delimiters)");
}

// A NUL byte anywhere, in a cell or in the header, is refused with its line: GDAL's C strings
// end there ("40\0.45" read as 40).
TEST(BadInput, NulBytesAreRefusedWithTheirLine) {
  const std::string message =
      ": holds a NUL byte; GDAL would cut the cell there (a text table cannot hold one: remove it)";
  EXPECT_EQ(error_after_path("nul-cell.csv", std::string("id,lat,lon\n1,35.1,40\0.45\n", 25)), ":2" + message);
  EXPECT_EQ(error_after_path("nul-header.csv", std::string("id,la\0t,lon\n1,35.1,40.1\n", 24)), ":1" + message);
  EXPECT_EQ(error_after_path("nul-quoted.csv", std::string("id,lat,lon,n\n1,35.1,40.1,\"a\nb\0\"\n", 32)),
            ":3" + message);
}

// A cell of 100,000 characters is quoted to 80, whatever GDAL's own message adds.
TEST(BadInput, AHugeCellIsQuotedShort) {
  const std::string path = written_csv("huge-wkt.csv", "id,wkt\n1,\"POINT(" + std::string(100000, '1') + "\"\n");
  const std::string e = load_error(path);
  EXPECT_NE(e.find(": column 'wkt': cannot read 'POINT(" + std::string(74, '1') + "…' as WKT"), std::string::npos)
      << e.substr(0, 300);
  EXPECT_LT(e.size(), 1000u);
}

TEST(BadInput, LatitudeOutOfRange) {
  EXPECT_EQ(load_error("testdata/bad/lat-out-of-range.csv"),
            "testdata/bad/lat-out-of-range.csv:3: column 'lat': latitude 95.1 is outside ±90°");
}

TEST(BadInput, LongitudeOutOfRange) {
  EXPECT_EQ(load_error("testdata/bad/lon-out-of-range.csv"),
            "testdata/bad/lon-out-of-range.csv:4: column 'lon': longitude 181.5 is outside ±180°");
}

TEST(BadInput, SwappedColumnsGetAHint) {
  EXPECT_EQ(load_error("testdata/bad/swapped-latlon.csv"),
            "testdata/bad/swapped-latlon.csv:2: column 'lat': latitude 140.2 is outside ±90° (the latitude and "
            "longitude look "
            "swapped)");
}

TEST(BadInput, UnparsableCoordinateNamesLineColumnAndText) {
  const std::string e = load_error("testdata/bad/unparsable-coordinate.csv");
  EXPECT_EQ(e.rfind("testdata/bad/unparsable-coordinate.csv:4: column 'lat': cannot read '35°17′XXN' as an angle", 0),
            0u)
      << e;
}

TEST(BadInput, EmptyLayer) {
  EXPECT_EQ(load_error("testdata/bad/empty.geojson"), "testdata/bad/empty.geojson: layer 'empty' has no features");
}

TEST(BadInput, UnknownCrs) {
  LoadOptions o;
  o.crs = "EPSG:999999";
  EXPECT_EQ(load_error("testdata/coords/latlon.csv", o).rfind("unknown CRS 'EPSG:999999'", 0), 0u);
}

// Jobs name fields ignoring case, so "Name" and "name" in one layer would be one name to a
// `select`, and one column to a GeoPackage: refused in any format, as a repeated CSV header is.
TEST(BadInput, FieldNamesDifferingOnlyInCase) {
  const auto path = test::scratch_path("case.geojson");
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
    "properties": {"Name": "a", "kind": "b", "name": "c"}, "geometry": {"type": "Point", "coordinates": [40, 35]}}]})";
  EXPECT_EQ(load_error(path.string()),
            path.string() +
                ": fields 'Name' (field 1) and 'name' (field 3) differ only in case, and geoclaim matches field names "
                "ignoring case; give each field its own name");
  std::filesystem::remove(path);
}

TEST(BadInput, RepeatedHeaderNamesEveryColumn) {
  const auto path = test::scratch_path("three.csv");
  std::ofstream(path) << "lat,x,lon,x,x\n35,1,40,2,3\n";
  EXPECT_EQ(load_error(path.string()),
            path.string() + ": header 'x' is in columns 2, 4 and 5; give each column its own name");
  std::filesystem::remove(path);
}

TEST(BadInput, InfoOnAMissingFile) { EXPECT_THROW(io::describe_source("testdata/bad/no-such-file.gpkg"), DataError); }

TEST(Info, DescribesLayersCountsTypesAndCrs) {
  const auto info = io::describe_source("testdata/formats/points.gpkg");
  EXPECT_EQ(info.driver, "GPKG");
  ASSERT_EQ(info.layers.size(), 2u);
  EXPECT_EQ(info.layers[0].name, "points");
  EXPECT_EQ(info.layers[0].count, 3);
  EXPECT_EQ(info.layers[0].geometry_type, "Point");
  EXPECT_EQ(info.layers[0].crs, "EPSG:4326");
  EXPECT_TRUE(info.layers[0].has_extent);
  EXPECT_NEAR(info.layers[0].min_x, 36.8614, 1e-7);  // x is longitude
  EXPECT_NEAR(info.layers[0].max_y, 36.1064, 1e-7);
}

}  // namespace
}  // namespace geoclaim

namespace geoclaim {
namespace {

TEST(Info, ReadsACsvAsGeoclaimDoesAndSaysWhyItCannot) {
  const auto good = io::describe_source("testdata/coords/latlon.csv");
  ASSERT_EQ(good.layers.size(), 1u);
  EXPECT_EQ(good.layers[0].coordinates, "columns Latitude (latitude), Longitude (longitude)");
  EXPECT_TRUE(good.layers[0].has_extent);
  EXPECT_NEAR(good.layers[0].max_y, 36.1064, 1e-9);
  const auto bad = io::describe_source("testdata/bad/lat-out-of-range.csv");
  EXPECT_EQ(bad.layers[0].coordinates,
            "unreadable: testdata/bad/lat-out-of-range.csv:3: column 'lat': latitude 95.1 is outside ±90°");
}

}  // namespace
}  // namespace geoclaim
