#include "catalog/scorecard_yaml.hpp"

#include <algorithm>

#include "cql/time.hpp"

namespace cql::scorecard_detail {

YamlReporter::YamlReporter(std::string file_name, std::string text, std::vector<Diagnostic>& problems)
    : file_(std::make_shared<const SourceFile>(std::move(file_name), std::move(text))), problems_(problems) {}

void YamlReporter::add(const YAML::Node& node, Severity severity, std::string message) {
  const auto mark = node.Mark();
  const std::size_t begin = mark.pos >= 0 ? static_cast<std::size_t>(mark.pos) : 0;
  std::size_t end = begin + 1;
  if (node.IsScalar() && node.Tag() == "?") end = begin + std::max<std::size_t>(node.Scalar().size(), 1);
  end = std::min(end, file_->text().size());
  Diagnostic d;
  d.kind = ErrorKind::Syntax;
  d.severity = severity;
  d.message = std::move(message);
  d.source = file_;
  d.span = {static_cast<std::uint32_t>(std::min(begin, file_->text().size())), static_cast<std::uint32_t>(end)};
  if (severity == Severity::Error) ++errors_;
  problems_.push_back(std::move(d));
}

void YamlReporter::error(const YAML::Node& node, std::string message) { add(node, Severity::Error, std::move(message)); }
void YamlReporter::warning(const YAML::Node& node, std::string message) { add(node, Severity::Warning, std::move(message)); }

void YamlReporter::error_at(std::size_t offset, std::string message) {
  offset = std::min(offset, file_->text().size());
  Diagnostic d;
  d.kind = ErrorKind::Syntax;
  d.message = std::move(message);
  d.source = file_;
  d.span = {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(std::min(offset + 1, file_->text().size()))};
  ++errors_;
  problems_.push_back(std::move(d));
}

std::optional<std::string> YamlReporter::string_field(const YAML::Node& map, const char* key, bool required) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) {
    if (required) error(map, std::string("missing required field `") + key + "`");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(node, std::string("`") + key + "` must be a string");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::int64_t> YamlReporter::integer_field(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return std::nullopt;
  try {
    if (node.IsScalar()) return node.as<std::int64_t>();
  } catch (const YAML::BadConversion&) {
  }
  error(node, std::string("`") + key + "` must be an integer");
  return std::nullopt;
}

std::optional<bool> YamlReporter::bool_field(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return std::nullopt;
  try {
    if (node.IsScalar()) return node.as<bool>();
  } catch (const YAML::BadConversion&) {
  }
  error(node, std::string("`") + key + "` must be true or false");
  return std::nullopt;
}

std::optional<Timestamp> YamlReporter::timestamp_field(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return std::nullopt;
  if (node.IsScalar()) {
    if (auto t = parse_timestamp(node.Scalar())) return t;
  }
  error(node, std::string("`") + key + "` must be an ISO-8601 timestamp such as 2026-01-01T00:00:00Z");
  return std::nullopt;
}

std::vector<std::string> YamlReporter::string_list(const YAML::Node& node, const char* what) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    error(node, std::string(what) + " must be a list of strings");
    return out;
  }
  for (const auto& item : node) {
    if (item.IsScalar()) out.push_back(item.Scalar());
    else error(item, std::string(what) + " must be a list of strings");
  }
  return out;
}

void YamlReporter::warn_unknown_keys(const YAML::Node& map, std::initializer_list<const char*> known, const char* what) {
  for (const auto& entry : map) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    const bool is_known = std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; });
    if (!is_known) warning(entry.first, "unknown " + std::string(what) + " key `" + key + "` is ignored");
  }
}

std::vector<YAML::Node> load_documents(YamlReporter& reporter) {
  try {
    return YAML::LoadAll(reporter.text());
  } catch (const YAML::ParserException& e) {
    reporter.error_at(e.mark.pos >= 0 ? static_cast<std::size_t>(e.mark.pos) : 0, "invalid YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    reporter.error_at(0, std::string("invalid YAML: ") + e.what());
  }
  return {};
}

}  // namespace cql::scorecard_detail
