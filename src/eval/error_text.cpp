#include "eval/error_text.hpp"

#include "ast/formatter.hpp"

namespace cql::eval {

std::string expression_text(const ast::Node& node) { return ast::format_expression(node); }

}  // namespace cql::eval
