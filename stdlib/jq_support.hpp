#pragma once
// The two engines behind jq(value, program) (spec/cql.md §6):
//  - a native fast path for the programs rules use most (paths, `.[]`, select with ==/!=,
//    tonumber, length, not, ascii_downcase/upcase), in jq_fast_path.cpp, which never touches libjq;
//  - libjq 1.6 for everything else, in jq.cpp (the only libjq code).
// Both see the input as libjq does (durations/timestamps/semvers as their canonical strings,
// a namespace as {"namespace": name}) and produce the same values: integral numbers become
// ints, no output is null, one output is that value, several are a list. The fast path declines
// (returns nullopt) for any input where jq would raise an error or where it does not model jq
// exactly; the caller then runs libjq, so errors and their wording always come from libjq.
// One difference is deliberate: the fast path returns integers beyond 2^53 found in the input
// exactly, where libjq (which stores every number as a double) would round them.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cql/registry.hpp"

namespace cql::jq_support {

class FastProgram;

// The program in the fast-path subset, or null when it is outside it.
std::shared_ptr<const FastProgram> parse_fast(std::string_view program);

// Runs a fast program; nullopt when this input needs libjq.
std::optional<Value> run_fast(const FastProgram& program, const Value& input, CallContext& ctx);

// The value as libjq sees it (see above), sharing unchanged parts.
Value to_jq_domain(const Value& value);

// Runs the program with libjq (one compiled jq_state per thread and program).
// Throws EvalFailure for a jq runtime error or an invalid program.
Value run_libjq(const std::string& program, const Value& input, CallContext& ctx);

// libjq's complaint about a program, or nullopt when it compiles.
std::optional<std::string> libjq_compile_error(const std::string& program);

// Outputs -> the jq() result: none -> null, one -> it, several -> a list.
Value collect_outputs(List outputs, CallContext& ctx);

}  // namespace cql::jq_support
