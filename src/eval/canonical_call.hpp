#pragma once
// The canonical text of a call answered from facts (spec/scorecards.md §2): the name, then the
// arguments as CQL literals, named ones sorted by name: `fileExists("README.md")`,
// `numOfVulnerabilities(severity = ["CRITICAL", "HIGH"])`, `deploys(lookback = duration("P7D"))`.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "cql/registry.hpp"

namespace cql::eval {

// A call bound to a spec: required parameters that were written are positional (in parameter
// order), optional ones that were written are named; parameters not written are left out. So
// `fileExists(path = "x")` and `fileExists("x")` have the same text.
std::string canonical_call(std::string_view name, std::span<const ParamSpec> params, std::span<const Value> args,
                           std::uint64_t written);

// A call of an undeclared function (a namespace that accepts any call): the arguments as
// written, positional first, named sorted by name. `names[i]` is empty for a positional one.
std::string canonical_any_call(std::string_view name, std::span<const std::string> names, std::span<const Value> args);

}  // namespace cql::eval
