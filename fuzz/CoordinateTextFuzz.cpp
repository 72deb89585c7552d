// Fuzz target: coordinate text as people write it (engine/CoordinateText: decimal, DMS,
// hemisphere letters, MGRS) and the command line's choice between them (`geoclaim measure`).
// A text is either refused with a CoordinateError that quotes it, or read to a position that
// exists: a wrong position here would become a wrong verdict, so the range is checked too.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/Commands.hpp"
#include "engine/CoordinateText.hpp"
#include "fuzz/FuzzSupport.hpp"

namespace {

using geoclaim::fuzz::expect_clean;
using geoclaim::fuzz::finding;

void check_angle(double deg, double limit, const std::string& text) {
  if (!std::isfinite(deg) || std::fabs(deg) > limit) finding("an angle out of range was accepted", text);
}

void check_point(const geoclaim::GeoPoint& p, const std::string& text) {
  if (!p.valid() || !geoclaim::check_lat_lon(p.lat(), p.lon()).empty())
    finding("an invalid position was accepted", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  expect_clean([&] { check_angle(geoclaim::parse_angle(text, geoclaim::Axis::latitude), 90, text); });
  expect_clean([&] { check_angle(geoclaim::parse_angle(text, geoclaim::Axis::longitude), 180, text); });
  expect_clean([&] { check_point(geoclaim::parse_lat_lon_text(text), text); });
  expect_clean([&] { check_point(geoclaim::parse_mgrs(text), text); });
  expect_clean([&] { check_point(geoclaim::app::parse_any_coordinate(text), text); });
  return 0;
}
