// What the golden files cannot pin down: the library versions of the reports' method are
// masked there (they follow the machine), so here they are checked unmasked against GDAL's own
// run-time answer; and every claim of every seed job has its sentence and coordinates.
#include <gdal.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/TestSupport.hpp"
#include "tests/jobs/RunJob.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

nlohmann::json run_seed(const std::string& job) {
  const fs::path out = test::scratch_path("report-" + job);
  std::string err;
  EXPECT_EQ(test::run_to(test::source_path("scripts/" + job + ".gcl"), out, err), 0) << err;
  auto doc = nlohmann::json::parse(test::read_file((out / "report.json").string()));
  doc["_md"] = test::read_file((out / "report.md").string());
  fs::remove_all(out);
  return doc;
}

TEST(Report, MethodNamesTheRunTimeLibraryVersions) {
  const nlohmann::json doc = run_seed("ayyash-2015");
  const auto& software = doc.at("method").at("software");
  EXPECT_EQ(software.at("GDAL").get<std::string>(), GDALVersionInfo("RELEASE_NAME"));
  for (const char* lib : {"PROJ", "GEOS", "GeographicLib"}) {
    const std::string v = software.at(lib).get<std::string>();
    EXPECT_TRUE(!v.empty() && std::isdigit(static_cast<unsigned char>(v[0]))) << lib << " version '" << v << "'";
  }
  const std::string md = doc.at("_md").get<std::string>();
  EXPECT_NE(md.find("Software: geoclaim " + doc.at("geoclaim_version").get<std::string>() + ", GDAL " +
                    GDALVersionInfo("RELEASE_NAME") + ", PROJ "),
            std::string::npos);
  EXPECT_NE(md.find("Karney"), std::string::npos);
}

TEST(Report, EveryClaimHasASentenceAndItsDecidingPoints) {
  for (const char* job : {"ayyash-2015", "deir-ez-zor-2016", "al-jinah-2017"}) {
    const nlohmann::json doc = run_seed(job);
    for (const auto& c : doc.at("claims")) {
      const std::string id = c.at("claim_id"), verdict = c.at("verdict");
      std::string lead = verdict;
      lead[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lead[0])));
      EXPECT_EQ(c.at("sentence").get<std::string>().rfind(lead + ": ", 0), 0u) << job << " " << id;
      ASSERT_FALSE(c.at("deciding_points").empty()) << job << " " << id;
      for (const auto& p : c.at("deciding_points")) {
        const auto& xy = p.at("coordinates");
        EXPECT_FALSE(xy.at("mgrs").get<std::string>().empty()) << job << " " << id;
        EXPECT_NE(xy.at("dms").get<std::string>().find("″"), std::string::npos) << job << " " << id;
      }
    }
    EXPECT_NE(doc.at("_md").get<std::string>().find("## Why"), std::string::npos) << job;
  }
}

}  // namespace
}  // namespace geoclaim
