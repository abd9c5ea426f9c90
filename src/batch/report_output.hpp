#pragma once
// Writing reports to files: each file is written to a temporary name next to it and renamed
// into place, so a reader (CI, a dashboard) never sees half a report.

#include <string>

#include "cql/batch.hpp"

namespace cql::batch {

// Returns false and sets `error` (naming the path) on failure.
bool write_report_file(const std::string& path, const BatchReport& report, ReportFormat format, std::string& error);

}  // namespace cql::batch
