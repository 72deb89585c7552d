// results.kmz (docs/outputs.md, Google Earth), read back the way a reader's tools would: GDAL's
// LIBKML driver opens the seed jobs' KMZ with the claims, evidence, zones and places of the
// GeoJSON layers beside it, every placemark named (claim id and verdict), with a balloon, and
// styled in its verdict's colour; a zone across the antimeridian comes out cut there.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "app/Commands.hpp"
#include "io/GdalErrors.hpp"
#include "io/OgrWriter.hpp"
#include "layers/GoogleEarth.hpp"
#include "tests/TestSupport.hpp"
#include "tests/jobs/RunJob.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

Dataset open_vector(const fs::path& path) {
  io::ensure_gdal();
  return Dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

/// The verdict colours docs/outputs.md gives (those of the QGIS styles), as GDAL reads a KML
/// colour back: #RRGGBB upper case.
const std::map<std::string, std::string> kVerdictColour{
    {"supported", "#1A9641"}, {"contradicted", "#D7191C"}, {"inconclusive", "#F5A623"}};

std::string field_text(OGRFeatureH f, const char* name) {
  const int i = OGR_F_GetFieldIndex(f, name);
  return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
}

/// The feature count of the run's GeoJSON layer `stem`; -1 when the run wrote none.
long long geojson_count(const fs::path& out, const std::string& stem) {
  const fs::path file = out / (stem + ".geojson");
  if (!fs::exists(file)) return -1;
  Dataset ds = open_vector(file);
  return ds ? OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds.get(), 0), TRUE) : -2;
}

class SeedKmz : public ::testing::TestWithParam<std::string> {};

TEST_P(SeedKmz, LoadsBackWithEveryLayerNamedAndStyledByVerdict) {
  const fs::path out = test::scratch_path("kmz-" + GetParam());
  std::string err;
  ASSERT_EQ(test::run_to("scripts/" + GetParam() + ".gcl", out, err), app::kOk) << err;
  Dataset kmz = open_vector(out / "results.kmz");
  ASSERT_TRUE(kmz) << "GDAL cannot open " << (out / "results.kmz").string();
  EXPECT_STREQ(GDALGetDriverShortName(GDALGetDatasetDriver(kmz.get())), "LIBKML");

  int layers_found = 0;
  for (const std::string stem : {"claims", "evidence", "zones", "places"}) {
    const long long want = geojson_count(out, stem);
    OGRLayerH layer = GDALDatasetGetLayerByName(kmz.get(), stem.c_str());
    if (want < 0) {
      EXPECT_EQ(layer, nullptr) << stem << " is in the KMZ but the run wrote no " << stem << ".geojson";
      continue;
    }
    ASSERT_NE(layer, nullptr) << "results.kmz has no layer " << stem;
    ++layers_found;
    EXPECT_EQ(OGR_L_GetFeatureCount(layer, TRUE), want) << stem;
    OGR_L_ResetReading(layer);
    for (OGRFeatureH f; (f = OGR_L_GetNextFeature(layer)) != nullptr; OGR_F_Destroy(f)) {
      const std::string name = field_text(f, "Name");
      const std::string where = stem + " feature '" + name + "'";
      const char* style_ptr = OGR_F_GetStyleString(f);
      const std::string style = style_ptr ? style_ptr : "";
      EXPECT_FALSE(name.empty()) << stem << " has a feature without a name";
      EXPECT_NE(field_text(f, "description").find("<table>"), std::string::npos) << where << ": no balloon";
      OGRGeometryH g = OGR_F_GetGeometryRef(f);
      ASSERT_NE(g, nullptr) << where;
      OGREnvelope e;
      OGR_G_GetEnvelope(g, &e);
      EXPECT_TRUE(e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90) << where;
      if (stem == "places") {
        EXPECT_NE(style.find("SYMBOL("), std::string::npos) << where << ": " << style;
        continue;
      }
      const std::string verdict = field_text(f, "verdict");
      ASSERT_TRUE(kVerdictColour.count(verdict)) << where << ": verdict '" << verdict << "'";
      const std::string colour = kVerdictColour.at(verdict);
      const std::string id = field_text(f, "claim_id");
      EXPECT_EQ(name.rfind(id, 0), 0u) << where << " does not start with its claim id " << id;
      EXPECT_NE(field_text(f, "description").find(id), std::string::npos) << where;
      if (stem == "claims") {
        // The label says the verdict; the point and the label are in its colour.
        EXPECT_EQ(name.substr(name.size() - verdict.size() - 2), ": " + verdict) << where;
        EXPECT_NE(style.find("SYMBOL("), std::string::npos) << where << ": " << style;
        EXPECT_NE(style.find("c:" + colour + "FF"), std::string::npos) << where << ": " << style;
        EXPECT_NE(style.find("LABEL(c:" + colour + "FF)"), std::string::npos) << where << ": " << style;
      } else if (stem == "evidence") {
        EXPECT_NE(style.find("PEN(c:" + colour + "FF"), std::string::npos) << where << ": " << style;
      } else {
        // Zones: the edge in the verdict colour, the fill in it a quarter opaque; a large zone
        // (over 200 km across, layers/ProjectTree.hpp) unfilled. The seed zones are either
        // under 1° (< 111 km) or over 3° (> 330 km) of latitude and longitude across.
        EXPECT_NE(style.find("PEN(c:" + colour + "FF"), std::string::npos) << where << ": " << style;
        const double across_deg = std::max(e.MaxX - e.MinX, e.MaxY - e.MinY);
        ASSERT_TRUE(across_deg < 1 || across_deg > 3) << where << ": " << across_deg << "° across";
        const std::string fill = across_deg > 3 ? "00)" : "40)";
        EXPECT_NE(style.find("BRUSH(fc:" + colour + fill), std::string::npos) << where << ": " << style;
      }
    }
  }
  EXPECT_GE(layers_found, 3) << "a seed job has claims, evidence and zones at least";
  kmz.reset();
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Seed, SeedKmz, ::testing::Values("ayyash-2015", "deir-ez-zor-2016", "al-jinah-2017"),
                         [](const auto& p) {
                           std::string n = p.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

// A disc round a place 1 km west of 180° crosses it: in the KMZ it is two polygons, each within
// ±180° and a few km wide, not a band round the globe (what a ring from 179.99° to -179.99°
// becomes in a viewer that takes the long way).
TEST(Kmz, ZoneAcrossTheAntimeridianIsCutThere) {
  const fs::path dir = test::scratch_path("kmz-antimeridian");
  fs::create_directories(dir);
  std::ofstream(dir / "job.gcl") << "place east at 10, 179.99\n"
                                    "place west at 10.001, -179.995\n"
                                    "claim near: west within 5 km of east\n";
  std::string err;
  ASSERT_EQ(test::run_to(dir / "job.gcl", dir / "out", err), app::kOk) << err;
  Dataset kmz = open_vector(dir / "out" / "results.kmz");
  ASSERT_TRUE(kmz);
  OGRLayerH zones = GDALDatasetGetLayerByName(kmz.get(), "zones");
  ASSERT_NE(zones, nullptr);
  ASSERT_EQ(OGR_L_GetFeatureCount(zones, TRUE), 1);
  OGR_L_ResetReading(zones);
  OGRFeatureH f = OGR_L_GetNextFeature(zones);
  ASSERT_NE(f, nullptr);
  OGRGeometryH g = OGR_F_GetGeometryRef(f);
  ASSERT_EQ(wkbFlatten(OGR_G_GetGeometryType(g)), wkbMultiPolygon);
  ASSERT_EQ(OGR_G_GetGeometryCount(g), 2);
  bool east_part = false, west_part = false;
  for (int i = 0; i < 2; ++i) {
    OGREnvelope e;
    OGR_G_GetEnvelope(OGR_G_GetGeometryRef(g, i), &e);
    EXPECT_LT(e.MaxX - e.MinX, 0.1) << "part " << i << " spans " << e.MinX << " to " << e.MaxX;
    east_part |= e.MaxX == 180.0 && e.MinX > 179.9;
    west_part |= e.MinX == -180.0 && e.MaxX < -179.9;
  }
  EXPECT_TRUE(east_part && west_part) << "the disc is not cut at 180°";
  OGR_F_Destroy(f);
  kmz.reset();
  fs::remove_all(dir);
}

// libkml takes time growing with the square of a layer's size to write it (2,000 evidence lines
// took 190 s; a PostGIS test of 10,050 points timed out): the KMZ holds at most 50 evidence
// lines per claim, the representative one among them, and the GeoJSON layer holds them all.
TEST(Kmz, EvidenceIsCappedPerClaim) {
  const fs::path dir = test::scratch_path("kmz-cap");
  fs::create_directories(dir);
  {
    std::ofstream csv(dir / "points.csv");
    csv << "id,lat,lon\n";
    for (int i = 1; i <= 60; ++i) csv << i << ",35.0," << 40 + i * 0.001 << "\n";
  }
  std::ofstream(dir / "job.gcl") << "load pts from \"" << (dir / "points.csv").string()
                                 << "\"\nplace p at 35.0, 40.2\nclaim near: every pts within 100 km of p\n";
  std::string err;
  ASSERT_EQ(test::run_to(dir / "job.gcl", dir / "out", err), app::kOk) << err;
  EXPECT_EQ(geojson_count(dir / "out", "evidence"), 60);
  Dataset kmz = open_vector(dir / "out" / "results.kmz");
  ASSERT_TRUE(kmz);
  OGRLayerH evidence = GDALDatasetGetLayerByName(kmz.get(), "evidence");
  ASSERT_NE(evidence, nullptr);
  EXPECT_EQ(OGR_L_GetFeatureCount(evidence, TRUE), 50);
  kmz.reset();
  fs::remove_all(dir);
}

// libkml writes text as it is (in CDATA when it holds markup): "]]>", a control character or a
// byte that is not UTF-8 in a quote (a reported-claims table can hold any of them) made the
// whole layer unreadable ("not well-formed"). They are made safe, and the rest is kept.
TEST(Kmz, TextThatWouldBreakTheXmlIsMadeSafe) {
  Layer claims("claims", {},
               {{"claim_id", Field::Type::string}, {"verdict", Field::Type::string}, {"quote", Field::Type::string}});
  const std::string quote = "they said \"<b>x</b>\" ]]> & then\x01 \xff\xfe end, \xC3\xA9t\xC3\xA9\n";
  claims.add(Feature{"1", 1, make_point(GeoPoint::from_lon_lat(40, 35)), 0, {"c", "supported", quote}});
  const layers::KmlLayer kml = layers::kml_layer(claims, layers::StyleKind::claims);
  const fs::path path = test::scratch_path("kmz-text.kmz");
  io::write_kmz({{&kml.layer, &kml.styles}}, "t", path.string());
  Dataset kmz = open_vector(path);
  ASSERT_TRUE(kmz);
  OGRLayerH layer = GDALDatasetGetLayerByName(kmz.get(), "claims");
  ASSERT_NE(layer, nullptr);
  OGR_L_ResetReading(layer);
  OGRFeatureH f = OGR_L_GetNextFeature(layer);
  ASSERT_NE(f, nullptr) << "the layer does not read back";
  EXPECT_EQ(field_text(f, "quote"),
            "they said \"<b>x</b>\" ]] > & then\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD end, \xC3\xA9t\xC3\xA9\n");
  // The balloon is HTML: the quote's markup is shown, not obeyed.
  EXPECT_NE(field_text(f, "description").find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos)
      << field_text(f, "description");
  EXPECT_EQ(field_text(f, "Name"), "c: supported");
  OGR_F_Destroy(f);
  kmz.reset();
  fs::remove(path);
}

}  // namespace
}  // namespace geoclaim
