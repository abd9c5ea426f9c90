#include "sources/cache_entry.hpp"

#include <nlohmann/json.hpp>

namespace cql::sources {

namespace {

using nlohmann::json;

json optional_text(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json optional_time(const std::optional<Timestamp>& t) { return t ? json(t->ms) : json(nullptr); }

std::optional<std::string> read_text(const json& j, const char* key) {
  const auto& v = j.at(key);
  if (v.is_null()) return std::nullopt;
  return v.get<std::string>();
}
std::optional<Timestamp> read_time(const json& j, const char* key) {
  const auto& v = j.at(key);
  if (v.is_null()) return std::nullopt;
  return Timestamp{v.get<std::int64_t>()};
}

json issue_json(const Issue& i) {
  return json{{"key", i.key},
              {"summary", i.summary},
              {"status", optional_text(i.status)},
              {"statusCategory", optional_text(i.status_category)},
              {"issueType", optional_text(i.issue_type)},
              {"priority", optional_text(i.priority)},
              {"resolution", optional_text(i.resolution)},
              {"assignee", optional_text(i.assignee)},
              {"reporter", optional_text(i.reporter)},
              {"created", optional_time(i.created)},
              {"updated", optional_time(i.updated)},
              {"due", optional_time(i.due)},
              {"labels", i.labels},
              {"components", i.components},
              {"project", i.project},
              {"url", optional_text(i.url)}};
}

Issue issue_from(const json& j) {
  Issue i;
  i.key = j.at("key").get<std::string>();
  i.summary = j.at("summary").get<std::string>();
  i.status = read_text(j, "status");
  i.status_category = read_text(j, "statusCategory");
  i.issue_type = read_text(j, "issueType");
  i.priority = read_text(j, "priority");
  i.resolution = read_text(j, "resolution");
  i.assignee = read_text(j, "assignee");
  i.reporter = read_text(j, "reporter");
  i.created = read_time(j, "created");
  i.updated = read_time(j, "updated");
  i.due = read_time(j, "due");
  i.labels = j.at("labels").get<std::vector<std::string>>();
  i.components = j.at("components").get<std::vector<std::string>>();
  i.project = j.at("project").get<std::string>();
  i.url = read_text(j, "url");
  return i;
}

}  // namespace

std::string encode_result(const QueryResult& result) {
  json issues = json::array();
  for (const auto& i : result.issues) issues.push_back(issue_json(i));
  return json{{"count", result.count}, {"issues", std::move(issues)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<QueryResult> decode_result(const std::string& text) {
  try {
    const json j = json::parse(text);
    QueryResult r;
    r.ok = true;
    r.count = j.at("count").get<std::int64_t>();
    for (const auto& i : j.at("issues")) r.issues.push_back(issue_from(i));
    return r;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::string encode_known_values(const KnownValues& known) {
  return json{{"projects", known.projects()}, {"components", known.components()}}.dump(-1, ' ', false,
                                                                                     json::error_handler_t::replace);
}

KnownValuesPtr decode_known_values(const std::string& text) {
  try {
    const json j = json::parse(text);
    return std::make_shared<const KnownValues>(j.at("projects").get<std::vector<std::string>>(),
                                               j.at("components").get<std::vector<std::string>>());
  } catch (const json::exception&) {
    return nullptr;
  }
}

}  // namespace cql::sources
