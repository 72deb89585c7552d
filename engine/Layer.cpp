#include "engine/Layer.hpp"

#include <charconv>

#include <strings.h>

#include "engine/SpatialIndex.hpp"
#include "engine/Units.hpp"

namespace geoclaim {

Layer::Layer(std::string name, LayerSource source, std::vector<Field> fields)
    : m_name(std::move(name)), m_source(std::move(source)), m_fields(std::move(fields)) {}
Layer::~Layer() = default;
Layer::Layer(Layer&&) noexcept = default;
Layer& Layer::operator=(Layer&&) noexcept = default;

std::optional<size_t> Layer::field_index(const std::string& name) const {
  for (size_t i = 0; i < m_fields.size(); ++i)
    if (strcasecmp(m_fields[i].name.c_str(), name.c_str()) == 0) return i;
  return std::nullopt;
}

void Layer::add(Feature f) {
  m_index.reset();
  const GeomFamily fam = geoclaim::family(f.geometry.get());
  m_family = m_features.empty() || m_family == fam ? fam : GeomFamily::other;
  m_features.push_back(std::move(f));
}

void Layer::hold_as_text(size_t field, std::string why) {
  m_fields.at(field).type = Field::Type::string;
  m_fields[field].not_times = std::move(why);
  for (Feature& f : m_features)
    if (const auto* t = std::get_if<Instant>(&f.attributes[field])) f.attributes[field] = format_instant(*t);
}

const SpatialIndex& Layer::index() const {
  if (!m_index) m_index = std::make_unique<SpatialIndex>(*this);
  return *m_index;
}

Layer Layer::subset(std::string name, const std::vector<size_t>& which) const {
  Layer out(std::move(name), m_source, m_fields);
  out.reserve(which.size());
  for (size_t i : which) {
    const Feature& f = m_features[i];
    out.add(Feature{f.id, f.source_row, clone(f.geometry.get()), f.uncertainty_m, f.attributes});
  }
  return out;
}

std::string attribute_text(const AttributeValue& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    // The shortest text that reads back as the same double: ids and text comparisons of real
    // fields keep every digit (9 decimals made 0.1234567891 and 0.1234567892 one id).
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return ec == std::errc() ? std::string(buf, end) : format_number(*d, 9);
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* t = std::get_if<Instant>(&v)) return format_instant(*t);
  return {};
}

}  // namespace geoclaim
