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

// Both limits are syntax errors when exceeded (spec/cql.md §8, §11). Parsing recurses once
// per nesting level (about 2-4 KiB of stack per level in a Debug build, much less optimized),
// so a caller that raises max_nesting far above the default must parse on a large enough stack.
struct ParseLimits {
  std::size_t max_text_bytes = 64 * 1024;  // longer text is a syntax error
  std::size_t max_nesting = 256;           // brackets, calls, lambdas, prefix operators
};

Result<ast::Expression> parse_expression(SourceRef source, const ParseLimits& limits = {});

}  // namespace cql::parse
