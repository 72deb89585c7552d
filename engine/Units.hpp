#pragma once
// Lengths and their units. A length inside the engine is always a double in metres whose name
// ends in `_m`; units exist only at the edges (the script, the reports).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geoclaim {

/// Metres in one `unit` (m, km, ft, yd, mi, nmi; case-insensitive), or nothing if unknown.
std::optional<double> metres_per_unit(std::string_view unit);

/// The accepted unit names, for error messages: "m, km, ft, yd, mi, nmi".
const char* unit_names();

/// The accepted unit names one by one, for "did you mean" suggestions.
std::vector<std::string> unit_name_list();

/// A length in metres written for people: "55.21 km", "15.2 m", "0.84 m".
std::string format_length(double metres);

/// The longest length geoclaim takes as input, in metres: 100,000 km, more than twice round
/// the Earth (40,075 km at the equator). No claimed distance, uncertainty or tolerance on Earth
/// is longer; a longer one is a typo or an overflow, refused with an error where it is read.
inline constexpr double kMaxLength_m = 1e8;

/// A double written locale-free with at most `decimals` decimals (0–17) and no trailing zeros.
/// Any double is safe: from 1e15 on (where no decimal is left) it is written in the shortest
/// form that reads back as the same double ("1e+56", "1.7976931348623157e+308"); "inf", "-inf"
/// and "nan" for the non-finite.
std::string format_number(double value, int decimals);

/// An azimuth in [0, 360) written like format_number, "0" rather than "360" when it rounds up.
std::string format_azimuth(double deg, int decimals);

}  // namespace geoclaim
