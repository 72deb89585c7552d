#pragma once
// Reading coordinates as people write them: decimal degrees, degrees-minutes-seconds with
// symbols or spaces and hemisphere letters, and MGRS. GeographicLib's DMS and MGRS classes do
// the parsing; this file only normalises the spellings they do not take (space-separated
// components) and turns their errors into messages that quote the text. Writing them (for
// the report) goes through the same classes, at the end of this file.
#include <string>
#include <string_view>

#include "engine/GeoPoint.hpp"

namespace geoclaim {

enum class Axis { latitude, longitude };

/// The longest coordinate text read, in bytes: the longest real spelling
/// ("35° 17′ 08.123456″ N, 140° 10′ 33.123456″ E") is under 60. Longer text is refused before
/// any parsing, which bounds the work of the pair splitter (it tries each place between two
/// words as the cut, a pass over the text each: 30,000 words took 52 s).
inline constexpr size_t kMaxCoordinateTextBytes = 200;

/// One angle: "35.2856", "-40.1", "35°17′08″N", "35 17 08 N", "N35.2856", "35.2856N",
/// "35:17:08". A hemisphere letter must fit `axis` (N/S for latitude, E/W for longitude).
/// Checks the range (±90° or ±180°), and the length (kMaxCoordinateTextBytes).
/// @throw CoordinateError quoting the text and saying what is wrong.
double parse_angle(std::string_view text, Axis axis);

/// A coordinate pair written as one text, latitude first unless hemisphere letters say
/// otherwise: "35.383, 40.017", "35°22'30\"N 40°00'10\"E", "40 00 10 E 35 22 30 N".
/// @throw CoordinateError
GeoPoint parse_lat_lon_text(std::string_view text);

/// An MGRS reference ("37SDA1234567890", spaces allowed); the result is the centre of the
/// square it names, as GeographicLib::MGRS::Reverse gives it.
/// @throw CoordinateError
GeoPoint parse_mgrs(std::string_view text);

/// Checks a latitude/longitude pair and explains what is wrong. Returns an empty string when
/// the pair is valid. The message quotes `lat_text` and `lon_text`, the numbers as written,
/// when given (so 1e300 reads as written, not as a re-formatted double).
std::string check_lat_lon(double lat_deg, double lon_deg, std::string_view lat_text = {},
                          std::string_view lon_text = {});

/// True when the pair is invalid as given but valid swapped (|lat| in (90, 180], |lon| ≤ 90).
bool looks_swapped(double lat_deg, double lon_deg);

/// The hint appended when a pair, or a whole column, looks swapped.
inline constexpr const char* kSwappedHint = " (the latitude and longitude look swapped)";

}  // namespace geoclaim

// ---- writing coordinates (the report's places and deciding features) -----------------------

namespace geoclaim {

/// Decimal degrees, latitude first, 6 decimals (about 0.1 m): "35.383000, 40.017000".
std::string format_decimal_degrees(const GeoPoint& p);

/// Degrees, minutes and seconds to 0.01″ (0.3 m) with hemisphere letters, as GeographicLib's
/// DMS::Encode writes them, with the symbols ° ′ ″: "35°22′58.80″N 040°01′01.20″E".
/// parse_lat_lon_text reads it back. Empty for an invalid point.
std::string format_dms(const GeoPoint& p);

/// MGRS to 1 m (5 digits each way), GeographicLib's UTMUPS and MGRS::Forward (UPS near the
/// poles): "37SEV9237015992", what `GeoConvert -m` prints. Empty for an invalid point.
std::string format_mgrs(const GeoPoint& p);

}  // namespace geoclaim
