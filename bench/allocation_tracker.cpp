// The global allocation functions of cql_bench (see allocation_tracker.hpp).
#include "allocation_tracker.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

// Per thread and not atomic: a locked add on every allocation would cost the engine
// benchmarks more than some of the work they measure.
thread_local std::uint64_t t_allocations = 0;
std::atomic<std::int64_t> g_in_use{0};
std::atomic<std::int64_t> g_peak{0};
std::atomic<int> g_byte_tracking_pauses{0};

bool tracking_bytes() noexcept { return g_byte_tracking_pauses.load(std::memory_order_relaxed) == 0; }

void* tracked_malloc(std::size_t size) noexcept {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) return nullptr;
  ++t_allocations;
  if (!tracking_bytes()) return p;
  const auto now = g_in_use.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed) +
                   static_cast<std::int64_t>(malloc_usable_size(p));
  std::int64_t peak = g_peak.load(std::memory_order_relaxed);
  while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
  return p;
}

void tracked_free(void* p) noexcept {
  if (p == nullptr) return;
  if (tracking_bytes()) g_in_use.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
  std::free(p);
}

}  // namespace

namespace cql::bench {

std::uint64_t allocation_count() noexcept { return t_allocations; }
std::int64_t heap_bytes_in_use() noexcept { return g_in_use.load(std::memory_order_relaxed); }
std::int64_t peak_heap_bytes() noexcept { return g_peak.load(std::memory_order_relaxed); }
ByteTrackingPause::ByteTrackingPause() noexcept { g_byte_tracking_pauses.fetch_add(1, std::memory_order_relaxed); }
ByteTrackingPause::~ByteTrackingPause() { g_byte_tracking_pauses.fetch_sub(1, std::memory_order_relaxed); }

void reset_peak_heap() noexcept { g_peak.store(g_in_use.load(std::memory_order_relaxed), std::memory_order_relaxed); }

}  // namespace cql::bench

void* operator new(std::size_t size) {
  if (void* p = tracked_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return tracked_malloc(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return tracked_malloc(size); }
void operator delete(void* p) noexcept { tracked_free(p); }
void operator delete[](void* p) noexcept { tracked_free(p); }
void operator delete(void* p, std::size_t) noexcept { tracked_free(p); }
void operator delete[](void* p, std::size_t) noexcept { tracked_free(p); }
