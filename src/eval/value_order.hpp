#pragma once
// Ordering and hashing of Values, consistent with equals() (spec/cql.md §4).
#include <cstddef>
#include <optional>

#include "cql/value.hpp"

namespace cql {

// <0, 0, >0 for two values of one orderable kind: numbers (int and double mixed, compared
// exactly), strings (by code point), durations, timestamps, semvers (semver 2.0 precedence).
// nullopt when the pair cannot be ordered (different kinds, null, bool, list, object,
// namespace, or a NaN).
std::optional<int> compare_values(const Value& a, const Value& b) noexcept;

// Whether values of this type can be ordered at all (the kinds above).
bool is_orderable(Type type) noexcept;

// A hash with hash_value(a) == hash_value(b) whenever equals(a, b): an int and an equal
// double hash alike, object key order does not matter, semver build metadata is ignored.
std::size_t hash_value(const Value& value) noexcept;

}  // namespace cql
