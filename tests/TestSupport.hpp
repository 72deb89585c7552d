#pragma once
// Small helpers shared by the tests: paths into the source tree, layers built in memory.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/Layer.hpp"
#include "io/OgrSource.hpp"

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

/// Reads a fixture from testdata/ through GDAL, failing the test on warnings.
inline Layer load_fixture(const std::string& relative, const std::string& name = "fixture") {
  io::OgrSource source;
  LoadOptions o;
  o.name = name;
  o.path = source_path(relative);
  return source.load(o, {});
}

/// A layer of points (lat, lon pairs) with ids "1", "2", … and the given uncertainty.
inline Layer point_layer(const std::string& name, std::initializer_list<std::pair<double, double>> lat_lon,
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
