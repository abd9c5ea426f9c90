// ISO-8601 durations and RFC 3339 timestamps (spec/cql.md §3, §11).
//
// Durations are exact: a component like `1.5D` is computed as 15 * 86'400'000 / 10 in 128-bit
// integer arithmetic, so no binary floating point rounding ever leaks into a duration.
// Sub-millisecond fractions round half away from zero.
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "cql/time.hpp"

namespace cql {
namespace {

constexpr std::int64_t kSecondMs = 1000;
constexpr std::int64_t kMinuteMs = 60 * kSecondMs;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// GCC/Clang 128-bit integers; __extension__ keeps -Wpedantic quiet about them.
__extension__ using Int128 = __int128;

constexpr Int128 kMaxComponent = 10'000'000'000'000'000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One signed decimal component (`-1.5`), scaled by `unit_ms`, exactly.
struct ComponentParser {
  std::string_view text;
  std::size_t pos = 0;

  // Parses `[+-]digits[.digits]` at pos; returns the value as mantissa / 10^scale.
  bool number(Int128& mantissa, int& scale, bool& negative) {
    negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
      negative = text[pos] == '-';
      ++pos;
    }
    const std::size_t start = pos;
    mantissa = 0;
    scale = 0;
    while (pos < text.size() && is_digit(text[pos])) {
      // Any component above 10^16 overflows 64-bit milliseconds; stopping here also keeps
      // mantissa * unit far inside 128 bits.
      if (mantissa > kMaxComponent) return false;
      mantissa = mantissa * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == start) return false;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      const std::size_t frac_start = pos;
      while (pos < text.size() && is_digit(text[pos])) {
        // Nine fraction digits (nanoseconds of a second) are more than a millisecond needs.
        if (scale < 9) {
          mantissa = mantissa * 10 + (text[pos] - '0');
          ++scale;
        }
        ++pos;
      }
      if (pos == frac_start) return false;
    }
    return true;
  }
};

Int128 pow10(int n) {
  Int128 r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

// mantissa / 10^scale * unit, rounded half away from zero.
Int128 scaled_ms(Int128 mantissa, int scale, std::int64_t unit) {
  const Int128 divisor = pow10(scale);
  const Int128 product = mantissa * unit;
  return (product + divisor / 2) / divisor;
}

std::int64_t unit_for(char designator, bool time_part) {
  if (!time_part) {
    switch (designator) {
      case 'Y': return 365 * kDayMs;
      case 'M': return 30 * kDayMs;
      case 'W': return 7 * kDayMs;
      case 'D': return kDayMs;
      default: return 0;
    }
  }
  switch (designator) {
    case 'H': return kHourMs;
    case 'M': return kMinuteMs;
    case 'S': return kSecondMs;
    default: return 0;
  }
}

// Position of a designator in `YMWD` / `HMS`, to enforce order and uniqueness.
int rank_of(char designator, bool time_part) {
  constexpr std::string_view kDate = "YMWD";
  constexpr std::string_view kTime = "HMS";
  const auto pos = (time_part ? kTime : kDate).find(designator);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

void append_uint(std::string& out, std::uint64_t v) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), end);
}

void append_padded(std::string& out, std::int64_t v, int width) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  const auto len = static_cast<int>(end - buf.data());
  for (int i = len; i < width; ++i) out.push_back('0');
  out.append(buf.data(), end);
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at pos.
bool fixed_digits(std::string_view text, std::size_t& pos, int width, unsigned& out) {
  if (pos + static_cast<std::size_t>(width) > text.size()) return false;
  out = 0;
  for (int i = 0; i < width; ++i) {
    const char c = text[pos + static_cast<std::size_t>(i)];
    if (!is_digit(c)) return false;
    out = out * 10 + static_cast<unsigned>(c - '0');
  }
  pos += static_cast<std::size_t>(width);
  return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// `Z`, `+01:00`, `+0100`, `+01`; returns the offset in minutes east of UTC.
std::optional<std::int64_t> parse_offset(std::string_view text, std::size_t& pos) {
  if (pos == text.size()) return 0;  // no offset: taken as UTC (there is no local zone here)
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
    return 0;
  }
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const bool negative = text[pos] == '-';
  ++pos;
  unsigned hours = 0, minutes = 0;
  if (!fixed_digits(text, pos, 2, hours)) return std::nullopt;
  if (pos < text.size()) {
    expect(text, pos, ':');
    if (!fixed_digits(text, pos, 2, minutes)) return std::nullopt;
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  const std::int64_t total = hours * 60 + minutes;
  return negative ? -total : total;
}

}  // namespace

std::optional<Duration> parse_duration(std::string_view text) {
  ComponentParser p{text};
  bool negative_all = false;
  if (p.pos < text.size() && (text[p.pos] == '-' || text[p.pos] == '+')) {
    negative_all = text[p.pos] == '-';
    ++p.pos;
  }
  if (!expect(text, p.pos, 'P')) return std::nullopt;
  bool time_part = false;
  int last_rank = -1;
  int components = 0;
  int time_components = 0;
  Int128 total = 0;
  while (p.pos < text.size()) {
    if (text[p.pos] == 'T') {
      if (time_part) return std::nullopt;
      time_part = true;
      last_rank = -1;
      ++p.pos;
      continue;
    }
    Int128 mantissa = 0;
    int scale = 0;
    bool negative = false;
    if (!p.number(mantissa, scale, negative)) return std::nullopt;
    if (p.pos == text.size()) return std::nullopt;
    const char designator = text[p.pos++];
    const int rank = rank_of(designator, time_part);
    if (rank < 0 || rank <= last_rank) return std::nullopt;
    last_rank = rank;
    const Int128 ms = scaled_ms(mantissa, scale, unit_for(designator, time_part));
    total += negative ? -ms : ms;
    if (total > std::numeric_limits<std::int64_t>::max() || total < -std::numeric_limits<std::int64_t>::max()) {
      return std::nullopt;
    }
    ++components;
    if (time_part) ++time_components;
  }
  if (components == 0 || (time_part && time_components == 0)) return std::nullopt;
  const auto ms = static_cast<std::int64_t>(total);
  return Duration{negative_all ? -ms : ms};
}

std::string format_duration(Duration d) {
  if (d.ms == 0) return "PT0S";
  std::string out;
  out.reserve(24);
  // Magnitude as unsigned so that INT64_MIN prints correctly.
  std::uint64_t rest = d.ms < 0 ? 0 - static_cast<std::uint64_t>(d.ms) : static_cast<std::uint64_t>(d.ms);
  if (d.ms < 0) out.push_back('-');
  out.push_back('P');
  const std::uint64_t days = rest / kDayMs;
  rest %= kDayMs;
  if (days != 0) {
    append_uint(out, days);
    out.push_back('D');
  }
  if (rest == 0) return out;
  out.push_back('T');
  const std::uint64_t hours = rest / kHourMs;
  rest %= kHourMs;
  const std::uint64_t minutes = rest / kMinuteMs;
  rest %= kMinuteMs;
  if (hours != 0) {
    append_uint(out, hours);
    out.push_back('H');
  }
  if (minutes != 0) {
    append_uint(out, minutes);
    out.push_back('M');
  }
  if (rest != 0) {
    append_uint(out, rest / kSecondMs);
    if (std::uint64_t millis = rest % kSecondMs; millis != 0) {
      out.push_back('.');
      std::string frac;
      append_padded(frac, static_cast<std::int64_t>(millis), 3);
      while (frac.back() == '0') frac.pop_back();
      out += frac;
    }
    out.push_back('S');
  }
  return out;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  std::size_t pos = 0;
  unsigned year = 0, month = 0, day = 0;
  if (!fixed_digits(text, pos, 4, year) || !expect(text, pos, '-') || !fixed_digits(text, pos, 2, month) ||
      !expect(text, pos, '-') || !fixed_digits(text, pos, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  std::int64_t ms = days_from_civil(year, month, day) * kDayMs;
  if (pos == text.size()) return Timestamp{ms};

  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
  ++pos;
  unsigned hour = 0, minute = 0, second = 0, millis = 0;
  if (!fixed_digits(text, pos, 2, hour) || !expect(text, pos, ':') || !fixed_digits(text, pos, 2, minute)) {
    return std::nullopt;
  }
  if (expect(text, pos, ':')) {
    if (!fixed_digits(text, pos, 2, second)) return std::nullopt;
    if (expect(text, pos, '.') || expect(text, pos, ',')) {
      int digits = 0;
      while (pos < text.size() && is_digit(text[pos])) {
        // Millisecond precision: further digits are truncated.
        if (digits < 3) millis = millis * 10 + static_cast<unsigned>(text[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0) return std::nullopt;
      for (int i = digits; i < 3; ++i) millis *= 10;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const auto offset = parse_offset(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;
  ms += hour * kHourMs + minute * kMinuteMs + second * kSecondMs + millis - *offset * kMinuteMs;
  return Timestamp{ms};
}

std::string format_timestamp(Timestamp t) {
  // Floor division so that instants before 1970 land on the right day.
  std::int64_t days = t.ms / kDayMs;
  std::int64_t rest = t.ms % kDayMs;
  if (rest < 0) {
    rest += kDayMs;
    --days;
  }
  const Civil c = civil_from_days(days);
  std::string out;
  out.reserve(24);
  if (c.year < 0) out.push_back('-');
  append_padded(out, c.year < 0 ? -c.year : c.year, 4);
  out.push_back('-');
  append_padded(out, c.month, 2);
  out.push_back('-');
  append_padded(out, c.day, 2);
  out.push_back('T');
  append_padded(out, rest / kHourMs, 2);
  out.push_back(':');
  append_padded(out, rest % kHourMs / kMinuteMs, 2);
  out.push_back(':');
  append_padded(out, rest % kMinuteMs / kSecondMs, 2);
  if (const std::int64_t millis = rest % kSecondMs; millis != 0) {
    out.push_back('.');
    append_padded(out, millis, 3);
  }
  out.push_back('Z');
  return out;
}

}  // namespace cql
