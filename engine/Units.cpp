#include "engine/Units.hpp"

#include <strings.h>
#include <array>
#include <charconv>
#include <cmath>

namespace geoclaim {
namespace {
struct UnitDef {
  const char* name;
  double metres;
};
// International foot, yard and statute mile (exact by definition, 1959); nautical mile 1852 m.
constexpr std::array<UnitDef, 6> kUnits{
    {{"m", 1.0}, {"km", 1000.0}, {"ft", 0.3048}, {"yd", 0.9144}, {"mi", 1609.344}, {"nmi", 1852.0}}};
}  // namespace

std::optional<double> metres_per_unit(std::string_view unit) {
  for (const auto& u : kUnits)
    if (unit.size() == std::char_traits<char>::length(u.name) && strncasecmp(unit.data(), u.name, unit.size()) == 0)
      return u.metres;
  return std::nullopt;
}

const char* unit_names() { return "m, km, ft, yd, mi, nmi"; }

std::vector<std::string> unit_name_list() {
  std::vector<std::string> out;
  for (const auto& u : kUnits) out.emplace_back(u.name);
  return out;
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  char buf[64];
  // Beyond 1e15 a double has no decimals left to show, and fixed notation would need up to 309
  // digits (to_chars fails on this buffer from about 1e56): the shortest text that reads back
  // as the same double ("1e+56"), which always fits.
  if (std::fabs(value) >= 1e15 || decimals < 0 || decimals > 17) {
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    return res.ec == std::errc() ? std::string(buf, res.ptr) : "?";
  }
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0) rounded = 0.0;  // no "-0"
  const auto res = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, decimals);
  if (res.ec != std::errc()) return "?";  // cannot happen below 1e15 with ≤ 17 decimals (33 chars)
  std::string s(buf, res.ptr);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string format_azimuth(double deg, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(deg * scale) / scale;
  return format_number(rounded >= 360.0 ? rounded - 360.0 : rounded, decimals);
}

std::string format_length(double metres) {
  const double a = std::fabs(metres);
  if (a >= 10000.0) return format_number(metres / 1000.0, 2) + " km";
  if (a >= 1000.0) return format_number(metres / 1000.0, 3) + " km";
  if (a >= 10.0) return format_number(metres, 1) + " m";
  return format_number(metres, 2) + " m";
}

}  // namespace geoclaim
