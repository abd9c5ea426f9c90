// The canonical formatter (`cql fmt`): exact strings, and the round trip
// to_sexpr(parse(format(x))) == to_sexpr(parse(x)) over every conformance expression.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "ast/formatter.hpp"
#include "ast/printer.hpp"
#include "parse/parser.hpp"
#include "parse_conformance_cases.hpp"

using namespace cql;

namespace {

Result<ast::Expression> parse_text(const std::string& text) {
  return parse::parse_expression(std::make_shared<SourceFile>("<expr>", text), {1024 * 1024, 256});
}

std::string fmt(const std::string& text) {
  auto result = parse_text(text);
  if (!result) return "error: " + result.error().message;
  return ast::format_expression(*result.value().root);
}

}  // namespace

TEST_CASE("the formatter writes the canonical form", "[unit][format]") {
  CHECK(fmt("1+2*3") == "1 + 2 * 3");
  CHECK(fmt("(1+2)*3") == "(1 + 2) * 3");
  CHECK(fmt("((1))") == "1");
  CHECK(fmt("10 - 4 - 3") == "10 - 4 - 3");
  CHECK(fmt("10 - (4 - 3)") == "10 - (4 - 3)");
  CHECK(fmt("10 - (4 + 3)") == "10 - (4 + 3)");
  CHECK(fmt("(a * b) % c") == "a * b % c");
  CHECK(fmt("a * (b % c)") == "a * (b % c)");
  CHECK(fmt("(a < b) == (c < d)") == "a < b == c < d");
  CHECK(fmt("(a < b) < c") == "(a < b) < c");
  CHECK(fmt("a < (b < c)") == "a < (b < c)");
  CHECK(fmt("(a == b) == c") == "(a == b) == c");
  CHECK(fmt("a == (b == c)") == "a == (b == c)");
  CHECK(fmt("a and b or c And d") == "a AND b OR c AND d");
  CHECK(fmt("a and (b or c)") == "a AND (b OR c)");
  CHECK(fmt("(a or b) or c") == "a OR b OR c");
  CHECK(fmt("a or (b or c)") == "a OR (b OR c)");
  CHECK(fmt("!(a == b)") == "!(a == b)");
  CHECK(fmt("(!a) == b") == "!a == b");
  CHECK(fmt("- -1") == "--1");
  CHECK(fmt("-(1 + 2)") == "-(1 + 2)");
  CHECK(fmt("(-x).y") == "(-x).y");
  CHECK(fmt("(a + b).length") == "(a + b).length");
  CHECK(fmt("(5).x") == "(5).x");
  CHECK(fmt("(2.5).x") == "(2.5).x");
  CHECK(fmt("\"s\".length") == "\"s\".length");
  CHECK(fmt("[1,2,] ") == "[1, 2]");
  CHECK(fmt("[ ]") == "[]");
  CHECK(fmt("f( a,b=1 ,c = [ 'x' ] )") == "f(a, b = 1, c = [\"x\"])");
  CHECK(fmt("l.map((x)=>x*2)") == "l.map(x => x * 2)");
  CHECK(fmt("l.f((a,b)=>a+b)") == "l.f((a, b) => a + b)");
  CHECK(fmt("l.any(x => x.a OR x.b)") == "l.any(x => x.a OR x.b)");
}

TEST_CASE("literals are written canonically", "[unit][format]") {
  CHECK(fmt("1.0") == "1.0");
  CHECK(fmt("1e3") == "1000.0");
  CHECK(fmt("2.5E-2") == "0.025");
  CHECK(fmt("1.5e300") == "1.5e300");
  CHECK(fmt("0.1") == "0.1");
  CHECK(fmt("007") == "7");
  CHECK(fmt("'it\\'s'") == "\"it's\"");
  CHECK(fmt("'say \"hi\"'") == "\"say \\\"hi\\\"\"");
  CHECK(fmt("\"\\/\\u00e9\\t\\u0001\"") == "\"/é\\t\\u0001\"");
  CHECK(fmt("TRUE") == "TRUE");
  CHECK(fmt("null") == "null");
}

TEST_CASE("comments are dropped", "[unit][format]") {
  CHECK(fmt("// why\n1 /* one */ + 2") == "1 + 2");
}

TEST_CASE("formatting a 10,000-term chain does not recurse", "[unit][format]") {
  std::string text = "1";
  for (int i = 1; i < 10000; ++i) text += "+1";
  auto result = parse_text(text);
  REQUIRE(result.ok());
  std::string expected = "1";
  for (int i = 1; i < 10000; ++i) expected += " + 1";
  CHECK(ast::format_expression(*result.value().root) == expected);
}

TEST_CASE("format round-trips every conformance expression", "[unit][format][roundtrip]") {
  int checked = 0;
  for (const auto& c : test::conformance_cases()) {
    auto parsed = parse_text(c.expr);
    if (!parsed) continue;
    INFO(c.where);
    const std::string formatted = ast::format_expression(*parsed.value().root);
    auto reparsed = parse_text(formatted);
    REQUIRE(reparsed.ok());
    CHECK(ast::to_sexpr(*reparsed.value().root) == ast::to_sexpr(*parsed.value().root));
    CHECK(ast::format_expression(*reparsed.value().root) == formatted);
    ++checked;
  }
  CHECK(checked > 200);
}
