#pragma once
// A CallContext for calling entity and integration natives directly, without the evaluator.
#include <catch2/catch.hpp>

#include <span>
#include <string_view>
#include <vector>

#include "cql/entity.hpp"
#include "cql/facts.hpp"
#include "cql/registry.hpp"

namespace cql::test {

class EntityContext : public CallContext {
 public:
  EntityContext(const Entity& entity, const Catalog* catalog = nullptr, const Facts* facts = nullptr)
      : entity_(entity), catalog_(catalog), facts_(facts) {}

  Timestamp now() const override { return Timestamp{0}; }
  const Entity& entity() const override { return entity_; }
  const Catalog* catalog() const override { return catalog_; }
  IssueSource* issue_source() const override { return nullptr; }
  const JiraSettings* jira_settings() const override { return nullptr; }
  const Facts* facts() const override { return facts_; }
  void capture(std::string_view, const Value&) override {}
  void charge_steps(std::uint64_t) override {}
  void check_list_size(std::size_t) override {}
  void check_string_size(std::size_t) override {}
  const void* prepared() const override { return nullptr; }

 private:
  const Entity& entity_;
  const Catalog* catalog_;
  const Facts* facts_;
};

// Calls `ns.name(args)` (ns empty: a global function) with the parameters' defaults filled in,
// as the evaluator's adapter does.
inline Value call(const Registry& registry, CallContext& ctx, std::string_view ns, std::string_view name,
                  std::vector<Value> args = {}) {
  const FunctionSpec* spec = ns.empty() ? registry.global(name) : registry.in_namespace(ns, name);
  REQUIRE(spec != nullptr);
  REQUIRE(spec->function);
  for (std::size_t i = args.size(); i < spec->params.size(); ++i) args.push_back(spec->params[i].default_value);
  return spec->function(ctx, std::span<const Value>(args));
}

}  // namespace cql::test
