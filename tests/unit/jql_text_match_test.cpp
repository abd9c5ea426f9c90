// `~` word matching (spec/jira.md §7).
#include <catch2/catch.hpp>

#include "jql/text_match.hpp"

using namespace cql::jql;

namespace {
bool match(const char* field, const char* operand) { return TextQuery(operand).matches(text_words(field)); }
}  // namespace

TEST_CASE("text is split into lower-case words of letters and digits", "[unit][jql][text]") {
  CHECK(text_words("Login-Timeout, on PAY_101!") == std::vector<std::string>{"login", "timeout", "on", "pay", "101"});
  CHECK(text_words("Überweisung fehlgeschlagen") == std::vector<std::string>{"Überweisung", "fehlgeschlagen"});
  CHECK(text_words("  ").empty());
}

TEST_CASE("every operand word must occur, in any order, case-insensitively", "[unit][jql][text]") {
  CHECK(match("Login timeout on checkout", "timeout"));
  CHECK(match("Login timeout on checkout", "CHECKOUT login"));
  CHECK_FALSE(match("Login timeout on checkout", "timeout payment"));
  CHECK_FALSE(match("Timeouts everywhere", "timeout"));
}

TEST_CASE("a trailing * matches a prefix", "[unit][jql][text]") {
  CHECK(match("Timeouts everywhere", "timeout*"));
  CHECK(match("Timeouts everywhere", "every*"));
  CHECK_FALSE(match("Timeouts everywhere", "where*"));
}

TEST_CASE("a quoted phrase needs its words adjacent and in order", "[unit][jql][text]") {
  CHECK(match("the login timeout again", "\"login timeout\""));
  CHECK_FALSE(match("the timeout login again", "\"login timeout\""));
  CHECK_FALSE(match("login the timeout", "\"login timeout\""));
  CHECK(match("login timeouts", "\"login timeout*\""));
  CHECK(match("the login timeout again", "again \"login timeout\""));
  CHECK(match("a b c", "\"b c"));  // an unpaired quote runs to the end
}

TEST_CASE("an operand without words is empty", "[unit][jql][text]") {
  CHECK(TextQuery("!! ??").empty());
  CHECK(TextQuery("\"\"").empty());
  CHECK_FALSE(TextQuery("x").empty());
}
