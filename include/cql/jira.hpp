#pragma once
// Jira settings shared by the composer, the sources and the CLI (spec/jira.md §2, §4).
// Loaded from the `jira:` section of `--config` (src/sources/config), or defaulted for an
// offline dump (one account, "default"). Immutable once loaded.

#include <optional>
#include <string>
#include <vector>

namespace cql {

enum class JiraFlavour { Cloud, DataCenter };
enum class JiraAuth { Basic, Bearer, OAuth };

struct JiraAccount {
  std::string alias;
  JiraFlavour flavour = JiraFlavour::Cloud;
  JiraAuth auth = JiraAuth::Basic;
  std::string base_url;    // https://acme.atlassian.net, or api.atlassian.com/ex/jira/<cloud_id> for OAuth
  std::string browse_url;  // where issue links point (<browse_url>/browse/KEY); empty: base_url
  std::string email;       // cloud basic auth
  std::string username;    // datacenter basic auth
  std::string cloud_id;    // oauth
  std::string secret_env;  // name of the environment variable holding the token/password
  std::string secret_file; // or a file holding it
  std::string proxy;
  std::string ca_file;
  std::string dump_file;   // offline: this account's own dump
  int max_in_flight = 8;
  double requests_per_second = 0;  // 0: unlimited
  std::string current_user;        // for JQL currentUser() offline
};

struct JiraSettings {
  std::vector<JiraAccount> accounts;
  std::string default_alias = "default";
  std::optional<std::string> workspace_jql;
  const JiraAccount* find(std::string_view alias) const noexcept {
    for (const auto& a : accounts) if (a.alias == alias) return &a;
    return nullptr;
  }
};

}  // namespace cql
