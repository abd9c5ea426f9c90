// ast.hpp helpers: operator text, precedence, and destruction of very deep trees.
#include <catch2/catch.hpp>
#include <memory>

#include "ast/ast.hpp"

using namespace cql::ast;

TEST_CASE("operator text and precedence follow spec/cql.md §2", "[unit][ast]") {
  CHECK(op_text(UnaryOp::Not) == "!");
  CHECK(op_text(UnaryOp::Negate) == "-");
  CHECK(op_text(BinaryOp::Mod) == "%");
  CHECK(op_text(BinaryOp::GreaterEqual) == ">=");
  CHECK(op_text(BinaryOp::NotEqual) == "!=");
  CHECK(op_text(BinaryOp::And) == "AND");
  CHECK(op_text(BinaryOp::Or) == "OR");
  CHECK(precedence(BinaryOp::Mul) == 4);
  CHECK(precedence(BinaryOp::Sub) == 5);
  CHECK(precedence(BinaryOp::LessEqual) == 6);
  CHECK(precedence(BinaryOp::Equal) == 7);
  CHECK(precedence(BinaryOp::And) == 8);
  CHECK(precedence(BinaryOp::Or) == 9);
  CHECK(kPrefixPrecedence < precedence(BinaryOp::Mul));
  CHECK_FALSE(is_associative_level(precedence(BinaryOp::Less)));
  CHECK_FALSE(is_associative_level(precedence(BinaryOp::Equal)));
  CHECK(is_associative_level(precedence(BinaryOp::Add)));
}

TEST_CASE("a 200,000-level tree through receivers, items and arguments is destroyed without recursion",
          "[unit][ast]") {
  auto root = std::make_unique<Node>();
  Node* tip = root.get();
  for (int i = 0; i < 200000; ++i) {
    auto child = std::make_unique<Node>();
    Node* next = child.get();
    switch (i % 3) {
      case 0:
        tip->kind = NodeKind::Field;
        tip->receiver = std::move(child);
        break;
      case 1:
        tip->kind = NodeKind::Unary;
        tip->items.push_back(std::move(child));
        break;
      default:
        tip->kind = NodeKind::Call;
        tip->args.push_back(Argument{std::nullopt, {}, std::move(child)});
        tip->args.push_back(Argument{std::string("n"), {}, std::make_unique<Node>()});
        break;
    }
    tip = next;
  }
  int depth = 0;
  for (const Node* n = root.get(); n->kind != NodeKind::Literal; ++depth) {
    n = n->receiver ? n->receiver.get() : !n->items.empty() ? n->items[0].get() : n->args[0].value.get();
  }
  CHECK(depth == 200000);
  root.reset();  // a recursive destructor would overflow the stack here (the test would crash)
}
