// Durations and timestamps (spec/cql.md §3, §5, §6, §11): duration(), timestamp(), now(),
// fromNow() and freshness. The evaluator's argument adapter converts a data string that parses
// as a timestamp before calling fromNow/freshness (§11), so the natives only see timestamps.
#include <cstdint>
#include <string>

#include "cql/registry.hpp"
#include "cql/time.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {
namespace {

using stdlib::global;
using stdlib::param;

std::string not_a(std::string_view what, std::string_view text) {
  return stdlib::quote_for_message(text) + " is not an ISO-8601 " + std::string(what);
}

template <auto Parse>
PrepareFunction validate(std::string_view what) {
  return stdlib::validate_constant_text(0, [what](std::string_view text) -> std::optional<std::string> {
    if (Parse(text)) return std::nullopt;
    return not_a(what, text);
  });
}

Duration difference(std::int64_t a, std::int64_t b, std::string_view callee) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) stdlib::eval_error(callee, "duration overflow");
  return Duration{out};
}

}  // namespace

void register_time(Registry& registry) {
  constexpr auto S = StaticType::String;

  FunctionSpec duration = global("duration", {param("iso", S)}, StaticType::Duration,
                                 "an ISO-8601 duration (`P7D`, `PT1H30M`, `-P90D`)",
                                 [](CallContext&, std::span<const Value> args) {
                                   const std::string_view text = args[0].as_string();
                                   auto d = parse_duration(text);
                                   if (!d) stdlib::eval_error("duration()", not_a("duration", text));
                                   return Value(*d);
                                 });
  duration.prepare = validate<parse_duration>("duration");
  registry.add(std::move(duration));

  FunctionSpec timestamp = global("timestamp", {param("text", S)}, StaticType::Timestamp,
                                  "an ISO-8601 / RFC 3339 timestamp (`2026-03-01T10:00:00Z`, `2026-03-01`)",
                                  [](CallContext&, std::span<const Value> args) {
                                    const std::string_view text = args[0].as_string();
                                    auto t = parse_timestamp(text);
                                    if (!t) stdlib::eval_error("timestamp()", not_a("timestamp", text));
                                    return Value(*t);
                                  },
                                  {.extension = true});
  timestamp.prepare = validate<parse_timestamp>("timestamp");
  registry.add(std::move(timestamp));

  registry.add(global("now", {}, StaticType::Timestamp, "the evaluation clock",
                      [](CallContext& ctx, std::span<const Value>) { return Value(ctx.now()); },
                      {.extension = true, .pure = false}));

  // Both depend on the clock, so neither may be constant-folded.
  registry.add(stdlib::method("fromNow", StaticType::Timestamp, {}, StaticType::Duration,
                              "timestamp - now (negative for the past)",
                              [](CallContext& ctx, std::span<const Value> args) {
                                return Value(difference(args[0].as_timestamp().ms, ctx.now().ms, ".fromNow()"));
                              },
                              {.pure = false}));
  registry.add(stdlib::property("freshness", StaticType::Timestamp, StaticType::Duration, "now - timestamp (the age)",
                                [](CallContext& ctx, std::span<const Value> args) {
                                  return Value(difference(ctx.now().ms, args[0].as_timestamp().ms, ".freshness"));
                                },
                                {.pure = false}));
}

}  // namespace cql
