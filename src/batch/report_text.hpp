#pragma once
// Small text helpers shared by the report writers.

#include <string>
#include <string_view>

#include "cql/batch.hpp"

namespace cql::batch {

// Escapes & < > " ' for XML and HTML text and attribute values, and drops the control
// characters XML 1.0 forbids (tab, newline and carriage return are kept).
std::string markup_escape(std::string_view text);

// Percentages for humans: one decimal, `100` and `0` without one (`66.7`, `100`).
std::string format_percentage(double percentage);

// The number of code points (column width of plain text).
std::size_t text_width(std::string_view text);

// What a cell says about a rule for humans: the message, else the error, else the outcome.
std::string rule_detail(const RuleResult& rule);

// The level of a rule (from the entity results, which all list every rule), or "".
std::string rule_level(const ScorecardResult& scorecard, std::string_view title);

// `Gold 3 · Silver 1 · no level 2`: the summary's level counts, best level first.
std::string level_distribution(const ScorecardResult& scorecard);

}  // namespace cql::batch
