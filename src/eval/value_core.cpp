// Construction and lookup of Values and Objects. Equality and the text forms live in
// their own files (value equality, value text).
#include <cstddef>
#include <functional>
#include <new>

#include "cql/value.hpp"
#include "eval/same_text.hpp"

namespace cql {

std::string_view type_name(Type type) noexcept {
  switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Double: return "double";
    case Type::String: return "string";
    case Type::List: return "list";
    case Type::Object: return "object";
    case Type::Duration: return "duration";
    case Type::Timestamp: return "timestamp";
    case Type::Semver: return "semver";
    case Type::Namespace: return "namespace";
  }
  return "unknown";
}

Value::Value(List list) : data_(std::make_shared<const List>(std::move(list))) {}
Value::Value(Object object) : data_(std::make_shared<const Object>(std::move(object))) {}
Value::Value(Semver semver) : data_(std::make_shared<const Semver>(std::move(semver))) {}

CompactString::Block* CompactString::make_block(std::string_view text) {
  void* memory = ::operator new(offsetof(Block, chars) + text.size());
  Block* block = ::new (memory) Block;
  block->refs.store(1, std::memory_order_relaxed);
  block->size = text.size();
  std::memcpy(block->chars, text.data(), text.size());
  return block;
}

void CompactString::free_block(Block* block) noexcept {
  block->~Block();
  ::operator delete(block);
}

Value Value::namespace_handle(std::string name) {
  Value v;
  v.data_ = NamespaceRef{std::make_shared<const std::string>(std::move(name))};
  return v;
}

double Value::as_number() const noexcept {
  return type() == Type::Int ? static_cast<double>(as_int()) : as_double();
}

namespace {
// Below this size a linear scan beats hashing (and costs no memory).
constexpr std::size_t kIndexThreshold = 8;
}  // namespace

Object::Object(std::vector<std::pair<std::string, Value>> entries) : entries_(std::move(entries)) {
  if (entries_.size() < kIndexThreshold) return;
  // Open addressing, load factor <= 0.5; a later duplicate of a key wins, as in JSON parsers.
  std::size_t capacity = 1;
  while (capacity < entries_.size() * 2) capacity <<= 1;
  index_.assign(capacity, 0);
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    std::size_t slot = hash_key(entries_[i].first) & (capacity - 1);
    while (index_[slot] != 0 && entries_[index_[slot] - 1].first != entries_[i].first) {
      slot = (slot + 1) & (capacity - 1);
    }
    index_[slot] = i + 1;
  }
}

std::uint32_t Object::hash_key(std::string_view key) noexcept {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
}

const Value* Object::find(std::string_view key) const noexcept {
  return find(key, index_.empty() ? 0 : hash_key(key));  // small objects are scanned, not hashed
}

const Value* Object::find(std::string_view key, std::uint32_t hash) const noexcept {
  if (index_.empty()) {
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
      if (same_text(it->first, key)) return &it->second;
    }
    return nullptr;
  }
  const std::size_t mask = index_.size() - 1;
  std::size_t slot = hash & mask;
  while (index_[slot] != 0) {
    const auto& entry = entries_[index_[slot] - 1];
    if (same_text(entry.first, key)) return &entry.second;
    slot = (slot + 1) & mask;
  }
  return nullptr;
}

}  // namespace cql
