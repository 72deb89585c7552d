#include "engine/Select.hpp"

#include <cctype>
#include <charconv>
#include <map>
#include <stdexcept>

#include "engine/Like.hpp"
#include "engine/Text.hpp"

namespace geoclaim {
namespace {

bool compare(double a, double b, CompareOp op) {
  switch (op) {
    case CompareOp::eq:
      return a == b;
    case CompareOp::ne:
      return a != b;
    case CompareOp::lt:
      return a < b;
    case CompareOp::le:
      return a <= b;
    case CompareOp::gt:
      return a > b;
    case CompareOp::ge:
      return a >= b;
    case CompareOp::like:  // handled by the caller, on text
      break;
  }
  return false;
}

bool compare(const std::string& a, const std::string& b, CompareOp op) {
  const int c = a.compare(b);
  return compare(static_cast<double>(c), 0.0, op);
}

const char* op_text(CompareOp op) {
  switch (op) {
    case CompareOp::eq:
      return "=";
    case CompareOp::ne:
      return "!=";
    case CompareOp::lt:
      return "<";
    case CompareOp::le:
      return "<=";
    case CompareOp::gt:
      return ">";
    case CompareOp::ge:
      return ">=";
    case CompareOp::like:
      break;
  }
  return "like";
}

bool is_ordering(CompareOp op) {
  return op == CompareOp::lt || op == CompareOp::le || op == CompareOp::gt || op == CompareOp::ge;
}

std::optional<Instant> as_instant(const std::string& text) {
  try {
    return parse_instant(text);
  } catch (const TimeError&) {
    return std::nullopt;
  }
}

/// "testdata/times/strikes.kml feature 3", with the id when it is not that number.
std::string which_feature(const Layer& layer, const Feature& f) {
  std::string out = printable_path(layer.source().path) + " feature " + std::to_string(f.source_row);
  if (f.id != std::to_string(f.source_row)) out += " (id " + quote(f.id) + ")";
  return out;
}

const char* what_it_holds(Instant::Kind k) {
  switch (k) {
    case Instant::Kind::date:
      return "dates";
    case Instant::Kind::time_of_day:
      return "times of day";
    case Instant::Kind::date_time:
      break;
  }
  return "times";
}

/// The literal of each comparison with a time field, read as a time: checked once, against
/// every feature, so an error does not depend on which features `and`/`or` happen to reach.
class TimeLiterals {
 public:
  TimeLiterals(const Layer& layer, std::optional<int> default_offset_min)
      : m_layer(layer), m_default(default_offset_min) {}

  /// @throw CompareError
  void check(const Condition& c) {
    if (c.join != Condition::Join::leaf) {
      for (const auto& ch : c.children) check(ch);
      return;
    }
    if (c.op == CompareOp::like) return;
    const size_t i = *m_layer.field_index(c.field);
    const Field& field = m_layer.fields()[i];
    if (field.type == Field::Type::time)
      m_literals.emplace(&c, time_literal(c, i));
    else if (field.type == Field::Type::string)
      check_text_field(c, i);
  }

  const Instant* literal(const Condition& c) const {
    auto it = m_literals.find(&c);
    return it == m_literals.end() ? nullptr : &it->second;
  }
  std::optional<int> default_offset() const { return m_default; }

 private:
  Instant time_literal(const Condition& c, size_t i) const {
    const std::string& name = m_layer.fields()[i].name;
    Instant lit;
    try {
      lit = parse_instant(c.value);
    } catch (const TimeError& e) {
      throw CompareError(c, "field " + quote(name) + " holds times; " + e.what());
    }
    for (const Feature& f : m_layer.features()) {
      const auto* v = std::get_if<Instant>(&f.attributes[i]);
      if (!v) continue;
      const std::string value = format_instant(*v);
      if ((v->kind == Instant::Kind::time_of_day) != (lit.kind == Instant::Kind::time_of_day))
        throw CompareError(
            c, "field " + quote(name) + " holds " + what_it_holds(v->kind) + " (" + value + "); " + quote(c.value) +
                   (lit.kind == Instant::Kind::time_of_day ? " is a time of day without a date" : " has a date") +
                   ": compare " + what_it_holds(v->kind) + " with " + what_it_holds(v->kind));
      if (has_zone(*v, m_default) == has_zone(lit, m_default)) continue;
      if (has_zone(lit, m_default))
        throw CompareError(
            c, which_feature(m_layer, f) + " has " + name + " " + value + ", with no time zone, and " + quote(c.value) +
                   " has one: say which zone such times are in (set timezone UTC, set " + "timezone \"+03:00\", …)");
      const int zone = v->offset_min.value_or(0);
      const std::string set = zone == 0 ? "set timezone UTC" : "set timezone \"" + format_utc_offset(zone) + "\"";
      throw CompareError(c, quote(c.value) + " has no time zone and " + which_feature(m_layer, f) + " has " + name +
                                " " + value + ", with one: write the zone ('" +
                                // A date takes a zone only with a time: its midnight, written out.
                                format_instant({Instant::Kind::date_time, lit.wall_ms, v->offset_min}) +
                                "') or set one (" + set + ")");
    }
    return lit;
  }

  /// A text field against a time: its values would be compared letter by letter, which orders
  /// "2016/09/17 15:55" after "2016-09-17 23:00". Refused where that is the likely mistake: any
  /// order (<, <=, >, >=), and = or != on a source's date/time field held as text.
  void check_text_field(const Condition& c, size_t i) const {
    const Field& field = m_layer.fields()[i];
    if (!is_ordering(c.op) && field.not_times.empty()) return;
    if (!as_instant(c.value)) return;
    std::string why = field.not_times;
    for (size_t k = 0; why.empty() && k < m_layer.size(); ++k) {
      const Feature& f = m_layer.features()[k];
      const auto* s = std::get_if<std::string>(&f.attributes[i]);
      if (s && !s->empty() && !as_instant(*s))
        why = which_feature(m_layer, f) + " has " + quote(*s) + ", which is no time";
    }
    if (why.empty()) why = "the source stores it as text";
    throw CompareError(c, "field " + quote(field.name) + " holds text, not times (" + why + "), so '" + op_text(c.op) +
                              " \"" + printable(c.value) + "\"' would compare it letter by letter" +
                              (field.not_times.empty() ? "" : ": correct that value in the data"));
  }

  const Layer& m_layer;
  std::optional<int> m_default;
  std::map<const Condition*, Instant> m_literals;
};

bool matches(const Feature& f, const Layer& layer, const Condition& c, const TimeLiterals& times) {
  if (c.join == Condition::Join::all) {
    for (const auto& ch : c.children)
      if (!matches(f, layer, ch, times)) return false;
    return true;
  }
  if (c.join == Condition::Join::any) {
    for (const auto& ch : c.children)
      if (matches(f, layer, ch, times)) return true;
    return false;
  }
  const size_t i = *layer.field_index(c.field);
  const AttributeValue& v = f.attributes[i];
  if (std::holds_alternative<std::monostate>(v)) return false;
  if (c.op == CompareOp::like) return like(attribute_text(v), c.value);
  const Instant* lit = times.literal(c);
  if (const auto* t = std::get_if<Instant>(&v); t && lit) {
    const auto a = order_key(*t, times.default_offset());
    const auto b = order_key(*lit, times.default_offset());
    return compare(static_cast<double>((a > b) - (a < b)), 0.0, c.op);
  }
  if (c.value_is_number) {
    if (const auto* n = std::get_if<int64_t>(&v)) return compare(static_cast<double>(*n), c.number, c.op);
    if (const auto* d = std::get_if<double>(&v)) return compare(*d, c.number, c.op);
  }
  return compare(attribute_text(v), c.value, c.op);
}

}  // namespace

const Condition* find_unknown_field(const Layer& layer, const Condition& where) {
  if (where.join != Condition::Join::leaf) {
    for (const auto& ch : where.children)
      if (auto* bad = find_unknown_field(layer, ch)) return bad;
    return nullptr;
  }
  return layer.field_index(where.field) ? nullptr : &where;
}

std::vector<size_t> select_features(const Layer& layer, const Condition& where, std::optional<int> default_offset_min) {
  if (find_unknown_field(layer, where))  // the caller reports it, with its place in the script
    throw std::logic_error("select_features: check find_unknown_field first");
  TimeLiterals times(layer, default_offset_min);
  times.check(where);
  std::vector<size_t> out;
  for (size_t i = 0; i < layer.size(); ++i)
    if (matches(layer.features()[i], layer, where, times)) out.push_back(i);
  return out;
}

}  // namespace geoclaim
