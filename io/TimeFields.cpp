#include "io/TimeFields.hpp"

#include <cmath>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"

namespace geoclaim::io {

std::optional<Instant::Kind> time_kind(OGRFieldType type) {
  switch (type) {
    case OFTDateTime:
      return Instant::Kind::date_time;
    case OFTDate:
      return Instant::Kind::date;
    case OFTTime:
      return Instant::Kind::time_of_day;
    default:
      return std::nullopt;
  }
}

std::optional<int> offset_from_tz_flag(int tz_flag) {
  if (tz_flag <= 1) return std::nullopt;  // OGR_TZFLAG_UNKNOWN, OGR_TZFLAG_LOCALTIME
  return (tz_flag - 100) * 15;
}

AttributeValue TimeFieldReader::read(OGRFeatureH f, int i, const std::function<std::string()>& where) {
  OGRFieldDefnH defn = OGR_F_GetFieldDefnRef(f, i);
  CivilTime c;
  c.kind = time_kind(OGR_Fld_GetType(defn)).value_or(Instant::Kind::date_time);
  float second = 0;
  int tz_flag = 0;
  OGR_F_GetFieldAsDateTimeEx(f, i, &c.year, &c.month, &c.day, &c.hour, &c.minute, &second, &tz_flag);
  // OGR holds seconds as a float: to the millisecond, as written.
  c.second = static_cast<double>(std::lround(static_cast<double>(second) * 1000.0)) / 1000.0;
  c.offset_min = offset_from_tz_flag(tz_flag);
  try {
    return instant_from_civil(c);
  } catch (const TimeError& e) {
    std::string& problem = m_problems.at(static_cast<size_t>(i));
    if (problem.empty()) problem = where() + ": field " + quote(OGR_Fld_GetNameRef(defn)) + ": " + e.what();
    return format_civil(c);
  }
}

void TimeFieldReader::settle(Layer& layer, const WarningSink& warn) const {
  for (size_t i = 0; i < m_problems.size(); ++i) {
    if (m_problems[i].empty()) continue;
    layer.hold_as_text(i, m_problems[i]);
    if (warn) warn(m_problems[i] + "; the field is read as text");
  }
}

OGRFieldType ogr_time_type(const Layer& layer, size_t field) {
  std::optional<Instant::Kind> kind;
  for (const Feature& f : layer.features()) {
    const auto* t = std::get_if<Instant>(&f.attributes[field]);
    if (!t) continue;
    if (t->offset_min && *t->offset_min % 15 != 0) return OFTString;
    if (kind && *kind != t->kind) return OFTString;
    kind = t->kind;
  }
  switch (kind.value_or(Instant::Kind::date_time)) {
    case Instant::Kind::date:
      return OFTDate;
    case Instant::Kind::time_of_day:
      return OFTTime;
    case Instant::Kind::date_time:
      break;
  }
  return OFTDateTime;
}

void set_time_field(OGRFeatureH f, int i, const Instant& t) {
  if (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, i)) == OFTString) {
    OGR_F_SetFieldString(f, i, format_instant(t).c_str());
    return;
  }
  const CivilTime c = to_civil(t);
  const int tz_flag = c.offset_min ? 100 + *c.offset_min / 15 : 0;
  OGR_F_SetFieldDateTimeEx(f, i, c.year, c.month, c.day, c.hour, c.minute, static_cast<float>(c.second), tz_flag);
}

}  // namespace geoclaim::io
