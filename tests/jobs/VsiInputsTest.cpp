// Inputs inside an archive or in GDAL's memory files (/vsizip/, /vsimem/): `info`, `check` and
// `run` find them with GDAL's VSIStat, not std::filesystem (issue 9: `geoclaim info` said "no
// such file" of a valid /vsizip/ path), and a missing member is named with its archive.
#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/Commands.hpp"
#include "io/GdalErrors.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

/// Writes `text` as a member of a new zip, through GDAL's /vsizip/ writer.
void write_zip_member(const fs::path& zip, const std::string& member, const std::string& text) {
  io::ensure_gdal();
  const std::string path = "/vsizip/" + zip.string() + "/" + member;
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  ASSERT_EQ(VSIFWriteL(text.data(), 1, text.size(), f), text.size());
  ASSERT_EQ(VSIFCloseL(f), 0);
}

TEST(VsiInputs, InfoReadsAZipMemberAndNamesAMissingOne) {
  const fs::path dir = test::scratch_path("vsi-info");
  fs::create_directories(dir);
  const fs::path zip = dir / "points.zip";
  write_zip_member(zip, "points.geojson", test::read_file(test::source_path("testdata/formats/points.geojson")));

  std::ostringstream out, err;
  const std::string member = "/vsizip/" + zip.string() + "/points.geojson";
  ASSERT_EQ(app::info(member, out, err), app::kOk) << err.str();
  EXPECT_NE(out.str().find(member + " (GeoJSON, 1 layer)"), std::string::npos) << out.str();

  std::ostringstream out2, err2;
  EXPECT_EQ(app::info("/vsizip/" + zip.string() + "/point.geojson", out2, err2), app::kDataError);
  EXPECT_EQ(err2.str(), "cannot read '/vsizip/" + zip.string() + "/point.geojson': the archive '" + zip.string() +
                            "' has no member 'point.geojson' (it holds 'points.geojson')\n");

  std::ostringstream out3, err3;
  const std::string no_zip = "/vsizip/" + (dir / "nothere.zip").string() + "/points.geojson";
  EXPECT_EQ(app::info(no_zip, out3, err3), app::kDataError);
  EXPECT_EQ(err3.str(), "cannot read '" + no_zip + "': no such file '" + (dir / "nothere.zip").string() + "'\n");
}

TEST(VsiInputs, InfoReadsAMemoryFile) {
  io::ensure_gdal();
  const std::string text = test::read_file(test::source_path("testdata/formats/points.geojson"));
  const std::string path = "/vsimem/geoclaim-test/points.geojson";
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(text.data())),
                                     static_cast<vsi_l_offset>(text.size()), FALSE);
  ASSERT_NE(f, nullptr);
  VSIFCloseL(f);
  std::ostringstream out, err;
  EXPECT_EQ(app::info(path, out, err), app::kOk) << err.str();
  VSIUnlink(path.c_str());
  std::ostringstream out2, err2;
  EXPECT_EQ(app::info(path, out2, err2), app::kDataError);
  EXPECT_EQ(err2.str(), "no such file '" + path + "'\n");
}

TEST(VsiInputs, CheckFindsAZippedClaimsTable) {
  const fs::path dir = test::scratch_path("vsi-claims");
  fs::create_directories(dir);
  const fs::path zip = dir / "claims.zip";
  write_zip_member(zip, "reported-claims.csv",
                   test::read_file(test::source_path("testdata/claims-table/reported-claims.csv")));
  std::string job = test::read_file(test::source_path("tests/jobs/claims-table.gcl"));
  const std::string table = "testdata/claims-table/reported-claims.csv";
  job.replace(job.find(table), table.size(), "/vsizip/" + zip.string() + "/reported-claims.csv");
  const fs::path job_path = dir / "job.gcl";
  std::ofstream(job_path) << job;
  std::ostringstream out, err;
  EXPECT_EQ(app::check_job(job_path.string(), out, err), app::kOk) << err.str();
}

TEST(VsiInputs, AZippedCsvWithTooManyColumnsSaysSoAsAPlainOneDoes) {
  const fs::path dir = test::scratch_path("vsi-wide");
  fs::create_directories(dir);
  const fs::path zip = dir / "wide.zip";
  write_zip_member(zip, "wide.csv", test::read_file(test::source_path("testdata/bad/too-many-columns.csv")));
  const fs::path job = dir / "job.gcl";
  std::ofstream(job) << "load s from \"/vsizip/" << zip.string() << "/wide.csv\"\n";
  std::ostringstream out, err;
  EXPECT_EQ(app::check_job(job.string(), out, err), app::kDataError) << err.str();
  EXPECT_NE(err.str().find("/wide.csv: has "), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("columns, and GDAL's CSV driver reads only the first 2000"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace geoclaim
