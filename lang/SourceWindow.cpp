#include "lang/SourceWindow.hpp"

#include <locale.h>
#include <wchar.h>

#include <algorithm>

#include "lang/Text.hpp"

namespace geoclaim::lang {
namespace {

/// Display columns of one UTF-8 character, by the C library's Unicode tables (wcwidth in the
/// C.UTF-8 locale, set for this thread only, so the program's own locale is left alone).
size_t columns_of(std::string_view character) {
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  if (!utf8 || character.size() == 1) return 1;
  const locale_t previous = uselocale(utf8);
  mbstate_t state{};
  wchar_t wc = 0;
  const size_t n = mbrtowc(&wc, character.data(), character.size(), &state);
  const int w = n == character.size() ? wcwidth(wc) : 1;
  uselocale(previous);
  return w < 0 ? 1 : static_cast<size_t>(w);
}

size_t width(const std::vector<Shown>& s, size_t from, size_t to) {
  size_t w = 0;
  for (size_t i = from; i < to; ++i) w += s[i].columns;
  return w;
}

}  // namespace

std::vector<Shown> shown(std::string_view text) {
  std::vector<Shown> out;
  for (size_t i = 0; i < text.size();) {
    const size_t n = std::max<size_t>(utf8_char_length(text, i), 1);
    const std::string_view character = text.substr(i, n);
    Shown s{printable(character, 1), 1};
    // An escape is ASCII, one column a byte; a character kept as it is takes its own width.
    s.columns = s.text == character ? columns_of(character) : s.text.size();
    out.push_back(std::move(s));
    i += n;
  }
  return out;
}

SourceWindow source_window(const std::vector<Shown>& before, const std::vector<Shown>& marked,
                           const std::vector<Shown>& after) {
  std::vector<Shown> line = before;
  line.insert(line.end(), marked.begin(), marked.end());
  line.insert(line.end(), after.begin(), after.end());
  const size_t mark_begin = before.size(), mark_end = before.size() + marked.size();
  const size_t total = width(line, 0, line.size());

  // The window's first character: kSourceWindowLead columns before the problem, or earlier when
  // the line ends sooner than a full window after it.
  size_t first = 0, last = line.size();
  if (total > kSourceLineMaxColumns) {
    const size_t lead_col = width(line, 0, mark_begin);
    const size_t start_col =
        std::min(lead_col > kSourceWindowLead ? lead_col - kSourceWindowLead : 0, total - kSourceWindowColumns);
    // The first character that starts at or after that column (a wide one across it is cut).
    for (size_t col = 0; first < line.size() && col < start_col; ++first) col += line[first].columns;
    size_t used = 0;
    for (last = first; last < line.size() && used + line[last].columns <= kSourceWindowColumns; ++last)
      used += line[last].columns;
  }
  SourceWindow w;
  if (first > 0) w.text = "…";
  for (size_t i = first; i < last; ++i) w.text += line[i].text;
  if (last < line.size()) w.text += "…";
  const size_t cut_mark = first > 0 ? 1 : 0;  // the "…" takes one column
  w.caret_column = cut_mark + width(line, first, std::clamp(mark_begin, first, last));
  w.caret_width = width(line, std::clamp(mark_begin, first, last), std::clamp(mark_end, first, last));
  return w;
}

}  // namespace geoclaim::lang
