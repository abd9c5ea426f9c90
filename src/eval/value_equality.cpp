// Deep equality (spec/cql.md §4, §11).
#include <cmath>
#include <cstdint>

#include "cql/time.hpp"
#include "cql/value.hpp"
#include "eval/same_text.hpp"

namespace cql {
namespace {

// Exact int/double comparison: converting the int to double would call 2^53 + 1 equal to 2^53.
bool int_equals_double(std::int64_t i, double d) noexcept {
  if (!std::isfinite(d) || std::trunc(d) != d) return false;
  // [-2^63, 2^63) is exactly the range of doubles that convert to int64 without overflow.
  if (d < -9223372036854775808.0 || d >= 9223372036854775808.0) return false;
  return static_cast<std::int64_t>(d) == i;
}

bool objects_equal(const Object& a, const Object& b) noexcept {
  if (a.size() != b.size()) return false;
  // Key order is ignored. find() is used on both sides so that a duplicated key (the later
  // one wins, as everywhere else) compares the same way it reads.
  for (const auto& [key, unused] : a.entries()) {
    const Value* left = a.find(key);
    const Value* right = b.find(key);
    if (right == nullptr || !equals(*left, *right)) return false;
  }
  for (const auto& [key, unused] : b.entries()) {
    if (a.find(key) == nullptr) return false;
  }
  return true;
}

}  // namespace

bool equals(const Value& a, const Value& b) noexcept {
  const Type ta = a.type();
  const Type tb = b.type();
  if (ta != tb) {
    if (ta == Type::Int && tb == Type::Double) return int_equals_double(a.as_int(), b.as_double());
    if (ta == Type::Double && tb == Type::Int) return int_equals_double(b.as_int(), a.as_double());
    return false;
  }
  switch (ta) {
    case Type::Null: return true;
    case Type::Bool: return a.as_bool() == b.as_bool();
    case Type::Int: return a.as_int() == b.as_int();
    case Type::Double: return a.as_double() == b.as_double();
    case Type::String: return same_string(a, b);
    case Type::List: {
      if (a.list_ptr() == b.list_ptr()) return true;
      const List& la = a.as_list();
      const List& lb = b.as_list();
      if (la.size() != lb.size()) return false;
      for (std::size_t i = 0; i < la.size(); ++i) {
        if (!equals(la[i], lb[i])) return false;
      }
      return true;
    }
    case Type::Object:
      return a.object_ptr() == b.object_ptr() || objects_equal(a.as_object(), b.as_object());
    case Type::Duration: return a.as_duration() == b.as_duration();
    case Type::Timestamp: return a.as_timestamp() == b.as_timestamp();
    case Type::Semver: return compare_semver(a.as_semver(), b.as_semver()) == 0;
    case Type::Namespace: return a.namespace_name() == b.namespace_name();
  }
  return false;
}

}  // namespace cql
