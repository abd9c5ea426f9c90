// Operator-precedence parsing in the tree builder (grammar/cql.peg.md "Precedence"): the
// grammar reads binary operators in one loop, so these trees and errors come from the builder.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "ast/printer.hpp"
#include "parse/parser.hpp"

using namespace cql;

namespace {

std::string sexpr(const std::string& text) {
  auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
  if (!result) return "error: " + result.error().message;
  return ast::to_sexpr(*result.value().root);
}

std::string error_at(const std::string& text) {
  auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
  if (result) return "parsed";
  const auto& e = result.error();
  return e.message + " @" + std::to_string(e.span.begin) + "-" + std::to_string(e.span.end);
}

}  // namespace

TEST_CASE("every level binds tighter than the next, whatever the order written", "[unit][parse]") {
  CHECK(sexpr("a OR b AND c == d < e + f * g") == sexpr("a OR (b AND (c == (d < (e + (f * g)))))"));
  CHECK(sexpr("a * b + c < d == e AND f OR g") == sexpr("((((a * b) + c) < d) == e AND f) OR g"));
  CHECK(sexpr("a + b * c - d") == sexpr("(a + (b * c)) - d"));
  CHECK(sexpr("a < b == c > d") == sexpr("(a < b) == (c > d)"));
  CHECK(sexpr("a == b < c") == sexpr("a == (b < c)"));
  CHECK(sexpr("-a * !b.c") == sexpr("(-a) * (!(b.c))"));
}

TEST_CASE("associative levels group to the left", "[unit][parse]") {
  CHECK(sexpr("a - b - c") == sexpr("(a - b) - c"));
  CHECK(sexpr("a / b * c % d") == sexpr("((a / b) * c) % d"));
  CHECK(sexpr("a AND b and c") == sexpr("(a AND b) AND c"));
  CHECK(sexpr("a OR b or c") == sexpr("(a OR b) OR c"));
  CHECK(sexpr("a - b - c") != sexpr("a - (b - c)"));
}

TEST_CASE("each parenthesised group, argument and list element is its own chain", "[unit][parse]") {
  CHECK(sexpr("(a < b) < c") == "(< (< a b) c)");
  CHECK(sexpr("f(a + b, c * d) * e") == sexpr("(f((a + b), (c * d))) * e"));
  CHECK(sexpr("[a OR b, c] == d") == sexpr("([(a OR b), c]) == d"));
  CHECK(sexpr("x.filter((y) => y + 1 > 2 AND y < 5).length OR z") ==
        sexpr("(x.filter((y) => ((y + 1) > 2) AND (y < 5)).length) OR z"));
}

TEST_CASE("comparisons and equalities do not chain, also across tighter operators", "[unit][parse]") {
  CHECK(error_at("a < b < c") == "comparison operators do not chain @6-7");
  CHECK(error_at("a <= b + c >= d") == "comparison operators do not chain @11-13");
  CHECK(error_at("a == b != c") == "'==' and '!=' do not chain @7-9");
  CHECK(error_at("a == b < c == d") == "'==' and '!=' do not chain @11-13");
  CHECK(error_at("a < b AND c < d") == "parsed");
  CHECK(error_at("a == (b == c)") == "parsed");
}
