#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

// ctest passes each discovered test name to the Catch2 binary as an argument, so a name that
// starts with '-' is read as an option and the test fails under ctest while passing when the
// binary runs directly. Guard every test source against it.
TEST_CASE("no test name starts with a dash", "[unit][meta]") {
  namespace fs = std::filesystem;
  const std::regex bad_name(R"re(TEST_CASE\(\s*"-)re");
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(CQL_TEST_DATA_DIR)) {
    if (entry.path().extension() != ".cpp") continue;
    ++files;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(entry.path().string());
    CHECK_FALSE(std::regex_search(text, bad_name));
  }
  CHECK(files > 10);
}
