#include "lang/Parser.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "lang/Lexer.hpp"
#include "lang/Text.hpp"

namespace geoclaim::lang {
namespace {

/// Thrown inside the parser to unwind to the statement loop; never escapes parse().
struct SyntaxError {
  Diagnostic diagnostic;
};

class Parser {
 public:
  Parser(const SourceFile& file, const Lexicon& lexicon, std::vector<Token> tokens)
      : m_file(file), m_lexicon(lexicon), m_tokens(std::move(tokens)) {}

  Script run(std::vector<Diagnostic>& errors) {
    Script script;
    while (!at(TokenKind::end)) {
      if (accept(TokenKind::newline)) continue;
      try {
        script.statements.push_back(statement());
        end_of_statement();
      } catch (const SyntaxError& e) {
        errors.push_back(e.diagnostic);
        while (!at(TokenKind::newline) && !at(TokenKind::end)) ++m_pos;  // panic: skip the line
      }
    }
    return script;
  }

 private:
  // ---- token helpers ----
  const Token& peek(size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
  bool at(TokenKind k) const { return peek().kind == k; }
  bool at_word(std::string_view w, size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::word && lower(peek(ahead).text) == w;
  }
  bool accept(TokenKind k) {
    if (!at(k)) return false;
    ++m_pos;
    return true;
  }
  bool accept_word(std::string_view w) {
    if (!at_word(w)) return false;
    ++m_pos;
    return true;
  }
  [[noreturn]] void fail(const std::string& expected) const {
    throw SyntaxError{{peek().span, "expected " + expected + ", found " + describe(peek())}};
  }
  const Token& expect(TokenKind k, const std::string& what) {
    if (!at(k)) fail(what);
    return m_tokens[m_pos++];
  }
  void expect_word(std::string_view w) {
    if (!accept_word(w)) fail("'" + std::string(w) + "'");
  }
  Name name(const std::string& what) {
    const Token& t = expect(TokenKind::word, what);
    return {t.text, t.span};
  }
  const Token& string_lit(const std::string& what) { return expect(TokenKind::string, what); }
  double number(const std::string& what) { return expect(TokenKind::number, what).number; }
  void end_of_statement() {
    if (!at(TokenKind::newline) && !at(TokenKind::end)) fail("end of line");
  }

  // distance := NUMBER UNIT
  DistanceLit distance() {
    const Token& n = expect(TokenKind::number, "a distance such as '500 m'");
    // The words that follow a distance are never units: "within 5 of" lacks its unit.
    if (at_word("of") || at_word("from") || at_word("and") || at_word("to"))
      fail("a unit (m, km, ft, yd, mi, nmi) after " + n.text);
    const Token& u = expect(TokenKind::word, "a unit (m, km, ft, yd, mi, nmi) after " + n.text);
    return {n.number, u.text, Span::cover(n.span, u.span), u.span, n.text};
  }

  // ---- statements ----
  Statement statement() {
    if (accept_word("load")) return load();
    if (accept_word("place")) return place();
    if (accept_word("select")) return select();
    if (accept_word("claim")) return claim();
    if (accept_word("attribute")) return attribute();
    if (accept_word("check")) return check_claims();
    if (accept_word("set")) return set();
    if (accept_word("report")) return report();
    fail("a statement (load, place, select, claim, attribute, check, set, report)");
  }

  // load NAME from "PATH" [layer "L"] [crs CRS] [lat COL lon COL | wkt COL | mgrs COL]
  //      [id COL] [uncertainty D]
  LoadStmt load() {
    LoadStmt s;
    s.name = name("a layer name after 'load'");
    expect_word("from");
    const Token& p = string_lit("a quoted path after 'from'");
    s.path = p.text;
    s.path_span = p.span;
    while (!at(TokenKind::newline) && !at(TokenKind::end)) {
      if (accept_word("layer")) {
        s.layer = string_lit("a quoted layer name after 'layer'").text;
      } else if (accept_word("crs")) {
        std::tie(s.crs, s.crs_span) = crs_value();
      } else if (accept_word("lat")) {
        s.lat_col = column("a column name after 'lat'");
      } else if (accept_word("lon")) {
        s.lon_col = column("a column name after 'lon'");
      } else if (accept_word("wkt")) {
        s.wkt_col = column("a column name after 'wkt'");
      } else if (accept_word("mgrs")) {
        s.mgrs_col = column("a column name after 'mgrs'");
      } else if (accept_word("id")) {
        s.id_col = column("a column name after 'id'");
      } else if (accept_word("uncertainty")) {
        s.uncertainty = distance();
      } else {
        fail("a load option (layer, crs, lat, lon, wkt, mgrs, id, uncertainty)");
      }
    }
    if (s.lat_col.has_value() != s.lon_col.has_value())
      throw SyntaxError{
          {(s.lat_col ? s.lat_col : s.lon_col)->span, "'lat COL' and 'lon COL' go together: name both columns"}};
    return s;
  }

  // column := WORD | "text"   (quoted when it has spaces: "Lat (WGS84)")
  Name column(const std::string& what) {
    if (at(TokenKind::string)) {
      const Token& t = m_tokens[m_pos++];
      return {t.text, t.span};
    }
    return name(what);
  }

  // crs := WORD[':' (NUMBER | WORD)] | "text"   (EPSG:32637, OGC:CRS84, "+proj=utm +zone=37")
  std::pair<std::string, Span> crs_value() {
    if (at(TokenKind::string)) {
      const Token& t = m_tokens[m_pos++];
      return {t.text, t.span};
    }
    const Token& w = expect(TokenKind::word, "a CRS such as EPSG:32637 or a quoted definition");
    std::string text = w.text;
    Span span = w.span;
    if (at(TokenKind::colon) && (peek(1).kind == TokenKind::number || peek(1).kind == TokenKind::word)) {
      ++m_pos;
      const Token& n = m_tokens[m_pos++];
      text += ":" + n.text;
      span = Span::cover(span, n.span);
    }
    return {text, span};
  }

  // place NAME at LAT, LON | at "TEXT" | at mgrs "TEXT"  [uncertainty D]
  PlaceStmt place() {
    PlaceStmt s;
    s.name = name("a place name after 'place'");
    expect_word("at");
    if (accept_word("mgrs")) {
      const Token& t = string_lit("a quoted MGRS reference after 'mgrs'");
      s.form = PlaceStmt::Form::mgrs;
      s.text = t.text;
      s.coord_span = t.span;
    } else if (at(TokenKind::string)) {
      const Token& t = m_tokens[m_pos++];
      s.form = PlaceStmt::Form::text;
      s.text = t.text;
      s.coord_span = t.span;
    } else {
      const Token& lat = expect(TokenKind::number, "latitude, longitude in decimal degrees");
      expect(TokenKind::comma, "',' between latitude and longitude");
      const Token& lon = expect(TokenKind::number, "a longitude after ','");
      s.form = PlaceStmt::Form::decimal;
      s.lat_deg = lat.number;
      s.lon_deg = lon.number;
      s.lat_text = lat.text;
      s.lon_text = lon.text;
      s.coord_span = Span::cover(lat.span, lon.span);
    }
    if (accept_word("uncertainty")) s.uncertainty = distance();
    return s;
  }

  // select NAME from LAYER where CONDITION
  SelectStmt select() {
    SelectStmt s;
    s.name = name("a name after 'select'");
    expect_word("from");
    s.layer = name("a layer name after 'from'");
    expect_word("where");
    s.where = or_condition();
    return s;
  }

  // or_condition := and_condition { 'or' and_condition }
  Condition or_condition() { return joined(Condition::Join::any, "or"); }
  // and_condition := comparison { 'and' comparison }
  Condition and_condition() { return joined(Condition::Join::all, "and"); }
  Condition joined(Condition::Join join, std::string_view word) {
    Condition first = join == Condition::Join::any ? and_condition() : comparison();
    if (!at_word(word)) return first;
    Condition node;
    node.join = join;
    node.span = first.span;
    node.children.push_back(std::move(first));
    while (accept_word(word)) {
      node.children.push_back(join == Condition::Join::any ? and_condition() : comparison());
      node.span = Span::cover(node.span, node.children.back().span);
    }
    return node;
  }
  // comparison := FIELD op VALUE | '(' or_condition ')'
  // The one recursive rule of the grammar: its depth is bounded, so that no script can exhaust
  // the stack (here, nor in the resolver and engine that walk the condition tree it builds).
  Condition comparison() {
    if (at(TokenKind::lparen)) {
      if (m_depth == kMaxConditionDepth)
        throw SyntaxError{{peek().span, "parentheses nested more than " + std::to_string(kMaxConditionDepth) +
                                            " deep in a condition (write a flatter condition)"}};
      const Token& open = m_tokens[m_pos++];
      ++m_depth;
      Condition c = or_condition();
      --m_depth;
      if (!accept(TokenKind::rparen))
        throw SyntaxError{{peek().span, "expected ')' to close the '(' opened at column " +
                                            std::to_string(m_file.line_col(open.span.begin).second) + ", found " +
                                            describe(peek())}};
      return c;
    }
    Condition c;
    c.field = name("a field name");
    if (accept_word("like")) {
      c.op = "like";
    } else {
      c.op = expect(TokenKind::op, "a comparison (=, !=, <, <=, >, >=, like)").text;
    }
    if (at(TokenKind::number)) {
      c.value_is_number = true;
      c.number = peek().number;
      c.value = peek().text;
    } else if (at(TokenKind::string) || at(TokenKind::word)) {
      c.value = peek().text;
    } else {
      fail("a value to compare with");
    }
    c.span = Span::cover(c.field.span, peek().span);
    c.value_span = peek().span;
    ++m_pos;
    return c;
  }

  // claim ID ':' body { [NEWLINE] (source "…" | quote "…") }
  // `source` and `quote` may start the following lines: they continue the claim.
  ClaimStmt claim() {
    ClaimStmt s;
    s.id = name("a claim id after 'claim'");
    expect(TokenKind::colon, "':' after the claim id");
    s.body = claim_body();
    for (;;) {
      if (at(TokenKind::newline) && (at_word("source", 1) || at_word("quote", 1))) ++m_pos;
      if (!at_word("source") && !at_word("quote")) break;
      const bool is_source = lower(peek().text) == "source";
      ++m_pos;
      const std::string text = string_lit(is_source ? "a quoted source" : "a quoted quote").text;
      (is_source ? s.source : s.quote) = text;
    }
    return s;
  }

  // body := 'distance' 'between' NAME 'and' NAME ['is'] distance_condition
  //       | 'line' 'from' NAME 'to' NAME 'crosses' NAME
  //       | [every|any|no|each] NAME relation
  ClaimBody claim_body() {
    ClaimBody b;
    const Span start = peek().span;
    if (at_word("distance") && at_word("between", 1)) {
      m_pos += 2;
      b.form = ClaimForm::distance_between;
      b.subject = name("a name after 'between'");
      expect_word("and");
      b.object = name("a name after 'and'");
      accept_word("is");
      distance_condition(b);
    } else if (at_word("line") && at_word("from", 1)) {
      m_pos += 2;
      b.form = ClaimForm::crosses;
      b.subject = name("a name after 'from'");
      expect_word("to");
      b.object = name("a name after 'to'");
      expect_word("crosses");
      b.crossed = name("a line layer after 'crosses'");
    } else {
      if (at(TokenKind::word) && m_lexicon.is_quantifier(peek().text) && peek(1).kind == TokenKind::word)
        b.quantifier = name("a quantifier");
      b.subject = name("a subject (a layer or place name)");
      relation(b);
    }
    b.span = Span::cover(start, m_tokens[m_pos - 1].span);
    return b;
  }

  // relation := 'within' [QUAL] distance 'of' NAME | ('inside' | 'hit') NAME
  //           | [QUAL] distance ('from' NAME | direction 'of' NAME) | direction 'of' NAME
  void relation(ClaimBody& b) {
    if (accept_word("within")) {
      b.form = ClaimForm::within;
      if (at(TokenKind::word)) b.qualifier = name("a tolerance word");
      b.distance = distance();
      expect_word("of");
      b.object = name("a layer or place name after 'of'");
      return;
    }
    if (accept_word("inside") || accept_word("hit")) {
      b.form = ClaimForm::inside;
      b.object = name("a polygon layer after 'inside'");
      return;
    }
    if (at(TokenKind::word) && !at_word("bearing") && peek(1).kind == TokenKind::number)
      b.qualifier = name("a tolerance word");
    if (at(TokenKind::number)) {
      b.distance = distance();
      if (accept_word("from")) {
        b.form = ClaimForm::distance_from;
        b.object = name("a layer or place name after 'from'");
        return;
      }
      b.form = ClaimForm::distance_direction;
    } else {
      if (b.qualifier) fail("a distance after '" + b.qualifier->text + "'");
      b.form = ClaimForm::direction;
    }
    b.direction = direction();
    expect_word("of");
    b.object = name("a layer or place name after 'of'");
  }

  // direction := COMPASS { COMPASS } | 'bearing' NUMBER [('±' | '+-') NUMBER ['°']]
  DirectionLit direction() {
    DirectionLit d;
    d.span = peek().span;
    if (accept_word("bearing")) {
      const Token& b = expect(TokenKind::number, "a bearing in degrees after 'bearing'");
      d.bearing_deg = b.number;
      d.bearing_text = b.text;
      accept(TokenKind::degree);
      if (accept(TokenKind::plus_minus)) {
        d.halfwidth_deg = number("a tolerance in degrees after '±'");
        accept(TokenKind::degree);
      }
    } else {
      while (at(TokenKind::word) && m_lexicon.is_compass_word(peek().text)) {
        if (!d.words.empty()) d.words += ' ';
        d.words += peek().text;
        ++m_pos;
      }
      if (d.words.empty()) fail("'within', 'inside', a distance, or a direction (north, SE, bearing 135, …)");
    }
    d.span = Span::cover(d.span, m_tokens[m_pos - 1].span);
    return d;
  }

  // distance_condition := 'at' 'most' distance | 'at' 'least' distance
  //                     | 'between' NUMBER [UNIT] 'and' distance | [QUAL] distance
  void distance_condition(ClaimBody& b) {
    if (accept_word("at")) {
      if (accept_word("most")) {
        b.distance_form = DistanceForm::at_most;
      } else if (accept_word("least")) {
        b.distance_form = DistanceForm::at_least;
      } else {
        fail("'most' or 'least' after 'at'");
      }
      b.distance = distance();
    } else if (accept_word("between")) {
      b.distance_form = DistanceForm::between;
      const Token& lo = expect(TokenKind::number, "a distance after 'between'");
      DistanceLit first{lo.number, "", lo.span, lo.span, lo.text};
      if (at(TokenKind::word) && !at_word("and")) {
        first.unit = peek().text;
        first.unit_span = peek().span;
        first.span = Span::cover(first.span, peek().span);
        ++m_pos;
      }
      expect_word("and");
      b.distance2 = distance();
      if (first.unit.empty()) first.unit = b.distance2->unit, first.unit_span = b.distance2->unit_span;
      b.distance = first;
    } else {
      if (at(TokenKind::word)) b.qualifier = name("a tolerance word or 'at most'");
      b.distance = distance();
    }
  }

  // attribute S to O [within D]
  AttributeStmt attribute() {
    AttributeStmt s;
    s.span = m_tokens[m_pos - 1].span;
    s.subject = name("a point layer or place after 'attribute'");
    expect_word("to");
    s.object = name("a footprint layer after 'to'");
    if (accept_word("within")) s.within = distance();
    s.span = Span::cover(s.span, m_tokens[m_pos - 1].span);
    return s;
  }

  // check claims from "PATH"
  CheckClaimsStmt check_claims() {
    expect_word("claims");
    expect_word("from");
    const Token& p = string_lit("a quoted path after 'from'");
    return {p.text, p.span};
  }

  // set tolerance WORD = NUMBER '%' | set tolerance WORD = distance | set crs CRS
  // | set timezone (WORD | STRING) | set network on
  Statement set() {
    if (accept_word("network")) {
      const Span network = m_tokens[m_pos - 2].span;  // from `set`
      // Only `on`: off is the default, and a job cannot take back what the command line allows.
      if (!at_word("on")) fail("'on' after 'network' (network access is off unless a job allows it)");
      return SetNetworkStmt{Span::cover(network, m_tokens[m_pos++].span)};
    }
    if (accept_word("crs")) {
      auto [crs, span] = crs_value();
      return SetCrsStmt{crs, span};
    }
    if (accept_word("timezone")) {
      if (!at(TokenKind::string) && !at(TokenKind::word))
        fail("a zone after 'timezone' (UTC or a quoted offset such as \"+03:00\")");
      const Token& z = m_tokens[m_pos++];
      return SetTimeZoneStmt{z.text, z.span};
    }
    if (!accept_word("tolerance")) fail("'tolerance', 'crs', 'timezone' or 'network' after 'set'");
    SetToleranceStmt s;
    s.word = name("a tolerance word (about, approximately, …)");
    if (!(at(TokenKind::op) && peek().text == "=")) fail("'=' after the tolerance word");
    ++m_pos;
    if (at(TokenKind::number) && peek(1).kind == TokenKind::percent) {
      s.value = peek().number;
      s.percent = true;
      m_pos += 2;
    } else {
      s.distance = distance();
    }
    s.span = Span::cover(s.word.span, m_tokens[m_pos - 1].span);
    return s;
  }

  // report to "DIR" [as geojson | as gpkg]
  ReportStmt report() {
    expect_word("to");
    ReportStmt s;
    const Token& d = string_lit("a quoted folder after 'to'");
    s.dir = d.text;
    s.dir_span = d.span;
    if (accept_word("as")) {
      const Token& f = expect(TokenKind::word, "'geojson' or 'gpkg' after 'as'");
      s.format = lower(f.text);
      s.format_span = f.span;
      if (s.format != "geojson" && s.format != "gpkg")
        throw SyntaxError{{f.span, "unknown output format '" + f.text + "' (expected geojson or gpkg)"}};
    }
    return s;
  }

  const SourceFile& m_file;
  const Lexicon& m_lexicon;
  std::vector<Token> m_tokens;
  size_t m_pos = 0;
  int m_depth = 0;  ///< parentheses open around the current comparison
};

}  // namespace

Script parse(const SourceFile& file, const Lexicon& lexicon, std::vector<Diagnostic>& errors) {
  std::vector<Diagnostic> lex_errors;
  auto tokens = lex(file, lex_errors);
  std::vector<Diagnostic> parse_errors;
  Script script = Parser(file, lexicon, std::move(tokens)).run(parse_errors);
  // Keep source order, and one message per line: a bad character usually also breaks the
  // statement it is in, and the lexer's message is the one that explains it.
  for (const auto& d : parse_errors) {
    const int line = file.line_col(d.span.begin).first;
    bool has_lex_error = std::any_of(lex_errors.begin(), lex_errors.end(),
                                     [&](const Diagnostic& l) { return file.line_col(l.span.begin).first == line; });
    if (!has_lex_error) lex_errors.push_back(d);
  }
  std::stable_sort(lex_errors.begin(), lex_errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  errors.insert(errors.end(), lex_errors.begin(), lex_errors.end());
  return script;
}

}  // namespace geoclaim::lang
