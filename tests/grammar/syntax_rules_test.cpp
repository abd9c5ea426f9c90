// Per-rule tables for the syntactic rules of grammar/cql.peg.md, and the grammar analysis.
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar_table.hpp"

using namespace cql::grammar;
using namespace cql::grammar_test;

TEST_CASE("the grammar has no PEG problems (left recursion, empty loops)", "[grammar]") {
  CHECK(tao::pegtl::analyze<grammar>(1) == 0);
}

TEST_CASE("list and parenthesized", "[grammar]") {
  check_table<list>({
      {"[]", match("[]")},
      {"[ 1 , 2 ]", match("[ 1 , 2 ]")},
      {"[1, 2,]", match("[1, 2,]")},
      {"[[1], []]", match("[[1], []]")},
      {"[1, , 2]", global_failure("expected a list element or ']' after ','")},
      {"[1 2]", global_failure("expected ',' or ']' in the list")},
      {"[", global_failure("expected a list element or ']'")},
      {"[,]", global_failure("expected a list element or ']'")},
      {"(1)", local_failure()},
  });
  check_table<parenthesized>({
      {"(1)", match("(1)")},
      {"( a + b )", match("( a + b )")},
      {"(1", global_failure("expected ')'")},
      {"()", global_failure("expected an expression after '('")},
      {"(x) => x", global_failure("a lambda can only be a call argument")},
      {"(a, b) => a", global_failure("a lambda can only be a call argument")},
      {"[1]", local_failure()},
  });
}

TEST_CASE("call_arguments, named_argument and lambda", "[grammar]") {
  check_table<call_arguments>({
      {"()", match("()")},
      {"(a, b)", match("(a, b)")},
      {"(a,)", match("(a,)")},
      {"(a, b = 1)", match("(a, b = 1)")},
      {"(severity=[\"HIGH\"])", match("(severity=[\"HIGH\"])")},
      {"(x => x > 1)", match("(x => x > 1)")},
      {"((x) => x, (a, b) => a + b)", match("((x) => x, (a, b) => a + b)")},
      {"(p = x => x)", match("(p = x => x)")},
      {"(a == 1)", match("(a == 1)")},
      {"(", global_failure("expected an argument or ')'")},
      {"(,)", global_failure("expected an argument or ')'")},
      {"(a, , b)", global_failure("expected an argument or ')' after ','")},
      {"(a b)", global_failure("expected ',' or ')' in the argument list")},
      {"(a = )", global_failure("expected a value after '=' in the named argument")},
      {"(x => )", global_failure("expected the lambda's body after '=>'")},
      {"[a]", local_failure()},
  });
  check_table<named_argument>({
      {"a = 1", match("a = 1")},
      {"a=1", match("a=1")},
      {"a == 1", local_failure()},
      {"a => 1", local_failure()},
      {"true = 1", local_failure()},
  });
  check_table<lambda>({
      {"x => x", match("x => x")},
      {"(x) => x", match("(x) => x")},
      {"( a , b ) => a", match("( a , b ) => a")},
      {"x => y => 1", global_failure("a lambda can only be a call argument")},
      {"x", local_failure()},
      {"() => 1", local_failure()},
      {"(1) => 1", local_failure()},
  });
}

TEST_CASE("primary, postfix and prefix", "[grammar]") {
  check_table<primary>({
      {"42", match("42")},
      {"'s'", match("'s'")},
      {"true", match("true")},
      {"trueish", match("trueish")},
      {"f(1)", match("f(1)")},
      {"f (1)", match("f (1)")},
      {"x.y", match("x")},
      {"NOT x", global_failure("NOT is not a CQL operator")},
      {"not(x)", global_failure("NOT is not a CQL operator")},
      {"+1", global_failure("an expression cannot start with '+'")},
      {".5", global_failure("a number cannot start with '.'")},
      {"{\"a\": 1}", global_failure("CQL has no object literals")},
      {"and", local_failure()},
      {")", local_failure()},
      {"", local_failure()},
  });
  check_table<postfix_expression>({
      {"a.b.c", match("a.b.c")},
      {"a.b(1).c()", match("a.b(1).c()")},
      {"[1]\n.length", match("[1]\n.length")},
      {"a . b", match("a . b")},
      {"x.and", match("x.and")},
      {"a.", global_failure("expected a name after '.'")},
      {"a.1", global_failure("expected a name after '.'")},
  });
  check_table<prefix_expression>({
      {"!x", match("!x")},
      {"- - 1", match("- - 1")},
      {"!-!x.y", match("!-!x.y")},
      {"!", global_failure("expected an operand after '!' or '-'")},
      {"!= 1", local_failure()},
  });
}

TEST_CASE("binary operators: one loop, an operand rule per operator kind", "[grammar]") {
  check_table<multiplicative_tail>({
      {"* b", match("* b")},
      {"% -b", match("% -b")},
      {"* ", global_failure("expected an operand after '*', '/' or '%'")},
      {"+ b", local_failure()},
  });
  check_table<additive_tail>({
      {"+ 2", match("+ 2")},
      {"- x.y", match("- x.y")},
      {"+", global_failure("expected an operand after '+' or '-'")},
  });
  check_table<comparison_tail>({
      {"<= b", match("<= b")},
      {">= b", match(">= b")},
      {"< b", match("< b")},
      {"<", global_failure("expected an operand after the comparison operator")},
      {"< = b", global_failure("expected an operand after the comparison operator")},
  });
  check_table<equality_tail>({
      {"== b", match("== b")},
      {"!= b", match("!= b")},
      {"==", global_failure("expected an operand after '==' or '!='")},
      {"= b", local_failure()},
  });
  check_table<and_tail>({
      {"AND b", match("AND b")},
      {"and", global_failure("expected an operand after AND")},
      {"ANDb", local_failure()},
  });
  check_table<or_tail>({
      {"or b", match("or b")},
      {"OR", global_failure("expected an operand after OR")},
      {"order", local_failure()},
  });
  check_table<binary_expression>({
      {"a * b / c % d", match("a * b / c % d")},
      {"1 + 2 - 3 * 4", match("1 + 2 - 3 * 4")},
      {"a < b == c > d", match("a < b == c > d")},
      {"a OR b AND c", match("a OR b AND c")},
      {"a AND b and c", match("a AND b and c")},
      // Chained comparisons match here: the tree builder rejects them (ast_builder_test).
      {"a < b < c", match("a < b < c")},
      {"a ANDb", match("a")},
      {"a order", match("a")},
      {"a = b", match("a")},
      {"a +", global_failure("expected an operand after '+' or '-'")},
  });
}

TEST_CASE("operator_check: operators of other languages", "[grammar]") {
  check_table<operator_check>({
      {"", match("")},
      {")", match("")},
      {"&& b", global_failure("'&&' is not a CQL operator")},
      {"|| b", global_failure("'||' is not a CQL operator")},
      {"=> b", global_failure("a lambda can only be a call argument")},
      {"= b", global_failure("'=' is not a comparison")},
      {"?? b", global_failure("'?\?' is not a CQL operator")},
      {"?.b", global_failure("'?.' is not a CQL operator")},
      {"? a : b", global_failure("'?:' is not a CQL operator")},
      {"& b", match("")},
  });
}

TEST_CASE("expression and grammar", "[grammar]") {
  check_table<expression>({
      {"a AND b", match("a AND b")},
      {"a AND b ", match("a AND b ")},
      {"a b", match("a ")},
      {"a && b", global_failure("'&&' is not a CQL operator")},
  });
  check_table<grammar>({
      {"1", match("1")},
      {" // c\n 1 /* d */ ", match(" // c\n 1 /* d */ ")},
      {"", global_failure("empty expression")},
      {"/* only a comment */", global_failure("empty expression")},
      {"1 2", global_failure("expected an operator or the end of the expression")},
      {")", global_failure("expected an expression")},
  });
}
