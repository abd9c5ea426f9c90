#pragma once
// The operators of spec/cql.md §4 on run-time values: the one home of their semantics.
// Failures are thrown with cql::fail (EvalFailure): `type` for operand types that do not fit,
// `eval` for division by zero, int overflow and the string size limit. The evaluator adds the
// span (and, for null operands, the name of the null sub-expression).
#include <cstddef>

#include "ast/ast.hpp"
#include "cql/value.hpp"

namespace cql::eval {

// + - * / % on numbers, strings, durations and timestamps.
Value arithmetic(ast::BinaryOp op, const Value& left, const Value& right, std::size_t max_string_bytes);

// < <= > >= on numbers, strings (by code point), durations, timestamps, semvers; a data string
// compared with a duration or timestamp is read as one.
bool compare(ast::BinaryOp op, const Value& left, const Value& right);

// == (deep equality, never an error); a string compared with a duration or timestamp is equal
// when it reads as that same duration or timestamp.
bool equal(const Value& left, const Value& right) noexcept;

// Unary minus on ints (overflow is an error), doubles and durations.
Value negate(const Value& operand);

}  // namespace cql::eval
