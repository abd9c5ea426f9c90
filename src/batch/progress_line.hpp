#pragma once
// The one-line progress display of `cql score` on a terminal (spec/scorecards.md §4.4).

#include <string>

#include "cql/batch.hpp"

namespace cql::batch {

// `scoring 1234/10000 entities · requests 250 sent, 40 cached · 3 errors · ETA 1m20s`
std::string progress_line(const BatchProgress& progress);

// `45s`, `1m20s`, `2h03m`.
std::string format_eta(std::int64_t ms);

}  // namespace cql::batch
