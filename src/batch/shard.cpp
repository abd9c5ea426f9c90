#include "batch/shard.hpp"

#include <charconv>

#include <fmt/format.h>

#include "catalog/scorecard_hash.hpp"

namespace cql::batch {

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
  const auto slash = text.find('/');
  Shard shard;
  auto number = [](std::string_view part, std::uint64_t& out) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && end == part.data() + part.size() && !part.empty();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), shard.index) ||
      !number(text.substr(slash + 1), shard.count)) {
    error = fmt::format("--shard expects I/N such as 2/8, got `{}`", text);
    return std::nullopt;
  }
  if (shard.count == 0 || shard.index == 0 || shard.index > shard.count) {
    error = fmt::format("--shard {}: I must be between 1 and N", text);
    return std::nullopt;
  }
  return shard;
}

std::string format_shard(const Shard& shard) { return fmt::format("{}/{}", shard.index, shard.count); }

bool in_shard(std::string_view tag, const Shard& shard) noexcept {
  return fnv1a_64(tag) % shard.count == shard.index - 1;
}

}  // namespace cql::batch
