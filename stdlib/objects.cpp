// Object methods (spec/cql.md §5). Field access and the getter rule (`.name()` reading a field)
// are the evaluator's; so is the rule that a field named like a built-in wins (§11).
#include <cstdint>

#include "cql/registry.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {

void register_objects(Registry& registry) {
  using stdlib::method;
  using stdlib::param;
  constexpr auto O = StaticType::Object;
  constexpr stdlib::SpecOptions kExtension{.extension = true};

  registry.add(stdlib::property("length", O, StaticType::Int, "number of keys",
                                [](CallContext&, std::span<const Value> args) {
                                  return Value(static_cast<std::int64_t>(args[0].as_object().size()));
                                }));
  registry.add(method("get", O, {param("key", StaticType::String)}, StaticType::Unknown,
                      "the value under key (any key, including ones that are not identifiers), or null",
                      [](CallContext&, std::span<const Value> args) {
                        const Value* v = args[0].as_object().find(args[1].as_string());
                        return v != nullptr ? *v : Value();
                      }));
  registry.add(method("keys", O, {}, StaticType::List, "the keys in insertion order",
                      [](CallContext&, std::span<const Value> args) {
                        List keys;
                        keys.reserve(args[0].as_object().size());
                        for (const auto& [key, unused] : args[0].as_object().entries()) keys.emplace_back(key);
                        return Value(std::move(keys));
                      },
                      kExtension));
  registry.add(method("values", O, {}, StaticType::List, "the values in insertion order",
                      [](CallContext&, std::span<const Value> args) {
                        List values;
                        values.reserve(args[0].as_object().size());
                        for (const auto& [unused, value] : args[0].as_object().entries()) values.push_back(value);
                        return Value(std::move(values));
                      },
                      kExtension));
}

}  // namespace cql
