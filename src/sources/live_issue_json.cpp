#include "sources/live_issue_json.hpp"

#include <algorithm>
#include <utility>

#include "cql/time.hpp"

namespace cql::sources {

namespace {

using nlohmann::json;

// jira.issues() object names → the Jira field that carries them.
constexpr std::pair<std::string_view, std::string_view> kFieldIds[] = {
    {"summary", "summary"},       {"status", "status"},         {"statusCategory", "status"},
    {"issueType", "issuetype"},   {"priority", "priority"},     {"resolution", "resolution"},
    {"assignee", "assignee"},     {"reporter", "reporter"},     {"created", "created"},
    {"updated", "updated"},       {"due", "duedate"},           {"labels", "labels"},
    {"components", "components"}, {"project", "project"},
};

std::optional<std::string> string_of(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// `{"name": ...}` objects (status, priority ...) and users (`displayName`).
std::optional<std::string> name_of(const json& fields, const char* field, const char* name_key = "name") {
  const auto it = fields.find(field);
  if (it == fields.end() || !it->is_object()) return std::nullopt;
  return string_of(*it, name_key);
}

std::optional<Timestamp> time_of(const json& fields, const char* field) {
  const auto text = string_of(fields, field);
  if (!text) return std::nullopt;
  return parse_timestamp(*text);
}

std::vector<std::string> names_in(const json& fields, const char* field, bool objects) {
  std::vector<std::string> out;
  const auto it = fields.find(field);
  if (it == fields.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (objects && item.is_object()) {
      if (auto name = string_of(item, "name")) out.push_back(std::move(*name));
    } else if (!objects && item.is_string()) {
      out.push_back(item.get<std::string>());
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> jira_fields_for(const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.emplace_back(id);
  };
  if (fields.empty()) {
    for (const auto& [name, id] : kFieldIds) add(id);
    return out;
  }
  for (const auto& f : fields) {
    if (f == "key" || f == "url") continue;  // always present / derived from the key
    const auto it = std::find_if(std::begin(kFieldIds), std::end(kFieldIds), [&f](const auto& p) { return p.first == f; });
    add(it != std::end(kFieldIds) ? it->second : std::string_view(f));
  }
  if (out.empty()) add("summary");  // an empty list would make Jira send every field
  return out;
}

Issue issue_from_json(const json& issue, const std::string& browse_base) {
  Issue out;
  out.key = string_of(issue, "key").value_or("");
  if (!browse_base.empty() && !out.key.empty()) out.url = browse_base + "/browse/" + out.key;
  const auto f = issue.find("fields");
  if (f == issue.end() || !f->is_object()) return out;
  const json& fields = *f;
  out.summary = string_of(fields, "summary").value_or("");
  out.status = name_of(fields, "status");
  if (const auto s = fields.find("status"); s != fields.end() && s->is_object()) {
    out.status_category = name_of(*s, "statusCategory");
  }
  out.issue_type = name_of(fields, "issuetype");
  out.priority = name_of(fields, "priority");
  out.resolution = name_of(fields, "resolution");
  out.assignee = name_of(fields, "assignee", "displayName");
  out.reporter = name_of(fields, "reporter", "displayName");
  out.created = time_of(fields, "created");
  out.updated = time_of(fields, "updated");
  out.due = time_of(fields, "duedate");
  out.labels = names_in(fields, "labels", false);
  out.components = names_in(fields, "components", true);
  out.project = name_of(fields, "project", "key").value_or("");
  return out;
}

}  // namespace cql::sources
