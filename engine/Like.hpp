#pragma once
// SQL LIKE for `select … where field like "…"`: the text comes from the data and the pattern
// from the script, so neither may set the stack depth or make the time blow up (issue 9: a
// 5 MB CSV of 100,000-character cells against a 2,000-character "%…b" pattern took 84 s).
#include <cstddef>
#include <string_view>

namespace geoclaim {

/// SQL LIKE, case-insensitive (ASCII letters): '%' matches any run of characters, '_' one
/// UTF-8 character, anything else itself. No escape character. Linear in the text for the
/// usual patterns; at worst |text| × |pattern| / 64 steps.
bool like(std::string_view text, std::string_view pattern);

namespace like_detail {
/// The two matchers like() chooses between, exposed so tests can hold them to each other.
/// Backtracking over the last '%': fast, but up to |text| × |pattern| steps; after `budget`
/// steps it stops, sets `gave_up` and returns false.
bool backtracking(std::string_view text, std::string_view pattern, size_t budget, bool& gave_up);
/// A bit-parallel automaton (one bit per pattern position, 64 advanced per machine word):
/// |text| × (|pattern| / 64 + 1) steps whatever the input.
bool automaton(std::string_view text, std::string_view pattern);
}  // namespace like_detail

}  // namespace geoclaim
