#pragma once
// Jira's REST issue JSON (both API flavours) to cql::Issue, and the field list a search asks
// for (Cloud's /search/jql returns only ids unless fields are named).

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cql/issue_source.hpp"

namespace cql::sources {

// Jira field ids for IssueQuery::fields, which may hold jira.issues() names (`issueType`,
// `statusCategory`, `due`) or Jira ids (`issuetype`, `duedate`); empty asks for every field
// of cql::Issue. Unknown names are passed through unchanged (custom fields).
std::vector<std::string> jira_fields_for(const std::vector<std::string>& fields);

// One element of a search answer's `issues`. `browse_base` makes the url (<base>/browse/KEY).
Issue issue_from_json(const nlohmann::json& issue, const std::string& browse_base);

}  // namespace cql::sources
