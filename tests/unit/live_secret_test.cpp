#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "sources/secret.hpp"

using namespace cql;
using namespace cql::sources;

TEST_CASE("base64 follows RFC 4648", "[unit][live]") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("bot@acme.com:t0ken") == "Ym90QGFjbWUuY29tOnQwa2Vu");
}

TEST_CASE("credentials come from the environment or a file and are redacted", "[unit][live]") {
  JiraAccount cloud;
  cloud.alias = "main";
  cloud.email = "bot@acme.com";
  cloud.secret_env = "CQL_TEST_SECRET_CLOUD";
  std::string error;

  unsetenv("CQL_TEST_SECRET_CLOUD");
  CHECK_FALSE(Credential::load(cloud, error));
  CHECK(error == "Jira account 'main': the environment variable CQL_TEST_SECRET_CLOUD is not set or empty; "
                 "export the account's token in it.");

  setenv("CQL_TEST_SECRET_CLOUD", "t0ken\n", 1);
  auto basic = Credential::load(cloud, error);
  REQUIRE(basic);
  CHECK(basic->authorization() == "Basic Ym90QGFjbWUuY29tOnQwa2Vu");
  CHECK(basic->redact("sent t0ken as Ym90QGFjbWUuY29tOnQwa2Vu") == "sent *** as ***");
  unsetenv("CQL_TEST_SECRET_CLOUD");

  JiraAccount dc;
  dc.alias = "dc";
  dc.flavour = JiraFlavour::DataCenter;
  dc.auth = JiraAuth::Bearer;
  const auto file = std::filesystem::temp_directory_path() / "cql-test-pat";
  std::ofstream(file) << "  pat-value-42  \n";
  dc.secret_file = file.string();
  auto bearer = Credential::load(dc, error);
  REQUIRE(bearer);
  CHECK(bearer->authorization() == "Bearer pat-value-42");
  std::filesystem::remove(file);
  CHECK_FALSE(Credential::load(dc, error));
  CHECK_THAT(error, Catch::Contains("cannot read the token file"));
  CHECK_THAT(error, Catch::Contains("cql-test-pat"));
}
