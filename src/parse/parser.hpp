#pragma once
// The CQL parser (spec/cql.md §1-2, §8, §11): expression text → typed AST (src/ast/ast.hpp).
//
// Syntax errors come back as Diagnostic{ErrorKind::Syntax} with the byte span of the offending
// token and, for the mistakes spec/cql.md §1 names (`&&`, `NOT x`, `=` ...), a hint.
// Thread-safe: parse_expression() keeps no state between calls.

#include <cstddef>

#include "ast/ast.hpp"
#include "cql/diagnostic.hpp"

namespace cql::parse {

struct ParseLimits {
  std::size_t max_text_bytes = 64 * 1024;  // longer text is a syntax error
  std::size_t max_nesting = 256;           // brackets, calls, lambdas, prefix operators
};

Result<ast::Expression> parse_expression(SourceRef source, const ParseLimits& limits = {});

}  // namespace cql::parse
