#pragma once
// "Did you mean …?" for unknown names, units, fields and words.
#include <optional>
#include <string>
#include <vector>

namespace geoclaim {

/// The candidate closest to `name` by edit distance (case-insensitive), if any is close enough
/// to be a likely typo (at most a third of the name's length, at least 2 edits allowed).
std::optional<std::string> nearest_name(const std::string& name, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace geoclaim
