// KnownValues: the membership tests the composer prunes with (jira.md §2 step 5).
#include <catch2/catch.hpp>

#include "cql/issue_source.hpp"

using cql::KnownValues;

TEST_CASE("known projects and components match ignoring ASCII case", "[unit][jql][known]") {
  const KnownValues known({"PAY", "Payments", "10010"}, {"Payments API", "Grüße"});
  CHECK(known.has_project("pay"));
  CHECK(known.has_project("PAYMENTS"));
  CHECK(known.has_project("10010"));
  CHECK_FALSE(known.has_project("PA"));
  CHECK_FALSE(known.has_project("Payments API"));  // a component, not a project
  CHECK(known.has_component("payments api"));
  CHECK(known.has_component("Grüße"));
  CHECK_FALSE(known.has_component("GRÜSSE"));  // only ASCII letters fold, as in the JQL engine
  CHECK_FALSE(known.has_component("Payments  API"));
  // The values keep their original spelling and order.
  CHECK(known.projects() == std::vector<std::string>{"PAY", "Payments", "10010"});
  CHECK(known.components() == std::vector<std::string>{"Payments API", "Grüße"});
}

TEST_CASE("empty known values know nothing", "[unit][jql][known]") {
  const KnownValues known;
  CHECK_FALSE(known.has_project(""));
  CHECK_FALSE(known.has_component("x"));
  CHECK(known.projects().empty());
}
