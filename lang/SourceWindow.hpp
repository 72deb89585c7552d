#pragma once
// The source line under a diagnostic, as the terminal shows it: each character as printable()
// writes it, with the columns it takes (a CJK character two, a combining accent none), and,
// for a long line (issue 9: a 100 KB line was printed whole), a window of it round the problem
// with "…" where it is cut, so that the caret still stands under the right character.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace geoclaim::lang {

/// One character of the source as a message shows it.
struct Shown {
  std::string text;  ///< printable() of the character: itself, or an escape such as \x1b
  size_t columns = 1;
};

/// Each character of `text` as shown; bytes that are not UTF-8 one by one.
std::vector<Shown> shown(std::string_view text);

/// Lines of at most this many columns are shown whole.
inline constexpr size_t kSourceLineMaxColumns = 120;
/// A longer line is cut to this many columns (not counting the "…" marks) …
inline constexpr size_t kSourceWindowColumns = 100;
/// … of which this many come before the problem, when there are that many.
inline constexpr size_t kSourceWindowLead = 40;

struct SourceWindow {
  std::string text;         ///< the line, or the window of it
  size_t caret_column = 0;  ///< display columns before the problem's first character
  size_t caret_width = 0;   ///< display columns of the problem within the window
};

/// The line made of `before`, `marked` (the problem) and `after`, cut when it is long.
SourceWindow source_window(const std::vector<Shown>& before, const std::vector<Shown>& marked,
                           const std::vector<Shown>& after);

}  // namespace geoclaim::lang
