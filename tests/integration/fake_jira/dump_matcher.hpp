#pragma once
// The fake Jira's query answers: JQL evaluated over the dump by the project's own offline
// JQL engine (src/jql), the same one the offline source uses (spec/jira.md §5–6). JQL the
// engine rejects, and project or component values absent from the dump, are answered like
// Jira's 400 (errorMessages).

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "tests/integration/fake_jira/fake_jira_server.hpp"

namespace cql::fake_jira {

// The issues of a dump file (a JSON array, {"issues": [...]} or JSON Lines).
std::vector<nlohmann::json> load_dump(const std::string& path);

Matcher dump_matcher(const std::vector<nlohmann::json>& issues);

}  // namespace cql::fake_jira
