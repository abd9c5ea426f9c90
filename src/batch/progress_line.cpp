#include "batch/progress_line.hpp"

#include <fmt/format.h>

namespace cql::batch {

std::string format_eta(std::int64_t ms) {
  const std::int64_t s = (std::max<std::int64_t>(ms, 0) + 999) / 1000;
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

std::string progress_line(const BatchProgress& p) {
  std::string line = fmt::format("{} {}/{} entities · requests {} sent, {} cached · {} error{}", p.phase,
                                 p.entities_done, p.entities_total, p.requests_sent, p.requests_cached, p.errors,
                                 p.errors == 1 ? "" : "s");
  if (p.eta_ms) line += " · ETA " + format_eta(*p.eta_ms);
  return line;
}

}  // namespace cql::batch
