// The vendor's other integrations (spec/scorecards.md §2): their functions are declared here
// (name and parameters, no native) so the checker catches `git.fileExist(...)` without data;
// at run time the evaluator hands each call's canonical text to the namespace's fallback,
// which answers it from the facts.
//
// Parameters written with `=` in the spec's table are optional (named); the others required
// (positional). The evaluator's canonical text follows the same split, so a facts key is
// written `metric("coverage")` and `deploys(lookback = duration("P7D"))`.
#include <fmt/format.h>

#include "cql/entity.hpp"
#include "cql/facts.hpp"
#include "stdlib/facts_answer.hpp"
#include "stdlib/families.hpp"

namespace cql {

namespace {

ParamSpec required(std::string name, StaticType type) { return ParamSpec{std::move(name), type, true, Value()}; }
ParamSpec named(std::string name, StaticType type = StaticType::Unknown) {
  return ParamSpec{std::move(name), type, false, Value()};
}

void declare(Registry& registry, std::string ns, std::string name, std::vector<ParamSpec> params, std::string summary) {
  FunctionSpec f;
  f.namespace_name = std::move(ns);
  f.name = std::move(name);
  f.params = std::move(params);
  f.result = StaticType::Unknown;  // facts are data: any JSON value (spec/cql.md §10)
  f.pure = false;
  f.summary = std::move(summary);
  registry.add(std::move(f));
}

// The namespace's data for the current entity comes from the facts.
NamespaceSpec facts_namespace(std::string name, bool accepts_any_call) {
  NamespaceSpec ns;
  ns.name = name;
  ns.accepts_any_call = accepts_any_call;
  ns.is_present = [name](CallContext& ctx) {
    const Facts* facts = ctx.facts();
    return facts != nullptr && facts->has_namespace(ctx.entity().tag, name);
  };
  ns.fallback = [name](CallContext& ctx, const std::string& call) { return answer_from_facts(ctx, name, call); };
  return ns;
}

void declare_git(Registry& r) {
  const auto vulnerability_filters = [] {
    return std::vector<ParamSpec>{named("severity"), named("source"), named("reportType")};
  };
  declare(r, "git", "fileExists", {required("path", StaticType::String)}, "whether the repository has the file");
  declare(r, "git", "fileContents", {required("path", StaticType::String)}, "the text of a file in the repository");
  declare(r, "git", "defaultBranch", {}, "the repository's default branch");
  declare(r, "git", "codeSearch", {named("query", StaticType::String), named("regex")}, "code search results");
  declare(r, "git", "numOfVulnerabilities", vulnerability_filters(), "the number of open vulnerabilities");
  declare(r, "git", "vulnerabilities", vulnerability_filters(), "the open vulnerabilities");
  declare(r, "git", "hasCodeScan", {}, "whether code scanning is set up");
  declare(r, "git", "pullRequests", {}, "the repository's pull requests");
  declare(r, "git", "lastCommit", {}, "the last commit");
  declare(r, "git", "branchProtection", {}, "the default branch's protection rules");
  declare(r, "git", "numOfRequiredApprovals", {}, "approvals required to merge");
}

void declare_services(Registry& r) {
  declare(r, "sonarqube", "metric", {required("key", StaticType::String)}, "a SonarQube metric");
  declare(r, "sonarqube", "freshness", {}, "time since the last SonarQube analysis");
  declare(r, "sonarqube", "issues", {}, "SonarQube issues");
  declare(r, "snyk", "numOfIssues", {}, "the number of Snyk issues");
  declare(r, "snyk", "issues", {}, "Snyk issues");
  declare(r, "datadog", "monitors", {}, "Datadog monitors");
  declare(r, "codecov", "codeCoverage", {}, "Codecov code coverage");
  declare(r, "sentry", "numOfIssues", {}, "the number of Sentry issues");
  declare(r, "openapi", "numOfPaths", {}, "the number of paths in the OpenAPI spec");
  declare(r, "oncall", "analysis", {named("lookback", StaticType::Duration)}, "on-call analysis over a lookback window");
  declare(r, "oncall", "currentOncall", {}, "who is on call");
  for (const char* fn : {"destinations", "sources"}) {
    declare(r, "entity", fn, {named("relationshipType", StaticType::String), named("depth", StaticType::Int)},
            fmt::format("related entities ({})", fn));
  }
}

void declare_globals(Registry& r) {
  declare(r, "", "deploys", {named("lookback", StaticType::Duration), named("types")}, "deploys in a lookback window");
  declare(r, "", "customMetrics", {named("key", StaticType::String), named("lookback", StaticType::Duration)},
          "custom metric data points");
  declare(r, "", "customEvents", {named("lookback", StaticType::Duration), named("types")}, "custom events");
  declare(r, "", "verifications", {}, "scorecard verifications");
  declare(r, "", "slos", {}, "service level objectives");
}

}  // namespace

Value answer_from_facts(CallContext& ctx, const std::string& ns, const std::string& call) {
  const Facts* facts = ctx.facts();
  const std::string& tag = ctx.entity().tag;
  const std::string text = ns.empty() ? call : ns + "." + call;
  if (facts == nullptr) fail(ErrorKind::Provider, fmt::format("`{}` has no data for entity `{}` (no facts loaded)", text, tag));
  if (const Value* value = facts->lookup(tag, ns, call)) return *value;
  fail(ErrorKind::Provider, fmt::format("`{}` has no data for entity `{}` in the facts", text, tag));
}

void register_integrations(Registry& registry) {
  declare_git(registry);
  declare_services(registry);
  declare_globals(registry);
  for (const char* ns : {"git", "sonarqube", "snyk", "datadog", "codecov", "sentry", "openapi", "oncall", "k8s", "slack"}) {
    registry.add_namespace(facts_namespace(ns, false));
  }
  // Declared-only globals (`deploys(...)`) are answered by the namespace with the empty name;
  // it is not a namespace a rule can name, so it does not accept unknown calls.
  registry.add_namespace(facts_namespace("", false));
}

void register_fact_namespaces(Registry& registry, const Facts& facts) {
  for (const auto& name : facts.namespaces()) {
    if (registry.find_namespace(name) == nullptr) registry.add_namespace(facts_namespace(name, true));
  }
}

}  // namespace cql
