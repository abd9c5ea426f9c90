// `md`: per scorecard, the level distribution, a pass-rate table per rule and a table of
// entities with their failing rules (GitHub-flavoured tables, readable as CI job summaries).
#include <fmt/format.h>

#include "batch/report_text.hpp"
#include "batch/report_writers.hpp"

namespace cql::batch {

namespace {

// Table cells cannot hold `|` or line breaks; `<` is escaped so data cannot inject HTML.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string pass_rate(const RuleSummary& r) {
  const std::int64_t counted = r.pass + r.fail + r.error;
  return counted == 0 ? "—" : format_percentage(100.0 * static_cast<double>(r.pass) / static_cast<double>(counted)) + "%";
}

void write_scorecard(std::ostream& out, const ScorecardResult& card) {
  out << fmt::format("## {} (`{}`)\n\n", cell(card.name), cell(card.tag));
  out << fmt::format("{} entities scored", card.summary.entities);
  if (!card.levels.empty()) out << " · " << level_distribution(card);
  out << "\n\n";
  out << "| Rule | Level | Pass | Fail | Error | Exempt | N/A | Pass rate |\n";
  out << "|---|---|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& r : card.summary.rules) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", cell(r.title), cell(rule_level(card, r.title)), r.pass, r.fail,
                       r.error, r.exempt, r.not_applicable, pass_rate(r));
  }
  out << "\n| Entity | Level | Score | % | Failing rules |\n|---|---|--:|--:|---|\n";
  for (const auto& e : card.entities) {
    std::string failing;
    for (const auto& r : e.rules) {
      if (r.outcome != Outcome::Fail && r.outcome != Outcome::Error) continue;
      failing += (failing.empty() ? "" : ", ") + r.title + (r.outcome == Outcome::Error ? " (error)" : "");
    }
    out << fmt::format("| {} | {} | {}/{} | {} | {} |\n", cell(e.tag), cell(e.level.value_or("—")), e.score, e.total,
                       format_percentage(e.percentage), cell(failing));
  }
  out << "\n";
}

}  // namespace

void write_markdown(std::ostream& out, const BatchReport& report) {
  out << "# Scorecard results\n\n";
  for (const auto& card : report.scorecards) write_scorecard(out, card);
}

}  // namespace cql::batch
