// Ordering and hashing; kept next to each other's rules so they agree with equals().
#include "eval/value_order.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>

#include "cql/time.hpp"

namespace cql {
namespace {

template <typename T>
int three_way(T a, T b) noexcept {
  return a < b ? -1 : (a > b ? 1 : 0);
}

// Exact int/double ordering: 2^53 + 1 > 2^53 even though both convert to the same double.
std::optional<int> compare_int_double(std::int64_t i, double d) noexcept {
  if (std::isnan(d)) return std::nullopt;
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  const double whole = std::floor(d);
  const auto w = static_cast<std::int64_t>(whole);  // in range: checked above
  if (i != w) return three_way(i, w);
  return whole == d ? 0 : -1;  // i == floor(d) < d when d has a fraction
}

bool is_number(Type t) noexcept { return t == Type::Int || t == Type::Double; }

std::size_t mix(std::size_t seed, std::size_t h) noexcept {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

std::size_t hash_number(double d) noexcept {
  if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
    return std::hash<std::int64_t>{}(static_cast<std::int64_t>(d));
  }
  return std::hash<double>{}(d);
}

}  // namespace

bool is_orderable(Type type) noexcept {
  switch (type) {
    case Type::Int:
    case Type::Double:
    case Type::String:
    case Type::Duration:
    case Type::Timestamp:
    case Type::Semver: return true;
    default: return false;
  }
}

std::optional<int> compare_values(const Value& a, const Value& b) noexcept {
  const Type ta = a.type();
  const Type tb = b.type();
  if (is_number(ta) && is_number(tb)) {
    if (ta == Type::Int && tb == Type::Int) return three_way(a.as_int(), b.as_int());
    if (ta == Type::Int) return compare_int_double(a.as_int(), b.as_double());
    if (tb == Type::Int) {
      auto c = compare_int_double(b.as_int(), a.as_double());
      if (c) return -*c;
      return std::nullopt;
    }
    const double x = a.as_double(), y = b.as_double();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return three_way(x, y);
  }
  if (ta != tb) return std::nullopt;
  switch (ta) {
    case Type::String: {
      // UTF-8 byte order is code point order.
      const int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Type::Duration: return three_way(a.as_duration().ms, b.as_duration().ms);
    case Type::Timestamp: return three_way(a.as_timestamp().ms, b.as_timestamp().ms);
    case Type::Semver: return compare_semver(a.as_semver(), b.as_semver());
    default: return std::nullopt;
  }
}

std::size_t hash_value(const Value& value) noexcept {
  const auto type_seed = static_cast<std::size_t>(value.type()) * 0x100000001b3ULL;
  switch (value.type()) {
    case Type::Null: return type_seed;
    case Type::Bool: return mix(type_seed, value.as_bool() ? 1 : 0);
    // Ints and doubles share one seed: 3 and 3.0 are equal.
    case Type::Int: return mix(0x51, std::hash<std::int64_t>{}(value.as_int()));
    case Type::Double: return mix(0x51, hash_number(value.as_double()));
    case Type::String: return mix(type_seed, std::hash<std::string_view>{}(value.as_string()));
    case Type::List: {
      std::size_t h = type_seed;
      for (const Value& e : value.as_list()) h = mix(h, hash_value(e));
      return h;
    }
    case Type::Object: {
      // Commutative combination so that key order does not matter; only the entry find()
      // returns counts for a duplicated key, as in equals().
      const Object& o = value.as_object();
      std::size_t sum = 0;
      for (const auto& [key, v] : o.entries()) {
        if (o.find(key) != &v) continue;
        sum += mix(std::hash<std::string_view>{}(key), hash_value(v));
      }
      return mix(type_seed, sum);
    }
    case Type::Duration: return mix(type_seed, std::hash<std::int64_t>{}(value.as_duration().ms));
    case Type::Timestamp: return mix(type_seed, std::hash<std::int64_t>{}(value.as_timestamp().ms));
    case Type::Semver: {
      const Semver& s = value.as_semver();
      std::size_t h = mix(mix(mix(type_seed, s.major), s.minor), s.patch);
      for (const auto& id : s.prerelease) h = mix(h, std::hash<std::string>{}(id));
      return h;
    }
    case Type::Namespace: return mix(type_seed, std::hash<std::string_view>{}(value.namespace_name()));
  }
  return 0;
}

}  // namespace cql
