#include "batch/fail_under.hpp"

#include <charconv>

#include <fmt/format.h>

#include "batch/report_text.hpp"

namespace cql::batch {

std::optional<FailUnder> parse_fail_under(std::string_view text, std::string& error) {
  if (text.empty()) {
    error = "--fail-under needs a level name or a percentage";
    return std::nullopt;
  }
  std::string_view number = text;
  if (number.back() == '%') number.remove_suffix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec == std::errc() && end == number.data() + number.size() && !number.empty()) {
    if (value < 0 || value > 100) {
      error = fmt::format("--fail-under {}: a percentage must be between 0 and 100", text);
      return std::nullopt;
    }
    return FailUnder{value};
  }
  return FailUnder{std::string(text)};
}

std::vector<ThresholdMiss> threshold_misses(const BatchReport& report, const FailUnder& fail_under, bool& level_found) {
  std::vector<ThresholdMiss> misses;
  level_found = false;
  for (const auto& card : report.scorecards) {
    if (const double* percent = std::get_if<double>(&fail_under.threshold)) {
      for (const auto& e : card.entities) {
        if (e.percentage < *percent) {
          misses.push_back({card.tag, e.tag, fmt::format("{}% is below {}%", format_percentage(e.percentage), format_percentage(*percent))});
        }
      }
      continue;
    }
    const std::string& wanted = std::get<std::string>(fail_under.threshold);
    const ScorecardLevel* threshold = nullptr;
    for (const auto& l : card.levels) {
      if (l.name == wanted) threshold = &l;
    }
    if (!threshold) continue;
    level_found = true;
    for (const auto& e : card.entities) {
      const ScorecardLevel* reached = nullptr;
      for (const auto& l : card.levels) {
        if (e.level && l.name == *e.level) reached = &l;
      }
      if (!reached) misses.push_back({card.tag, e.tag, fmt::format("no level, {} wanted", wanted)});
      else if (reached->rank < threshold->rank) misses.push_back({card.tag, e.tag, fmt::format("{} is below {}", reached->name, wanted)});
    }
  }
  return misses;
}

}  // namespace cql::batch
