#include "catalog/descriptor_reader.hpp"

#include "catalog/entity_fields.hpp"

namespace cql::catalog {

std::optional<LoadedEntity> read_descriptor(const YamlDocument& document, const SourceRef& source,
                                      std::vector<Diagnostic>& problems) {
  const Value& root = document.root;
  if (root.is_null()) return std::nullopt;  // `---` at the end of a file, a comment-only file
  const Span start{document.offset, document.offset + 1};
  const Value* info = field(root, "info");
  if (!info || info->type() != Type::Object) {
    problems.push_back(diagnostic_at(source, start, ErrorKind::Syntax, Severity::Error,
                                     "not an entity descriptor (no `info` mapping with x-cortex-tag); skipped"));
    return std::nullopt;
  }
  const Object& info_object = info->as_object();
  auto locate = [&](std::string_view key) { return document.key_span(info_object, key); };
  const Value* tag = field(*info, "x-cortex-tag");
  if (!tag || tag->type() != Type::String || tag->as_string().empty()) {
    const std::string what = tag ? "x-cortex-tag must be non-empty text" : "descriptor has no x-cortex-tag";
    problems.push_back(diagnostic_at(source, tag ? locate("x-cortex-tag") : start, ErrorKind::Syntax,
                                     Severity::Error, what + "; skipped"));
    return std::nullopt;
  }

  FieldProblems fields(source, problems, locate);
  Entity entity;
  entity.tag = tag->as_string();
  fields.set_entity(entity.tag);
  entity.name = read_text(field(*info, "title"), "title", fields).value_or(entity.tag);
  if (auto type = read_text(field(*info, "x-cortex-type"), "x-cortex-type", fields)) entity.type = *type;
  entity.description = read_text(field(*info, "description"), "description", fields);
  entity.is_archived = read_bool(field(*info, "x-cortex-archived"), "x-cortex-archived", fields);
  entity.groups = read_names(field(*info, "x-cortex-groups"), "x-cortex-groups", fields);
  entity.owners = read_owners(field(*info, "x-cortex-owners"), "x-cortex-owners", fields);
  entity.links = read_links(field(*info, "x-cortex-link"), "x-cortex-link", fields);
  entity.custom = read_custom(field(*info, "x-cortex-custom-metadata"), "x-cortex-custom-metadata", fields);
  entity.dependencies = read_dependencies(field(*info, "x-cortex-dependency"), "x-cortex-dependency", fields);
  entity.jira = read_issues(field(*info, "x-cortex-issues"), "x-cortex-issues", fields);
  read_team(field(*info, "x-cortex-team"), "x-cortex-team", entity, fields);
  entity.descriptor = root;
  entity.origin_file = source->name();
  const Span tag_span = locate("x-cortex-tag");
  entity.origin_line = source->position(tag_span.begin).line;
  prepare_values(entity);
  return LoadedEntity{std::move(entity), source, tag_span};
}

}  // namespace cql::catalog
