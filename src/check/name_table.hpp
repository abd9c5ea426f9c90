#pragma once
// A small map from names to values for NameIndex: filled once when an Engine is built, then
// only read, by every compile. Lookups were a sixth of the time spent checking a typical rule
// with std::unordered_map (a murmur hash, a division to find the bucket, a node to chase);
// here a lookup is one or two multiplications over the short name, a mask, and usually one
// slot compared.
//
// Open addressing with linear probing over a power-of-two array of slots, at most half full.
// Each slot holds the hash of its entry (most mismatches are rejected without reading the
// entry) and the entry's index; entries are kept in insertion order, which is also the order
// names() lists them in. The keys are views: the caller keeps the named strings alive and
// unchanged for the table's lifetime (NameIndex's point into its Registry).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace cql::check {

// The bytes of a name of at most 8 bytes as one word (two overlapping 4-byte reads, or the
// first, middle and last bytes): two names of the same length have the same word only if they
// are equal, so such names are compared as one word instead of with memcmp.
inline std::uint64_t short_name_word(std::string_view name) noexcept {
  const auto* at = reinterpret_cast<const unsigned char*>(name.data());
  const std::size_t n = name.size();
  if (n >= 4) {
    std::uint32_t first, last;
    std::memcpy(&first, at, 4);
    std::memcpy(&last, at + n - 4, 4);
    return first | (std::uint64_t{last} << 32);
  }
  if (n == 0) return 0;
  return at[0] | (std::uint64_t{at[n / 2]} << 8) | (std::uint64_t{at[n - 1]} << 16);
}

// Names are short (`custom`, `jira`, `numOfIssues`): the name is read a word at a time and each
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
    auto word_at = [&](std::size_t offset) {
      std::uint64_t word;
      std::memcpy(&word, name.data() + offset, 8);
      return word;
    };
    if (name.size() <= 8) {
      mix(short_name_word(name));
    } else {
      std::size_t offset = 0;
      for (; name.size() - offset > 8; offset += 8) mix(word_at(offset));
      mix(word_at(name.size() - 8));  // the last 8 bytes, overlapping the word before
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
    const std::uint64_t word = short_name_word(name);  // meaningful up to 8 bytes
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.index == kEmpty) return nullptr;
      if (slot.hash != hash) continue;
      const Entry& entry = entries_[slot.index];
      if (entry.name.size() == name.size() && (name.size() <= 8 ? entry.word == word : entry.name == name)) {
        return &entry.value;
      }
    }
  }

  // The value stored under `name`, default-constructed first if there was none.
  T& operator[](std::string_view name) { return try_emplace(name, T()).first; }

  // Stores `value` under `name` unless the name is present; returns the stored value and
  // whether it was inserted.
  std::pair<T&, bool> try_emplace(std::string_view name, T value) {
    if (const T* found = find(name)) return {const_cast<T&>(*found), false};
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    entries_.push_back(Entry{name, short_name_word(name), std::move(value)});
    place(hash_of(name), static_cast<std::uint32_t>(entries_.size() - 1));
    return {entries_.back().value, true};
  }

  struct Entry {
    std::string_view name;
    std::uint64_t word;  // short_name_word(name)
    T value;
  };

  std::size_t size() const noexcept { return entries_.size(); }
  // Every entry, in insertion order.
  const std::vector<Entry>& entries() const noexcept { return entries_; }

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
    for (std::uint32_t i = 0; i < entries_.size(); ++i) place(hash_of(entries_[i].name), i);
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // empty, or a power of two at least twice entries_.size()
};

}  // namespace cql::check
