#pragma once
// Answering a declared-only call from the facts (spec/scorecards.md §2), shared by the
// integration namespaces (stdlib/integrations.cpp) and `entity.destinations/sources`
// (stdlib/entity.cpp).
#include <string>

#include "cql/registry.hpp"

namespace cql {

// The facts value of `ns.call` for the current entity (ns "" for a global call); a missing
// call fails with a `provider` error naming it.
Value answer_from_facts(CallContext& ctx, const std::string& ns, const std::string& call);

}  // namespace cql
