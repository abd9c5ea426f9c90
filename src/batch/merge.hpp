#pragma once
// `cql merge` (spec/scorecards.md §4.5): joins the JSON outputs of sharded runs into one report.
// The inputs must agree on the scorecards (tag, name, levels, rules) and must not score the same
// entity twice; summaries are recomputed and entities sorted by tag, so merging the shards of a
// run gives the same scorecards as the unsharded run.

#include <string>
#include <vector>

#include "cql/batch.hpp"

namespace cql::batch {

struct NamedReport {
  std::string name;  // the file it came from, for messages
  BatchReport report;
};

// Diagnostics (kind Syntax) name the files that disagree.
Result<BatchReport> merge_reports(std::vector<NamedReport> inputs);

// Sorts every scorecard's entities by tag and recomputes its summary.
void normalize_report(BatchReport& report);

}  // namespace cql::batch
