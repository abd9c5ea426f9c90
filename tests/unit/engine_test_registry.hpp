#pragma once
// A registry for engine tests: the standard families plus small test namespaces that stand
// in for the entity, facts-backed and embedder namespaces, so the engine's tests need no
// catalog or facts loader.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cql/engine.hpp"
#include "cql/entity.hpp"
#include "cql/time.hpp"

namespace cql::test {

// Canonical call texts answered by the `git` fallback, and its canned answers.
struct FactsLog {
  std::mutex mutex;
  std::vector<std::string> calls;
  std::map<std::string, Value> answers;
};

inline std::shared_ptr<FactsLog> facts_log() {
  static auto log = std::make_shared<FactsLog>();
  return log;
}

inline ParamSpec param(std::string name, StaticType type, bool required = true, Value default_value = Value()) {
  ParamSpec p;
  p.name = std::move(name);
  p.type = type;
  p.required = required;
  p.default_value = std::move(default_value);
  return p;
}

inline Registry test_registry() {
  Registry registry = Registry::standard();

  FunctionSpec custom;  // custom(key): the entity's custom-data field, as the entity family does
  custom.name = "custom";
  custom.params = {param("key", StaticType::String)};
  custom.pure = false;
  custom.function = [](CallContext& ctx, std::span<const Value> args) -> Value {
    const Value& data = ctx.entity().custom;
    if (data.type() != Type::Object) return Value();
    const Value* v = data.as_object().find(args[0].as_string());
    return v ? *v : Value();
  };
  registry.add(custom);

  FunctionSpec tag;  // entity.tag()
  tag.name = "tag";
  tag.namespace_name = "entity";
  tag.result = StaticType::String;
  tag.pure = false;
  tag.function = [](CallContext& ctx, std::span<const Value>) { return Value(ctx.entity().tag); };
  registry.add(tag);

  FunctionSpec description = tag;  // entity.description(): a string or null
  description.name = "description";
  description.function = [](CallContext& ctx, std::span<const Value>) {
    return ctx.entity().description ? Value(*ctx.entity().description) : Value();
  };
  registry.add(description);

  FunctionSpec has_group;  // hasGroup(name)
  has_group.name = "hasGroup";
  has_group.params = {param("name", StaticType::String)};
  has_group.result = StaticType::Bool;
  has_group.pure = false;
  has_group.function = [](CallContext& ctx, std::span<const Value> args) {
    for (const auto& g : ctx.entity().groups) {
      if (g == args[0].as_string()) return Value(true);
    }
    return Value(false);
  };
  registry.add(has_group);

  // `git`: declared-only functions answered by a fallback; present when the entity's tag is
  // not "bare". `numOfVulnerabilities` has only optional (named) parameters.
  auto log = facts_log();
  NamespaceSpec git;
  git.name = "git";
  git.is_present = [](CallContext& ctx) { return ctx.entity().tag != "bare"; };
  git.fallback = [log](CallContext&, const std::string& call) -> Value {
    std::lock_guard lock(log->mutex);
    log->calls.push_back(call);
    auto it = log->answers.find(call);
    if (it == log->answers.end()) fail(ErrorKind::Provider, "no fact for git." + call);
    return it->second;
  };
  registry.add_namespace(git);
  FunctionSpec file_exists;
  file_exists.name = "fileExists";
  file_exists.namespace_name = "git";
  file_exists.params = {param("path", StaticType::String)};
  file_exists.result = StaticType::Bool;
  registry.add(file_exists);
  FunctionSpec vulnerabilities;
  vulnerabilities.name = "numOfVulnerabilities";
  vulnerabilities.namespace_name = "git";
  vulnerabilities.params = {param("severity", StaticType::List, false), param("source", StaticType::List, false)};
  registry.add(vulnerabilities);

  // `acme`: an embedder namespace that accepts any call.
  NamespaceSpec acme;
  acme.name = "acme";
  acme.accepts_any_call = true;
  acme.fallback = [](CallContext&, const std::string& call) { return Value("acme:" + call); };
  registry.add_namespace(acme);

  return registry;
}

inline Engine test_engine(const Limits& limits = {}) { return EngineBuilder(test_registry()).limits(limits).build(); }

inline Entity test_entity() {
  Entity e;
  e.tag = "payments";
  e.groups = {"tier-1", "pci"};
  e.custom = Value(Object({{"tier", Value(1)},
                           {"owner", Value("team-a")},
                           {"slo", Value(Object({{"availability", Value(99.95)}}))},
                           {"regions", Value(List{Value("us-east-1"), Value("eu-west-1")})},
                           {"window", Value("P3D")},
                           {"nothing", Value()}}));
  return e;
}

inline Timestamp test_now() { return *parse_timestamp("2026-06-01T12:00:00Z"); }

// Compiles and evaluates; a compile error fails the test through the returned result.
inline EvalResult run(const std::string& text, const Entity& entity = test_entity(), const Limits& limits = {}) {
  auto program = test_engine(limits).compile(text);
  if (!program) {
    EvalResult r;
    r.error = program.error();
    return r;
  }
  EvalContext ctx(entity);
  ctx.now = test_now();
  ctx.limits = limits;
  return program.value().evaluate(ctx);
}

// The first compile diagnostic's message, or "" when the text compiles.
inline std::string compile_error(const std::string& text) {
  auto program = test_engine().compile(text);
  return program ? std::string() : program.error().message;
}

}  // namespace cql::test
