#include "job/ClaimsTable.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/Errors.hpp"
#include "engine/Names.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim::job {
namespace {

using lang::ClaimForm;
using lang::DistanceForm;

/// Reads a number with optional unit-free decimals ("55", "0.5"); nothing when it is not one.
std::optional<double> to_number(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data() + b, s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || b == s.size()) return std::nullopt;
  return v;
}

}  // namespace

/// One table row as a claim body. Cells are named by the table's header.
lang::ClaimBody claim_from_row(const std::map<std::string, std::string>& cell) {
  auto get = [&](const char* k) {
    auto it = cell.find(k);
    return it == cell.end() ? std::string() : trim(it->second);
  };
  lang::ClaimBody b;
  std::string subject = get("subject");
  for (Quantifier q : kQuantifiers) {
    const std::string prefix = std::string(word(q)) + " ";
    if (lower(subject).rfind(prefix, 0) == 0) {
      b.quantifier = lang::Name{std::string(word(q)), {}};
      subject = trim(subject.substr(prefix.size()));
    }
  }
  if (subject.empty()) throw ScriptError("column 'subject' is empty");
  b.subject = {subject, {}};
  b.object = {get("object"), {}};
  if (b.object.text.empty()) throw ScriptError("column 'object' is empty");
  const std::string relation = lower(get("relation"));
  const std::string unit = get("unit");
  const std::string distance = get("distance");
  if (!get("qualifier").empty()) b.qualifier = lang::Name{get("qualifier"), {}};
  auto need_distance = [&](const std::string& text) {
    auto v = to_number(text);
    if (!v) throw ScriptError("column 'distance' holds " + quote(text) + ", not a number");
    if (unit.empty()) throw ScriptError("column 'unit' is empty (expected " + std::string(unit_names()) + ")");
    return lang::DistanceLit{*v, unit, {}, {}, trim(text)};
  };
  const std::string direction = get("direction");
  auto set_direction = [&]() {
    if (direction.empty()) return;
    lang::DirectionLit d;
    if (lower(direction).rfind("bearing", 0) == 0) {
      auto v = to_number(direction.substr(7));
      if (!v) throw ScriptError("column 'direction' holds " + quote(direction) + ", not 'bearing DEGREES'");
      d.bearing_deg = *v;
      d.bearing_text = trim(direction.substr(7));
    } else {
      d.words = direction;
    }
    b.direction = d;
  };
  if (relation == "within") {
    b.form = ClaimForm::within;
    b.distance = need_distance(distance);
  } else if (relation == "distance") {
    b.distance = need_distance(distance);
    set_direction();
    b.form = b.direction ? ClaimForm::distance_direction : ClaimForm::distance_from;
  } else if (relation == "direction") {
    set_direction();
    if (!b.direction) throw ScriptError("relation 'direction' needs the column 'direction'");
    b.form = ClaimForm::direction;
  } else if (relation == "inside" || relation == "hit") {
    b.form = ClaimForm::inside;
  } else if (relation == "at_most" || relation == "at_least") {
    b.form = ClaimForm::distance_between;
    b.distance_form = relation == "at_most" ? DistanceForm::at_most : DistanceForm::at_least;
    b.distance = need_distance(distance);
  } else if (relation == "between") {
    b.form = ClaimForm::distance_between;
    b.distance_form = DistanceForm::between;
    const size_t sep = distance.find("..") != std::string::npos ? distance.find("..") : distance.find('-', 1);
    if (sep == std::string::npos)
      throw ScriptError("relation 'between' needs a distance such as '10..20', found " + quote(distance));
    b.distance = need_distance(distance.substr(0, sep));
    b.distance2 = need_distance(distance.substr(sep + (distance[sep] == '.' ? 2 : 1)));
  } else {
    throw ScriptError(
        "unknown relation '" + relation +
        "' (expected within, distance, direction, inside, at_most, at_least, between)" +
        did_you_mean(relation, {"within", "distance", "direction", "inside", "at_most", "at_least", "between"}));
  }
  return b;
}

std::string claim_text(const lang::ClaimBody& b) {
  auto dist = [](const lang::DistanceLit& d) { return format_number(d.value, 6) + " " + d.unit; };
  const std::string q = b.quantifier ? lower(b.quantifier->text) + " " : "";
  const std::string qual = b.qualifier ? b.qualifier->text + " " : "";
  const std::string dir =
      b.direction
          ? (b.direction->bearing_deg ? "bearing " + format_number(*b.direction->bearing_deg, 3) : b.direction->words)
          : "";
  switch (b.form) {
    case ClaimForm::within:
      return q + b.subject.text + " within " + qual + dist(*b.distance) + " of " + b.object.text;
    case ClaimForm::distance_from:
      return q + b.subject.text + " " + qual + dist(*b.distance) + " from " + b.object.text;
    case ClaimForm::distance_direction:
      return q + b.subject.text + " " + qual + dist(*b.distance) + " " + dir + " of " + b.object.text;
    case ClaimForm::direction:
      return q + b.subject.text + " " + dir + " of " + b.object.text;
    case ClaimForm::inside:
      return q + b.subject.text + " inside " + b.object.text;
    case ClaimForm::crosses:
      return "line from " + b.subject.text + " to " + b.object.text + " crosses " + b.crossed.text;
    case ClaimForm::distance_between: {
      std::string cond;
      switch (b.distance_form) {
        case DistanceForm::at_most:
          cond = "at most " + dist(*b.distance);
          break;
        case DistanceForm::at_least:
          cond = "at least " + dist(*b.distance);
          break;
        case DistanceForm::between:
          cond = "between " + dist(*b.distance) + " and " + dist(*b.distance2);
          break;
        case DistanceForm::plain:
          cond = qual + dist(*b.distance);
          break;
      }
      return "distance between " + b.subject.text + " and " + b.object.text + " is " + cond;
    }
  }
  return {};
}

}  // namespace geoclaim::job
