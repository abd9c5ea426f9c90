// The offline JQL evaluator (spec/jira.md §5, §7) over tests/fixtures/jql/eval-issues.json:
// six issues in projects A (Alpha) and B (Beta), evaluated at 2026-06-01T12:00:00Z (a Monday).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cql/time.hpp"
#include "jql/issue_index.hpp"
#include "jql/jql_parser.hpp"

using namespace cql;
using namespace cql::jql;

namespace {

const IssueIndex& fixture_index() {
  static const auto index = [] {
    auto loaded = IssueIndex::load(std::string(CQL_TEST_DATA_DIR) + "/fixtures/jql/eval-issues.json");
    if (!loaded.ok()) FAIL(loaded.error().message);
    return loaded.value();
  }();
  return *index;
}

JqlEvalContext context(std::string current_user = "ann@e.io") {
  return JqlEvalContext{*parse_timestamp("2026-06-01T12:00:00Z"), std::move(current_user)};
}

// The keys a query selects, in the order search() returns them.
std::vector<std::string> ordered(const std::string& jql, const JqlEvalContext& ctx = context()) {
  auto found = fixture_index().search(jql, ctx);
  INFO(jql);
  if (!found.ok()) FAIL("unexpected error: " << found.error().message);
  std::vector<std::string> keys;
  for (const auto* issue : found.value()) keys.push_back(issue->key);
  return keys;
}

// The keys a query selects, sorted (for set comparisons); count() must agree.
std::vector<std::string> keys(const std::string& jql, const JqlEvalContext& ctx = context()) {
  auto result = ordered(jql, ctx);
  std::sort(result.begin(), result.end());
  const auto count = fixture_index().count(jql, ctx);
  REQUIRE(count.ok());
  CHECK(count.value() == static_cast<std::int64_t>(result.size()));
  return result;
}

using Keys = std::vector<std::string>;

std::string error_of(const std::string& jql, const JqlEvalContext& ctx = context()) {
  auto count = fixture_index().count(jql, ctx);
  INFO(jql);
  REQUIRE_FALSE(count.ok());
  return count.error().message;
}

}  // namespace

TEST_CASE("project matches by key, name and id, case-insensitively", "[unit][jql][offline]") {
  CHECK(keys("project = A") == Keys{"A-1", "A-2", "A-3"});
  CHECK(keys("project = alpha") == Keys{"A-1", "A-2", "A-3"});
  CHECK(keys("project = 100") == Keys{"A-1", "A-2", "A-3"});
  CHECK(keys("project != A") == Keys{"B-10", "B-11", "B-2"});
  CHECK(keys("project in (a, Beta)").size() == 6);
  CHECK(keys("project not in (A)") == Keys{"B-10", "B-11", "B-2"});
  CHECK(error_of("project = NOPE") == "The value 'NOPE' does not exist for the field 'project'.");
  CHECK(error_of("project in (A, Zed)") == "The value 'Zed' does not exist for the field 'project'.");
}

TEST_CASE("labels: =, !=, IN, NOT IN, IS EMPTY, != never matches an empty field", "[unit][jql][offline]") {
  CHECK(keys("labels = x") == Keys{"A-1", "B-10"});
  CHECK(keys("labels = X") == Keys{"A-1", "B-10"});
  CHECK(keys("labels != x") == Keys{"A-2", "B-2"});
  CHECK(keys("labels is empty") == Keys{"A-3", "B-11"});
  CHECK(keys("labels = EMPTY") == Keys{"A-3", "B-11"});
  CHECK(keys("labels is not empty") == Keys{"A-1", "A-2", "B-10", "B-2"});
  CHECK(keys("labels != EMPTY") == Keys{"A-1", "A-2", "B-10", "B-2"});
  CHECK(keys("labels in (x, y)") == Keys{"A-1", "A-2", "B-10"});
  CHECK(keys("labels not in (x)") == Keys{"A-2", "B-2"});
  CHECK(keys("labels in (EMPTY, x)") == Keys{"A-1", "A-3", "B-10", "B-11"});
  CHECK(keys("labels = \"customer-facing\"") == Keys{"B-2"});
  CHECK(keys("labels = nothing-has-this").empty());
}

TEST_CASE("component matches by name or id, unknown components are an error", "[unit][jql][offline]") {
  CHECK(keys("component = core") == Keys{"A-1", "A-2"});
  CHECK(keys("component = 3") == Keys{"B-10", "B-2"});
  CHECK(keys("component is empty") == Keys{"A-3", "B-11"});
  CHECK(keys("component != UI") == Keys{"A-1", "B-10", "B-2"});
  CHECK(error_of("component = Nope") == "The value 'Nope' does not exist for the field 'component'.");
}

TEST_CASE("statusCategory by name, key and id, and No Category", "[unit][jql][offline]") {
  CHECK(keys("statusCategory = \"To Do\"") == Keys{"A-1", "B-10"});
  CHECK(keys("statusCategory = new") == Keys{"A-1", "B-10"});
  CHECK(keys("statusCategory = 2") == Keys{"A-1", "B-10"});
  CHECK(keys("statusCategory in (\"To Do\", \"In Progress\")") == Keys{"A-1", "A-2", "B-10", "B-2"});
  CHECK(keys("statusCategory = done") == Keys{"A-3"});
  CHECK(keys("statusCategory = \"No Category\"") == Keys{"B-11"});
  CHECK(keys("statusCategory = undefined") == Keys{"B-11"});
}

TEST_CASE("status, type, priority, resolution", "[unit][jql][offline]") {
  CHECK(keys("status = open") == Keys{"A-1", "B-10"});
  CHECK(keys("status = \"in progress\"") == Keys{"A-2"});
  CHECK(keys("type = bug") == Keys{"A-1", "B-11", "B-2"});
  CHECK(keys("issuetype in standardIssueTypes()") == Keys{"A-1", "A-2", "A-3", "B-11", "B-2"});
  CHECK(keys("issuetype in subTaskIssueTypes()") == Keys{"B-10"});
  CHECK(keys("priority = high") == Keys{"A-1"});
  CHECK(keys("priority != High") == Keys{"A-2", "A-3", "B-10", "B-11"});
  CHECK(keys("priority is empty") == Keys{"B-2"});
  CHECK(keys("resolution = Unresolved") == Keys{"A-1", "A-2", "B-10", "B-11", "B-2"});
  CHECK(keys("resolution != Unresolved") == Keys{"A-3"});
  CHECK(keys("resolution = fixed") == Keys{"A-3"});
  CHECK(keys("resolution is empty") == Keys{"A-1", "A-2", "B-10", "B-11", "B-2"});
}

TEST_CASE("priority compares by rank", "[unit][jql][offline]") {
  CHECK(keys("priority > Medium") == Keys{"A-1", "B-10"});
  CHECK(keys("priority >= Medium") == Keys{"A-1", "A-2", "B-10"});
  CHECK(keys("priority <= low") == Keys{"A-3", "B-11"});
  CHECK(keys("priority < Lowest").empty());
  CHECK(error_of("priority > Nope") == "The value 'Nope' does not exist for the field 'priority'.");
}

TEST_CASE("users by account id, name, email or display name, currentUser()", "[unit][jql][offline]") {
  CHECK(keys("assignee = \"Ann Lee\"") == Keys{"A-1", "B-2"});
  CHECK(keys("assignee = a1") == Keys{"A-1", "B-2"});
  CHECK(keys("assignee = \"ANN@E.IO\"") == Keys{"A-1", "B-2"});
  CHECK(keys("assignee = ann") == Keys{"A-1", "B-2"});
  CHECK(keys("assignee = currentUser()") == Keys{"A-1", "B-2"});
  CHECK(keys("reporter = currentUser()", context("Carol Diaz")) == Keys{"B-10", "B-2"});
  CHECK(keys("assignee is empty") == Keys{"A-2", "B-11"});
  CHECK(keys("assignee != \"Ann Lee\"") == Keys{"A-3", "B-10"});
  CHECK(keys("reporter in (bob, c3)") == Keys{"A-1", "A-3", "B-10", "B-2"});
  CHECK(error_of("assignee = currentUser()", context("")).find("currentUser()") != std::string::npos);
}

TEST_CASE("issue keys and ids, key order within a project", "[unit][jql][offline]") {
  CHECK(keys("key = A-1") == Keys{"A-1"});
  CHECK(keys("issuekey = a-1") == Keys{"A-1"});
  CHECK(keys("issue in (A-1, B-10)") == Keys{"A-1", "B-10"});
  CHECK(keys("id = 2002") == Keys{"B-2"});
  CHECK(keys("key != A-1").size() == 5);
  CHECK(keys("key > A-1") == Keys{"A-2", "A-3"});
  CHECK(keys("key <= B-2") == Keys{"B-2"});
  CHECK(keys("key > B-2") == Keys{"B-10", "B-11"});
  CHECK(keys("key is empty").empty());
  CHECK(error_of("key > nonsense") == "The issue key 'nonsense' for field 'key' is invalid.");
}

TEST_CASE("versions and parent", "[unit][jql][offline]") {
  CHECK(keys("fixVersion = \"1.0\"") == Keys{"A-3"});
  CHECK(keys("affectedVersion = 2.0") == Keys{"B-10"});
  CHECK(keys("fixVersion is empty").size() == 5);
  CHECK(keys("parent = B-10") == Keys{"B-11"});
  CHECK(keys("parent = 2010") == Keys{"B-11"});
}

TEST_CASE("dates: absolute, relative, to the minute, epoch milliseconds", "[unit][jql][offline]") {
  CHECK(keys("created >= -7d") == Keys{"A-1", "B-10"});
  CHECK(keys("created > -7d") == Keys{"A-1"});  // B-10 was created in the minute 7 days ago
  CHECK(keys("created > \"-1w 1d\"") == Keys{"A-1", "B-10"});
  CHECK(keys("created >= \"-4w 2d\"") == Keys{"A-1", "B-10"});
  CHECK(keys("created >= -10080") == Keys{"A-1", "A-2", "A-3", "B-10", "B-2"});  // a number: epoch ms
  CHECK(keys("created >= \"-10080\"") == Keys{"A-1", "B-10"});                     // text: minutes
  CHECK(keys("created > 1780000000000") == Keys{"A-1"});
  CHECK(keys("created = \"2026-05-25 12:00\"") == Keys{"B-10"});
  CHECK(keys("created = \"2026/05/25 12:00\"") == Keys{"B-10"});
  CHECK(keys("created = \"2026-05-25\"").empty());
  CHECK(keys("created < 2026-01-01") == Keys{"A-3"});  // +0100 offset: 2025-12-31T23:59:30Z
  CHECK(keys("created <= \"2025-12-31 23:59\"") == Keys{"A-3"});
  CHECK(keys("created is empty") == Keys{"B-11"});
  CHECK(keys("created != \"2026-05-25 12:00\"") == Keys{"A-1", "A-2", "A-3", "B-2"});
  CHECK(keys("created in (\"2026-05-25 12:00\", \"2026-04-01\")") == Keys{"B-10", "B-2"});
  CHECK(keys("created not in (\"2026-04-01\")") == Keys{"A-1", "A-2", "A-3", "B-10"});
  CHECK(keys("due = 2026-06-05") == Keys{"A-1"});
  CHECK(keys("duedate <= now()").empty());
  CHECK(keys("resolved >= \"2026-01-02\"") == Keys{"A-3"});
  CHECK(keys("resolutiondate is not empty") == Keys{"A-3"});
  CHECK(error_of("created > yesterday").rfind("Date value 'yesterday' for field 'created' is invalid.", 0) == 0);
}

TEST_CASE("date functions against the clock, weeks start on Sunday", "[unit][jql][offline]") {
  CHECK(keys("updated >= startOfDay()") == Keys{"A-1"});
  CHECK(keys("created >= startOfWeek()") == Keys{"A-1"});  // Sunday 2026-05-31
  CHECK(keys("created >= startOfMonth(-1)") == Keys{"A-1", "A-2", "B-10"});
  CHECK(keys("created >= startOfYear()") == Keys{"A-1", "A-2", "B-10", "B-2"});
  CHECK(keys("due < endOfWeek()") == Keys{"A-1"});
  CHECK(keys("due > endOfDay(\"+3d\")") == Keys{"A-1"});
  CHECK(keys("due > endOfDay(4)").empty());
  CHECK(error_of("created > startOfDay(\"soon\")").find("startOfDay") != std::string::npos);
}

TEST_CASE("the ~ operator matches words, prefixes and phrases, and !~ never matches an empty field", "[unit][jql][offline]") {
  CHECK(keys("summary ~ timeout") == Keys{"A-1"});
  CHECK(keys("summary ~ \"TIMEOUT\"") == Keys{"A-1"});
  CHECK(keys("summary ~ \"timeout*\"") == Keys{"A-1", "A-2"});
  CHECK(keys("summary ~ \"checkout login\"") == Keys{"A-1"});
  CHECK(keys("summary ~ \"\\\"login timeout\\\"\"") == Keys{"A-1"});
  CHECK(keys("summary ~ \"\\\"timeout login\\\"\"").empty());
  CHECK(keys("summary !~ timeout") == Keys{"A-2", "A-3", "B-10", "B-2"});
  CHECK(keys("summary is empty") == Keys{"B-11"});
  CHECK(keys("summary ~ quoted") == Keys{"B-2"});
  CHECK(keys("description ~ \"retry request\"") == Keys{"A-2"});  // ADF paragraphs
  CHECK(keys("description ~ \"\\\"the request\\\"\"") == Keys{"A-2"});
  CHECK(keys("comment ~ production") == Keys{"A-1"});
  CHECK(keys("text ~ production") == Keys{"A-1"});
  CHECK(keys("text ~ \"null pointer\"") == Keys{"B-10"});
  CHECK(keys("environment ~ linux") == Keys{"B-2"});
  CHECK(error_of("summary = x") == "The operator '=' is not supported by the 'summary' field.");
  CHECK(error_of("labels ~ x") == "The operator '~' is not supported by the 'labels' field.");
  CHECK(error_of("status > open") == "The operator '>' is not supported by the 'status' field.");
  CHECK(error_of("summary ~ \"!!\"").find("no words") != std::string::npos);
}

TEST_CASE("custom fields by cf[N], customfield_N and display name", "[unit][jql][offline]") {
  CHECK(keys("cf[100] = 5") == Keys{"A-1"});
  CHECK(keys("\"Story Points\" > 3") == Keys{"A-1"});
  CHECK(keys("cf[100] >= 3") == Keys{"A-1", "A-2"});
  CHECK(keys("cf[200] = gold") == Keys{"A-1"});
  CHECK(keys("customfield_200 = Gold") == Keys{"A-1"});
  CHECK(keys("tier ~ gold") == Keys{"A-1"});
  CHECK(keys("cf[100] is empty") == Keys{"A-3", "B-10", "B-11", "B-2"});
  CHECK(keys("cf[100] != 5") == Keys{"A-2"});
  CHECK(keys("cf[999] = 1").empty());
}

TEST_CASE("NOT is rewritten the way Jira does", "[unit][jql][offline]") {
  CHECK(keys("NOT labels = x") == keys("labels != x"));
  CHECK(keys("NOT labels = x") == Keys{"A-2", "B-2"});
  CHECK(keys("NOT (labels = x OR project = B)") == Keys{"A-2"});
  CHECK(keys("NOT (labels = x AND project = B)") == Keys{"A-1", "A-2", "A-3", "B-2"});
  CHECK(keys("NOT NOT labels = x") == Keys{"A-1", "B-10"});
  CHECK(keys("NOT priority > Medium") == Keys{"A-2", "A-3", "B-11"});
  CHECK(keys("NOT created >= -7d") == Keys{"A-2", "A-3", "B-2"});
  CHECK(keys("NOT summary ~ timeout") == keys("summary !~ timeout"));
  CHECK(keys("NOT labels is empty") == keys("labels is not empty"));
  CHECK(keys("NOT labels in (x, y)") == Keys{"B-2"});
}

TEST_CASE("AND, OR and parentheses", "[unit][jql][offline]") {
  CHECK(keys("project = A AND summary ~ \"timeout*\"") == Keys{"A-1", "A-2"});
  CHECK(keys("labels = x OR created >= -7d") == Keys{"A-1", "B-10"});
  CHECK(keys("project = B AND (labels = x OR priority = Low)") == Keys{"B-10", "B-11"});
  CHECK(keys("project = B AND labels = x OR priority = Low") == Keys{"B-10", "B-11"});
  CHECK(keys("").size() == 6);
  CHECK(keys("order by key").size() == 6);
}

TEST_CASE("ORDER BY: default, key, priority, dates, custom, empty values sort last ascending", "[unit][jql][offline]") {
  CHECK(ordered("") == Keys{"B-11", "A-1", "B-10", "A-2", "B-2", "A-3"});  // created DESC, key DESC
  CHECK(ordered("order by key") == Keys{"A-1", "A-2", "A-3", "B-2", "B-10", "B-11"});
  CHECK(ordered("order by key desc") == Keys{"B-11", "B-10", "B-2", "A-3", "A-2", "A-1"});
  CHECK(ordered("order by priority desc") == Keys{"B-2", "B-10", "A-1", "A-2", "B-11", "A-3"});
  CHECK(ordered("order by priority") == Keys{"A-3", "B-11", "A-2", "A-1", "B-10", "B-2"});
  CHECK(ordered("order by created asc") == Keys{"A-3", "B-2", "A-2", "B-10", "A-1", "B-11"});
  CHECK(ordered("project = A order by cf[100] desc") == Keys{"A-3", "A-1", "A-2"});
  CHECK(ordered("project = B order by status, key") == Keys{"B-2", "B-10", "B-11"});
  CHECK(ordered("labels is not empty order by assignee, key desc") == Keys{"B-2", "A-1", "B-10", "A-2"});
  CHECK(fixture_index().search("order by labels", context()).error().message == "Not able to sort using field 'labels'.");
}

TEST_CASE("search keeps the first `limit` issues of the order", "[unit][jql][offline]") {
  const auto found = fixture_index().search("order by key", context(), 2);
  REQUIRE(found.ok());
  REQUIRE(found.value().size() == 2);
  CHECK(found.value()[0]->key == "A-1");
  CHECK(found.value()[1]->key == "A-2");
}

TEST_CASE("what a dump cannot answer is an error naming the construct", "[unit][jql][offline]") {
  CHECK(error_of("status was open").rfind("WAS needs the change history", 0) == 0);
  CHECK(error_of("status was not in (open) before -1d").rfind("WAS NOT IN needs the change history", 0) == 0);
  CHECK(error_of("assignee changed").rfind("CHANGED needs the change history", 0) == 0);
  CHECK(error_of("assignee in membersOf(devs)") == "membersOf() needs Jira's user groups, which an issue dump does not have.");
  CHECK(error_of("sprint in openSprints()") == "openSprints() needs Jira's boards and sprints, which an issue dump does not have.");
  CHECK(error_of("fixVersion in releasedVersions(A)").rfind("releasedVersions() needs", 0) == 0);
  CHECK(error_of("fixVersion = latestReleasedVersion(A)").rfind("latestReleasedVersion() needs", 0) == 0);
  CHECK(error_of("issue in watchedIssues()").rfind("watchedIssues() needs", 0) == 0);
  CHECK(error_of("sprint = 5") == "The field 'sprint' is not in an issue dump, so the offline source cannot search it.");
  CHECK(error_of("issue.property[x].y = 1").rfind("Entity properties", 0) == 0);
  CHECK(error_of("foo = 1") == "Field 'foo' does not exist or you do not have permission to view it.");
  CHECK(error_of("status = nosuchFunction()") == "Unable to find JQL function 'nosuchFunction()'.");
}

TEST_CASE("syntax errors come back as syntax errors with Jira's position", "[unit][jql][offline]") {
  const auto count = fixture_index().count("status = ", context());
  REQUIRE_FALSE(count.ok());
  CHECK(count.error().kind == ErrorKind::Syntax);
  CHECK(count.error().message == "Expecting either a value or function before the end of the query. (line 1, character 10)");
  CHECK(fixture_index().count("status was open", context()).error().kind == ErrorKind::Provider);
}

TEST_CASE("known values are the projects and components in the dump", "[unit][jql][offline]") {
  const KnownValues known = fixture_index().known_values();
  CHECK(known.projects() == std::vector<std::string>{"A", "Alpha", "100", "B", "Beta", "200"});
  CHECK(known.components() == std::vector<std::string>{"Core", "UI", "API"});
}

TEST_CASE("to_issue gives the jira.issues() fields", "[unit][jql][offline]") {
  const auto found = fixture_index().search("key = A-1", context());
  REQUIRE(found.ok());
  const Issue issue = IssueIndex::to_issue(*found.value().front());
  CHECK(issue.key == "A-1");
  CHECK(issue.summary == "Login timeout on checkout page");
  CHECK(issue.status == "Open");
  CHECK(issue.status_category == "To Do");
  CHECK(issue.issue_type == "Bug");
  CHECK(issue.priority == "High");
  CHECK_FALSE(issue.resolution.has_value());
  CHECK(issue.assignee == "Ann Lee");
  CHECK(issue.reporter == "Bob Stone");
  CHECK(issue.created == parse_timestamp("2026-05-31T10:00:00Z"));
  CHECK(issue.due == parse_timestamp("2026-06-05T00:00:00Z"));
  CHECK(issue.labels == std::vector<std::string>{"x", "y"});
  CHECK(issue.components == std::vector<std::string>{"Core"});
  CHECK(issue.project == "A");
  CHECK(issue.url == "https://acme.atlassian.net/browse/A-1");
  const Value v = issue.to_value();
  REQUIRE(v.type() == Type::Object);
  CHECK(v.as_object().size() == 16);
  CHECK(v.as_object().find("key")->as_string() == "A-1");
  CHECK(v.as_object().find("resolution")->is_null());
  CHECK(v.as_object().find("created")->type() == Type::Timestamp);
  CHECK(v.as_object().find("labels")->as_list().size() == 2);
}
