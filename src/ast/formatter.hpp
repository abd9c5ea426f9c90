#pragma once
// The canonical text of an expression (`cql fmt`): minimal parentheses by precedence,
// `AND`/`OR` in upper case, one space around binary operators, `, ` between elements and
// arguments, `name = value` for named arguments, strings double-quoted with canonical escapes,
// doubles in the shortest form that still reads back as a double (`1.0` stays `1.0`).
// Comments are not part of the AST and so are not preserved.
//
// Round trip: parsing the result gives the same AST (to_sexpr) as the input.

#include <string>

#include "ast/ast.hpp"

namespace cql::ast {

std::string format_expression(const Node& node);

}  // namespace cql::ast
