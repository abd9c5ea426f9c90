#pragma once
// The lines `cql explain` shows for a jira.numOfIssues()/jira.issues() call: the exact JQL
// sent per account for the current entity (spec/jira.md §2, spec/cli.md).
#include <string>

#include "cli/data_options.hpp"
#include "cql/engine.hpp"

namespace cql::cli {

// "    account default: (<base>) AND (<clause>)\n" per account, or why nothing is sent.
std::string jira_query_lines(const CallInfo& call, const LoadedData& data);

}  // namespace cql::cli
