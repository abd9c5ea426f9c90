#pragma once
// ISO-8601 durations and timestamps, and semantic versions: parsing and canonical text
// (spec/cql.md §3, §11). Shared by the evaluator, the catalog/facts loaders and the JQL engine.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cql/value.hpp"

namespace cql {

// `P1W`, `-P90D`, `P-90D`, `PT1H30M`, `P1.5D`, `PT0.25S`. Y = 365 d, M = 30 d, W = 7 d.
// Returns nullopt for `P`, `PT`, lower-case designators, empty input and anything else malformed.
std::optional<Duration> parse_duration(std::string_view text);

// `P<d>DT<h>H<m>M<s>S`, zero parts omitted, `-` prefix when negative, `PT0S` for zero,
// seconds with up to three decimals, trailing zeros removed.
std::string format_duration(Duration d);

// RFC 3339 / ISO-8601: `2026-03-01T10:00:00Z`, `2026-03-01T10:00:00.000+0100`,
// `2026-03-01T10:00:00+01:00`, `2026-03-01` (midnight UTC). nullopt when malformed.
std::optional<Timestamp> parse_timestamp(std::string_view text);

// `2026-03-01T10:00:00Z`, with `.mmm` only when milliseconds are non-zero.
std::string format_timestamp(Timestamp t);

// Semver 2.0 (`1.2.3`, `1.2.3-rc.1+build`); a leading `v` is accepted. nullopt when malformed.
std::optional<Semver> parse_semver(std::string_view text);

// Semver 2.0 precedence: <0, 0, >0 (build metadata ignored).
int compare_semver(const Semver& a, const Semver& b) noexcept;

}  // namespace cql
