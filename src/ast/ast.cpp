#include "ast/ast.hpp"

#include <utility>

namespace cql::ast {

std::string_view op_text(UnaryOp op) noexcept { return op == UnaryOp::Not ? "!" : "-"; }

std::string_view op_text(BinaryOp op) noexcept {
  switch (op) {
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Less: return "<";
    case BinaryOp::LessEqual: return "<=";
    case BinaryOp::Greater: return ">";
    case BinaryOp::GreaterEqual: return ">=";
    case BinaryOp::Equal: return "==";
    case BinaryOp::NotEqual: return "!=";
    case BinaryOp::And: return "AND";
    case BinaryOp::Or: return "OR";
  }
  return "?";
}

int precedence(BinaryOp op) noexcept {
  switch (op) {
    case BinaryOp::Mul:
    case BinaryOp::Div:
    case BinaryOp::Mod: return 4;
    case BinaryOp::Add:
    case BinaryOp::Sub: return 5;
    case BinaryOp::Less:
    case BinaryOp::LessEqual:
    case BinaryOp::Greater:
    case BinaryOp::GreaterEqual: return 6;
    case BinaryOp::Equal:
    case BinaryOp::NotEqual: return 7;
    case BinaryOp::And: return 8;
    case BinaryOp::Or: return 9;
  }
  return 9;
}

bool is_associative_level(int level) noexcept { return level != 6 && level != 7; }

namespace {

bool has_children(const Node& node) {
  return node.receiver || !node.items.empty() || !node.args.empty();
}

// Moves the node's children into `pending`, so that destroying the node recurses no further.
void detach_children(Node& node, std::vector<NodePtr>& pending) {
  if (node.receiver) pending.push_back(std::move(node.receiver));
  for (NodePtr& item : node.items) {
    if (item) pending.push_back(std::move(item));
  }
  node.items.clear();
  for (Argument& arg : node.args) {
    if (arg.value) pending.push_back(std::move(arg.value));
  }
  node.args.clear();
}

}  // namespace

// Shallow trees (almost all of them) are destroyed the ordinary way, children first; past
// kRecursiveDepth levels the rest of the subtree is taken apart with an explicit stack.
constexpr unsigned kRecursiveDepth = 64;

Node::~Node() {
  if (!has_children(*this)) return;
  thread_local unsigned depth = 0;
  if (depth < kRecursiveDepth) {
    ++depth;
    receiver.reset();
    items.clear();
    args.clear();
    --depth;
    return;
  }
  std::vector<NodePtr> pending;
  detach_children(*this, pending);
  while (!pending.empty()) {
    NodePtr node = std::move(pending.back());
    pending.pop_back();
    detach_children(*node, pending);
    // `node` goes out of scope here with no children left: its destructor returns at once.
  }
}

}  // namespace cql::ast
