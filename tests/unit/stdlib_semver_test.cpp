#include <catch2/catch.hpp>

#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
struct Semvers {
  Registry registry;
  FakeCallContext ctx;
  Semvers() { register_semver(registry); }
  Value parse(const char* text, bool constant = true) {
    return call_native(find_function(registry, "semver", std::nullopt), ctx, {Value(text)}, std::vector<bool>{constant});
  }
  Value on(std::string_view name, const Value& v) {
    return call_native(find_function(registry, name, StaticType::Semver), ctx, {v});
  }
};
}  // namespace

TEST_CASE("semver() parses and validates constants", "[unit][stdlib][semver]") {
  Semvers s;
  CHECK(to_cql_literal(s.parse("1.2.3-rc.1+build.7")) == R"(semver("1.2.3-rc.1+build.7"))");
  auto constant = failure_of([&] { s.parse("1.2"); });
  REQUIRE(constant);
  CHECK(constant->kind == ErrorKind::Compile);
  CHECK(constant->message == "\"1.2\" is not a semantic version (MAJOR.MINOR.PATCH[-pre][+build])");
  auto computed = failure_of([&] { s.parse("latest", false); });
  REQUIRE(computed);
  CHECK(computed->kind == ErrorKind::Eval);
  CHECK(computed->message.starts_with("semver(): \"latest\" is not"));
}

TEST_CASE("semver parts and isStable", "[unit][stdlib][semver]") {
  Semvers s;
  Value v = s.parse("4.12.0");
  CHECK(s.on("major", v).as_int() == 4);
  CHECK(s.on("minor", v).as_int() == 12);
  CHECK(s.on("patch", v).as_int() == 0);
  CHECK(s.on("isStable", v).as_bool());
  CHECK_FALSE(s.on("isStable", s.parse("2.0.0-beta.1")).as_bool());
  CHECK(s.on("isStable", s.parse("2.0.0+20260501")).as_bool());
  for (const char* part : {"major", "minor", "patch"}) {
    CHECK(find_function(s.registry, part, StaticType::Semver).is_property);
  }
  CHECK_FALSE(find_function(s.registry, "isStable", StaticType::Semver).is_property);
  auto huge = failure_of([&] { s.on("major", s.parse("18446744073709551615.0.0")); });
  REQUIRE(huge);
  CHECK(huge->kind == ErrorKind::Eval);
}
