#pragma once
// Building output attributes with fixed rounding, so files are byte-identical between runs
// and values read cleanly ("1499.93", not "1499.9300000000001").
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "engine/Layer.hpp"

namespace geoclaim::layers {

/// Metres keep millimetres, degrees 1e-4°, shares 1e-4.
AttributeValue metres_value(double m);
AttributeValue degrees_value(double deg);
AttributeValue share_value(double s);
AttributeValue text_value(const std::string& s);  ///< empty text becomes null
/// A figure that may not have been measured: null when it was not.
AttributeValue metres_value(std::optional<double> m);
AttributeValue degrees_value(std::optional<double> deg);
AttributeValue share_value(std::optional<double> s);
double round_to(double v, int decimals);

/// A schema and the row being filled, by field name, for readable layer builders.
class RowBuilder {
 public:
  explicit RowBuilder(const std::vector<Field>& fields) : m_fields(fields), m_values(fields.size()) {}
  RowBuilder& set(const std::string& name, AttributeValue v);
  std::vector<AttributeValue> take() { return std::move(m_values); }

 private:
  const std::vector<Field>& m_fields;
  std::vector<AttributeValue> m_values;
};

}  // namespace geoclaim::layers
