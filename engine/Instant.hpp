#pragma once
// Dates and times as values: a field of dates, times of day or date-times compares by the
// moment it names, never by its text ("2016/09/17 15:55:00+03" is earlier than
// "2016-09-17T23:00:00+03:00" although '/' sorts after '-'). A value keeps the zone it was
// written in, so reports show it as written; without a zone it is a wall-clock reading that
// only another wall-clock reading (or a job's `set timezone`) can be compared with.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/Errors.hpp"

namespace geoclaim {

/// A date, a time of day or a date and time, to the millisecond.
struct Instant {
  enum class Kind : uint8_t { date_time, date, time_of_day };
  Kind kind = Kind::date_time;
  /// The wall-clock reading in its own zone, in milliseconds since 1970-01-01T00:00 (a time of
  /// day: since midnight; a date: its midnight).
  int64_t wall_ms = 0;
  /// Minutes east of UTC (+180 for +03:00); none when the value names no zone.
  std::optional<int> offset_min;

  bool operator==(const Instant&) const = default;
};

/// The parts of a date and time as a source states them (OGR's fields, or parsed text), not
/// yet checked: `second` may carry a fraction.
struct CivilTime {
  Instant::Kind kind = Instant::Kind::date_time;
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  double second = 0;
  std::optional<int> offset_min;  ///< minutes east of UTC; none: no zone
};

/// The instant that `c` names.
/// @throw TimeError saying what is wrong: "2016-02-30 is not a date (February 2016 has 29 days)",
/// an hour of 24 or more, a minute or second of 60 or more, a zone beyond ±18:00.
Instant instant_from_civil(const CivilTime& c);

/// Reads ISO 8601 and GDAL's forms: a date `YYYY-MM-DD` or `YYYY/MM/DD`; a date and time, the
/// date then `T` or a space then `HH:MM[:SS[.fraction]]`; a time of day alone; each time with
/// an optional zone `Z`, `±HH`, `±HHMM` or `±HH:MM`. Surrounding spaces are ignored; fractions
/// are rounded to the millisecond. Every form it reads, GDAL's CSV and GeoJSON readers type as
/// a date or time too (tests/io/TimeFieldsTest.cpp checks this).
/// @throw TimeError quoting the text and saying what is wrong.
Instant parse_instant(std::string_view text);

/// The parts of `t`, in its own zone (the inverse of instant_from_civil).
CivilTime to_civil(const Instant& t);

/// ISO 8601: `2016-09-17T15:55:00+03:00`, `Z` for UTC, no zone when it has none, `.250` only for
/// a fraction of a second; `2016-09-17` for a date, `15:55:00` for a time of day.
std::string format_instant(const Instant& t);
/// The same form for parts that may not name a valid instant (a value that failed
/// instant_from_civil is still shown as ISO 8601: `2016-02-30T10:00:00Z`).
std::string format_civil(const CivilTime& c);

/// A zone `Z`, `UTC`, `±HH`, `±HHMM` or `±HH:MM`, in minutes east of UTC.
/// @throw TimeError
int parse_utc_offset(std::string_view text);
/// `+03:00`, `Z` for 0.
std::string format_utc_offset(int offset_min);

/// Whether `t` can be placed on the UTC time line: it names a zone, or the job's `set timezone`
/// gives it one.
inline bool has_zone(const Instant& t, std::optional<int> default_offset_min) {
  return t.offset_min.has_value() || default_offset_min.has_value();
}

/// A number that orders instants: milliseconds since 1970-01-01T00:00Z when the value has a zone
/// (its own, else `default_offset_min`), else its wall-clock reading. Keys of a value with a zone
/// and one without do not compare; nor do a time of day's and a date's (the caller checks).
int64_t order_key(const Instant& t, std::optional<int> default_offset_min);

}  // namespace geoclaim
