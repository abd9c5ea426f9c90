#pragma once
// The compiled plan of an expression (check + compile, no Engine), kept with its AST, for
// tests that look at the plan itself.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "check/checker.hpp"
#include "compile/compiler.hpp"
#include "engine_test_registry.hpp"
#include "parse/parser.hpp"

namespace cql::test {

struct Compiled {
  ast::Expression expression;
  plan::Plan plan;
};

inline Compiled compile_plan(const std::string& text) {
  static const Registry registry = test_registry();
  static const check::NameIndex names(registry);
  Compiled out;
  auto parsed = parse::parse_expression(std::make_shared<const SourceFile>("<expr>", text));
  REQUIRE(parsed.ok());
  out.expression = std::move(parsed).value();
  auto checked = check::check_expression(out.expression, names, {});
  REQUIRE_FALSE(checked.has_errors);
  out.plan = std::move(checked.plan);
  REQUIRE(compile::compile_plan(out.plan, out.expression).empty());
  return out;
}

}  // namespace cql::test
