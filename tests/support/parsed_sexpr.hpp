#pragma once
// The AST printer's S-expression of a parsed text, or "error: <message>": the shape of a tree
// as one comparable string, for the parser's tests.
#include <memory>
#include <string>

#include "ast/printer.hpp"
#include "parse/parser.hpp"

namespace cql::testing {

inline std::string parsed_sexpr(const std::string& text) {
  auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
  if (!result) return "error: " + result.error().message;
  return ast::to_sexpr(*result.value().root);
}

}  // namespace cql::testing
