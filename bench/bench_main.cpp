// The entry point of build/bench/cql_bench, shared by every bench/*.cpp file: each file only
// registers its benchmarks (statically, or in a setup hook, see bench_hooks.hpp). Accepts
// Google Benchmark's standard flags (--benchmark_filter, --benchmark_format=json,
// --benchmark_min_time ...). Exits 1 when a setup reported a failure.
#include <benchmark/benchmark.h>

#include "bench_hooks.hpp"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (const auto& setup : cql::bench::setups()) setup();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return cql::bench::failed() ? 1 : 0;
}
