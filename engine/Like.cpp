#include "engine/Like.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

namespace geoclaim {
namespace {

bool same(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// A set of pattern positions, one bit each.
using Bits = std::vector<uint64_t>;

/// b <<= 1 across words, in place (from the top word down, so each reads its lower neighbour
/// before that one shifts).
void shift_one(Bits& b) {
  for (size_t w = b.size(); w-- > 0;) b[w] = (b[w] << 1) | (w > 0 ? b[w - 1] >> 63 : 0);
}

}  // namespace

namespace like_detail {

// Iterative, with one backtrack point (the last '%' seen): a recursion per character would let
// the data set the stack depth, a recursion per '%' is exponential in the number of '%'s.
bool backtracking(std::string_view text, std::string_view pattern, size_t budget, bool& gave_up) {
  gave_up = false;
  // One character of UTF-8 text: a lead byte and its continuation bytes (10xxxxxx).
  const auto next_char = [&](size_t i) {
    ++i;
    while (i < text.size() && continuation(static_cast<unsigned char>(text[i]))) ++i;
    return i;
  };
  size_t t = 0, p = 0, steps = 0;
  size_t star = std::string_view::npos, star_t = 0;  // the last '%' and where its run ends
  while (t < text.size()) {
    if (++steps > budget) {
      gave_up = true;
      return false;
    }
    if (p < pattern.size() && pattern[p] == '%') {
      star = p++;
      star_t = t;
    } else if (p < pattern.size() && pattern[p] == '_') {
      ++p;
      t = next_char(t);
    } else if (p < pattern.size() && same(pattern[p], text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;  // the last '%' takes one more character
      t = star_t = next_char(star_t);
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

// States 0..m are positions in the pattern (runs of '%' taken as one); state m accepts. Per
// text byte c, with D the states reached so far:
//   D' = ((D & step[c]) << 1) | (D & percent) | (c a continuation byte ? D & after_underscore : 0)
// then each '%' state also reaches the state after it (a '%' may match nothing). step[c] holds
// the literals c matches and, unless c continues a character, the '_'s; a state just after a
// '_' absorbs the continuation bytes of the character that '_' took, so '_' is one character.
bool automaton(std::string_view text, std::string_view pattern) {
  std::string units;  // the pattern with runs of '%' collapsed
  for (const char c : pattern)
    if (c != '%' || units.empty() || units.back() != '%') units += c;
  const size_t m = units.size();
  const size_t words = m / 64 + 1;  // bits 0..m
  Bits step(256 * words, 0);        // step[c] is words [c * words, (c + 1) * words)
  Bits percent(words, 0), after_underscore(words, 0);
  const auto set = [](uint64_t* b, size_t i) { b[i / 64] |= uint64_t{1} << (i % 64); };
  const auto step_of = [&](int c) { return step.data() + static_cast<size_t>(c) * words; };
  for (size_t i = 0; i < m; ++i) {
    if (units[i] == '%') {
      set(percent.data(), i);
    } else if (units[i] == '_') {
      for (int c = 0; c < 256; ++c)
        if (!continuation(static_cast<unsigned char>(c))) set(step_of(c), i);
      set(after_underscore.data(), i + 1);
    } else {
      for (int c = 0; c < 256; ++c)
        if (same(static_cast<char>(c), units[i])) set(step_of(c), i);
    }
  }
  Bits d(words, 0), next(words, 0), shifted(words, 0);
  const auto close_over_percent = [&](Bits& b) {
    for (size_t w = 0; w < words; ++w) shifted[w] = b[w] & percent[w];
    shift_one(shifted);
    for (size_t w = 0; w < words; ++w) b[w] |= shifted[w];
  };
  set(d.data(), 0);
  close_over_percent(d);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const uint64_t* s = step_of(c);
    for (size_t w = 0; w < words; ++w) next[w] = d[w] & s[w];
    shift_one(next);
    bool any = false;
    for (size_t w = 0; w < words; ++w) {
      next[w] |= d[w] & percent[w];
      if (continuation(c)) next[w] |= d[w] & after_underscore[w];
      any = any || next[w] != 0;
    }
    if (!any) return false;
    close_over_percent(next);
    d.swap(next);
  }
  return (d[m / 64] >> (m % 64)) & 1;
}

}  // namespace like_detail

bool like(std::string_view text, std::string_view pattern) {
  // Backtracking settles almost every real pattern in a few passes over the text; past that,
  // the automaton's bound holds.
  bool gave_up = false;
  const bool matched = like_detail::backtracking(text, pattern, 4 * (text.size() + pattern.size()) + 1024, gave_up);
  return gave_up ? like_detail::automaton(text, pattern) : matched;
}

}  // namespace geoclaim
