#pragma once
// Builds the typed AST while the PEGTL grammar matches (the actions in parse_actions.hpp call
// one method each). Kept free of PEGTL so that it compiles once and reads as plain C++.
//
// The builder is a stack machine: operands are pushed as they complete, operators combine the
// top of the stack. A left-associative chain `1 + 2 + ... + n` is folded one term at a time as
// the grammar's `star<>` loop advances, so a 10,000-term chain uses no recursion here.
// Errors that the grammar cannot express (an integer beyond int64, a lone surrogate, a
// positional argument after a named one) are thrown as SyntaxFailure.

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
  explicit AstBuilder(std::string_view text) : text_(text) {
    nodes_.reserve(16);  // typical rules never grow these: fewer allocations per parse
    operators_.reserve(16);
    calls_.reserve(8);
  }

  // Literals and names.
  void number(Span span);
  void string(Span span);  // the span includes the quotes
  void literal(Value value, Span span);
  void variable(Span name_span);

  // Postfix: `.name` pops the receiver; a following argument list turns the Field into a Call.
  void member(Span name_span);
  void open_call();
  void argument_name(Span name_span);
  void argument(bool named);
  void close_call(std::uint32_t end);

  void open_list();
  void close_list(Span span);
  // `( expr )`: the node's span grows to cover the parentheses, so spans always nest.
  void parenthesized(Span span);

  // `token` is the operator as written (`<=`, `and`, `Or` ...).
  void binary_operator(std::string_view token);
  void binary();
  void unary(char token, std::uint32_t begin);

  void lambda_parameter(Span name_span);
  void lambda_parameters(std::uint32_t begin);
  void lambda_body();

  // The finished tree; precondition: the grammar matched a whole expression.
  ast::NodePtr finish();
  // How many nodes the tree has (the checker sizes its plan with it).
  std::size_t node_count() const noexcept { return node_count_; }

 private:
  struct CallFrame {
    std::vector<ast::Argument> args;
    std::optional<std::string> pending_name;
    Span pending_name_span;
    bool named_seen = false;
  };

  std::string_view text(Span span) const { return text_.substr(span.begin, span.end - span.begin); }
  ast::NodePtr pop();
  ast::Node& push(ast::NodeKind kind, Span span);
  [[noreturn]] void fail(std::string message, std::string hint, Span span) const;

  std::string_view text_;
  std::vector<ast::NodePtr> nodes_;
  std::vector<ast::BinaryOp> operators_;
  std::vector<std::size_t> list_marks_;
  std::vector<CallFrame> calls_;
  std::vector<std::string> params_;
  std::vector<Span> param_spans_;
  std::size_t node_count_ = 0;
};

}  // namespace cql::parse
