// `table` (the default on a terminal): per scorecard, the level distribution and one aligned
// row per entity with its level, score and failing rules.
#include <fmt/format.h>

#include "batch/report_text.hpp"
#include "batch/report_writers.hpp"

namespace cql::batch {

namespace {

void pad(std::ostream& out, std::string_view text, std::size_t width) {
  out << text;
  for (std::size_t n = text_width(text); n < width; ++n) out << ' ';
}

void write_scorecard(std::ostream& out, const ScorecardResult& card) {
  out << fmt::format("{} ({}): {} entities", card.name, card.tag, card.summary.entities);
  if (!card.levels.empty()) out << "  " << level_distribution(card);
  out << "\n\n";
  struct Row {
    std::string entity, level, score, percentage, failing;
  };
  std::vector<Row> rows{{"ENTITY", "LEVEL", "SCORE", "%", "FAILING RULES"}};
  for (const auto& e : card.entities) {
    Row row{e.tag, e.level.value_or("-"), fmt::format("{}/{}", e.score, e.total), format_percentage(e.percentage), ""};
    for (const auto& r : e.rules) {
      if (r.outcome != Outcome::Fail && r.outcome != Outcome::Error) continue;
      row.failing += (row.failing.empty() ? "" : ", ") + r.title + (r.outcome == Outcome::Error ? " (error)" : "");
    }
    rows.push_back(std::move(row));
  }
  std::size_t w[4] = {0, 0, 0, 0};
  for (const auto& r : rows) {
    w[0] = std::max(w[0], text_width(r.entity));
    w[1] = std::max(w[1], text_width(r.level));
    w[2] = std::max(w[2], text_width(r.score));
    w[3] = std::max(w[3], text_width(r.percentage));
  }
  for (const auto& r : rows) {
    pad(out, r.entity, w[0] + 2);
    pad(out, r.level, w[1] + 2);
    for (std::size_t n = text_width(r.score); n < w[2]; ++n) out << ' ';
    out << r.score << "  ";
    for (std::size_t n = text_width(r.percentage); n < w[3]; ++n) out << ' ';
    out << r.percentage;
    if (!r.failing.empty()) out << "  " << r.failing;
    out << '\n';
  }
  out << '\n';
}

}  // namespace

void write_table(std::ostream& out, const BatchReport& report) {
  for (const auto& card : report.scorecards) write_scorecard(out, card);
  out << fmt::format("{} ms, {} requests, {} cache hits, {} errors\n", report.run.duration_ms, report.run.requests,
                     report.run.cache_hits, report.run.errors);
}

}  // namespace cql::batch
