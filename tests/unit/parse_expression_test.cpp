// Exact-string AST tests: parse_expression() → to_sexpr().
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "parse/parser.hpp"
#include "support/parsed_sexpr.hpp"

using namespace cql;

namespace {

std::string sexpr(const std::string& text) { return testing::parsed_sexpr(text); }

}  // namespace

TEST_CASE("literals", "[unit][parse]") {
  CHECK(sexpr("42") == "42");
  CHECK(sexpr("007") == "7");
  CHECK(sexpr("3.25") == "3.25");
  CHECK(sexpr("1.0") == "1.0");
  CHECK(sexpr("1e3") == "1000.0");
  CHECK(sexpr("2.5E-2") == "0.025");
  CHECK(sexpr("1e+2") == "100.0");
  CHECK(sexpr("9223372036854775807") == "9223372036854775807");
  CHECK(sexpr("true") == "true");
  CHECK(sexpr("false") == "false");
  CHECK(sexpr("null") == "null");
  CHECK(sexpr("\"say \\\"hi\\\"\"") == "\"say \\\"hi\\\"\"");
  CHECK(sexpr("'it\\'s'") == "\"it's\"");
  CHECK(sexpr("'\"'") == "\"\\\"\"");
  CHECK(sexpr("\"C:\\\\temp\\/x\"") == "\"C:\\\\temp/x\"");
  CHECK(sexpr("\"a\\tb\\nc\\rd\\be\\ff\"") == "\"a\\tb\\nc\\rd\\be\\ff\"");
  CHECK(sexpr("\"caf\\u00e9\"") == "\"café\"");
  CHECK(sexpr("\"\\uD83D\\uDE00\"") == "\"\xF0\x9F\x98\x80\"");
  CHECK(sexpr("\"/* not a comment */ // nor this\"") == "\"/* not a comment */ // nor this\"");
}

TEST_CASE("lists", "[unit][parse]") {
  CHECK(sexpr("[]") == "(list)");
  CHECK(sexpr("[1, 2]") == "(list 1 2)");
  CHECK(sexpr("[\"CRITICAL\", \"HIGH\",]") == "(list \"CRITICAL\" \"HIGH\")");
  CHECK(sexpr("[[1], []]") == "(list (list 1) (list))");
  CHECK(sexpr("[\n  1,\n  2\n]\n.length") == "(field (list 1 2) length)");
}

TEST_CASE("names, fields, calls and methods", "[unit][parse]") {
  CHECK(sexpr("jira") == "jira");
  CHECK(sexpr("TRUE") == "TRUE");
  CHECK(sexpr("entity.tag()") == "(method entity tag)");
  CHECK(sexpr("custom(\"Origin\")") == "(call custom \"Origin\")");
  CHECK(sexpr("custom(\"slo\").errorBudget") == "(field (call custom \"slo\") errorBudget)");
  CHECK(sexpr("ownership.allOwners().length") == "(field (method ownership allOwners) length)");
  CHECK(sexpr("null.length") == "(field null length)");
  CHECK(sexpr("x.and") == "(field x and)");
  CHECK(sexpr("git.numOfVulnerabilities(severity=[\"CRITICAL\",\"HIGH\"])") ==
        "(method git numOfVulnerabilities (named severity (list \"CRITICAL\" \"HIGH\")))");
  CHECK(sexpr("f(a, b = 1, c = 2)") == "(call f a (named b 1) (named c 2))");
  CHECK(sexpr("f(a,)") == "(call f a)");
  CHECK(sexpr("f ( a )") == "(call f a)");
}

TEST_CASE("lambdas", "[unit][parse]") {
  CHECK(sexpr("groups().filter(g => g.name == \"pci\")") ==
        "(method (call groups) filter (lambda (g) (== (field g name) \"pci\")))");
  CHECK(sexpr("l.any((group) => group.name)") == "(method l any (lambda (group) (field group name)))");
  CHECK(sexpr("l.f((a, b) => a + b, 1)") == "(method l f (lambda (a b) (+ a b)) 1)");
  CHECK(sexpr("l.f(p = x => x)") == "(method l f (named p (lambda (x) x)))");
  CHECK(sexpr("[1].any(a => [2].any(b => a == b))") ==
        "(method (list 1) any (lambda (a) (method (list 2) any (lambda (b) (== a b)))))");
}

TEST_CASE("precedence and associativity", "[unit][parse]") {
  CHECK(sexpr("1 + 2 * 3") == "(+ 1 (* 2 3))");
  CHECK(sexpr("10 - 4 - 3") == "(- (- 10 4) 3)");
  CHECK(sexpr("-2 + 3") == "(+ (- 2) 3)");
  CHECK(sexpr("!true == false") == "(== (! true) false)");
  CHECK(sexpr("!entity.tag() == \"x\"") == "(== (! (method entity tag)) \"x\")");
  CHECK(sexpr("-x.y") == "(- (field x y))");
  CHECK(sexpr("--1") == "(- (- 1))");
  CHECK(sexpr("2 > 1 != 3 > 4") == "(!= (> 2 1) (> 3 4))");
  CHECK(sexpr("true OR false AND false") == "(or true (and false false))");
  CHECK(sexpr("true AND false Or true") == "(or (and true false) true)");
  CHECK(sexpr("a and b AND c") == "(and (and a b) c)");
  CHECK(sexpr("1 < 2 == true") == "(== (< 1 2) true)");
  CHECK(sexpr("a % b / c * d") == "(* (/ (% a b) c) d)");
  CHECK(sexpr("(1 + 2) * 3") == "(* (+ 1 2) 3)");
  CHECK(sexpr("a <= b") == "(<= a b)");
  CHECK(sexpr("a >= b") == "(>= a b)");
}

TEST_CASE("comments and whitespace", "[unit][parse]") {
  CHECK(sexpr("1 + /* two */ 2") == "(+ 1 2)");
  CHECK(sexpr("// threshold agreed with SRE\n40 + 2") == "(+ 40 2)");
  CHECK(sexpr("  1\t+\r\n2 // trailing") == "(+ 1 2)");
  CHECK(sexpr("/**/1/**/") == "1");
}
