// Names of outcomes and formats, and the per-scorecard summary.
#include <algorithm>

#include "cql/batch.hpp"

namespace cql {

std::string_view outcome_name(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::Pass: return "pass";
    case Outcome::Fail: return "fail";
    case Outcome::Error: return "error";
    case Outcome::Exempt: return "exempt";
    case Outcome::NotApplicable: return "not_applicable";
  }
  return "error";
}

std::optional<Outcome> parse_outcome(std::string_view name) noexcept {
  for (Outcome o : {Outcome::Pass, Outcome::Fail, Outcome::Error, Outcome::Exempt, Outcome::NotApplicable}) {
    if (outcome_name(o) == name) return o;
  }
  return std::nullopt;
}

namespace {
struct FormatInfo {
  ReportFormat format;
  std::string_view name;
  std::string_view file;
};
constexpr FormatInfo kFormats[] = {
    {ReportFormat::Json, "json", "scores.json"},      {ReportFormat::Csv, "csv", "scores.csv"},
    {ReportFormat::Markdown, "md", "scores.md"},      {ReportFormat::Junit, "junit", "scores.junit.xml"},
    {ReportFormat::Html, "html", "scores.html"},      {ReportFormat::Table, "table", "scores.txt"},
};
}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept {
  for (const auto& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view report_format_name(ReportFormat format) noexcept {
  for (const auto& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "json";
}

std::string_view report_file_name(ReportFormat format) noexcept {
  for (const auto& f : kFormats) {
    if (f.format == format) return f.file;
  }
  return "scores.json";
}

ScorecardSummary summarize(const ScorecardResult& result, const std::vector<std::string>& rule_titles) {
  ScorecardSummary summary;
  summary.entities = static_cast<std::int64_t>(result.entities.size());
  std::vector<const ScorecardLevel*> levels;
  for (const auto& l : result.levels) levels.push_back(&l);
  std::stable_sort(levels.begin(), levels.end(), [](auto* a, auto* b) { return a->rank < b->rank; });
  for (const auto* l : levels) {
    const auto count = std::count_if(result.entities.begin(), result.entities.end(),
                                     [&](const EntityResult& e) { return e.level == l->name; });
    summary.levels.emplace_back(l->name, static_cast<std::int64_t>(count));
  }
  auto rule_summary = [&](const std::string& title) -> RuleSummary& {
    for (auto& r : summary.rules) {
      if (r.title == title) return r;
    }
    summary.rules.push_back(RuleSummary{title});
    return summary.rules.back();
  };
  for (const auto& title : rule_titles) rule_summary(title);
  for (const auto& entity : result.entities) {
    for (const auto& rule : entity.rules) {
      RuleSummary& s = rule_summary(rule.title);
      switch (rule.outcome) {
        case Outcome::Pass: ++s.pass; break;
        case Outcome::Fail: ++s.fail; break;
        case Outcome::Error: ++s.error; break;
        case Outcome::Exempt: ++s.exempt; break;
        case Outcome::NotApplicable: ++s.not_applicable; break;
      }
    }
  }
  return summary;
}

}  // namespace cql
