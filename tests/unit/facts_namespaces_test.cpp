// The vendor integration catalog (spec/scorecards.md §2): declared functions, namespaces whose
// presence and answers come from the facts.
#include <catch2/catch.hpp>

#include "cql/catalog.hpp"
#include "stdlib/families.hpp"
#include "unit/catalog_temp_dir.hpp"
#include "unit/entity_test_context.hpp"

using namespace cql;
using test::EntityContext;

namespace {

const std::string kSuiteFacts = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite/facts.yaml";

Registry integrations() {
  Registry registry;
  register_entity(registry);
  register_integrations(registry);
  return registry;
}

const Facts& suite_facts() {
  static const Facts::Load load = Facts::load(kSuiteFacts);
  return load.facts;
}

Entity entity_with_tag(std::string tag) {
  Entity e;
  e.tag = std::move(tag);
  prepare_values(e);
  return e;
}

// The fallback's answer, or the provider failure's message prefixed with "provider: ".
std::string answer(const Registry& registry, CallContext& ctx, const std::string& ns, const std::string& call) {
  const NamespaceSpec* spec = registry.find_namespace(ns);
  REQUIRE(spec != nullptr);
  REQUIRE(spec->fallback);
  try {
    return to_cql_literal(spec->fallback(ctx, call));
  } catch (const EvalFailure& failure) {
    return std::string(kind_name(failure.kind)) + ": " + failure.message;
  }
}

}  // namespace

TEST_CASE("the vendor functions are declared with their parameters", "[unit][facts]") {
  const Registry registry = integrations();
  const FunctionSpec* exists = registry.in_namespace("git", "fileExists");
  REQUIRE(exists != nullptr);
  CHECK_FALSE(exists->function);  // declared only: answered by the namespace's fallback
  REQUIRE(exists->params.size() == 1);
  CHECK(exists->params[0].name == "path");
  CHECK(exists->params[0].required);
  const FunctionSpec* vulns = registry.in_namespace("git", "numOfVulnerabilities");
  REQUIRE(vulns != nullptr);
  REQUIRE(vulns->params.size() == 3);
  for (const auto& p : vulns->params) CHECK_FALSE(p.required);
  CHECK(vulns->params[0].name == "severity");
  const FunctionSpec* analysis = registry.in_namespace("oncall", "analysis");
  REQUIRE(analysis != nullptr);
  CHECK(analysis->params[0].type == StaticType::Duration);
  CHECK(registry.in_namespace("git", "fileExist") == nullptr);  // the typo the checker catches
  for (const char* global : {"deploys", "customMetrics", "customEvents", "verifications", "slos"}) {
    const FunctionSpec* spec = registry.global(global);
    REQUIRE(spec != nullptr);
    CHECK_FALSE(spec->function);
  }
  CHECK(registry.in_namespace("entity", "destinations") != nullptr);
  CHECK(registry.in_namespace("entity", "sources")->params[1].name == "depth");
  for (const char* ns : {"git", "sonarqube", "snyk", "datadog", "codecov", "sentry", "openapi", "oncall", "k8s", "slack", ""}) {
    const NamespaceSpec* spec = registry.find_namespace(ns);
    REQUIRE(spec != nullptr);
    CHECK_FALSE(spec->accepts_any_call);
  }
}

TEST_CASE("a namespace is present when the entity has facts for it", "[unit][facts]") {
  const Registry registry = integrations();
  const Entity payments = entity_with_tag("payments");
  const Entity checkout = entity_with_tag("checkout-web");
  const Entity fraud = entity_with_tag("fraud-check");
  EntityContext with_git(payments, nullptr, &suite_facts());
  EntityContext without_oncall(checkout, nullptr, &suite_facts());
  EntityContext empty_namespace(fraud, nullptr, &suite_facts());
  EntityContext no_facts(payments);
  CHECK(registry.find_namespace("git")->is_present(with_git));
  CHECK_FALSE(registry.find_namespace("oncall")->is_present(without_oncall));
  CHECK(registry.find_namespace("sonarqube")->is_present(empty_namespace));
  CHECK_FALSE(registry.find_namespace("git")->is_present(no_facts));
  CHECK_FALSE(registry.find_namespace("k8s")->is_present(with_git));
}

TEST_CASE("calls are answered from the facts, a missing call is a provider error", "[unit][facts]") {
  const Registry registry = integrations();
  const Entity payments = entity_with_tag("payments");
  EntityContext ctx(payments, nullptr, &suite_facts());
  CHECK(answer(registry, ctx, "git", "fileExists(\"README.md\")") == "true");
  CHECK(answer(registry, ctx, "sonarqube", "metric(\"coverage\")") == "87.5");
  CHECK(answer(registry, ctx, "git", "fileExists(\"Dockerfile\")") ==
        "provider: `git.fileExists(\"Dockerfile\")` has no data for entity `payments` in the facts");
  EntityContext no_facts(payments);
  CHECK(answer(registry, no_facts, "git", "lastCommit()") ==
        "provider: `git.lastCommit()` has no data for entity `payments` (no facts loaded)");
}

TEST_CASE("global calls and entity.destinations are answered from the facts too", "[unit][facts]") {
  test::TempDir dir;
  const Facts::Load load = Facts::load(dir.write("f.yaml",
                                                 "svc:\n"
                                                 "  'deploys(lookback = duration(\"P7D\"))': [{type: DEPLOY}]\n"
                                                 "  entity:\n"
                                                 "    'destinations(depth = 2)': [a, b]\n"));
  REQUIRE(load.problems.empty());
  const Registry registry = integrations();
  const Entity svc = entity_with_tag("svc");
  EntityContext ctx(svc, nullptr, &load.facts);
  CHECK(answer(registry, ctx, "", "deploys(lookback = duration(\"P7D\"))") == "[{\"type\": \"DEPLOY\"}]");
  CHECK(answer(registry, ctx, "", "slos()") == "provider: `slos()` has no data for entity `svc` in the facts");
  CHECK(answer(registry, ctx, "entity", "destinations(depth = 2)") == "[\"a\", \"b\"]");
  CHECK(answer(registry, ctx, "entity", "sources()") ==
        "provider: `entity.sources()` has no data for entity `svc` in the facts");
  // The entity namespace stays present without facts.
  EntityContext no_facts(svc);
  CHECK(registry.find_namespace("entity")->is_present(no_facts));
}

TEST_CASE("namespaces only in the facts accept any call", "[unit][facts]") {
  test::TempDir dir;
  const Facts::Load load = Facts::load(dir.write("f.yaml",
                                                 "svc:\n"
                                                 "  git: {'defaultBranch()': main}\n"
                                                 "  pagerduty: {'incidents(days = 30)': 2}\n"));
  REQUIRE(load.problems.empty());
  Registry registry = integrations();
  const NamespaceSpec* git_before = registry.find_namespace("git");
  register_fact_namespaces(registry, load.facts);
  CHECK(registry.find_namespace("git") == git_before);  // the vendor namespace is kept
  CHECK_FALSE(registry.find_namespace("git")->accepts_any_call);
  const NamespaceSpec* pagerduty = registry.find_namespace("pagerduty");
  REQUIRE(pagerduty != nullptr);
  CHECK(pagerduty->accepts_any_call);
  const Entity svc = entity_with_tag("svc");
  const Entity other = entity_with_tag("other");
  EntityContext ctx(svc, nullptr, &load.facts);
  EntityContext other_ctx(other, nullptr, &load.facts);
  CHECK(pagerduty->is_present(ctx));
  CHECK_FALSE(pagerduty->is_present(other_ctx));
  CHECK(answer(registry, ctx, "pagerduty", "incidents(days = 30)") == "2");
}
