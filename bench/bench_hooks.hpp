#pragma once
// Hooks between the benchmark files and the shared entry point (bench_main.cpp).
// - A file whose benchmarks depend on data read at run time (the engine workload) registers a
//   setup function; main() runs every setup after parsing the flags and before running, so the
//   work happens inside main(), never during static initialisation.
// - A setup that finds a problem the run must not hide (a workload case whose result does not
//   match `expected`) calls mark_failed(): the binary then exits with status 1.
#include <atomic>
#include <functional>
#include <vector>

namespace cql::bench {

inline std::vector<std::function<void()>>& setups() {
  static std::vector<std::function<void()>> all;
  return all;
}

// For static registration: `const bool registered = cql::bench::add_setup(fn);`
inline bool add_setup(std::function<void()> setup) {
  setups().push_back(std::move(setup));
  return true;
}

inline std::atomic<bool>& failed_flag() {
  static std::atomic<bool> flag{false};
  return flag;
}
inline void mark_failed() { failed_flag() = true; }
inline bool failed() { return failed_flag(); }

}  // namespace cql::bench
