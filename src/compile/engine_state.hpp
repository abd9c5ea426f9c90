#pragma once
// What an Engine and each Program share and own (include/cql/engine.hpp).
#include <memory>

#include "ast/ast.hpp"
#include "check/name_index.hpp"
#include "compile/plan.hpp"
#include "cql/context.hpp"
#include "cql/registry.hpp"

namespace cql::detail {

struct EngineState {
  EngineState(Registry r, const Limits& l) : registry(std::move(r)), limits(l), names(registry) {}
  EngineState(const EngineState&) = delete;
  EngineState& operator=(const EngineState&) = delete;

  const Registry registry;
  const Limits limits;
  const check::NameIndex names;  // points into `registry`
};

// A compiled expression. The plan points into the AST (spans, error texts) and into the
// engine's registry (FunctionSpecs), so it owns both.
struct ProgramState {
  // User-provided on purpose: make_shared value-initialises, which would otherwise clear the
  // whole state before the member initializers run (once per compile).
  ProgramState() noexcept {}

  std::shared_ptr<const EngineState> engine;
  ast::Expression expression;
  plan::Plan plan;
  StaticType result_type = StaticType::Unknown;
};

}  // namespace cql::detail
