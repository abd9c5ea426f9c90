// The parser against the conformance cases: every case with a value parses, every case whose
// only acceptable error is `syntax` is rejected by the parser.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "parse/parser.hpp"

using namespace cql;

TEST_CASE("conformance expressions parse exactly when they should", "[unit][parse][conformance-data]") {
  const std::filesystem::path cases = std::filesystem::path(CQL_TEST_DATA_DIR) / "conformance/suite/cases";
  int must_parse = 0;
  int must_fail = 0;
  for (const auto& entry : std::filesystem::directory_iterator(cases)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const auto file = nlohmann::json::parse(in);
    for (const auto& c : file.at("cases")) {
      const std::string expr = c.at("expr").get<std::string>();
      INFO(entry.path().filename().string() << ": " << c.at("name").get<std::string>());
      const auto result = parse::parse_expression(std::make_shared<SourceFile>("<expr>", expr));
      if (c.contains("value")) {
        CHECK(result.ok());
        ++must_parse;
      } else if (c.at("error") == "syntax") {
        CHECK_FALSE(result.ok());
        ++must_fail;
      } else if (c.at("error").is_string()) {
        // compile/type/eval/provider errors happen after parsing
        CHECK(result.ok());
      }
    }
  }
  CHECK(must_parse > 150);
  CHECK(must_fail >= 13);
}
