#pragma once
// Builds the typed AST while the PEGTL grammar matches (the actions in parse_actions.hpp call
// one method each). Kept free of PEGTL so that it compiles once and reads as plain C++.
//
// The builder is a stack machine: operands are pushed as they complete, operators combine the
// top of the stack (binary operators by their precedence, see binary_operator()). Nodes and
// their child arrays go to the Expression's arena (ast/arena.hpp). A left-associative chain
// `1 + 2 + ... + n` is folded one term at a time as the grammar's `star<>` loop advances, so
// a 10,000-term chain uses no recursion here.
// Errors that the grammar cannot express (an integer beyond int64, a lone surrogate, a
// positional argument after a named one, `a < b < c`) are thrown as SyntaxFailure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "parse/syntax_failure.hpp"

namespace cql::parse {

class AstBuilder {
 public:
  // Nodes are created in `arena` (the Expression's); names are views of `text`.
  AstBuilder(std::string_view text, ast::Arena& arena);
  AstBuilder(const AstBuilder&) = delete;
  AstBuilder& operator=(const AstBuilder&) = delete;
  ~AstBuilder();

  // Literals and names.
  void number(Span span);
  void string(Span span);  // the span includes the quotes
  // An escape sequence was read inside the string literal being parsed: string() decodes it
  // (without one, the literal's text is its value and is not scanned again).
  void string_escape() noexcept { string_has_escapes_ = true; }
  void literal(Value value, Span span);
  void variable(Span name_span);

  // Postfix: `.name` pops the receiver; a following argument list turns the Field into a Call.
  void member(Span name_span);
  void open_call();
  void argument_name(Span name_span);
  void argument(bool named);
  void close_call(std::uint32_t end);
  // Calls built so far (a size hint for the checker's call sites).
  std::size_t call_count() const noexcept { return call_count_; }

  void open_list();
  void close_list(Span span);
  // `( expr )`: the node's span grows to cover the parentheses, so spans always nest.
  void parenthesized(Span span);

  // Binary operators (operator-precedence parsing, grammar/cql.peg.md "Precedence"): a chain
  // opens before its first operand; each operator, as written (`<=`, `and`, `Or` ...) at byte
  // `begin`, first combines the operators waiting on the stack that bind at least as tightly;
  // closing the chain combines the rest.
  void open_chain();
  void binary_operator(std::string_view token, std::uint32_t begin);
  void close_chain();
  void unary(char token, std::uint32_t begin);

  void lambda_parameter(Span name_span);
  void lambda_parameters(std::uint32_t begin);
  void lambda_body();

  // The finished tree; precondition: the grammar matched a whole expression.
  ast::Node* finish();

  // The builder's work stacks. They keep their capacity from one parse to the next on the
  // same thread (see the constructor), so a typical parse allocates none of them.
  struct CallFrame {
    std::size_t first_argument = 0;  // where this call's arguments start on `arguments`
    std::optional<std::string_view> pending_name;
    Span pending_name_span;
    bool named_seen = false;
  };
  struct PendingOperator {
    ast::BinaryOp op;
    std::uint32_t begin;  // byte offset, for the error about chained comparisons
  };
  struct Stacks {
    std::vector<ast::Node*> nodes;
    std::vector<PendingOperator> operators;
    std::vector<std::size_t> chain_floors;  // where each open chain's operators start
    std::vector<std::size_t> list_marks;
    std::vector<CallFrame> calls;
    std::vector<ast::Argument> arguments;
    std::vector<std::string_view> params;
    std::vector<Span> param_spans;
    bool in_use = false;
    void clear() noexcept;
  };

 private:
  std::string_view text(Span span) const { return text_.substr(span.begin, span.end - span.begin); }
  ast::Node* pop();
  void combine_top_operator();
  ast::Node& push(ast::NodeKind kind, Span span);
  // Copies the top `count` entries of a stack into an arena array and drops them.
  template <typename T>
  std::span<T> take(std::vector<T>& stack, std::size_t count);
  [[noreturn]] void fail(std::string message, std::string hint, Span span) const;

  std::string_view text_;
  bool string_has_escapes_ = false;
  ast::Arena& arena_;
  Stacks own_stacks_;  // used only when this thread's shared stacks are taken (a nested parse)
  Stacks& s_;
  std::size_t call_count_ = 0;
};

}  // namespace cql::parse
