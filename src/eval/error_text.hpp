#pragma once
// How a sub-expression is named in run-time error messages
// (`cannot call .fromNow() on null: verifications().lastVerifiedAt() is null`).
#include <string>

#include "ast/ast.hpp"

namespace cql::eval {

// The canonical form (`cql fmt`) of the sub-expression: one line, whatever the author's layout.
std::string expression_text(const ast::Node& node);

}  // namespace cql::eval
