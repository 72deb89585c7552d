// Fuzz target: a CSV of coordinate columns read through io/ exactly as `load` reads one
// (GDAL's CSV driver, column detection, every notation, uncertainty, times, ids), and the same
// bytes as a reported-claims table. The input is written to a file in a scratch folder rather
// than /vsimem/: the reader also reads a CSV itself (blank lines, the header's column count,
// the line of each record for messages), and those checks skip /vsi paths.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "engine/CoordinateText.hpp"
#include "engine/Geometry.hpp"
#include "fuzz/FuzzSupport.hpp"
#include "io/Network.hpp"
#include "io/OgrSource.hpp"

namespace {

using geoclaim::fuzz::expect_clean;
using geoclaim::fuzz::finding;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  geoclaim::io::allow_network(false);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = geoclaim::fuzz::scratch_dir() + "/input.csv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) finding("cannot write the input file", path);
  }
  geoclaim::io::OgrSource source;
  expect_clean([&] {
    geoclaim::LoadOptions options;
    options.name = "fuzz";
    options.path = path;
    const geoclaim::Layer layer = source.load(options, [](const std::string&) {});
    // Every feature read must be a position that exists: the engine trusts them.
    for (const auto& f : layer.features()) {
      const geoclaim::GeoBox b = geoclaim::envelope(f.geometry.get());
      if (!geoclaim::check_lat_lon(b.min_lat, b.min_lon).empty() ||
          !geoclaim::check_lat_lon(b.max_lat, b.max_lon).empty())
        finding("a feature outside the globe was read");
      if (!(f.uncertainty_m >= 0) || !std::isfinite(f.uncertainty_m))
        finding("a negative or infinite uncertainty was read");
    }
  });
  expect_clean([&] { source.read_table(path); });
  return 0;
}
