// `select … where …` over the al-Jinah footprints (testdata/al-jinah-2017: 7 polygons, `id`
// integer 1–7, `name`, `kind` mosque|building).
#include <gtest/gtest.h>

#include "engine/Like.hpp"
#include "engine/Select.hpp"
#include "job/Resolver.hpp"
#include "lang/Parser.hpp"
#include "tests/Fixtures.hpp"

namespace geoclaim {
namespace {

std::vector<std::string> ids(const std::string& condition) {
  static const Layer footprints = test::load_fixture("testdata/al-jinah-2017/footprints.geojson", "footprints");
  lang::SourceFile f("t.gcl", "select x from footprints where " + condition + "\n");
  std::vector<lang::Diagnostic> errors;
  const lang::Script s = lang::parse(f, job::lexicon(), errors);
  EXPECT_TRUE(errors.empty()) << condition;
  std::vector<lang::Name> fields;
  const Condition where = job::resolve_condition(std::get<lang::SelectStmt>(s.statements.at(0)).where, fields);
  EXPECT_EQ(find_unknown_field(footprints, where), nullptr);
  std::vector<std::string> out;
  for (size_t i : select_features(footprints, where)) out.push_back(footprints.features()[i].id);
  return out;
}

using V = std::vector<std::string>;

TEST(Select, EveryOperator) {
  EXPECT_EQ(ids("kind = \"mosque\""), V{"1"});
  EXPECT_EQ(ids("kind != \"building\""), V{"1"});
  EXPECT_EQ(ids("id < 3"), (V{"1", "2"}));
  EXPECT_EQ(ids("id <= 3"), (V{"1", "2", "3"}));
  EXPECT_EQ(ids("id > 5"), (V{"6", "7"}));
  EXPECT_EQ(ids("id >= 7"), V{"7"});
  EXPECT_EQ(ids("name like \"building _\""), (V{"4", "5", "6", "7"}));
  EXPECT_EQ(ids("name like \"%BUILDING\""), V{"3"});  // "target building"; like ignores case
  EXPECT_EQ(ids("name like \"%ex\""), V{"2"});
}

TEST(Select, AndOrParentheses) {
  EXPECT_EQ(ids("kind = \"building\" and id < 4"), (V{"2", "3"}));
  EXPECT_EQ(ids("kind = \"mosque\" or id = 7"), (V{"1", "7"}));
  EXPECT_EQ(ids("(kind = \"mosque\" or id = 7) and id > 1"), V{"7"});
  EXPECT_EQ(ids("kind = \"mosque\" or id > 5 and id < 7"), (V{"1", "6"}));  // and binds tighter
}

// The deepest condition the parser takes goes through the resolver and the selection, which
// walk it recursively (lang::kMaxConditionDepth bounds them all).
TEST(Select, TheDeepestConditionResolvesAndSelects) {
  std::string condition = "id = 7";
  for (int d = 0; d < lang::kMaxConditionDepth; ++d) condition = (d % 2 ? "id > 0 and (" : "id = 2 or (") + condition;
  condition += std::string(lang::kMaxConditionDepth, ')');
  EXPECT_EQ(ids(condition), (V{"2", "7"}));
}

TEST(Like, WholeTextCaseInsensitivePercentAndUnderscore) {
  struct Case {
    const char* text;
    const char* pattern;
    bool matches;
  };
  for (const Case& c : std::initializer_list<Case>{{"annex", "annex", true},
                                                   {"Annex", "aNNEX", true},
                                                   {"annex", "anne", false},
                                                   {"annex", "%ex", true},
                                                   {"annex", "%n%x", true},
                                                   {"annex", "a_nex", true},
                                                   {"annex", "a___ex", false},
                                                   {"", "", true},
                                                   {"", "%", true},
                                                   {"", "_", false},
                                                   {"abc", "%%%", true},
                                                   {"abab", "%ab", true},
                                                   {"abac", "%ab", false},
                                                   {"mississippi", "%iss%ppi", true},
                                                   {"mississippi", "m%is_ip%", true},
                                                   {"aaa", "%a%a%a%a", false},
                                                   {"café", "caf_", true},
                                                   {"café", "caf__", false},
                                                   {"الجينة", "ال____", true},
                                                   {"الجينة", "%_ة", true}})
    EXPECT_EQ(like(c.text, c.pattern), c.matches) << c.text << " like " << c.pattern;
}

// The text is data and the pattern is script: neither sets the stack depth (the recursive
// version took a frame per character and crashed on a megabyte) nor an exponential time.
TEST(Like, LongTextsAndManyPercentSigns) {
  const std::string text(1'000'000, 'a');
  EXPECT_TRUE(like(text, std::string(1'000'000, '_')));
  EXPECT_FALSE(like(text, std::string(1'000'001, '_')));
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "%a";
  EXPECT_FALSE(like(std::string(2000, 'a'), pattern + "%b"));
  EXPECT_TRUE(like(std::string(2000, 'a') + "b", pattern + "%b"));
}

// Backtracking is |text| × |pattern| on a long literal after a '%' (issue 9: 100,000-character
// cells against a 2,000-character "%aa…ab" took 84 s); like() hands such a case to the automaton.
TEST(Like, LongLiteralAfterPercentIsNotQuadratic) {
  const std::string text(100'000, 'a');
  const std::string pattern = "%" + std::string(1999, 'a') + "b";
  bool gave_up = false;
  like_detail::backtracking(text, pattern, 4 * (text.size() + pattern.size()) + 1024, gave_up);
  EXPECT_TRUE(gave_up);  // the case that needs the automaton
  EXPECT_FALSE(like(text, pattern));
  EXPECT_TRUE(like(text + "b", pattern));
  EXPECT_TRUE(like(text + "B", pattern));
  EXPECT_FALSE(like(text + "bc", pattern));
  EXPECT_TRUE(like(text + "bc", pattern + "_"));
  EXPECT_TRUE(like(text + "bé", pattern + "_"));
}

// The two matchers agree on every text and pattern over a small alphabet that holds both
// wildcards, a letter in two cases and a two-byte character, up to length 6 and 4.
TEST(Like, AutomatonAgreesWithBacktracking) {
  const std::vector<std::string> text_chars = {"a", "B", "é"}, pattern_chars = {"a", "b", "é", "%", "_"};
  const auto all_strings = [](const std::vector<std::string>& alphabet, size_t max_len) {
    std::vector<std::string> out = {""};
    for (size_t begin = 0, len = 0; len < max_len; ++len) {
      const size_t end = out.size();
      for (size_t i = begin; i < end; ++i)
        for (const auto& c : alphabet) out.push_back(out[i] + c);
      begin = end;
    }
    return out;
  };
  const auto texts = all_strings(text_chars, 6), patterns = all_strings(pattern_chars, 4);
  size_t matches = 0;
  for (const auto& p : patterns)
    for (const auto& t : texts) {
      bool gave_up = false;
      const bool expected = like_detail::backtracking(t, p, SIZE_MAX, gave_up);
      ASSERT_EQ(like_detail::automaton(t, p), expected) << t << " like " << p;
      matches += expected;
    }
  EXPECT_GT(matches, 10000u);  // the alphabet makes both outcomes common
}

TEST(Select, NumbersCompareAsNumbersOnNumericFields) {
  EXPECT_EQ(ids("id = 3.0"), V{"3"});
  EXPECT_EQ(ids("id > 10"), V{});  // as text "2" > "10" would be true
}

TEST(Select, UnknownFieldIsFound) {
  const Layer footprints = test::load_fixture("testdata/al-jinah-2017/footprints.geojson");
  lang::SourceFile f("t.gcl", "select x from footprints where kind = \"mosque\" and knd = 1\n");
  std::vector<lang::Diagnostic> errors;
  const lang::Script s = lang::parse(f, job::lexicon(), errors);
  std::vector<lang::Name> fields;
  const Condition where = job::resolve_condition(std::get<lang::SelectStmt>(s.statements[0]).where, fields);
  const auto* bad = find_unknown_field(footprints, where);
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->field, "knd");
  // The resolver keeps where it was written, for the error's caret.
  EXPECT_EQ(fields.at(bad->source_ref).text, "knd");
  EXPECT_EQ(f.line_col(fields.at(bad->source_ref).span.begin).second, 52);
}

}  // namespace
}  // namespace geoclaim
