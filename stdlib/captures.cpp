// captures(name, value) (spec/cql.md §6): records a value for the rule's failure message.
#include "cql/registry.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {

void register_captures(Registry& registry) {
  registry.add(stdlib::global(
      "captures", {stdlib::param("name", StaticType::String), stdlib::param("value", StaticType::Unknown)},
      StaticType::Unknown, "returns value and records it under name for the rule's failure message",
      [](CallContext& ctx, std::span<const Value> args) {
        ctx.capture(args[0].as_string(), args[1]);
        return args[1];
      },
      {.pure = false}));  // the recording is a side effect: never constant-folded away
}

}  // namespace cql
