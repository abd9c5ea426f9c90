#pragma once
// Dates in JQL (spec/jira.md §5, §7), all in UTC against an evaluation clock:
// absolute `yyyy-MM-dd` / `yyyy/MM/dd` with an optional ` HH:mm`; relative periods `-7d`,
// `"-4w 2d"`, `+1h` (units w d h m; a number without a unit is minutes; rolling: -30d is now
// minus 30 × 24 h); the functions now(), startOfDay/Week/Month/Year([±n unit]) and
// endOf...([±n unit]) (a bare number uses the function's own unit; weeks start on Sunday).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/value.hpp"

namespace cql::jql {

inline constexpr std::int64_t kMinuteMs = 60'000;

// Dates compare to the minute: the start of the minute holding t.
Timestamp floor_to_minute(Timestamp t) noexcept;

// A date operand written as text (quoted or not): absolute or relative. nullopt when it is
// neither (the caller reports Jira's "Date value ... is invalid" message).
std::optional<Timestamp> parse_jql_date(std::string_view text, Timestamp now);

// A relative period in milliseconds: `-4w 2d`, `+1h`, `15m`, `-5` (minutes).
std::optional<std::int64_t> parse_period_ms(std::string_view text);

// Whether `name` (any case) is one of now/startOf*/endOf*.
bool is_date_function(std::string_view name) noexcept;

// Evaluates a date function (`name` as written, any case); `error` is set (and nullopt
// returned) for a bad argument.
std::optional<Timestamp> evaluate_date_function(std::string_view name, const std::vector<std::string>& args, Timestamp now,
                                                std::string& error);

}  // namespace cql::jql
