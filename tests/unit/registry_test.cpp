#include <catch2/catch.hpp>

#include "cql/registry.hpp"

namespace {

cql::FunctionSpec function(std::string name, std::string ns = "", std::optional<cql::StaticType> receiver = {}) {
  cql::FunctionSpec spec;
  spec.name = std::move(name);
  spec.namespace_name = std::move(ns);
  spec.receiver = receiver;
  return spec;
}

}  // namespace

TEST_CASE("registry finds globals, namespace functions and methods by kind", "[unit][registry]") {
  cql::Registry registry;
  registry.add(function("custom"));
  registry.add(function("tag", "entity"));
  registry.add(function("contains", "", cql::StaticType::String));
  registry.add(function("contains", "", cql::StaticType::List));

  REQUIRE(registry.global("custom") != nullptr);
  CHECK(registry.global("tag") == nullptr);  // a namespace function is not a global
  REQUIRE(registry.in_namespace("entity", "tag") != nullptr);
  CHECK(registry.in_namespace("entity", "custom") == nullptr);
  CHECK(registry.global("contains") == nullptr);  // methods are not globals
  CHECK(registry.methods("contains").size() == 2);
  CHECK(registry.methods("custom").empty());
}

TEST_CASE("a later registration of the same function replaces the earlier one", "[unit][registry]") {
  cql::Registry registry;
  auto first = function("metric", "sonarqube");
  first.summary = "first";
  auto second = function("metric", "sonarqube");
  second.summary = "second";
  registry.add(first);
  registry.add(second);
  registry.add(function("metric", "other"));

  CHECK(registry.functions().size() == 2);
  CHECK(registry.in_namespace("sonarqube", "metric")->summary == "second");
}

TEST_CASE("registry namespaces are found by name and replaced by a later one", "[unit][registry]") {
  cql::Registry registry;
  cql::NamespaceSpec git;
  git.name = "git";
  registry.add_namespace(git);
  git.accepts_any_call = true;
  registry.add_namespace(git);
  cql::NamespaceSpec globals;  // the fallback for declared-only global functions
  registry.add_namespace(globals);

  REQUIRE(registry.find_namespace("git") != nullptr);
  CHECK(registry.find_namespace("git")->accepts_any_call);
  CHECK(registry.find_namespace("") != nullptr);
  CHECK(registry.find_namespace("jira") == nullptr);
  CHECK(registry.namespaces().size() == 2);
}

TEST_CASE("fail throws an EvalFailure with the kind and message", "[unit][registry]") {
  try {
    cql::fail(cql::ErrorKind::Provider, "no data");
    FAIL("fail() returned");
  } catch (const cql::EvalFailure& f) {
    CHECK(f.kind == cql::ErrorKind::Provider);
    CHECK(f.message == "no data");
  }
}

TEST_CASE("static type names", "[unit][registry]") {
  CHECK(cql::static_type_name(cql::StaticType::Unknown) == "unknown");
  CHECK(cql::static_type_name(cql::StaticType::Number) == "number");
  CHECK(cql::static_type_name(cql::StaticType::Timestamp) == "timestamp");
  CHECK(cql::static_type_name(cql::StaticType::Lambda) == "lambda");
}
