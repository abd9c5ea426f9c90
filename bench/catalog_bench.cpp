// Catalog loading at scale and the entity functions on the evaluation hot path.
//
//   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCQL_BUILD_TESTS=OFF
//   cmake --build build-release --target cql_bench
//   ./build-release/bench/cql_bench --benchmark_filter='Load|Entity'
//
// The inputs are generated once per run in a temporary directory: 10,000 cortex.yaml
// descriptors (one file each, 100 sub-directories, ~1.4 KB each, every field of scorecards.md §1)
// and one 10,000-entity JSON export in the vendor API shape. Counters: `entities`,
// `all_threads_cpu_ms` (the CPU time of the load summed over its threads), and the memory a
// loaded catalog holds per entity (`heap_B_per_entity`: bytes allocated and still in
// use after the load, from glibc's mallinfo2; `rss_B_per_entity`: resident-set growth of the
// first load, so it includes allocator overhead).
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <malloc.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "cql/catalog.hpp"
#include "cql/registry.hpp"
#include "stdlib/families.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kEntities = 10'000;

std::string tag_of(int i) { return fmt::format("service-{:05d}", i); }

std::string descriptor(int i) {
  const int team = i % 40;
  return fmt::format(R"(openapi: 3.0.1
info:
  title: Service {0}
  description: Generated service number {0} for the catalog benchmark.
  x-cortex-tag: {1}
  x-cortex-type: {2}
  x-cortex-groups:
    - tier-{3}
    - domain-{4}
    - generated
  x-cortex-owners:
    - type: group
      name: team-{5}
      provider: GITHUB
    - type: user
      email: owner{0}@example.com
  x-cortex-link:
    - name: Runbook
      type: runbook
      url: https://wiki.example.com/runbooks/{1}
    - name: Dashboard
      type: dashboard
      url: https://grafana.example.com/d/{1}
  x-cortex-custom-metadata:
    cost-center: "{6}"
    replicas: {7}
    launched: "2021-03-15T09:30:00Z"
    test.coverage:
      line: {8}.5
      branch: {9}
    runtime:
      language: java
      version: "17.0.{3}"
    regions: [us-east-1, eu-west-1]
  x-cortex-dependency:
    - tag: {10}
      method: GET
      path: /v1/items
      description: Reads items
    - tag: {11}
      method: POST
      path: /v1/events
  x-cortex-issues:
    jira:
      labels: [{1}]
      projects: [P{4}]
  x-cortex-git:
    github:
      repository: example/{1}
)",
                     i, tag_of(i), i % 10 == 0 ? "worker" : "service", i % 3 + 1, i % 12, team, 4000 + i % 97, i % 5 + 1,
                     60 + i % 40, 50 + i % 45, tag_of((i + 1) % kEntities), tag_of((i * 7 + 3) % kEntities));
}

std::string export_entity(int i) {
  return fmt::format(
      R"({{"tag": "{1}", "name": "Service {0}", "type": "service",
  "description": "Generated service number {0} for the catalog benchmark.",
  "groups": ["tier-{2}", "domain-{3}", "generated"],
  "ownership": {{"groups": [{{"groupName": "team-{4}", "provider": "GITHUB"}}],
                "emails": [{{"email": "owner{0}@example.com"}}]}},
  "links": [{{"name": "Runbook", "type": "runbook", "url": "https://wiki.example.com/runbooks/{1}"}},
            {{"name": "Dashboard", "type": "dashboard", "url": "https://grafana.example.com/d/{1}"}}],
  "metadata": [{{"key": "cost-center", "value": "{5}"}}, {{"key": "replicas", "value": {6}}},
               {{"key": "test.coverage", "value": {{"line": {7}.5, "branch": {8}}}}},
               {{"key": "regions", "value": ["us-east-1", "eu-west-1"]}}],
  "dependencies": [{{"tag": "{9}", "method": "GET", "path": "/v1/items"}}],
  "isArchived": false, "created": "2024-02-01T10:00:00Z"}})",
      i, tag_of(i), i % 3 + 1, i % 12, i % 40, 4000 + i % 97, i % 5 + 1, 60 + i % 40, 50 + i % 45,
      tag_of((i + 1) % kEntities));
}

// The generated inputs, written once per process and removed at exit.
class Inputs {
 public:
  Inputs() {
    std::string pattern = (fs::temp_directory_path() / "cql-catalog-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    descriptors_ = root_ / "descriptors";
    for (int i = 0; i < kEntities; ++i) {
      const fs::path dir = descriptors_ / fmt::format("group-{:02d}", i % 100);
      fs::create_directories(dir);
      std::ofstream(dir / (tag_of(i) + ".yaml")) << descriptor(i);
    }
    export_ = root_ / "export.json";
    std::ofstream out(export_);
    out << "[\n";
    for (int i = 0; i < kEntities; ++i) out << (i ? ",\n" : "") << export_entity(i);
    out << "\n]\n";
  }
  ~Inputs() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  std::string descriptors() const { return descriptors_.string(); }
  std::string export_file() const { return export_.string(); }

 private:
  fs::path root_, descriptors_, export_;
};

const Inputs& inputs() {
  static const Inputs generated;
  return generated;
}

std::size_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

// CPU time of every thread of the process (the descriptor load parses on several threads; the
// benchmark's own CPU column counts only the calling thread).
double process_cpu_ms() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

void load_benchmark(benchmark::State& state, const std::string& path) {
  std::size_t entities = 0;
  double heap_per_entity = 0;
  double rss_per_entity = 0;
  double cpu_ms = 0;
  bool first = true;
  for (auto _ : state) {
    const double cpu_before = process_cpu_ms();
    const std::size_t heap_before = heap_in_use();
    const std::size_t rss_before = resident_bytes();
    auto load = std::make_unique<cql::CatalogLoad>(cql::load_catalog(path));
    cpu_ms += process_cpu_ms() - cpu_before;
    state.PauseTiming();  // the measurements and freeing the catalog are not the load
    entities = load->catalog.entities().size();
    if (!load->problems.empty()) state.SkipWithError(cql::render(load->problems).c_str());
    if (first) {  // later loads reuse pages the allocator kept: only the first shows RSS growth
      rss_per_entity = static_cast<double>(resident_bytes() - rss_before) / static_cast<double>(entities);
      first = false;
    }
    heap_per_entity = static_cast<double>(heap_in_use() - heap_before) / static_cast<double>(entities);
    load.reset();
    state.ResumeTiming();
  }
  state.counters["all_threads_cpu_ms"] = benchmark::Counter(cpu_ms, benchmark::Counter::kAvgIterations);
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["heap_B_per_entity"] = heap_per_entity;
  state.counters["rss_B_per_entity"] = rss_per_entity;
}

void BM_LoadDescriptors10k(benchmark::State& state) { load_benchmark(state, inputs().descriptors()); }
BENCHMARK(BM_LoadDescriptors10k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadExport10k(benchmark::State& state) { load_benchmark(state, inputs().export_file()); }
BENCHMARK(BM_LoadExport10k)->Unit(benchmark::kMillisecond)->UseRealTime();

// The entity functions called directly, without the evaluator: what one call costs.
class BenchContext : public cql::CallContext {
 public:
  BenchContext(const cql::Entity& entity, const cql::Catalog& catalog) : entity_(entity), catalog_(catalog) {}
  cql::Timestamp now() const override { return {}; }
  const cql::Entity& entity() const override { return entity_; }
  const cql::Catalog* catalog() const override { return &catalog_; }
  cql::IssueSource* issue_source() const override { return nullptr; }
  const cql::JiraSettings* jira_settings() const override { return nullptr; }
  const cql::Facts* facts() const override { return nullptr; }
  void capture(std::string_view, const cql::Value&) override {}
  void charge_steps(std::uint64_t) override {}
  void check_list_size(std::size_t) override {}
  void check_string_size(std::size_t) override {}
  const void* prepared() const override { return nullptr; }

 private:
  const cql::Entity& entity_;
  const cql::Catalog& catalog_;
};

struct EntityFixture {
  cql::CatalogLoad load = cql::load_catalog(inputs().export_file());
  cql::Registry registry = [] {
    cql::Registry r;
    cql::register_entity(r);
    return r;
  }();
};

const EntityFixture& fixture() {
  static const EntityFixture f;
  return f;
}

void entity_call(benchmark::State& state, std::string_view ns, std::string_view name, std::vector<cql::Value> args) {
  const EntityFixture& f = fixture();
  const cql::FunctionSpec* spec = ns.empty() ? f.registry.global(name) : f.registry.in_namespace(ns, name);
  BenchContext ctx(*f.load.catalog.find(tag_of(42)), f.load.catalog);
  for (auto _ : state) {
    cql::Value v = spec->function(ctx, args);
    benchmark::DoNotOptimize(v);
  }
}

void BM_EntityTag(benchmark::State& state) { entity_call(state, "entity", "tag", {}); }
BENCHMARK(BM_EntityTag);
void BM_EntityCustom(benchmark::State& state) { entity_call(state, "", "custom", {cql::Value("cost-center")}); }
BENCHMARK(BM_EntityCustom);
void BM_EntityCustomDotted(benchmark::State& state) { entity_call(state, "", "custom", {cql::Value("test.coverage.line")}); }
BENCHMARK(BM_EntityCustomDotted);
void BM_EntityHasGroup(benchmark::State& state) { entity_call(state, "", "hasGroup", {cql::Value("generated")}); }
BENCHMARK(BM_EntityHasGroup);
void BM_EntityDependenciesIn(benchmark::State& state) {
  entity_call(state, "dependencies", "in", {cql::Value(false)});
}
BENCHMARK(BM_EntityDependenciesIn);

}  // namespace
