// geoclaim's own output is input like any other (issue 8: reloading an input copy failed with
// "cannot finish '…/fp.geojson': Invalid index : 4", as the copy already had `geoclaim_hit`
// and got a second one). Every seed job (scripts/*.gcl) is run into a scratch folder, as
// GeoJSON and as a GeoPackage; then
//   - every layer written (each .geojson, each table of results.gpkg) is loaded by a job of its
//     own, which must run and write its copy with as many features as the file holds;
//   - the seed job is run again with each `load` reading its own input copy instead of the
//     original: the verdicts, the features they name and the counts must be the same, and the
//     figures too, within the 7 decimals (about 1 cm) GeoJSON coordinates are written with.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include "app/Commands.hpp"
#include "io/GdalErrors.hpp"
#include "tests/TestSupport.hpp"
#include "tests/jobs/RunJob.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> seed_jobs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_path("scripts")))
    if (e.path().extension() == ".gcl") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

using test::run_to;

/// `text` with each line that `pattern` matches replaced by `replace(match)`.
template <class Replace>
std::string replace_lines(const std::string& text, const std::regex& pattern, Replace replace) {
  std::istringstream in(text);
  std::string out, line;
  std::smatch m;
  while (std::getline(in, line)) out += (std::regex_search(line, m, pattern) ? replace(m) : line) + "\n";
  return out;
}

/// The seed job's text with its `report to` folders replaced by one GeoPackage folder.
std::string as_gpkg_job(const std::string& text, const fs::path& out) {
  static const std::regex report(R"(^report to "[^"]*".*$)");
  return replace_lines(text, report, [&](const std::smatch&) { return "report to \"" + out.string() + "\" as gpkg"; });
}

/// The layers a result folder holds, as `load` sources: each GeoJSON file, each GeoPackage
/// table but QGIS's styles.
struct Written {
  std::string path;
  std::optional<std::string> layer;
  std::string label() const { return path + (layer ? "|" + *layer : ""); }
};

std::vector<Written> written_layers(const fs::path& out) {
  std::vector<Written> layers;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() == ".geojson") layers.push_back({e.path().string(), std::nullopt});
    if (e.path().extension() != ".gpkg") continue;
    GDALDatasetH ds = GDALOpenEx(e.path().c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    EXPECT_TRUE(ds) << e.path();
    if (!ds) continue;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
      const std::string name = OGR_L_GetName(GDALDatasetGetLayer(ds, i));
      if (name != "layer_styles") layers.push_back({e.path().string(), name});
    }
    GDALClose(ds);
  }
  std::sort(layers.begin(), layers.end(), [](const Written& a, const Written& b) { return a.label() < b.label(); });
  return layers;
}

/// Features in a layer, as GDAL counts them; -1 when it does not open.
long long feature_count(const std::string& path, const std::optional<std::string>& layer) {
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  if (!ds) return -1;
  OGRLayerH l = layer ? GDALDatasetGetLayerByName(ds, layer->c_str()) : GDALDatasetGetLayer(ds, 0);
  const long long n = l ? OGR_L_GetFeatureCount(l, TRUE) : -1;
  GDALClose(ds);
  return n;
}

/// Runs every seed job into `root/<job>-geojson` and `root/<job>-gpkg`.
void run_seeds(const fs::path& root) {
  for (const auto& job : seed_jobs()) {
    std::string err;
    ASSERT_EQ(run_to("scripts/" + job + ".gcl", root / (job + "-geojson"), err), app::kOk) << err;
    const fs::path gpkg_job = root / (job + "-gpkg.gcl");
    std::ofstream(gpkg_job) << as_gpkg_job(test::read_file("scripts/" + job + ".gcl"), root / (job + "-gpkg"));
    std::ostringstream o, e;
    app::RunOptions opts;
    opts.job = gpkg_job.string();
    ASSERT_EQ(app::run_job(opts, o, e), app::kOk) << e.str();
    ASSERT_TRUE(fs::exists(root / (job + "-gpkg") / "results.gpkg"));
  }
}

TEST(RoundTrip, EveryLayerGeoclaimWritesLoadsBackWithAllItsFeatures) {
  io::ensure_gdal();
  const fs::path root = test::scratch_path("round-trip");
  run_seeds(root);
  int checked = 0;
  for (const auto& job : seed_jobs())
    for (const char* format : {"-geojson", "-gpkg"})
      for (const Written& w : written_layers(root / (job + format))) {
        const long long count = feature_count(w.path, w.layer);
        ASSERT_GT(count, 0) << w.label();
        const fs::path reload = root / "reload.gcl";
        std::ofstream(reload) << "load x from \"" << w.path << "\"" << (w.layer ? " layer \"" + *w.layer + "\"" : "")
                              << "\n";
        std::string err;
        ASSERT_EQ(run_to(reload, root / "reloaded", err), app::kOk) << w.label() << ": " << err;
        EXPECT_EQ(feature_count((root / "reloaded" / "x.geojson").string(), std::nullopt), count) << w.label();
        ++checked;
      }
  // claims, zones, evidence and the inputs of three jobs, twice: a folder that silently wrote
  // fewer layers would test less.
  EXPECT_GE(checked, 40);
  fs::remove_all(root);
}

/// The claims of a claims.geojson, by position: the properties that must not change, and the
/// figures that may move by the rounding of the copies' coordinates.
struct ClaimRow {
  std::string fixed;  ///< claim id, verdict, subject and object features, feature counts
  std::vector<double> figures;
};

std::vector<ClaimRow> claim_rows(const fs::path& file) {
  const auto doc = nlohmann::json::parse(test::read_file(file.string()));
  std::vector<ClaimRow> rows;
  for (const auto& f : doc.at("features")) {
    const auto& p = f.at("properties");
    ClaimRow r;
    for (const char* k : {"claim_id", "verdict", "subject_feature", "object_feature", "features_supported",
                          "features_contradicted", "features_inconclusive"})
      r.fixed += std::string(k) + "=" + p.at(k).dump() + " ";
    for (const char* k : {"measured_m", "margin_m", "uncertainty_m"})
      r.figures.push_back(p.at(k).is_null() ? NAN : p.at(k).get<double>());
    rows.push_back(std::move(r));
  }
  return rows;
}

/// The job with each `load NAME from "PATH"` reading NAME's copy in `out` instead.
std::string reading_copies(const std::string& text, const fs::path& out, bool gpkg) {
  static const std::regex load(R"re(^load ([A-Za-z_][A-Za-z0-9_]*) +from "[^"]*")re");
  return replace_lines(text, load, [&](const std::smatch& m) {
    const std::string name = m[1];
    const std::string source =
        gpkg ? (out / "results.gpkg").string() + "\" layer \"" + name : (out / (name + ".geojson")).string();
    return "load " + name + " from \"" + source + "\"" + m.suffix().str();
  });
}

TEST(RoundTrip, SeedJobsOnTheirOwnInputCopiesGiveTheSameVerdicts) {
  io::ensure_gdal();
  const fs::path root = test::scratch_path("rerun");
  run_seeds(root);
  for (const auto& job : seed_jobs())
    for (const bool gpkg : {false, true}) {
      const fs::path first = root / (job + (gpkg ? "-gpkg" : "-geojson"));
      const std::string text = test::read_file("scripts/" + job + ".gcl");
      const std::string again_text = reading_copies(text, first, gpkg);
      ASSERT_NE(again_text, text) << job << ": no load was redirected";
      const fs::path again = root / (job + "-again.gcl");
      std::ofstream(again) << again_text;
      std::string err;
      ASSERT_EQ(run_to(again, root / "again", err), app::kOk) << job << ": " << err;
      const auto before = claim_rows(root / (job + "-geojson") / "claims.geojson");
      const auto after = claim_rows(root / "again" / "claims.geojson");
      ASSERT_EQ(after.size(), before.size()) << job;
      // GeoJSON copies hold coordinates to 7 decimals (≤ 1.1 cm); a GeoPackage keeps doubles.
      const double tolerance_m = gpkg ? 0.001 : 0.02;
      for (size_t i = 0; i < before.size(); ++i) {
        const std::string where = job + (gpkg ? " (gpkg) " : " (geojson) ") + before[i].fixed;
        EXPECT_EQ(after[i].fixed, before[i].fixed) << where;
        for (size_t k = 0; k < before[i].figures.size(); ++k) {
          if (std::isnan(before[i].figures[k])) {
            EXPECT_TRUE(std::isnan(after[i].figures[k])) << where;
          } else {
            EXPECT_NEAR(after[i].figures[k], before[i].figures[k], tolerance_m) << where << " figure " << k;
          }
        }
      }
      // Attribution: each point's status and footprint.
      const fs::path attribution = root / (job + "-geojson") / "attribution.geojson";
      if (fs::exists(attribution)) {
        auto statuses = [](const fs::path& file) {
          std::vector<std::string> out;
          const auto doc = nlohmann::json::parse(test::read_file(file.string()));  // outlives the loop
          for (const auto& f : doc.at("features")) {
            const auto& p = f.at("properties");
            out.push_back(p.at("subject_feature").dump() + " " + p.at("status").dump() + " " +
                          p.at("footprint").dump());
          }
          return out;
        };
        EXPECT_FALSE(statuses(attribution).empty()) << job;
        EXPECT_EQ(statuses(root / "again" / "attribution.geojson"), statuses(attribution)) << job;
      }
    }
  fs::remove_all(root);
}

// A GeoPackage table has its own FID and geometry columns, "fid" and "geom": an input with
// fields of those names (a text "fid" from a GeoJSON) is written with other column names,
// keeping the fields, where GDAL refused it ("Wrong field type for fid").
TEST(RoundTrip, FieldsNamedLikeTheGeoPackageColumnsAreWrittenAndReadBack) {
  io::ensure_gdal();
  const fs::path dir = test::scratch_path("gpkg-names");
  fs::create_directories(dir);
  std::ofstream(dir / "in.geojson") << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
    "properties": {"fid": "a-7", "geom": "point"}, "geometry": {"type": "Point", "coordinates": [40, 35]}}]})";
  std::ofstream(dir / "job.gcl") << "load x from \"" << (dir / "in.geojson").string() << "\"\n"
                                 << "report to \"" << (dir / "out").string() << "\" as gpkg\n";
  std::ostringstream o, e;
  app::RunOptions opts;
  opts.job = (dir / "job.gcl").string();
  ASSERT_EQ(app::run_job(opts, o, e), app::kOk) << e.str();
  std::ofstream(dir / "reload.gcl") << "load y from \"" << (dir / "out" / "results.gpkg").string()
                                    << "\" layer \"x\"\nselect a7 from y where fid = \"a-7\" and geom = \"point\"\n";
  std::string err;
  ASSERT_EQ(run_to(dir / "reload.gcl", dir / "again", err), app::kOk) << err;
  EXPECT_EQ(feature_count((dir / "again" / "a7.geojson").string(), std::nullopt), 1);
  fs::remove_all(dir);
}

// An input copy is the input: a real attribute keeps every digit (GeoJSON was written with 15
// significant figures, so a 16-digit value came back another double).
TEST(RoundTrip, RealAttributesOfInputCopiesKeepEveryDigit) {
  io::ensure_gdal();
  const fs::path dir = test::scratch_path("real-digits");
  fs::create_directories(dir);
  std::ofstream(dir / "in.csv") << "lat,lon,v\n35,40,35.38345066190625\n35,40,1499.93\n";
  std::ofstream(dir / "job.gcl") << "load x from \"" << (dir / "in.csv").string() << "\"\n";
  std::string err;
  ASSERT_EQ(run_to(dir / "job.gcl", dir / "out", err), app::kOk) << err;
  GDALDatasetH ds = GDALOpenEx((dir / "out" / "x.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_TRUE(ds);
  OGRLayerH l = GDALDatasetGetLayer(ds, 0);
  std::vector<double> values;
  while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
    values.push_back(OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "v")));
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  EXPECT_EQ(values, (std::vector<double>{35.38345066190625, 1499.93}));
  // and still written as a person reads it
  EXPECT_NE(test::read_file((dir / "out" / "x.geojson").string()).find("\"v\": 1499.93 "), std::string::npos);
  fs::remove_all(dir);
}

/// The `subject_feature` of each row of a claims.geojson.
std::vector<std::string> subject_features(const fs::path& claims) {
  std::vector<std::string> out;
  const auto doc = nlohmann::json::parse(test::read_file(claims.string()));  // outlives the loop
  for (const auto& f : doc.at("features")) out.push_back(f.at("properties").at("subject_feature").get<std::string>());
  return out;
}

// Source keys survive the copy: a copy is written with them as GeoJSON feature ids or
// GeoPackage fids, so the copy loaded again names its features as the source did.
TEST(RoundTrip, InputCopiesKeepTheSourcesKeys) {
  const fs::path dir = test::scratch_path("keys");
  fs::create_directories(dir);
  std::ofstream(dir / "in.geojson") << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": 10, "properties": {}, "geometry": {"type": "Point", "coordinates": [40.1, 35]}},
    {"type": "Feature", "id": 20, "properties": {}, "geometry": {"type": "Point", "coordinates": [40.2, 35]}},
    {"type": "Feature", "id": 35, "properties": {}, "geometry": {"type": "Point", "coordinates": [40.3, 35]}}]})";
  const std::vector<std::string> keys{"10", "20", "35"};
  auto run = [&](const fs::path& source, const std::string& layer, const std::string& format, const fs::path& out) {
    std::ofstream(dir / "job.gcl") << "load sites from \"" << source.string() << "\"" << layer << "\n"
                                   << "place p at 35, 40.2\nclaim c: each sites within 100 km of p\n"
                                   << "report to \"" << out.string() << "\"" << format << "\n";
    std::ostringstream o, e;
    app::RunOptions opts;
    opts.job = (dir / "job.gcl").string();
    EXPECT_EQ(app::run_job(opts, o, e), app::kOk) << e.str();
  };
  run(dir / "in.geojson", "", "", dir / "first");
  EXPECT_EQ(subject_features(dir / "first" / "claims.geojson"), keys);
  run(dir / "first" / "sites.geojson", "", " as gpkg", dir / "second");
  // The GeoJSON copy's ids went into the GeoPackage copy's fids, and come back from them.
  run(dir / "second" / "results.gpkg", " layer \"sites\"", "", dir / "third");
  EXPECT_EQ(subject_features(dir / "third" / "claims.geojson"), keys);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace geoclaim
