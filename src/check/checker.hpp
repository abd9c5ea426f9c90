#pragma once
// The check stage: resolves every name of an expression (lambda parameters, namespaces, global
// functions, namespace functions, methods, properties, object getters), binds call arguments to
// parameters (positional, named, defaults), infers static types and reports every operation
// that can never succeed. It collects ALL diagnostics and emits an unoptimised plan
// (src/compile/plan.hpp) that the compile stage folds and finishes.
#include <vector>

#include "ast/ast.hpp"
#include "check/name_index.hpp"
#include "compile/plan.hpp"
#include "cql/diagnostic.hpp"

namespace cql::check {

struct CheckSettings {
  bool strict = false;  // extension functions are errors, not warnings
};

struct CheckResult {
  plan::Plan plan;                    // complete only when there is no error
  StaticType result_type = StaticType::Unknown;
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in source order
  bool has_errors = false;
};

CheckResult check_expression(const ast::Expression& expression, const NameIndex& names,
                             const CheckSettings& settings);
// The same, building the plan in `plan` (empty) instead of in the result, whose plan stays
// empty: the Engine checks straight into the Program's own plan, without moving it twice.
CheckResult check_expression(const ast::Expression& expression, const NameIndex& names,
                             const CheckSettings& settings, plan::Plan& plan);

// The lambda list methods the evaluator implements itself (filter, map, any, all, none).
bool is_lambda_method(std::string_view name) noexcept;

}  // namespace cql::check
