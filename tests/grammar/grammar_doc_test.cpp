// grammar/cql.peg.md and grammar/cql_rules.hpp name the same rules in the same order.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(CQL_SOURCE_DIR) + "/" + relative);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// `struct name :` or `struct name\n    :` (rule definitions; forward declarations end in `;`).
std::vector<std::string> rules_in_header(const std::string& text) {
  std::vector<std::string> names;
  for (std::size_t at = text.find("\nstruct "); at != std::string::npos; at = text.find("\nstruct ", at + 1)) {
    std::size_t end = at + 8;
    while (end < text.size() && is_name_char(text[end])) ++end;
    std::size_t next = text.find_first_not_of(" \n", end);
    if (next != std::string::npos && text[next] == ':') names.push_back(text.substr(at + 8, end - at - 8));
  }
  return names;
}

// `name <-` or `name(Q) <-` at the start of a line of the ```peg block.
std::vector<std::string> rules_in_document(const std::string& text) {
  const std::size_t begin = text.find("```peg\n");
  const std::size_t end = text.find("```\n", begin + 7);
  REQUIRE(begin != std::string::npos);
  std::vector<std::string> names;
  std::istringstream lines(text.substr(begin + 7, end - begin - 7));
  for (std::string line; std::getline(lines, line);) {
    std::size_t n = 0;
    while (n < line.size() && is_name_char(line[n])) ++n;
    if (n == 0) continue;
    std::size_t after = n;
    if (after < line.size() && line[after] == '(') after = line.find(')', after) + 1;  // name(Q)
    after = line.find_first_not_of(' ', after);
    if (after != std::string::npos && line.compare(after, 2, "<-") == 0) names.push_back(line.substr(0, n));
  }
  return names;
}

}  // namespace

TEST_CASE("cql.peg.md and cql_rules.hpp list the same rules in the same order", "[grammar]") {
  const auto header = rules_in_header(read_file("grammar/cql_rules.hpp"));
  const auto document = rules_in_document(read_file("grammar/cql.peg.md"));
  CHECK(header.size() > 100);
  CHECK(header == document);
}
