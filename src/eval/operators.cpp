#include "eval/operators.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "cql/registry.hpp"
#include "cql/time.hpp"
#include "eval/coerce.hpp"

namespace cql::eval {
namespace {

using ast::BinaryOp;

[[noreturn]] void type_mismatch(BinaryOp op, const Value& l, const Value& r) {
  fail(ErrorKind::Type, fmt::format("cannot apply `{}` to {} and {}", ast::op_text(op), type_name(l.type()),
                                    type_name(r.type())));
}

[[noreturn]] void overflow(BinaryOp op) {
  fail(ErrorKind::Eval, fmt::format("integer overflow in `{}`", ast::op_text(op)));
}

std::int64_t checked(BinaryOp op, std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  bool bad = false;
  switch (op) {
    case BinaryOp::Add: bad = __builtin_add_overflow(a, b, &out); break;
    case BinaryOp::Sub: bad = __builtin_sub_overflow(a, b, &out); break;
    case BinaryOp::Mul: bad = __builtin_mul_overflow(a, b, &out); break;
    default: break;
  }
  if (bad) overflow(op);
  return out;
}

// A double number of milliseconds back to a duration, rounded to the millisecond.
Duration to_duration(BinaryOp op, double ms) {
  // 2^63 as a double; anything at or beyond it does not fit an int64.
  constexpr double kLimit = 9223372036854775808.0;
  if (!std::isfinite(ms) || std::fabs(ms) >= kLimit) overflow(op);
  return Duration{std::llround(ms)};
}

Value numbers(BinaryOp op, const Value& l, const Value& r) {
  if (l.type() == Type::Int && r.type() == Type::Int) {
    const std::int64_t a = l.as_int(), b = r.as_int();
    switch (op) {
      case BinaryOp::Div:
        if (b == 0) fail(ErrorKind::Eval, "division by zero");
        return static_cast<double>(a) / static_cast<double>(b);
      case BinaryOp::Mod:
        if (b == 0) fail(ErrorKind::Eval, "modulo by zero");
        if (b == -1) return std::int64_t{0};  // INT64_MIN % -1 overflows in C++; the answer is 0
        return a % b;                         // C++ keeps the sign of the dividend, as the spec asks
      default: return checked(op, a, b);
    }
  }
  if (op == BinaryOp::Mod) type_mismatch(op, l, r);
  const double a = l.as_number(), b = r.as_number();
  switch (op) {
    case BinaryOp::Add: return a + b;
    case BinaryOp::Sub: return a - b;
    case BinaryOp::Mul: return a * b;
    case BinaryOp::Div:
      if (b == 0) fail(ErrorKind::Eval, "division by zero");
      return a / b;
    default: type_mismatch(op, l, r);
  }
}

Value times(BinaryOp op, const Value& l, const Value& r) {
  const Type lt = l.type(), rt = r.type();
  const bool l_duration = lt == Type::Duration, r_duration = rt == Type::Duration;
  const bool l_time = lt == Type::Timestamp, r_time = rt == Type::Timestamp;
  switch (op) {
    case BinaryOp::Add:
      if (l_duration && r_duration) return Duration{checked(op, l.as_duration().ms, r.as_duration().ms)};
      if (l_time && r_duration) return Timestamp{checked(op, l.as_timestamp().ms, r.as_duration().ms)};
      if (l_duration && r_time) return Timestamp{checked(op, l.as_duration().ms, r.as_timestamp().ms)};
      break;
    case BinaryOp::Sub:
      if (l_duration && r_duration) return Duration{checked(op, l.as_duration().ms, r.as_duration().ms)};
      if (l_time && r_duration) return Timestamp{checked(op, l.as_timestamp().ms, r.as_duration().ms)};
      if (l_time && r_time) return Duration{checked(op, l.as_timestamp().ms, r.as_timestamp().ms)};
      break;
    case BinaryOp::Mul: {
      const Value* d = l_duration ? &l : (r_duration ? &r : nullptr);
      const Value* n = l_duration ? &r : &l;
      if (d == nullptr || !n->is_number()) break;
      if (n->type() == Type::Int) return Duration{checked(op, d->as_duration().ms, n->as_int())};
      return to_duration(op, static_cast<double>(d->as_duration().ms) * n->as_double());
    }
    case BinaryOp::Div:
      if (!l_duration) break;
      if (r.is_number()) {
        if (r.as_number() == 0) fail(ErrorKind::Eval, "division by zero");
        return to_duration(op, static_cast<double>(l.as_duration().ms) / r.as_number());
      }
      if (r_duration) {
        if (r.as_duration().ms == 0) fail(ErrorKind::Eval, "division by zero");
        return static_cast<double>(l.as_duration().ms) / static_cast<double>(r.as_duration().ms);
      }
      break;
    default: break;
  }
  type_mismatch(op, l, r);
}

// <0, 0, >0 for two numbers, exact for int against double.
int compare_numbers(const Value& l, const Value& r) {
  if (l.type() == Type::Int && r.type() == Type::Int) {
    return l.as_int() < r.as_int() ? -1 : (l.as_int() > r.as_int() ? 1 : 0);
  }
  // long double holds every int64 exactly on x86-64; elsewhere the rounding is at worst 1 ulp.
  const long double a = l.type() == Type::Int ? static_cast<long double>(l.as_int()) : l.as_double();
  const long double b = r.type() == Type::Int ? static_cast<long double>(r.as_int()) : r.as_double();
  return a < b ? -1 : (a > b ? 1 : 0);
}

template <typename T>
int order(T a, T b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

// A time value against the other side read as the same kind (a data string), or nullopt.
std::optional<int> compare_time(const Value& l, const Value& r) {
  if (l.type() == Type::Duration || r.type() == Type::Duration) {
    const auto a = coerce_duration(l), b = coerce_duration(r);
    if (a && b) return order(a->ms, b->ms);
  } else if (l.type() == Type::Timestamp || r.type() == Type::Timestamp) {
    const auto a = coerce_timestamp(l), b = coerce_timestamp(r);
    if (a && b) return order(a->ms, b->ms);
  }
  return std::nullopt;
}

}  // namespace

Value arithmetic(BinaryOp op, const Value& l, const Value& r, std::size_t max_string_bytes) {
  if (l.is_number() && r.is_number()) return numbers(op, l, r);
  if (op == BinaryOp::Add && l.type() == Type::String && r.type() == Type::String) {
    const std::string_view a = l.as_string();
    const std::string_view b = r.as_string();
    if (a.size() + b.size() > max_string_bytes) {
      fail(ErrorKind::Eval, fmt::format("string size limit exceeded: {} bytes (limit {})", a.size() + b.size(),
                                        max_string_bytes));
    }
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b);
    return Value(std::move(out));
  }
  return times(op, l, r);
}

bool compare(BinaryOp op, const Value& l, const Value& r) {
  std::optional<int> c;
  const Type lt = l.type(), rt = r.type();
  if (l.is_number() && r.is_number()) {
    if ((lt == Type::Double && std::isnan(l.as_double())) || (rt == Type::Double && std::isnan(r.as_double()))) {
      return false;  // NaN is unordered: every ordering is false
    }
    c = compare_numbers(l, r);
  } else if (lt == Type::String && rt == Type::String) {
    // Byte order of UTF-8 is code point order.
    c = l.as_string().compare(r.as_string());
  } else if (lt == Type::Semver && rt == Type::Semver) {
    c = compare_semver(l.as_semver(), r.as_semver());
  } else {
    c = compare_time(l, r);
  }
  if (!c) {
    const bool time = lt == Type::Duration || lt == Type::Timestamp || rt == Type::Duration || rt == Type::Timestamp;
    const Value& text = lt == Type::String ? l : r;
    if (time && text.type() == Type::String) {
      fail(ErrorKind::Type, fmt::format("cannot apply `{}` to {} and {}: \"{}\" is not an ISO-8601 {}", ast::op_text(op),
                                        type_name(lt), type_name(rt), text.as_string(),
                                        (lt == Type::Duration || rt == Type::Duration) ? "duration" : "timestamp"));
    }
    type_mismatch(op, l, r);
  }
  switch (op) {
    case BinaryOp::Less: return *c < 0;
    case BinaryOp::LessEqual: return *c <= 0;
    case BinaryOp::Greater: return *c > 0;
    case BinaryOp::GreaterEqual: return *c >= 0;
    default: type_mismatch(op, l, r);
  }
}

bool equal(const Value& l, const Value& r) noexcept {
  const Type lt = l.type(), rt = r.type();
  if (lt != rt && (lt == Type::String || rt == Type::String)) {
    const Type other = lt == Type::String ? rt : lt;
    if (other == Type::Duration || other == Type::Timestamp) {
      const auto c = compare_time(l, r);
      return c && *c == 0;
    }
  }
  return equals(l, r);
}

Value negate(const Value& v) {
  switch (v.type()) {
    case Type::Int:
      if (v.as_int() == std::numeric_limits<std::int64_t>::min()) fail(ErrorKind::Eval, "integer overflow in unary `-`");
      return -v.as_int();
    case Type::Double: return -v.as_double();
    case Type::Duration:
      if (v.as_duration().ms == std::numeric_limits<std::int64_t>::min()) {
        fail(ErrorKind::Eval, "integer overflow in unary `-`");
      }
      return Duration{-v.as_duration().ms};
    default:
      fail(ErrorKind::Type, fmt::format("cannot apply unary `-` to {}", type_name(v.type())));
  }
}

}  // namespace cql::eval
