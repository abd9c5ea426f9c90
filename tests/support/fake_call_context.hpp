#pragma once
// A CallContext for unit tests of native functions: a fixed clock, an empty entity, recorded
// captures, configurable limits, and the prepared state of the call under test.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cql/entity.hpp"
#include "cql/registry.hpp"

namespace cql::testing {

class FakeCallContext : public CallContext {
 public:
  Timestamp clock{0};
  Entity current_entity;
  std::vector<std::pair<std::string, Value>> captured;
  std::uint64_t steps = 0;
  std::uint64_t max_steps = 1'000'000;
  std::size_t max_list = 1'000'000;
  std::size_t max_string = 16u << 20;
  std::shared_ptr<const void> prepared_state;

  Timestamp now() const override { return clock; }
  const Entity& entity() const override { return current_entity; }
  const Catalog* catalog() const override { return nullptr; }
  IssueSource* issue_source() const override { return nullptr; }
  const JiraSettings* jira_settings() const override { return nullptr; }
  const Facts* facts() const override { return nullptr; }
  void capture(std::string_view name, const Value& value) override { captured.emplace_back(std::string(name), value); }
  void charge_steps(std::uint64_t n) override {
    steps += n;
    if (steps > max_steps) fail(ErrorKind::Eval, "evaluation step limit exceeded");
  }
  void check_list_size(std::size_t elements) override {
    if (elements > max_list) fail(ErrorKind::Eval, "list size limit exceeded");
  }
  void check_string_size(std::size_t bytes) override {
    if (bytes > max_string) fail(ErrorKind::Eval, "string size limit exceeded");
  }
  const void* prepared() const override { return prepared_state.get(); }
};

// The registered spec with this name and receiver (nullopt: a global function).
inline const FunctionSpec& find_function(const Registry& registry, std::string_view name,
                                         std::optional<StaticType> receiver) {
  for (const FunctionSpec& spec : registry.functions()) {
    if (spec.name == name && spec.receiver == receiver && spec.namespace_name.empty()) return spec;
  }
  throw std::logic_error("no such function registered: " + std::string(name));
}

// Calls a registered native the way the evaluator does: prepare() sees the arguments listed in
// `constant` (all of them by default; the receiver counts as argument 0), a prepare error is
// thrown as a Compile EvalFailure, then the native runs with the prepared state.
inline Value call_native(const FunctionSpec& spec, FakeCallContext& ctx, const std::vector<Value>& args,
                         std::optional<std::vector<bool>> constant = std::nullopt) {
  ctx.prepared_state.reset();
  if (spec.prepare) {
    std::vector<std::optional<Value>> constants;
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (!constant || (*constant)[i]) constants.emplace_back(args[i]);
      else constants.emplace_back(std::nullopt);
    }
    PrepareResult prepared = spec.prepare(constants);
    if (prepared.error) throw EvalFailure{ErrorKind::Compile, *prepared.error};
    ctx.prepared_state = prepared.state;
  }
  return spec.function(ctx, args);
}

// The failure a call raises, or nullopt when it succeeds.
inline std::optional<EvalFailure> failure_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const EvalFailure& failure) {
    return failure;
  }
  return std::nullopt;
}

}  // namespace cql::testing
