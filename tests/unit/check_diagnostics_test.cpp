#include <catch2/catch.hpp>

#include <string>

#include "engine_test_registry.hpp"

using cql::test::compile_error;
using cql::test::test_engine;

namespace {

cql::Diagnostic first_error(const std::string& text) {
  auto program = test_engine().compile(text);
  REQUIRE_FALSE(program.ok());
  return program.error();
}

}  // namespace

TEST_CASE("unknown names are compile errors with a suggestion", "[unit][check]") {
  const auto d = first_error("TRUE");
  CHECK(d.kind == cql::ErrorKind::Compile);
  CHECK(d.message == "unknown name `TRUE`");
  CHECK(d.hint == "did you mean `true`?");
  CHECK(first_error("owners_is_set").message == "unknown name `owners_is_set`");
  const auto f = first_error("has_group(\"x\")");
  CHECK(f.message == "unknown function `has_group()`");
  CHECK(f.hint == "did you mean `hasGroup()`?");
  const auto n = first_error("entity.tags()");
  CHECK(n.message == "unknown function `entity.tags()`");
  CHECK(n.hint == "did you mean `entity.tag()`?");
  CHECK(compile_error("\"x\".size()") == "unknown method `.size()`");
  CHECK(compile_error("now") == "`now` is a function: write `now()`");
}

TEST_CASE("operations that can never succeed are compile errors", "[unit][check]") {
  CHECK(compile_error("\"a\" < 1") == "cannot apply `<` to string and int");
  CHECK(compile_error("!\"x\"") == "`!` needs a bool, got string");
  CHECK(compile_error("true OR 1") == "`OR` needs bool operands, got int");
  CHECK(compile_error("null < 1") == "cannot apply `<` to null and int");
  CHECK(compile_error("7.5 % 2") == "cannot apply `%` to double and int");
  CHECK(compile_error("-\"x\"") == "unary `-` needs a number or a duration, got string");
  CHECK(compile_error("1 + 2 + \"x\"") == "cannot apply `+` to int and string");
  CHECK(compile_error("[1].foo") == "list has no field `foo`");
  CHECK(compile_error("null.length") == "cannot read `.length` of null");
  CHECK(compile_error("[1, 2].filter(x => x + 1)") == "the lambda of `.filter()` must return a bool, got number");
}

TEST_CASE("data of unknown type is checked at run time, not compile time", "[unit][check]") {
  CHECK(compile_error("custom(\"tier\") < 1") == "");
  CHECK(compile_error("custom(\"tier\") AND true") == "");
  CHECK(compile_error("custom(\"slo\").availability()") == "");  // a getter
  CHECK(compile_error("custom(\"x\").anything") == "");
  CHECK(compile_error("custom(\"owner\").contains(\"a\")") == "");
}

TEST_CASE("methods and properties are written the right way", "[unit][check]") {
  CHECK(compile_error("\"x\".length()") == "`length` is a property: write `.length` without parentheses");
  CHECK(compile_error("\"x\".toUpperCase") == "`toUpperCase` is a method: write `.toUpperCase()`");
  CHECK(compile_error("[\"a\"].toUpperCase()") == "no method `.toUpperCase()` on list");
  CHECK(compile_error("entity.tag") == "`entity.tag` is a function: write `entity.tag()`");
  CHECK(compile_error("[1].filter") == "`filter` is a method: write `.filter()`");
}

TEST_CASE("arguments are bound by position and by name", "[unit][check]") {
  CHECK(compile_error("hasGroup()") == "`hasGroup()` needs the argument `name`");
  CHECK(compile_error("hasGroup(\"a\", \"b\")") == "`hasGroup()` takes 1 argument, got 2");
  CHECK(compile_error("entity.tag(1)") == "`entity.tag()` takes no arguments, got 1");
  const auto unknown = first_error("hasGroup(nme = \"a\")");
  CHECK(unknown.message == "`hasGroup()` has no argument `nme`");
  CHECK(unknown.hint == "its arguments: name");
  CHECK(compile_error("hasGroup(name = \"a\", name = \"b\")") == "argument `name` is given twice");
  CHECK(compile_error("hasGroup(1)") == "argument `name` of `hasGroup()` must be string, got int");
  CHECK(compile_error("hasGroup(name = \"pci\")") == "");
  CHECK(compile_error("\"abc\".startsWith()") == "`.startsWith()` needs the argument `s`");
}

TEST_CASE("lambdas are one-parameter arguments of the list methods", "[unit][check]") {
  CHECK(compile_error("[1, 2].filter((a, b) => a > b)") == "`.filter()` takes a one-parameter lambda, got 2 parameters");
  CHECK(compile_error("[1].map(1)") == "`.map()` takes one argument: a lambda such as `x => x > 1`");
  CHECK(compile_error("hasGroup(x => x)") ==
        "`hasGroup()` does not take a lambda; lambdas are the argument of filter(), map(), any(), all() or none()");
  CHECK(compile_error("\"abc\".filter(x => true)") == "no method `.filter()` on string");
  CHECK(compile_error("[1, 2].any(x => [3].any(y => x == y))") == "");
  CHECK(compile_error("[1].map(x => y)") == "unknown name `y`");
}

TEST_CASE("a negated comparison gets a hint", "[unit][check]") {
  const auto d = first_error("!entity.tag() == \"x\"");
  CHECK(d.message == "`!` needs a bool, got string");
  CHECK(d.hint == "!(entity.tag() == \"x\")");
  CHECK(d.span.begin == 0);
  CHECK(compile_error("!(entity.tag() == \"x\")") == "");
  CHECK(compile_error("!true == false") == "");
}

TEST_CASE("every compile error of an expression is reported, in source order", "[unit][check]") {
  auto program = test_engine().compile("TRUE AND has_group(\"x\") AND 1 AND \"a\".size()");
  REQUIRE_FALSE(program.ok());
  const auto& errors = program.errors();
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].message == "unknown name `TRUE`");
  CHECK(errors[1].message == "unknown function `has_group()`");
  CHECK(errors[2].message == "`AND` needs bool operands, got int");
  CHECK(errors[3].message == "unknown method `.size()`");
  CHECK(errors[0].span.begin < errors[1].span.begin);
}

TEST_CASE("an error inside a receiver is not reported again by its method", "[unit][check]") {
  auto program = test_engine().compile("nosuch.metric(\"x\").foo");
  REQUIRE_FALSE(program.ok());
  REQUIRE(program.errors().size() == 1);
  CHECK(program.error().message == "unknown name `nosuch`");
}

TEST_CASE("invalid constant arguments are compile errors at the argument", "[unit][check]") {
  const auto d = first_error("\"abc\".matches(\"(ab\")");
  CHECK(d.kind == cql::ErrorKind::Compile);
  CHECK(d.message.find("invalid regular expression") != std::string::npos);
  CHECK(d.span.begin == 14);  // the pattern literal
  CHECK(first_error("duration(\"7 days\")").kind == cql::ErrorKind::Compile);
  CHECK(first_error("semver(\"1.2\")").kind == cql::ErrorKind::Compile);
  // Constant after folding: the pattern is computed from constants only.
  CHECK(first_error("\"abc\".matches(\"(\" + \"ab\")").kind == cql::ErrorKind::Compile);
}

TEST_CASE("check reports extensions as warnings, or errors with --strict", "[unit][check]") {
  const auto source = std::make_shared<const cql::SourceFile>("<expr>", "now() > timestamp(\"2026-01-01\")");
  const auto warnings = test_engine().check(source);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].severity == cql::Severity::Warning);
  CHECK(warnings[0].message == "`now()` is an extension: the vendor's CQL may reject it");
  CHECK(warnings[1].message == "`timestamp()` is an extension: the vendor's CQL may reject it");
  cql::CheckOptions strict;
  strict.strict = true;
  const auto errors = test_engine().check(source, strict);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].severity == cql::Severity::Error);
  // Extensions never stop a program from compiling.
  CHECK(test_engine().compile("now() > timestamp(\"2026-01-01\")").ok());
}

TEST_CASE("check returns syntax errors from the parser and prepare errors from compiling", "[unit][check]") {
  const auto syntax = test_engine().check(std::make_shared<const cql::SourceFile>("<expr>", "1 +"));
  REQUIRE_FALSE(syntax.empty());
  CHECK(syntax[0].kind == cql::ErrorKind::Syntax);
  const auto prepare = test_engine().check(std::make_shared<const cql::SourceFile>("<expr>", "semver(\"x\") == null"));
  REQUIRE(prepare.size() == 1);
  CHECK(prepare[0].kind == cql::ErrorKind::Compile);
}

TEST_CASE("a chain of fields too deep for the stack is rejected cleanly", "[unit][check]") {
  std::string text = "custom(\"x\")";
  for (int i = 0; i < 3000; ++i) text += ".a";
  const auto d = first_error(text);
  CHECK(d.kind == cql::ErrorKind::Syntax);
  CHECK(d.message == "expression is nested too deeply (more than 1500 levels)");
}
