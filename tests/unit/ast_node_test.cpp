// ast.hpp helpers: operator text, precedence, and destruction of very deep trees.
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

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
  auto arena = std::make_unique<Arena>();
  Node* root = arena->new_node();
  Node* tip = root;
  std::size_t created = 1;
  for (int i = 0; i < 200000; ++i) {
    Node* child = arena->new_node();
    ++created;
    switch (i % 3) {
      case 0:
        tip->kind = NodeKind::Field;
        tip->receiver = child;
        break;
      case 1:
        tip->kind = NodeKind::Unary;
        tip->items = arena->array<Node*>(1);
        tip->items[0] = child;
        break;
      default:
        tip->kind = NodeKind::Call;
        tip->args = arena->array<Argument>(2);
        tip->args[0] = Argument{std::nullopt, {}, child};
        tip->args[1] = Argument{"n", {}, arena->new_node()};
        ++created;
        break;
    }
    tip->literal = cql::Value(std::string(40, 'x'));  // owns heap memory: the arena must run ~Node
    tip = child;
  }
  CHECK(arena->node_count() == created);
  int depth = 0;
  for (const Node* n = root; n->kind != NodeKind::Literal; ++depth) {
    n = n->receiver ? n->receiver : !n->items.empty() ? n->items[0] : n->args[0].value;
  }
  CHECK(depth == 200000);
  arena.reset();  // a recursive destruction would overflow the stack here (the test would crash)
}

TEST_CASE("an arena hands out aligned arrays across blocks and keeps nodes in place when moved", "[unit][ast]") {
  Arena arena(64);  // tiny first block: every few requests need a new block
  std::vector<std::span<cql::Span>> arrays;
  for (std::size_t n = 1; n <= 50; ++n) {
    arrays.push_back(arena.array<cql::Span>(n));
    CHECK(reinterpret_cast<std::uintptr_t>(arrays.back().data()) % alignof(cql::Span) == 0);
    for (std::size_t i = 0; i < n; ++i) arrays.back()[i] = cql::Span{static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(i)};
  }
  for (std::size_t n = 1; n <= 50; ++n) {  // no array overwrote another
    for (std::size_t i = 0; i < n; ++i) CHECK((arrays[n - 1][i].begin == n && arrays[n - 1][i].end == i));
  }
  Node* node = arena.new_node();
  node->name = "kept";
  Arena moved(std::move(arena));
  CHECK(moved.node_count() == 1);
  CHECK(arena.node_count() == 0);
  CHECK(node->name == "kept");
  CHECK(arena.array<Node*>(0).empty());
}

TEST_CASE("an arena's blocks are reused by the next arena of the thread", "[unit][ast]") {
  // On a thread of its own, where the block cache starts empty whatever other tests left.
  const void* first = nullptr;
  const void* reused = nullptr;
  const void* tiny_first = nullptr;
  const void* later_first = nullptr;
  std::thread([&] {
    {
      Arena arena(4123);  // a first block of a typical rule's size
      first = arena.new_node();
    }
    {
      Arena again(4123);
      reused = again.new_node();  // the same block, not a new one
    }
    Arena tiny(64);  // far too large for this arena: the cached block stays in the cache
    tiny_first = tiny.new_node();
    Arena later(4123);
    later_first = later.new_node();  // the tiny arena left it there
  }).join();
  REQUIRE(first != nullptr);
  CHECK(reused == first);
  CHECK(tiny_first != first);
  CHECK(later_first == first);
}
