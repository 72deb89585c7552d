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

/// A double written locale-free with at most `decimals` decimals and no trailing zeros.
std::string format_number(double value, int decimals);

/// An azimuth in [0, 360) written like format_number, "0" rather than "360" when it rounds up.
std::string format_azimuth(double deg, int decimals);

}  // namespace geoclaim
