// Feature ids (docs/outputs.md, Feature ids; issue 8): the `id COL` field, or the source's key
// by its name or as `fid`; else a field named `id`; else the source's key (a GeoPackage fid, a
// PostGIS primary key: tests/postgis/source_ids.sh, a GeoJSON feature id when every feature
// has one); else the 1-based feature number. The keys here are not 1, 2, 3, so a reader that
// numbered the features would fail.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>

#include "engine/Errors.hpp"
#include "io/GdalErrors.hpp"
#include "io/OgrSource.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> ids_of(const std::string& path, LoadOptions o = {}) {
  o.name = "t";
  o.path = path;
  const Layer l = io::OgrSource().load(o, {});
  std::vector<std::string> ids;
  for (const auto& f : l.features()) ids.push_back(f.id);
  return ids;
}

/// A GeoPackage of three points with the fids given, and a text field `name` (and an integer
/// field `id` holding 1, 2, 3 when `with_id_field`).
fs::path keyed_gpkg(const std::string& name, std::initializer_list<GIntBig> fids, bool with_id_field = false) {
  io::ensure_gdal();
  const fs::path path = test::scratch_path(name);
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  EXPECT_TRUE(ds);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "sites", srs, wkbPoint, nullptr);
  OGRFieldDefnH fd = OGR_Fld_Create("name", OFTString);
  OGR_L_CreateField(layer, fd, TRUE);
  OGR_Fld_Destroy(fd);
  if (with_id_field) {
    fd = OGR_Fld_Create("id", OFTInteger);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
  }
  int n = 0;
  for (GIntBig fid : fids) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetFID(f, fid);
    OGR_F_SetFieldString(f, 0, ("site " + std::to_string(fid)).c_str());
    if (with_id_field) OGR_F_SetFieldInteger(f, 1, ++n);
    OGRGeometryH g = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(g, 0, 40.0 + static_cast<double>(fid) / 1000, 35.0);
    OGR_F_SetGeometryDirectly(f, g);
    EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  OSRDestroySpatialReference(srs);
  return path;
}

fs::path geojson(const std::string& name, const std::string& features) {
  const fs::path path = test::scratch_path(name);
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [)" << features << "]}";
  return path;
}

std::string point(const std::string& id_member, double lon) {
  return R"({"type": "Feature", )" + id_member + R"("properties": {"name": "x"}, "geometry": {"type": "Point",
    "coordinates": [)" +
         std::to_string(lon) + ", 35]}}";
}

TEST(SourceIds, GeoPackageFidsAreTheIds) {
  const fs::path gpkg = keyed_gpkg("keyed.gpkg", {10, 20, 35});
  const std::vector<std::string> keys{"10", "20", "35"};
  EXPECT_EQ(ids_of(gpkg.string()), keys);
  LoadOptions o;
  o.id_col = "fid";  // the key by its name
  EXPECT_EQ(ids_of(gpkg.string(), o), keys);
  o.id_col = "name";  // a field, when the job says so
  EXPECT_EQ(ids_of(gpkg.string(), o), (std::vector<std::string>{"site 10", "site 20", "site 35"}));
  fs::remove(gpkg);
}

TEST(SourceIds, AFieldNamedIdComesBeforeTheKey) {
  const fs::path gpkg = keyed_gpkg("keyed-id.gpkg", {10, 20, 35}, /*with_id_field=*/true);
  EXPECT_EQ(ids_of(gpkg.string()), (std::vector<std::string>{"1", "2", "3"}));
  LoadOptions o;
  o.id_col = "fid";
  EXPECT_EQ(ids_of(gpkg.string(), o), (std::vector<std::string>{"10", "20", "35"}));
  fs::remove(gpkg);
}

TEST(SourceIds, AnUnknownIdColumnNamesTheKey) {
  const fs::path gpkg = keyed_gpkg("keyed-bad.gpkg", {10, 20, 35});
  LoadOptions o;
  o.id_col = "fdi";
  try {
    ids_of(gpkg.string(), o);
    ADD_FAILURE() << "no error";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              gpkg.string() + ": no column 'fdi' for the feature id (its key is 'fid') (did you mean 'fid'?)");
  }
  fs::remove(gpkg);
}

TEST(SourceIds, GeoJsonFeatureIdsAreTheIdsWhenEveryFeatureHasOne) {
  const fs::path keyed = geojson("ids.geojson", point(R"("id": 10, )", 40.1) + "," + point(R"("id": 20, )", 40.2) +
                                                    "," + point(R"("id": 35, )", 40.3));
  EXPECT_EQ(ids_of(keyed.string()), (std::vector<std::string>{"10", "20", "35"}));
  LoadOptions o;
  o.id_col = "id";
  EXPECT_EQ(ids_of(keyed.string(), o), (std::vector<std::string>{"10", "20", "35"}));
  // Ids 0, 1, 2 are GDAL's own numbering when there is no id member: told apart all the same.
  const fs::path zero = geojson("ids0.geojson", point(R"("id": 0, )", 40.1) + "," + point(R"("id": 1, )", 40.2));
  EXPECT_EQ(ids_of(zero.string()), (std::vector<std::string>{"0", "1"}));
  const fs::path none = geojson("ids-none.geojson", point("", 40.1) + "," + point("", 40.2));
  EXPECT_EQ(ids_of(none.string()), (std::vector<std::string>{"1", "2"}));
  // Some with an id, some without: GDAL numbers those itself, so the features are numbered.
  const fs::path some = geojson("ids-some.geojson", point(R"("id": 7, )", 40.1) + "," + point("", 40.2));
  EXPECT_EQ(ids_of(some.string()), (std::vector<std::string>{"1", "2"}));
  // A string id: GDAL makes it a field `id`.
  const fs::path text =
      geojson("ids-text.geojson", point(R"("id": "a7", )", 40.1) + "," + point(R"("id": "b9", )", 40.2));
  EXPECT_EQ(ids_of(text.string()), (std::vector<std::string>{"a7", "b9"}));
  // The member may come last; an "id" deeper down (in a nested property) is no feature id.
  const fs::path last = geojson("ids-last.geojson",
                                R"({"type": "Feature", "properties": {}, "geometry": {"type": "Point",
                                  "coordinates": [40, 35]}, "id": 12})");
  EXPECT_EQ(ids_of(last.string()), (std::vector<std::string>{"12"}));
  const fs::path nested = geojson("ids-nested.geojson",
                                  R"({"type": "Feature", "properties": {"sub": {"id": 12}}, "geometry":
                                    {"type": "Point", "coordinates": [40, 35]}})");
  EXPECT_EQ(ids_of(nested.string()), (std::vector<std::string>{"1"}));
  for (const auto& p : {keyed, zero, none, some, text, last, nested}) fs::remove(p);
}

TEST(SourceIds, FilesWithoutKeysAreNumbered) {
  // A Shapefile's and a CSV's FIDs are positions (0-based, record numbers), not keys.
  EXPECT_EQ(ids_of(test::source_path("testdata/formats/points.shp")), (std::vector<std::string>{"1", "2", "3"}));
  const fs::path csv = test::scratch_path("no-id.csv");
  std::ofstream(csv) << "lat,lon\n35,40\n35,40.1\n";
  EXPECT_EQ(ids_of(csv.string()), (std::vector<std::string>{"1", "2"}));
  fs::remove(csv);
}

}  // namespace
}  // namespace geoclaim
