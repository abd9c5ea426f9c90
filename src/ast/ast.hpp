#pragma once
// The typed AST of a CQL expression (spec/cql.md §2). Produced by src/parse, read by the
// printer, the formatter, the checker and the compiler. Every node carries its byte span
// in the SourceFile it came from. Nodes are plain data, owned by the Expression's Arena.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast/arena.hpp"
#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql::ast {

enum class NodeKind : std::uint8_t {
  Literal,     // null, true/false, int, double, string: `literal`
  List,        // [a, b]: `items`
  Identifier,  // a bare name (`jira`, `entity`, a lambda parameter): `name`
  Field,       // receiver.name (no parentheses): `receiver`, `name`
  Call,        // name(args) when receiver is null, receiver.name(args) otherwise
  Unary,       // `op` applied to items[0]
  Binary,      // items[0] `op` items[1]
  Lambda,      // (params) => items[0]; only as a call argument
};

enum class UnaryOp : std::uint8_t { Not, Negate };
enum class BinaryOp : std::uint8_t {
  Mul, Div, Mod, Add, Sub, Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, And, Or
};

std::string_view op_text(UnaryOp op) noexcept;   // "!", "-"
std::string_view op_text(BinaryOp op) noexcept;  // "*", ..., "AND", "OR"
// spec/cql.md §2 level: 4 (*) ... 9 (OR). Inline: the parser asks for every operator.
constexpr int precedence(BinaryOp op) noexcept {
  constexpr int kLevels[] = {4, 4, 4, 5, 5, 6, 6, 6, 6, 7, 7, 8, 9};  // in BinaryOp order
  return kLevels[static_cast<int>(op)];
}
inline constexpr int kPrefixPrecedence = 3;       // `!`, `-` (spec/cql.md §2 level 3)
// Comparison (level 6) and equality (level 7) do not associate: `a < b < c` is a syntax error.
constexpr bool is_associative_level(int level) noexcept { return level != 6 && level != 7; }

struct Node;

struct Argument {
  std::optional<std::string_view> name;  // named argument `name = value` (text of the source)
  Span name_span;
  Node* value = nullptr;
};

// A node of the tree. Nodes live in the Expression's Arena (arena.hpp) and point to their
// children; names are views of the source text, which the Expression keeps alive.
//
// A chain of binary operators is one level deeper per term (`1 + 1 + ... + 1` with 10,000
// terms, spec/cql.md §2, is a left-leaning tree 10,000 levels deep), so code that walks a tree
// recursively must expect such depth on the left operand; the parser bounds only brackets,
// calls, lambdas and prefix operators (ParseLimits::max_nesting). Destroying a tree never
// recurses (the arena destroys its nodes in a loop).
struct Node {
  // User-provided on purpose: value-initialisation would otherwise clear the whole node
  // before the member initializers run.
  Node() noexcept {}
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  NodeKind kind = NodeKind::Literal;
  bool has_parens = false;             // Call written with parentheses (always true for Call)
  UnaryOp unary_op = UnaryOp::Not;     // Unary
  BinaryOp binary_op = BinaryOp::Add;  // Binary
  Span span;        // the whole node, including parentheses written around it
  Span name_span;   // Identifier/Field/Call: the name token

  Value literal;                       // Literal
  std::string_view name;               // Identifier, Field, Call
  Node* receiver = nullptr;            // Field, method Call (null for a global call)
  std::span<Node*> items;              // List elements; Unary/Binary operands; Lambda body
  std::span<Argument> args;            // Call
  std::span<std::string_view> params;  // Lambda parameters
  std::span<Span> param_spans;         // Lambda

  Node* previous_in_arena = nullptr;   // Arena bookkeeping (destruction order)
};

// A parsed expression: the tree, the arena it lives in, and the source its names view.
struct Expression {
  SourceRef source;
  Arena arena;
  Node* root = nullptr;
  std::size_t node_count = 0;  // nodes in the tree, when known: a size hint for the checker
  std::size_t call_count = 0;  // Call nodes among them, when known: a size hint for the checker
};

inline Node* Arena::new_node() {
  void* memory = allocate(sizeof(Node), alignof(Node));
  Node* node = new (memory) Node();
  node->previous_in_arena = last_node_;
  last_node_ = node;
  ++node_count_;
  return node;
}

}  // namespace cql::ast
