// `cql jql check [--json] [QUERY...]` (spec/cli.md): validates JQL queries, from the command
// line or one per line from stdin. Exit 65 when any query is invalid.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cql/diagnostic.hpp"
#include "jql/jql_parser.hpp"

namespace cql::cli {
namespace {

struct JqlCheckOptions {
  bool json = false;
  std::vector<std::string> queries;
};

// Checks one query and prints its line(s); returns whether it is valid.
bool check_query(const std::string& query, const std::string& origin, std::uint32_t line_number, bool json) {
  const jql::JqlParse parsed = jql::parse_jql(query);
  if (json) {
    nlohmann::ordered_json out = {{"query", query}, {"valid", parsed.ok()}};
    if (!parsed.ok()) {
      out["message"] = parsed.error->message;
      out["line"] = parsed.error->line;
      out["character"] = parsed.error->character;
    }
    fmt::print("{}\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return parsed.ok();
  }
  if (parsed.ok()) {
    fmt::print("valid: {}\n", query);
    return true;
  }
  Diagnostic d;
  d.kind = ErrorKind::Syntax;
  d.message = parsed.error->message;
  d.source = std::make_shared<SourceFile>(origin, query, line_number, 1);
  d.span = {parsed.error->offset, parsed.error->offset};
  fmt::print("{}", render(d));
  return false;
}

void run(const JqlCheckOptions& options) {
  bool all_valid = true;
  if (!options.queries.empty()) {
    for (const auto& q : options.queries) all_valid = check_query(q, "<jql>", 1, options.json) && all_valid;
  } else {
    std::string line;
    std::uint32_t number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      all_valid = check_query(line, "<stdin>", number, options.json) && all_valid;
    }
  }
  std::fflush(stdout);
  set_exit_status(all_valid ? kExitOk : kExitDataErr);
}

}  // namespace

void add_jql_command(CLI::App& app) {
  auto* jql = app.add_subcommand("jql", "work with JQL (Jira Query Language)");
  jql->require_subcommand(1);
  auto options = std::make_shared<JqlCheckOptions>();
  auto* check = jql->add_subcommand("check", "validate JQL queries (one per line from stdin when none is given)");
  check->add_flag("--json", options->json, "one JSON object per query");
  check->add_option("QUERY", options->queries, "queries to validate");
  check->callback([options] { run(*options); });
}

}  // namespace cql::cli
