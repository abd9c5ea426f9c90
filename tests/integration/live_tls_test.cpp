// HTTPS is always verified: a server with a self-signed certificate is refused until the
// account names that certificate as its CA file.
#include <catch2/catch.hpp>

#include "sources/live_source.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

using namespace cql;
using namespace cql::fake_jira;
using cql::sources::LiveSource;

TEST_CASE("a self-signed https server is refused unless its CA file is configured", "[integration][live][tls]") {
  auto options = fixture_options(Flavour::Cloud);
  options.tls = true;
  Server server(options);
  REQUIRE(server.base_url().starts_with("https://127.0.0.1:"));
  const IssueQuery query{"main", "project = PAY", QueryKind::Count, 1000, {}};

  SECTION("without ca_file") {
    LiveSource live(settings_with({account_for(server, Flavour::Cloud, JiraAuth::Basic)}), fast_retries());
    const auto r = live.fetch_one(query);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("Jira account 'main': the TLS connection to " + server.base_url() + " failed ("));
    CHECK_THAT(r.error, Catch::EndsWith("); if the server's certificate comes from a private CA, set ca_file to that "
                                        "CA's certificate."));
    CHECK(server.count() == 0);  // nothing reached the server, the token least of all
  }
  SECTION("with ca_file") {
    auto account = account_for(server, Flavour::Cloud, JiraAuth::Basic);
    account.ca_file = server.ca_file();
    LiveSource live(settings_with({account}), fast_retries());
    const auto r = live.fetch_one(query);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.count == 34);
  }
}
