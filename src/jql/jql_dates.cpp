// JQL date values and date functions (see jql_dates.hpp). Calendar arithmetic (months,
// years, weekdays) goes through std::chrono's civil calendar; everything is UTC.
#include "jql/jql_dates.hpp"

#include <fmt/format.h>

#include <chrono>

#include "jql/ascii.hpp"

namespace cql::jql {
namespace {

namespace chr = std::chrono;

constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr std::int64_t kWeekMs = 7 * kDayMs;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

chr::sys_days day_of(Timestamp t) { return chr::sys_days(chr::days(floor_div(t.ms, kDayMs))); }
Timestamp at(chr::sys_days d) { return Timestamp{static_cast<std::int64_t>(d.time_since_epoch().count()) * kDayMs}; }

// Adds calendar months, keeping the time of day and clamping the day (Jan 31 + 1M = Feb 28/29).
Timestamp add_months(Timestamp t, std::int64_t months) {
  const chr::sys_days day = day_of(t);
  const std::int64_t time_of_day = t.ms - at(day).ms;
  const chr::year_month_day ymd(day);
  const chr::year_month shifted = chr::year_month(ymd.year(), ymd.month()) + chr::months(months);
  const chr::year_month_day_last last(shifted.year(), chr::month_day_last(shifted.month()));
  const chr::day d = std::min(ymd.day(), last.day());
  return Timestamp{at(chr::sys_days(chr::year_month_day(shifted.year(), shifted.month(), d))).ms + time_of_day};
}

// Reads up to `max` digits at `pos` into `out`; false when there are none.
bool read_number(std::string_view s, std::size_t& pos, std::int64_t& out, std::size_t max = 12) {
  const std::size_t start = pos;
  out = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < max) out = out * 10 + (s[pos++] - '0');
  return pos > start && (pos >= s.size() || !is_digit(s[pos]));
}

std::optional<Timestamp> parse_absolute(std::string_view s) {
  std::size_t pos = 0;
  std::int64_t y, m, d;
  if (!read_number(s, pos, y, 4) || pos != 4) return std::nullopt;
  if (pos >= s.size() || (s[pos] != '-' && s[pos] != '/')) return std::nullopt;
  const char separator = s[pos++];
  if (!read_number(s, pos, m, 2) || pos >= s.size() || s[pos++] != separator || !read_number(s, pos, d, 2)) return std::nullopt;
  const chr::year_month_day ymd{chr::year(static_cast<int>(y)), chr::month(static_cast<unsigned>(m)), chr::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  std::int64_t ms = at(chr::sys_days(ymd)).ms;
  if (pos < s.size()) {
    std::int64_t hh, mm;
    if (s[pos] != ' ') return std::nullopt;
    while (pos < s.size() && s[pos] == ' ') ++pos;
    if (!read_number(s, pos, hh, 2) || pos >= s.size() || s[pos++] != ':' || !read_number(s, pos, mm, 2)) return std::nullopt;
    if (pos != s.size() || hh > 23 || mm > 59) return std::nullopt;
    ms += hh * kHourMs + mm * kMinuteMs;
  }
  return Timestamp{ms};
}

// `[+-]n[unit]` for date-function increments; `default_unit` when there is no unit.
struct Increment {
  std::int64_t amount = 0;
  char unit = 'd';  // y M w d h m
};
std::optional<Increment> parse_increment(std::string_view s, char default_unit) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
  Increment inc;
  if (!read_number(s, pos, inc.amount, 9)) return std::nullopt;
  inc.unit = default_unit;
  if (pos < s.size()) {
    const char u = s[pos++];
    if (u != 'y' && u != 'M' && u != 'w' && u != 'd' && u != 'h' && u != 'm') return std::nullopt;
    inc.unit = u;
  }
  if (pos != s.size()) return std::nullopt;
  if (negative) inc.amount = -inc.amount;
  return inc;
}

Timestamp apply(Timestamp t, const Increment& inc) {
  switch (inc.unit) {
    case 'y': return add_months(t, inc.amount * 12);
    case 'M': return add_months(t, inc.amount);
    case 'w': return Timestamp{t.ms + inc.amount * kWeekMs};
    case 'd': return Timestamp{t.ms + inc.amount * kDayMs};
    case 'h': return Timestamp{t.ms + inc.amount * kHourMs};
    default: return Timestamp{t.ms + inc.amount * kMinuteMs};
  }
}

// The start of the day/week/month/year holding t.
Timestamp start_of(char unit, Timestamp t) {
  const chr::sys_days day = day_of(t);
  switch (unit) {
    case 'w': return at(day - chr::days(chr::weekday(day).c_encoding()));  // Sunday = 0
    case 'M': {
      const chr::year_month_day ymd(day);
      return at(chr::sys_days(ymd.year() / ymd.month() / 1));
    }
    case 'y': return at(chr::sys_days(chr::year_month_day(day).year() / chr::January / 1));
    default: return at(day);
  }
}

}  // namespace

Timestamp floor_to_minute(Timestamp t) noexcept { return Timestamp{floor_div(t.ms, kMinuteMs) * kMinuteMs}; }

std::optional<std::int64_t> parse_period_ms(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  bool negative = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
  std::int64_t total = 0;
  bool any = false;
  while (pos < s.size()) {
    std::int64_t n;
    if (!read_number(s, pos, n, 9)) return std::nullopt;
    std::int64_t unit = kMinuteMs;
    if (pos < s.size() && s[pos] != ' ') {
      switch (s[pos++]) {
        case 'w': unit = kWeekMs; break;
        case 'd': unit = kDayMs; break;
        case 'h': unit = kHourMs; break;
        case 'm': unit = kMinuteMs; break;
        default: return std::nullopt;
      }
    }
    total += n * unit;
    any = true;
    while (pos < s.size() && s[pos] == ' ') ++pos;
  }
  if (!any) return std::nullopt;
  return negative ? -total : total;
}

std::optional<Timestamp> parse_jql_date(std::string_view text, Timestamp now) {
  if (auto absolute = parse_absolute(text)) return absolute;
  if (auto period = parse_period_ms(text)) return Timestamp{now.ms + *period};
  return std::nullopt;
}

bool is_date_function(std::string_view name) noexcept {
  for (std::string_view f : {"now", "startofday", "startofweek", "startofmonth", "startofyear", "endofday", "endofweek",
                             "endofmonth", "endofyear"}) {
    if (iequals(name, f)) return true;
  }
  return false;
}

std::optional<Timestamp> evaluate_date_function(std::string_view written, const std::vector<std::string>& args, Timestamp now,
                                                std::string& error) {
  const std::string lower = lower_ascii(written);
  const std::string_view name = lower;
  if (name == "now") {
    if (!args.empty()) {
      error = fmt::format("Function '{}' expected '0' arguments but received '{}'.", written, args.size());
      return std::nullopt;
    }
    return now;
  }
  const bool start = name.substr(0, 7) == "startof";
  const std::string_view unit_name = name.substr(start ? 7 : 5);
  const char unit = unit_name == "day" ? 'd' : unit_name == "week" ? 'w' : unit_name == "month" ? 'M' : 'y';
  if (args.size() > 1) {
    error = fmt::format("Function '{}' expected between '0' and '1' arguments but received '{}'.", written, args.size());
    return std::nullopt;
  }
  Increment inc{0, unit};
  if (!args.empty()) {
    auto parsed = parse_increment(args[0], unit);
    if (!parsed) {
      error = fmt::format("Function '{}' got the increment '{}', which is not of the form (+/-)n(y|M|w|d|h|m).", written, args[0]);
      return std::nullopt;
    }
    inc = *parsed;
  }
  // An increment in the function's own unit moves the period itself (endOfMonth(-1) is the
  // end of last month); any other unit is added to the start or end of the current period.
  const bool same_unit = inc.unit == unit;
  if (start) return same_unit ? start_of(unit, apply(start_of(unit, now), inc)) : apply(start_of(unit, now), inc);
  const Timestamp next_start = apply(start_of(unit, now), Increment{1, unit});
  if (same_unit) return Timestamp{apply(start_of(unit, apply(start_of(unit, now), inc)), Increment{1, unit}).ms - 1};
  return apply(Timestamp{next_start.ms - 1}, inc);
}

}  // namespace cql::jql
