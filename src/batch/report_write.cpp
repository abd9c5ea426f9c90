// write_report() and read_json_report(): the public entry points of the report formats.
#include <fmt/format.h>

#include "batch/report_json.hpp"
#include "batch/report_writers.hpp"

namespace cql {

namespace batch {

void write_json(std::ostream& out, const BatchReport& report) {
  // Invalid UTF-8 in data is replaced rather than making the whole report fail.
  out << report_to_json(report).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace batch

void write_report(std::ostream& out, const BatchReport& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::Json: batch::write_json(out, report); break;
    case ReportFormat::Csv: batch::write_csv(out, report); break;
    case ReportFormat::Markdown: batch::write_markdown(out, report); break;
    case ReportFormat::Junit: batch::write_junit(out, report); break;
    case ReportFormat::Html: batch::write_html(out, report); break;
    case ReportFormat::Table: batch::write_table(out, report); break;
  }
}

Result<BatchReport> read_json_report(const std::string& name, const std::string& text) {
  auto fail = [&](std::string message) {
    Diagnostic d;
    d.kind = ErrorKind::Syntax;
    d.message = fmt::format("{}: {}", name, message);
    return Result<BatchReport>(std::move(d));
  };
  batch::Json json;
  try {
    json = batch::Json::parse(text);
  } catch (const batch::Json::parse_error& e) {
    return fail(fmt::format("not a JSON report ({})", e.what()));
  }
  std::string error;
  auto report = batch::report_from_json(json, error);
  if (!report) return fail(error);
  return std::move(*report);
}

}  // namespace cql
