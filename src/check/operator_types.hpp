#pragma once
// Static typing of operators (spec/cql.md §4, §10): which operand types can ever succeed and
// what they produce. A static type means "a value of that type, or null"; Unknown means any
// value. An operation is a compile error only when no pair of possible operand values can
// succeed; otherwise the evaluator checks the values at run time (src/eval/operators).
#include <optional>

#include "ast/ast.hpp"
#include "cql/registry.hpp"

namespace cql::check {

// nullopt: the operation can never succeed.
std::optional<StaticType> binary_result(ast::BinaryOp op, StaticType left, StaticType right) noexcept;
std::optional<StaticType> unary_result(ast::UnaryOp op, StaticType operand) noexcept;

// Whether a value of static type `actual` may be accepted where `wanted` is declared (a
// function parameter or a method receiver), counting the run-time conversions of data strings
// to durations and timestamps, and ints to doubles.
bool may_accept(StaticType wanted, StaticType actual) noexcept;

// The static type of a run-time value type.
StaticType static_type_of(Type type) noexcept;

}  // namespace cql::check
