// Issue dump loading (see issue_dump.hpp). Every top-level JSON value is parsed with a
// callback that turns each issue object into a DumpIssue the moment it is complete and then
// discards its JSON.
#include "sources/issue_dump.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cql/time.hpp"

namespace cql::sources {
namespace {

using nlohmann::json;

// A problem with the dump's content (not its JSON syntax); becomes a diagnostic.
struct DumpError {
  std::string message;
};

std::string string_at(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return {};
}

const json* object_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_object() ? &*it : nullptr;
}

std::optional<DumpNamed> named(const json& fields, const char* key) {
  const json* o = object_at(fields, key);
  if (!o) return std::nullopt;
  return DumpNamed{string_at(*o, "id"), string_at(*o, "name")};
}

std::vector<DumpNamed> named_list(const json& fields, const char* key) {
  std::vector<DumpNamed> out;
  const auto it = fields.find(key);
  if (it == fields.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (item.is_object()) out.push_back({string_at(item, "id"), string_at(item, "name")});
    if (item.is_string()) out.push_back({"", item.get<std::string>()});
  }
  return out;
}

std::optional<DumpUser> user(const json& fields, const char* key) {
  const json* o = object_at(fields, key);
  if (!o) return std::nullopt;
  return DumpUser{string_at(*o, "accountId"), string_at(*o, "name"), string_at(*o, "key"), string_at(*o, "emailAddress"),
                  string_at(*o, "displayName")};
}

// Atlassian Document Format (REST v3 descriptions and comments) to plain text.
void adf_text(const json& node, std::string& out) {
  if (node.is_string()) {
    out += node.get<std::string>();
    return;
  }
  if (!node.is_object()) return;
  if (const auto text = node.find("text"); text != node.end() && text->is_string()) out += text->get<std::string>();
  if (const auto content = node.find("content"); content != node.end() && content->is_array()) {
    for (const auto& child : *content) {
      // Paragraphs, list items and cells must not glue words together.
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      adf_text(child, out);
    }
  }
}

std::string text_field(const json& fields, const char* key) {
  const auto it = fields.find(key);
  if (it == fields.end() || it->is_null()) return {};
  std::string out;
  adf_text(*it, out);
  return out;
}

std::vector<std::string> comments_of(const json& fields) {
  std::vector<std::string> out;
  const auto it = fields.find("comment");
  if (it == fields.end()) return out;
  const json* list = &*it;
  if (it->is_object()) {
    const auto inner = it->find("comments");
    if (inner == it->end()) return out;
    list = &*inner;
  }
  if (!list->is_array()) return out;
  for (const auto& c : *list) {
    std::string body;
    adf_text(c.is_object() && c.contains("body") ? c["body"] : c, body);
    out.push_back(std::move(body));
  }
  return out;
}

std::optional<Timestamp> time_field(const json& fields, const char* key, const std::string& issue) {
  const auto it = fields.find(key);
  if (it == fields.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) {
    if (auto t = parse_timestamp(it->get<std::string>())) return t;
  }
  throw DumpError{fmt::format("issue {}: field '{}' is not a date or timestamp: {}", issue, key, it->dump())};
}

void flatten_custom(const json& v, DumpCustomValue& out) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (!out.date) out.date = parse_timestamp(s);
    out.texts.push_back(s);
  } else if (v.is_number()) {
    out.number = v.get<double>();
    out.texts.push_back(v.is_number_integer() ? std::to_string(v.get<std::int64_t>()) : v.dump());
  } else if (v.is_boolean()) {
    out.texts.push_back(v.get<bool>() ? "true" : "false");
  } else if (v.is_array()) {
    for (const auto& item : v) flatten_custom(item, out);
  } else if (v.is_object()) {
    // Select options (`value`, with a cascading `child`), users, versions, named objects.
    for (const char* key : {"value", "name", "displayName", "accountId", "emailAddress", "key"}) {
      if (const auto it = v.find(key); it != v.end() && it->is_string()) out.texts.push_back(it->get<std::string>());
    }
    if (const auto child = v.find("child"); child != v.end()) flatten_custom(*child, out);
  }
}

DumpIssue issue_from(const json& j, std::size_t position) {
  DumpIssue d;
  d.key = string_at(j, "key");
  d.id = string_at(j, "id");
  d.self = string_at(j, "self");
  if (d.key.empty()) throw DumpError{fmt::format("issue #{} has no \"key\"", position + 1)};
  const json* fields_ptr = object_at(j, "fields");
  if (!fields_ptr) throw DumpError{fmt::format("issue {} has no \"fields\" object", d.key)};
  const json& f = *fields_ptr;

  if (const auto dash = d.key.rfind('-'); dash != std::string::npos) {
    const std::string digits = d.key.substr(dash + 1);
    if (!digits.empty() && digits.size() < 18 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      d.key_number = std::stoll(digits);
    }
  }
  if (const json* p = object_at(f, "project")) {
    d.project_id = string_at(*p, "id");
    d.project_key = string_at(*p, "key");
    d.project_name = string_at(*p, "name");
  }
  if (d.project_key.empty() && d.key.find('-') != std::string::npos) d.project_key = d.key.substr(0, d.key.rfind('-'));
  d.summary = text_field(f, "summary");
  d.description = text_field(f, "description");
  d.environment = text_field(f, "environment");
  d.comments = comments_of(f);
  d.status = named(f, "status");
  if (const json* s = object_at(f, "status")) {
    if (const json* c = object_at(*s, "statusCategory")) {
      d.status_category = DumpNamed{string_at(*c, "id"), string_at(*c, "name")};
      d.status_category_key = string_at(*c, "key");
    }
  }
  d.issue_type = named(f, "issuetype");
  if (const json* t = object_at(f, "issuetype")) d.subtask = t->value("subtask", false);
  d.priority = named(f, "priority");
  d.resolution = named(f, "resolution");
  d.assignee = user(f, "assignee");
  d.reporter = user(f, "reporter");
  d.creator = user(f, "creator");
  d.created = time_field(f, "created", d.key);
  d.updated = time_field(f, "updated", d.key);
  d.resolved = time_field(f, "resolutiondate", d.key);
  d.due = time_field(f, "duedate", d.key);
  d.last_viewed = time_field(f, "lastViewed", d.key);
  if (const auto labels = f.find("labels"); labels != f.end() && labels->is_array()) {
    for (const auto& l : *labels) {
      if (l.is_string()) d.labels.push_back(l.get<std::string>());
    }
  }
  d.components = named_list(f, "components");
  d.fix_versions = named_list(f, "fixVersions");
  d.affected_versions = named_list(f, "versions");
  if (const json* p = object_at(f, "parent")) {
    d.parent_key = string_at(*p, "key");
    d.parent_id = string_at(*p, "id");
  }
  for (const auto& [name, value] : f.items()) {
    if (name.rfind("customfield_", 0) != 0) continue;
    DumpCustomValue v;
    flatten_custom(value, v);
    if (!v.empty()) d.custom.emplace_back(name, std::move(v));
  }
  std::sort(d.custom.begin(), d.custom.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return d;
}

bool is_page(const json& j) {
  return j.is_object() && j.contains("issues") && !j.contains("fields");
}

// Parses one top-level value: an issue, a page, or an array of either.
void parse_value(std::string_view text, IssueDump& dump) {
  struct Frame {
    bool array = false;
    std::string key;  // the last key seen in an object
  };
  std::vector<Frame> stack;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
    const auto d = static_cast<std::size_t>(depth);
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        stack.resize(d);
        stack.push_back({event == json::parse_event_t::array_start, {}});
        return true;
      case json::parse_event_t::key:
        if (d >= 1 && d - 1 < stack.size()) stack[d - 1].key = parsed.get<std::string>();
        return true;
      case json::parse_event_t::object_end: {
        // Where is this object? At the top, in the top-level array, or in a page's "issues".
        const bool top = d == 0;
        const bool in_top_array = d == 1 && stack[0].array;
        const bool in_issues = d >= 2 && stack[d - 1].array && !stack[d - 2].array && stack[d - 2].key == "issues";
        if (top || in_top_array || in_issues) {
          if (is_page(parsed)) {
            if (const auto names = parsed.find("names"); names != parsed.end() && names->is_object()) {
              for (const auto& [id, name] : names->items()) {
                if (name.is_string()) dump.custom_field_names.emplace_back(id, name.get<std::string>());
              }
            }
            return false;
          }
          dump.issues.push_back(issue_from(parsed, dump.issues.size()));
          return false;  // converted: drop the JSON now
        }
        return true;
      }
      default:
        return true;
    }
  };
  // Everything worth keeping went into `dump` through the callback; what is left is discarded.
  [[maybe_unused]] const json rest = json::parse(text.begin(), text.end(), callback);
}

// The end of the JSON value (object or array) starting at `begin`, or npos when unbalanced.
std::size_t value_end(std::string_view text, std::size_t begin) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

Diagnostic dump_error(const std::string& name, std::string_view text, std::size_t offset, const std::string& message) {
  Diagnostic d;
  d.kind = ErrorKind::Io;
  auto source = std::make_shared<SourceFile>(name, std::string(text));
  const auto pos = source->position(static_cast<std::uint32_t>(std::min(offset, text.size())));
  d.message = fmt::format("{}:{}:{}: bad issue dump: {}", name, pos.line, pos.column, message);
  return d;
}

}  // namespace

const DumpCustomValue* DumpIssue::custom_field(std::string_view id) const noexcept {
  const auto it = std::lower_bound(custom.begin(), custom.end(), id, [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != custom.end() && it->first == id ? &it->second : nullptr;
}

Result<IssueDump> parse_issue_dump(std::string_view text, const std::string& name) {
  IssueDump dump;
  std::size_t pos = 0;
  while (true) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n')) ++pos;
    if (pos == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") {  // a UTF-8 byte order mark
      pos = 3;
      continue;
    }
    if (pos >= text.size()) break;
    if (text[pos] != '{' && text[pos] != '[') {
      return dump_error(name, text, pos, "expected an issue object, an array of issues or a search page {\"issues\": [...]}");
    }
    const std::size_t end = value_end(text, pos);
    const std::string_view value = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    try {
      parse_value(value, dump);
    } catch (const json::parse_error& e) {
      // e.byte is 1-based, within this value.
      const std::size_t at = pos + (e.byte > 0 ? e.byte - 1 : 0);
      std::string what = e.what();
      if (const auto cut = what.find("parse error at line"); cut != std::string::npos) {
        // Drop nlohmann's own position (relative to the value); ours is relative to the file.
        if (const auto colon = what.find(": ", cut); colon != std::string::npos) what = what.substr(colon + 2);
      }
      return dump_error(name, text, at, what);
    } catch (const DumpError& e) {
      return dump_error(name, text, pos, e.message);
    } catch (const json::exception& e) {
      return dump_error(name, text, pos, e.what());
    }
    if (end == std::string_view::npos) break;
    pos = end;
  }
  return dump;
}

Result<IssueDump> load_issue_dump(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.kind = ErrorKind::Io;
    d.message = fmt::format("cannot read the issue dump {}", path);
    return d;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_issue_dump(text.str(), path);
}

}  // namespace cql::sources
