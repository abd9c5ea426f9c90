#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
Registry all_families() {
  Registry registry;
  register_strings(registry);
  register_lists(registry);
  register_objects(registry);
  register_time(registry);
  register_semver(registry);
  register_regex(registry);
  register_jq(registry);
  register_captures(registry);
  return registry;
}

struct Expected {
  const char* name;
  std::optional<StaticType> receiver;
  std::size_t params;
  StaticType result;
  bool property;
  bool extension;
};
}  // namespace

TEST_CASE("every stdlib function is registered with its exact signature", "[unit][stdlib][registry]") {
  using S = StaticType;
  const Expected table[] = {
      {"length", S::String, 0, S::Int, true, false},      {"contains", S::String, 1, S::Bool, false, true},
      {"startsWith", S::String, 1, S::Bool, false, true}, {"endsWith", S::String, 1, S::Bool, false, true},
      {"toLowerCase", S::String, 0, S::String, false, true}, {"toUpperCase", S::String, 0, S::String, false, true},
      {"trim", S::String, 0, S::String, false, true},     {"split", S::String, 1, S::List, false, true},
      {"matches", S::String, 1, S::Bool, false, false},   {"matchesIn", S::String, 1, S::Bool, false, false},
      {"anyMatch", S::List, 1, S::Bool, false, false},    {"length", S::List, 0, S::Int, true, false},
      {"contains", S::List, 1, S::Bool, false, true},     {"first", S::List, 0, S::Unknown, false, true},
      {"last", S::List, 0, S::Unknown, false, true},      {"sum", S::List, 0, S::Number, false, true},
      {"average", S::List, 0, S::Unknown, false, false},  {"min", S::List, 0, S::Unknown, false, true},
      {"max", S::List, 0, S::Unknown, false, true},       {"distinct", S::List, 0, S::List, false, true},
      {"sort", S::List, 0, S::List, false, true},         {"join", S::List, 1, S::String, false, true},
      {"length", S::Object, 0, S::Int, true, false},      {"get", S::Object, 1, S::Unknown, false, false},
      {"keys", S::Object, 0, S::List, false, true},       {"values", S::Object, 0, S::List, false, true},
      {"duration", std::nullopt, 1, S::Duration, false, false},
      {"timestamp", std::nullopt, 1, S::Timestamp, false, true},
      {"now", std::nullopt, 0, S::Timestamp, false, true},
      {"fromNow", S::Timestamp, 0, S::Duration, false, false},
      {"freshness", S::Timestamp, 0, S::Duration, true, false},
      {"semver", std::nullopt, 1, S::Semver, false, false},
      {"major", S::Semver, 0, S::Int, true, false},       {"minor", S::Semver, 0, S::Int, true, false},
      {"patch", S::Semver, 0, S::Int, true, false},       {"isStable", S::Semver, 0, S::Bool, false, false},
      {"jq", std::nullopt, 2, S::Unknown, false, false},  {"captures", std::nullopt, 2, S::Unknown, false, false},
  };
  const Registry registry = all_families();
  CHECK(registry.functions().size() == std::size(table));
  for (const Expected& e : table) {
    INFO(e.name << " on " << (e.receiver ? static_type_name(*e.receiver) : "(global)"));
    const FunctionSpec& spec = find_function(registry, e.name, e.receiver);
    CHECK(spec.params.size() == e.params);
    CHECK(spec.result == e.result);
    CHECK(spec.is_property == e.property);
    CHECK(spec.extension == e.extension);
    CHECK(spec.function);
    CHECK_FALSE(spec.summary.empty());
    for (const ParamSpec& p : spec.params) CHECK(p.required);
  }
  // Clock-dependent and recording functions are never constant-folded.
  std::set<std::string> impure;
  for (const FunctionSpec& spec : registry.functions()) {
    if (!spec.pure) impure.insert(spec.name);
  }
  CHECK(impure == std::set<std::string>{"now", "fromNow", "freshness", "captures"});
}
