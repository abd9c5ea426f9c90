#pragma once
// Scorecards as plain data (spec/scorecards.md §3): the vendor's GitOps YAML, loaded by
// src/catalog/scorecard_loader, plus the exemptions file. Expressions are kept as SourceFiles
// positioned inside the YAML file (base_line/base_column), so a diagnostic about a rule renders
// as `scorecards/prod.yaml:LINE:COL`. Immutable once loaded; safe to share between threads.
//
// Position limits: a plain or quoted single-line scalar maps exactly. A block scalar (`|`, `>`)
// maps its first line exactly; later lines keep the column inside the expression text (YAML
// strips the block's indentation). Inside a double-quoted scalar an escape (`\"`) shifts later
// columns on that line by one per escape, because the expression text is the unescaped value;
// the loader compensates for escapes on the first line when they precede nothing else (see
// scorecard_loader.cpp). Folded multi-line quoted scalars map their first line only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql {

struct ScorecardLevel {
  std::string name;
  std::int64_t rank = 0;
  std::optional<std::string> color;
};

// Which entities a scorecard (or a rule) applies to. All given conditions must hold.
struct EntityFilter {
  std::vector<std::string> types_include, types_exclude;    // entity types, compared case-insensitively
  std::vector<std::string> groups_include, groups_exclude;  // group names, compared exactly
  SourceRef query;  // CQL that must evaluate to true; null when absent
  bool empty() const noexcept {
    return types_include.empty() && types_exclude.empty() && groups_include.empty() &&
           groups_exclude.empty() && !query;
  }
};

struct ScorecardRule {
  std::string title;
  SourceRef expression;
  std::int64_t weight = 1;
  std::optional<std::string> level;  // a level name of the ladder
  std::string description;
  std::string failure_message;       // may hold {{...}} placeholders
  std::optional<Timestamp> effective_from;
  EntityFilter filter;
  std::uint32_t line = 0;            // where the rule starts in the YAML file
};

struct Scorecard {
  std::string tag;
  std::string name;
  std::string description;
  bool draft = false;
  std::vector<ScorecardLevel> levels;  // as declared
  EntityFilter filter;
  std::vector<ScorecardRule> rules;
  std::string origin_file;
  // FNV-1a-64 of the file text (hex); a checkpoint remembers it to notice edited scorecards.
  std::string fingerprint;

  const ScorecardLevel* find_level(std::string_view level_name) const noexcept {
    for (const auto& l : levels) if (l.name == level_name) return &l;
    return nullptr;
  }
};

struct ScorecardLoad {
  std::vector<Scorecard> scorecards;
  std::vector<Diagnostic> problems;  // invalid YAML or fields, with file:line:col (exit 65)
  bool unreadable = false;           // a named path could not be read at all (exit 74)
};

// Loads scorecard files, or every *.yaml / *.yml file of a directory (recursively, sorted by
// path). One file may hold several YAML documents, one scorecard each. Rule expressions are
// NOT compiled here: the caller compiles them with its Engine (see cql/batch.hpp).
ScorecardLoad load_scorecards(const std::vector<std::string>& paths);

// One scorecard document from text (`name` is used for positions and messages).
ScorecardLoad parse_scorecards(const std::string& name, const std::string& text);

// Whether a YAML file looks like a scorecard (a mapping with `rules` or `ladder` and `tag`),
// so `cql check` can tell scorecards from other YAML.
bool looks_like_scorecard(const std::string& text);

// One entry of the exemptions file (spec/scorecards.md §3).
struct Exemption {
  std::string scorecard;  // scorecard tag
  std::string entity;     // entity tag
  std::string rule;       // rule title
  std::optional<Timestamp> until;
  std::string reason;
};

struct ExemptionLoad {
  std::vector<Exemption> exemptions;
  std::vector<Diagnostic> problems;
  bool unreadable = false;
};

// A JSON or YAML list of {scorecard, entity, rule, until?, reason?}.
ExemptionLoad load_exemptions(const std::string& path);
ExemptionLoad parse_exemptions(const std::string& name, const std::string& text);

}  // namespace cql
