// Engine and EngineBuilder: parse -> check -> compile (include/cql/engine.hpp).
#include <algorithm>

#include "check/checker.hpp"
#include "compile/compiler.hpp"
#include "compile/engine_state.hpp"
#include "cql/engine.hpp"
#include "parse/parser.hpp"

namespace cql {

EngineBuilder::EngineBuilder() : registry_(Registry::standard()) {}
EngineBuilder::EngineBuilder(Registry registry) : registry_(std::move(registry)) {}

EngineBuilder& EngineBuilder::limits(const Limits& limits) {
  limits_ = limits;
  return *this;
}

EngineBuilder& EngineBuilder::add_function(FunctionSpec spec) {
  registry_.add(std::move(spec));
  return *this;
}

EngineBuilder& EngineBuilder::add_namespace(NamespaceSpec spec) {
  registry_.add_namespace(std::move(spec));
  return *this;
}

Engine EngineBuilder::build() const { return Engine(std::make_shared<const detail::EngineState>(registry_, limits_)); }

const Registry& Engine::registry() const noexcept { return state_->registry; }
const Limits& Engine::limits() const noexcept { return state_->limits; }

namespace {

parse::ParseLimits parse_limits(const Limits& limits) {
  parse::ParseLimits out;
  out.max_text_bytes = limits.max_text_bytes;
  out.max_nesting = limits.max_nesting;
  return out;
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
}

}  // namespace

Result<Program> Engine::compile(std::string_view text, std::string name) const {
  return compile(std::make_shared<const SourceFile>(std::move(name), std::string(text)));
}

Result<Program> Engine::compile(SourceRef source) const {
  auto parsed = parse::parse_expression(std::move(source), parse_limits(state_->limits));
  if (!parsed) return parsed.errors();
  auto program = std::make_shared<detail::ProgramState>();
  program->engine = state_;
  program->expression = std::move(parsed).value();
  check::CheckResult checked = check::check_expression(program->expression, state_->names, {}, program->plan);
  if (checked.has_errors) {
    std::vector<Diagnostic> errors;
    for (auto& d : checked.diagnostics) {
      if (d.severity == Severity::Error) errors.push_back(std::move(d));
    }
    return errors;
  }
  program->result_type = checked.result_type;
  std::vector<Diagnostic> errors = compile::compile_plan(program->plan, program->expression);
  if (!errors.empty()) return errors;
  return Program(std::move(program));
}

std::vector<Diagnostic> Engine::check(SourceRef source, CheckOptions options) const {
  auto parsed = parse::parse_expression(std::move(source), parse_limits(state_->limits));
  if (!parsed) return parsed.errors();
  const ast::Expression expression = std::move(parsed).value();
  check::CheckSettings settings;
  settings.strict = options.strict;
  check::CheckResult checked = check::check_expression(expression, state_->names, settings);
  std::vector<Diagnostic> diagnostics = std::move(checked.diagnostics);
  if (!checked.has_errors) {
    // Constant arguments are validated while compiling (after folding).
    std::vector<Diagnostic> errors = compile::compile_plan(checked.plan, expression);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(errors.begin()), std::make_move_iterator(errors.end()));
    sort_by_position(diagnostics);
  }
  return diagnostics;
}

}  // namespace cql
