#pragma once
// Heap accounting for the benchmarks. allocation_tracker.cpp replaces the global operator
// new/delete of the cql_bench binary (every allocation of the engine goes through them; C
// libraries that call malloc directly, yaml-cpp excepted, are not counted): it counts
// allocations and tracks the bytes in use and their high-water mark (malloc_usable_size, so
// the figures include the allocator's rounding, not its headers).
// Byte tracking costs two library calls and a few atomic operations per allocation, more than
// some of the engine work being measured; the engine benchmarks pause it (ByteTrackingPause)
// and count allocations only.
#include <benchmark/benchmark.h>

#include <cstdint>

namespace cql::bench {

// Allocations made by the calling thread so far.
std::uint64_t allocation_count() noexcept;
std::int64_t heap_bytes_in_use() noexcept;
std::int64_t peak_heap_bytes() noexcept;
// Starts a new high-water mark at the bytes in use now.
void reset_peak_heap() noexcept;

// While one exists, allocations are counted but bytes are not tracked. For a scope whose
// allocations are all freed inside it (a benchmark loop), so the bytes in use stay right.
class ByteTrackingPause {
 public:
  ByteTrackingPause() noexcept;
  ByteTrackingPause(const ByteTrackingPause&) = delete;
  ByteTrackingPause& operator=(const ByteTrackingPause&) = delete;
  ~ByteTrackingPause();
};

// Reports `allocs`, the heap allocations per iteration, when it goes out of scope.
// Pauses byte tracking meanwhile (ByteTrackingPause).
class AllocationCounter {
 public:
  explicit AllocationCounter(benchmark::State& state) : state_(state), start_(allocation_count()) {}
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;
  ~AllocationCounter() {
    const auto iterations = static_cast<double>(state_.iterations());
    const auto count = static_cast<double>(allocation_count() - start_);
    state_.counters["allocs"] = benchmark::Counter(iterations > 0 ? count / iterations : 0.0);
  }

 private:
  ByteTrackingPause pause_;
  benchmark::State& state_;
  std::uint64_t start_;
};

}  // namespace cql::bench
