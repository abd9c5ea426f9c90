#pragma once
// `cql explain --trace`: the parser's rule-by-rule view of an expression, for debugging the
// grammar and for authors who wonder why a rule does not parse.
//
// The parse tree as the grammar's named rules (grammar/cql.peg.md) matched it: one line per
// rule, indented by nesting, `name @line:col "matched text"`. Alternatives that failed,
// whitespace (`sep`) and checks that matched nothing are left out. On a syntax error the rules
// that were open when it was raised are listed without text, then `raise <rule>` where the
// grammar gave up, then the rendered diagnostic; a successful parse ends with `ok`.

#include <string>
#include <string_view>

#include "parse/parser.hpp"

namespace cql::parse {

std::string trace_parse(std::string_view text, const ParseLimits& limits = {});

}  // namespace cql::parse
