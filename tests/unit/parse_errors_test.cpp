// Syntax errors: exact rendered diagnostics (message, caret under the right column, hint),
// for every must point of grammar/cql_errors.hpp and every error the AST builder raises.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "cql/diagnostic.hpp"
#include "parse/parser.hpp"

using namespace cql;

namespace {

std::string error_of(const std::string& text) {
  auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
  if (result) return "no error";
  REQUIRE(result.errors().size() == 1);
  CHECK(result.error().kind == ErrorKind::Syntax);
  return render(result.errors());
}

}  // namespace

TEST_CASE("syntax errors render with a caret under the offending token and a hint", "[unit][parse][diagnostic]") {
  CHECK(error_of("") ==
        "<expr>:1:1: error: empty expression\n  \n  ^\n");
  CHECK(error_of("  /* only */ ") ==
        "<expr>:1:14: error: empty expression\n    /* only */ \n               ^\n");
  CHECK(error_of("+7") ==
        "<expr>:1:1: error: an expression cannot start with '+'\n  +7\n  ^\n  hint: write the number without '+'\n");
  CHECK(error_of("\"\\q\"") ==
        "<expr>:1:2: error: unknown escape sequence\n  \"\\q\"\n   ^^\n  hint: valid escapes are \\\" \\' \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX\n");
  CHECK(error_of("1 +") ==
        "<expr>:1:4: error: expected an operand after '+' or '-'\n  1 +\n     ^\n");
  CHECK(error_of("1 2") ==
        "<expr>:1:3: error: expected an operator or the end of the expression\n  1 2\n    ^\n");
  CHECK(error_of("(1") ==
        "<expr>:1:3: error: expected ')'\n  (1\n    ^\n");
  CHECK(error_of("[1, , 2]") ==
        "<expr>:1:5: error: expected a list element or ']' after ','\n  [1, , 2]\n      ^\n");
  CHECK(error_of("{\"a\": 1}") ==
        "<expr>:1:1: error: CQL has no object literals\n  {\"a\": 1}\n  ^\n");
  CHECK(error_of("true && false") ==
        "<expr>:1:6: error: '&&' is not a CQL operator\n  true && false\n       ^^\n  hint: write AND\n");
  CHECK(error_of("a || b") ==
        "<expr>:1:3: error: '||' is not a CQL operator\n  a || b\n    ^^\n  hint: write OR\n");
  CHECK(error_of("NOT entity.isArchived()") ==
        "<expr>:1:1: error: NOT is not a CQL operator\n  NOT entity.isArchived()\n  ^^^\n  hint: write !(x)\n");
  CHECK(error_of("entity.tag() = \"payments\"") ==
        "<expr>:1:14: error: '=' is not a comparison\n  entity.tag() = \"payments\"\n               ^\n  hint: write ==\n");
  CHECK(error_of("true ? 1 : 2") ==
        "<expr>:1:6: error: '?:' is not a CQL operator\n  true ? 1 : 2\n       ^\n  hint: CQL has no conditional; combine conditions with AND and OR\n");
  CHECK(error_of("custom(\"owner\") ?? \"none\"") ==
        "<expr>:1:17: error: '?\?' is not a CQL operator\n  custom(\"owner\") ?? \"none\"\n                  ^^\n  hint: test for null: x != null AND ...\n");
  CHECK(error_of("a?.b") ==
        "<expr>:1:2: error: '?.' is not a CQL operator\n  a?.b\n   ^^\n  hint: guard the access: x != null AND x.name ...\n");
  CHECK(error_of("1 < 2 < 3") ==
        "<expr>:1:7: error: comparison operators do not chain\n  1 < 2 < 3\n        ^\n  hint: write a < b AND b < c\n");
  CHECK(error_of("1 == 1 == true") ==
        "<expr>:1:8: error: '==' and '!=' do not chain\n  1 == 1 == true\n         ^^\n  hint: add parentheses: (a == b) == c\n");
  CHECK(error_of(".5") ==
        "<expr>:1:1: error: a number cannot start with '.'\n  .5\n  ^\n  hint: write 0.5, not .5\n");
  CHECK(error_of("5.") ==
        "<expr>:1:3: error: expected a digit after the decimal point\n  5.\n    ^\n  hint: write 5.0, not 5.; for a member of a number write (5).name\n");
  CHECK(error_of("5.length") ==
        "<expr>:1:3: error: expected a digit after the decimal point\n  5.length\n    ^^^^^^\n  hint: write 5.0, not 5.; for a member of a number write (5).name\n");
  CHECK(error_of("1e") ==
        "<expr>:1:3: error: expected digits in the exponent\n  1e\n    ^\n  hint: write 1e3 or 2.5e-2\n");
  CHECK(error_of("99999999999999999999") ==
        "<expr>:1:1: error: integer literal out of range\n  99999999999999999999\n  ^^^^^^^^^^^^^^^^^^^^\n  hint: integers are 64-bit (at most 9223372036854775807); write a double such as 1e19\n");
  CHECK(error_of("1e999") ==
        "<expr>:1:1: error: number out of range for a double\n  1e999\n  ^^^^^\n");
  CHECK(error_of("\"abc") ==
        "<expr>:1:1: error: unterminated string\n  \"abc\n  ^\n  hint: close it with \" on the same line; write \\n for a line break\n");
  CHECK(error_of("'abc\n'") ==
        "<expr>:1:1: error: unterminated string\n  'abc\n  ^\n  hint: close it with ' on the same line; write \\n for a line break\n");
  CHECK(error_of("\"\\uD83D\"") ==
        "<expr>:1:2: error: lone surrogate in \\u escape\n  \"\\uD83D\"\n   ^^^^^^\n  hint: a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF escape\n");
  CHECK(error_of("\"\\uDE00x\"") ==
        "<expr>:1:2: error: lone surrogate in \\u escape\n  \"\\uDE00x\"\n   ^^^^^^\n  hint: a \\uDC00-\\uDFFF escape must follow a \\uD800-\\uDBFF escape\n");
  CHECK(error_of("\"\\u12\"") ==
        "<expr>:1:4: error: \\u must be followed by four hex digits\n  \"\\u12\"\n     ^^\n");
  CHECK(error_of("x => x") ==
        "<expr>:1:3: error: a lambda can only be a call argument\n  x => x\n    ^^\n  hint: write list.filter(x => x > 1)\n");
  CHECK(error_of("(a, b) => a") ==
        "<expr>:1:1: error: a lambda can only be a call argument\n  (a, b) => a\n  ^\n  hint: write list.filter((a, b) => ...)\n");
  CHECK(error_of("f(a = 1, b)") ==
        "<expr>:1:10: error: a positional argument cannot follow a named argument\n  f(a = 1, b)\n           ^\n  hint: put the positional arguments first\n");
  CHECK(error_of("f(,)") ==
        "<expr>:1:3: error: expected an argument or ')'\n  f(,)\n    ^\n");
  CHECK(error_of("f(1 2)") ==
        "<expr>:1:5: error: expected ',' or ')' in the argument list\n  f(1 2)\n      ^\n");
  CHECK(error_of("x.") ==
        "<expr>:1:3: error: expected a name after '.'\n  x.\n    ^\n");
  CHECK(error_of("x.5") ==
        "<expr>:1:3: error: expected a name after '.'\n  x.5\n    ^\n");
  CHECK(error_of("/* open") ==
        "<expr>:1:1: error: unterminated comment\n  /* open\n  ^^\n  hint: close it with */\n");
  CHECK(error_of("l.map((x, x) => x)") ==
        "<expr>:1:11: error: duplicate lambda parameter 'x'\n  l.map((x, x) => x)\n            ^\n  hint: give each parameter its own name\n");
  CHECK(error_of("\"héllo\" &&") ==
        "<expr>:1:9: error: '&&' is not a CQL operator\n  \"héllo\" &&\n          ^^\n  hint: write AND\n");
  CHECK(error_of("a = = b") ==
        "<expr>:1:3: error: '=' is not a comparison\n  a = = b\n    ^\n  hint: write ==\n");
  CHECK(error_of("!") ==
        "<expr>:1:2: error: expected an operand after '!' or '-'\n  !\n   ^\n");
  CHECK(error_of("- ") ==
        "<expr>:1:3: error: expected an operand after '!' or '-'\n  - \n    ^\n");
  CHECK(error_of("f(a == )") ==
        "<expr>:1:8: error: expected an operand after '==' or '!='\n  f(a == )\n         ^\n");
  CHECK(error_of("1 *") ==
        "<expr>:1:4: error: expected an operand after '*', '/' or '%'\n  1 *\n     ^\n");
  CHECK(error_of("a AND") ==
        "<expr>:1:6: error: expected an operand after AND\n  a AND\n       ^\n");
  CHECK(error_of("a OR") ==
        "<expr>:1:5: error: expected an operand after OR\n  a OR\n      ^\n");
  CHECK(error_of("a ==") ==
        "<expr>:1:5: error: expected an operand after '==' or '!='\n  a ==\n      ^\n");
  CHECK(error_of("a <") ==
        "<expr>:1:4: error: expected an operand after the comparison operator\n  a <\n     ^\n");
  CHECK(error_of("[1") ==
        "<expr>:1:3: error: expected ',' or ']' in the list\n  [1\n    ^\n");
  CHECK(error_of("f(") ==
        "<expr>:1:3: error: expected an argument or ')'\n  f(\n    ^\n");
  CHECK(error_of("(") ==
        "<expr>:1:2: error: expected an expression after '('\n  (\n   ^\n");
  CHECK(error_of("x.y(") ==
        "<expr>:1:5: error: expected an argument or ')'\n  x.y(\n      ^\n");
  CHECK(error_of("a b c") ==
        "<expr>:1:3: error: expected an operator or the end of the expression\n  a b c\n    ^\n");
  CHECK(error_of("x.filter(y => y ==)") ==
        "<expr>:1:19: error: expected an operand after '==' or '!='\n  x.filter(y => y ==)\n                    ^\n");
  CHECK(error_of("1 +\n  2 &&\n 3") ==
        "<expr>:2:5: error: '&&' is not a CQL operator\n    2 &&\n      ^^\n  hint: write AND\n");
  CHECK(error_of("\"Zürich 🚀\" ?? 1") ==
        "<expr>:1:12: error: '?\?' is not a CQL operator\n  \"Zürich 🚀\" ?? 1\n             ^^\n  hint: test for null: x != null AND ...\n");
}

TEST_CASE("a syntax error in an embedded expression points into the enclosing file", "[unit][parse][diagnostic]") {
  auto source = std::make_shared<SourceFile>("scorecards/prod.yaml", "git != null && x", 12, 17);
  auto result = parse::parse_expression(source);
  REQUIRE_FALSE(result.ok());
  CHECK(render(result.errors()) ==
        "scorecards/prod.yaml:12:29: error: '&&' is not a CQL operator\n  git != null && x\n              ^^\n"
        "  hint: write AND\n");
}

TEST_CASE("text that is not UTF-8 is a syntax error at the first bad byte", "[unit][parse][diagnostic]") {
  CHECK(error_of("\"ab\xff\"") == "<expr>:1:4: error: invalid UTF-8 in the expression\n  \"ab\xff\"\n     ^\n");
  CHECK(error_of("\"\xed\xa0\x80\"").substr(0, 50) == "<expr>:1:2: error: invalid UTF-8 in the expression");
  CHECK(error_of("\"\xc0\xaf\"").substr(0, 50) == "<expr>:1:2: error: invalid UTF-8 in the expression");
  CHECK(error_of("\"\xe2\x82\"").substr(0, 50) == "<expr>:1:2: error: invalid UTF-8 in the expression");
  CHECK(error_of("\"\xf0\x9f\x98\x80\"") == "no error");
}

TEST_CASE("a stray control character is an unexpected token", "[unit][parse][diagnostic]") {
  CHECK(error_of(std::string("a\x01")) ==
        "<expr>:1:2: error: expected an operator or the end of the expression\n  a\x01\n   ^\n");
}

TEST_CASE("decisions of grammar/cql.peg.md that are errors", "[unit][parse][diagnostic]") {
  auto message_of = [](const std::string& text) {
    auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
    return result ? std::string("no error") : result.error().message;
  };
  CHECK(message_of("1e-400") == "number out of range for a double");
  CHECK(message_of("-9223372036854775808") == "integer literal out of range");
  CHECK(message_of("-9223372036854775807 - 1") == "no error");
  CHECK(message_of("[x => x]") == "a lambda can only be a call argument");
  CHECK(message_of("f(1 + x => x)") == "a lambda can only be a call argument");
  CHECK(message_of("not(x)") == "NOT is not a CQL operator");
  CHECK(message_of("Not x") == "NOT is not a CQL operator");
  CHECK(message_of("nothing") == "no error");
  CHECK(message_of("f(x.y = 1)") == "'=' is not a comparison");
  CHECK(message_of("f(() => 1)") == "expected an expression after '('");
  CHECK(message_of("\"\\u0000\"") == "no error");
  CHECK(message_of("!= 1") == "expected an expression");
}
