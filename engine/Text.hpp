#pragma once
// The few text helpers every module needs: ASCII case folding and whitespace trimming, for
// keywords, names and table cells (never for data values, whose case is kept).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace geoclaim {

inline std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

inline std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace geoclaim
