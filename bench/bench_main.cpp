// The entry point of build/bench/cql_bench, shared by every bench/*.cpp file: each file only
// registers its benchmarks. Accepts Google Benchmark's standard flags
// (--benchmark_filter, --benchmark_format=json, --benchmark_min_time ...).
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
