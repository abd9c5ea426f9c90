#pragma once
// The operators of spec/cql.md §4 on run-time values: the one home of their semantics.
// Failures are thrown with cql::fail (EvalFailure): `type` for operand types that do not fit,
// `eval` for division by zero, int overflow and the string size limit. The evaluator adds the
// span (and, for null operands, the name of the null sub-expression).
#include <cstddef>
#include <cstdint>

#include "ast/ast.hpp"
#include "cql/value.hpp"
#include "eval/same_text.hpp"

namespace cql::eval {

// + - * / % on numbers, strings, durations and timestamps.
Value arithmetic(ast::BinaryOp op, const Value& left, const Value& right, std::size_t max_string_bytes);

// The most common case of arithmetic(), inline and without a Value: int + - * int that does not
// overflow. False means "not this case": arithmetic() answers it (and reports the overflow).
inline bool int_arithmetic(ast::BinaryOp op, std::int64_t left, std::int64_t right, std::int64_t& out) noexcept {
  switch (op) {
    case ast::BinaryOp::Add: return !__builtin_add_overflow(left, right, &out);
    case ast::BinaryOp::Sub: return !__builtin_sub_overflow(left, right, &out);
    case ast::BinaryOp::Mul: return !__builtin_mul_overflow(left, right, &out);
    default: return false;
  }
}

// < <= > >= on numbers, strings (by code point), durations, timestamps, semvers; a data string
// compared with a duration or timestamp is read as one.
bool compare(ast::BinaryOp op, const Value& left, const Value& right);

// == (deep equality, never an error); a string compared with a duration or timestamp is equal
// when it reads as that same duration or timestamp.
bool equal(const Value& left, const Value& right) noexcept;

// compare() and equal() with the commonest operand pairs of a rule (int against int, string
// against string) answered inline, exactly as those functions answer them; other pairs go to them.
// int_compare: compare() of two ints into `out`; false when the pair is not that case.
inline bool int_compare(ast::BinaryOp op, const Value& left, const Value& right, bool& out) noexcept {
  if (left.type() != Type::Int || right.type() != Type::Int) return false;
  const std::int64_t a = left.as_int(), b = right.as_int();
  switch (op) {
    case ast::BinaryOp::Less: out = a < b; return true;
    case ast::BinaryOp::LessEqual: out = a <= b; return true;
    case ast::BinaryOp::Greater: out = a > b; return true;
    case ast::BinaryOp::GreaterEqual: out = a >= b; return true;
    default: return false;
  }
}

inline bool fast_compare(ast::BinaryOp op, const Value& left, const Value& right) {
  bool out = false;
  if (int_compare(op, left, right, out)) return out;
  return compare(op, left, right);
}

inline bool fast_equal(const Value& left, const Value& right) noexcept {
  if (left.type() == right.type()) {
    if (left.type() == Type::String) {
      return same_string(left, right);
    }
    if (left.type() == Type::Int) return left.as_int() == right.as_int();
  }
  return equal(left, right);
}

// Unary minus on ints (overflow is an error), doubles and durations.
Value negate(const Value& operand);

}  // namespace cql::eval
