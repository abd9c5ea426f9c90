#pragma once
// Entry points of the evaluator. Neither throws.
#include <optional>

#include "compile/plan.hpp"
#include "cql/context.hpp"

namespace cql::eval {

// Evaluates the plan's root against one entity.
EvalResult evaluate(const plan::Plan& plan, const SourceRef& source, const EvalContext& context);

// Constant folding: the value of one node whose operands are constants, or nullopt when the
// node needs an evaluation context (entity, clock, data sources, captures) or fails.
std::optional<Value> fold(const plan::Plan& plan, std::uint32_t node);

}  // namespace cql::eval
