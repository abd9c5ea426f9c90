// File-name completion for the meta commands that load files (:catalog, :issues, :entity FILE ...).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "cli/completion.hpp"

namespace cql::cli {

namespace {
// A huge directory would flood the terminal; nobody picks from more than this by eye.
constexpr std::size_t kMaxPathCandidates = 500;
}  // namespace

std::vector<CompletionCandidate> complete_path(std::string_view partial, const std::string& base_directory) {
  namespace fs = std::filesystem;
  const std::size_t slash = partial.rfind('/');
  const std::string_view typed_dir = slash == std::string_view::npos ? std::string_view{} : partial.substr(0, slash + 1);
  const std::string_view name_prefix = slash == std::string_view::npos ? partial : partial.substr(slash + 1);

  fs::path dir;
  if (typed_dir.starts_with("~/")) {
    const char* home = std::getenv("HOME");
    if (home == nullptr) return {};
    dir = fs::path(home) / std::string(typed_dir.substr(2));
  } else if (typed_dir.starts_with('/')) {
    dir = std::string(typed_dir);
  } else {
    dir = base_directory.empty() ? fs::path(".") : fs::path(base_directory);
    dir /= std::string(typed_dir);
  }

  std::vector<CompletionCandidate> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(name_prefix)) continue;
    // Hidden entries only when asked for, as shells do.
    if (name.starts_with('.') && !name_prefix.starts_with('.')) continue;
    std::error_code type_ec;
    const bool is_dir = it->is_directory(type_ec);
    const std::string shown = is_dir ? name + "/" : name;
    out.push_back({std::string(typed_dir) + shown, shown, ""});
    if (out.size() >= kMaxPathCandidates) break;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.insert < b.insert; });
  return out;
}

}  // namespace cql::cli
