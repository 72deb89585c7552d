// The one way messages quote script and data text (engine/Text.hpp; the front end's copy in
// lang/Text.hpp must agree): nothing quoted can cut a message short (NUL), drive the terminal
// (ESC, C1 controls) or run on without end.
#include <gtest/gtest.h>

#include "engine/Text.hpp"
#include "lang/Text.hpp"

namespace geoclaim {
namespace {

struct QuoteCase {
  std::string text;
  std::string printable;
};

const std::vector<QuoteCase>& cases() {
  static const std::vector<QuoteCase> all{
      {"target building", "target building"},
      {"الجينة", "الجينة"},  // letters of any language are kept
      {"35°17′08″N", "35°17′08″N"},
      {std::string("a\0b", 3), "a\\0b"},
      {"\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"},
      {"line\nnext\r\tx", "line\\nnext\\r\\tx"},
      {"\x7f\x01", "\\x7f\\x01"},
      {"\xC2\x9B"
       "31m",
       "\\u009b31m"},                       // U+009B: the C1 CSI some terminals obey
      {"caf\xE9", "caf\\xe9"},              // Latin-1, not UTF-8
      {"\xED\xA0\x80", "\\xed\\xa0\\x80"},  // a surrogate
      {"C:\\data\\x.csv", "C:\\data\\x.csv"},
      {"", ""},
  };
  return all;
}

TEST(Quote, ControlCharactersAndBadBytesAreEscapedLettersKept) {
  for (const auto& c : cases()) {
    EXPECT_EQ(printable(c.text), c.printable) << c.printable;
    EXPECT_EQ(quote(c.text), "'" + c.printable + "'");
  }
}

TEST(Quote, LongTextIsCutAfterEightyCharactersWithAnEllipsis) {
  EXPECT_EQ(printable(std::string(80, 'x')), std::string(80, 'x'));
  EXPECT_EQ(printable(std::string(81, 'x')), std::string(80, 'x') + "…");
  EXPECT_EQ(printable(std::string(100000, 'x')).size(), 80 + std::string("…").size());
  std::string arabic;  // characters are counted, not bytes: no UTF-8 character is cut in two
  for (int i = 0; i < 100; ++i) arabic += "ج";
  std::string expected;
  for (int i = 0; i < 80; ++i) expected += "ج";
  EXPECT_EQ(printable(arabic), expected + "…");
  EXPECT_EQ(printable("abcdef", 3), "abc…");
}

TEST(Quote, TheFrontEndsCopyAgrees) {
  for (const auto& c : cases()) EXPECT_EQ(lang::printable(c.text), printable(c.text)) << c.printable;
  EXPECT_EQ(lang::printable(std::string(200, 'y')), printable(std::string(200, 'y')));
  for (const std::string s : {"\xF0\x9D\x84\x9E", "\xF4\x90\x80\x80", "\xE0\x80\x80", "\xC1\x80"})
    EXPECT_EQ(lang::utf8_char_length(s, 0), utf8_char_length(s, 0)) << s;
}

}  // namespace
}  // namespace geoclaim
