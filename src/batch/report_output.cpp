#include "batch/report_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace cql::batch {

bool write_report_file(const std::string& path, const BatchReport& report, ReportFormat format, std::string& error) {
  const std::string temporary = fmt::format("{}.tmp-{}", path, ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
      return false;
    }
    write_report(out, report, format);
    out.flush();
    if (!out) {
      error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
      std::filesystem::remove(temporary);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    error = fmt::format("cannot write {}: {}", path, ec.message());
    std::filesystem::remove(temporary, ec);
    return false;
  }
  return true;
}

}  // namespace cql::batch
