// Byte spans on every node and name spans on names (conventions.md §3).
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "parse/parser.hpp"

using namespace cql;

namespace {

std::string text_of(const std::string& source, Span span) { return source.substr(span.begin, span.end - span.begin); }

}  // namespace

TEST_CASE("every node spans its own text", "[unit][parse][spans]") {
  const std::string text = "!x.items(1, n = [2, 3]) AND (a + b) < f(y => y.z) // tail";
  // Whitespace and comments never belong to a node.
  auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
  REQUIRE(result.ok());
  const ast::Node& root = *result.value().root;
  CHECK(text_of(text, root.span) == "!x.items(1, n = [2, 3]) AND (a + b) < f(y => y.z)");

  const ast::Node& negation = *root.items[0];
  CHECK(text_of(text, negation.span) == "!x.items(1, n = [2, 3])");
  const ast::Node& call = *negation.items[0];
  CHECK(call.kind == ast::NodeKind::Call);
  CHECK(text_of(text, call.span) == "x.items(1, n = [2, 3])");
  CHECK(text_of(text, call.name_span) == "items");
  CHECK(text_of(text, call.receiver->span) == "x");
  CHECK(text_of(text, call.receiver->name_span) == "x");
  CHECK(text_of(text, call.args[0].value->span) == "1");
  REQUIRE(call.args[1].name);
  CHECK(text_of(text, call.args[1].name_span) == "n");
  CHECK(text_of(text, call.args[1].value->span) == "[2, 3]");
  CHECK(text_of(text, call.args[1].value->items[1]->span) == "3");

  const ast::Node& comparison = *root.items[1];
  CHECK(text_of(text, comparison.span) == "(a + b) < f(y => y.z)");
  CHECK(text_of(text, comparison.items[0]->span) == "(a + b)");  // parentheses belong to the operand
  CHECK(text_of(text, comparison.items[0]->items[0]->span) == "a");
  const ast::Node& global_call = *comparison.items[1];
  CHECK(text_of(text, global_call.span) == "f(y => y.z)");
  CHECK(text_of(text, global_call.name_span) == "f");
  const ast::Node& lambda = *global_call.args[0].value;
  CHECK(lambda.kind == ast::NodeKind::Lambda);
  CHECK(text_of(text, lambda.span) == "y => y.z");
  CHECK(text_of(text, lambda.param_spans[0]) == "y");
  const ast::Node& field = *lambda.items[0];
  CHECK(text_of(text, field.span) == "y.z");
  CHECK(text_of(text, field.name_span) == "z");
}

TEST_CASE("spans are byte offsets, also after non-ASCII text", "[unit][parse][spans]") {
  const std::string text = "\"Zürich 🚀\" + x";
  auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", text));
  REQUIRE(result.ok());
  const ast::Node& root = *result.value().root;
  CHECK(root.items[0]->span.begin == 0);
  CHECK(root.items[0]->span.end == 14);  // quote, 7 bytes of Zürich, space, 4 bytes of 🚀, quote
  CHECK(root.items[1]->span.begin == 17);
}
