#include "engine/CoordinateText.hpp"

#include <GeographicLib/DMS.hpp>
#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"

namespace geoclaim {
namespace {

std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool is_hemisphere(const std::string& t) {
  return t.size() == 1 && std::string("NSEWnsew").find(t[0]) != std::string::npos;
}

bool is_plain_number(const std::string& t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+')) return false;
  return true;
}

/// A plain decimal in any notation a spreadsheet or GDAL writes ("35.383", "-0.00005",
/// "1e-05", "+40"): a number, never DMS. GeographicLib would read the exponent's `e` as the
/// East letter ("1e-05" as 1°E − 5° = −4°), so such text never reaches it.
std::optional<double> plain_decimal(const std::string& text) {
  if (text.empty()) return std::nullopt;
  bool digit = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digit = true;
    else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
      return std::nullopt;
  }
  if (!digit) return std::nullopt;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  double v = 0;
  const auto [p, ec] = std::from_chars(begin, end, v, std::chars_format::general);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

// "35 17 08 N" -> "35d17'08\"N"; "N 35 17 08" -> "N35d17'08\"". Components that already carry
// symbols are joined as they are: GeographicLib takes "35°17′ 08″N" once the space is gone.
std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

bool is_hemisphere_char(char c) { return std::string("NSEWnsew").find(c) != std::string::npos; }

std::string join_dms_components(const std::vector<std::string>& raw_parts) {
  // A hemisphere letter may stand alone ("N 35 17 08") or stick to the first or last
  // component ("N35 17 08", "35 17 08N"): either way it is a prefix or suffix of the whole.
  std::vector<std::string> parts = raw_parts;
  std::string hemi_front, hemi_back;
  if (!parts.empty() && parts.front().size() > 1 && is_hemisphere_char(parts.front()[0]) &&
      !std::isalpha(static_cast<unsigned char>(parts.front()[1]))) {
    hemi_front = parts.front().substr(0, 1);
    parts.front().erase(0, 1);
  }
  if (!parts.empty() && parts.back().size() > 1 && is_hemisphere_char(parts.back().back()) &&
      !std::isalpha(static_cast<unsigned char>(parts.back()[parts.back().size() - 2]))) {
    hemi_back = parts.back().substr(parts.back().size() - 1);
    parts.back().pop_back();
  }
  std::vector<std::string> nums;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (is_hemisphere(parts[i]) && i == 0 && hemi_front.empty())
      hemi_front = parts[i];
    else if (is_hemisphere(parts[i]) && i + 1 == parts.size() && hemi_back.empty())
      hemi_back = parts[i];
    else
      nums.push_back(parts[i]);
  }
  // Components are glued into one DMS text below: an exponent among several would be glued
  // into a different number ("1 5e-1" read as 1.5, "1 1e1" as 110).
  for (const auto& n : nums)
    if (nums.size() > 1 && n.find_first_of("eE") != std::string::npos && plain_decimal(n))
      throw CoordinateError("an exponent (" + quote(n) + ") cannot be degrees, minutes or seconds in " +
                            quote(join(raw_parts)) + "; write one decimal number, or degrees, minutes and seconds");
  bool all_plain = !nums.empty();
  for (const auto& n : nums) all_plain = all_plain && is_plain_number(n);
  if (all_plain && nums.size() > 3)  // glued together they would read as one large number
    throw CoordinateError("more than three numbers (degrees, minutes, seconds) in " + quote(join(raw_parts)));
  for (size_t i = 1; all_plain && i < nums.size(); ++i)
    if (nums[i][0] == '-' || nums[i][0] == '+')
      throw CoordinateError("only the degrees may carry a sign in " + quote(join(raw_parts)));
  std::string body;
  if (all_plain) {
    static const char* const marks[] = {"d", "'", "\""};
    for (size_t i = 0; i < nums.size(); ++i) body += nums[i] + marks[i];
  } else {
    for (const auto& n : nums) body += n;
  }
  return hemi_front + body + hemi_back;
}

/// Minutes and seconds lie in [0, 60), whatever their notation. GeographicLib refuses an
/// integer 60 but takes 60.0 and 60.000 (it compares the integer part with >= 60 and the
/// fraction with > 60), so "35 17 60" was an error while "35 17 60.0" read as 35°18′: one rule
/// here. The numbers of a DMS text come in the order degrees, minutes, seconds (GeographicLib
/// refuses any other order), so the second and third runs of digits are the minutes and seconds.
void check_minutes_and_seconds(const std::string& text) {
  static const char* const names[] = {"Minutes", "Seconds"};
  size_t run = 0;
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) && text[i] != '.') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    double v = 0;
    const auto [p, ec] = std::from_chars(text.data() + start, text.data() + i, v);
    if (run >= 1 && run <= 2 && ec == std::errc() && v >= 60)
      throw CoordinateError("cannot read " + quote(text) + " as an angle: " + names[run - 1] + " " +
                            text.substr(start, i - start) + " not in range [0, 60)");
    ++run;
  }
}

/// Reads one angle: a plain decimal as a number, with a hemisphere letter before or after it
/// too ("1e-05E", "W0.5"), anything else as DMS through GeographicLib. The letter is read here,
/// as GeographicLib reads it (N and E keep the number's sign, S and W turn it), so an
/// exponent's `e` never reaches GeographicLib ("1e-05E" was 1°E − 5°E = −4°).
double decode(const std::string& text, GeographicLib::DMS::flag& ind) {
  if (const auto plain = plain_decimal(text)) {
    ind = GeographicLib::DMS::NONE;
    return *plain;
  }
  for (const bool letter_last : {true, false}) {
    if (text.size() < 2) break;
    const char letter = letter_last ? text.back() : text.front();
    if (!is_hemisphere_char(letter)) continue;
    const auto plain = plain_decimal(letter_last ? text.substr(0, text.size() - 1) : text.substr(1));
    if (!plain) continue;
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(letter)));
    ind = up == 'N' || up == 'S' ? GeographicLib::DMS::LATITUDE : GeographicLib::DMS::LONGITUDE;
    return up == 'S' || up == 'W' ? -*plain : *plain;
  }
  // GeographicLib 2.1.2 reads past its arrays (SIGSEGV) when a second mark comes before ':'
  // components ("1\"2:3:\"") and on more than three ':' components ("1:2:3:4:5:6:7"), both
  // found by fuzzing: ':' notation is degrees:minutes:seconds at most and takes no marks, so
  // other text with ':' is refused before GeographicLib sees it.
  if (std::count(text.begin(), text.end(), ':') > 2)
    throw CoordinateError("cannot read " + quote(text) +
                          " as an angle: ':' separates at most degrees, minutes and seconds");
  if (text.find(':') != std::string::npos && std::any_of(text.begin(), text.end(), [](char c) {
        return c == 'd' || c == 'D' || c == '\'' || c == '"' || static_cast<unsigned char>(c) >= 0x80;
      }))
    throw CoordinateError("cannot read " + quote(text) +
                          " as an angle: it mixes ':' separators with degree, minute or second marks");
  double value = 0;
  try {
    value = GeographicLib::DMS::Decode(text, ind);
  } catch (const GeographicLib::GeographicErr& e) {
    throw CoordinateError("cannot read " + quote(text) + " as an angle: " + printable(e.what(), 200));
  }
  check_minutes_and_seconds(text);
  return value;
}

/// @throw CoordinateError when `text` is longer than any coordinate is written.
void check_length(std::string_view text) {
  if (text.size() > kMaxCoordinateTextBytes)
    throw CoordinateError("coordinate text " + quote(text, 40) + " is " + std::to_string(text.size()) +
                          " bytes long; a coordinate is at most " + std::to_string(kMaxCoordinateTextBytes));
}

}  // namespace

double parse_angle(std::string_view raw, Axis axis) {
  check_length(raw);
  const std::string text = trim(raw);
  if (text.empty()) throw CoordinateError("empty coordinate");
  GeographicLib::DMS::flag ind = GeographicLib::DMS::NONE;
  const double value = decode(join_dms_components(split_ws(text)), ind);
  const char* name = axis == Axis::latitude ? "latitude" : "longitude";
  if (axis == Axis::latitude && ind == GeographicLib::DMS::LONGITUDE)
    throw CoordinateError(quote(text) + " has an E/W letter but is read as a latitude");
  if (axis == Axis::longitude && ind == GeographicLib::DMS::LATITUDE)
    throw CoordinateError(quote(text) + " has an N/S letter but is read as a longitude");
  const double limit = axis == Axis::latitude ? 90.0 : 180.0;
  if (!std::isfinite(value) || std::fabs(value) > limit)
    throw CoordinateError(std::string(name) + " " + quote(text) + " is outside ±" + format_number(limit, 0) + "°");
  return value;
}

GeoPoint parse_lat_lon_text(std::string_view raw) {
  check_length(raw);
  const std::string text = trim(raw);
  std::string first, second;
  if (auto comma = text.find(','); comma != std::string::npos) {
    first = text.substr(0, comma);
    second = text.substr(comma + 1);
  } else {
    // Without a comma: the split that reads as one latitude and one longitude. A cut beside a
    // hemisphere letter ("35 17 08 N 40 10 33 E", "N 35 17 08 E 40 10 33") is tried first,
    // then the middle ("35 22 30 40 00 10" is three and three).
    const auto parts = split_ws(text);
    auto half = [&](size_t from, size_t to) {
      std::string h;
      for (size_t i = from; i < to; ++i) h += parts[i] + " ";
      return h;
    };
    auto reads = [&](size_t cut) {
      GeographicLib::DMS::flag f1 = GeographicLib::DMS::NONE, f2 = GeographicLib::DMS::NONE;
      try {
        decode(join_dms_components(split_ws(half(0, cut))), f1);
        decode(join_dms_components(split_ws(half(cut, parts.size()))), f2);
      } catch (const CoordinateError&) {
        return false;
      }
      return f1 == GeographicLib::DMS::NONE || f1 != f2;
    };
    std::vector<size_t> order;
    for (size_t cut = 1; cut < parts.size(); ++cut)
      if (is_hemisphere_char(parts[cut - 1].back()) && !(cut == 1 && is_hemisphere(parts[0])))
        order.push_back(cut);  // after a suffix letter
    for (size_t cut = 1; cut < parts.size(); ++cut)
      if (is_hemisphere_char(parts[cut][0])) order.push_back(cut);  // before a prefix letter
    // The middle of the numbers, letters not counted ("35 40 E", "N 35.5 40"): cut after the
    // half-way number, letters staying with the half they touch.
    std::vector<size_t> numeric;
    for (size_t i = 0; i < parts.size(); ++i)
      if (!is_hemisphere(parts[i])) numeric.push_back(i);
    if (numeric.size() % 2 == 0 && !numeric.empty()) {
      size_t cut = numeric[numeric.size() / 2 - 1] + 1;
      if (cut < parts.size() && is_hemisphere(parts[cut]) && cut + 1 < parts.size() && !is_hemisphere(parts[cut + 1]) &&
          cut + 1 <= numeric[numeric.size() / 2])
        ++cut;  // "35 N 40 E": the N belongs to the first half
      order.push_back(cut);
    }
    size_t cut = 0;
    for (size_t c : order)
      if (reads(c)) {
        cut = c;
        break;
      }
    if (cut == 0)
      throw CoordinateError("cannot split " + quote(text) +
                            " into latitude and longitude (separate them with a comma)");
    first = half(0, cut);
    second = half(cut, parts.size());
  }
  first = join_dms_components(split_ws(first));
  second = join_dms_components(split_ws(second));
  // Hemisphere letters decide which is which (as GeographicLib's DecodeLatLon does); the range
  // check comes after, on the pair, so a swapped pair gets its hint.
  GeographicLib::DMS::flag ind1 = GeographicLib::DMS::NONE, ind2 = GeographicLib::DMS::NONE;
  double a = decode(first, ind1), b = decode(second, ind2);
  if (ind1 != GeographicLib::DMS::NONE && ind1 == ind2)
    throw CoordinateError(quote(text) + " gives two " +
                          (ind1 == GeographicLib::DMS::LATITUDE ? "latitudes" : "longitudes"));
  if (ind1 == GeographicLib::DMS::LONGITUDE || ind2 == GeographicLib::DMS::LATITUDE) std::swap(a, b);
  const double lat = a, lon = b;
  if (auto problem = check_lat_lon(lat, lon); !problem.empty())
    throw CoordinateError(quote(text) + ": " + problem + (looks_swapped(lat, lon) ? kSwappedHint : ""));
  return GeoPoint::from_lat_lon(lat, lon);
}

GeoPoint parse_mgrs(std::string_view raw) {
  check_length(raw);
  std::string text;
  for (char c : raw)
    if (!std::isspace(static_cast<unsigned char>(c))) text += c;
  int zone = 0, prec = 0;
  bool northp = false;
  double x = 0, y = 0, lat = 0, lon = 0;
  try {
    GeographicLib::MGRS::Reverse(text, zone, northp, x, y, prec, /*centerp=*/true);
    GeographicLib::UTMUPS::Reverse(zone, northp, x, y, lat, lon);
  } catch (const GeographicLib::GeographicErr& e) {
    throw CoordinateError("cannot read " + quote(trim(raw)) + " as MGRS: " + printable(e.what(), 200));
  }
  // GeographicLib reads "INV…" (its own spelling of an invalid reference) as no position at
  // all, NaN, without an error (found by fuzzing).
  if (zone == GeographicLib::UTMUPS::INVALID || !std::isfinite(lat) || !std::isfinite(lon))
    throw CoordinateError("cannot read " + quote(trim(raw)) + " as MGRS: it names no position");
  return GeoPoint::from_lat_lon(lat, lon);
}

bool looks_swapped(double lat, double lon) {
  return std::fabs(lat) > 90.0 && std::fabs(lat) <= 180.0 && std::fabs(lon) <= 90.0;
}

std::string check_lat_lon(double lat, double lon, std::string_view lat_text, std::string_view lon_text) {
  const auto as_written = [](double v, std::string_view text) {
    return text.empty() ? format_number(v, 7) : printable(trim(text));
  };
  if (!std::isfinite(lat) || !std::isfinite(lon)) return "coordinate is not a number";
  if (std::fabs(lat) > 90.0) return "latitude " + as_written(lat, lat_text) + " is outside ±90°";
  if (std::fabs(lon) > 180.0) return "longitude " + as_written(lon, lon_text) + " is outside ±180°";
  return {};
}

}  // namespace geoclaim

namespace geoclaim {

std::string format_decimal_degrees(const GeoPoint& p) {
  if (!p.valid()) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f, %.6f", p.lat(), p.lon());
  return buf;
}

std::string format_dms(const GeoPoint& p) {
  if (!p.valid()) return "";
  using GeographicLib::DMS;
  std::string s =
      DMS::Encode(p.lat(), DMS::SECOND, 2, DMS::LATITUDE) + " " + DMS::Encode(p.lon(), DMS::SECOND, 2, DMS::LONGITUDE);
  std::string out;  // GeographicLib writes d ' "; a reader expects the symbols
  for (char c : s) {
    if (c == 'd')
      out += "°";
    else if (c == '\'')
      out += "′";
    else if (c == '"')
      out += "″";
    else
      out += c;
  }
  return out;
}

std::string format_mgrs(const GeoPoint& p) {
  if (!p.valid()) return "";
  try {
    int zone = 0;
    bool northp = false;
    double x = 0, y = 0;
    GeographicLib::UTMUPS::Forward(p.lat(), p.lon(), zone, northp, x, y);
    std::string mgrs;
    GeographicLib::MGRS::Forward(zone, northp, x, y, p.lat(), 5, mgrs);
    return mgrs;
  } catch (const GeographicLib::GeographicErr&) {
    return "";  // cannot happen for a valid point; a report never fails for want of MGRS
  }
}

}  // namespace geoclaim
