#pragma once
// Drives one PEGTL rule of grammar/cql_rules.hpp directly (no actions, the real control) and
// compares the outcome with a table row: the prefix it matched, a local failure (the rule
// returned false), or a global failure (a must<> point raised, with its message).

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>

#include <tao/pegtl.hpp>

#include "cql_rules.hpp"
#include "parse/parse_control.hpp"
#include "parse/parse_state.hpp"

namespace cql::grammar_test {

enum class Outcome { Match, LocalFailure, GlobalFailure };

struct Expect {
  Outcome outcome;
  std::string text;  // Match: the matched prefix; GlobalFailure: the message
};

inline Expect match(std::string prefix) { return {Outcome::Match, std::move(prefix)}; }
inline Expect local_failure() { return {Outcome::LocalFailure, ""}; }
inline Expect global_failure(std::string message) { return {Outcome::GlobalFailure, std::move(message)}; }

inline std::string describe(const Expect& e) {
  switch (e.outcome) {
    case Outcome::Match: return "match \"" + e.text + "\"";
    case Outcome::LocalFailure: return "local failure";
    case Outcome::GlobalFailure: return "global failure: " + e.text;
  }
  return "?";
}

template <typename Rule>
Expect run_rule(const std::string& input) {
  ast::Arena arena;
  parse::ParseState state(input, arena, 256);
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf> in(
      input.data(), input.data() + input.size(), "");
  try {
    if (!tao::pegtl::parse<Rule, tao::pegtl::nothing, parse::Control>(in, state)) return local_failure();
    return match(input.substr(0, static_cast<std::size_t>(in.current() - input.data())));
  } catch (const parse::SyntaxFailure& failure) {
    return global_failure(failure.message);
  }
}

struct Row {
  std::string input;
  Expect expect;
};

template <typename Rule>
void check_table(std::initializer_list<Row> rows) {
  for (const Row& row : rows) {
    INFO("rule " << tao::pegtl::demangle<Rule>() << ", input \"" << row.input << "\"");
    CHECK(describe(run_rule<Rule>(row.input)) == describe(row.expect));
  }
}

}  // namespace cql::grammar_test
