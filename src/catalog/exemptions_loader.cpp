// The exemptions file (spec/scorecards.md §3): a JSON or YAML list of
// {scorecard, entity, rule, until?, reason?}. JSON is a subset of YAML, so one parser reads both.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "catalog/scorecard_yaml.hpp"
#include "cql/scorecard.hpp"

namespace cql {

ExemptionLoad parse_exemptions(const std::string& name, const std::string& text) {
  ExemptionLoad load;
  scorecard_detail::YamlReporter reporter(name, text, load.problems);
  for (const auto& doc : scorecard_detail::load_documents(reporter)) {
    if (doc.IsNull()) continue;
    // `{exemptions: [...]}` is accepted too, as a file often wants a comment-like wrapper key.
    const YAML::Node list = doc.IsMap() && doc["exemptions"] ? doc["exemptions"] : doc;
    if (!list.IsSequence()) {
      reporter.error(list, "the exemptions file must be a list of {scorecard, entity, rule, until?, reason?}");
      continue;
    }
    for (const auto& item : list) {
      if (!item.IsMap()) {
        reporter.error(item, "an exemption must be a mapping {scorecard, entity, rule, until?, reason?}");
        continue;
      }
      reporter.warn_unknown_keys(item, {"scorecard", "entity", "rule", "until", "reason"}, "exemption");
      const std::size_t errors_before = reporter.error_count();
      Exemption e;
      e.scorecard = reporter.string_field(item, "scorecard", true).value_or("");
      e.entity = reporter.string_field(item, "entity", true).value_or("");
      e.rule = reporter.string_field(item, "rule", true).value_or("");
      e.until = reporter.timestamp_field(item, "until");
      e.reason = reporter.string_field(item, "reason", false).value_or("");
      if (reporter.error_count() == errors_before) load.exemptions.push_back(std::move(e));
    }
  }
  return load;
}

ExemptionLoad load_exemptions(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ExemptionLoad load;
    Diagnostic d;
    d.kind = ErrorKind::Io;
    d.message = fmt::format("cannot read exemptions file {}", path);
    load.problems.push_back(std::move(d));
    load.unreadable = true;
    return load;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_exemptions(path, text.str());
}

}  // namespace cql
