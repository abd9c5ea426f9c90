// Scoring (spec/scorecards.md §3): outcomes, score/total/percentage, levels, exemptions,
// applicability, failure messages and stale outcomes — each rule pinned by a test.
#include <catch2/catch.hpp>

#include "batch/failure_message.hpp"
#include "batch/scoring.hpp"

using namespace cql;
using namespace cql::batch;

namespace {

ScorecardRule rule(std::string title, std::int64_t weight = 1, std::optional<std::string> level = std::nullopt) {
  ScorecardRule r;
  r.title = std::move(title);
  r.weight = weight;
  r.level = std::move(level);
  return r;
}

Scorecard ladder_card(std::vector<ScorecardLevel> levels, std::vector<ScorecardRule> rules) {
  Scorecard card;
  card.tag = "card";
  card.name = "Card";
  card.levels = std::move(levels);
  card.rules = std::move(rules);
  return card;
}

Entity entity(std::string tag = "payments") {
  Entity e;
  e.tag = std::move(tag);
  e.name = "Payments Service";
  return e;
}

RuleEvaluation passes() { return RuleEvaluation{true, false, Value(true), std::nullopt, {}}; }
RuleEvaluation fails() { return RuleEvaluation{true, false, Value(false), std::nullopt, {}}; }
RuleEvaluation errs(ErrorKind kind = ErrorKind::Type, std::string message = "boom") {
  return RuleEvaluation{true, false, std::nullopt, RuleError{kind, std::move(message)}, {}};
}
RuleEvaluation not_applicable() { return RuleEvaluation{false, false, std::nullopt, std::nullopt, {}}; }
RuleEvaluation exempt() { return RuleEvaluation{true, true, std::nullopt, std::nullopt, {}}; }

const std::vector<ScorecardLevel> kLadder = {{"Bronze", 1, std::nullopt}, {"Silver", 2, std::nullopt}, {"Gold", 3, std::nullopt}};

EntityResult score(const Scorecard& card, std::vector<RuleEvaluation> evaluations, const EntityResult* previous = nullptr) {
  return score_entity(card, entity(), evaluations, previous);
}

}  // namespace

TEST_CASE("score, total and percentage count weights of applicable, non-exempt rules", "[unit][scoring]") {
  const Scorecard card = ladder_card({}, {rule("a", 3), rule("b", 2), rule("c", 1), rule("d", 4), rule("e", 5)});
  const EntityResult r = score(card, {passes(), fails(), errs(), exempt(), not_applicable()});
  CHECK(r.score == 3);
  CHECK(r.total == 6);  // 3 + 2 + 1: the error counts, exempt and not applicable do not
  CHECK(r.percentage == Approx(50.0));
  CHECK_FALSE(r.level);  // no ladder
  REQUIRE(r.rules.size() == 5);
  CHECK(r.rules[0].outcome == Outcome::Pass);
  CHECK(r.rules[1].outcome == Outcome::Fail);
  CHECK(r.rules[2].outcome == Outcome::Error);
  CHECK(r.rules[3].outcome == Outcome::Exempt);
  CHECK(r.rules[4].outcome == Outcome::NotApplicable);
  CHECK(r.rules[0].weight == 3);
  CHECK(r.tag == "payments");
  CHECK(r.name == "Payments Service");
  CHECK(r.type == "service");
}

TEST_CASE("percentage is 100 when nothing counts", "[unit][scoring]") {
  const Scorecard card = ladder_card({}, {rule("a"), rule("b")});
  const EntityResult r = score(card, {exempt(), not_applicable()});
  CHECK(r.total == 0);
  CHECK(r.score == 0);
  CHECK(r.percentage == 100.0);

  const EntityResult none = score(ladder_card({}, {}), {});
  CHECK(none.percentage == 100.0);
}

TEST_CASE("a zero-weight rule counts neither way but still blocks its level", "[unit][scoring]") {
  const Scorecard card = ladder_card(kLadder, {rule("a", 0, "Bronze"), rule("b", 2)});
  const EntityResult r = score(card, {fails(), passes()});
  CHECK(r.score == 2);
  CHECK(r.total == 2);
  CHECK_FALSE(r.level);
}

TEST_CASE("level is the highest rank whose rules and all lower ranks pass", "[unit][scoring][level]") {
  const Scorecard card = ladder_card(kLadder, {rule("b1", 1, "Bronze"), rule("s1", 1, "Silver"), rule("g1", 1, "Gold")});
  CHECK(score(card, {passes(), passes(), passes()}).level == std::optional<std::string>("Gold"));
  CHECK(score(card, {passes(), passes(), fails()}).level == std::optional<std::string>("Silver"));
  CHECK(score(card, {passes(), fails(), passes()}).level == std::optional<std::string>("Bronze"));
  // None if a rank-1 rule fails, even when every higher rule passes.
  CHECK_FALSE(score(card, {fails(), passes(), passes()}).level);
  // An error blocks like a failure.
  CHECK(score(card, {passes(), errs(), passes()}).level == std::optional<std::string>("Bronze"));
  // Exempt counts as passing for levels.
  CHECK(score(card, {exempt(), passes(), exempt()}).level == std::optional<std::string>("Gold"));
  // A rule that does not apply does not block.
  CHECK(score(card, {passes(), not_applicable(), passes()}).level == std::optional<std::string>("Gold"));
}

TEST_CASE("a level none of whose rules apply counts as reached", "[unit][scoring][level]") {
  // No rule at Silver at all; the Gold rule does not apply.
  const Scorecard card = ladder_card(kLadder, {rule("b1", 1, "Bronze"), rule("g1", 1, "Gold")});
  CHECK(score(card, {passes(), not_applicable()}).level == std::optional<std::string>("Gold"));
  // A ladder without rules: the top level.
  CHECK(score(ladder_card(kLadder, {}), {}).level == std::optional<std::string>("Gold"));
}

TEST_CASE("levels with rank gaps and declared out of order", "[unit][scoring][level]") {
  const std::vector<ScorecardLevel> gaps = {{"Top", 7, std::nullopt}, {"Low", 2, std::nullopt}, {"Mid", 5, std::nullopt}};
  const Scorecard card = ladder_card(gaps, {rule("low", 1, "Low"), rule("mid", 1, "Mid"), rule("top", 1, "Top")});
  CHECK(score(card, {passes(), passes(), passes()}).level == std::optional<std::string>("Top"));
  CHECK(score(card, {passes(), fails(), passes()}).level == std::optional<std::string>("Low"));
  CHECK(score(card, {passes(), passes(), fails()}).level == std::optional<std::string>("Mid"));
  // The lowest rank is 2, not 1: a failure there still means no level.
  CHECK_FALSE(score(card, {fails(), passes(), passes()}).level);
}

TEST_CASE("rules without a level count only towards the score", "[unit][scoring][level]") {
  const Scorecard card = ladder_card(kLadder, {rule("b1", 1, "Bronze"), rule("free", 5)});
  const EntityResult r = score(card, {passes(), fails()});
  CHECK(r.level == std::optional<std::string>("Gold"));
  CHECK(r.score == 1);
  CHECK(r.total == 6);
}

TEST_CASE("a rule must evaluate to a bool", "[unit][scoring]") {
  const Scorecard card = ladder_card({}, {rule("n"), rule("s"), rule("null")});
  const EntityResult r = score(card, {RuleEvaluation{true, false, Value(3), std::nullopt, {}},
                                      RuleEvaluation{true, false, Value("yes"), std::nullopt, {}},
                                      RuleEvaluation{true, false, Value(), std::nullopt, {}}});
  REQUIRE(r.rules[0].outcome == Outcome::Error);
  CHECK(r.rules[0].error->kind == ErrorKind::Eval);
  CHECK(r.rules[0].error->message == "rule must evaluate to a boolean, got number");
  CHECK(r.rules[0].value->as_int() == 3);
  CHECK(r.rules[1].error->message == "rule must evaluate to a boolean, got string");
  CHECK(r.rules[2].error->message == "rule must evaluate to a boolean, got null");
  CHECK(r.total == 3);
  CHECK(r.score == 0);
}

TEST_CASE("failure messages are rendered for fail and error outcomes only", "[unit][scoring][message]") {
  ScorecardRule a = rule("a");
  a.failure_message = "{{entity.tag}} has {{context.evaluation.captures.n}}";
  ScorecardRule b = a, c = a;
  b.title = "b";
  c.title = "c";
  const Scorecard card = ladder_card({}, {a, b, c});
  std::vector<RuleEvaluation> evals = {passes(), fails(), errs()};
  for (auto& e : evals) e.captures = {{"n", Value(1)}, {"n", Value(7)}};
  const EntityResult r = score(card, evals);
  CHECK_FALSE(r.rules[0].message);
  CHECK(r.rules[1].message == std::optional<std::string>("payments has 7"));  // the last recorded value
  CHECK(r.rules[2].message == std::optional<std::string>("payments has 7"));
  // Captures are reported once per name with the last value.
  REQUIRE(r.rules[1].captures.size() == 1);
  CHECK(r.rules[1].captures[0].second.as_int() == 7);
  // Without a failureMessage there is no message.
  const EntityResult plain = score(ladder_card({}, {rule("x")}), {fails()});
  CHECK_FALSE(plain.rules[0].message);
}

TEST_CASE("placeholders render each value type", "[unit][scoring][message]") {
  const Entity e = entity();
  const std::vector<std::pair<std::string, Value>> captures = {
      {"int", Value(42)},
      {"double", Value(82.4)},
      {"string", Value("open")},
      {"bool", Value(false)},
      {"list", Value(List{Value(1), Value("a")})},
      {"object", Value(Object({{"k", Value(1)}}))},
      {"null", Value()},
  };
  auto render = [&](std::string_view t) { return render_failure_message(t, e, captures); };
  CHECK(render("{{context.evaluation.captures.int}}") == "42");
  CHECK(render("{{context.evaluation.captures.double}}%") == "82.4%");
  CHECK(render("{{ context.evaluation.captures.string }}") == "open");
  CHECK(render("{{context.evaluation.captures.bool}}") == "false");
  CHECK(render("{{context.evaluation.captures.list}}") == R"([1, "a"])");  // JSON, as to_display_text writes it
  CHECK(render("{{context.evaluation.captures.object}}") == R"({"k": 1})");
  CHECK(render("[{{context.evaluation.captures.never}}]") == "[]");
  CHECK(render("[{{something.else}}]") == "[]");
  CHECK(render("{{entity.name}} ({{entity.tag}})") == "Payments Service (payments)");
  CHECK(render("no placeholders") == "no placeholders");
  CHECK(render("unclosed {{entity.tag") == "unclosed {{entity.tag");
  CHECK(render("{{entity.tag}}{{entity.tag}}") == "paymentspayments");
}

TEST_CASE("exemptions match exactly and expire", "[unit][scoring][exemptions]") {
  const Timestamp now{1767225600000};  // 2026-01-01
  ExemptionIndex index({
      Exemption{"card", "payments", "Has a runbook", std::nullopt, ""},
      Exemption{"card", "payments", "Expired", Timestamp{now.ms - 1}, ""},
      Exemption{"card", "payments", "Until later", Timestamp{now.ms + 1}, ""},
      Exemption{"card", "payments", "Until now", now, ""},
  });
  CHECK(index.find("card", "payments", "Has a runbook", now));
  CHECK_FALSE(index.find("card", "payments", "has a runbook", now));  // titles match exactly
  CHECK_FALSE(index.find("card", "Payments", "Has a runbook", now));
  CHECK_FALSE(index.find("other", "payments", "Has a runbook", now));
  CHECK_FALSE(index.find("card", "payments", "Expired", now));
  CHECK(index.find("card", "payments", "Until later", now));
  CHECK_FALSE(index.find("card", "payments", "Until now", now));  // `until` must be after now
}

TEST_CASE("rule applicability: effectiveFrom and static filters", "[unit][scoring][filter]") {
  ScorecardRule r = rule("r");
  r.effective_from = Timestamp{1000};
  CHECK_FALSE(is_effective(r, Timestamp{999}));
  CHECK(is_effective(r, Timestamp{1000}));
  CHECK(is_effective(rule("always"), Timestamp{0}));

  Entity e = entity();
  e.type = "Service";
  e.groups = {"tier-1", "pci"};
  EntityFilter f;
  CHECK(static_filter_matches(f, e));
  f.types_include = {"service"};  // case-insensitive
  CHECK(static_filter_matches(f, e));
  f.types_include = {"library", "team"};
  CHECK_FALSE(static_filter_matches(f, e));
  f = {};
  f.types_exclude = {"SERVICE"};
  CHECK_FALSE(static_filter_matches(f, e));
  f = {};
  f.groups_include = {"nope", "pci"};
  CHECK(static_filter_matches(f, e));
  f.groups_include = {"Tier-1"};  // group names compare exactly
  CHECK_FALSE(static_filter_matches(f, e));
  f = {};
  f.groups_exclude = {"pci"};
  CHECK_FALSE(static_filter_matches(f, e));
  f.groups_exclude = {"legacy"};
  CHECK(static_filter_matches(f, e));
  // All conditions must hold.
  f = {};
  f.types_include = {"service"};
  f.groups_include = {"legacy"};
  CHECK_FALSE(static_filter_matches(f, e));
}

TEST_CASE("a provider error keeps the previous outcome, marked stale", "[unit][scoring][stale]") {
  ScorecardRule a = rule("a", 2, "Bronze");
  a.failure_message = "was {{context.evaluation.captures.n}}";
  const Scorecard card = ladder_card(kLadder, {a, rule("b", 1, "Silver"), rule("c", 1, "Gold"), rule("d")});

  EntityResult previous;
  previous.tag = "payments";
  RuleResult pa{"a", "Bronze", 2, Outcome::Pass, Value(true), std::nullopt, {{"n", Value(1)}}, std::nullopt, false};
  RuleResult pb{"b", "Silver", 1, Outcome::Fail, Value(false), std::nullopt, {}, std::string("old message"), false};
  RuleResult pc{"c", "Gold", 1, Outcome::NotApplicable, std::nullopt, std::nullopt, {}, std::nullopt, false};
  previous.rules = {pa, pb, pc};

  const EntityResult r = score(card, {errs(ErrorKind::Provider, "Jira is down"), errs(ErrorKind::Provider, "Jira is down"),
                                      errs(ErrorKind::Provider, "Jira is down"), errs(ErrorKind::Type, "bad")},
                               &previous);
  // a: kept as pass (stale), with the previous value and captures, and today's error for context.
  CHECK(r.rules[0].outcome == Outcome::Pass);
  CHECK(r.rules[0].stale);
  CHECK(r.rules[0].value->as_bool());
  CHECK(r.rules[0].error->message == "Jira is down");
  CHECK_FALSE(r.rules[0].message);
  // b: kept as fail with the previous message.
  CHECK(r.rules[1].outcome == Outcome::Fail);
  CHECK(r.rules[1].stale);
  CHECK(r.rules[1].message == std::optional<std::string>("old message"));
  // c: the previous run did not evaluate it: an error, not stale.
  CHECK(r.rules[2].outcome == Outcome::Error);
  CHECK_FALSE(r.rules[2].stale);
  // d: not a provider error: never stale.
  CHECK(r.rules[3].outcome == Outcome::Error);
  CHECK_FALSE(r.rules[3].stale);
  CHECK(r.score == 2);
  CHECK(r.total == 5);
  CHECK(r.level == std::optional<std::string>("Bronze"));

  // Without --previous the same evaluation is an error everywhere.
  const EntityResult fresh = score(card, {errs(ErrorKind::Provider), errs(ErrorKind::Provider), errs(ErrorKind::Provider),
                                          errs(ErrorKind::Type)});
  CHECK(fresh.rules[0].outcome == Outcome::Error);
  CHECK_FALSE(fresh.rules[0].stale);
  CHECK_FALSE(fresh.level);
}

TEST_CASE("reached_level ignores unknown level names", "[unit][scoring][level]") {
  RuleResult r;
  r.level = "Platinum";
  r.outcome = Outcome::Fail;
  CHECK(reached_level(kLadder, {r}) == std::optional<std::string>("Gold"));
  CHECK_FALSE(reached_level({}, {r}));
}
