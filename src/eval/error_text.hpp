#pragma once
// How a sub-expression is named in run-time error messages
// (`cannot call .fromNow() on null: verifications().lastVerifiedAt() is null`).
#include <string>

#include "ast/ast.hpp"

namespace cql::eval {

std::string expression_text(const ast::Node& node, const SourceFile& source);

}  // namespace cql::eval
