#pragma once
// An entity as read from one file, with where it was declared (for duplicate-tag messages).

#include "cql/diagnostic.hpp"
#include "cql/entity.hpp"

namespace cql::catalog {

struct LoadedEntity {
  Entity entity;
  SourceRef source;
  Span span;  // the tag (descriptors) or the start of the entity object (exports)
};

}  // namespace cql::catalog
