// Tab completion logic of the REPL (src/cli/completion*.cpp) over a small hand-built registry,
// so the expectations do not move when the standard library grows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "check/checker.hpp"
#include "cli/completion.hpp"

using namespace cql;
using namespace cql::cli;

namespace {

FunctionSpec global(std::string name, StaticType result, std::vector<ParamSpec> params = {}) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.result = result;
  spec.params = std::move(params);
  return spec;
}

FunctionSpec in_namespace(std::string ns, std::string name, StaticType result, std::vector<ParamSpec> params = {}) {
  FunctionSpec spec = global(std::move(name), result, std::move(params));
  spec.namespace_name = std::move(ns);
  return spec;
}

FunctionSpec method(StaticType receiver, std::string name, StaticType result, std::vector<ParamSpec> params = {},
                    bool property = false) {
  FunctionSpec spec = global(std::move(name), result, std::move(params));
  spec.receiver = receiver;
  spec.is_property = property;
  return spec;
}

ParamSpec param(std::string name, StaticType type, bool required = true) { return {std::move(name), type, required, {}}; }

Registry test_registry() {
  Registry r;
  r.add(global("custom", StaticType::Unknown, {param("key", StaticType::String)}));
  r.add(global("captures", StaticType::Unknown, {param("name", StaticType::String), param("value", StaticType::Unknown)}));
  r.add(global("duration", StaticType::Duration, {param("iso", StaticType::String)}));
  r.add(global("groups", StaticType::List));
  r.add(in_namespace("jira", "numOfIssues", StaticType::Int, {param("jql", StaticType::String, false)}));
  r.add(in_namespace("jira", "issues", StaticType::List, {param("jql", StaticType::String, false)}));
  r.add(in_namespace("entity", "tag", StaticType::String));
  r.add(in_namespace("entity", "descriptor", StaticType::Object));
  r.add(method(StaticType::String, "length", StaticType::Int, {}, true));
  r.add(method(StaticType::String, "matches", StaticType::Bool, {param("re", StaticType::String)}));
  r.add(method(StaticType::String, "split", StaticType::List, {param("sep", StaticType::String)}));
  r.add(method(StaticType::String, "toLowerCase", StaticType::String));
  r.add(method(StaticType::String, "contains", StaticType::Bool, {param("s", StaticType::String)}));
  r.add(method(StaticType::List, "length", StaticType::Int, {}, true));
  r.add(method(StaticType::List, "contains", StaticType::Bool, {param("v", StaticType::Unknown)}));
  r.add(method(StaticType::List, "first", StaticType::Unknown));
  r.add(method(StaticType::Object, "keys", StaticType::List));
  r.add(method(StaticType::Object, "length", StaticType::Int, {}, true));
  r.add(method(StaticType::Duration, "fromNow", StaticType::Duration));  // (deliberately odd: tests typing)
  r.add(method(StaticType::Number, "abs", StaticType::Number));
  NamespaceSpec git;
  git.name = "git";
  git.accepts_any_call = true;
  r.add_namespace(git);
  return r;
}

std::vector<std::string> inserts(const Completion& c) {
  std::vector<std::string> out;
  for (const auto& candidate : c.candidates) out.push_back(candidate.insert);
  return out;
}

}  // namespace

TEST_CASE("namespace functions after `jira.`, inserting `name(`", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  const Completion c = completer.complete("jira.");
  CHECK(inserts(c) == std::vector<std::string>{"issues(", "numOfIssues("});
  CHECK(c.word_begin == 5);
  const Completion partial = completer.complete("jira.num");
  CHECK(inserts(partial) == std::vector<std::string>{"numOfIssues("});
  CHECK(partial.word_begin == 5);
  CHECK(partial.candidates[0].label == "numOfIssues(jql?) -> int");
}

TEST_CASE("bare names: globals with `(`, namespaces with `.`, keywords", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  CHECK(inserts(completer.complete("c")) == std::vector<std::string>{"captures(", "custom("});
  CHECK(inserts(completer.complete("1 + j")) == std::vector<std::string>{"jira."});
  CHECK(inserts(completer.complete("g")) == std::vector<std::string>{"git.", "groups("});
  CHECK(inserts(completer.complete("x == n")) == std::vector<std::string>{"null"});
  const Completion all = completer.complete("");
  CHECK(all.word_begin == 0);
  CHECK(all.candidates.size() == 10);  // 4 globals, 3 namespaces (entity, git, jira), 3 keywords
}

TEST_CASE("methods by the receiver's static type", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  // A string literal: string methods only; `length` is a property (no parenthesis).
  CHECK(inserts(completer.complete("\"a,b\".")) ==
        std::vector<std::string>{"contains(", "length", "matches(", "split(", "toLowerCase("});
  // Through a chain: entity.tag() is a string, split() gives a list.
  // The lambda methods (filter, map, any, all, none) are the evaluator's own, not registry entries.
  CHECK(inserts(completer.complete("entity.tag().split(\",\").")) ==
        std::vector<std::string>{"all(", "any(", "contains(", "filter(", "first(", "length", "map(", "none("});
  CHECK(inserts(completer.complete("[1, 2].f")) == std::vector<std::string>{"filter(", "first("});
  CHECK(completer.complete("[1].filter(x => x > 0).ma").candidates.at(0).label == "map(f) -> list");
  // A lambda method's result type carries the chain on.
  CHECK(inserts(completer.complete("[1].any(x => x > 0).")).empty());
  CHECK(inserts(completer.complete("entity.descriptor().k")) == std::vector<std::string>{"keys("});
  // Numbers take Number methods; a double literal keeps its dot.
  CHECK(inserts(completer.complete("2.5.")) == std::vector<std::string>{"abs("});
  CHECK(inserts(completer.complete("duration(\"P1D\").")) == std::vector<std::string>{"fromNow("});
  // null has no members at all.
  CHECK(completer.complete("null.").candidates.empty());
}

TEST_CASE("an unknown receiver type offers every method once", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  const auto all = inserts(completer.complete("custom(\"x\")."));
  CHECK(all == std::vector<std::string>{"abs(", "all(", "any(", "contains(", "filter(", "first(", "fromNow(", "keys(",
                                        "length", "map(", "matches(", "none(", "split(", "toLowerCase("});
  CHECK(inserts(completer.complete("custom(\"x\").to")) == std::vector<std::string>{"toLowerCase("});
  // A lambda parameter's type is not known either.
  CHECK(inserts(completer.complete("groups().any((g) => g.k")) == std::vector<std::string>{"keys("});
}

TEST_CASE("the static type oracle wins over the simple inference", "[unit][completion]") {
  const Registry registry = test_registry();
  Completer completer(registry);
  std::string asked;
  completer.set_static_type_oracle([&](std::string_view expr) -> std::optional<StaticType> {
    asked = std::string(expr);
    if (expr == "custom(\"x\")") return StaticType::Object;
    return std::nullopt;
  });
  CHECK(inserts(completer.complete("1 + custom(\"x\").")) == std::vector<std::string>{"keys(", "length"});
  CHECK(asked == "custom(\"x\")");
  // When the oracle cannot type the text, the simple inference still applies.
  CHECK(inserts(completer.complete("\"s\".m")) == std::vector<std::string>{"matches("});
}

TEST_CASE("lambda parameters are offered as names", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  CHECK(inserts(completer.complete("groups().any((grp) => gr")) == std::vector<std::string>{"groups(", "grp"});
  CHECK(inserts(completer.complete("[1].any(item => it")) == std::vector<std::string>{"item"});
}

TEST_CASE("no completion inside strings, numbers and comments", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  CHECK(completer.complete("custom(\"jir").candidates.empty());
  CHECK(completer.complete("12").candidates.empty());
  CHECK(completer.complete("1 // jira.").candidates.empty());
  CHECK(completer.complete("1 /* jira.").candidates.empty());
}

TEST_CASE("a multi-line input completes on its last line with the earlier lines as context", "[unit][completion]") {
  const Registry registry = test_registry();
  const Completer completer(registry);
  const std::string text = "entity.tag()\n  .split(\",\")\n  .fi";
  const Completion c = completer.complete(text);
  CHECK(inserts(c) == std::vector<std::string>{"filter(", "first("});
  CHECK(c.word_begin == text.size() - 2);
  CHECK(c.common_prefix() == "fi");
}

TEST_CASE("meta commands, entity tags after `:entity ` and expressions after `:time `", "[unit][completion]") {
  const Registry registry = test_registry();
  Completer completer(registry);
  completer.set_entity_tags({"payments", "payments-team", "ledger"});
  CHECK(inserts(completer.complete(":e")) == std::vector<std::string>{":entity ", ":explain "});
  CHECK(inserts(completer.complete(":q")) == std::vector<std::string>{":quit"});
  const Completion tags = completer.complete(":entity pay");
  CHECK(inserts(tags) == std::vector<std::string>{"payments", "payments-team"});
  CHECK(tags.word_begin == 8);
  CHECK(tags.common_prefix() == "payments");
  CHECK(inserts(completer.complete(":entity ")) == std::vector<std::string>{"ledger", "payments", "payments-team"});
  const Completion expr = completer.complete(":time jira.n");
  CHECK(inserts(expr) == std::vector<std::string>{"numOfIssues("});
  CHECK(expr.word_begin == 11);
  CHECK(inserts(completer.complete(":help ex")) == std::vector<std::string>{"explain"});
  CHECK(inserts(completer.complete(":now r")) == std::vector<std::string>{"real"});
  CHECK(completer.complete(":quit ").candidates.empty());
  CHECK(completer.complete(":nosuch x").candidates.empty());
}

TEST_CASE("file arguments complete paths, directories end with a slash", "[unit][completion]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cql-completion-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "catalog");
  std::ofstream(dir / "issues.json") << "[]";
  std::ofstream(dir / "issues-old.json") << "[]";
  std::ofstream(dir / ".hidden") << "";
  const Registry registry = test_registry();
  Completer completer(registry);
  completer.set_base_directory(dir.string());
  completer.set_entity_tags({"cat"});
  CHECK(inserts(completer.complete(":issues iss")) == std::vector<std::string>{"issues-old.json", "issues.json"});
  CHECK(inserts(completer.complete(":catalog ")) ==
        std::vector<std::string>{"catalog/", "issues-old.json", "issues.json"});
  CHECK(inserts(completer.complete(":catalog .h")) == std::vector<std::string>{".hidden"});
  // :entity prefers tags; a path-looking argument or no matching tag means files.
  CHECK(inserts(completer.complete(":entity ca")) == std::vector<std::string>{"cat"});
  CHECK(inserts(completer.complete(":entity ./ca")) == std::vector<std::string>{"./catalog/"});
  CHECK(inserts(completer.complete(":entity iss")) == std::vector<std::string>{"issues-old.json", "issues.json"});
  const auto absolute = complete_path((dir / "cat").string(), "");
  REQUIRE(absolute.size() == 1);
  CHECK(absolute[0].insert == (dir / "catalog/").string());
  CHECK(absolute[0].label == "catalog/");
  fs::remove_all(dir);
}

TEST_CASE("completion over the standard registry", "[unit][completion]") {
  const Registry registry = Registry::standard();
  const Completer completer(registry);
  CHECK(inserts(completer.complete("jira.")) == std::vector<std::string>{"issues(", "numOfIssues("});
  const auto string_methods = inserts(completer.complete("\"x\"."));
  for (const char* m : {"matches(", "matchesIn(", "contains(", "startsWith(", "split(", "length"}) {
    INFO(m);
    CHECK(std::find(string_methods.begin(), string_methods.end(), m) != string_methods.end());
  }
  // A list from a namespace function: list methods, including the evaluator's lambda methods.
  const auto list_methods = inserts(completer.complete("ownership.allOwners()."));
  for (const char* m : {"filter(", "map(", "any(", "all(", "none(", "anyMatch(", "length"}) {
    INFO(m);
    CHECK(std::find(list_methods.begin(), list_methods.end(), m) != list_methods.end());
  }
  CHECK(std::find(list_methods.begin(), list_methods.end(), "toLowerCase(") == list_methods.end());
  CHECK(inserts(completer.complete("entity.ta")) == std::vector<std::string>{"tag("});
}

TEST_CASE("completion's lambda methods are exactly the ones the checker implements", "[unit][completion]") {
  const Registry registry;
  const Completer completer(registry);
  const auto methods = inserts(completer.complete("[1]."));
  REQUIRE(methods == std::vector<std::string>{"all(", "any(", "filter(", "map(", "none("});
  for (const std::string& m : methods) {
    INFO(m);
    CHECK(check::is_lambda_method(m.substr(0, m.size() - 1)));
  }
}

TEST_CASE("named arguments at the start of an argument", "[unit][completion]") {
  Registry registry = test_registry();
  FunctionSpec created = in_namespace("entity", "created", StaticType::Unknown, {param("asTimestamp", StaticType::Bool, false)});
  registry.add(created);
  registry.add(in_namespace("git", "numOfVulnerabilities", StaticType::Int,
                            {param("severity", StaticType::List, false), param("source", StaticType::List, false)}));
  const Completer completer(registry);
  CHECK(inserts(completer.complete("entity.created(as")) == std::vector<std::string>{"asTimestamp = "});
  CHECK(completer.complete("entity.created(").candidates.front().label == "asTimestamp = (bool)");
  // A parameter already named is not offered again; nested calls do not confuse the count.
  CHECK(inserts(completer.complete("git.numOfVulnerabilities(severity = [\"HIGH\"], s")) ==
        std::vector<std::string>{"source = "});
  CHECK(inserts(completer.complete("git.numOfVulnerabilities(source = custom(\"a\"), s")) ==
        std::vector<std::string>{"severity = "});
  // Methods resolve through the receiver's type; lambda parameters are never named.
  CHECK(inserts(completer.complete("\"a\".split(s")) == std::vector<std::string>{"sep = "});
  CHECK(inserts(completer.complete("[1].filter(p")).empty());
  // Only at the start of an argument, and not after `==`.
  CHECK(inserts(completer.complete("entity.created(1 + as")).empty());
  CHECK(inserts(completer.complete("custom(key == k")).empty());
}
