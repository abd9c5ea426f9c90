#include "ast/formatter.hpp"

#include "ast/emit_stack.hpp"

namespace cql::ast {
namespace {

using Stack = EmitStack<bool>;  // context: wrap the node in parentheses

bool is_number_literal(const Node& n) {
  return n.kind == NodeKind::Literal && n.literal.is_number();
}

bool is_negative_number_literal(const Node& n) {
  return is_number_literal(n) && n.literal.as_number() < 0;
}

// `5.name` would read as a malformed number and `-x.name` as `-(x.name)`.
bool needs_parens_as_receiver(const Node& n) {
  return n.kind == NodeKind::Binary || n.kind == NodeKind::Unary || n.kind == NodeKind::Lambda ||
         is_number_literal(n);
}

bool needs_parens_as_operand_of_prefix(const Node& n) {
  return n.kind == NodeKind::Binary || n.kind == NodeKind::Lambda || is_negative_number_literal(n);
}

// Left operand of a binary operator at `level`: looser operators need parentheses, and so does
// an operator of the same level when that level does not associate (`(a < b) < c`).
bool needs_parens_on_left(const Node& n, int level) {
  if (n.kind == NodeKind::Lambda) return true;
  if (n.kind != NodeKind::Binary) return false;
  const int child = precedence(n.binary_op);
  return child > level || (child == level && !is_associative_level(level));
}

// Right operand: operators of the same level associate to the left, so `a - (b - c)` keeps them.
bool needs_parens_on_right(const Node& n, int level) {
  if (n.kind == NodeKind::Lambda) return true;
  return n.kind == NodeKind::Binary && precedence(n.binary_op) >= level;
}

void schedule_arguments(std::span<const Argument> args, Stack& s) {
  s.text("(");
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) s.text(", ");
    if (args[i].name) {
      s.text(*args[i].name);
      s.text(" = ");
    }
    s.node(*args[i].value);
  }
  s.text(")");
}

void schedule(const Node& n, Stack& s) {
  switch (n.kind) {
    case NodeKind::Literal:
    case NodeKind::Identifier: return;  // handled by the caller
    case NodeKind::List:
      s.text("[");
      for (std::size_t i = 0; i < n.items.size(); ++i) {
        if (i > 0) s.text(", ");
        s.node(*n.items[i]);
      }
      s.text("]");
      return;
    case NodeKind::Field:
    case NodeKind::Call:
      if (n.receiver) {
        s.node(*n.receiver, needs_parens_as_receiver(*n.receiver));
        s.text(".");
      }
      s.text(n.name);
      if (n.kind == NodeKind::Call) schedule_arguments(n.args, s);
      return;
    case NodeKind::Unary:
      s.text(op_text(n.unary_op));
      s.node(*n.items[0], needs_parens_as_operand_of_prefix(*n.items[0]));
      return;
    case NodeKind::Binary: {
      const int level = precedence(n.binary_op);
      s.node(*n.items[0], needs_parens_on_left(*n.items[0], level));
      s.text(" ");
      s.text(op_text(n.binary_op));
      s.text(" ");
      s.node(*n.items[1], needs_parens_on_right(*n.items[1], level));
      return;
    }
    case NodeKind::Lambda:
      if (n.params.size() != 1) s.text("(");
      for (std::size_t i = 0; i < n.params.size(); ++i) {
        if (i > 0) s.text(", ");
        s.text(n.params[i]);
      }
      if (n.params.size() != 1) s.text(")");
      s.text(" => ");
      s.node(*n.items[0]);
      return;
  }
}

}  // namespace

std::string format_expression(const Node& root) {
  std::string out;
  Stack stack;
  stack.node(root);
  while (!stack.empty()) {
    const auto piece = stack.pop();
    if (!piece.node) {
      out += piece.text;
    } else if (piece.context) {
      stack.group([&](Stack& s) {
        s.text("(");
        s.node(*piece.node, false);
        s.text(")");
      });
    } else if (piece.node->kind == NodeKind::Literal) {
      out += to_cql_literal(piece.node->literal);
    } else if (piece.node->kind == NodeKind::Identifier) {
      out += piece.node->name;
    } else {
      stack.group([&](Stack& s) { schedule(*piece.node, s); });
    }
  }
  return out;
}

}  // namespace cql::ast
