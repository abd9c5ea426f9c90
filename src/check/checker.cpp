// Checking of literals, names, operators and lambdas. Chains of AND / OR and of + - / * / %
// are flattened with an explicit loop, so 10,000 chained terms never recurse 10,000 deep.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker_impl.hpp"
#include "check/operator_types.hpp"
#include "check/suggest.hpp"

namespace cql::check {

namespace {

std::string_view lambda_method_names[] = {"filter", "map", "any", "all", "none"};

bool is_additive(ast::BinaryOp op) { return op == ast::BinaryOp::Add || op == ast::BinaryOp::Sub; }
bool is_multiplicative(ast::BinaryOp op) {
  return op == ast::BinaryOp::Mul || op == ast::BinaryOp::Div || op == ast::BinaryOp::Mod;
}

std::string type_text(StaticType t) { return std::string(static_type_name(t)); }

}  // namespace

bool is_lambda_method(std::string_view name) noexcept {
  return std::find(std::begin(lambda_method_names), std::end(lambda_method_names), name) !=
         std::end(lambda_method_names);
}

CheckResult check_expression(const ast::Expression& expression, const NameIndex& names,
                             const CheckSettings& settings) {
  plan::Plan plan;
  CheckResult result = Checker(expression, names, settings, plan).run();
  result.plan = std::move(plan);
  return result;
}

CheckResult check_expression(const ast::Expression& expression, const NameIndex& names,
                             const CheckSettings& settings, plan::Plan& plan) {
  return Checker(expression, names, settings, plan).run();
}

CheckResult Checker::run() {
  // Every AST node becomes at most one plan node, constant and kid, plus a node, constant and
  // kid per defaulted parameter (room for a few; more grow the vectors once), and every Call
  // node at most one call site (reserved with the first, add_call_site): sized once, the
  // plan's vectors do not grow while checking.
  // Small reservations also stay in malloc's per-thread cache (a typical rule's nodes fit in
  // 1 KiB).
  constexpr std::size_t kDefaults = 4;
  const std::size_t count = expression_.node_count + kDefaults;
  plan_.nodes.reserve(count);
  plan_.constants.reserve(count);
  plan_.kids.reserve(count);
  const Typed root = visit(*expression_.root);
  plan_.root = root.node;
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  // Built member by member from what it holds (a default-constructed result that is then
  // assigned would first be cleared as a whole).
  return CheckResult{{}, root.type, std::move(diagnostics_), has_errors_};
}

namespace {
// Postfix chains (`x.a.a.a...`) and operator chains are not bounded by the parser's nesting
// limit; past this depth the expression is rejected instead of risking the stack here and in
// the evaluator. Flattened chains (AND, OR, + -, * / %) do not count.
constexpr std::size_t kMaxDepth = 1500;

struct DepthGuard {
  explicit DepthGuard(std::size_t& depth) : depth_(depth) { ++depth_; }
  ~DepthGuard() { --depth_; }
  std::size_t& depth_;
};
}  // namespace

Typed Checker::visit(const ast::Node& node) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) {
    if (!too_deep_reported_) {
      too_deep_reported_ = true;
      has_errors_ = true;
      diagnostics_.push_back(Diagnostic{ErrorKind::Syntax, Severity::Error,
                                        fmt::format("expression is nested too deeply (more than {} levels)", kMaxDepth),
                                        expression_.source, node.span, {}});
    }
    return placeholder(node);
  }
  switch (node.kind) {
    case ast::NodeKind::Literal:
      return constant(node, node.literal, static_type_of(node.literal.type()));
    case ast::NodeKind::List: {
      const ScratchMark items(operand_stack_);
      for (const auto& item : node.items) {
        const std::uint32_t index = visit(*item).node;
        operand_stack_.push_back(index);
      }
      plan::Node n{plan::Op::List};
      n.a = add_kids(std::span(operand_stack_).subspan(items.mark()));
      n.b = static_cast<std::uint32_t>(node.items.size());
      n.type = StaticType::List;
      n.ast = &node;
      return {plan_.add_node(n), StaticType::List};
    }
    case ast::NodeKind::Identifier: return visit_identifier(node);
    case ast::NodeKind::Field: return visit_field(node);
    case ast::NodeKind::Call: return visit_call(node);
    case ast::NodeKind::Unary: return visit_unary(node, nullptr);
    case ast::NodeKind::Binary: return visit_binary(node);
    case ast::NodeKind::Lambda:
      error(node.span, "a lambda can only be the argument of filter(), map(), any(), all() or none()");
      return placeholder(node);
  }
  return placeholder(node);
}

Typed Checker::visit_identifier(const ast::Node& node) {
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (it->name == node.name) {
      plan::Node n{plan::Op::Param};
      n.a = it->slot;
      n.ast = &node;
      return {plan_.add_node(n), StaticType::Unknown};
    }
  }
  if (names_.is_namespace(node.name)) {
    plan::NamespaceSite site;
    site.spec = names_.namespace_spec(node.name);
    site.handle = Value::namespace_handle(std::string(node.name));
    plan_.namespaces.push_back(std::move(site));
    plan::Node n{plan::Op::Namespace};
    n.a = static_cast<std::uint32_t>(plan_.namespaces.size() - 1);
    n.type = StaticType::Namespace;
    n.ast = &node;
    return {plan_.add_node(n), StaticType::Namespace};
  }
  if (names_.global(node.name) != nullptr) {
    error(node.span, fmt::format("`{0}` is a function: write `{0}()`", node.name));
    return placeholder(node);
  }
  std::vector<std::string_view> candidates = names_.global_names();
  for (const ScopeEntry& entry : scope_) candidates.push_back(entry.name);
  for (std::string_view keyword : {"true", "false", "null"}) candidates.push_back(keyword);
  const auto suggestion = closest_name(node.name, candidates);
  error(node.span, fmt::format("unknown name `{}`", node.name),
        suggestion ? fmt::format("did you mean `{}`?", *suggestion) : std::string());
  return placeholder(node);
}

// `comparison` is set when this `!` is the left operand of a comparison, where the likely intent
// was to negate the whole comparison (`!entity.tag() == "x"`).
Typed Checker::visit_unary(const ast::Node& node, const ast::Node* comparison) {
  const ast::Node& operand_node = *node.items[0];
  const Typed operand = visit(operand_node);
  const auto result = unary_result(node.unary_op, operand.type);
  if (!result) {
    if (node.unary_op == ast::UnaryOp::Not) {
      std::string hint;
      if (comparison != nullptr) {
        hint = fmt::format("!({})", text(Span{operand_node.span.begin, comparison->span.end}));
      }
      error(node.span, fmt::format("`!` needs a bool, got {}", type_text(operand.type)), std::move(hint));
    } else {
      error(node.span, fmt::format("unary `-` needs a number or a duration, got {}", type_text(operand.type)));
    }
    return placeholder(node);
  }
  plan::Node n{node.unary_op == ast::UnaryOp::Not ? plan::Op::Not : plan::Op::Negate};
  n.a = operand.node;
  n.type = *result;
  n.ast = &node;
  return {plan_.add_node(n), *result};
}

Typed Checker::visit_binary(const ast::Node& node) {
  const ast::BinaryOp op = node.binary_op;
  if (op == ast::BinaryOp::And || op == ast::BinaryOp::Or) return visit_logic_chain(node);
  if (is_additive(op) || is_multiplicative(op)) return visit_arith_chain(node);

  const ast::Node& left_node = *node.items[0];
  const Typed left = (left_node.kind == ast::NodeKind::Unary && left_node.unary_op == ast::UnaryOp::Not)
                         ? visit_unary(left_node, &node)
                         : visit(left_node);
  const Typed right = visit(*node.items[1]);
  if (!binary_result(op, left.type, right.type)) {
    error(node.span, fmt::format("cannot apply `{}` to {} and {}", ast::op_text(op), type_text(left.type),
                                 type_text(right.type)));
  }
  const bool equality = op == ast::BinaryOp::Equal || op == ast::BinaryOp::NotEqual;
  plan::Node n{equality ? plan::Op::Equal : plan::Op::Compare};
  n.sub = static_cast<std::uint8_t>(op);
  n.a = left.node;
  n.b = right.node;
  n.type = StaticType::Bool;
  n.ast = &node;
  return {plan_.add_node(n), StaticType::Bool};
}

Typed Checker::visit_logic_chain(const ast::Node& node) {
  const ast::BinaryOp op = node.binary_op;
  // AND and OR are associative, so nested chains of one operator (parenthesised or not)
  // become one flat list of operands, in source order.
  const ScratchMark leaves(chain_nodes_);
  pending_.assign(1, &node);
  while (!pending_.empty()) {
    const ast::Node* n = pending_.back();
    pending_.pop_back();
    if (n->kind == ast::NodeKind::Binary && n->binary_op == op) {
      pending_.push_back(n->items[1]);
      pending_.push_back(n->items[0]);
    } else {
      chain_nodes_.push_back(n);
    }
  }
  const std::size_t count = chain_nodes_.size() - leaves.mark();
  const ScratchMark operands(operand_stack_);
  for (std::size_t i = 0; i < count; ++i) {
    const ast::Node* leaf = chain_nodes_[leaves.mark() + i];  // by value: visits grow the stack
    const Typed t = visit(*leaf);
    if (!unary_result(ast::UnaryOp::Not, t.type)) {
      error(leaf->span, fmt::format("`{}` needs bool operands, got {}", ast::op_text(op), type_text(t.type)));
    }
    operand_stack_.push_back(t.node);
  }
  plan::Node n{op == ast::BinaryOp::And ? plan::Op::And : plan::Op::Or};
  n.a = add_kids(std::span(operand_stack_).subspan(operands.mark()));
  n.b = static_cast<std::uint32_t>(count);
  n.type = StaticType::Bool;
  n.ast = &node;
  return {plan_.add_node(n), StaticType::Bool};
}

Typed Checker::visit_arith_chain(const ast::Node& node) {
  // Left-associative: walk down the left spine while the operator stays in this precedence
  // group; step i (step_at(i)) is the binary node whose right operand is operand i + 1.
  const bool additive = is_additive(node.binary_op);
  const ScratchMark steps(chain_nodes_);
  const ast::Node* first = &node;
  while (first->kind == ast::NodeKind::Binary &&
         (additive ? is_additive(first->binary_op) : is_multiplicative(first->binary_op))) {
    chain_nodes_.push_back(first);
    first = first->items[0];
  }
  const std::size_t count = chain_nodes_.size() - steps.mark();
  std::reverse(chain_nodes_.begin() + static_cast<std::ptrdiff_t>(steps.mark()), chain_nodes_.end());
  auto step_at = [&](std::size_t i) { return chain_nodes_[steps.mark() + i]; };

  const ScratchMark operands(operand_stack_);
  const Typed head = visit(*first);
  operand_stack_.push_back(head.node);
  StaticType type = head.type;
  for (std::size_t i = 0; i < count; ++i) {
    const ast::Node* step = step_at(i);  // by value: visits grow the stack
    const Typed right = visit(*step->items[1]);
    operand_stack_.push_back(right.node);
    const auto result = binary_result(step->binary_op, type, right.type);
    if (!result) {
      error(step->span, fmt::format("cannot apply `{}` to {} and {}", ast::op_text(step->binary_op),
                                    type_text(type), type_text(right.type)));
      type = StaticType::Unknown;
    } else {
      type = *result;
    }
  }
  plan::Node n{plan::Op::Arith};
  n.a = add_kids(std::span(operand_stack_).subspan(operands.mark()));
  n.b = static_cast<std::uint32_t>(count + 1);
  n.c = static_cast<std::uint32_t>(plan_.arith_steps.size());
  for (std::size_t i = 0; i < count; ++i) plan_.arith_steps.push_back(step_at(i));
  n.type = type;
  n.ast = &node;
  return {plan_.add_node(n), type};
}

Typed Checker::visit_lambda_method(const ast::Node& call, Typed receiver) {
  const std::string_view name = call.name;
  const auto kind = static_cast<plan::LambdaKind>(
      std::find(std::begin(lambda_method_names), std::end(lambda_method_names), name) - std::begin(lambda_method_names));
  if (!may_accept(StaticType::List, receiver.type)) {
    error(call.name_span, fmt::format("no method `.{}()` on {}", name, type_text(receiver.type)));
    return placeholder(call);
  }
  const ast::Node* lambda = call.args.size() == 1 && !call.args[0].name ? call.args[0].value : nullptr;
  if (lambda == nullptr || lambda->kind != ast::NodeKind::Lambda) {
    error(call.args.size() == 1 ? call.args[0].value->span : call.span,
          fmt::format("`.{}()` takes one argument: a lambda such as `x => x > 1`", name));
    return placeholder(call);
  }
  if (lambda->params.size() != 1) {
    error(lambda->span, fmt::format("`.{}()` takes a one-parameter lambda, got {} parameters", name,
                                    lambda->params.size()));
    return placeholder(call);
  }
  const auto slot = static_cast<std::uint32_t>(scope_.size());
  scope_.push_back(ScopeEntry{lambda->params[0], slot});
  plan_.lambda_slots = std::max<std::uint32_t>(plan_.lambda_slots, slot + 1);
  const Typed body = visit(*lambda->items[0]);
  scope_.pop_back();

  const bool predicate = kind != plan::LambdaKind::Map;
  if (predicate && !unary_result(ast::UnaryOp::Not, body.type)) {
    error(lambda->items[0]->span,
          fmt::format("the lambda of `.{}()` must return a bool, got {}", name, type_text(body.type)));
  }
  if (kind == plan::LambdaKind::None) {
    // Not in the vendor's documented set (spec/cql.md §6).
    warning(call.name_span, "`.none()` is an extension: the vendor's CQL may reject it");
  }
  plan::Node n{plan::Op::LambdaMethod};
  n.sub = static_cast<std::uint8_t>(kind);
  n.a = receiver.node;
  n.b = body.node;
  n.c = slot;
  n.type = (kind == plan::LambdaKind::Filter || kind == plan::LambdaKind::Map) ? StaticType::List : StaticType::Bool;
  n.ast = &call;
  return {plan_.add_node(n), n.type};
}

// --- helpers ---------------------------------------------------------------------------------

Typed Checker::placeholder(const ast::Node& node) {
  Typed t = constant(node, Value(), StaticType::Unknown);
  t.failed = true;
  return t;
}

Typed Checker::constant(const ast::Node& node, const Value& value, StaticType type) {
  plan::Node n{plan::Op::Constant};
  plan_.constants.push_back(value);  // copied once, straight into the plan
  n.a = static_cast<std::uint32_t>(plan_.constants.size() - 1);
  n.type = type;
  n.ast = &node;
  return {plan_.add_node(n), type};
}

std::uint32_t Checker::add_kids(std::span<const std::uint32_t> nodes) {
  const auto first = static_cast<std::uint32_t>(plan_.kids.size());
  plan_.kids.insert(plan_.kids.end(), nodes.begin(), nodes.end());
  return first;
}

void Checker::add_kid(std::uint32_t node) { plan_.kids.push_back(node); }

bool Checker::is_parameter(std::string_view name) const {
  return std::any_of(scope_.begin(), scope_.end(), [&](const ScopeEntry& entry) { return entry.name == name; });
}

std::string_view Checker::text(Span span) const {
  const std::string& source = expression_.source->text();
  const std::size_t begin = std::min<std::size_t>(span.begin, source.size());
  const std::size_t end = std::clamp<std::size_t>(span.end, begin, source.size());
  return std::string_view(source).substr(begin, end - begin);
}

void Checker::error(Span span, std::string message, std::string hint) {
  has_errors_ = true;
  diagnostics_.push_back(Diagnostic{ErrorKind::Compile, Severity::Error, std::move(message), expression_.source,
                                    span, std::move(hint)});
}

void Checker::warning(Span span, std::string message) {
  if (settings_.strict) {
    error(span, std::move(message));
    return;
  }
  diagnostics_.push_back(
      Diagnostic{ErrorKind::Compile, Severity::Warning, std::move(message), expression_.source, span, {}});
}

}  // namespace cql::check
