#pragma once
// The expressions of the conformance cases (tests/conformance/suite/cases/*.json), for the
// parser's and the formatter's tests that run over all of them.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cql::test {

struct ConformanceCase {
  std::string where;  // "file.json: case name"
  std::string expr;
  nlohmann::json spec;  // the whole case: value / error / ...
};

inline std::vector<ConformanceCase> conformance_cases() {
  const std::filesystem::path dir = std::filesystem::path(CQL_TEST_DATA_DIR) / "conformance/suite/cases";
  std::vector<ConformanceCase> cases;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const auto file = nlohmann::json::parse(in);
    for (const auto& c : file.at("cases")) {
      cases.push_back({entry.path().filename().string() + ": " + c.at("name").get<std::string>(),
                       c.at("expr").get<std::string>(), c});
    }
  }
  return cases;
}

}  // namespace cql::test
