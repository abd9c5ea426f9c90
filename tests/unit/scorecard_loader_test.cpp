// Scorecard YAML loading: fields, both filter forms, validation messages with positions, and
// expression positions that point into the YAML file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cql/scorecard.hpp"

using namespace cql;

namespace {

std::string position_of(const SourceRef& source, std::uint32_t offset = 0) {
  const auto p = source->position(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string all_messages(const std::vector<Diagnostic>& problems) {
  std::string out;
  for (const auto& d : problems) out += render(d);
  return out;
}

constexpr const char* kFull = R"(tag: production-readiness
name: Production Readiness
description: Basics
draft: true
ladder:
  levels:
    - {name: Bronze, rank: 1, color: '#c38b5f'}
    - {name: Silver, rank: 2}
filter:
  kind: GENERIC
  types: {include: [service], exclude: [library]}
  groups: {include: [tier-1], exclude: [legacy]}
  query: 'entity.tag() != "legacy"'
rules:
  - title: Few open customer issues
    expression: jira.numOfIssues("labels = \"customer-facing\"") <= 3
    weight: 2
    level: Silver
    description: Keep it low
    failureMessage: 'There are {{context.evaluation.captures.open}} open issues'
    effectiveFrom: 2026-01-01T00:00:00Z
    filter: {kind: GENERIC, types: {include: [service]}, query: 'hasGroup("x")'}
  - title: Old style
    expression: true
    failure_message: old key
    filter: {category: SERVICE, query: 'true'}
)";

}  // namespace

TEST_CASE("a full scorecard loads every field", "[unit][scorecard]") {
  const auto load = parse_scorecards("prod.yaml", kFull);
  INFO(all_messages(load.problems));
  REQUIRE(load.problems.empty());
  REQUIRE(load.scorecards.size() == 1);
  const Scorecard& card = load.scorecards[0];
  CHECK(card.tag == "production-readiness");
  CHECK(card.name == "Production Readiness");
  CHECK(card.description == "Basics");
  CHECK(card.draft);
  CHECK(card.origin_file == "prod.yaml");
  CHECK(card.fingerprint.size() == 16);
  REQUIRE(card.levels.size() == 2);
  CHECK(card.levels[0].name == "Bronze");
  CHECK(card.levels[0].rank == 1);
  CHECK(card.levels[0].color == std::optional<std::string>("#c38b5f"));
  CHECK_FALSE(card.levels[1].color);
  CHECK(card.filter.types_include == std::vector<std::string>{"service"});
  CHECK(card.filter.types_exclude == std::vector<std::string>{"library"});
  CHECK(card.filter.groups_include == std::vector<std::string>{"tier-1"});
  CHECK(card.filter.groups_exclude == std::vector<std::string>{"legacy"});
  REQUIRE(card.filter.query);
  CHECK(card.filter.query->text() == R"(entity.tag() != "legacy")");

  REQUIRE(card.rules.size() == 2);
  const ScorecardRule& r = card.rules[0];
  CHECK(r.title == "Few open customer issues");
  CHECK(r.expression->text() == R"(jira.numOfIssues("labels = \"customer-facing\"") <= 3)");
  CHECK(r.weight == 2);
  CHECK(r.level == std::optional<std::string>("Silver"));
  CHECK(r.description == "Keep it low");
  CHECK(r.failure_message == "There are {{context.evaluation.captures.open}} open issues");
  REQUIRE(r.effective_from);
  CHECK(r.effective_from->ms == 1767225600000);
  CHECK(r.filter.types_include == std::vector<std::string>{"service"});
  CHECK(r.filter.query->text() == R"(hasGroup("x"))");
  CHECK(r.line == 15);

  const ScorecardRule& old = card.rules[1];
  CHECK(old.weight == 1);
  CHECK_FALSE(old.level);
  CHECK(old.failure_message == "old key");
  CHECK(old.filter.types_include == std::vector<std::string>{"service"});  // category, lower-cased
  CHECK(old.filter.query->text() == "true");
}

TEST_CASE("expression positions point into the YAML file", "[unit][scorecard]") {
  const auto load = parse_scorecards("prod.yaml", kFull);
  REQUIRE(load.scorecards.size() == 1);
  const Scorecard& card = load.scorecards[0];
  // Plain scalar at line 16, column 17.
  CHECK(position_of(card.rules[0].expression) == "16:17");
  // `<= 3` sits 49 bytes into the expression.
  const auto& text = card.rules[0].expression->text();
  CHECK(position_of(card.rules[0].expression, static_cast<std::uint32_t>(text.find("<="))) == "16:66");
  // Single-quoted scalar: after the quote.
  CHECK(position_of(card.filter.query) == "13:11");
  CHECK(position_of(card.rules[0].filter.query) == "22:66");
}

TEST_CASE("block and quoted scalars map lines and columns", "[unit][scorecard]") {
  const std::string yaml = R"(tag: t
rules:
  - title: literal
    expression: |
      jira.numOfIssues() <= 3
        AND git.fileExists("a  b")
  - title: folded
    expression: >-
      ownership.allOwners().length
      > 0
  - title: double quoted
    expression: "entity.tag() == 'x'"
  - title: escaped
    expression: "entity.tag() == \"x\""
  - title: folded comment
    expression: >
      true // a comment
      AND false
)";
  const auto load = parse_scorecards("s.yaml", yaml);
  INFO(all_messages(load.problems));
  REQUIRE(load.scorecards.size() == 1);
  const auto& rules = load.scorecards[0].rules;

  // A literal block keeps its raw lines (CQL ignores the indentation), so line 2 is exact too.
  const SourceRef& literal = rules[0].expression;
  CHECK(position_of(literal) == "5:7");
  const auto and_at = static_cast<std::uint32_t>(literal->text().find("AND"));
  CHECK(position_of(literal, and_at) == "6:9");
  // The string literal keeps its two spaces.
  CHECK(literal->text().find("\"a  b\"") != std::string::npos);

  const SourceRef& folded = rules[1].expression;
  CHECK(position_of(folded) == "9:7");
  CHECK(position_of(folded, static_cast<std::uint32_t>(folded->text().find('>'))) == "10:7");

  CHECK(position_of(rules[2].expression) == "12:18");
  CHECK(rules[2].expression->text() == "entity.tag() == 'x'");

  // Escapes: the decoded value is used, starting after the quote.
  CHECK(rules[3].expression->text() == "entity.tag() == \"x\"");
  CHECK(position_of(rules[3].expression) == "14:18");

  // A folded `//` comment would swallow the next line in the value: the value is kept as is.
  CHECK(rules[4].expression->text() == "true // a comment AND false\n");
}

TEST_CASE("invalid scorecards are reported with positions and all problems at once", "[unit][scorecard]") {
  const std::string yaml = R"(tag: bad
ladder:
  levels:
    - {name: Bronze, rank: 1}
    - {name: Bronze, rank: 1}
rules:
  - title: no expression
  - expression: "true"
  - title: weight
    expression: "true"
    weight: heavy
  - title: level
    expression: "true"
    level: Platinum
  - title: level
    expression: "true"
    effectiveFrom: yesterday
    expresion: typo
)";
  const auto load = parse_scorecards("bad.yaml", yaml);
  CHECK(load.scorecards.empty());
  const std::string text = all_messages(load.problems);
  CHECK_THAT(text, Catch::Contains("bad.yaml:5:7: error: duplicate level name `Bronze`"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:5:28: error: duplicate level rank 1"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:7:5: error: missing required field `expression`"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:8:5: error: missing required field `title`"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:11:13: error: `weight` must be an integer"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:14:12: error: unknown level `Platinum` (the ladder has Bronze, Bronze)"));
  CHECK_THAT(text, Catch::Contains("duplicate rule title `level`"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:17:20: error: `effectiveFrom` must be an ISO-8601 timestamp"));
  CHECK_THAT(text, Catch::Contains("bad.yaml:18:5: warning: unknown rule key `expresion` is ignored"));
}

TEST_CASE("a level without a ladder and broken YAML are errors", "[unit][scorecard]") {
  auto load = parse_scorecards("x.yaml", "tag: x\nrules:\n  - title: a\n    expression: 'true'\n    level: Gold\n");
  CHECK(load.scorecards.empty());
  CHECK_THAT(all_messages(load.problems), Catch::Contains("x.yaml:5:12: error: rule level `Gold` needs a `ladder`"));

  load = parse_scorecards("y.yaml", "tag: [unclosed\nrules: []\n");
  CHECK(load.scorecards.empty());
  REQUIRE_FALSE(load.problems.empty());
  CHECK_THAT(render(load.problems[0]), Catch::StartsWith("y.yaml:"));
  CHECK_THAT(render(load.problems[0]), Catch::Contains("invalid YAML"));

  load = parse_scorecards("z.yaml", "- just a list\n");
  CHECK(load.scorecards.empty());
  CHECK_THAT(all_messages(load.problems), Catch::Contains("a scorecard must be a YAML mapping"));
}

TEST_CASE("scorecards load from files and directories, duplicates and unreadable paths are reported",
          "[unit][scorecard]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cql_scorecard_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "nested");
  std::ofstream(dir / "a.yaml") << "tag: a\nrules: []\n---\ntag: b\nrules:\n  - title: t\n    expression: 'true'\n";
  std::ofstream(dir / "nested" / "c.yml") << "tag: c\nrules: []\n";
  std::ofstream(dir / "notes.txt") << "not yaml";
  std::ofstream(dir / "dup.yaml") << "tag: a\nrules: []\n";

  auto load = load_scorecards({dir.string()});
  std::vector<std::string> tags;
  for (const auto& s : load.scorecards) tags.push_back(s.tag);
  CHECK(tags == std::vector<std::string>{"a", "b", "a", "c"});  // sorted by path: a.yaml, dup.yaml, nested/c.yml
  CHECK_THAT(all_messages(load.problems), Catch::Contains("duplicate scorecard tag `a`"));
  CHECK_FALSE(load.unreadable);

  load = load_scorecards({(dir / "missing.yaml").string()});
  CHECK(load.unreadable);
  CHECK_THAT(all_messages(load.problems), Catch::Contains("cannot read scorecard file"));
  fs::remove_all(dir);
}

TEST_CASE("looks_like_scorecard tells scorecards from other YAML", "[unit][scorecard]") {
  CHECK(looks_like_scorecard("tag: x\nrules: []\n"));
  CHECK(looks_like_scorecard("tag: x\nladder: {levels: []}\n"));
  CHECK_FALSE(looks_like_scorecard("openapi: 3.0.1\ninfo: {title: x}\n"));
  CHECK_FALSE(looks_like_scorecard("{{{"));
}

TEST_CASE("exemptions load from YAML and JSON, with problems reported", "[unit][scorecard][exemptions]") {
  auto load = parse_exemptions("e.yaml", R"(- scorecard: security
  entity: legacy-billing
  rule: At least one required approval
  reason: Frozen
- scorecard: prod
  entity: status-page
  rule: On-call
  until: 2027-03-31T00:00:00Z
)");
  REQUIRE(load.problems.empty());
  REQUIRE(load.exemptions.size() == 2);
  CHECK(load.exemptions[0].scorecard == "security");
  CHECK(load.exemptions[0].entity == "legacy-billing");
  CHECK(load.exemptions[0].rule == "At least one required approval");
  CHECK(load.exemptions[0].reason == "Frozen");
  CHECK_FALSE(load.exemptions[0].until);
  REQUIRE(load.exemptions[1].until);
  CHECK(load.exemptions[1].until->ms == 1806451200000);

  load = parse_exemptions("e.json", R"([{"scorecard": "s", "entity": "e", "rule": "r", "until": "2026-01-01"}])");
  REQUIRE(load.problems.empty());
  REQUIRE(load.exemptions.size() == 1);
  CHECK(load.exemptions[0].until->ms == 1767225600000);

  load = parse_exemptions("bad.json", R"([{"scorecard": "s", "rule": "r", "until": "soon"}, 3])");
  CHECK(load.exemptions.empty());
  const std::string text = all_messages(load.problems);
  CHECK_THAT(text, Catch::Contains("missing required field `entity`"));
  CHECK_THAT(text, Catch::Contains("`until` must be an ISO-8601 timestamp"));
  CHECK_THAT(text, Catch::Contains("an exemption must be a mapping"));

  load = load_exemptions("/nonexistent/exemptions.yaml");
  CHECK(load.unreadable);
}
