// Multi-line input detection and history joining for the REPL (src/cli/repl_lexer).
#include <catch2/catch.hpp>

#include "cli/repl_lexer.hpp"

using namespace cql::cli;

TEST_CASE("complete expressions need no continuation", "[unit][repl][multiline]") {
  for (const char* text : {"1 + 2", "jira.numOfIssues() <= 10", "[1, 2].map((x) => x * 2)", "", "   ",
                           "\"a(\" + 'b['", "f(\"\\\")\")", "x // open ( in a comment", "/* ( */ 1"}) {
    INFO(text);
    CHECK(scan_input(text).complete());
  }
}

TEST_CASE("an open bracket keeps the input open and remembers the nesting", "[unit][repl][multiline]") {
  const InputState state = scan_input("groups().any((g) =>\n  g.name.matchesIn([\"tier-\"");
  CHECK_FALSE(state.complete());
  CHECK(state.open_brackets == "(([");
  CHECK(state.open_quote == 0);
  CHECK_FALSE(scan_input("groups().any((g) =>\n  g.name.matchesIn([\"tier-\"])").complete());
  CHECK(scan_input("groups().any((g) =>\n  g.name.matchesIn([\"tier-\"]))").complete());
}

TEST_CASE("quotes hide brackets, escapes stay inside the string", "[unit][repl][multiline]") {
  CHECK(scan_input("\"(((\"").open_brackets.empty());
  CHECK(scan_input("'it\\'s ('").complete());
  CHECK(scan_input("[\"ends with backslash \\\\\"").open_brackets == "[");
  CHECK(scan_input("[\"escaped quote \\\" ]").open_quote == '"');
  CHECK(scan_input("\"abc").open_quote == '"');
}

TEST_CASE("an unclosed string completes the input: CQL strings cannot span lines", "[unit][repl][multiline]") {
  // More lines could never fix it, so the parser reports it at once, with a caret.
  const InputState at_end = scan_input("f(\"abc");
  CHECK(at_end.unclosed_string);
  CHECK(at_end.open_brackets == "(");
  CHECK(at_end.complete());
  // A string cut by a line break, with the bracket still open on a later line.
  const InputState cut = scan_input("f(\"abc\n, 1");
  CHECK(cut.unclosed_string);
  CHECK(cut.open_quote == 0);
  CHECK(cut.complete());
  // The line break ends the string: the bracket after it counts.
  CHECK(scan_input("\"a\n)").open_brackets.empty());
}

TEST_CASE("comments hide brackets and quotes, block comments stay open", "[unit][repl][multiline]") {
  CHECK(scan_input("1 + // (\"\n2").complete());
  CHECK(scan_input("1 /* ( */ + 2").complete());
  const InputState open_comment = scan_input("1 /* not closed (");
  CHECK(open_comment.in_block_comment);
  CHECK(open_comment.open_brackets.empty());
  CHECK_FALSE(open_comment.complete());
  CHECK(scan_input("1 /* closed\non the next line */").complete());
}

TEST_CASE("a stray closing bracket does not trap the user in continuation", "[unit][repl][multiline]") {
  CHECK(scan_input("1)").complete());
  CHECK(scan_input("(1]").complete());
  CHECK(scan_input("]] [").open_brackets == "[");
}

TEST_CASE("the scanner keeps tokens whole", "[unit][repl][multiline]") {
  const std::string text = "x.y(1.5e3, \"s\\\"t\") => 'u' // c";
  const auto tokens = scan_tokens(text);
  std::vector<std::string> parts;
  for (const auto& t : tokens) parts.emplace_back(t.text(text));
  CHECK(parts == std::vector<std::string>{"x", ".", "y", "(", "1.5e3", ",", "\"s\\\"t\"", ")", "=>", "'u'", "// c"});
  CHECK(tokens.back().kind == TokenKind::LineComment);
  // `1.` is the number 1 followed by a member dot; `1.5` is one number.
  const auto dotted = scan_tokens("1.length");
  REQUIRE(dotted.size() == 3);
  CHECK(dotted[0].kind == TokenKind::Number);
  CHECK(dotted[0].end == 1);
}

TEST_CASE("a multi-line input becomes one history line", "[unit][repl][multiline]") {
  CHECK(join_lines_for_history("groups().any((g) =>\n  g.name == \"x\")") == "groups().any((g) =>   g.name == \"x\")");
  // A `//` comment would swallow the rest of a joined line, so it is dropped.
  CHECK(join_lines_for_history("1 + // one\n2 // two\n") == "1 +  2");
  CHECK(join_lines_for_history("\"a\" + [\n1]") == "\"a\" + [ 1]");
  CHECK(join_lines_for_history("1 /* a\nb */ + 2") == "1 /* a b */ + 2");
}
