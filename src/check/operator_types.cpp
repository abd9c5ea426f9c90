// The operator table as sets of run-time types: a static type stands for the set of value types
// it may hold, and an operation is possible when some pair of those types is.
// tests/unit/check_operator_types_test.cpp cross-checks this table with src/eval/operators.
#include "check/operator_types.hpp"

#include <array>
#include <cstdint>

namespace cql::check {
namespace {

using Mask = std::uint32_t;
constexpr Mask bit(Type t) { return Mask{1} << static_cast<unsigned>(t); }
constexpr Mask kNumbers = bit(Type::Int) | bit(Type::Double);
constexpr Mask kAll = (Mask{1} << (static_cast<unsigned>(Type::Namespace) + 1)) - 1;

Mask possible(StaticType t) {
  switch (t) {
    case StaticType::Unknown: return kAll;
    case StaticType::Null: return bit(Type::Null);
    case StaticType::Bool: return bit(Type::Bool) | bit(Type::Null);
    case StaticType::Int: return bit(Type::Int) | bit(Type::Null);
    case StaticType::Double: return bit(Type::Double) | bit(Type::Null);
    case StaticType::Number: return kNumbers | bit(Type::Null);
    case StaticType::String: return bit(Type::String) | bit(Type::Null);
    case StaticType::List: return bit(Type::List) | bit(Type::Null);
    case StaticType::Object: return bit(Type::Object) | bit(Type::Null);
    case StaticType::Duration: return bit(Type::Duration) | bit(Type::Null);
    case StaticType::Timestamp: return bit(Type::Timestamp) | bit(Type::Null);
    case StaticType::Semver: return bit(Type::Semver) | bit(Type::Null);
    case StaticType::Namespace: return bit(Type::Namespace) | bit(Type::Null);
    case StaticType::Lambda: return 0;
  }
  return kAll;
}

bool is_number(Type t) { return t == Type::Int || t == Type::Double; }
bool is_time_text(Type a, Type b) {  // a data string read as a duration/timestamp
  return a == Type::String && (b == Type::Duration || b == Type::Timestamp);
}

// The result type of `l op r` for one pair of run-time types, or Null when it fails.
Type concrete(ast::BinaryOp op, Type l, Type r) {
  using ast::BinaryOp;
  const bool numbers = is_number(l) && is_number(r);
  const Type number_result = (l == Type::Int && r == Type::Int) ? Type::Int : Type::Double;
  switch (op) {
    case BinaryOp::Add:
      if (numbers) return number_result;
      if (l == Type::String && r == Type::String) return Type::String;
      if ((l == Type::Timestamp && r == Type::Duration) || (l == Type::Duration && r == Type::Timestamp)) return Type::Timestamp;
      if (l == Type::Duration && r == Type::Duration) return Type::Duration;
      return Type::Null;
    case BinaryOp::Sub:
      if (numbers) return number_result;
      if (l == Type::Timestamp && r == Type::Duration) return Type::Timestamp;
      if (l == Type::Timestamp && r == Type::Timestamp) return Type::Duration;
      if (l == Type::Duration && r == Type::Duration) return Type::Duration;
      return Type::Null;
    case BinaryOp::Mul:
      if (numbers) return number_result;
      if ((l == Type::Duration && is_number(r)) || (is_number(l) && r == Type::Duration)) return Type::Duration;
      return Type::Null;
    case BinaryOp::Div:
      if (numbers) return Type::Double;
      if (l == Type::Duration && is_number(r)) return Type::Duration;
      if (l == Type::Duration && r == Type::Duration) return Type::Double;
      return Type::Null;
    case BinaryOp::Mod:
      return l == Type::Int && r == Type::Int ? Type::Int : Type::Null;
    case BinaryOp::Less: case BinaryOp::LessEqual: case BinaryOp::Greater: case BinaryOp::GreaterEqual:
      if (numbers) return Type::Bool;
      if (l == r && (l == Type::String || l == Type::Duration || l == Type::Timestamp || l == Type::Semver)) return Type::Bool;
      if (is_time_text(l, r) || is_time_text(r, l)) return Type::Bool;
      return Type::Null;
    case BinaryOp::Equal: case BinaryOp::NotEqual:
      return Type::Bool;
    case BinaryOp::And: case BinaryOp::Or:
      return l == Type::Bool && r == Type::Bool ? Type::Bool : Type::Null;
  }
  return Type::Null;
}

std::optional<StaticType> from_mask(Mask m) {
  if (m == 0) return std::nullopt;
  if (m == kNumbers) return StaticType::Number;
  for (unsigned t = 0; t <= static_cast<unsigned>(Type::Namespace); ++t) {
    if (m == (Mask{1} << t)) return static_type_of(static_cast<Type>(t));
  }
  return StaticType::Unknown;
}

}  // namespace

StaticType static_type_of(Type type) noexcept {
  switch (type) {
    case Type::Null: return StaticType::Null;
    case Type::Bool: return StaticType::Bool;
    case Type::Int: return StaticType::Int;
    case Type::Double: return StaticType::Double;
    case Type::String: return StaticType::String;
    case Type::List: return StaticType::List;
    case Type::Object: return StaticType::Object;
    case Type::Duration: return StaticType::Duration;
    case Type::Timestamp: return StaticType::Timestamp;
    case Type::Semver: return StaticType::Semver;
    case Type::Namespace: return StaticType::Namespace;
  }
  return StaticType::Unknown;
}

namespace {

constexpr std::size_t kOps = static_cast<std::size_t>(ast::BinaryOp::Or) + 1;
constexpr std::size_t kStaticTypes = static_cast<std::size_t>(StaticType::Lambda) + 1;

std::optional<StaticType> compute_binary_result(ast::BinaryOp op, StaticType left, StaticType right) {
  if (op == ast::BinaryOp::Equal || op == ast::BinaryOp::NotEqual) return StaticType::Bool;
  // null makes every other operator fail, so it never contributes a result.
  const Mask lm = possible(left) & ~bit(Type::Null);
  const Mask rm = possible(right) & ~bit(Type::Null);
  Mask result = 0;
  for (unsigned l = 0; l <= static_cast<unsigned>(Type::Namespace); ++l) {
    if (!(lm & (Mask{1} << l))) continue;
    for (unsigned r = 0; r <= static_cast<unsigned>(Type::Namespace); ++r) {
      if (!(rm & (Mask{1} << r))) continue;
      const Type t = concrete(op, static_cast<Type>(l), static_cast<Type>(r));
      if (t != Type::Null) result |= bit(t);
    }
  }
  return from_mask(result);
}

// compute_binary_result() tries every pair of run-time types (121 for two unknown operands);
// checking a 1,000-term chain asked it 1,000 times. The answers are a small fixed table.
using BinaryTable = std::array<std::optional<StaticType>, kOps * kStaticTypes * kStaticTypes>;

BinaryTable make_binary_table() {
  BinaryTable table;
  for (std::size_t op = 0; op < kOps; ++op) {
    for (std::size_t l = 0; l < kStaticTypes; ++l) {
      for (std::size_t r = 0; r < kStaticTypes; ++r) {
        table[(op * kStaticTypes + l) * kStaticTypes + r] = compute_binary_result(
            static_cast<ast::BinaryOp>(op), static_cast<StaticType>(l), static_cast<StaticType>(r));
      }
    }
  }
  return table;
}

}  // namespace

std::optional<StaticType> binary_result(ast::BinaryOp op, StaticType left, StaticType right) noexcept {
  static const BinaryTable table = make_binary_table();
  const auto o = static_cast<std::size_t>(op), l = static_cast<std::size_t>(left), r = static_cast<std::size_t>(right);
  if (o >= kOps || l >= kStaticTypes || r >= kStaticTypes) return std::nullopt;
  return table[(o * kStaticTypes + l) * kStaticTypes + r];
}

std::optional<StaticType> unary_result(ast::UnaryOp op, StaticType operand) noexcept {
  const Mask m = possible(operand);
  if (op == ast::UnaryOp::Not) {
    return (m & bit(Type::Bool)) ? std::optional(StaticType::Bool) : std::nullopt;
  }
  return from_mask(m & (kNumbers | bit(Type::Duration)));
}

bool may_accept(StaticType wanted, StaticType actual) noexcept {
  if (wanted == StaticType::Unknown || actual == StaticType::Unknown) return true;
  if (wanted == StaticType::Lambda || actual == StaticType::Lambda) return wanted == actual;
  Mask accepted = possible(wanted) & ~bit(Type::Null);
  if (wanted == StaticType::Double) accepted |= bit(Type::Int);
  if (wanted == StaticType::Duration || wanted == StaticType::Timestamp) accepted |= bit(Type::String);
  return (possible(actual) & ~bit(Type::Null) & accepted) != 0;
}

}  // namespace cql::check
