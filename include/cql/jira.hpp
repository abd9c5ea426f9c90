#pragma once
// Jira settings shared by the composer, the sources and the CLI (spec/jira.md §2, §4).
// Loaded from the `jira:` section of `--config` (src/sources/config), or defaulted for an
// offline dump (one account, "default"). Immutable once loaded.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/issue_source.hpp"

namespace cql {

struct Entity;

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

// ---- JQL syntax (spec/jira.md §5; implemented in src/jql) ----

// A JQL syntax error the way Jira reports it.
struct JqlSyntaxError {
  std::string message;          // "Expecting operator but got 'x'."
  std::uint32_t line = 1;       // 1-based
  std::uint32_t character = 1;  // 1-based, in code points, within the line
  std::uint32_t offset = 0;     // byte offset of the error in the query text

  // "Expecting operator but got 'x'. (line 1, character 12)"
  std::string text() const;
};

// nullopt when `jql` is valid JQL (an empty or whitespace-only query is).
std::optional<JqlSyntaxError> check_jql_syntax(std::string_view jql);

// The normal form of a query: keywords upper-case, field and function names lower-case, every
// string value double-quoted, numbers bare, minimal parentheses. Queries that differ only in
// such spelling get the same text, so it keys caches. Invalid JQL comes back unchanged.
std::string normalize_jql_text(std::string_view jql);

// ---- The JQL sent for an entity (spec/jira.md §2; implemented in src/jql/composer.cpp) ----
//
// 1. Base: the call's argument; else the descriptor's x-cortex-issues.jira.defaultJql; else
//    the workspace JQL of the configuration; else `statusCategory in ("To Do", "In Progress")`.
// 2. Entity clause: `component = "<tag>" OR labels = "<tag>" OR project = "<tag>"`, or, when
//    the descriptor lists labels/components/projects, `labels = "<v>"`, `component = "<v>"`,
//    `project = "<v>"` ORed over the listed values.
// 3. Each listed value goes to its item's account (alias), else to the default account; the
//    default clause goes to the default account.
// 4. `(<base>) AND (<clause>)` (just `<clause>` for an empty base); the base's ORDER BY moves
//    to the end (dropped for counts; a search without one gets `ORDER BY created DESC, key DESC`).
//    Every value is a double-quoted JQL string with `\` and `"` escaped: no tag, label or
//    component can change the structure of the query.
// 5. Project and component values the account does not know are dropped (compared
//    case-insensitively; projects by key, name or id); an account left without a clause sends
//    nothing and counts 0.
// Pure and thread-safe; the known values come from the callback (IssueSource::known_values).

inline constexpr std::string_view kDefaultBaseJql = R"(statusCategory in ("To Do", "In Progress"))";
inline constexpr std::string_view kDefaultSearchOrder = "ORDER BY created DESC, key DESC";

struct ComposedJiraQuery {
  std::string account;  // the account alias
  std::string jql;      // exactly what is sent; empty when skipped
  // Nothing is sent for this account: each of its clauses named an unknown project or
  // component, so it counts 0 issues. `reason` says which, for `cql explain`.
  bool skipped = false;
  std::string reason;
  // What `jql` was built from, for planners that group entities sharing a base: the base's
  // clauses and ORDER BY as written (either may be empty), and the values of the entity
  // clause that survived pruning, in clause order, and that clause as written (`labels = "a"
  // OR component = "b"`).
  std::string base_where, base_order_by;
  std::vector<std::string> labels, components, projects;
  std::string entity_clause;
};

// The projects and components of an account, or null with `error` set.
using KnownValuesLookup = std::function<KnownValuesPtr(const std::string& account, std::string& error)>;

struct JiraComposeRequest {
  const Entity* entity = nullptr;
  const JiraSettings* settings = nullptr;
  std::optional<std::string_view> argument;  // the call's JQL (absent or null: none)
  QueryKind kind = QueryKind::Count;
};

// One query per account, in order (the default account first). Errors: an invalid base JQL
// (the argument, the defaultJql or the workspace JQL; ErrorKind::Eval with Jira's message and
// position), an item naming an account that is not configured, known values that could not be
// fetched (ErrorKind::Provider).
Result<std::vector<ComposedJiraQuery>> compose_jira_queries(const JiraComposeRequest& request,
                                                            const KnownValuesLookup& known);

}  // namespace cql
