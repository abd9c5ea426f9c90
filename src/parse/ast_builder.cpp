#include "parse/ast_builder.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "parse/literal_text.hpp"

namespace cql::parse {

using ast::Node;
using ast::NodeKind;
using ast::NodePtr;

NodePtr AstBuilder::pop() {
  NodePtr node = std::move(nodes_.back());
  nodes_.pop_back();
  return node;
}

Node& AstBuilder::push(NodeKind kind, Span span) {
  ++node_count_;
  auto node = std::make_unique<Node>();
  node->kind = kind;
  node->span = span;
  nodes_.push_back(std::move(node));
  return *nodes_.back();
}

void AstBuilder::fail(std::string message, std::string hint, Span span) const {
  throw SyntaxFailure{std::move(message), std::move(hint), span};
}

void AstBuilder::number(Span span) { literal(number_value(text(span), span.begin), span); }

void AstBuilder::string(Span span) { literal(Value(string_value(text(span), span.begin)), span); }

void AstBuilder::literal(Value value, Span span) { push(NodeKind::Literal, span).literal = std::move(value); }

void AstBuilder::variable(Span name_span) {
  Node& node = push(NodeKind::Identifier, name_span);
  node.name_span = name_span;
  node.name = text(name_span);
}

void AstBuilder::member(Span name_span) {
  NodePtr receiver = pop();
  Node& node = push(NodeKind::Field, {receiver->span.begin, name_span.end});
  node.name_span = name_span;
  node.name = text(name_span);
  node.receiver = std::move(receiver);
}

void AstBuilder::open_call() { calls_.emplace_back(); }

void AstBuilder::argument_name(Span name_span) {
  calls_.back().pending_name = std::string(text(name_span));
  calls_.back().pending_name_span = name_span;
}

void AstBuilder::argument(bool named) {
  CallFrame& frame = calls_.back();
  NodePtr value = pop();
  if (!named && frame.named_seen) {
    fail("a positional argument cannot follow a named argument", "put the positional arguments first", value->span);
  }
  ast::Argument arg;
  if (named) {
    arg.name = std::move(frame.pending_name);
    arg.name_span = frame.pending_name_span;
    frame.pending_name.reset();
    frame.named_seen = true;
  }
  arg.value = std::move(value);
  frame.args.push_back(std::move(arg));
}

void AstBuilder::close_call(std::uint32_t end) {
  // The grammar only puts an argument list after a name or a `.name`.
  Node& callee = *nodes_.back();
  callee.kind = NodeKind::Call;
  callee.span.end = end;
  callee.has_parens = true;
  callee.args = std::move(calls_.back().args);
  calls_.pop_back();
}

void AstBuilder::open_list() { list_marks_.push_back(nodes_.size()); }

void AstBuilder::close_list(Span span) {
  const std::size_t mark = list_marks_.back();
  list_marks_.pop_back();
  ++node_count_;
  auto node = std::make_unique<Node>();
  node->kind = NodeKind::List;
  node->span = span;
  node->items.reserve(nodes_.size() - mark);
  for (std::size_t i = mark; i < nodes_.size(); ++i) node->items.push_back(std::move(nodes_[i]));
  nodes_.resize(mark);
  nodes_.push_back(std::move(node));
}

namespace {

ast::BinaryOp binary_op_of(std::string_view token) {
  using ast::BinaryOp;
  switch (token[0]) {
    case '*': return BinaryOp::Mul;
    case '/': return BinaryOp::Div;
    case '%': return BinaryOp::Mod;
    case '+': return BinaryOp::Add;
    case '-': return BinaryOp::Sub;
    case '<': return token.size() == 2 ? BinaryOp::LessEqual : BinaryOp::Less;
    case '>': return token.size() == 2 ? BinaryOp::GreaterEqual : BinaryOp::Greater;
    case '=': return BinaryOp::Equal;
    case '!': return BinaryOp::NotEqual;
    case 'a':
    case 'A': return BinaryOp::And;
    default: return BinaryOp::Or;  // or, OR, Or, oR
  }
}

}  // namespace

void AstBuilder::parenthesized(Span span) { nodes_.back()->span = span; }

void AstBuilder::binary_operator(std::string_view token) { operators_.push_back(binary_op_of(token)); }

void AstBuilder::binary() {
  NodePtr rhs = pop();
  NodePtr lhs = pop();
  Node& node = push(NodeKind::Binary, {lhs->span.begin, rhs->span.end});
  node.binary_op = operators_.back();
  operators_.pop_back();
  node.items.reserve(2);
  node.items.push_back(std::move(lhs));
  node.items.push_back(std::move(rhs));
}

void AstBuilder::unary(char token, std::uint32_t begin) {
  NodePtr operand = pop();
  Node& node = push(NodeKind::Unary, {begin, operand->span.end});
  node.unary_op = token == '!' ? ast::UnaryOp::Not : ast::UnaryOp::Negate;
  node.items.push_back(std::move(operand));
}

void AstBuilder::lambda_parameter(Span name_span) {
  std::string name(text(name_span));
  if (std::find(params_.begin(), params_.end(), name) != params_.end()) {
    fail("duplicate lambda parameter '" + name + "'", "give each parameter its own name", name_span);
  }
  params_.push_back(std::move(name));
  param_spans_.push_back(name_span);
}

void AstBuilder::lambda_parameters(std::uint32_t begin) {
  Node& node = push(NodeKind::Lambda, {begin, begin});
  node.params = std::move(params_);
  node.param_spans = std::move(param_spans_);
  params_.clear();
  param_spans_.clear();
}

void AstBuilder::lambda_body() {
  NodePtr body = pop();
  Node& lambda = *nodes_.back();
  lambda.span.end = body->span.end;
  lambda.items.push_back(std::move(body));
}

NodePtr AstBuilder::finish() { return pop(); }

}  // namespace cql::parse
