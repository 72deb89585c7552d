#include "layers/Fields.hpp"

#include <stdexcept>

namespace geoclaim::layers {

double round_to(double v, int decimals) {
  const double s = std::pow(10.0, decimals);
  const double r = std::round(v * s) / s;
  return r == 0.0 ? 0.0 : r;  // no negative zero
}

AttributeValue metres_value(double m) {
  if (!std::isfinite(m)) return {};
  return round_to(m, 3);
}
AttributeValue degrees_value(double deg) {
  if (!std::isfinite(deg)) return {};
  const double r = round_to(deg, 4);
  return r >= 360.0 ? r - 360.0 : r;  // 359.99996 rounds to 360: an azimuth stays in [0, 360)
}
AttributeValue share_value(double s) {
  if (!std::isfinite(s)) return {};
  return round_to(s, 4);
}
AttributeValue metres_value(std::optional<double> m) { return m ? metres_value(*m) : AttributeValue{}; }
AttributeValue degrees_value(std::optional<double> deg) { return deg ? degrees_value(*deg) : AttributeValue{}; }
AttributeValue share_value(std::optional<double> s) { return s ? share_value(*s) : AttributeValue{}; }
AttributeValue text_value(const std::string& s) {
  if (s.empty()) return {};
  return s;
}

RowBuilder& RowBuilder::set(const std::string& name, AttributeValue v) {
  for (size_t i = 0; i < m_fields.size(); ++i)
    if (m_fields[i].name == name) {
      m_values[i] = std::move(v);
      return *this;
    }
  throw std::logic_error("no output field '" + name + "'");  // a programming error
}

}  // namespace geoclaim::layers
