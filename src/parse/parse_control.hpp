#pragma once
// The PEGTL control of the CQL grammar: error messages, error positions and the nesting limit.
//
// - raise(): a rule reached through `must<>` throws SyntaxFailure with its message and hint
//   from grammar/cql_errors.hpp. A must point without a message is a compile error (the
//   RequireMessage rule of tao::pegtl::must_if; we raise our own exception instead of
//   tao::pegtl::parse_error because a diagnostic also carries a hint and a byte span).
// - A rule that has a message is matched with rewind_mode::required, so that when it fails the
//   input is back where the rule started and the error points there (at the backslash of a
//   bad escape, at the quote of an unterminated string).
// - Every bracket, call, lambda and prefix operator is one nesting level (spec/cql.md §11);
//   past ParseLimits::max_nesting the parse stops with a syntax error before the C++ stack
//   can grow further, so `((((...` 100,000 deep is a clean error.
//
// The first state of every parse is the ParseState (the tracer of trace.cpp comes last).

#include <string>

#include <tao/pegtl.hpp>

#include "cql_errors.hpp"
#include "cql_rules.hpp"
#include "parse/parse_state.hpp"
#include "parse/syntax_failure.hpp"

namespace cql::parse {

template <typename Rule>
inline constexpr bool kCountsNesting = false;
// The rules entered right after an opening `(`, `[`, `=>`, `!` or `-`: counting there (not at
// the opener's rule, which is also tried where it then fails) counts only what is really open.
template <> inline constexpr bool kCountsNesting<grammar::parenthesized_expression> = true;
template <> inline constexpr bool kCountsNesting<grammar::list_body> = true;
template <> inline constexpr bool kCountsNesting<grammar::arguments_body> = true;
template <> inline constexpr bool kCountsNesting<grammar::lambda_body> = true;
template <> inline constexpr bool kCountsNesting<grammar::prefix_operand> = true;

class NestingGuard {
 public:
  NestingGuard(ParseState& state, const char* at) : state_(state) {
    if (state_.depth >= state_.max_nesting) {
      const std::uint32_t begin = state_.offset(at);
      throw SyntaxFailure{"expression nested too deeply (more than " + std::to_string(state_.max_nesting) + " levels)",
                          "remove redundant parentheses or split the rule", {begin, token_end(state_.text, begin)}};
    }
    ++state_.depth;
  }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
  ~NestingGuard() { --state_.depth; }

 private:
  ParseState& state_;
};

template <typename Rule>
struct Control : tao::pegtl::normal<Rule> {
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Ctrl, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, ParseState& state, States&&... st) {
    constexpr auto kRewind = grammar::error_message<Rule> != nullptr ? tao::pegtl::rewind_mode::required : M;
    if constexpr (kCountsNesting<Rule>) {
      const NestingGuard guard(state, in.current());
      return tao::pegtl::normal<Rule>::template match<A, kRewind, Action, Ctrl>(in, state, st...);
    } else {
      return tao::pegtl::normal<Rule>::template match<A, kRewind, Action, Ctrl>(in, state, st...);
    }
  }

  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, const ParseState& state, States&&... /*unused*/) {
    static_assert(grammar::error_message<Rule> != nullptr,
                  "every must<> point needs an error_message in grammar/cql_errors.hpp");
    const std::uint32_t begin = state.offset(in.current());
    constexpr const char* kHint = grammar::error_hint<Rule>;
    throw SyntaxFailure{grammar::error_message<Rule>, kHint != nullptr ? kHint : "",
                        {begin, token_end(state.text, begin)}};
  }
};

}  // namespace cql::parse
