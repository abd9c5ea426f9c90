// Scorecard YAML (spec/scorecards.md §3) → cql::Scorecard. Every problem is reported with its
// position and loading goes on, so `cql check` shows all of them at once.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "catalog/scorecard_expression_source.hpp"
#include "catalog/scorecard_hash.hpp"
#include "catalog/scorecard_yaml.hpp"
#include "cql/scorecard.hpp"

namespace cql {

namespace {

using scorecard_detail::YamlReporter;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class ScorecardParser {
 public:
  ScorecardParser(YamlReporter& reporter) : reporter_(reporter) {}

  std::optional<Scorecard> parse(const YAML::Node& doc) {
    if (!doc.IsMap()) {
      reporter_.error(doc, "a scorecard must be a YAML mapping with `tag`, `name` and `rules`");
      return std::nullopt;
    }
    const std::size_t errors_before = reporter_.error_count();
    reporter_.warn_unknown_keys(doc, {"tag", "name", "description", "draft", "ladder", "filter", "rules",
                                      "evaluation", "notifications", "exemptions", "type"},
                                "scorecard");
    Scorecard card;
    card.origin_file = reporter_.file_name();
    card.tag = reporter_.string_field(doc, "tag", true).value_or("");
    card.name = reporter_.string_field(doc, "name", false).value_or(card.tag);
    card.description = reporter_.string_field(doc, "description", false).value_or("");
    card.draft = reporter_.bool_field(doc, "draft").value_or(false);
    if (const YAML::Node ladder = doc["ladder"]; ladder && !ladder.IsNull()) parse_ladder(ladder, card);
    if (const YAML::Node filter = doc["filter"]; filter && !filter.IsNull()) card.filter = parse_filter(filter, "scorecard filter");
    const YAML::Node rules = doc["rules"];
    if (!rules || rules.IsNull()) {
      reporter_.error(doc, "missing required field `rules`");
    } else if (!rules.IsSequence()) {
      reporter_.error(rules, "`rules` must be a list");
    } else {
      std::set<std::string> titles;
      for (const auto& rule_node : rules) {
        auto rule = parse_rule(rule_node, card);
        if (!rule) continue;
        if (!titles.insert(rule->title).second) {
          reporter_.error(rule_node, fmt::format("duplicate rule title `{}` (titles identify rules in exemptions and reports)", rule->title));
        }
        card.rules.push_back(std::move(*rule));
      }
    }
    if (reporter_.error_count() != errors_before) return std::nullopt;
    return card;
  }

 private:
  void parse_ladder(const YAML::Node& ladder, Scorecard& card) {
    if (!ladder.IsMap()) {
      reporter_.error(ladder, "`ladder` must be a mapping with `levels`");
      return;
    }
    const YAML::Node levels = ladder["levels"];
    if (!levels || !levels.IsSequence()) {
      reporter_.error(levels ? levels : ladder, "`ladder.levels` must be a list of {name, rank, color}");
      return;
    }
    std::set<std::int64_t> ranks;
    for (const auto& node : levels) {
      if (!node.IsMap()) {
        reporter_.error(node, "a level must be a mapping {name, rank, color}");
        continue;
      }
      ScorecardLevel level;
      level.name = reporter_.string_field(node, "name", true).value_or("");
      const auto rank = reporter_.integer_field(node, "rank");
      if (!rank) {
        if (!node["rank"]) reporter_.error(node, "missing required field `rank`");
        continue;
      }
      if (*rank < 1) {
        reporter_.error(node["rank"], "a level's `rank` must be 1 or more");
        continue;
      }
      level.rank = *rank;
      level.color = reporter_.string_field(node, "color", false);
      if (card.find_level(level.name)) reporter_.error(node, fmt::format("duplicate level name `{}`", level.name));
      if (!ranks.insert(level.rank).second) reporter_.error(node["rank"], fmt::format("duplicate level rank {}", level.rank));
      card.levels.push_back(std::move(level));
    }
  }

  SourceRef expression(const YAML::Node& node, const char* what) {
    if (!node.IsScalar()) {
      reporter_.error(node, std::string(what) + " must be a string holding a CQL expression");
      return nullptr;
    }
    const auto mark = node.Mark();
    scorecard_detail::ScalarLocation at{static_cast<std::size_t>(std::max(mark.pos, 0)), node.Tag() == "!"};
    return scorecard_detail::embedded_expression(reporter_.file_name(), reporter_.text(), at, node.Scalar());
  }

  EntityFilter parse_filter(const YAML::Node& node, const char* what) {
    EntityFilter filter;
    if (!node.IsMap()) {
      reporter_.error(node, std::string(what) + " must be a mapping ({types, groups, query} or {category, query})");
      return filter;
    }
    reporter_.warn_unknown_keys(node, {"kind", "types", "groups", "query", "category"}, "filter");
    auto include_exclude = [&](const char* key, std::vector<std::string>& include, std::vector<std::string>& exclude) {
      const YAML::Node part = node[key];
      if (!part || part.IsNull()) return;
      if (!part.IsMap()) {
        reporter_.error(part, fmt::format("`{}` must be a mapping with `include` or `exclude`", key));
        return;
      }
      reporter_.warn_unknown_keys(part, {"include", "exclude"}, key);
      include = reporter_.string_list(part["include"], fmt::format("`{}.include`", key).c_str());
      exclude = reporter_.string_list(part["exclude"], fmt::format("`{}.exclude`", key).c_str());
    };
    include_exclude("types", filter.types_include, filter.types_exclude);
    include_exclude("groups", filter.groups_include, filter.groups_exclude);
    if (auto category = reporter_.string_field(node, "category", false)) {
      filter.types_include.push_back(lower(*category));
    }
    if (const YAML::Node query = node["query"]; query && !query.IsNull()) {
      filter.query = expression(query, "`filter.query`");
    }
    return filter;
  }

  std::optional<ScorecardRule> parse_rule(const YAML::Node& node, const Scorecard& card) {
    if (!node.IsMap()) {
      reporter_.error(node, "a rule must be a mapping with `title` and `expression`");
      return std::nullopt;
    }
    reporter_.warn_unknown_keys(node, {"title", "identifier", "expression", "weight", "level", "description",
                                       "failureMessage", "failure_message", "effectiveFrom", "filter"},
                                "rule");
    ScorecardRule rule;
    rule.line = static_cast<std::uint32_t>(node.Mark().line + 1);
    rule.title = reporter_.string_field(node, "title", true).value_or("");
    if (const YAML::Node expr = node["expression"]; expr && !expr.IsNull()) {
      rule.expression = expression(expr, "`expression`");
    } else {
      reporter_.error(node, "missing required field `expression`");
    }
    if (const auto weight = reporter_.integer_field(node, "weight")) {
      if (*weight < 0) reporter_.error(node["weight"], "`weight` must not be negative");
      rule.weight = *weight;
    }
    if (auto level = reporter_.string_field(node, "level", false)) {
      if (card.levels.empty()) {
        reporter_.error(node["level"], fmt::format("rule level `{}` needs a `ladder` with that level", *level));
      } else if (!card.find_level(*level)) {
        std::string names;
        for (const auto& l : card.levels) names += (names.empty() ? "" : ", ") + l.name;
        reporter_.error(node["level"], fmt::format("unknown level `{}` (the ladder has {})", *level, names));
      }
      rule.level = std::move(level);
    }
    rule.description = reporter_.string_field(node, "description", false).value_or("");
    auto message = reporter_.string_field(node, "failureMessage", false);
    if (!message) message = reporter_.string_field(node, "failure_message", false);
    rule.failure_message = message.value_or("");
    rule.effective_from = reporter_.timestamp_field(node, "effectiveFrom");
    if (const YAML::Node filter = node["filter"]; filter && !filter.IsNull()) rule.filter = parse_filter(filter, "rule filter");
    return rule;
  }

  YamlReporter& reporter_;
};

bool is_yaml_file(const std::filesystem::path& p) {
  const auto ext = lower(p.extension().string());
  return ext == ".yaml" || ext == ".yml";
}

void check_unique_tags(ScorecardLoad& load) {
  std::set<std::string> seen;
  for (const auto& card : load.scorecards) {
    if (!seen.insert(card.tag).second) {
      Diagnostic d;
      d.message = fmt::format("{}: duplicate scorecard tag `{}`", card.origin_file, card.tag);
      load.problems.push_back(std::move(d));
    }
  }
}

void load_file(const std::string& path, ScorecardLoad& load) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.kind = ErrorKind::Io;
    d.message = fmt::format("cannot read scorecard file {}", path);
    load.problems.push_back(std::move(d));
    load.unreadable = true;
    return;
  }
  std::ostringstream text;
  text << in.rdbuf();
  ScorecardLoad one = parse_scorecards(path, text.str());
  for (auto& card : one.scorecards) load.scorecards.push_back(std::move(card));
  for (auto& p : one.problems) load.problems.push_back(std::move(p));
}

}  // namespace

ScorecardLoad parse_scorecards(const std::string& name, const std::string& text) {
  ScorecardLoad load;
  YamlReporter reporter(name, text, load.problems);
  const std::string fingerprint = fmt::format("{:016x}", fnv1a_64(text));
  for (const auto& doc : scorecard_detail::load_documents(reporter)) {
    if (doc.IsNull()) continue;  // an empty document (`---` at the end)
    if (auto card = ScorecardParser(reporter).parse(doc)) {
      card->fingerprint = fingerprint;
      load.scorecards.push_back(std::move(*card));
    }
  }
  return load;
}

ScorecardLoad load_scorecards(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  ScorecardLoad load;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && is_yaml_file(it->path())) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        Diagnostic d;
        d.kind = ErrorKind::Io;
        d.message = fmt::format("no scorecard (*.yaml, *.yml) in directory {}", path);
        load.problems.push_back(std::move(d));
      }
      for (const auto& file : files) load_file(file, load);
    } else {
      load_file(path, load);
    }
  }
  check_unique_tags(load);
  return load;
}

bool looks_like_scorecard(const std::string& text) {
  try {
    for (const auto& doc : YAML::LoadAll(text)) {
      if (doc.IsMap() && doc["tag"] && (doc["rules"] || doc["ladder"])) return true;
    }
  } catch (const YAML::Exception&) {
    // Not YAML at all: certainly not a scorecard.
  }
  return false;
}

}  // namespace cql
