#include "parse/ast_builder.hpp"

#include <algorithm>
#include <utility>

#include "parse/literal_text.hpp"

namespace cql::parse {

using ast::Node;
using ast::NodeKind;

namespace {

// This thread's work stacks, shared by its parses one after the other.
AstBuilder::Stacks& thread_stacks() {
  thread_local AstBuilder::Stacks stacks;
  return stacks;
}

AstBuilder::Stacks& claim_stacks(AstBuilder::Stacks& own) {
  AstBuilder::Stacks& shared = thread_stacks();
  if (shared.in_use) return own;
  shared.in_use = true;
  return shared;
}

}  // namespace

void AstBuilder::Stacks::clear() noexcept {
  nodes.clear();
  operators.clear();
  chain_floors.clear();
  list_marks.clear();
  calls.clear();
  arguments.clear();
  params.clear();
  param_spans.clear();
}

AstBuilder::AstBuilder(std::string_view text, ast::Arena& arena)
    : text_(text), arena_(arena), s_(claim_stacks(own_stacks_)) {
  s_.clear();  // a parse that failed leaves its stacks as they were
}

AstBuilder::~AstBuilder() {
  if (&s_ != &own_stacks_) s_.in_use = false;
}

Node* AstBuilder::pop() {
  Node* node = s_.nodes.back();
  s_.nodes.pop_back();
  return node;
}

Node& AstBuilder::push(NodeKind kind, Span span) {
  Node* node = arena_.new_node();
  node->kind = kind;
  node->span = span;
  s_.nodes.push_back(node);
  return *node;
}

template <typename T>
std::span<T> AstBuilder::take(std::vector<T>& stack, std::size_t count) {
  std::span<T> out = arena_.array<T>(count);
  std::copy(stack.end() - static_cast<std::ptrdiff_t>(count), stack.end(), out.begin());
  stack.resize(stack.size() - count);
  return out;
}

void AstBuilder::fail(std::string message, std::string hint, Span span) const {
  throw SyntaxFailure{std::move(message), std::move(hint), span};
}

void AstBuilder::number(Span span) { literal(number_value(text(span), span.begin), span); }

// The value goes straight into the node, not through literal(): one Value move fewer per string.
void AstBuilder::string(Span span) {
  push(NodeKind::Literal, span).literal = string_value(text(span), span.begin, std::exchange(string_has_escapes_, false));
}

void AstBuilder::literal(Value value, Span span) { push(NodeKind::Literal, span).literal = std::move(value); }

void AstBuilder::variable(Span name_span) {
  Node& node = push(NodeKind::Identifier, name_span);
  node.name_span = name_span;
  node.name = text(name_span);
}

void AstBuilder::member(Span name_span) {
  Node* receiver = pop();
  Node& node = push(NodeKind::Field, {receiver->span.begin, name_span.end});
  node.name_span = name_span;
  node.name = text(name_span);
  node.receiver = receiver;
}

void AstBuilder::open_call() { s_.calls.emplace_back().first_argument = s_.arguments.size(); }

void AstBuilder::argument_name(Span name_span) {
  s_.calls.back().pending_name = text(name_span);
  s_.calls.back().pending_name_span = name_span;
}

void AstBuilder::argument(bool named) {
  CallFrame& frame = s_.calls.back();
  Node* value = pop();
  if (!named && frame.named_seen) {
    fail("a positional argument cannot follow a named argument", "put the positional arguments first", value->span);
  }
  ast::Argument arg;
  if (named) {
    arg.name = frame.pending_name;
    arg.name_span = frame.pending_name_span;
    frame.pending_name.reset();
    frame.named_seen = true;
  }
  arg.value = value;
  s_.arguments.push_back(arg);
}

void AstBuilder::close_call(std::uint32_t end) {
  // The grammar only puts an argument list after a name or a `.name`.
  Node& callee = *s_.nodes.back();
  callee.kind = NodeKind::Call;
  callee.span.end = end;
  callee.has_parens = true;
  callee.args = take(s_.arguments, s_.arguments.size() - s_.calls.back().first_argument);
  s_.calls.pop_back();
  ++call_count_;
}

void AstBuilder::open_list() { s_.list_marks.push_back(s_.nodes.size()); }

void AstBuilder::close_list(Span span) {
  const std::size_t count = s_.nodes.size() - s_.list_marks.back();
  s_.list_marks.pop_back();
  std::span<Node*> items = take(s_.nodes, count);
  push(NodeKind::List, span).items = items;
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

void AstBuilder::parenthesized(Span span) { s_.nodes.back()->span = span; }

void AstBuilder::open_chain() { s_.chain_floors.push_back(s_.operators.size()); }

void AstBuilder::binary_operator(std::string_view token, std::uint32_t begin) {
  const ast::BinaryOp op = binary_op_of(token);
  const int level = ast::precedence(op);
  const bool associative = ast::is_associative_level(level);
  const std::size_t floor = s_.chain_floors.back();
  while (s_.operators.size() > floor) {
    const int waiting = ast::precedence(s_.operators.back().op);
    if (waiting > level || (waiting == level && !associative)) break;
    combine_top_operator();
  }
  if (s_.operators.size() > floor && ast::precedence(s_.operators.back().op) == level) {
    const Span at{begin, token_end(text_, begin)};
    if (level == ast::precedence(ast::BinaryOp::Equal)) {
      fail("'==' and '!=' do not chain", "add parentheses: (a == b) == c", at);
    }
    fail("comparison operators do not chain", "write a < b AND b < c", at);
  }
  s_.operators.push_back({op, begin});
}

void AstBuilder::close_chain() {
  const std::size_t floor = s_.chain_floors.back();
  s_.chain_floors.pop_back();
  while (s_.operators.size() > floor) combine_top_operator();
}

void AstBuilder::combine_top_operator() {
  const Span span{s_.nodes[s_.nodes.size() - 2]->span.begin, s_.nodes.back()->span.end};
  std::span<Node*> operands = take(s_.nodes, 2);
  Node& node = push(NodeKind::Binary, span);
  node.binary_op = s_.operators.back().op;
  s_.operators.pop_back();
  node.items = operands;
}

void AstBuilder::unary(char token, std::uint32_t begin) {
  const Span span{begin, s_.nodes.back()->span.end};
  std::span<Node*> operand = take(s_.nodes, 1);
  Node& node = push(NodeKind::Unary, span);
  node.unary_op = token == '!' ? ast::UnaryOp::Not : ast::UnaryOp::Negate;
  node.items = operand;
}

void AstBuilder::lambda_parameter(Span name_span) {
  const std::string_view name = text(name_span);
  if (std::find(s_.params.begin(), s_.params.end(), name) != s_.params.end()) {
    fail("duplicate lambda parameter '" + std::string(name) + "'", "give each parameter its own name", name_span);
  }
  s_.params.push_back(name);
  s_.param_spans.push_back(name_span);
}

void AstBuilder::lambda_parameters(std::uint32_t begin) {
  Node& node = push(NodeKind::Lambda, {begin, begin});
  node.params = take(s_.params, s_.params.size());
  node.param_spans = take(s_.param_spans, s_.param_spans.size());
}

void AstBuilder::lambda_body() {
  Node* body = s_.nodes.back();
  std::span<Node*> items = take(s_.nodes, 1);
  Node& lambda = *s_.nodes.back();
  lambda.span.end = body->span.end;
  lambda.items = items;
}

Node* AstBuilder::finish() { return pop(); }

}  // namespace cql::parse
