// The parser against the conformance cases: every case with a value parses, every case whose
// only acceptable error is `syntax` is rejected by the parser, and every case expecting a later
// error (compile, type, eval, provider) parses.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "parse/parser.hpp"
#include "parse_conformance_cases.hpp"

using namespace cql;

TEST_CASE("conformance expressions parse exactly when they should", "[unit][parse][conformance-data]") {
  int must_parse = 0;
  int must_fail = 0;
  for (const auto& c : test::conformance_cases()) {
    INFO(c.where);
    const auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", c.expr));
    if (c.spec.contains("value")) {
      CHECK(result.ok());
      ++must_parse;
    } else if (c.spec.at("error") == "syntax") {
      CHECK_FALSE(result.ok());
      ++must_fail;
    } else if (c.spec.at("error").is_string()) {
      CHECK(result.ok());
    }
  }
  CHECK(must_parse > 150);
  CHECK(must_fail >= 13);
}
