#include "batch/report_json.hpp"

#include <fmt/format.h>

#include "cql/time.hpp"

namespace cql::batch {

namespace {

std::optional<ErrorKind> parse_kind(std::string_view name) {
  for (ErrorKind k : {ErrorKind::Syntax, ErrorKind::Compile, ErrorKind::Type, ErrorKind::Eval, ErrorKind::Provider,
                      ErrorKind::Usage, ErrorKind::Io}) {
    if (kind_name(k) == name) return k;
  }
  return std::nullopt;
}

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json rule_result_to_json(const RuleResult& rule) {
  Json out = Json::object();
  out["title"] = rule.title;
  out["level"] = optional_string(rule.level);
  out["weight"] = rule.weight;
  out["outcome"] = outcome_name(rule.outcome);
  if (rule.value) out["value"] = value_to_json(*rule.value);
  if (rule.error) out["error"] = Json{{"kind", kind_name(rule.error->kind)}, {"message", rule.error->message}};
  if (!rule.captures.empty()) {
    Json captures = Json::object();
    for (const auto& [name, value] : rule.captures) captures[name] = value_to_json(value);
    out["captures"] = std::move(captures);
  }
  if (rule.message) out["message"] = *rule.message;
  if (rule.stale) out["stale"] = true;
  return out;
}

// Shape checks that report the JSON path of the offending value. Thrown only inside this file.
struct ShapeError {
  std::string message;
};

const Json& member(const Json& object, const char* key, const std::string& where) {
  if (!object.is_object()) throw ShapeError{fmt::format("{} must be an object", where)};
  const auto it = object.find(key);
  if (it == object.end()) throw ShapeError{fmt::format("{} has no `{}`", where, key)};
  return *it;
}

std::string string_member(const Json& object, const char* key, const std::string& where) {
  const Json& v = member(object, key, where);
  if (!v.is_string()) throw ShapeError{fmt::format("{}.{} must be a string", where, key)};
  return v.get<std::string>();
}

std::optional<std::string> nullable_string(const Json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw ShapeError{fmt::format("{}.{} must be a string or null", where, key)};
  return it->get<std::string>();
}

std::int64_t integer_member(const Json& object, const char* key, const std::string& where) {
  const Json& v = member(object, key, where);
  if (!v.is_number_integer()) throw ShapeError{fmt::format("{}.{} must be an integer", where, key)};
  return v.get<std::int64_t>();
}

const Json& array_member(const Json& object, const char* key, const std::string& where) {
  const Json& v = member(object, key, where);
  if (!v.is_array()) throw ShapeError{fmt::format("{}.{} must be a list", where, key)};
  return v;
}

RuleResult rule_from_json(const Json& json, const std::string& where) {
  RuleResult rule;
  rule.title = string_member(json, "title", where);
  rule.level = nullable_string(json, "level", where);
  rule.weight = integer_member(json, "weight", where);
  const std::string outcome = string_member(json, "outcome", where);
  const auto parsed = parse_outcome(outcome);
  if (!parsed) throw ShapeError{fmt::format("{}.outcome: unknown outcome `{}`", where, outcome)};
  rule.outcome = *parsed;
  if (const auto it = json.find("value"); it != json.end()) rule.value = report_value_from_json(*it);
  if (const auto it = json.find("error"); it != json.end() && !it->is_null()) {
    const std::string kind = string_member(*it, "kind", where + ".error");
    const auto parsed_kind = parse_kind(kind);
    if (!parsed_kind) throw ShapeError{fmt::format("{}.error.kind: unknown kind `{}`", where, kind)};
    rule.error = RuleError{*parsed_kind, string_member(*it, "message", where + ".error")};
  }
  if (const auto it = json.find("captures"); it != json.end() && !it->is_null()) {
    if (!it->is_object()) throw ShapeError{fmt::format("{}.captures must be an object", where)};
    for (const auto& [name, value] : it->items()) rule.captures.emplace_back(name, report_value_from_json(value));
  }
  rule.message = nullable_string(json, "message", where);
  if (const auto it = json.find("stale"); it != json.end()) rule.stale = it->is_boolean() && it->get<bool>();
  return rule;
}

EntityResult entity_from_json(const Json& json, const std::string& where) {
  EntityResult e;
  e.tag = string_member(json, "tag", where);
  e.name = string_member(json, "name", where);
  e.type = string_member(json, "type", where);
  e.score = integer_member(json, "score", where);
  e.total = integer_member(json, "total", where);
  const Json& percentage = member(json, "percentage", where);
  if (!percentage.is_number()) throw ShapeError{fmt::format("{}.percentage must be a number", where)};
  e.percentage = percentage.get<double>();
  e.level = nullable_string(json, "level", where);
  const Json& rules = array_member(json, "rules", where);
  for (std::size_t i = 0; i < rules.size(); ++i) e.rules.push_back(rule_from_json(rules[i], fmt::format("{}.rules[{}]", where, i)));
  return e;
}

ScorecardResult scorecard_from_json(const Json& json, const std::string& where) {
  ScorecardResult s;
  s.tag = string_member(json, "tag", where);
  s.name = string_member(json, "name", where);
  const Json& levels = array_member(json, "levels", where);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const std::string at = fmt::format("{}.levels[{}]", where, i);
    ScorecardLevel level;
    level.name = string_member(levels[i], "name", at);
    level.rank = integer_member(levels[i], "rank", at);
    level.color = nullable_string(levels[i], "color", at);
    s.levels.push_back(std::move(level));
  }
  const Json& entities = array_member(json, "entities", where);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    s.entities.push_back(entity_from_json(entities[i], fmt::format("{}.entities[{}]", where, i)));
  }
  // The summary is derived data: recomputed rather than trusted, with the rule order it lists.
  std::vector<std::string> titles;
  if (const auto summary = json.find("summary"); summary != json.end() && summary->is_object()) {
    if (const auto rules = summary->find("rules"); rules != summary->end() && rules->is_array()) {
      for (const auto& r : *rules) {
        if (r.is_object() && r.contains("title") && r["title"].is_string()) titles.push_back(r["title"].get<std::string>());
      }
    }
  }
  s.summary = summarize(s, titles);
  return s;
}

}  // namespace

Json entity_result_to_json(const EntityResult& entity) {
  Json out = Json::object();
  out["tag"] = entity.tag;
  out["name"] = entity.name;
  out["type"] = entity.type;
  out["score"] = entity.score;
  out["total"] = entity.total;
  out["percentage"] = entity.percentage;
  out["level"] = optional_string(entity.level);
  Json rules = Json::array();
  for (const auto& rule : entity.rules) rules.push_back(rule_result_to_json(rule));
  out["rules"] = std::move(rules);
  return out;
}

Json scorecard_result_to_json(const ScorecardResult& scorecard) {
  Json out = Json::object();
  out["tag"] = scorecard.tag;
  out["name"] = scorecard.name;
  Json levels = Json::array();
  for (const auto& l : scorecard.levels) {
    Json level = {{"name", l.name}, {"rank", l.rank}};
    if (l.color) level["color"] = *l.color;
    levels.push_back(std::move(level));
  }
  out["levels"] = std::move(levels);
  Json entities = Json::array();
  for (const auto& e : scorecard.entities) entities.push_back(entity_result_to_json(e));
  out["entities"] = std::move(entities);
  Json summary = Json::object();
  summary["entities"] = scorecard.summary.entities;
  Json level_counts = Json::object();
  for (const auto& [name, count] : scorecard.summary.levels) level_counts[name] = count;
  summary["levels"] = std::move(level_counts);
  Json rules = Json::array();
  for (const auto& r : scorecard.summary.rules) {
    rules.push_back(Json{{"title", r.title}, {"pass", r.pass}, {"fail", r.fail}, {"error", r.error},
                         {"exempt", r.exempt}, {"not_applicable", r.not_applicable}});
  }
  summary["rules"] = std::move(rules);
  out["summary"] = std::move(summary);
  return out;
}

Json report_to_json(const BatchReport& report) {
  Json out = Json::object();
  Json scorecards = Json::array();
  for (const auto& s : report.scorecards) scorecards.push_back(scorecard_result_to_json(s));
  out["scorecards"] = std::move(scorecards);
  out["run"] = Json{{"now", format_timestamp(report.run.now)},
                    {"duration_ms", report.run.duration_ms},
                    {"requests", report.run.requests},
                    {"cache_hits", report.run.cache_hits},
                    {"errors", report.run.errors}};
  return out;
}

std::optional<EntityResult> entity_result_from_json(const Json& json, const std::string& where, std::string& error) {
  try {
    return entity_from_json(json, where);
  } catch (const ShapeError& e) {
    error = e.message;
  } catch (const Json::exception& e) {
    error = fmt::format("{}: {}", where, e.what());
  }
  return std::nullopt;
}

std::optional<BatchReport> report_from_json(const Json& json, std::string& error) {
  try {
    BatchReport report;
    const Json& scorecards = array_member(json, "scorecards", "the report");
    for (std::size_t i = 0; i < scorecards.size(); ++i) {
      report.scorecards.push_back(scorecard_from_json(scorecards[i], fmt::format("scorecards[{}]", i)));
    }
    if (const auto run = json.find("run"); run != json.end() && run->is_object()) {
      if (const auto now = nullable_string(*run, "now", "run")) {
        const auto t = parse_timestamp(*now);
        if (!t) throw ShapeError{fmt::format("run.now: `{}` is not a timestamp", *now)};
        report.run.now = *t;
      }
      auto integer = [&](const char* key) -> std::int64_t {
        const auto it = run->find(key);
        return it != run->end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
      };
      report.run.duration_ms = integer("duration_ms");
      report.run.requests = integer("requests");
      report.run.cache_hits = integer("cache_hits");
      report.run.errors = integer("errors");
    }
    return report;
  } catch (const ShapeError& e) {
    error = e.message;
  } catch (const Json::exception& e) {
    error = e.what();
  }
  return std::nullopt;
}

}  // namespace cql::batch
