// Report formats (spec/scorecards.md §5): the exact JSON shape and its round trip, RFC 4180 CSV,
// Markdown tables, JUnit XML and HTML escaping, the aligned table.
#include <catch2/catch.hpp>

#include <sstream>

#include "batch/report_json.hpp"
#include "cql/batch.hpp"
#include "fixtures/batch/sample_report.hpp"

using namespace cql;

namespace {

std::string written(const BatchReport& report, ReportFormat format) {
  std::ostringstream out;
  write_report(out, report, format);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("json report has the exact shape of the spec", "[unit][report]") {
  const std::string json = written(test::sample_report(), ReportFormat::Json);
  const auto parsed = batch::Json::parse(json);
  const batch::Json expected = batch::Json::parse(R"({
  "scorecards": [{
    "tag": "prod", "name": "Production <Readiness>",
    "levels": [{"name": "Bronze", "rank": 1, "color": "#c38b5f"}, {"name": "Silver", "rank": 2}],
    "entities": [
      {"tag": "checkout", "name": "Checkout, \"web\"", "type": "service", "score": 0, "total": 5, "percentage": 0.0,
       "level": null,
       "rules": [
         {"title": "Has an owner", "level": "Bronze", "weight": 3, "outcome": "fail", "value": false,
          "message": "No owner, add \"x-cortex-owners\" <now>\nplease | thanks"},
         {"title": "Few issues", "level": "Silver", "weight": 2, "outcome": "error",
          "error": {"kind": "provider", "message": "Jira account `main` is unreachable"},
          "captures": {"open": 4}, "message": "4 open"},
         {"title": "Runbook, linked", "level": null, "weight": 1, "outcome": "not_applicable"}]},
      {"tag": "payments", "name": "Payments", "type": "service", "score": 5, "total": 5, "percentage": 100.0,
       "level": "Silver",
       "rules": [
         {"title": "Has an owner", "level": "Bronze", "weight": 3, "outcome": "pass", "value": true},
         {"title": "Few issues", "level": "Silver", "weight": 2, "outcome": "pass", "value": true,
          "captures": {"open": 1.5, "list": ["a", 2]}, "stale": true},
         {"title": "Runbook, linked", "level": null, "weight": 1, "outcome": "exempt"}]}],
    "summary": {
      "entities": 2,
      "levels": {"Bronze": 0, "Silver": 1},
      "rules": [
        {"title": "Has an owner", "pass": 1, "fail": 1, "error": 0, "exempt": 0, "not_applicable": 0},
        {"title": "Few issues", "pass": 1, "fail": 0, "error": 1, "exempt": 0, "not_applicable": 0},
        {"title": "Runbook, linked", "pass": 0, "fail": 0, "error": 0, "exempt": 1, "not_applicable": 1}]}}],
  "run": {"now": "2026-06-01T12:00:00Z", "duration_ms": 1234, "requests": 10, "cache_hits": 7, "errors": 1}
})");
  CHECK(parsed == expected);
  // Key order follows the spec (ordered JSON compares order too).
  CHECK(parsed.dump() == expected.dump());
}

TEST_CASE("json report reads back to the same text", "[unit][report]") {
  const std::string json = written(test::sample_report(), ReportFormat::Json);
  const auto read = read_json_report("scores.json", json);
  INFO((read.ok() ? std::string() : render(read.errors())));
  REQUIRE(read.ok());
  CHECK(written(read.value(), ReportFormat::Json) == json);
  CHECK(read.value().scorecards[0].entities[1].rules[1].captures[0].second.type() == Type::Double);
}

TEST_CASE("bad json reports name the file and the path", "[unit][report]") {
  auto r = read_json_report("a.json", "{");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::StartsWith("a.json: not a JSON report"));
  r = read_json_report("b.json", R"({"scorecards": [{"tag": "x", "name": "x", "levels": [], "entities": [{"tag": 1}]}]})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "b.json: scorecards[0].entities[0].tag must be a string");
  r = read_json_report("c.json", R"({"scorecards": [{"tag": "x", "name": "x", "levels": [], "entities": [
      {"tag": "e", "name": "e", "type": "service", "score": 0, "total": 0, "percentage": 100, "level": null,
       "rules": [{"title": "t", "level": null, "weight": 1, "outcome": "maybe"}]}]}]})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "c.json: scorecards[0].entities[0].rules[0].outcome: unknown outcome `maybe`");
}

TEST_CASE("csv has one RFC 4180 row per scorecard x entity x rule", "[unit][report]") {
  const std::string csv = written(test::sample_report(), ReportFormat::Csv);
  CHECK(count(csv, "\r\n") == 1 + 2 * 3);  // the header and 6 rows (the quoted message holds a bare \n)
  CHECK_THAT(csv, Catch::StartsWith("scorecard,entity,entity_name,entity_type,entity_level,score,total,percentage,"
                                    "rule,rule_level,weight,outcome,value,message,error_kind,error_message,stale\r\n"));
  CHECK_THAT(csv, Catch::Contains("prod,checkout,\"Checkout, \"\"web\"\"\",service,,0,5,0,Has an owner,Bronze,3,fail,false,"
                                  "\"No owner, add \"\"x-cortex-owners\"\" <now>\nplease | thanks\",,,\r\n"));
  CHECK_THAT(csv, Catch::Contains("prod,checkout,\"Checkout, \"\"web\"\"\",service,,0,5,0,Few issues,Silver,2,error,,"
                                  "4 open,provider,Jira account `main` is unreachable,\r\n"));
  CHECK_THAT(csv, Catch::Contains("prod,payments,Payments,service,Silver,5,5,100,Few issues,Silver,2,pass,true,,,,true\r\n"));
  CHECK_THAT(csv, Catch::Contains("\"Runbook, linked\",,1,exempt,"));
}

TEST_CASE("markdown has a summary table per scorecard", "[unit][report]") {
  const std::string md = written(test::sample_report(), ReportFormat::Markdown);
  CHECK_THAT(md, Catch::Contains("## Production &lt;Readiness&gt; (`prod`)"));
  CHECK_THAT(md, Catch::Contains("2 entities scored · Silver 1 · Bronze 0 · no level 1"));
  CHECK_THAT(md, Catch::Contains("| Rule | Level | Pass | Fail | Error | Exempt | N/A | Pass rate |"));
  CHECK_THAT(md, Catch::Contains("| Has an owner | Bronze | 1 | 1 | 0 | 0 | 0 | 50% |"));
  CHECK_THAT(md, Catch::Contains("| Runbook, linked |  | 0 | 0 | 0 | 1 | 1 | — |"));
  CHECK_THAT(md, Catch::Contains("| checkout | — | 0/5 | 0 | Has an owner, Few issues (error) |"));
  CHECK_THAT(md, Catch::Contains("| payments | Silver | 5/5 | 100 |  |"));
}

TEST_CASE("junit has a testsuite per scorecard and escapes everything", "[unit][report]") {
  const std::string xml = written(test::sample_report(), ReportFormat::Junit);
  CHECK_THAT(xml, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  CHECK_THAT(xml, Catch::Contains("<testsuites name=\"cql score\" tests=\"6\" failures=\"1\" errors=\"1\" skipped=\"2\" time=\"1.234\">"));
  CHECK_THAT(xml, Catch::Contains("<testsuite name=\"Production &lt;Readiness&gt;\" id=\"prod\" tests=\"6\" failures=\"1\" errors=\"1\" skipped=\"2\">"));
  CHECK_THAT(xml, Catch::Contains("<testcase classname=\"prod.checkout\" name=\"Has an owner\">\n      <failure message=\"No owner, "
                                  "add &quot;x-cortex-owners&quot; &lt;now&gt;\nplease | thanks\" type=\"fail\">"));
  CHECK_THAT(xml, Catch::Contains("<error message=\"4 open — provider error: Jira account `main` is unreachable\" type=\"provider\">"));
  CHECK_THAT(xml, Catch::Contains("<testcase classname=\"prod.payments\" name=\"Has an owner\"/>"));
  CHECK_THAT(xml, Catch::Contains("<skipped message=\"exempt\"/>"));
  CHECK_THAT(xml, Catch::Contains("<skipped message=\"not_applicable\"/>"));
  CHECK(count(xml, "<testcase ") == 6);
  CHECK(count(xml, "<testsuite ") == 1);
}

TEST_CASE("table aligns columns", "[unit][report]") {
  const std::string table = written(test::sample_report(), ReportFormat::Table);
  CHECK_THAT(table, Catch::Contains("Production <Readiness> (prod): 2 entities  Silver 1 · Bronze 0 · no level 1\n\n"
                                    "ENTITY    LEVEL   SCORE    %  FAILING RULES\n"
                                    "checkout  -         0/5    0  Has an owner, Few issues (error)\n"
                                    "payments  Silver    5/5  100\n"));
  CHECK_THAT(table, Catch::EndsWith("1234 ms, 10 requests, 7 cache hits, 1 errors\n"));
}

TEST_CASE("html is one self-contained, escaped page with every entity", "[unit][report][html]") {
  const std::string html = written(test::sample_report(), ReportFormat::Html);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""));
  // No external resource of any kind.
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  // Escaped data, never raw markup from the report.
  CHECK(html.find("<Readiness>") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("Production &lt;Readiness&gt;"));
  CHECK_THAT(html, Catch::Contains("title=\"Has an owner: fail\nNo owner, add &quot;x-cortex-owners&quot; &lt;now&gt;\nplease | thanks\""));
  CHECK_THAT(html, Catch::Contains("title=\"Few issues: error\n4 open — provider error: Jira account `main` is unreachable\""));
  CHECK_THAT(html, Catch::Contains("class=\"o o-pass stale\""));
  CHECK_THAT(html, Catch::Contains(">checkout</th>"));
  CHECK_THAT(html, Catch::Contains(">payments</th>"));
  // Level distribution with the level colour, pass rate per rule.
  CHECK_THAT(html, Catch::Contains("style=\"background:#c38b5f\""));
  CHECK_THAT(html, Catch::Contains("<td>Has an owner</td><td>Bronze</td>"));
  CHECK_THAT(html, Catch::Contains("50%</td></tr>"));
}

TEST_CASE("html drops level colours that are not colour literals", "[unit][report][html]") {
  BatchReport report = test::sample_report();
  report.scorecards[0].levels[0].color = "red\"><script>alert(1)</script>";
  const std::string html = written(report, ReportFormat::Html);
  CHECK(html.find("alert(1)") == std::string::npos);
}

TEST_CASE("format names and files", "[unit][report]") {
  CHECK(parse_report_format("md") == ReportFormat::Markdown);
  CHECK(parse_report_format("junit") == ReportFormat::Junit);
  CHECK_FALSE(parse_report_format("xml"));
  CHECK(report_file_name(ReportFormat::Junit) == "scores.junit.xml");
  CHECK(report_file_name(ReportFormat::Html) == "scores.html");
  CHECK(report_format_name(ReportFormat::Csv) == "csv");
  CHECK(outcome_name(Outcome::NotApplicable) == "not_applicable");
  CHECK(parse_outcome("exempt") == Outcome::Exempt);
  CHECK_FALSE(parse_outcome("skipped"));
}
