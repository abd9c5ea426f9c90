// Semantic versions (spec/cql.md §3, §5): semver(text), major/minor/patch, isStable().
#include <cstdint>
#include <limits>
#include <string>

#include "cql/registry.hpp"
#include "cql/time.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {
namespace {

std::string not_a_semver(std::string_view text) {
  return stdlib::quote_for_message(text) + " is not a semantic version (MAJOR.MINOR.PATCH[-pre][+build])";
}

template <std::uint64_t Semver::*Part>
Value part(std::span<const Value> args, std::string_view callee) {
  const std::uint64_t v = args[0].as_semver().*Part;
  if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    stdlib::eval_error(callee, "version part " + std::to_string(v) + " does not fit in an int");
  }
  return Value(static_cast<std::int64_t>(v));
}

}  // namespace

void register_semver(Registry& registry) {
  using stdlib::property;
  constexpr auto V = StaticType::Semver;

  FunctionSpec semver = stdlib::global(
      "semver", {stdlib::param("text", StaticType::String)}, V, "a semantic version (`1.2.3-rc.1+build`)",
      [](CallContext&, std::span<const Value> args) {
        auto v = parse_semver(args[0].as_string());
        if (!v) stdlib::eval_error("semver()", not_a_semver(args[0].as_string()));
        return Value(std::move(*v));
      });
  semver.prepare = stdlib::validate_constant_text(0, [](std::string_view text) -> std::optional<std::string> {
    if (parse_semver(text)) return std::nullopt;
    return not_a_semver(text);
  });
  registry.add(std::move(semver));

  registry.add(property("major", V, StaticType::Int, "the major version",
                        [](CallContext&, std::span<const Value> args) { return part<&Semver::major>(args, ".major"); }));
  registry.add(property("minor", V, StaticType::Int, "the minor version",
                        [](CallContext&, std::span<const Value> args) { return part<&Semver::minor>(args, ".minor"); }));
  registry.add(property("patch", V, StaticType::Int, "the patch version",
                        [](CallContext&, std::span<const Value> args) { return part<&Semver::patch>(args, ".patch"); }));
  registry.add(stdlib::method("isStable", V, {}, StaticType::Bool, "true when there is no pre-release part",
                              [](CallContext&, std::span<const Value> args) {
                                return Value(args[0].as_semver().prerelease.empty());
                              }));
}

}  // namespace cql
