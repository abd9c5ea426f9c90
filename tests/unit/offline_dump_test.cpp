// Loading issue dumps (spec/jira.md §5): the accepted shapes, Jira's field forms, and errors
// that point at the problem.
#include <catch2/catch.hpp>

#include "cql/time.hpp"
#include "sources/issue_dump.hpp"

using namespace cql;
using namespace cql::sources;

namespace {

const char* kIssue1 = R"({"id": "1", "key": "A-1", "fields": {"summary": "one"}})";
const char* kIssue2 = R"({"id": "2", "key": "A-2", "fields": {"summary": "two"}})";

std::vector<std::string> keys_of(std::string_view text) {
  auto dump = parse_issue_dump(text, "dump.json");
  if (!dump.ok()) FAIL(dump.error().message);
  std::vector<std::string> keys;
  for (const auto& i : dump.value().issues) keys.push_back(i.key);
  return keys;
}

std::string error_of(std::string_view text) {
  auto dump = parse_issue_dump(text, "dump.json");
  REQUIRE_FALSE(dump.ok());
  CHECK(dump.error().kind == ErrorKind::Io);
  return dump.error().message;
}

DumpIssue one_issue(std::string_view fields) {
  auto dump = parse_issue_dump(std::string(R"({"key": "P-7", "self": "https://x.example/rest/api/3/issue/7", "fields": )") +
                                   std::string(fields) + "}",
                               "dump.json");
  if (!dump.ok()) FAIL(dump.error().message);
  REQUIRE(dump.value().issues.size() == 1);
  return dump.value().issues.front();
}

}  // namespace

TEST_CASE("a dump is an array, a page, several pages, or JSON Lines", "[unit][jql][offline]") {
  const std::vector<std::string> both = {"A-1", "A-2"};
  CHECK(keys_of(std::string("[") + kIssue1 + "," + kIssue2 + "]") == both);
  CHECK(keys_of(std::string(R"({"startAt": 0, "issues": [)") + kIssue1 + "," + kIssue2 + "]}") == both);
  CHECK(keys_of(std::string(R"({"issues": [)") + kIssue1 + R"(]} {"issues": [)" + kIssue2 + "]}") == both);
  CHECK(keys_of(std::string(R"([{"issues": [)") + kIssue1 + R"(]}, {"issues": [)" + kIssue2 + "]}]") == both);
  CHECK(keys_of(std::string(kIssue1) + "\n" + kIssue2 + "\n") == both);
  CHECK(keys_of(std::string("\xEF\xBB\xBF[") + kIssue1 + "]") == std::vector<std::string>{"A-1"});
  CHECK(keys_of("[]").empty());
  CHECK(keys_of("  \n").empty());
}

TEST_CASE("issues nested inside an issue are not issues of the dump", "[unit][jql][offline]") {
  const auto keys = keys_of(R"([{"key": "A-1", "fields": {"parent": {"key": "A-0", "fields": {"summary": "p"}},
      "subtasks": [{"key": "A-9", "fields": {}}]}}])");
  CHECK(keys == std::vector<std::string>{"A-1"});
}

TEST_CASE("Jira's field forms become plain values", "[unit][jql][offline]") {
  const DumpIssue d = one_issue(R"({
    "summary": "s",
    "description": {"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "first"}]},
                                              {"type": "paragraph", "content": [{"type": "text", "text": "second"}]}]},
    "comment": {"comments": [{"body": "c1"}, {"body": {"type": "doc", "content": [{"type": "text", "text": "c2"}]}}]},
    "project": {"id": "10", "key": "P", "name": "Proj"},
    "status": {"id": "3", "name": "Done", "statusCategory": {"id": 3, "key": "done", "name": "Done"}},
    "issuetype": {"id": "5", "name": "Sub-task", "subtask": true},
    "priority": {"id": "2", "name": "High"},
    "resolution": {"id": "1", "name": "Fixed"},
    "assignee": {"accountId": "acc", "displayName": "Ann", "emailAddress": "ann@x.io"},
    "reporter": null,
    "created": "2025-10-02T08:06:00.000+0530",
    "duedate": "2025-11-06",
    "resolutiondate": "2025-10-03T00:00:00.000+0000",
    "labels": ["l1", "l2"],
    "components": [{"id": "7", "name": "API"}],
    "fixVersions": [{"id": "8", "name": "1.0"}],
    "versions": [{"name": "0.9"}],
    "parent": {"id": "6", "key": "P-6"},
    "customfield_1": {"value": "Gold", "child": {"value": "Plus"}},
    "customfield_2": [{"value": "a"}, {"value": "b"}],
    "customfield_3": 2.5,
    "customfield_4": "2026-01-01",
    "customfield_5": null
  })");
  CHECK(d.key == "P-7");
  CHECK(d.key_number == 7);
  CHECK(d.self == "https://x.example/rest/api/3/issue/7");
  CHECK(d.description == "first second");
  CHECK(d.comments == std::vector<std::string>{"c1", "c2"});
  CHECK(d.project_key == "P");
  CHECK(d.project_name == "Proj");
  CHECK(d.project_id == "10");
  CHECK(d.status->name == "Done");
  CHECK(d.status_category->name == "Done");
  CHECK(d.status_category->id == "3");
  CHECK(d.status_category_key == "done");
  CHECK(d.subtask);
  CHECK(d.assignee->account_id == "acc");
  CHECK(d.assignee->email == "ann@x.io");
  CHECK_FALSE(d.reporter.has_value());
  CHECK(d.created == parse_timestamp("2025-10-02T02:36:00Z"));
  CHECK(d.due == parse_timestamp("2025-11-06T00:00:00Z"));
  CHECK(d.resolved == parse_timestamp("2025-10-03T00:00:00Z"));
  CHECK_FALSE(d.updated.has_value());
  CHECK(d.labels == std::vector<std::string>{"l1", "l2"});
  CHECK(d.components.front().name == "API");
  CHECK(d.fix_versions.front().name == "1.0");
  CHECK(d.affected_versions.front().name == "0.9");
  CHECK(d.parent_key == "P-6");
  REQUIRE(d.custom_field("customfield_1"));
  CHECK(d.custom_field("customfield_1")->texts == std::vector<std::string>{"Gold", "Plus"});
  CHECK(d.custom_field("customfield_2")->texts == std::vector<std::string>{"a", "b"});
  CHECK(d.custom_field("customfield_3")->number == 2.5);
  CHECK(d.custom_field("customfield_4")->date == parse_timestamp("2026-01-01T00:00:00Z"));
  CHECK(d.custom_field("customfield_5") == nullptr);
  CHECK(d.custom_field("customfield_9") == nullptr);
}

TEST_CASE("a page's names give custom fields their display names", "[unit][jql][offline]") {
  auto dump = parse_issue_dump(R"({"names": {"customfield_1": "Story Points"}, "issues": []})", "d");
  REQUIRE(dump.ok());
  REQUIRE(dump.value().custom_field_names.size() == 1);
  CHECK(dump.value().custom_field_names[0].first == "customfield_1");
  CHECK(dump.value().custom_field_names[0].second == "Story Points");
}

TEST_CASE("the project key comes from the issue key when the project is missing", "[unit][jql][offline]") {
  const DumpIssue d = one_issue("{}");
  CHECK(d.project_key == "P");
}

TEST_CASE("bad dumps are errors that say where", "[unit][jql][offline]") {
  CHECK(error_of("[\n  {\"key\": \"A-1\", \"fields\": {}},\n  {\"key\": oops}\n]").rfind("dump.json:3:11: bad issue dump: syntax error while parsing value", 0) == 0);
  CHECK(error_of(R"([{"fields": {}}])") == "dump.json:1:1: bad issue dump: issue #1 has no \"key\"");
  CHECK(error_of(R"([{"key": "A-1"}])") == "dump.json:1:1: bad issue dump: issue A-1 has no \"fields\" object");
  CHECK(error_of(R"([{"key": "A-1", "fields": {"created": "yesterday"}}])") ==
        "dump.json:1:1: bad issue dump: issue A-1: field 'created' is not a date or timestamp: \"yesterday\"");
  CHECK(error_of("42") == "dump.json:1:1: bad issue dump: expected an issue object, an array of issues or a search page "
                          "{\"issues\": [...]}");
  CHECK(error_of("[{\"key\": \"A-1\", \"fields\": {}}").rfind("dump.json:", 0) == 0);
}

TEST_CASE("an unreadable dump file is an I/O error naming it", "[unit][jql][offline]") {
  auto dump = load_issue_dump("/nonexistent/dump.json");
  REQUIRE_FALSE(dump.ok());
  CHECK(dump.error().kind == ErrorKind::Io);
  CHECK(dump.error().message == "cannot read the issue dump /nonexistent/dump.json");
}
