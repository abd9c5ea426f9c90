#include "eval/evaluate.hpp"

#include <exception>
#include <memory>
#include <new>

#include <fmt/format.h>

#include "eval/evaluation.hpp"

namespace cql::eval {
namespace {

// Lambda parameter slots live on the stack up to this nesting depth.
constexpr std::size_t kInlineSlots = 16;

Diagnostic located(ErrorKind kind, std::string message, const SourceRef& source, const ast::Node* at) {
  return Diagnostic{kind, Severity::Error, std::move(message), source, at ? at->span : Span{}, {}};
}

// Where an error without a node of its own is reported: the whole expression. Looked up only
// when such an error happens, not on every evaluation.
const ast::Node* root_node(const plan::Plan& plan) {
  return plan.nodes.empty() ? nullptr : plan.nodes[plan.root].ast;
}

}  // namespace

EvalResult evaluate(const plan::Plan& plan, const SourceRef& source, const EvalContext& context) {
  const Value* inline_slots[kInlineSlots];
  std::unique_ptr<const Value*[]> heap_slots;
  const Value** slots = inline_slots;
  if (plan.lambda_slots > kInlineSlots) {
    heap_slots = std::make_unique<const Value*[]>(plan.lambda_slots);
    slots = heap_slots.get();
  }
  EvalResult result;
  Evaluation evaluation(plan, &context, context.limits, slots, &result.captures);
  try {
    // A rule's root is usually boolean: assigning a bool to the fresh null value needs no
    // dispatch on the type of the value moved in.
    if (evaluation.yields_bool(plan.root)) {
      result.value = evaluation.eval_bool(plan.root, {});
    } else {
      result.value = evaluation.eval_owned(plan.root);
    }
  } catch (LocatedError& e) {
    result.error = located(e.kind, std::move(e.message), source, e.at);
  } catch (EvalFailure& f) {
    result.error = located(f.kind, std::move(f.message), source, root_node(plan));
  } catch (const NotConstant&) {
    result.error = located(ErrorKind::Eval, "internal error: evaluation without a context", source, root_node(plan));
  } catch (const std::bad_alloc&) {
    result.error = located(ErrorKind::Eval, "out of memory", source, root_node(plan));
  } catch (const std::exception& e) {
    result.error = located(ErrorKind::Eval, fmt::format("internal error: {}", e.what()), source, root_node(plan));
  } catch (...) {
    result.error = located(ErrorKind::Eval, "internal error: unknown exception", source, root_node(plan));
  }
  if (result.error) result.value = Value();
  return result;
}

std::optional<Value> fold(const plan::Plan& plan, std::uint32_t node) {
  static const Limits kFoldingLimits;
  const Value* no_slots[1] = {nullptr};
  Evaluation evaluation(plan, nullptr, kFoldingLimits, no_slots, nullptr);
  try {
    return evaluation.eval_owned(node);
  } catch (...) {
    return std::nullopt;  // needs a context, or fails: either way it is left for run time
  }
}

}  // namespace cql::eval
