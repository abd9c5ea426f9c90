#include "ast/printer.hpp"

#include "ast/emit_stack.hpp"

namespace cql::ast {
namespace {

struct NoContext {};

std::string_view sexpr_operator(BinaryOp op) {
  if (op == BinaryOp::And) return "and";
  if (op == BinaryOp::Or) return "or";
  return op_text(op);
}

void schedule(const Node& n, EmitStack<NoContext>& s) {
  switch (n.kind) {
    case NodeKind::Literal:
    case NodeKind::Identifier: return;  // handled by the caller
    case NodeKind::List:
      s.text("(list");
      for (const auto& item : n.items) {
        s.text(" ");
        s.node(*item);
      }
      s.text(")");
      return;
    case NodeKind::Field:
      s.text("(field ");
      s.node(*n.receiver);
      s.text(" ");
      s.text(n.name);
      s.text(")");
      return;
    case NodeKind::Call:
      if (n.receiver) {
        s.text("(method ");
        s.node(*n.receiver);
        s.text(" ");
      } else {
        s.text("(call ");
      }
      s.text(n.name);
      for (const Argument& arg : n.args) {
        s.text(" ");
        if (arg.name) {
          s.text("(named ");
          s.text(*arg.name);
          s.text(" ");
          s.node(*arg.value);
          s.text(")");
        } else {
          s.node(*arg.value);
        }
      }
      s.text(")");
      return;
    case NodeKind::Unary:
      s.text("(");
      s.text(op_text(n.unary_op));
      s.text(" ");
      s.node(*n.items[0]);
      s.text(")");
      return;
    case NodeKind::Binary:
      s.text("(");
      s.text(sexpr_operator(n.binary_op));
      s.text(" ");
      s.node(*n.items[0]);
      s.text(" ");
      s.node(*n.items[1]);
      s.text(")");
      return;
    case NodeKind::Lambda:
      s.text("(lambda (");
      for (std::size_t i = 0; i < n.params.size(); ++i) {
        if (i > 0) s.text(" ");
        s.text(n.params[i]);
      }
      s.text(") ");
      s.node(*n.items[0]);
      s.text(")");
      return;
  }
}

}  // namespace

std::string to_sexpr(const Node& root) {
  std::string out;
  EmitStack<NoContext> stack;
  stack.node(root);
  while (!stack.empty()) {
    const auto piece = stack.pop();
    if (!piece.node) {
      out += piece.text;
    } else if (piece.node->kind == NodeKind::Literal) {
      out += to_cql_literal(piece.node->literal);
    } else if (piece.node->kind == NodeKind::Identifier) {
      out += piece.node->name;
    } else {
      stack.group([&](EmitStack<NoContext>& s) { schedule(*piece.node, s); });
    }
  }
  return out;
}

}  // namespace cql::ast
