// Step 1 of compile: bind each call's prepared state and precompute canonical call texts.
#include <exception>
#include <span>

#include "compile/compiler.hpp"
#include "compile/literal_span.hpp"
#include "eval/canonical_call.hpp"

namespace cql::compile {
namespace {

const Value* constant_of(const plan::Plan& plan, std::uint32_t node) {
  const plan::Node& n = plan.nodes[node];
  return n.op == plan::Op::Constant ? &plan.constants[n.a] : nullptr;
}

// Where a prepare() error points: the bad argument, inside its string literal when known.
Span error_span(const ast::Node* at, const PrepareResult& result, const ast::Expression& expression) {
  if (result.error_span && at->kind == ast::NodeKind::Literal && at->literal.type() == Type::String) {
    const std::string_view literal =
        std::string_view(expression.source->text()).substr(at->span.begin, at->span.end - at->span.begin);
    return map_into_literal(literal, at->span.begin, *result.error_span);
  }
  return at->span;
}

PrepareResult run_prepare(const FunctionSpec& spec, std::span<const std::optional<Value>> constants) {
  try {
    return spec.prepare(constants);
  } catch (const EvalFailure& f) {
    PrepareResult r;
    r.error = f.message;
    return r;
  } catch (const std::exception& e) {
    PrepareResult r;
    r.error = e.what();
    return r;
  }
}

// Declared and undeclared facts-backed calls whose written arguments are all constants get
// their canonical text once, here, instead of at every evaluation.
void precompute_canonical(plan::Plan& plan, plan::CallSite& site) {
  if (site.kind == plan::CallKind::AnyCall) {
    std::vector<Value> values;
    for (std::uint32_t i = 0; i < site.count; ++i) {
      const Value* v = constant_of(plan, plan.kids[site.first_kid + i]);
      if (v == nullptr) return;
      values.push_back(*v);
    }
    plan::FallbackCall& fallback = plan.fallback_calls[site.fallback];
    fallback.canonical = eval::canonical_any_call(site.name, fallback.arg_names, values);
    return;
  }
  if (site.kind != plan::CallKind::Declared) return;
  const plan::Binding& b = site.candidates.front();
  std::vector<Value> values;
  for (std::uint32_t i = 0; i < b.count; ++i) {
    const Value* v = constant_of(plan, plan.kids[b.first_kid + i]);
    if (v == nullptr) return;
    values.push_back(*v);
  }
  plan.fallback_calls[site.fallback].canonical = eval::canonical_call(site.name, b.spec->params, values, b.written);
}

}  // namespace

std::vector<Diagnostic> prepare_call(plan::Plan& plan, std::uint32_t index, const ast::Expression& expression) {
  std::vector<Diagnostic> errors;
  const plan::Node node = plan.nodes[index];
  const bool method = node.op == plan::Op::Method;
  plan::CallSite& site = plan.calls[method ? node.b : node.a];
  for (plan::Binding& b : site.candidates) {
    if (!b.spec->prepare) continue;
    // The constants are laid out like the native's arguments: a method's receiver comes first.
    // Inline room for the usual handful of arguments: preparing allocates only what prepare() keeps.
    plan::InlineVector<std::optional<Value>, 4> constants;
    plan::InlineVector<const ast::Node*, 4> where;
    if (method) {
      const Value* receiver = constant_of(plan, node.a);
      constants.push_back(receiver ? std::optional<Value>(*receiver) : std::nullopt);
      where.push_back(plan.nodes[node.a].ast);
    }
    for (std::uint32_t i = 0; i < b.count; ++i) {
      const std::uint32_t kid = plan.kids[b.first_kid + i];
      const Value* v = constant_of(plan, kid);
      constants.push_back(v ? std::optional<Value>(*v) : std::nullopt);
      where.push_back(plan.nodes[kid].ast);
    }
    PrepareResult result = run_prepare(*b.spec, std::span<const std::optional<Value>>(constants.data(), constants.size()));
    if (!result.error) {
      b.prepared = std::move(result.state);
      continue;
    }
    const ast::Node* at = result.bad_argument < where.size() ? where[result.bad_argument] : node.ast;
    errors.push_back(Diagnostic{ErrorKind::Compile, Severity::Error, *result.error, expression.source,
                                error_span(at, result, expression), {}});
  }
  if (errors.empty()) precompute_canonical(plan, site);
  return errors;
}

}  // namespace cql::compile
