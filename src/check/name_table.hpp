#pragma once
// A small map from names to values for NameIndex: filled once when an Engine is built, then
// only read, by every compile. Lookups were a sixth of the time spent checking a typical rule
// with std::unordered_map (a murmur hash, a division to find the bucket, a node to chase);
// here a lookup is one or two multiplications over the short name, a mask, and usually one
// slot compared.
//
// Open addressing with linear probing over a power-of-two array of slots, at most half full.
// Each slot holds the hash of its entry (most mismatches are rejected without reading the
// name) and the entry's index; entries are kept in insertion order, which is also the order
// names() lists them in. The keys are views: the caller keeps the named strings alive and
// unchanged for the table's lifetime (NameIndex's point into its Registry).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace cql::check {

// Names are short (`custom`, `jira`, `numOfIssues`): the name is read 8 bytes at a time and each
// word mixed in with one multiplication, instead of one multiplication per byte (FNV) in a
// chain whose latency was most of a lookup.
struct NameHash {
  std::uint32_t operator()(std::string_view name) const noexcept {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio
    std::uint64_t hash = name.size();
    auto mix = [&](std::uint64_t word) {
      hash = (hash ^ word) * kMultiplier;
      hash ^= hash >> 29;  // high bits into the low ones, which pick the slot
    };
    const char* at = name.data();
    std::size_t left = name.size();
    for (; left >= 8; left -= 8, at += 8) {
      std::uint64_t word;
      std::memcpy(&word, at, 8);
      mix(word);
    }
    if (left > 0) {
      std::uint64_t word = 0;
      for (std::size_t i = 0; i < left; ++i) word |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
      mix(word);
    }
    return static_cast<std::uint32_t>(hash ^ (hash >> 32));
  }
};

// `Hash` is a parameter so that tests can force collisions.
template <typename T, typename Hash = NameHash>
class NameTable {
 public:
  // The value stored under `name`, or null.
  const T* find(std::string_view name) const noexcept {
    if (slots_.empty()) return nullptr;
    const std::uint32_t hash = hash_of(name);
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.index == kEmpty) return nullptr;
      if (slot.hash == hash && entries_[slot.index].first == name) return &entries_[slot.index].second;
    }
  }

  // The value stored under `name`, default-constructed first if there was none.
  T& operator[](std::string_view name) { return try_emplace(name, T()).first; }

  // Stores `value` under `name` unless the name is present; returns the stored value and
  // whether it was inserted.
  std::pair<T&, bool> try_emplace(std::string_view name, T value) {
    if (const T* found = find(name)) return {const_cast<T&>(*found), false};
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    entries_.emplace_back(name, std::move(value));
    place(hash_of(name), static_cast<std::uint32_t>(entries_.size() - 1));
    return {entries_.back().second, true};
  }

  std::size_t size() const noexcept { return entries_.size(); }
  // Every (name, value) pair, in insertion order.
  const std::vector<std::pair<std::string_view, T>>& entries() const noexcept { return entries_; }

 private:
  static std::uint32_t hash_of(std::string_view name) noexcept { return Hash{}(name); }

  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t index = kEmpty;  // into entries_
  };

  std::size_t mask() const noexcept { return slots_.size() - 1; }

  void place(std::uint32_t hash, std::uint32_t index) {
    std::size_t i = hash & mask();
    while (slots_[i].index != kEmpty) i = (i + 1) & mask();
    slots_[i] = Slot{hash, index};
  }

  void grow() {
    slots_.assign(slots_.empty() ? 8 : slots_.size() * 2, Slot{});
    for (std::uint32_t i = 0; i < entries_.size(); ++i) place(hash_of(entries_[i].first), i);
  }

  std::vector<std::pair<std::string_view, T>> entries_;
  std::vector<Slot> slots_;  // empty, or a power of two at least twice entries_.size()
};

}  // namespace cql::check
