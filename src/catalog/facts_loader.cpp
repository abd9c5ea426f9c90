// Facts files (cql/facts.hpp, spec/scorecards.md §2), JSON or YAML: YAML 1.2 reads JSON, so one
// reader serves both and every problem gets a line and column.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "catalog/call_key.hpp"
#include "catalog/source_text.hpp"
#include "catalog/yaml_reader.hpp"
#include "cql/facts.hpp"

namespace cql {

namespace {

// Key positions are needed down to the calls: root (tags) -> entity -> namespace.
constexpr int kFactsKeyDepth = 3;

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

class FactsReader {
 public:
  FactsReader(const SourceRef& source, const catalog::YamlDocument& document, std::vector<Diagnostic>& problems)
      : source_(source), document_(document), problems_(problems) {}

  template <typename Data>
  void read(Data& data, std::set<std::string>& namespaces) {
    const Value& root = document_.root;
    if (root.is_null()) return;
    if (root.type() != Type::Object) {
      report({document_.offset, document_.offset + 1}, ErrorKind::Syntax,
             "facts must be a mapping of entity tag -> namespace -> call -> value; file skipped");
      return;
    }
    for (const auto& [tag, per_entity] : root.as_object().entries()) {
      const Span tag_span = document_.key_span(root.as_object(), tag);
      if (per_entity.type() != Type::Object) {
        report(tag_span, ErrorKind::Syntax, fmt::format("facts of '{}' must be a mapping of namespaces and calls; skipped", tag));
        continue;
      }
      auto& entity = data[tag];
      for (const auto& [key, value] : per_entity.as_object().entries()) {
        const Span key_span = document_.key_span(per_entity.as_object(), key);
        if (key.find('(') != std::string::npos) {  // a global call such as deploys(...)
          add_call(entity[""], key, key_span, value, tag, "");
          continue;
        }
        if (!is_identifier(key)) {
          report(key_span, ErrorKind::Syntax, fmt::format("'{}' is neither a namespace name nor a call; skipped", key));
          continue;
        }
        if (!value.is_null() && value.type() != Type::Object) {
          report(key_span, ErrorKind::Syntax,
                 fmt::format("namespace '{}' must be a mapping of call -> value, not {}; skipped", key, type_name(value.type())));
          continue;
        }
        auto& calls = entity[key];  // present even when empty: `sonarqube: {}` makes the namespace non-null
        namespaces.insert(key);
        if (value.is_null()) continue;
        for (const auto& [call, call_value] : value.as_object().entries()) {
          add_call(calls, call, document_.key_span(value.as_object(), call), call_value, tag, key);
        }
      }
    }
  }

 private:
  template <typename Calls>
  void add_call(Calls& calls, const std::string& key, Span key_span, const Value& value, const std::string& tag,
                const std::string& ns) {
    const catalog::CallKey call = catalog::canonicalize_call_key(key);
    if (call.error) {
      // The key's span starts at its quote when it is quoted.
      const char first = key_span.begin < source_->text().size() ? source_->text()[key_span.begin] : ' ';
      const auto at = static_cast<std::uint32_t>(key_span.begin + call.error_offset + (first == '\'' || first == '"' ? 1 : 0));
      report({at, at + 1}, ErrorKind::Syntax, fmt::format("'{}' is not a valid call: {}; skipped", key, *call.error));
      return;
    }
    auto [it, inserted] = calls.emplace(call.canonical, value);
    if (!inserted) {
      const std::string where = ns.empty() ? tag : tag + "." + ns;
      report(key_span, ErrorKind::Syntax,
             fmt::format("duplicate call {} for {} (the same call as an earlier key); skipped", call.canonical, where));
    }
  }

  void report(Span span, ErrorKind kind, std::string message) {
    problems_.push_back(catalog::diagnostic_at(source_, span, kind, Severity::Error, std::move(message)));
  }

  const SourceRef& source_;
  const catalog::YamlDocument& document_;
  std::vector<Diagnostic>& problems_;
};

}  // namespace

Facts::Load Facts::load(const std::string& path) {
  Load load;
  SourceRef source = catalog::read_source(path, load.problems);
  if (!source) {
    load.unreadable = true;
    return load;
  }
  catalog::YamlRead yaml = catalog::read_yaml(source, kFactsKeyDepth);
  load.problems = std::move(yaml.problems);
  if (yaml.documents.size() > 1) {
    const auto at = yaml.documents[1].offset;
    load.problems.push_back(catalog::diagnostic_at(source, {at, at + 1}, ErrorKind::Syntax, Severity::Error,
                                                   "a facts file holds one document; the others are skipped"));
  }
  if (yaml.documents.empty()) return load;
  std::set<std::string> namespaces;
  FactsReader(source, yaml.documents.front(), load.problems).read(load.facts.data_, namespaces);
  load.facts.namespaces_.assign(namespaces.begin(), namespaces.end());
  return load;
}

bool Facts::has_namespace(std::string_view tag, std::string_view ns) const noexcept {
  auto entity = data_.find(tag);
  return entity != data_.end() && entity->second.find(ns) != entity->second.end();
}

const Value* Facts::lookup(std::string_view tag, std::string_view ns, std::string_view canonical_call) const noexcept {
  auto entity = data_.find(tag);
  if (entity == data_.end()) return nullptr;
  auto calls = entity->second.find(ns);
  if (calls == entity->second.end()) return nullptr;
  auto value = calls->second.find(canonical_call);
  return value == calls->second.end() ? nullptr : &value->second;
}

}  // namespace cql
