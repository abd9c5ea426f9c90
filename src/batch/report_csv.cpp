// `csv`: one row per scorecard × entity × rule, RFC 4180 (CRLF line ends, fields holding a comma,
// quote or line break are quoted, quotes doubled).
#include <fmt/format.h>

#include "batch/report_writers.hpp"
#include "batch/value_json.hpp"

namespace cql::batch {

namespace {

void field(std::ostream& out, std::string_view text, bool first = false) {
  if (!first) out << ',';
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace

void write_csv(std::ostream& out, const BatchReport& report) {
  constexpr std::string_view kHeader[] = {"scorecard", "entity", "entity_name", "entity_type", "entity_level", "score",
                                          "total", "percentage", "rule", "rule_level", "weight", "outcome", "value",
                                          "message", "error_kind", "error_message", "stale"};
  bool first = true;
  for (auto h : kHeader) field(out, h, std::exchange(first, false));
  out << "\r\n";
  for (const auto& card : report.scorecards) {
    for (const auto& e : card.entities) {
      const std::string score = std::to_string(e.score), total = std::to_string(e.total);
      const std::string percentage = fmt::format("{}", e.percentage);
      for (const auto& r : e.rules) {
        field(out, card.tag, true);
        field(out, e.tag);
        field(out, e.name);
        field(out, e.type);
        field(out, e.level.value_or(""));
        field(out, score);
        field(out, total);
        field(out, percentage);
        field(out, r.title);
        field(out, r.level.value_or(""));
        field(out, std::to_string(r.weight));
        field(out, outcome_name(r.outcome));
        field(out, r.value ? value_to_json(*r.value).dump(-1, ' ', false, Json::error_handler_t::replace) : std::string());
        field(out, r.message.value_or(""));
        field(out, r.error ? kind_name(r.error->kind) : std::string_view());
        field(out, r.error ? r.error->message : std::string());
        field(out, r.stale ? "true" : "");
        out << "\r\n";
      }
    }
  }
}

}  // namespace cql::batch
