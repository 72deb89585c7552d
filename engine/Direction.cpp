#include "engine/Direction.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "engine/Geodesy.hpp"
#include "engine/Units.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim {

bool DirectionSector::contains(double deg) const { return margin_deg(deg) >= 0; }

double DirectionSector::margin_deg(double deg) const {
  return halfwidth_deg - std::fabs(azimuth_difference(centre_deg, deg));
}

void intersect_arcs(const AzimuthArc& a, const AzimuthArc& b, std::vector<AzimuthArc>& out) {
  if (a.half_deg >= 180) return out.push_back(b);
  if (b.half_deg >= 180) return out.push_back(a);
  const double offset = azimuth_difference(a.centre_deg, b.centre_deg);
  for (double shift : {-360.0, 0.0, 360.0}) {
    const double lo = std::max(-a.half_deg, offset + shift - b.half_deg);
    const double hi = std::min(a.half_deg, offset + shift + b.half_deg);
    if (lo <= hi) out.push_back({normalize_azimuth(a.centre_deg + (lo + hi) / 2), (hi - lo) / 2});
  }
}

std::optional<DirectionSector> parse_compass(std::string_view words) {
  // Reduce every spelling to letters: "south-south-east" -> "SSE", "south east" -> "SE".
  std::string letters;
  std::string word;
  auto flush = [&]() -> bool {
    if (word.empty()) return true;
    bool found = false;
    for (const auto& [full, abbr] : kCompassWords)
      if (word == full) letters += abbr, found = true;
    if (!found) {
      for (char c : word)
        if (c != 'n' && c != 's' && c != 'e' && c != 'w') return false;
      for (char c : word) letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    word.clear();
    return true;
  };
  for (char c : words) {
    if (c == ' ' || c == '-') {
      if (!flush()) return std::nullopt;
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!flush()) return std::nullopt;

  for (size_t i = 0; i < kCompassPoints.size(); ++i) {
    if (letters != kCompassPoints[i]) continue;
    const bool sixteen = letters.size() == 3;
    return DirectionSector{22.5 * static_cast<double>(i), sixteen ? 11.25 : 22.5, letters};
  }
  return std::nullopt;
}

DirectionSector bearing_sector(double bearing_deg, std::optional<double> halfwidth_deg) {
  const double w = std::clamp(halfwidth_deg.value_or(5.0), 0.0, 180.0);
  const double c = normalize_azimuth(bearing_deg);
  return {c, w, "bearing " + format_number(c, 2) + "±" + format_number(w, 2) + "°"};
}

}  // namespace geoclaim
