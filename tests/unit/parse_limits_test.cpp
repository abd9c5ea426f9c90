// Limits and hostile input (spec/cql.md §2, §8, §11): clean syntax errors, never a crash.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "ast/printer.hpp"
#include "cql/diagnostic.hpp"
#include "parse/parser.hpp"

using namespace cql;

namespace {

Result<ast::Expression> parse_text(std::string text, const parse::ParseLimits& limits = {}) {
  return parse::parse_expression(std::make_shared<SourceFile>("<expr>", std::move(text)), limits);
}

std::string nested(const std::string& open, const std::string& inner, const std::string& close, int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += inner;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

}  // namespace

TEST_CASE("nesting up to the limit parses, one more level is a syntax error", "[unit][parse][limits]") {
  CHECK(parse_text(nested("(", "1", ")", 256)).ok());
  CHECK(parse_text(nested("[", "1", "]", 256)).ok());
  CHECK(parse_text(nested("!", "true", "", 256)).ok());

  auto too_deep = parse_text(nested("(", "1", ")", 257));
  REQUIRE_FALSE(too_deep.ok());
  CHECK(too_deep.error().kind == ErrorKind::Syntax);
  CHECK(too_deep.error().message == "expression nested too deeply (more than 256 levels)");
  CHECK(too_deep.error().span.begin == 257);  // where the 257th level's content starts
  CHECK(too_deep.error().span.end == 258);
}

TEST_CASE("every bracket, call, lambda and prefix operator is a nesting level", "[unit][parse][limits]") {
  const parse::ParseLimits three{64 * 1024, 3};
  CHECK(parse_text("f([(1)])", three).ok() == true);
  CHECK_FALSE(parse_text("f([[(1)]])", three).ok());
  CHECK(parse_text("!-(1)", three).ok());
  CHECK_FALSE(parse_text("!-!(1)", three).ok());
  CHECK(parse_text("l.map(x => x)", three).ok());
  CHECK_FALSE(parse_text("l.map(x => [[1]])", three).ok());
}

TEST_CASE("100,000 nested parentheses are a clean syntax error", "[unit][parse][limits]") {
  auto result = parse_text(nested("(", "1", ")", 100000), {1024 * 1024, 256});
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == ErrorKind::Syntax);
  CHECK(result.error().message == "expression nested too deeply (more than 256 levels)");

  auto open_only = parse_text(std::string(30000, '('));
  REQUIRE_FALSE(open_only.ok());
  CHECK(open_only.error().message == "expression nested too deeply (more than 256 levels)");

  auto prefixes = parse_text(std::string(100000, '!') + "true", {1024 * 1024, 256});
  REQUIRE_FALSE(prefixes.ok());
  CHECK(prefixes.error().message == "expression nested too deeply (more than 256 levels)");
}

TEST_CASE("text over the size limit is a syntax error before any parsing", "[unit][parse][limits]") {
  auto result = parse_text("\"" + std::string(1024 * 1024, 'a') + "\".length");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == ErrorKind::Syntax);
  CHECK(result.error().message == "expression too long (1048585 bytes; the limit is 65536)");
  CHECK(result.error().span.begin == 65536);

  CHECK(parse_text(std::string(64 * 1024, ' ') + "1", {64 * 1024 + 1, 256}).ok());
  CHECK_FALSE(parse_text(std::string(64 * 1024, ' ') + "1").ok());
}

TEST_CASE("10,000 chained additions parse into a left-leaning tree that is destroyed safely",
          "[unit][parse][limits]") {
  std::string text = "1";
  for (int i = 1; i < 10000; ++i) text += "+1";
  {
    auto result = parse_text(text);
    REQUIRE(result.ok());
    const ast::Node* node = result.value().root;
    int depth = 0;
    while (node->kind == ast::NodeKind::Binary) {
      node = node->items[0];
      ++depth;
    }
    CHECK(depth == 9999);
    const std::string printed = ast::to_sexpr(*result.value().root);
    CHECK(printed.substr(0, 9) == "(+ (+ (+ ");
    CHECK(printed.size() == 9999 * 6 + 1);
  }  // the tree is destroyed here: ~Node is iterative

  std::string deeper = "1";
  for (int i = 1; i < 30000; ++i) deeper += i % 2 ? "*2" : "-1";
  auto result = parse_text(deeper, {1024 * 1024, 256});
  CHECK(result.ok());
}
