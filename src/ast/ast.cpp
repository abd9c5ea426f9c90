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

}  // namespace cql::ast
