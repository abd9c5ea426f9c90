#include <catch2/catch.hpp>

#include <string>

#include "cql/time.hpp"

using namespace cql;

namespace {
Semver sv(const char* text) {
  auto v = parse_semver(text);
  INFO(text);
  REQUIRE(v.has_value());
  return *v;
}
int cmp(const char* a, const char* b) { return compare_semver(sv(a), sv(b)); }
}  // namespace

TEST_CASE("semver parses parts, pre-release and build", "[unit][semver]") {
  Semver v = sv("1.2.3-rc.1+build.7");
  CHECK(v.major == 1);
  CHECK(v.minor == 2);
  CHECK(v.patch == 3);
  CHECK(v.prerelease == std::vector<std::string>{"rc", "1"});
  CHECK(v.build == "build.7");
  CHECK(v.text == "1.2.3-rc.1+build.7");
  CHECK(sv("v4.12.0").text == "4.12.0");
  CHECK(sv("1.0.0-x-y.z--1").prerelease == std::vector<std::string>{"x-y", "z--1"});
  CHECK(sv("1.0.0+001").build == "001");
  CHECK(sv("18446744073709551615.0.0").major == 18446744073709551615ull);
}

TEST_CASE("malformed semvers are rejected", "[unit][semver]") {
  for (const char* bad : {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3+", "1.2.3-01",
                          "1.2.3-rc..1", "1.2.3-rc_1", "1.2.3+b..1", "a.b.c", "1.2.x", " 1.2.3", "1.2.3 ", "V1.2.3",
                          "vv1.2.3", "18446744073709551616.0.0", "-1.2.3", "1.-2.3"}) {
    INFO(bad);
    CHECK_FALSE(parse_semver(bad).has_value());
  }
}

TEST_CASE("semver 2.0 precedence", "[unit][semver]") {
  CHECK(cmp("1.10.0", "1.9.9") > 0);
  CHECK(cmp("2.0.0", "10.0.0") < 0);
  CHECK(cmp("1.0.0-rc.1", "1.0.0") < 0);
  CHECK(cmp("1.0.0", "1.0.0-rc.1") > 0);
  CHECK(cmp("1.0.0-beta.2", "1.0.0-beta.11") < 0);
  CHECK(cmp("1.0.0-alpha.1", "1.0.0-alpha.beta") < 0);
  CHECK(cmp("1.0.0-alpha", "1.0.0-alpha.1") < 0);
  CHECK(cmp("1.0.0+build.2", "1.0.0+build.1") == 0);
  CHECK(cmp("v1.2.3", "1.2.3") == 0);
  // The ordering example of semver.org §11.
  const char* chain[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                         "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"};
  for (std::size_t i = 0; i + 1 < std::size(chain); ++i) {
    INFO(chain[i]);
    CHECK(cmp(chain[i], chain[i + 1]) < 0);
    CHECK(cmp(chain[i + 1], chain[i]) > 0);
    CHECK(cmp(chain[i], chain[i]) == 0);
  }
  CHECK(cmp("1.0.0-99999999999999999999999", "1.0.0-100000000000000000000000") < 0);
  CHECK(cmp("1.0.0-B", "1.0.0-a") < 0);  // ASCII order
}
