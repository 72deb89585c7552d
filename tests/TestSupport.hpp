#pragma once
// Small helpers shared by the tests: paths into the source tree, layers built in memory. Engine
// only, so a test program links just the module it tests (fixtures read with GDAL: Fixtures.hpp).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/Layer.hpp"

namespace geoclaim::test {

inline std::string source_path(const std::string& relative) {
  return std::string(GEOCLAIM_SOURCE_DIR) + "/" + relative;
}

/// A path in the temporary folder, unique to this test process ("geoclaim-PID-NAME", so an
/// extension in NAME stays an extension), cleared.
inline std::filesystem::path scratch_path(const std::string& name) {
  std::filesystem::path p =
      std::filesystem::temp_directory_path() / ("geoclaim-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(p);
  return p;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A report.json with geoclaim's provenance that lists what `dir` holds: the mark of an earlier
/// result that geoclaim may replace (io/OutputFolder.hpp).
inline void mark_as_result(const std::filesystem::path& dir, const std::string& note = "earlier") {
  std::filesystem::create_directories(dir);
  nlohmann::json files = nlohmann::json::array({"report.json"});
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().filename() != "report.json") files.push_back(e.path().filename().string());
  const nlohmann::json report = {{"geoclaim_version", "0.1.0"},
                                 {"run_time", note},
                                 {"job", {{"path", "j.gcl"}, {"sha256", ""}}},
                                 {"files", files}};
  std::ofstream(dir / "report.json") << report.dump();
}

/// The polygons of a small GeoJSON fixture in testdata/ (WGS84 lon/lat, exterior rings only),
/// ids from the `id` property: for the tests of the core, which links no GDAL.
inline Layer polygon_fixture(const std::string& relative) {
  const auto doc = nlohmann::json::parse(read_file(source_path(relative)));
  Layer l(relative, {}, {});
  uint64_t n = 0;
  for (const auto& f : doc.at("features")) {
    std::vector<GeoPoint> ring;
    for (const auto& xy : f.at("geometry").at("coordinates").at(0))
      ring.push_back(GeoPoint::from_lon_lat(xy.at(0).get<double>(), xy.at(1).get<double>()));
    ++n;
    const auto& props = f.at("properties");
    const std::string id = props.contains("id") ? props.at("id").dump() : std::to_string(n);
    l.add(Feature{id, n, make_polygon({ring}), 0, {}});
  }
  return l;
}

/// A layer of points (lat, lon pairs) with ids "1", "2", … and the given uncertainty.
inline Layer point_layer(const std::string& name, const std::vector<std::pair<double, double>>& lat_lon,
                         double uncertainty_m = 0) {
  Layer l(name, {}, {});
  int i = 0;
  for (const auto& [lat, lon] : lat_lon)
    l.add(Feature{std::to_string(++i),
                  static_cast<uint64_t>(i),
                  make_point(GeoPoint::from_lat_lon(lat, lon)),
                  uncertainty_m,
                  {}});
  return l;
}

/// A layer of one polygon given by its exterior ring (lat, lon pairs).
inline Layer polygon_layer(const std::string& name, std::initializer_list<std::pair<double, double>> ring) {
  std::vector<GeoPoint> pts;
  for (const auto& [lat, lon] : ring) pts.push_back(GeoPoint::from_lat_lon(lat, lon));
  Layer l(name, {}, {});
  l.add(Feature{"1", 1, make_polygon({pts}), 0, {}});
  return l;
}

}  // namespace geoclaim::test
