// Semantic versions, semver 2.0.0 (https://semver.org): strict grammar (no leading zeros in
// numeric parts and numeric pre-release identifiers), an optional leading `v` as written in
// git tags, precedence that ignores build metadata.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/time.hpp"

namespace cql {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_identifier_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// A numeric part: digits, no leading zero unless it is `0`, fits in 64 bits.
std::optional<std::uint64_t> numeric_part(std::string_view s) {
  if (s.empty() || !all_digits(s) || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  return v;
}

// Dot-separated identifiers of [0-9A-Za-z-]; `strict_numeric` rejects numeric identifiers
// with leading zeros (pre-release rule; build metadata allows them).
std::optional<std::vector<std::string>> identifiers(std::string_view s, bool strict_numeric) {
  std::vector<std::string> out;
  while (true) {
    const auto dot = s.find('.');
    const std::string_view id = s.substr(0, dot);
    if (id.empty()) return std::nullopt;
    for (char c : id) {
      if (!is_identifier_char(c)) return std::nullopt;
    }
    if (strict_numeric && all_digits(id) && id.size() > 1 && id[0] == '0') return std::nullopt;
    out.emplace_back(id);
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return out;
}

int compare_identifier(const std::string& a, const std::string& b) {
  const bool a_num = all_digits(a);
  const bool b_num = all_digits(b);
  if (a_num && b_num) {
    // No leading zeros, so the longer number is larger; equal lengths compare as text.
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
  }
  if (a_num != b_num) return a_num ? -1 : 1;  // numeric identifiers have lower precedence
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

template <typename T>
int three_way(T a, T b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

}  // namespace

std::optional<Semver> parse_semver(std::string_view text) {
  if (!text.empty() && text[0] == 'v') text.remove_prefix(1);
  Semver v;
  std::string_view rest = text;
  std::string_view build;
  if (const auto plus = rest.find('+'); plus != std::string_view::npos) {
    build = rest.substr(plus + 1);
    rest = rest.substr(0, plus);
    if (!identifiers(build, false)) return std::nullopt;
  }
  std::string_view pre;
  bool has_pre = false;
  if (const auto dash = rest.find('-'); dash != std::string_view::npos) {
    pre = rest.substr(dash + 1);
    rest = rest.substr(0, dash);
    has_pre = true;
  }
  const auto dot1 = rest.find('.');
  if (dot1 == std::string_view::npos) return std::nullopt;
  const auto dot2 = rest.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos) return std::nullopt;
  const auto major = numeric_part(rest.substr(0, dot1));
  const auto minor = numeric_part(rest.substr(dot1 + 1, dot2 - dot1 - 1));
  const auto patch = numeric_part(rest.substr(dot2 + 1));
  if (!major || !minor || !patch) return std::nullopt;
  v.major = *major;
  v.minor = *minor;
  v.patch = *patch;
  if (has_pre) {
    auto ids = identifiers(pre, true);
    if (!ids) return std::nullopt;
    v.prerelease = std::move(*ids);
  }
  v.build = std::string(build);
  v.text = std::string(text);  // already canonical once the `v` is gone
  return v;
}

int compare_semver(const Semver& a, const Semver& b) noexcept {
  if (int c = three_way(a.major, b.major)) return c;
  if (int c = three_way(a.minor, b.minor)) return c;
  if (int c = three_way(a.patch, b.patch)) return c;
  // A version without pre-release identifiers ranks above one with them.
  if (a.prerelease.empty() || b.prerelease.empty()) {
    return three_way(a.prerelease.empty() ? 1 : 0, b.prerelease.empty() ? 1 : 0);
  }
  const std::size_t n = std::min(a.prerelease.size(), b.prerelease.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (int c = compare_identifier(a.prerelease[i], b.prerelease[i])) return c;
  }
  return three_way(a.prerelease.size(), b.prerelease.size());
}

}  // namespace cql
