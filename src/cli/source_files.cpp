#include "cli/source_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

namespace cql::cli {
namespace {

Diagnostic io_error(std::string message) { return Diagnostic{ErrorKind::Io, Severity::Error, std::move(message), {}, {}, {}}; }

}  // namespace

Result<std::vector<std::string>> expression_files(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return io_error(fmt::format("{}: no such file or directory", path));
  if (!fs::is_directory(status)) return std::vector<std::string>{path};
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".cql") files.push_back(it->path().string());
  }
  if (ec) return io_error(fmt::format("{}: {}", path, ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

Result<SourceRef> read_source(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(fmt::format("{}: cannot be read", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return io_error(fmt::format("{}: cannot be read", path));
  return SourceRef(std::make_shared<const SourceFile>(path, text.str()));
}

}  // namespace cql::cli
