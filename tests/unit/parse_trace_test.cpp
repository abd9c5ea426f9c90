// `cql explain --trace`: the parser's rule-by-rule view.
#include <catch2/catch.hpp>
#include <string>

#include "parse/trace.hpp"

using cql::parse::trace_parse;

TEST_CASE("the trace shows the rules that matched, with positions and text", "[unit][parse][trace]") {
  CHECK(trace_parse("x.y") ==
        "grammar @1:1 \"x.y\"\n"
        "  expression @1:1 \"x.y\"\n"
        "    binary_expression @1:1 \"x.y\"\n"
        "      prefix_expression @1:1 \"x.y\"\n"
        "        postfix_expression @1:1 \"x.y\"\n"
        "          primary @1:1 \"x\"\n"
        "            name_or_call @1:1 \"x\"\n"
        "              variable @1:1 \"x\"\n"
        "                identifier @1:1 \"x\"\n"
        "          member_access @1:2 \".y\"\n"
        "            member_dot @1:2 \".\"\n"
        "            member_name @1:3 \"y\"\n"
        "ok\n");
}

TEST_CASE("the trace of a syntax error ends where the grammar gave up", "[unit][parse][trace]") {
  const std::string trace = trace_parse("-1 &&");
  CHECK(trace.find("      prefix_operation @1:1 \"-1\"\n") != std::string::npos);
  const std::string tail =
      "    operator_check @1:4\n"
      "      raise no_double_ampersand @1:4\n"
      "<expr>:1:4: error: '&&' is not a CQL operator\n"
      "  -1 &&\n"
      "     ^^\n"
      "  hint: write AND\n";
  REQUIRE(trace.size() > tail.size());
  CHECK(trace.substr(trace.size() - tail.size()) == tail);
}

TEST_CASE("text the grammar never sees has no trace, only the error", "[unit][parse][trace]") {
  CHECK(trace_parse(std::string(70000, ' '))
            .starts_with("<expr>:1:65537: error: expression too long (70000 bytes; the limit is 65536)\n"));
}
