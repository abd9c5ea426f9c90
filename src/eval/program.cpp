// Program: evaluation entry points and introspection (include/cql/engine.hpp).
#include <algorithm>

#include <fmt/format.h>

#include "compile/engine_state.hpp"
#include "cql/engine.hpp"
#include "eval/evaluate.hpp"

namespace cql {

namespace {

const SourceRef kNoSource;

EvalResult empty_program_result() {
  EvalResult result;
  result.error = Diagnostic{ErrorKind::Eval, Severity::Error, "the program is empty (it was never compiled)", {}, {}, {}};
  return result;
}

std::string_view rule_type_name(Type type) {
  return (type == Type::Int || type == Type::Double) ? "number" : type_name(type);
}

}  // namespace

EvalResult Program::evaluate(const EvalContext& context) const {
  if (!state_) return empty_program_result();
  return eval::evaluate(state_->plan, state_->expression.source, context);
}

EvalResult Program::evaluate_rule(const EvalContext& context) const {
  EvalResult result = evaluate(context);
  if (result.ok() && result.value.type() != Type::Bool) {
    const Span span = state_->expression.root ? state_->expression.root->span : Span{};
    result.error = Diagnostic{ErrorKind::Eval, Severity::Error,
                              fmt::format("rule must evaluate to a boolean, got {}", rule_type_name(result.value.type())),
                              state_->expression.source, span, {}};
    result.value = Value();
  }
  return result;
}

const SourceRef& Program::source() const noexcept { return state_ ? state_->expression.source : kNoSource; }

StaticType Program::result_type() const noexcept { return state_ ? state_->result_type : StaticType::Unknown; }

std::vector<CallInfo> Program::calls() const {
  std::vector<CallInfo> out;
  if (!state_) return out;
  const plan::Plan& plan = state_->plan;
  auto constant = [&](std::uint32_t node) -> std::optional<Value> {
    const plan::Node& n = plan.nodes[node];
    if (n.op == plan::Op::Constant) return plan.constants[n.a];
    return std::nullopt;
  };
  for (const plan::Node& node : plan.nodes) {
    if (node.op == plan::Op::CustomKey) {  // a specialised custom("key") call
      CallInfo info;
      info.name = "custom";
      info.arguments.push_back(plan.constants[node.a]);
      info.span = node.ast->span;
      out.push_back(std::move(info));
      continue;
    }
    if (node.op != plan::Op::Call && node.op != plan::Op::Method) continue;
    const plan::CallSite& site = plan.calls[node.op == plan::Op::Call ? node.a : node.b];
    CallInfo info;
    info.namespace_name = site.namespace_name;
    info.name = site.name;
    info.is_method = node.op == plan::Op::Method;
    if (const std::string* canonical = plan.canonical_text(site)) info.canonical_call = *canonical;
    info.answered_by_fallback = site.kind != plan::CallKind::Native;
    info.span = node.ast->span;
    if (site.kind == plan::CallKind::AnyCall) {
      for (std::uint32_t i = 0; i < site.count; ++i) info.arguments.push_back(constant(plan.kids[site.first_kid + i]));
    } else if (!site.candidates.empty()) {
      const plan::Binding& b = site.candidates.front();
      for (std::uint32_t i = 0; i < b.count; ++i) info.arguments.push_back(constant(plan.kids[b.first_kid + i]));
      info.prepared = b.prepared;
      info.pure = site.kind == plan::CallKind::Native && b.spec->pure && (site.ns == nullptr || !site.ns->is_present);
    }
    out.push_back(std::move(info));
  }
  std::stable_sort(out.begin(), out.end(), [](const CallInfo& a, const CallInfo& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace cql
