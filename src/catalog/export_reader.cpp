#include "catalog/export_reader.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "catalog/descriptor_reader.hpp"
#include "catalog/entity_fields.hpp"
#include "eval/json_value.hpp"

namespace cql::catalog {

namespace {

std::size_t skip_space(std::string_view text, std::size_t i) {
  if (text.substr(i, 3) == "\xEF\xBB\xBF") i += 3;  // a UTF-8 byte order mark
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  return i;
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 5: " prefix: the diagnostic shows the position itself.
std::string parse_message(const nlohmann::json::parse_error& e) {
  std::string_view what = e.what();
  const auto column = what.find("column ");
  if (column != std::string_view::npos) {
    const auto colon = what.find(": ", column);
    if (colon != std::string_view::npos) return "invalid JSON: " + std::string(what.substr(colon + 2));
  }
  return "invalid JSON: " + std::string(what);
}

// Byte offsets of the elements of the entity array: the root array, or the array under the
// root object's "entities" key. nlohmann keeps no positions, so this one pass over text that
// already parsed finds them for the messages.
std::vector<std::uint32_t> element_offsets(std::string_view text) {
  std::vector<std::uint32_t> offsets;
  int depth = 0;            // nesting of [ and {
  int target = -1;          // the depth of the entity array's elements once known
  bool expect_element = false;
  bool root_is_object = false;
  std::string_view last_key;
  for (std::size_t i = skip_space(text, 0); i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (expect_element && depth == target && c != ']') {
      offsets.push_back(static_cast<std::uint32_t>(i));
      expect_element = false;
    }
    switch (c) {
      case '"': {
        const std::size_t start = i + 1;
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\\') ++i;
        }
        if (root_is_object && depth == 1) last_key = text.substr(start, i - start);
        break;
      }
      case '[':
        if (depth == 0) target = 1;
        if (depth == 1 && root_is_object && last_key == "entities" && target < 0) target = 2;
        ++depth;
        expect_element = depth == target;
        break;
      case '{':
        if (depth == 0) root_is_object = true;
        ++depth;
        break;
      case ']':
      case '}':
        --depth;
        break;
      case ',':
        expect_element = depth == target;
        break;
      default:
        break;
    }
  }
  return offsets;
}

// Converting JSON to Values recurses, so refuse absurd nesting before parsing (yaml-cpp has
// the same kind of guard for YAML).
constexpr int kMaxJsonDepth = 512;

std::optional<std::uint32_t> too_deep_at(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return static_cast<std::uint32_t>(i);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

// Parses `text` (which starts at byte `base` of the source) into a Value; a problem is reported
// as skipping `what` ("file", "line").
std::optional<Value> parse_json(std::string_view text, std::uint32_t base, const SourceRef& source,
                                std::vector<Diagnostic>& problems, std::string_view what) {
  auto report = [&](std::size_t offset, std::string message) {
    const auto at = static_cast<std::uint32_t>(base + offset);
    problems.push_back(diagnostic_at(source, {at, at + 1}, ErrorKind::Syntax, Severity::Error,
                                     fmt::format("{}; {} skipped", message, what)));
  };
  if (auto at = too_deep_at(text)) {
    report(*at, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    return std::nullopt;
  }
  try {
    return value_from_json(nlohmann::ordered_json::parse(text));
  } catch (const nlohmann::json::parse_error& e) {
    report(e.byte > 0 ? e.byte - 1 : 0, parse_message(e));
  } catch (const nlohmann::json::exception& e) {  // a number out of range
    report(skip_space(text, 0), std::string("invalid JSON: ") + e.what());
  }
  return std::nullopt;
}

// The API's ownership object: `{groups: [{groupName, provider, description}],
// emails|individuals: [{email, description}], slackChannels: [{channel, ...}]}`.
std::vector<Owner> read_ownership_object(const Value& ownership, const FieldProblems& problems) {
  auto with_type = [&](const char* key, const char* type) {
    std::vector<Owner> owners = read_owners(field(ownership, key), key, problems);
    for (auto& owner : owners) {
      if (owner.type.empty()) owner.type = type;
    }
    return owners;
  };
  std::vector<Owner> owners = with_type("groups", "group");
  for (const char* key : {"emails", "individuals"}) {
    for (auto& owner : with_type(key, "user")) owners.push_back(std::move(owner));
  }
  for (auto& owner : with_type("slackChannels", "slack")) owners.push_back(std::move(owner));
  return owners;
}

std::vector<Owner> read_export_owners(const Value& item, const FieldProblems& problems) {
  for (const char* key : {"owners", "ownership"}) {
    const Value* owners = field(item, key);
    if (!owners) continue;
    if (owners->type() == Type::Object) return read_ownership_object(*owners, problems);
    return read_owners(owners, key, problems);
  }
  return {};
}

std::optional<LoadedEntity> read_export_entity(const Value& item, const SourceRef& source, Span span,
                                               std::vector<Diagnostic>& problems) {
  if (item.type() != Type::Object) {
    problems.push_back(diagnostic_at(source, span, ErrorKind::Syntax, Severity::Error,
                                     fmt::format("an entity must be a JSON object, not {}; skipped", type_name(item.type()))));
    return std::nullopt;
  }
  if (field(item, "info")) {  // a descriptor written as JSON
    YamlDocument document{item, span.begin, {}};
    return read_descriptor(document, source, problems);
  }
  const Value* tag = field(item, "tag");
  if (!tag || tag->type() != Type::String || tag->as_string().empty()) {
    problems.push_back(diagnostic_at(source, span, ErrorKind::Syntax, Severity::Error,
                                     tag ? "an entity's tag must be non-empty text; skipped" : "entity has no tag; skipped"));
    return std::nullopt;
  }
  FieldProblems fields(source, problems, [span](std::string_view) { return span; });
  Entity entity;
  entity.tag = tag->as_string();
  fields.set_entity(entity.tag);
  entity.name = read_text(field(item, "name"), "name", fields).value_or(entity.tag);
  if (auto type = read_text(field(item, "type"), "type", fields)) entity.type = *type;
  entity.description = read_text(field(item, "description"), "description", fields);
  entity.is_archived = read_bool(field(item, "isArchived"), "isArchived", fields);
  entity.created = read_text(field(item, "created"), "created", fields);
  if (!entity.created) entity.created = read_text(field(item, "createdAt"), "createdAt", fields);
  entity.groups = read_names(field(item, "groups"), "groups", fields);
  entity.owners = read_export_owners(item, fields);
  entity.links = read_links(field(item, "links"), "links", fields);
  entity.custom = read_custom(field(item, "metadata"), "metadata", fields);
  entity.dependencies = read_dependencies(field(item, "dependencies"), "dependencies", fields);
  if (const Value* descriptor = field(item, "descriptor")) {
    entity.descriptor = *descriptor;
    // The export's own fields carry no Jira mapping or team: the descriptor's do.
    if (const Value* info = field(*descriptor, "info")) {
      entity.jira = read_issues(field(*info, "x-cortex-issues"), "descriptor.x-cortex-issues", fields);
      read_team(field(*info, "x-cortex-team"), "descriptor.x-cortex-team", entity, fields);
    }
  }
  if (entity.team_members.empty() && entity.team_groups.empty()) read_team(field(item, "team"), "team", entity, fields);
  entity.origin_file = source->name();
  entity.origin_line = source->position(span.begin).line;
  prepare_values(entity);
  return LoadedEntity{std::move(entity), source, span};
}

void read_entity_list(const Value& list, std::string_view text, const SourceRef& source,
                      std::vector<LoadedEntity>& entities, std::vector<Diagnostic>& problems) {
  const std::vector<std::uint32_t> offsets = element_offsets(text);
  const List& items = list.as_list();
  entities.reserve(entities.size() + items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::uint32_t at = i < offsets.size() ? offsets[i] : 0;
    if (auto entity = read_export_entity(items[i], source, {at, at + 1}, problems)) entities.push_back(std::move(*entity));
  }
}

// One entity per line; a bad line is reported and the others still load.
void read_json_lines(const SourceRef& source, std::vector<LoadedEntity>& entities, std::vector<Diagnostic>& problems) {
  const std::string& text = source->text();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    const std::size_t first = skip_space(line, 0);
    if (first < line.size()) {
      const auto at = static_cast<std::uint32_t>(start + first);
      if (auto item = parse_json(line, static_cast<std::uint32_t>(start), source, problems, "line")) {
        if (auto entity = read_export_entity(*item, source, {at, at + 1}, problems)) entities.push_back(std::move(*entity));
      }
    }
    start = end + 1;
  }
}

// Whether the text holds more than one JSON value (JSON Lines) rather than one document.
bool is_json_lines(std::string_view text) {
  const std::size_t newline = text.find('\n', skip_space(text, 0));
  if (newline == std::string_view::npos) return false;
  try {
    const auto first = nlohmann::ordered_json::parse(text.substr(0, newline));
    return first.is_object() && skip_space(text, newline) < text.size();
  } catch (const nlohmann::json::parse_error&) {
    return false;
  }
}

}  // namespace

bool looks_like_json(std::string_view text) noexcept {
  const std::size_t i = skip_space(text, 0);
  return i < text.size() && (text[i] == '{' || text[i] == '[');
}

void read_json_entities(const SourceRef& source, std::vector<LoadedEntity>& entities, std::vector<Diagnostic>& problems) {
  const std::string& text = source->text();
  if (is_json_lines(text)) {
    read_json_lines(source, entities, problems);
    return;
  }
  auto parsed = parse_json(text, 0, source, problems, "file");
  if (!parsed) return;
  const Value& root = *parsed;
  const std::uint32_t start = static_cast<std::uint32_t>(skip_space(text, 0));
  if (root.type() == Type::List) {
    read_entity_list(root, text, source, entities, problems);
  } else if (const Value* list = field(root, "entities"); list && list->type() == Type::List) {
    read_entity_list(*list, text, source, entities, problems);
  } else if (field(root, "tag") || field(root, "info")) {
    if (auto entity = read_export_entity(root, source, {start, start + 1}, problems)) entities.push_back(std::move(*entity));
  } else {
    problems.push_back(diagnostic_at(source, {start, start + 1}, ErrorKind::Syntax, Severity::Error,
                                     "not a catalog export (expected an array of entities, {\"entities\": [...]}, "
                                     "an entity with a tag, or a descriptor); file skipped"));
  }
}

}  // namespace cql::catalog
