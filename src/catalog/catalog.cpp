// The Catalog: entities by tag and who depends on whom, built once and read-only afterwards.
#include <algorithm>

#include "cql/entity.hpp"

namespace cql {

Catalog::Catalog(std::vector<Entity> entities) : entities_(std::move(entities)) {
  for (auto& entity : entities_) {
    if (!entity.values_prepared()) prepare_values(entity);
  }
  build_indexes();
}

Catalog::Catalog(const Catalog& other) : entities_(other.entities_) { build_indexes(); }

Catalog& Catalog::operator=(const Catalog& other) {
  if (this != &other) {
    entities_ = other.entities_;
    build_indexes();
  }
  return *this;
}

void Catalog::build_indexes() {
  by_tag_.clear();
  incoming_.clear();
  by_tag_.reserve(entities_.size());
  for (std::size_t i = 0; i < entities_.size(); ++i) by_tag_.emplace(entities_[i].tag, i);  // first one wins
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (by_tag_.at(entities_[i].tag) != i) continue;  // a duplicate is not part of the graph
    for (const auto& ref : entities_[i].dependencies) {
      incoming_[ref.tag].push_back(IncomingDependency{&entities_[i], &ref});
    }
  }
  // Sorted once here, so dependencies.in() never sorts (stable: one entity's several
  // references to the same tag keep their declaration order).
  for (auto& [tag, list] : incoming_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const IncomingDependency& a, const IncomingDependency& b) { return a.from->tag < b.from->tag; });
  }
}

const Entity* Catalog::find(std::string_view tag) const noexcept {
  auto it = by_tag_.find(tag);
  return it == by_tag_.end() ? nullptr : &entities_[it->second];
}

const std::vector<IncomingDependency>& Catalog::incoming(std::string_view tag) const noexcept {
  static const std::vector<IncomingDependency> kNone;
  auto it = incoming_.find(tag);
  return it == incoming_.end() ? kNone : it->second;
}

}  // namespace cql
