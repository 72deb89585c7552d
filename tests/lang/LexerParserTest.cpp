// The language front end: every statement and claim form parses to the expected tree, and
// every mistake is reported once, located, with a caret.
#include <gtest/gtest.h>

#include <regex>

#include "lang/Lexer.hpp"
#include "lang/Parser.hpp"
#include "lang/Text.hpp"

namespace geoclaim::lang {
namespace {

/// The parser's word classes as the tests give them: the front end is tested on its own, with
/// the few quantifier and compass words these scripts use (job/ hands it the engine's tables).
const Lexicon& words() {
  static const Lexicon lexicon{[](std::string_view w) {
                                 const std::string l = lower(w);
                                 return l == "every" || l == "any" || l == "no" || l == "each";
                               },
                               [](std::string_view w) {
                                 static const std::regex compass(
                                     "((north|south|east|west)+(-(north|south|east|west)+)*|[nsew]{1,3})",
                                     std::regex::icase);
                                 return std::regex_match(std::string(w), compass);
                               }};
  return lexicon;
}

Script parse_ok(const std::string& text) {
  SourceFile f("t.gcl", text);
  std::vector<Diagnostic> errors;
  Script s = parse(f, words(), errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : f.render(errors[0].span, errors[0].message));
  return s;
}

std::string first_error(const std::string& text) {
  SourceFile f("job.gcl", text);
  std::vector<Diagnostic> errors;
  parse(f, words(), errors);
  if (errors.empty()) return "";
  return f.render(errors[0].span, errors[0].message);
}

const ClaimBody& claim_of(const Script& s, size_t i = 0) { return std::get<ClaimStmt>(s.statements.at(i)).body; }

TEST(Lexer, TokensKeepSpansAndValues) {
  SourceFile f("t", "place x at -35.5, 40 # comment\nclaim a: \"q\\\"x\" ± 5°");
  std::vector<Diagnostic> errors;
  auto toks = lex(f, errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(toks[3].kind, TokenKind::number);
  EXPECT_DOUBLE_EQ(toks[3].number, -35.5);
  EXPECT_EQ(f.slice(toks[3].span), "-35.5");
  EXPECT_EQ(toks[6].kind, TokenKind::newline);
  EXPECT_EQ(toks[10].kind, TokenKind::string);
  EXPECT_EQ(toks[10].text, "q\"x");
  EXPECT_EQ(toks[11].kind, TokenKind::plus_minus);
  EXPECT_EQ(toks[13].kind, TokenKind::degree);
}

TEST(Parser, DesignExampleParses) {
  const Script s = parse_ok(R"(# Saeqa camp near Ayyash, 6 December 2015 (report 002)
load strikes from "testdata/ayyash-2015/coalition-strikes.csv" uncertainty 200 m
load wells   from "testdata/ayyash-2015/oil-wells.geojson"
place ayyash at 35.383, 40.017                      # lat, lon in WGS84
place camp   at "35°22'30\"N 40°00'10\"E"
place mozdok at mgrs "38TMN1234567890"

claim southeast: every strikes approximately 55 km southeast of ayyash
claim on_wells:  every strikes within 500 m of wells
claim not_camp:  no strikes within 10 km of camp
claim reach:     distance between mozdok and camp at most 2400 km

report to "out/ayyash-2015"
)");
  ASSERT_EQ(s.statements.size(), 10u);
  const auto& load = std::get<LoadStmt>(s.statements[0]);
  EXPECT_EQ(load.name.text, "strikes");
  EXPECT_EQ(load.uncertainty->value, 200);
  const auto& camp = std::get<PlaceStmt>(s.statements[3]);
  EXPECT_EQ(camp.form, PlaceStmt::Form::text);
  EXPECT_EQ(camp.text, "35°22'30\"N 40°00'10\"E");
  EXPECT_EQ(std::get<PlaceStmt>(s.statements[4]).form, PlaceStmt::Form::mgrs);
  const ClaimBody& se = claim_of(s, 5);
  EXPECT_EQ(se.form, ClaimForm::distance_direction);
  EXPECT_EQ(se.quantifier->text, "every");
  EXPECT_EQ(se.qualifier->text, "approximately");
  EXPECT_EQ(se.distance->value, 55);
  EXPECT_EQ(se.direction->words, "southeast");
  EXPECT_EQ(claim_of(s, 7).quantifier->text, "no");
  const ClaimBody& reach = claim_of(s, 8);
  EXPECT_EQ(reach.form, ClaimForm::distance_between);
  EXPECT_EQ(reach.distance_form, DistanceForm::at_most);
  EXPECT_EQ(std::get<ReportStmt>(s.statements[9]).dir, "out/ayyash-2015");
}

TEST(Parser, EveryClaimForm) {
  const Script s = parse_ok(
      "claim a: every s within about 500 m of o\n"
      "claim b: s 55 km south east of o\n"
      "claim c: any s 3 mi from o\n"
      "claim d: s south-south-east of o\n"
      "claim e: each s inside o\n"
      "claim f: s hit o\n"
      "claim g: distance between a and b is about 50 ft\n"
      "claim h: distance between a and b is at least 1 km\n"
      "claim i: distance between a and b is between 10 and 20 m\n"
      "claim j: line from a to b crosses street\n"
      "claim k: s bearing 135 ± 10° of o\n"
      "claim l: s nearly 2 nmi bearing 90 of o source \"CENTCOM\" quote \"near\"\n");
  EXPECT_EQ(claim_of(s, 0).form, ClaimForm::within);
  EXPECT_EQ(claim_of(s, 0).qualifier->text, "about");
  EXPECT_EQ(claim_of(s, 1).direction->words, "south east");
  EXPECT_FALSE(claim_of(s, 1).qualifier);
  EXPECT_EQ(claim_of(s, 2).form, ClaimForm::distance_from);
  EXPECT_EQ(claim_of(s, 2).distance->unit, "mi");
  EXPECT_EQ(claim_of(s, 3).form, ClaimForm::direction);
  EXPECT_EQ(claim_of(s, 4).form, ClaimForm::inside);
  EXPECT_EQ(claim_of(s, 4).quantifier->text, "each");
  EXPECT_EQ(claim_of(s, 5).form, ClaimForm::inside);
  EXPECT_EQ(claim_of(s, 6).qualifier->text, "about");
  EXPECT_EQ(claim_of(s, 7).distance_form, DistanceForm::at_least);
  EXPECT_EQ(claim_of(s, 8).distance_form, DistanceForm::between);
  EXPECT_EQ(claim_of(s, 8).distance->unit, "m");  // "10" takes the unit of "20 m"
  EXPECT_EQ(claim_of(s, 8).distance2->value, 20);
  EXPECT_EQ(claim_of(s, 9).form, ClaimForm::crosses);
  EXPECT_EQ(claim_of(s, 9).crossed.text, "street");
  EXPECT_DOUBLE_EQ(*claim_of(s, 10).direction->bearing_deg, 135);
  EXPECT_DOUBLE_EQ(*claim_of(s, 10).direction->halfwidth_deg, 10);
  const auto& l = std::get<ClaimStmt>(s.statements[11]);
  EXPECT_EQ(*l.source, "CENTCOM");
  EXPECT_EQ(*l.quote, "near");
}

TEST(Parser, SourceAndQuoteMayContinueOnTheNextLines) {
  const Script s =
      parse_ok("claim a: s within 5 km of o\n  source \"ARA News\"\n  quote \"near the airport\"\nreport to \"x\"\n");
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(*std::get<ClaimStmt>(s.statements[0]).quote, "near the airport");
}

TEST(Parser, SelectConditions) {
  const Script s = parse_ok("select m from f where kind = \"mosque\" and (height >= 3 or name like \"%jinah%\")\n");
  const auto& sel = std::get<SelectStmt>(s.statements[0]);
  EXPECT_EQ(sel.where.join, Condition::Join::all);
  ASSERT_EQ(sel.where.children.size(), 2u);
  EXPECT_EQ(sel.where.children[1].join, Condition::Join::any);
  EXPECT_TRUE(sel.where.children[1].children[0].value_is_number);
  EXPECT_EQ(sel.where.children[1].children[1].op, "like");
}

TEST(Parser, LoadOptionsAndSetStatements) {
  const Script s = parse_ok(
      "load u from \"a.csv\" crs EPSG:32637 lat northing lon easting id name\n"
      "load g from \"a.gpkg\" layer \"buildings\"\n"
      "set tolerance about = 25%\n"
      "set tolerance near = 2 km\n"
      "set crs EPSG:32637\n"
      "report to \"out/x\" as gpkg\n"
      "set timezone UTC\n"
      "set timezone \"+03:00\"\n");
  const auto& u = std::get<LoadStmt>(s.statements[0]);
  EXPECT_EQ(*u.crs, "EPSG:32637");
  EXPECT_EQ(u.lat_col->text, "northing");
  EXPECT_EQ(u.id_col->text, "name");
  EXPECT_EQ(*std::get<LoadStmt>(s.statements[1]).layer, "buildings");
  EXPECT_TRUE(std::get<SetToleranceStmt>(s.statements[2]).percent);
  EXPECT_EQ(std::get<SetToleranceStmt>(s.statements[3]).distance->unit, "km");
  EXPECT_EQ(std::get<SetCrsStmt>(s.statements[4]).crs, "EPSG:32637");
  EXPECT_EQ(std::get<ReportStmt>(s.statements[5]).format, "gpkg");
  EXPECT_EQ(std::get<SetTimeZoneStmt>(s.statements[6]).zone, "UTC");
  EXPECT_EQ(std::get<SetTimeZoneStmt>(s.statements[7]).zone, "+03:00");
}

TEST(ParserErrors, SetTimezoneNeedsAZone) {
  EXPECT_NE(first_error("set timezone\n")
                .find("expected a zone after 'timezone' (UTC or a quoted offset such as "
                      "\"+03:00\"), found end of line"),
            std::string::npos)
      << first_error("set timezone\n");
  EXPECT_NE(first_error("set zone UTC\n").find("expected 'tolerance', 'crs', 'timezone' or 'network' after 'set'"),
            std::string::npos);
}

TEST(ParserErrors, ShowFileLineColumnTheLineAndACaret) {
  EXPECT_EQ(first_error("load a from \"x.csv\"\nclaim c: every a within 5 of b\n"),
            "job.gcl:2:27: expected a unit (m, km, ft, yd, mi, nmi) after 5, found 'of'\n"
            "    claim c: every a within 5 of b\n"
            "                              ^~\n");
}

TEST(ParserErrors, NameTheTokenFound) {
  EXPECT_NE(first_error("claim x every s within 5 km of o\n").find("expected ':' after the claim id, found 'every'"),
            std::string::npos);
  EXPECT_NE(first_error("frobnicate\n").find("expected a statement (load, place"), std::string::npos);
  EXPECT_NE(first_error("place x at 35.1\n").find("expected ',' between latitude and longitude, found end of line"),
            std::string::npos);
}

TEST(ParserErrors, UnclosedThingsSayWhereTheyOpened) {
  EXPECT_NE(first_error("claim c: s within 5 km of o quote \"never closed\n").find("unterminated string"),
            std::string::npos);
  EXPECT_NE(first_error("select m from f where (a = 1 and b = 2\n").find("to close the '(' opened at column 23"),
            std::string::npos);
}

std::string nested_select(int depth) {
  return "select m from f where " + std::string(static_cast<size_t>(depth), '(') + "a = 1" +
         std::string(static_cast<size_t>(depth), ')') + "\n";
}

TEST(Parser, ConditionsNestUpToTheLimit) {
  const Script s = parse_ok(nested_select(kMaxConditionDepth));
  EXPECT_EQ(std::get<SelectStmt>(s.statements.at(0)).where.field.text, "a");
}

// Each '(' is a recursion of the parser: 7,000 of them used to exhaust the stack (SIGSEGV).
TEST(ParserErrors, ParenthesesNestedTooDeepAreOneErrorAtTheFirstOneTooMany) {
  const std::string limit = std::to_string(kMaxConditionDepth);
  for (const int depth : {kMaxConditionDepth + 1, 7000, 100000}) {
    SourceFile f("job.gcl", nested_select(depth) + "place p at 1, 2\n");
    std::vector<Diagnostic> errors;
    const Script s = parse(f, words(), errors);
    ASSERT_EQ(errors.size(), 1u) << depth;
    EXPECT_EQ(f.line_col(errors[0].span.begin),
              std::make_pair(1, 23 + kMaxConditionDepth))  // "select m from f where " is 22
        << depth;
    EXPECT_EQ(errors[0].message,
              "parentheses nested more than " + limit + " deep in a condition (write a flatter condition)");
    EXPECT_EQ(s.statements.size(), 1u);  // the place on the next line still parses
  }
}

TEST(ParserErrors, EveryMistakeOnceAndTheRestStillParses) {
  SourceFile f("job.gcl", "claim a: s within 5 kms\nplace p at 35.1, 40\nclaim b s 5 km from p\nload q frm \"x\"\n");
  std::vector<Diagnostic> errors;
  const Script s = parse(f, words(), errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(f.line_col(errors[0].span.begin).first, 1);
  EXPECT_EQ(f.line_col(errors[1].span.begin).first, 3);
  EXPECT_EQ(f.line_col(errors[2].span.begin).first, 4);
  EXPECT_EQ(s.statements.size(), 1u);  // the good place statement
}

TEST(ParserErrors, ANumberBeyondADoubleIsOutOfRangeNotMalformed) {
  const std::string big = "1" + std::string(400, '0');
  EXPECT_EQ(first_error("claim c: p within " + big + " km of p\n")
                .rfind("job.gcl:1:19: number '1" + std::string(39, '0') +
                           "…' is beyond what a double holds (about 1.8e308)\n",
                       0),
            0u);
  EXPECT_NE(first_error("place p at 1.2.3, 4\n").find("malformed number '1.2.3'"), std::string::npos);
  // Out of range the other way: too close to zero is not "beyond" (review of issue 9).
  const std::string tiny = "0." + std::string(400, '0') + "1";
  EXPECT_NE(first_error("claim c: p within " + tiny + " km of p\n")
                .find("' is closer to zero than a double holds (about 4.9e-324)"),
            std::string::npos);
  EXPECT_NE(first_error("place p at -." + std::string(400, '0') + "1, 4\n").find("closer to zero"), std::string::npos);
}

TEST(ParserErrors, UnexpectedCharacterIsQuotedWhole) {
  EXPECT_NE(first_error("place p at 35.1, 40 ≈\n").find("unexpected character '≈'"), std::string::npos);
}

// A NUL or an ESC in the script reaches the terminal only escaped, in the message and in the
// line shown, with the caret under the escaped text.
TEST(ParserErrors, ControlCharactersAreShownEscaped) {
  EXPECT_EQ(first_error(std::string("place p at 35, 40 \x1b[2J\n")),
            "job.gcl:1:19: unexpected character '\\x1b'\n"
            "    place p at 35, 40 \\x1b[2J\n"
            "                      ^~~~\n");
  EXPECT_EQ(first_error(std::string("place p\0 at 35, 40\n", 20)),
            "job.gcl:1:8: unexpected character '\\0'\n"
            "    place p\\0 at 35, 40\n"
            "           ^~\n");
  EXPECT_NE(first_error("claim c: p within 5 km of p source \"x\" \"\x1b]0;title\x07\"\n")
                .find("found string \"\\x1b]0;title\\x07\""),
            std::string::npos);
}

TEST(ParserErrors, AJobThatIsNotUtf8SaysWhere) {
  const std::string e = first_error("place p at 35.1, 40.1 quote \"caf\xE9\"\n");
  EXPECT_EQ(e.rfind("job.gcl:1:33: byte 0xE9 is not UTF-8 (save the job as UTF-8)\n", 0), 0u) << e;
}

TEST(ParserErrors, OverlongAndSurrogateBytesAreNotUtf8) {
  for (const char* bad : {"\xC1\x80", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE0\x80\x80"}) {
    const std::string e = first_error(std::string("place p at 35.1, 40.1 quote \"") + bad + "\"\n");
    EXPECT_NE(e.find("is not UTF-8"), std::string::npos) << e;
  }
  EXPECT_EQ(first_error("claim c: p within 5 km of p quote \"35°17′08″ 𝄞\"\n"), "");  // 2-, 3-, 4-byte forms
}

TEST(SourceFile, ColumnsCountCharactersNotBytes) {
  SourceFile f("t", "place c at \"35°22'\" x\n");
  const auto pos = static_cast<uint32_t>(f.text().find(" x") + 1);
  EXPECT_EQ(f.line_col(pos).second, 21);
}

}  // namespace
}  // namespace geoclaim::lang
