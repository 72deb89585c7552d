// Dates and times as instants (engine/Instant): what parse_instant reads and refuses, the ISO
// 8601 text it writes back, and how instants order. Expected values are worked out by hand
// from the calendar (2016 is a leap year, 2015 and 1900 are not, 2000 is) and from the offsets.
#include <gtest/gtest.h>

#include "engine/Errors.hpp"
#include "engine/Instant.hpp"

namespace geoclaim {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
// 2016-09-17T00:00 as days since 1970-01-01: 46 years with 11 leap days (1972…2012), then
// January–August 2016 (244 days, February 29) and 16 more.
constexpr int64_t kDay20160917 = (46 * 365 + 11 + 244 + 16) * 24 * kHour;

struct Readable {
  const char* text;
  Instant::Kind kind;
  int64_t wall_ms;
  std::optional<int> offset_min;
  const char* iso;  ///< format_instant's text
};

const Readable kReadable[] = {
    {"2016-09-17T15:55:00+03:00", Instant::Kind::date_time, kDay20160917 + 15 * kHour + 55 * kMinute, 180,
     "2016-09-17T15:55:00+03:00"},
    {"2016/09/17 15:55:00+03", Instant::Kind::date_time, kDay20160917 + 15 * kHour + 55 * kMinute, 180,
     "2016-09-17T15:55:00+03:00"},  // GDAL's own form, as ogrinfo shows a KML TimeStamp
    {"2016-09-17T12:55:00Z", Instant::Kind::date_time, kDay20160917 + 12 * kHour + 55 * kMinute, 0,
     "2016-09-17T12:55:00Z"},
    {"2016-09-17T12:55:00+00:00", Instant::Kind::date_time, kDay20160917 + 12 * kHour + 55 * kMinute, 0,
     "2016-09-17T12:55:00Z"},
    {"2016-09-17T15:55+0330", Instant::Kind::date_time, kDay20160917 + 15 * kHour + 55 * kMinute, 210,
     "2016-09-17T15:55:00+03:30"},
    {"2016-09-17T09:00:00-04:30", Instant::Kind::date_time, kDay20160917 + 9 * kHour, -270,
     "2016-09-17T09:00:00-04:30"},
    {"2016-09-17 15:55", Instant::Kind::date_time, kDay20160917 + 15 * kHour + 55 * kMinute, std::nullopt,
     "2016-09-17T15:55:00"},
    {"2016-09-17T15:55:00.25Z", Instant::Kind::date_time, kDay20160917 + 15 * kHour + 55 * kMinute + 250, 0,
     "2016-09-17T15:55:00.250Z"},
    {"2016-09-17T15:55:00.1234", Instant::Kind::date_time, kDay20160917 + 15 * kHour + 55 * kMinute + 123, std::nullopt,
     "2016-09-17T15:55:00.123"},  // to the millisecond
    {"2016-09-17T23:59:59.9996", Instant::Kind::date_time, kDay20160917 + 24 * kHour, std::nullopt,
     "2016-09-18T00:00:00"},  // rounds into the next day
    {"  2016-09-17  ", Instant::Kind::date, kDay20160917, std::nullopt, "2016-09-17"},
    {"2016-02-29", Instant::Kind::date, kDay20160917 - (31 + 31 + 30 + 31 + 30 + 31 + 17) * 24 * kHour, std::nullopt,
     "2016-02-29"},
    {"2000-02-29", Instant::Kind::date, (30 * 365 + 7 + 31 + 28) * 24 * kHour, std::nullopt, "2000-02-29"},
    {"1969-12-31T23:00:00Z", Instant::Kind::date_time, -kHour, 0, "1969-12-31T23:00:00Z"},  // before the epoch
    {"15:55:00", Instant::Kind::time_of_day, 15 * kHour + 55 * kMinute, std::nullopt, "15:55:00"},
    {"15:55+03:00", Instant::Kind::time_of_day, 15 * kHour + 55 * kMinute, 180, "15:55:00+03:00"},
};

TEST(Instant, ReadsIsoAndGdalForms) {
  for (const auto& r : kReadable) {
    SCOPED_TRACE(r.text);
    const Instant t = parse_instant(r.text);
    EXPECT_EQ(t.kind, r.kind);
    EXPECT_EQ(t.wall_ms, r.wall_ms);
    EXPECT_EQ(t.offset_min, r.offset_min);
    EXPECT_EQ(format_instant(t), r.iso);
    EXPECT_EQ(parse_instant(format_instant(t)), t);  // the ISO text reads back as the same instant
  }
}

struct Refused {
  const char* text;
  const char* message;
};

const Refused kRefused[] = {
    {"yesterday", "'yesterday' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"", "'' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016", "'2016' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"17.09.2016", "'17.09.2016' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-9-17", "'2016-9-17' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09/17", "'2016-09/17' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09-17T15", "'2016-09-17T15' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09-17T15:55:00.", "'2016-09-17T15:55:00.' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09-17T15:55:00 +03", "'2016-09-17T15:55:00 +03' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09-17T15:55:00+3", "'2016-09-17T15:55:00+3' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09-17T15:55:00+03:60",
     "'2016-09-17T15:55:00+03:60' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-09-17Z", "'2016-09-17Z' is not a time (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)"},
    {"2016-02-30", "'2016-02-30' is not a real date (February 2016 has 29 days)"},
    {"2015-02-29T10:00:00Z", "'2015-02-29T10:00:00Z' is not a real time (February 2015 has 28 days)"},
    {"1900-02-29", "'1900-02-29' is not a real date (February 1900 has 28 days)"},
    {"2016-04-31", "'2016-04-31' is not a real date (April 2016 has 30 days)"},
    {"2016-13-01", "'2016-13-01' is not a real date (there is no month 13)"},
    {"2016-00-10", "'2016-00-10' is not a real date (there is no month 0)"},
    {"2016-09-00", "'2016-09-00' is not a real date (there is no day 0)"},
    {"2016-09-17T24:00:00", "'2016-09-17T24:00:00' is not a real time (hour 24 is not 0 to 23)"},
    {"2016-09-17T15:60", "'2016-09-17T15:60' is not a real time (minute 60 is not 0 to 59)"},
    {"15:55:60", "'15:55:60' is not a real time (second 60 is not below 60)"},
    {"2016-09-17T15:55:00+19:00", "'2016-09-17T15:55:00+19:00' is not a real time (zone +19:00 is beyond ±18:00)"},
};

TEST(Instant, RefusesWhatIsNoTimeSayingWhy) {
  for (const auto& r : kRefused) {
    SCOPED_TRACE(r.text);
    try {
      parse_instant(r.text);
      ADD_FAILURE() << "read";
    } catch (const TimeError& e) {
      EXPECT_EQ(std::string(e.what()), r.message);
    }
  }
}

TEST(Instant, CivilPartsAreChecked) {
  // What GDAL hands over for a CSV cell 2016-02-30T10:00:00Z: it accepts day 30 of any month.
  CivilTime c{Instant::Kind::date_time, 2016, 2, 30, 10, 0, 0, 0};
  try {
    instant_from_civil(c);
    ADD_FAILURE() << "accepted";
  } catch (const TimeError& e) {
    EXPECT_EQ(std::string(e.what()), "2016-02-30T10:00:00Z is not a real time (February 2016 has 29 days)");
  }
  c.day = 29;
  c.second = 1.5;
  c.offset_min = 180;
  const Instant t = instant_from_civil(c);
  EXPECT_EQ(format_instant(t), "2016-02-29T10:00:01.500+03:00");
  const CivilTime back = to_civil(t);
  EXPECT_EQ(back.year, 2016);
  EXPECT_EQ(back.month, 2);
  EXPECT_EQ(back.day, 29);
  EXPECT_EQ(back.hour, 10);
  EXPECT_EQ(back.second, 1.5);
  EXPECT_EQ(back.offset_min, 180);
}

TEST(Instant, OrdersByTheMomentNotTheText) {
  const Instant kml = parse_instant("2016/09/17 16:56:00+03");         // the last strike, as GDAL shows it
  const Instant cut = parse_instant("2016-09-17T23:00:00+03:00");      // the cut-off
  const Instant cut_utc = parse_instant("2016-09-17T20:00:00Z");       // the same moment in UTC
  const Instant same_utc = parse_instant("2016-09-17T13:56:00.000Z");  // the strike's moment in UTC
  EXPECT_GT(std::string("2016/09/17 16:56:00+03"), std::string("2016-09-17T23:00:00+03:00"));  // the old bug
  EXPECT_LT(order_key(kml, {}), order_key(cut, {}));
  EXPECT_EQ(order_key(cut, {}), order_key(cut_utc, {}));
  EXPECT_EQ(order_key(kml, {}), order_key(same_utc, {}));
  // Without zones: wall clocks; with a default zone they become moments.
  const Instant local = parse_instant("2016-09-17T16:56:00");
  EXPECT_EQ(order_key(local, {}), kml.wall_ms);
  EXPECT_EQ(order_key(local, 180), order_key(kml, {}));
  EXPECT_TRUE(has_zone(local, 180));
  EXPECT_FALSE(has_zone(local, std::nullopt));
  EXPECT_EQ(order_key(parse_instant("2016-09-17"), {}), kDay20160917);  // a date is its midnight
}

TEST(Instant, UtcOffsets) {
  EXPECT_EQ(parse_utc_offset("UTC"), 0);
  EXPECT_EQ(parse_utc_offset("utc"), 0);
  EXPECT_EQ(parse_utc_offset("Z"), 0);
  EXPECT_EQ(parse_utc_offset("+03:00"), 180);
  EXPECT_EQ(parse_utc_offset("+03"), 180);
  EXPECT_EQ(parse_utc_offset("-0430"), -270);
  EXPECT_EQ(format_utc_offset(-270), "-04:30");
  EXPECT_EQ(format_utc_offset(0), "Z");
  EXPECT_THROW(parse_utc_offset("Asia/Damascus"), TimeError);
  EXPECT_THROW(parse_utc_offset("+19:00"), TimeError);
  EXPECT_THROW(parse_utc_offset("3"), TimeError);
}

}  // namespace
}  // namespace geoclaim
