// JQL benchmarks: parsing a typical query, and counting over a generated 100,000-issue dump
// with the offline evaluator — one composed entity query, many distinct label queries (the
// posting-list index), and a query that has to scan (dates and `~`) for contrast.
//
//   build/bench/cql_bench --benchmark_filter='Jql|Offline'
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "cql/time.hpp"
#include "jql/issue_index.hpp"
#include "jql/jql_parser.hpp"

namespace {

using namespace cql;

constexpr std::size_t kIssues = 100'000;
constexpr std::size_t kProjects = 50, kLabels = 2'000, kComponents = 500;

const char* const kWords[] = {"login", "timeout", "payment", "crash", "slow", "retry", "checkout", "error",
                              "report", "export", "search", "index", "cache", "token", "session", "upload"};

// A deterministic dump: every issue has a project, a status category, one to three labels,
// a component, a priority, a creation date within two years and a four-word summary.
std::shared_ptr<const jql::IssueIndex> generated_index() {
  static const auto index = [] {
    sources::IssueDump dump;
    dump.issues.reserve(kIssues);
    std::uint64_t seed = 42;
    auto next = [&seed] {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<std::size_t>(seed >> 33);
    };
    const char* categories[][2] = {{"new", "To Do"}, {"indeterminate", "In Progress"}, {"done", "Done"}};
    const char* priorities[] = {"Highest", "High", "Medium", "Low", "Lowest"};
    const std::int64_t now = parse_timestamp("2026-06-01T12:00:00Z")->ms;
    for (std::size_t i = 0; i < kIssues; ++i) {
      sources::DumpIssue d;
      const std::size_t project = next() % kProjects;
      d.project_key = "P" + std::to_string(project);
      d.project_name = "Project " + std::to_string(project);
      d.project_id = std::to_string(10'000 + project);
      d.key_number = static_cast<std::int64_t>(i + 1);
      d.key = d.project_key + "-" + std::to_string(d.key_number);
      d.id = std::to_string(100'000 + i);
      const auto* category = categories[next() % 3];
      d.status = sources::DumpNamed{"", category[1]};
      d.status_category = sources::DumpNamed{"", category[1]};
      d.status_category_key = category[0];
      for (std::size_t l = 0, n = 1 + next() % 3; l < n; ++l) d.labels.push_back("label-" + std::to_string(next() % kLabels));
      d.components.push_back({"", "comp-" + std::to_string(next() % kComponents)});
      d.priority = sources::DumpNamed{"", priorities[next() % 5]};
      d.created = Timestamp{now - static_cast<std::int64_t>(next() % (730ULL * 24 * 3600)) * 1000};
      for (int w = 0; w < 4; ++w) d.summary += std::string(w ? " " : "") + kWords[next() % std::size(kWords)];
      dump.issues.push_back(std::move(d));
    }
    return std::make_shared<const jql::IssueIndex>(std::move(dump));
  }();
  return index;
}

const jql::JqlEvalContext& context() {
  static const jql::JqlEvalContext ctx{*parse_timestamp("2026-06-01T12:00:00Z"), ""};
  return ctx;
}

void BM_JqlParse(benchmark::State& state) {
  const std::string query =
      R"(project = PAY AND statusCategory in ("To Do", "In Progress") AND (labels = "customer-facing" OR )"
      R"(component = "Payments API") AND created >= -30d ORDER BY priority DESC, created DESC)";
  for (auto _ : state) {
    auto parsed = jql::parse_jql(query);
    benchmark::DoNotOptimize(parsed);
  }
}
BENCHMARK(BM_JqlParse);

// One entity's composed query: base plus the default tag clause.
void BM_OfflineCount(benchmark::State& state) {
  const auto index = generated_index();
  const std::string query =
      R"((statusCategory in ("To Do", "In Progress")) AND (component = "comp-17" OR labels = "label-17" OR project = "P17"))";
  std::int64_t count = 0;
  for (auto _ : state) {
    auto n = index->count(query, context());
    if (!n.ok()) state.SkipWithError(n.error().message.c_str());
    count = n.value();
    benchmark::DoNotOptimize(count);
  }
  state.counters["issues"] = static_cast<double>(kIssues);
  state.counters["matches"] = static_cast<double>(count);
}
BENCHMARK(BM_OfflineCount)->Unit(benchmark::kMicrosecond);

// Many distinct label queries over the same dump (a batch run counts one per entity): each is
// answered from the posting lists, without reading the issues.
void BM_OfflineCountManyLabels(benchmark::State& state) {
  const auto index = generated_index();
  std::vector<std::string> queries;
  for (std::size_t l = 0; l < 1'000; ++l) {
    queries.push_back(R"(statusCategory != Done AND labels = "label-)" + std::to_string(l) + "\"");
  }
  for (auto _ : state) {
    std::int64_t total = 0;
    for (const auto& q : queries) total += index->count(q, context()).value();
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * queries.size()));
}
BENCHMARK(BM_OfflineCountManyLabels)->Unit(benchmark::kMillisecond);

// For contrast: a query the index cannot answer scans every issue.
void BM_OfflineCountScan(benchmark::State& state) {
  const auto index = generated_index();
  for (auto _ : state) {
    auto n = index->count(R"(created >= -30d AND summary ~ "timeout")", context());
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_OfflineCountScan)->Unit(benchmark::kMillisecond);

}  // namespace
