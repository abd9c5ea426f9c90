// `junit`: one testsuite per scorecard, one testcase per entity × rule. A failing rule is a
// <failure> carrying its message, an erroring rule an <error>, exempt and not-applicable rules
// are <skipped>. Every text is XML-escaped.
#include <fmt/format.h>

#include "batch/report_text.hpp"
#include "batch/report_writers.hpp"

namespace cql::batch {

namespace {

struct Counts {
  std::int64_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

Counts count(const ScorecardResult& card) {
  Counts c;
  for (const auto& e : card.entities) {
    for (const auto& r : e.rules) {
      ++c.tests;
      if (r.outcome == Outcome::Fail) ++c.failures;
      if (r.outcome == Outcome::Error) ++c.errors;
      if (r.outcome == Outcome::Exempt || r.outcome == Outcome::NotApplicable) ++c.skipped;
    }
  }
  return c;
}

void write_testcase(std::ostream& out, const ScorecardResult& card, const EntityResult& e, const RuleResult& r) {
  out << fmt::format("    <testcase classname=\"{}.{}\" name=\"{}\"", markup_escape(card.tag), markup_escape(e.tag),
                     markup_escape(r.title));
  const std::string detail = markup_escape(rule_detail(r));
  switch (r.outcome) {
    case Outcome::Pass:
      out << "/>\n";
      return;
    case Outcome::Fail:
      out << fmt::format(">\n      <failure message=\"{}\" type=\"fail\">{}</failure>\n", detail, detail);
      break;
    case Outcome::Error:
      out << fmt::format(">\n      <error message=\"{}\" type=\"{}\">{}</error>\n", detail,
                         r.error ? kind_name(r.error->kind) : "error", detail);
      break;
    case Outcome::Exempt:
    case Outcome::NotApplicable:
      out << fmt::format(">\n      <skipped message=\"{}\"/>\n", outcome_name(r.outcome));
      break;
  }
  out << "    </testcase>\n";
}

}  // namespace

void write_junit(std::ostream& out, const BatchReport& report) {
  Counts all;
  for (const auto& card : report.scorecards) {
    const Counts c = count(card);
    all.tests += c.tests, all.failures += c.failures, all.errors += c.errors, all.skipped += c.skipped;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"cql score\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n",
                     all.tests, all.failures, all.errors, all.skipped, static_cast<double>(report.run.duration_ms) / 1000.0);
  for (const auto& card : report.scorecards) {
    const Counts c = count(card);
    out << fmt::format("  <testsuite name=\"{}\" id=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
                       markup_escape(card.name), markup_escape(card.tag), c.tests, c.failures, c.errors, c.skipped);
    for (const auto& e : card.entities) {
      for (const auto& r : e.rules) write_testcase(out, card, e, r);
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace cql::batch
