#pragma once
// One writer per report format (spec/scorecards.md §5); write_report() dispatches.

#include <ostream>

#include "cql/batch.hpp"

namespace cql::batch {

void write_json(std::ostream& out, const BatchReport& report);
void write_csv(std::ostream& out, const BatchReport& report);
void write_markdown(std::ostream& out, const BatchReport& report);
void write_junit(std::ostream& out, const BatchReport& report);
void write_html(std::ostream& out, const BatchReport& report);
void write_table(std::ostream& out, const BatchReport& report);

}  // namespace cql::batch
