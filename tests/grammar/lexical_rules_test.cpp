// Per-rule tables for the lexical rules of grammar/cql.peg.md: whitespace and comments,
// words, numbers, strings.
#include "grammar_table.hpp"

using namespace cql::grammar;
using namespace cql::grammar_test;

TEST_CASE("sep: whitespace and comments", "[grammar]") {
  check_table<sep>({
      {"", match("")},
      {" \t\r\n x", match(" \t\r\n ")},
      {"// to the end\nx", match("// to the end\n")},
      {"// no newline", match("// no newline")},
      {"/* a */ /* b */x", match("/* a */ /* b */")},
      {"/* multi\nline */", match("/* multi\nline */")},
      {"/* open", global_failure("unterminated comment")},
      {"/ x", match("")},
  });
}

TEST_CASE("identifier, name and keywords", "[grammar]") {
  check_table<identifier>({
      {"abc", match("abc")},
      {"_a1 b", match("_a1")},
      {"1a", local_failure()},
      {"é", local_failure()},
  });
  check_table<name>({
      {"entity", match("entity")},
      {"and", local_failure()},
      {"Or", local_failure()},
      {"NOT", local_failure()},
      {"true", local_failure()},
      {"TRUE", match("TRUE")},
      {"android", match("android")},
      {"nullable", match("nullable")},
  });
  check_table<and_keyword>({
      {"and", match("and")},
      {"AND x", match("AND")},
      {"aNd", match("aNd")},
      {"andx", local_failure()},
      {"an", local_failure()},
  });
  check_table<or_keyword>({{"OR", match("OR")}, {"oR(", match("oR")}, {"order", local_failure()}});
  check_table<true_keyword>({{"true", match("true")}, {"True", local_failure()}, {"true_", local_failure()}});
  check_table<null_keyword>({{"null", match("null")}, {"NULL", local_failure()}});
}

TEST_CASE("number", "[grammar]") {
  check_table<number>({
      {"0", match("0")},
      {"12", match("12")},
      {"007", match("007")},
      {"3.25", match("3.25")},
      {"1e3", match("1e3")},
      {"2.5E-2", match("2.5E-2")},
      {"1e+2", match("1e+2")},
      {"12 + 1", match("12")},
      {"5.", global_failure("expected a digit after the decimal point")},
      {"5.x", global_failure("expected a digit after the decimal point")},
      {"1e", global_failure("expected digits in the exponent")},
      {"1e+", global_failure("expected digits in the exponent")},
      {".5", local_failure()},
      {"-1", local_failure()},
      {"+1", local_failure()},
  });
}

TEST_CASE("string_literal and escapes", "[grammar]") {
  check_table<string_literal>({
      {"\"\"", match("\"\"")},
      {"''", match("''")},
      {"\"abc\" + 1", match("\"abc\"")},
      {"'it\\'s'", match("'it\\'s'")},
      {"\"it's\"", match("\"it's\"")},
      {"'say \"hi\"'", match("'say \"hi\"'")},
      {"\"\\\" \\' \\\\ \\/ \\n \\t \\r \\b \\f\"", match("\"\\\" \\' \\\\ \\/ \\n \\t \\r \\b \\f\"")},
      {"\"\\u00e9\\uD83D\\uDE00\"", match("\"\\u00e9\\uD83D\\uDE00\"")},
      {"\"caf\xC3\xA9\"", match("\"caf\xC3\xA9\"")},
      {"\"/* x */\"", match("\"/* x */\"")},
      {"\"\\q\"", global_failure("unknown escape sequence")},
      {"\"\\x41\"", global_failure("unknown escape sequence")},
      {"\"\\u12\"", global_failure("\\u must be followed by four hex digits")},
      {"\"abc", global_failure("unterminated string")},
      {"'abc\"", global_failure("unterminated string")},
      {"\"line\nbreak\"", global_failure("unterminated string")},
      {"abc", local_failure()},
  });
  check_table<escape>({
      {"\\n", match("\\n")},
      {"\\uABCD", match("\\uABCD")},
      {"\\", global_failure("unknown escape sequence")},
      {"n", local_failure()},
  });
}
