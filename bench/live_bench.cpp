// Live Jira throughput: 2,000 distinct count queries against the fake Jira server answering
// each request after 20 ms, for several per-account in-flight limits. Shows how the curl
// multi client scales with concurrency (ideal: max_in_flight / 20 ms requests per second).
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCQL_BUILD_TESTS=OFF
//   cmake --build build-bench --target cql_bench
//   ./build-bench/bench/cql_bench --benchmark_filter=LiveCount
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sources/live_source.hpp"
#include "tests/integration/fake_jira/live_fixture.hpp"

namespace {

using namespace cql;
using namespace cql::fake_jira;

constexpr int kQueries = 2000;
constexpr auto kLatency = std::chrono::milliseconds(20);

void BM_LiveCount(benchmark::State& state) {
  const int in_flight = static_cast<int>(state.range(0));
  auto options = fixture_options(Flavour::Cloud);
  options.threads = in_flight + 8;  // the fake must not be the bottleneck
  Server server(options);
  server.set_latency(kLatency);
  auto account = account_for(server, Flavour::Cloud, JiraAuth::Basic);
  account.max_in_flight = in_flight;
  sources::LiveSource live(settings_with({account}), fast_retries());
  if (!live.verify_identity("main").ok) {
    state.SkipWithError("the fake server refused the account");
    return;
  }

  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<IssueQuery> queries;
    queries.reserve(kQueries);
    for (int i = 0; i < kQueries; ++i) {
      // Distinct texts (nothing merges or caches them); the fake evaluates each one.
      queries.push_back(IssueQuery{"main", "project = PAY AND key != PAY-" + std::to_string(round * kQueries + i),
                                   QueryKind::Count, 1000, {}});
    }
    ++round;
    state.ResumeTiming();
    const auto results = live.fetch(queries);
    for (const auto& r : results) {
      if (!r.ok) {
        state.SkipWithError(r.error.c_str());
        return;
      }
    }
  }
  double service = 0;
  for (const auto& r : server.log()) service += std::chrono::duration<double, std::milli>(r.answered - r.received).count();
  state.counters["server_ms"] = service / static_cast<double>(server.log().size());  // per request, latency included
  state.counters["peak_concurrency"] = server.peak_concurrency();
  state.counters["connections"] = static_cast<double>(server.connections());  // reused: at most max_in_flight
  state.SetItemsProcessed(state.iterations() * kQueries);
  state.counters["requests_per_s"] = benchmark::Counter(static_cast<double>(state.iterations() * kQueries),
                                                        benchmark::Counter::kIsRate);
  state.counters["max_in_flight"] = in_flight;
}

BENCHMARK(BM_LiveCount)->Arg(1)->Arg(4)->Arg(16)->Arg(64)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
