#pragma once
// The S-expression form of an AST: stable, one line, used by golden tests and `cql explain`.
// The format is documented in grammar/cql.peg.md ("AST printer"):
//
//   literal            42  1.0  "text"  true  null     (doubles always show `.` or `e`)
//   identifier         jira
//   [a, b]             (list a b)
//   x.name             (field x name)
//   f(a, n = b)        (call f a (named n b))
//   x.m(a)             (method x m a)
//   !x  -x             (! x)  (- x)
//   a + b, a AND b     (+ a b)  (and a b)
//   (a, b) => e        (lambda (a b) e)

#include <string>

#include "ast/ast.hpp"

namespace cql::ast {

std::string to_sexpr(const Node& node);

}  // namespace cql::ast
