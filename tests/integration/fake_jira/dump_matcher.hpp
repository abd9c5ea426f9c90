#pragma once
// The fake Jira's query answers: JQL evaluated over the dump by the project's own offline
// JQL evaluator (src/jql/issue_index), the one the offline source uses (spec/jira.md §5–6).
// A syntax error, an unknown field, and a project or component value absent from the dump
// are answered like Jira's 400 (errorMessages). Constructs a dump cannot answer (WAS,
// CHANGED ...) are 400s too: the fake is only as good as the offline evaluator.

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cql/value.hpp"
#include "jql/issue_index.hpp"
#include "tests/integration/fake_jira/fake_jira_server.hpp"

namespace cql::fake_jira {

// The issues of a dump file as JSON, in file order (a JSON array or {"issues": [...]}).
std::vector<nlohmann::json> load_dump_json(const std::string& path);

// Answers JQL with `index`, whose issues must be those of the served JSON in the same order.
// `now` is the clock for relative dates; `current_user` answers currentUser().
Matcher dump_matcher(std::shared_ptr<const jql::IssueIndex> index, Timestamp now, std::string current_user = {});

}  // namespace cql::fake_jira
