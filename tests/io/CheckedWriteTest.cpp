// A write that fails is an error naming the file (issue 9): /dev/full stands for a full disk,
// where GDAL 3.6's GeoJSON writer lost the failure and left a truncated file.
#include <gtest/gtest.h>

#include <functional>

#include "engine/Errors.hpp"
#include "io/CheckedWrite.hpp"
#include "io/OgrWriter.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

std::string message_of_writing(const std::function<void()>& write) {
  try {
    write();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

TEST(CheckedWrite, AFullDiskIsAnErrorNamingTheFile) {
  const std::string message = message_of_writing([] { io::write_file_checked("/dev/full", "report text"); });
  EXPECT_EQ(message, "cannot write '/dev/full': No space left on device");
}

TEST(CheckedWrite, AGeoJsonLayerOnAFullDiskIsAnError) {
  const Layer layer = test::point_layer("strikes", {{35.0, 40.0}, {35.1, 40.1}});
  const std::string message = message_of_writing([&] { io::write_geojson(layer, "/dev/full"); });
  EXPECT_EQ(message, "cannot write '/dev/full': No space left on device");
}

TEST(CheckedWrite, WritesTheWholeText) {
  const auto path = test::scratch_path("checked.txt");
  const std::string text(100000, 'x');
  io::write_file_checked(path.string(), text);
  EXPECT_EQ(test::read_file(path.string()), text);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace geoclaim
