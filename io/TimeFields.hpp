#pragma once
// OGR's date, time and date-time fields as engine instants. GDAL types them (a GeoJSON string,
// a KML <TimeStamp>, a GeoPackage DATETIME; in a CSV, AUTODETECT_TYPE types a column when every
// value of the whole column reads as one), with a time-zone flag per value; this reads them
// and makes a field text again when one of its values is no real date (GDAL takes 2016-02-30).
#include <ogr_api.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/DataSource.hpp"
#include "engine/Instant.hpp"
#include "engine/Layer.hpp"

namespace geoclaim::io {

/// What an OGR field type holds, if it holds dates or times.
std::optional<Instant::Kind> time_kind(OGRFieldType type);

/// OGR's time-zone flag as minutes east of UTC: 0 (unknown) and 1 (local time) name no zone,
/// 100 is UTC, and 100 ± n an offset of n quarter hours.
std::optional<int> offset_from_tz_flag(int tz_flag);

/// Reads the date/time fields of one layer, feature by feature, and remembers the first value
/// of each field that is no real date or time.
class TimeFieldReader {
 public:
  explicit TimeFieldReader(size_t field_count) : m_problems(field_count) {}

  /// Field `i` of `f` (set, not null, of a date/time type): an Instant, or, when its parts name
  /// no real date or time, their ISO 8601 text. `where` names the feature, for the problem.
  AttributeValue read(OGRFeatureH f, int i, const std::function<std::string()>& where);

  /// Makes each field with such a value a text field of `layer`, with a warning:
  /// `FILE:LINE: field 't': 2016-02-30T10:00:00Z is not a real date (…); the field is read as text`.
  void settle(Layer& layer, const WarningSink& warn) const;

 private:
  std::vector<std::string> m_problems;  ///< per field: where and what, of the first bad value
};

/// The OGR type to write time field `field` of `layer` as: DateTime, Date or Time by its
/// values' kind, or String (ISO 8601 text) when a value's zone is no whole quarter hour, which
/// OGR cannot hold.
OGRFieldType ogr_time_type(const Layer& layer, size_t field);

/// Sets field `i` of `f` to `t`: as a date/time with its zone, or as ISO 8601 text in a String field.
void set_time_field(OGRFeatureH f, int i, const Instant& t);

}  // namespace geoclaim::io
