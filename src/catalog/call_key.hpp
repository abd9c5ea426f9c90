#pragma once
// The call keys of a facts file (spec/scorecards.md §2): `fileExists("README.md")`,
// `numOfVulnerabilities(severity = ["CRITICAL", "HIGH"])`, `deploys(lookback = duration("P7D"))`.
//
// A key is parsed as a call with CQL literal arguments and written back canonically
// (cql::canonical_call), so the author may use either quote style, any spacing, named
// arguments in any order and any duration spelling (`P1W` == `P7D`): the evaluator looks calls
// up by the same canonical text. Arguments: strings, numbers (a leading `-` allowed), true,
// false, null, lists of these, and duration("..."), timestamp("...") and semver("...").

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cql::catalog {

struct CallKey {
  std::string canonical;          // set when the key is valid
  std::optional<std::string> error;
  std::size_t error_offset = 0;   // byte offset in the key text
};

CallKey canonicalize_call_key(std::string_view text);

}  // namespace cql::catalog
