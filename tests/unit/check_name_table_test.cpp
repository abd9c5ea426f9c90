#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "check/name_index.hpp"
#include "check/name_table.hpp"

using cql::check::NameTable;

TEST_CASE("name table: found, missing and empty names", "[unit][check]") {
  NameTable<int> table;
  CHECK(table.find("anything") == nullptr);  // no slots yet
  CHECK(table.find("") == nullptr);
  table["custom"] = 1;
  table["tag"] = 2;
  CHECK(*table.find("custom") == 1);
  CHECK(*table.find("tag") == 2);
  CHECK(table.find("custo") == nullptr);
  CHECK(table.find("customs") == nullptr);
  CHECK(table.find("") == nullptr);
  table[""] = 3;  // the global fallback namespace is named ""
  REQUIRE(table.find("") != nullptr);
  CHECK(*table.find("") == 3);
  CHECK(table.size() == 3);
}

TEST_CASE("name table: try_emplace keeps the first value", "[unit][check]") {
  NameTable<int> table;
  auto [first, inserted] = table.try_emplace("jira", 1);
  CHECK(inserted);
  CHECK(first == 1);
  auto [again, inserted_again] = table.try_emplace("jira", 2);
  CHECK_FALSE(inserted_again);
  CHECK(again == 1);
  CHECK(*table.find("jira") == 1);
}

namespace {
// Every name collides: same slot, same stored hash.
struct SameHash {
  std::uint32_t operator()(std::string_view) const noexcept { return 42; }
};
}  // namespace

TEST_CASE("name table: names with the same hash stay apart", "[unit][check]") {
  std::vector<std::string> fillers;  // the table views its names: they outlive it
  for (int i = 0; i < 20; ++i) fillers.push_back("filler" + std::to_string(i));
  NameTable<int, SameHash> table;
  table["costarring"] = 1;
  CHECK(table.find("liquid") == nullptr);
  table["liquid"] = 2;
  table["declinate"] = 3;
  table[""] = 4;
  for (int i = 0; i < 20; ++i) table.try_emplace(fillers[static_cast<std::size_t>(i)], 100 + i);  // wraps around
  for (int i = 0; i < 20; ++i) CHECK(*table.find(fillers[static_cast<std::size_t>(i)]) == 100 + i);
  CHECK(*table.find("costarring") == 1);
  CHECK(*table.find("liquid") == 2);
  CHECK(*table.find("declinate") == 3);
  CHECK(*table.find("") == 4);
  CHECK(table.find("macallums") == nullptr);
  CHECK(table.find("filler20") == nullptr);
  CHECK(table.size() == 24);
}

TEST_CASE("name table: short names that differ in any one byte stay apart", "[unit][check]") {
  // Names of up to 8 bytes are compared as one word: every byte position must count.
  std::vector<std::string> names;
  for (std::size_t length = 1; length <= 9; ++length) {
    const std::string base(length, 'a');
    names.push_back(base);
    for (std::size_t i = 0; i < length; ++i) {
      std::string changed = base;
      changed[i] = 'b';
      names.push_back(changed);
    }
  }
  NameTable<std::size_t, SameHash> table;  // all in one probe sequence: every comparison is made
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(table.try_emplace(names[i], i).second);
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(*table.find(names[i]) == i);
  CHECK(table.find("aaaaaaaaaa") == nullptr);
  CHECK(table.find("c") == nullptr);
}

TEST_CASE("name table: the hash reads every byte of the name", "[unit][check]") {
  const cql::check::NameHash hash;
  CHECK(hash("custom") != hash("custon"));
  CHECK(hash("numOfIssues") != hash("numOfIssuet"));  // the byte after the first word
  CHECK(hash("abcdefgh") != hash("abcdefgi"));        // a whole word
  CHECK(hash("a") != hash(std::string_view("a\0", 2)));  // the length counts
  CHECK(hash("") == hash(""));
}

TEST_CASE("name table: many names through growth, listed in insertion order", "[unit][check]") {
  std::vector<std::string> names;  // the table views them: they outlive it
  for (int i = 0; i < 500; ++i) names.push_back("name" + std::to_string(i * 7919));
  NameTable<int> table;
  for (int i = 0; i < 500; ++i) table[names[static_cast<std::size_t>(i)]] = i;
  CHECK(table.size() == 500);
  for (int i = 0; i < 500; ++i) {
    const int* found = table.find(names[static_cast<std::size_t>(i)]);
    REQUIRE(found != nullptr);
    CHECK(*found == i);
  }
  CHECK(table.find("name1") == nullptr);
  for (std::size_t i = 0; i < table.entries().size(); ++i) CHECK(table.entries()[i].name == names[i]);
}

TEST_CASE("name index: lookups and hint lists over a registry", "[unit][check]") {
  cql::Registry registry = cql::Registry::standard();
  const cql::check::NameIndex names(registry);
  REQUIRE(names.global("custom") != nullptr);
  CHECK(names.global("custom")->name == "custom");
  CHECK(names.global("nosuch") == nullptr);
  CHECK(names.global("") == nullptr);
  CHECK(names.is_namespace("jira"));
  CHECK_FALSE(names.is_namespace(""));
  CHECK_FALSE(names.is_namespace("custom"));
  CHECK(names.in_namespace("nosuch", "custom") == nullptr);
  CHECK(names.methods("nosuch").empty());
  CHECK_FALSE(names.methods("matches").empty());

  const auto globals = names.global_names();
  CHECK(std::count(globals.begin(), globals.end(), "custom") == 1);
  CHECK(std::count(globals.begin(), globals.end(), "jira") == 1);  // namespaces are global names
  CHECK(std::count(globals.begin(), globals.end(), "") == 0);
  const auto methods = names.method_names();
  CHECK(std::count(methods.begin(), methods.end(), "matches") == 1);
  CHECK(names.namespace_function_names("nosuch").empty());
  const auto jira_functions = names.namespace_function_names("jira");
  REQUIRE_FALSE(jira_functions.empty());
  CHECK(names.in_namespace("jira", jira_functions.front())->name == jira_functions.front());
  CHECK(names.in_namespace("jira", "nosuch") == nullptr);
}
