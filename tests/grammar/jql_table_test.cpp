// The JQL grammar against the data tables of tests/fixtures/jql: every valid query parses
// and survives a round trip through the normal form; every invalid one fails with exactly
// the expected message and position.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "jql/jql_parser.hpp"
#include "jql/jql_printer.hpp"

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CQL_TEST_DATA_DIR) + "/fixtures/jql/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

std::vector<std::string> valid_queries() {
  std::vector<std::string> queries;
  std::istringstream lines(fixture("valid.txt"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    queries.push_back(replace_all(replace_all(line, "{nl}", "\n"), "{tab}", "\t"));
  }
  return queries;
}

}  // namespace

TEST_CASE("valid JQL from the table parses", "[grammar][jql]") {
  const auto queries = valid_queries();
  REQUIRE(queries.size() >= 150);
  for (const auto& q : queries) {
    INFO("query: " << q);
    const auto parsed = cql::jql::parse_jql(q);
    CHECK(parsed.ok());
    if (!parsed.ok()) {
      INFO(parsed.error->text());
      continue;
    }
    CHECK((parsed.query.where.has_value() || !parsed.query.order_by.empty()));
  }
}

TEST_CASE("the normal form of every valid query parses to the same normal form", "[grammar][jql]") {
  for (const auto& q : valid_queries()) {
    INFO("query: " << q);
    const auto parsed = cql::jql::parse_jql(q);
    REQUIRE(parsed.ok());
    const std::string normal = cql::jql::normalize_jql(parsed.query);
    INFO("normal: " << normal);
    const auto again = cql::jql::parse_jql(normal);
    REQUIRE(again.ok());
    CHECK(cql::jql::normalize_jql(again.query) == normal);
  }
}

TEST_CASE("empty and whitespace-only queries are valid", "[grammar][jql]") {
  for (const std::string q : {"", " ", "\t", "\n", " \r\n \t "}) {
    const auto parsed = cql::jql::parse_jql(q);
    CHECK(parsed.ok());
    CHECK_FALSE(parsed.query.where.has_value());
    CHECK(parsed.query.order_by.empty());
    CHECK(cql::jql::normalize_jql(parsed.query).empty());
  }
}

TEST_CASE("invalid JQL from the table fails with Jira's message and position", "[grammar][jql]") {
  const auto table = nlohmann::json::parse(fixture("invalid.json"));
  REQUIRE(table.size() >= 60);
  for (const auto& row : table) {
    const std::string q = row.at("query");
    INFO("query: " << q);
    const auto parsed = cql::jql::parse_jql(q);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->message == row.at("message").get<std::string>());
    CHECK(parsed.error->line == row.at("line").get<std::uint32_t>());
    CHECK(parsed.error->character == row.at("character").get<std::uint32_t>());
  }
}

TEST_CASE("the error text carries Jira's position suffix", "[grammar][jql]") {
  const auto parsed = cql::jql::parse_jql("project = ENG AND status x");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error->text() == "Expecting operator but got 'x'. (line 1, character 26)");
  CHECK(parsed.error->offset == 25);
}
