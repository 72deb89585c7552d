#include "engine/Instant.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "engine/Text.hpp"

namespace geoclaim {
namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 86'400'000;
constexpr int kMaxOffsetMin = 18 * 60;  // ISO 8601 and every zone database stop at ±18:00

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

const char* const kExample = " (ISO 8601, e.g. 2016-09-17T23:00:00+03:00)";

/// What makes `c` no real date or time, or empty. The calendar is std::chrono's (proleptic
/// Gregorian), so leap years are its rule, not ours.
std::string problem(const CivilTime& c) {
  if (c.kind != Instant::Kind::time_of_day) {
    using namespace std::chrono;
    if (c.month < 1 || c.month > 12) return "there is no month " + std::to_string(c.month);
    const year_month_day ymd{year{c.year}, month{static_cast<unsigned>(c.month)}, day{static_cast<unsigned>(c.day)}};
    if (c.day < 1) return "there is no day " + std::to_string(c.day);
    if (!ymd.year().ok()) return "year " + std::to_string(c.year) + " is out of range";
    if (!ymd.ok()) {
      const unsigned last = static_cast<unsigned>(year_month_day_last{ymd.year(), month_day_last{ymd.month()}}.day());
      return std::string(kMonths[static_cast<size_t>(c.month - 1)]) + " " + std::to_string(c.year) + " has " +
             std::to_string(last) + " days";
    }
  }
  if (c.hour < 0 || c.hour > 23) return "hour " + std::to_string(c.hour) + " is not 0 to 23";
  if (c.minute < 0 || c.minute > 59) return "minute " + std::to_string(c.minute) + " is not 0 to 59";
  if (!(c.second >= 0 && c.second < 60)) {  // 60 too: leap seconds are not on a UTC time line of fixed minutes
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", c.second);
    return std::string("second ") + buf + " is not below 60";
  }
  if (c.offset_min && std::abs(*c.offset_min) > kMaxOffsetMin)
    return "zone " + format_utc_offset(*c.offset_min) + " is beyond ±18:00";
  return {};
}

const char* noun(Instant::Kind k) { return k == Instant::Kind::date ? "date" : "time"; }

/// A cursor over the text being parsed; every reader returns false without moving on failure.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i == s.size(); }
  bool at(char c) const { return i < s.size() && s[i] == c; }
  bool accept(char c) {
    if (!at(c)) return false;
    ++i;
    return true;
  }
  /// Exactly `n` ASCII digits.
  bool digits(size_t n, int& v) {
    if (i + n > s.size()) return false;
    int out = 0;
    for (size_t k = 0; k < n; ++k) {
      const char ch = s[i + k];
      if (ch < '0' || ch > '9') return false;
      out = out * 10 + (ch - '0');
    }
    v = out;
    i += n;
    return true;
  }
};

/// `HH:MM[:SS[.fraction]]` into c.
bool read_clock(Cursor& p, CivilTime& c) {
  if (!p.digits(2, c.hour) || !p.accept(':') || !p.digits(2, c.minute)) return false;
  c.second = 0;
  if (!p.accept(':')) return true;
  const size_t start = p.i;
  int whole = 0;
  if (!p.digits(2, whole)) return false;
  if (p.accept('.')) {
    const size_t first = p.i;
    while (p.i < p.s.size() && p.s[p.i] >= '0' && p.s[p.i] <= '9') ++p.i;
    if (p.i == first) return false;
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(p.s.data() + start, p.s.data() + p.i, v);
  if (ec != std::errc() || end != p.s.data() + p.i) return false;
  c.second = v;
  return true;
}

/// `Z`, `±HH`, `±HHMM`, `±HH:MM` into minutes east of UTC.
bool read_zone(Cursor& p, std::optional<int>& offset) {
  if (p.accept('Z')) {
    offset = 0;
    return true;
  }
  const bool minus = p.at('-');
  if (!p.accept('+') && !p.accept('-')) return false;
  int h = 0, m = 0;
  if (!p.digits(2, h)) return false;
  if (p.accept(':')) {
    if (!p.digits(2, m)) return false;
  } else if (!p.done()) {
    if (!p.digits(2, m)) return false;
  }
  if (m > 59) return false;
  offset = (minus ? -1 : 1) * (h * 60 + m);
  return true;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Instant instant_from_civil(const CivilTime& c) {
  if (auto why = problem(c); !why.empty())
    throw TimeError(format_civil(c) + " is not a real " + noun(c.kind) + " (" + why + ")");
  int64_t days = 0;
  if (c.kind != Instant::Kind::time_of_day) {
    using namespace std::chrono;
    const sys_days d{
        year_month_day{year{c.year}, month{static_cast<unsigned>(c.month)}, day{static_cast<unsigned>(c.day)}}};
    days = d.time_since_epoch().count();
  }
  const int64_t ms = static_cast<int64_t>(std::llround(c.second * 1000.0));
  Instant t;
  t.kind = c.kind;
  t.wall_ms = days * kDayMs + (c.hour * 60 + c.minute) * kMinuteMs + ms;
  t.offset_min = c.offset_min;
  return t;
}

Instant parse_instant(std::string_view raw) {
  const std::string text = trim(raw);
  Cursor p{text};
  CivilTime c;
  const bool has_date = text.size() >= 5 && (text[4] == '-' || text[4] == '/');
  bool ok = true;
  if (has_date) {
    const char sep = text[4];
    ok = p.digits(4, c.year) && p.accept(sep) && p.digits(2, c.month) && p.accept(sep) && p.digits(2, c.day);
    if (ok && p.done()) {
      c.kind = Instant::Kind::date;
    } else if (ok && (p.accept('T') || p.accept(' '))) {
      c.kind = Instant::Kind::date_time;
      ok = read_clock(p, c);
    } else {
      ok = false;
    }
  } else {
    c.kind = Instant::Kind::time_of_day;
    ok = read_clock(p, c);
  }
  if (ok && c.kind != Instant::Kind::date && !p.done()) ok = read_zone(p, c.offset_min);
  if (!ok || !p.done()) throw TimeError(quote(text) + " is not a time" + kExample);
  if (auto why = problem(c); !why.empty())
    throw TimeError(quote(text) + " is not a real " + noun(c.kind) + " (" + why + ")");
  return instant_from_civil(c);
}

std::string format_utc_offset(int offset_min) {
  if (offset_min == 0) return "Z";
  char buf[16];
  const int a = std::abs(offset_min);
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_min < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

int parse_utc_offset(std::string_view raw) {
  const std::string text = trim(raw);
  if (lower(text) == "utc") return 0;
  Cursor p{text};
  std::optional<int> offset;
  if (!read_zone(p, offset) || !p.done())
    throw TimeError(quote(text) + " is not a UTC offset (UTC, Z, +03:00, -04:30)");
  if (std::abs(*offset) > kMaxOffsetMin) throw TimeError(quote(text) + " is beyond ±18:00");
  return *offset;
}

std::string format_civil(const CivilTime& c) {
  char buf[64];
  std::string out;
  if (c.kind != Instant::Kind::time_of_day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    out = buf;
    if (c.kind == Instant::Kind::date) return out;
    out += 'T';
  }
  const double whole = std::floor(c.second);
  const int ms = std::min(999, static_cast<int>(std::llround((c.second - whole) * 1000.0)));
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", c.hour, c.minute, static_cast<int>(whole));
  out += buf;
  if (ms > 0) {
    std::snprintf(buf, sizeof buf, ".%03d", ms);
    out += buf;
  }
  if (c.offset_min) out += format_utc_offset(*c.offset_min);
  return out;
}

CivilTime to_civil(const Instant& t) {
  CivilTime c;
  c.kind = t.kind;
  c.offset_min = t.offset_min;
  const int64_t days = floor_div(t.wall_ms, kDayMs);
  int64_t rest = t.wall_ms - days * kDayMs;
  if (t.kind != Instant::Kind::time_of_day) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    c.year = static_cast<int>(ymd.year());
    c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  }
  c.hour = static_cast<int>(rest / (60 * kMinuteMs));
  rest %= 60 * kMinuteMs;
  c.minute = static_cast<int>(rest / kMinuteMs);
  rest %= kMinuteMs;
  c.second = static_cast<double>(rest) / 1000.0;
  return c;
}

std::string format_instant(const Instant& t) { return format_civil(to_civil(t)); }

int64_t order_key(const Instant& t, std::optional<int> default_offset_min) {
  const std::optional<int> offset = t.offset_min ? t.offset_min : default_offset_min;
  return offset ? t.wall_ms - *offset * kMinuteMs : t.wall_ms;
}

}  // namespace geoclaim
