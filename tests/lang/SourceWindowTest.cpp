// The source line under a diagnostic: a long line is cut to a window round the problem, with
// "…" where it is cut, and the caret stands under the problem in display columns (a CJK
// character takes two, a combining accent none), issue 9: a 100 KB line was printed whole.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "lang/SourceFile.hpp"
#include "lang/SourceWindow.hpp"

namespace geoclaim::lang {
namespace {

struct Rendered {
  std::string header, line, caret;
};

/// render() of the span of `token` in `text` (its first occurrence), in its three lines, the
/// four spaces of indentation taken off the last two.
Rendered render_token(const std::string& text, const std::string& token) {
  const SourceFile f("job.gcl", text);
  const auto at = static_cast<uint32_t>(text.find(token));
  std::istringstream out(f.render({at, at + static_cast<uint32_t>(token.size())}, "bad"));
  Rendered r;
  std::getline(out, r.header);
  std::getline(out, r.line);
  std::getline(out, r.caret);
  r.line = r.line.substr(4);
  r.caret = r.caret.substr(4);
  return r;
}

/// Display columns of `s` when it holds only ASCII, "…" (one column each), 地 (two) and
/// U+0301 (none): the characters these tests use, counted by hand rather than by the code
/// under test.
size_t columns(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "…") == 0) {
      n += 1, i += 3;
    } else if (s.compare(i, 3, "地") == 0) {
      n += 2, i += 3;
    } else if (s.compare(i, 2, "\u0301") == 0) {
      i += 2;
    } else {
      n += 1, i += 1;
    }
  }
  return n;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// The caret line's '^' column and the number of '~' after it.
std::pair<size_t, size_t> caret_of(const std::string& caret) {
  const size_t at = caret.find('^');
  return {at, caret.size() - at - 1};
}

TEST(SourceWindow, AShortLineIsShownWhole) {
  const Rendered r = render_token("place p at 1, 2 uncertainty 5 kms\n", "kms");
  EXPECT_EQ(r.line, "place p at 1, 2 uncertainty 5 kms");
  EXPECT_EQ(caret_of(r.caret), std::make_pair(size_t{30}, size_t{2}));
}

TEST(SourceWindow, AHundredKilobyteLineIsCutRoundTheProblem) {
  const std::string text = "place p at \"" + repeat("a", 50'000) + " WRONG " + repeat("b", 50'000) + "\"\n";
  const Rendered r = render_token(text, "WRONG");
  EXPECT_EQ(r.header, "job.gcl:1:50014: bad");  // the column is still the whole line's
  EXPECT_LE(columns(r.line), kSourceWindowColumns + 2);
  EXPECT_EQ(r.line.rfind("…", 0), 0u) << r.line;
  EXPECT_TRUE(r.line.ends_with("…")) << r.line;
  // Under the caret, in the window as shown, is the problem itself.
  const auto [at, tildes] = caret_of(r.caret);
  EXPECT_EQ(at, columns(r.line.substr(0, r.line.find("WRONG"))));
  EXPECT_EQ(tildes, 4u);
  EXPECT_EQ(at, kSourceWindowLead + 1);  // the lead, and the "…"
}

TEST(SourceWindow, AProblemNearTheEndOfALongLineGetsAFullWindow) {
  const std::string text = repeat("x", 1000) + " END\n";
  const Rendered r = render_token(text, "END");
  EXPECT_TRUE(r.line.ends_with(" END")) << r.line;  // no "…" after: the line ends there
  EXPECT_EQ(columns(r.line), kSourceWindowColumns + 1);
  EXPECT_EQ(caret_of(r.caret).first, columns(r.line) - 3);
}

TEST(SourceWindow, AProblemLongerThanTheWindowIsMarkedToItsEdge) {
  const std::string text = "place p at \"" + repeat("1N ", 3000) + "\"\n";
  const Rendered r = render_token(text, "\"" + repeat("1N ", 3000) + "\"");
  const auto [at, tildes] = caret_of(r.caret);
  EXPECT_EQ(at, 11u);  // the line starts the window: nothing cut before the problem
  EXPECT_EQ(at + 1 + tildes, columns(r.line) - 1) << "the marks end where the window does, before its '…'";
}

TEST(SourceWindow, WideCharactersTakeTwoColumns) {
  // 300 CJK characters (600 columns) before the problem: the caret counts two for each shown.
  const std::string text = "select s from strikes where name = \"" + repeat("地", 300) + "\" and BAD\n";
  const Rendered r = render_token(text, "BAD");
  const auto [at, tildes] = caret_of(r.caret);
  EXPECT_EQ(at, columns(r.line.substr(0, r.line.find("BAD"))));
  EXPECT_EQ(tildes, 2u);
  EXPECT_LE(columns(r.line), kSourceWindowColumns + 2);
  // Short too: two columns each, so the caret is past twice as many columns as characters.
  const Rendered s = render_token("place 地地地 at 1, 2 kms\n", "kms");
  EXPECT_EQ(caret_of(s.caret).first, columns("place 地地地 at 1, 2 "));
  EXPECT_EQ(caret_of(s.caret).first, 21u);
}

TEST(SourceWindow, CombiningAccentsTakeNoColumn) {
  const std::string e = "e\u0301";  // é as an e and a combining acute accent: one column
  const Rendered s = render_token("place " + repeat(e, 5) + " at 1, 2 kms\n", "kms");
  EXPECT_EQ(caret_of(s.caret).first, 20u);
  const Rendered r = render_token("place p at \"" + repeat(e, 400) + "\" BAD\n", "BAD");
  EXPECT_EQ(caret_of(r.caret).first, columns(r.line.substr(0, r.line.find("BAD"))));
  EXPECT_LE(columns(r.line), kSourceWindowColumns + 2);
}

TEST(SourceWindow, EscapedControlCharactersAreCountedAsShown) {
  // An ESC is shown as \x1b (four columns): the caret stands past the escape as written.
  const Rendered r = render_token("place \x1b[2J at 1, 2 kms\n", "kms");
  EXPECT_EQ(r.line, "place \\x1b[2J at 1, 2 kms");
  EXPECT_EQ(caret_of(r.caret).first, r.line.find("kms"));
}

}  // namespace
}  // namespace geoclaim::lang
