#include "engine/Select.hpp"

#include <cctype>
#include <charconv>

#include <stdexcept>

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

bool matches(const Feature& f, const Layer& layer, const Condition& c) {
  if (c.join == Condition::Join::all) {
    for (const auto& ch : c.children)
      if (!matches(f, layer, ch)) return false;
    return true;
  }
  if (c.join == Condition::Join::any) {
    for (const auto& ch : c.children)
      if (matches(f, layer, ch)) return true;
    return false;
  }
  const size_t i = *layer.field_index(c.field);
  const AttributeValue& v = f.attributes[i];
  if (std::holds_alternative<std::monostate>(v)) return false;
  if (c.op == CompareOp::like) return like(attribute_text(v), c.value);
  if (c.value_is_number) {
    if (const auto* n = std::get_if<int64_t>(&v)) return compare(static_cast<double>(*n), c.number, c.op);
    if (const auto* d = std::get_if<double>(&v)) return compare(*d, c.number, c.op);
  }
  return compare(attribute_text(v), c.value, c.op);
}

}  // namespace

bool like(std::string_view text, std::string_view pattern) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '%') {
    for (size_t i = 0; i <= text.size(); ++i)
      if (like(text.substr(i), pattern.substr(1))) return true;
    return false;
  }
  if (text.empty()) return false;
  const bool same = pattern[0] == '_' || std::tolower(static_cast<unsigned char>(text[0])) ==
                                             std::tolower(static_cast<unsigned char>(pattern[0]));
  return same && like(text.substr(1), pattern.substr(1));
}

const Condition* find_unknown_field(const Layer& layer, const Condition& where) {
  if (where.join != Condition::Join::leaf) {
    for (const auto& ch : where.children)
      if (auto* bad = find_unknown_field(layer, ch)) return bad;
    return nullptr;
  }
  return layer.field_index(where.field) ? nullptr : &where;
}

std::vector<size_t> select_features(const Layer& layer, const Condition& where) {
  if (find_unknown_field(layer, where))  // the caller reports it, with its place in the script
    throw std::logic_error("select_features: check find_unknown_field first");
  std::vector<size_t> out;
  for (size_t i = 0; i < layer.size(); ++i)
    if (matches(layer.features()[i], layer, where)) out.push_back(i);
  return out;
}

}  // namespace geoclaim
