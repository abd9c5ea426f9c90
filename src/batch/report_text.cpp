#include "batch/report_text.hpp"

#include <fmt/format.h>

namespace cql::batch {

std::string markup_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string format_percentage(double percentage) {
  const std::string text = fmt::format("{:.1f}", percentage);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) return text.substr(0, text.size() - 2);
  return text;
}

std::size_t text_width(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string rule_detail(const RuleResult& rule) {
  std::string detail;
  if (rule.message && !rule.message->empty()) detail = *rule.message;
  if (rule.error) {
    if (!detail.empty()) detail += " — ";
    detail += fmt::format("{} error: {}", kind_name(rule.error->kind), rule.error->message);
  }
  if (detail.empty()) detail = std::string(outcome_name(rule.outcome));
  if (rule.stale) detail += " (stale: kept from the previous run)";
  return detail;
}

std::string rule_level(const ScorecardResult& scorecard, std::string_view title) {
  if (scorecard.entities.empty()) return {};
  for (const auto& rule : scorecard.entities.front().rules) {
    if (rule.title == title) return rule.level.value_or("");
  }
  return {};
}

std::string level_distribution(const ScorecardResult& scorecard) {
  std::string out;
  std::int64_t with_level = 0;
  for (auto it = scorecard.summary.levels.rbegin(); it != scorecard.summary.levels.rend(); ++it) {
    out += fmt::format("{}{} {}", out.empty() ? "" : " · ", it->first, it->second);
    with_level += it->second;
  }
  if (!scorecard.levels.empty()) {
    out += fmt::format("{}no level {}", out.empty() ? "" : " · ", scorecard.summary.entities - with_level);
  }
  return out;
}

}  // namespace cql::batch
