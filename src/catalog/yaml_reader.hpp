#pragma once
// YAML text -> Values, keeping mapping key order and the positions the loaders need for their
// messages. Built on yaml-cpp's event parser: no yaml-cpp node graph is built, so a large
// catalog loads in one pass over each file.
//
// Scalars follow the YAML 1.2 core schema, with two conservative choices (documented in
// src/catalog/README.md): a plain number with a leading zero (`01234`) and `.inf`/`.nan` stay
// strings, and an integer beyond int64 becomes a double. Quoted and block scalars are always
// strings; so are plain timestamps and versions (`2026-01-01T00:00:00Z`, `1.2.3`).

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "cql/diagnostic.hpp"
#include "cql/value.hpp"

namespace cql::catalog {

struct YamlDocument {
  Value root;
  std::uint32_t offset = 0;  // byte offset of the document's first node
  // Byte offsets of the keys of mappings nested at most `key_depth` deep (the root mapping is
  // depth 1), in entry order, so a loader can point a message at a field.
  std::unordered_map<const Object*, std::vector<std::uint32_t>> key_offsets;

  // The key offset of `key` in `object`, or the document start when unknown.
  Span key_span(const Object& object, std::string_view key) const;
};

struct YamlRead {
  std::vector<YamlDocument> documents;  // the documents read before any syntax error
  std::vector<Diagnostic> problems;     // a syntax error (it ends the file), duplicate keys
};

// Reads every document of `source`. An empty document (a lone `---`) yields a null root.
YamlRead read_yaml(const SourceRef& source, int key_depth);

// A diagnostic about `source` at `span`.
Diagnostic diagnostic_at(const SourceRef& source, Span span, ErrorKind kind, Severity severity, std::string message);

}  // namespace cql::catalog
