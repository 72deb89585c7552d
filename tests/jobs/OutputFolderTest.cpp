// What a job writes, checked the way a reader would: every GeoJSON read back by GDAL (valid,
// RFC 7946), the QGIS files well-formed and naming only files that exist, runs byte-identical
// but for the run time, and the folder written whole or not at all.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <tinyxml2.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "app/Commands.hpp"
#include "engine/Errors.hpp"
#include "io/GdalErrors.hpp"
#include "io/OutputFolder.hpp"
#include "tests/TestSupport.hpp"
#include "tests/jobs/RunJob.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

using test::run_to;

fs::path run_seed(const std::string& job, const fs::path& out) {
  std::string err;
  EXPECT_EQ(run_to("scripts/" + job + ".gcl", out.string(), err), app::kOk) << err;
  return out;
}

/// 1 point, 2 line, 3 polygon, single or multi alike (QGIS keeps them in one layer).
int family_of(OGRwkbGeometryType t) {
  if (t == wkbMultiPoint) return 1;
  if (t == wkbMultiLineString) return 2;
  if (t == wkbMultiPolygon) return 3;
  return static_cast<int>(t);
}

/// Signed area of a ring in lon/lat (positive: counter-clockwise).
double signed_area(OGRGeometryH ring) {
  double a = 0;
  const int n = OGR_G_GetPointCount(ring);
  for (int i = 0; i + 1 < n; ++i)
    a += OGR_G_GetX(ring, i) * OGR_G_GetY(ring, i + 1) - OGR_G_GetX(ring, i + 1) * OGR_G_GetY(ring, i);
  return a / 2;
}

void check_rings(OGRGeometryH g, const std::string& where) {
  const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
  if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) check_rings(OGR_G_GetGeometryRef(g, i), where);
  } else if (type == wkbPolygon) {
    for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
      const double area = signed_area(OGR_G_GetGeometryRef(g, r));
      if (r == 0) {
        EXPECT_GT(area, 0) << where << ": exterior ring is not counter-clockwise";
      } else {
        EXPECT_LT(area, 0) << where << ": hole is not clockwise";
      }
    }
  }
}

/// Every coordinate written with at most 7 decimals, and no `crs` member.
void check_text(const std::string& path) {
  const std::string text = test::read_file(path);
  EXPECT_EQ(text.find("\"crs\""), std::string::npos) << path;
  static const std::regex long_decimal(R"([-\d]\.\d{8,})");
  // Each geometry's "coordinates" member runs to the closing brace of its geometry object.
  for (size_t pos = text.find("\"coordinates\""); pos != std::string::npos;
       pos = text.find("\"coordinates\"", pos + 1)) {
    const std::string coords = text.substr(pos, text.find('}', pos) - pos);
    std::smatch m;
    EXPECT_FALSE(std::regex_search(coords, m, long_decimal)) << path << ": " << m.str();
  }
}

TEST(OutputFolder, EveryGeoJsonReadsBackValidAndRfc7946) {
  for (const char* job : {"ayyash-2015", "deir-ez-zor-2016", "al-jinah-2017"}) {
    const fs::path out = run_seed(job, test::scratch_path(job));
    int files = 0;
    for (const auto& e : fs::directory_iterator(out)) {
      if (e.path().extension() != ".geojson") continue;
      ++files;
      check_text(e.path().string());
      GDALDatasetH ds = GDALOpenEx(e.path().c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
      ASSERT_TRUE(ds) << e.path();
      ASSERT_EQ(GDALDatasetGetLayerCount(ds), 1) << e.path();
      OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
      std::set<int> types;
      while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        const std::string where = e.path().filename().string() + " feature " + std::to_string(OGR_F_GetFID(f));
        EXPECT_TRUE(g) << where;
        if (g) {
          EXPECT_TRUE(OGR_G_IsValid(g)) << where;
          types.insert(family_of(wkbFlatten(OGR_G_GetGeometryType(g))));
          check_rings(g, where);
          OGREnvelope env;
          OGR_G_GetEnvelope(g, &env);
          EXPECT_LE(std::fabs(env.MaxY), 90.0) << where << ": latitude in y (lon/lat order)";
        }
        OGR_F_Destroy(f);
      }
      EXPECT_LE(types.size(), 1u) << e.path() << " mixes geometry types";
      GDALClose(ds);
    }
    EXPECT_GE(files, 5) << job;
    fs::remove_all(out);
  }
}

TEST(OutputFolder, ClaimsCarryTheDesignedProperties) {
  const fs::path out = run_seed("ayyash-2015", test::scratch_path("props"));
  GDALDatasetH ds = GDALOpenEx((out / "claims.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_TRUE(ds);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(GDALDatasetGetLayer(ds, 0));
  for (const char* field : {"claim_id", "verdict", "measured_m", "claimed_min_m", "claimed_max_m", "margin_m",
                            "bearing_deg", "claimed_direction", "inside_share", "quote", "source"})
    EXPECT_GE(OGR_FD_GetFieldIndex(defn, field), 0) << field;
  EXPECT_EQ(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, OGR_FD_GetFieldIndex(defn, "measured_m"))), OFTReal);
  GDALClose(ds);
  fs::remove_all(out);
}

TEST(OutputFolder, QgisFilesAreWellFormedAndNameOnlyFilesThatExist) {
  const fs::path out = run_seed("al-jinah-2017", test::scratch_path("qgis"));
  int styles = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() == ".geojson") {
      EXPECT_TRUE(fs::exists(fs::path(e.path()).replace_extension(".qml"))) << e.path() << " has no style";
    }
    if (e.path().extension() != ".qml") continue;
    ++styles;
    tinyxml2::XMLDocument doc;
    ASSERT_EQ(doc.LoadFile(e.path().c_str()), tinyxml2::XML_SUCCESS) << e.path();
    ASSERT_TRUE(doc.FirstChildElement("qgis")) << e.path();
    EXPECT_TRUE(doc.FirstChildElement("qgis")->FirstChildElement("renderer-v2")) << e.path();
  }
  EXPECT_GE(styles, 5);
  tinyxml2::XMLDocument project;
  ASSERT_EQ(project.LoadFile((out / "project.qgs").c_str()), tinyxml2::XML_SUCCESS);
  const auto* layers = project.FirstChildElement("qgis")->FirstChildElement("projectlayers");
  ASSERT_TRUE(layers);
  for (auto* l = layers->FirstChildElement("maplayer"); l; l = l->NextSiblingElement("maplayer")) {
    const std::string source = l->FirstChildElement("datasource")->GetText();
    const std::string file = source.substr(0, source.find('|'));  // without a |subset= filter
    EXPECT_TRUE(fs::exists(out / file)) << source;
  }
  // At the root of the layer tree (the groups follow): points on top, zones at the bottom.
  std::vector<std::string> order;
  const auto* tree = project.FirstChildElement("qgis")->FirstChildElement("layer-tree-group");
  ASSERT_TRUE(tree);
  for (auto* l = tree->FirstChildElement("layer-tree-layer"); l; l = l->NextSiblingElement("layer-tree-layer"))
    order.push_back(l->Attribute("name"));
  ASSERT_GE(order.size(), 4u);
  EXPECT_EQ(order.front(), "claim_labels");
  EXPECT_EQ(order[1], "claims");
  EXPECT_EQ(order.back(), "zones");
  fs::remove_all(out);
}

TEST(OutputFolder, RunsAreByteIdenticalButForTheRunTime) {
  const fs::path a = run_seed("deir-ez-zor-2016", test::scratch_path("det-a"));
  const fs::path b = run_seed("deir-ez-zor-2016", test::scratch_path("det-b"));
  static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  int compared = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    const std::string name = e.path().filename().string();
    ASSERT_TRUE(fs::exists(b / name)) << name;
    std::string ta = test::read_file(e.path().string()), tb = test::read_file((b / name).string());
    if (name == "report.md" || name == "report.json" || name == "report.html") {
      ta = std::regex_replace(ta, time, "T"), tb = std::regex_replace(tb, time, "T");
    }
    EXPECT_EQ(ta, tb) << name;
    ++compared;
  }
  EXPECT_GE(compared, 15);
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(OutputFolder, GeoPackageRunsAreByteIdenticalAndHoldStyles) {
  // The al-Jinah job asking for a GeoPackage, run twice into two folders (-o keeps the format).
  const fs::path job = test::scratch_path("gpkg.gcl");
  std::string text = test::read_file("scripts/al-jinah-2017.gcl");
  text = std::regex_replace(text, std::regex(R"(report to "out/al-jinah-2017")"),
                            "report to \"out/al-jinah-2017\" as gpkg");
  std::ofstream(job) << text;
  auto run_gpkg = [&job](const fs::path& out) {
    std::string err;
    EXPECT_EQ(run_to(job, out, err), app::kOk) << err;
  };
  const fs::path a = test::scratch_path("gpkg-a"), b = test::scratch_path("gpkg-b");
  run_gpkg(a);
  run_gpkg(b);
  // Compared as a bool: a binary diff helps nobody in a test log.
  EXPECT_TRUE(test::read_file((a / "results.gpkg").string()) == test::read_file((b / "results.gpkg").string()))
      << "the two GeoPackages differ";
  GDALDatasetH ds = GDALOpenEx((a / "results.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_TRUE(ds);
  OGRLayerH styles = GDALDatasetGetLayerByName(ds, "layer_styles");
  ASSERT_TRUE(styles);
  EXPECT_GE(OGR_L_GetFeatureCount(styles, TRUE), 5);
  EXPECT_TRUE(GDALDatasetGetLayerByName(ds, "claims"));
  GDALClose(ds);
  EXPECT_TRUE(fs::exists(a / "results.kmz")) << "a GeoPackage folder has its KMZ too";
  fs::remove_all(a);
  fs::remove_all(b);
  fs::remove(job);
}

TEST(OutputFolder, LayerNamesDifferingOnlyInCaseGetTheirOwnTables) {
  const fs::path job = test::scratch_path("case.gcl");
  std::ofstream(job) << "load s from \"testdata/formats/points.geojson\"\n"
                     << "load S from \"testdata/formats/lines.geojson\"\n"
                     << "load Claims from \"testdata/formats/polygons.geojson\"\n";
  const fs::path out = test::scratch_path("case");
  std::string err;
  ASSERT_EQ(run_to(job.string(), out.string(), err), app::kOk) << err;
  EXPECT_TRUE(fs::exists(out / "s.geojson"));
  EXPECT_TRUE(fs::exists(out / "S_2.geojson"));
  EXPECT_TRUE(fs::exists(out / "Claims_input.geojson"));
  fs::remove_all(out);
  fs::remove(job);
}

TEST(OutputFolder, AFailingJobLeavesTheEarlierResultUntouched) {
  const fs::path out = run_seed("ayyash-2015", test::scratch_path("atomic"));
  const std::string before = test::read_file((out / "claims.geojson").string());
  std::string err;
  EXPECT_EQ(run_to("tests/jobs/errors/latitude-out-of-range.gcl", out.string(), err), app::kDataError) << err;
  EXPECT_EQ(test::read_file((out / "claims.geojson").string()), before);
  EXPECT_TRUE(fs::exists(out / "wells.geojson"));
  fs::remove_all(out);
}

TEST(OutputFolder, UncommittedFolderVanishesAndCommitReplacesWhole) {
  const fs::path target = test::scratch_path("commit");
  fs::create_directories(target);
  std::ofstream(target / "old.txt") << "earlier result";
  test::mark_as_result(target);
  {
    io::OutputFolder folder(target.string());
    std::ofstream(folder.file("new.txt")) << "half-written";
    // destroyed without commit: an error happened mid-write
  }
  EXPECT_TRUE(fs::exists(target / "old.txt"));
  EXPECT_FALSE(fs::exists(target / "new.txt"));
  for (const auto& e : fs::directory_iterator(target.parent_path()))
    EXPECT_EQ(e.path().filename().string().find("." + target.filename().string() + ".partial"), std::string::npos);
  {
    io::OutputFolder folder(target.string());
    std::ofstream(folder.file("new.txt")) << "whole";
    folder.commit();
  }
  EXPECT_FALSE(fs::exists(target / "old.txt"));
  EXPECT_EQ(test::read_file((target / "new.txt").string()), "whole");
  fs::remove_all(target);
}

// Issue 8: "out" (no slash) has an empty parent path, which is the working folder, not a
// folder to create; it failed with "cannot create the folder ''" when "out" did not exist yet.
TEST(OutputFolder, BareFolderNameIsCreatedInTheWorkingFolder) {
  const fs::path dir = test::scratch_path("bare");
  fs::create_directories(dir);
  const fs::path cwd = fs::current_path();
  fs::current_path(dir);
  try {
    io::OutputFolder folder("out");
    std::ofstream(folder.file("report.json")) << "{}";  // any file: the folder is new
    folder.commit();
  } catch (const DataError& e) {
    ADD_FAILURE() << e.what();
  }
  fs::current_path(cwd);
  EXPECT_TRUE(fs::exists(dir / "out" / "report.json"));
  fs::remove_all(dir);
}

TEST(OutputFolder, NeverReplacesAFolderThatIsNotAnEarlierResult) {
  const fs::path target = test::scratch_path("not-a-result");
  fs::create_directories(target);
  std::ofstream(target / "notes.txt") << "someone's notes";
  EXPECT_THROW(io::OutputFolder folder(target.string()), DataError);
  EXPECT_EQ(test::read_file((target / "notes.txt").string()), "someone's notes");
  // Nor one that holds the job's own inputs.
  fs::copy_file("testdata/ayyash-2015/oil-wells.geojson", target / "wells.geojson");
  fs::remove(target / "notes.txt");
  const fs::path job = target.string() + ".gcl";
  std::ofstream(job) << "load wells from \"" << (target / "wells.geojson").string() << "\"\n";
  std::string err;
  EXPECT_EQ(run_to(job.string(), target.string(), err), app::kDataError) << err;
  EXPECT_NE(err.find("it holds the input"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(target / "wells.geojson"));
  fs::remove_all(target);
  fs::remove(job);
}

TEST(OutputFolder, MixedInputIsWrittenOneFilePerGeometryType) {
  const fs::path job = test::scratch_path("mixed.gcl");
  // A layer named like the mixed layer's point file must not overwrite it.
  std::ofstream(job) << "load mixed from \"testdata/formats/mixed.geojson\"\n"
                     << "load mixed_point from \"testdata/formats/lines.geojson\"\n";
  const fs::path out = test::scratch_path("mixed");
  std::string err;
  ASSERT_EQ(run_to(job.string(), out.string(), err), app::kOk) << err;
  EXPECT_FALSE(fs::exists(out / "mixed.geojson"));
  EXPECT_TRUE(fs::exists(out / "mixed_point_2.geojson"));  // the second layer, renamed
  // The collection's point goes with the points, its polygon with the polygons.
  for (const auto& [file, expected] : {std::pair{"mixed_point.geojson", 2}, std::pair{"mixed_polygon.geojson", 2}}) {
    GDALDatasetH ds = GDALOpenEx((out / file).c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_TRUE(ds) << file;
    EXPECT_EQ(OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds, 0), TRUE), expected) << file;
    GDALClose(ds);
  }
  // No claims: no empty result layers either.
  EXPECT_FALSE(fs::exists(out / "evidence.geojson"));
  EXPECT_FALSE(fs::exists(out / "claims.geojson"));
  EXPECT_FALSE(fs::exists(out / "zones.geojson"));
  EXPECT_TRUE(fs::exists(out / "project.qgs"));
  fs::remove_all(out);
  fs::remove(job);
}

// More than 10,000 footprints: the folder keeps only the footprints a result names, and the
// project also references the whole FlatGeobuf, which QGIS opens directly.
TEST(OutputFolder, LargeInputIsWrittenInPartAndReferencedWhole) {
  const fs::path dir = test::scratch_path("large");
  fs::create_directories(dir);
  const fs::path fgb = dir / "footprints.fgb";
  io::ensure_gdal();
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("FlatGeobuf"), fgb.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  ASSERT_TRUE(ds);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "footprints", srs, wkbPolygon, nullptr);
  for (int i = 0; i < 10050; ++i) {  // 10 m squares on a 0.0005° grid, 101 to a row
    const double lon = 40.0 + (i % 101) * 0.0005, lat = 35.0 + (i / 101) * 0.0005;
    const std::string wkt = "POLYGON((" + std::to_string(lon) + " " + std::to_string(lat) + "," +
                            std::to_string(lon + 0.0001) + " " + std::to_string(lat) + "," +
                            std::to_string(lon + 0.0001) + " " + std::to_string(lat + 0.0001) + "," +
                            std::to_string(lon) + " " + std::to_string(lat + 0.0001) + "," + std::to_string(lon) + " " +
                            std::to_string(lat) + "))";
    OGRGeometryH g = nullptr;
    char* p = const_cast<char*>(wkt.c_str());
    ASSERT_EQ(OGR_G_CreateFromWkt(&p, srs, &g), OGRERR_NONE);
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetGeometryDirectly(f, g);
    ASSERT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  OSRDestroySpatialReference(srs);

  const fs::path job = dir / "job.gcl";
  std::ofstream(job) << "load footprints from \"" << fgb.string() << "\"\n"
                     << "place strike at 35.00005, 40.00005 uncertainty 3 m\n"
                     << "claim hit: strike inside footprints\n";
  const fs::path out = dir / "out";
  std::string err;
  ASSERT_EQ(run_to(job.string(), out.string(), err), app::kOk) << err;
  GDALDatasetH written = GDALOpenEx((out / "footprints.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_TRUE(written);
  EXPECT_EQ(OGR_L_GetFeatureCount(GDALDatasetGetLayer(written, 0), TRUE), 1);  // the one hit
  GDALClose(written);
  tinyxml2::XMLDocument project;
  ASSERT_EQ(project.LoadFile((out / "project.qgs").c_str()), tinyxml2::XML_SUCCESS);
  bool referenced = false;
  for (auto* l = project.FirstChildElement("qgis")->FirstChildElement("projectlayers")->FirstChildElement("maplayer");
       l; l = l->NextSiblingElement("maplayer"))
    if (std::string(l->FirstChildElement("layername")->GetText()) == "footprints (whole source)") {
      referenced = true;
      EXPECT_TRUE(fs::equivalent(out / l->FirstChildElement("datasource")->GetText(), fgb));
    }
  EXPECT_TRUE(referenced);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace geoclaim
