#pragma once
// The front end's one text helper: ASCII case folding for keywords (the language's keywords
// are ASCII; names and strings keep their case).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace geoclaim::lang {

inline std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace geoclaim::lang
