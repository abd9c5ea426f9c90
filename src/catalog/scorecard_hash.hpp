#pragma once
// FNV-1a-64: scorecard fingerprints (checkpoints notice edited scorecards) and `--shard I/N`.

#include <cstdint>
#include <string_view>

namespace cql {

constexpr std::uint64_t fnv1a_64(std::string_view bytes) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

static_assert(fnv1a_64("") == 0xcbf29ce484222325ULL);
static_assert(fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);  // published FNV-1a test vector

}  // namespace cql
