#pragma once
// `--shard I/N` (spec/scorecards.md §4.5): an entity belongs to shard I when FNV-1a-64 of its
// UTF-8 tag, mod N, equals I-1.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cql::batch {

struct Shard {
  std::uint64_t index = 1;  // 1-based
  std::uint64_t count = 1;
};

// "I/N" with 1 <= I <= N; nullopt (and `error` set) otherwise.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);
std::string format_shard(const Shard& shard);

bool in_shard(std::string_view tag, const Shard& shard) noexcept;

}  // namespace cql::batch
