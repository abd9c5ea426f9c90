#pragma once
// Runs body(i) for i in [0, n) on `jobs` threads (the calling thread is one of them). Work is
// handed out one index at a time, so slow items (an entity whose rules wait on Jira) do not
// hold up a whole chunk. body must not throw.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cql::batch {

// `requested` 0 means every core.
inline unsigned effective_jobs(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

template <typename Body>
void parallel_for(std::size_t n, unsigned jobs, Body&& body) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) body(i);
  };
  const std::size_t threads = std::min<std::size_t>(effective_jobs(jobs), std::max<std::size_t>(n, 1));
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace cql::batch
