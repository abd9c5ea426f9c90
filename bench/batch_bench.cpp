// The batch runner at scale (issue: batch scoring): `cql score` offline, in process.
//
//   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build
//   ./build/bench/cql_bench --benchmark_filter=BM_ScoreOffline
//
// The workload is the bundled example (examples/), scaled: the 30 example services are cloned
// (`payments`, `payments-1`, `payments-2` ...) until the catalog has N services, plus the 6
// teams; each clone gets its original's facts and copies of the issues that name it by
// component or label (in a project of the clone's own); the 3 example scorecards (17 rules) plus a 3-rule conventions scorecard
// give 20 rules per service. BM_ScoreOffline/N times run_batch() on every core (planning the
// Jira queries, fetching them from the offline source, evaluating, scoring); loading the data
// is not timed. Counters:
//   entities, rules      what one iteration scores
//   evaluations/s        entity x rule evaluations per second
//   data_MB              heap held by the loaded catalog, facts and indexed issue dump
//   run_peak_MB          the heap high-water mark of one run above what was in use before it
//                        (allocation_tracker.hpp), i.e. the run's own peak memory
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allocation_tracker.hpp"
#include "cql/batch.hpp"
#include "cql/catalog.hpp"
#include "cql/facts.hpp"
#include "cql/registry.hpp"
#include "cql/scorecard.hpp"
#include "cql/time.hpp"
#include "sources/offline_source.hpp"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kExampleServices = 30;
constexpr const char* kNow = "2026-11-28T12:00:00Z";

constexpr const char* kConventionsScorecard = R"(tag: conventions
name: Conventions
rules:
  - title: Tag is kebab-case
    expression: entity.tag().matches("^[a-z][a-z0-9-]*$")
  - title: Supported language
    expression: '["go", "java", "kotlin", "python", "typescript"].contains(custom("language"))'
  - title: Described and launched within ten years
    expression: entity.description().length >= 20 AND custom("launched").fromNow() > duration("-P3650D")
)";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string clone_tag(const std::string& tag, int clone) { return clone == 0 ? tag : tag + "-" + std::to_string(clone); }

fs::path examples_dir() { return fs::path(CQL_SOURCE_DIR) / "examples"; }

// Generated inputs for one catalog size, written once per process into a temporary directory.
class ScaledExample {
 public:
  explicit ScaledExample(int services) : dir_(fs::temp_directory_path() / ("cql-batch-bench-" + std::to_string(getpid()) +
                                                                             "-" + std::to_string(services))) {
    fs::create_directories(dir_ / "scorecards");
    std::vector<fs::path> service_files;
    for (const auto& entry : fs::directory_iterator(examples_dir() / "catalog" / "services")) {
      service_files.push_back(entry.path());
    }
    std::sort(service_files.begin(), service_files.end());
    for (const auto& file : service_files) service_tags_.push_back(file.stem().string());
    clones_of_.assign(service_files.size(), 0);
    std::ostringstream catalog;
    for (int i = 0; i < services; ++i) {
      const std::size_t which = static_cast<std::size_t>(i) % service_files.size();
      const int clone = i / static_cast<int>(service_files.size());
      clones_of_[which] = clone + 1;
      catalog << "---\n" << clone_descriptor(read_file(service_files[which]), clone);
    }
    for (const auto& entry : fs::directory_iterator(examples_dir() / "catalog" / "teams")) {
      catalog << "---\n" << read_file(entry.path());
    }
    write_file(dir_ / "catalog.yaml", catalog.str());
    write_file(dir_ / "facts.yaml", clone_facts(read_file(examples_dir() / "facts.yaml")));
    write_file(dir_ / "issues.json", clone_issues(Json::parse(read_file(examples_dir() / "jira-issues.json"))).dump());
    for (const auto& entry : fs::directory_iterator(examples_dir() / "scorecards")) {
      fs::copy_file(entry.path(), dir_ / "scorecards" / entry.path().filename());
    }
    write_file(dir_ / "scorecards" / "conventions.yaml", kConventionsScorecard);
  }
  ScaledExample(const ScaledExample&) = delete;
  ScaledExample& operator=(const ScaledExample&) = delete;
  ~ScaledExample() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  const fs::path& dir() const { return dir_; }

 private:
  // The descriptor's own tag, the tags of its dependencies and the Jira labels, components and
  // projects it lists get the clone's suffix, so the dependency graph and each service's share
  // of the issues are cloned too (a clone's issues are its own, as in a real organisation).
  std::string clone_descriptor(const std::string& text, int clone) const {
    static const std::regex tag_line(R"(^(\s*(?:x-cortex-tag:|- tag:|-)\s*)([A-Za-z0-9-]+)\s*$)", std::regex::multiline);
    static const std::regex project_key("[A-Z][A-Z0-9]+");
    std::string out;
    std::sregex_iterator it(text.begin(), text.end(), tag_line), end;
    std::size_t last = 0;
    for (; it != end; ++it) {
      out.append(text, last, static_cast<std::size_t>(it->position(0)) - last);
      const std::string value = (*it)[2].str();
      std::string renamed = value;
      if (is_service(value)) renamed = clone_tag(value, clone);
      if (clone > 0 && std::regex_match(value, project_key)) renamed = value + std::to_string(clone);
      out += (*it)[1].str() + renamed;
      last = static_cast<std::size_t>(it->position(0) + it->length(0));
    }
    out.append(text, last);
    return out;
  }

  bool is_service(const std::string& tag) const {
    return std::find(service_tags_.begin(), service_tags_.end(), tag) != service_tags_.end();
  }

  int clones(const std::string& tag) const {
    for (std::size_t i = 0; i < service_tags_.size(); ++i) {
      if (service_tags_[i] == tag) return clones_of_[i];
    }
    return 1;  // a team or other top-level key: kept once
  }

  // facts.yaml is a mapping from tag to a block: each block is repeated under every clone's tag.
  std::string clone_facts(const std::string& text) const {
    static const std::regex top_key(R"(^([A-Za-z0-9_.-]+):\s*$)");
    std::vector<std::pair<std::string, std::string>> blocks;  // tag, body lines
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_match(line, m, top_key)) {
        blocks.emplace_back(m[1].str(), "");
      } else if (!blocks.empty() && !line.starts_with("#")) {
        blocks.back().second += line + "\n";
      }
    }
    std::string out;
    for (const auto& [tag, body] : blocks) {
      for (int clone = 0; clone < clones(tag); ++clone) out += clone_tag(tag, clone) + ":\n" + body;
    }
    return out;
  }

  // Every issue naming a service (component or label) is copied for each of its clones.
  Json clone_issues(const Json& issues) const {
    const std::set<std::string> tags(service_tags_.begin(), service_tags_.end());
    Json out = Json::array();
    long next_id = 900000;
    for (const Json& issue : issues) {
      std::string named;
      const Json& fields = issue.at("fields");
      for (const Json& c : fields.value("components", Json::array())) {
        if (tags.count(c.value("name", ""))) named = c.at("name").get<std::string>();
      }
      for (const Json& l : fields.value("labels", Json::array())) {
        if (tags.count(l.get<std::string>())) named = l.get<std::string>();
      }
      const int copies = named.empty() ? 1 : clones(named);
      for (int clone = 0; clone < copies; ++clone) {
        Json copy = issue;
        if (clone > 0) {
          const std::string id = std::to_string(next_id++);
          copy["id"] = id;
          for (Json& c : copy["fields"]["components"]) {
            if (c.value("name", "") == named) c["name"] = clone_tag(named, clone);
          }
          for (Json& l : copy["fields"]["labels"]) {
            if (l == named) l = clone_tag(named, clone);
          }
          Json& project = copy["fields"]["project"];
          const std::string suffix = std::to_string(clone);
          project["key"] = project.value("key", "X") + suffix;
          project["name"] = project.value("name", "X") + " " + suffix;
          project["id"] = project.value("id", "1") + suffix;
          copy["key"] = project["key"].get<std::string>() + "-" + id;
        }
        out.push_back(std::move(copy));
      }
    }
    return out;
  }

  fs::path dir_;
  std::vector<std::string> service_tags_;
  std::vector<int> clones_of_;  // per example service: how many copies the catalog has
};

// Everything a run reads, loaded and compiled once per size.
struct BatchFixture {
  explicit BatchFixture(int services) : inputs(services) {
    const std::int64_t heap_before = cql::bench::heap_bytes_in_use();
    catalog = cql::load_catalog((inputs.dir() / "catalog.yaml").string());
    facts = cql::Facts::load((inputs.dir() / "facts.yaml").string());
    now = *cql::parse_timestamp(kNow);
    settings.accounts.push_back(cql::JiraAccount{});
    settings.accounts.back().alias = settings.default_alias;
    auto opened = cql::sources::OfflineSource::open((inputs.dir() / "issues.json").string(), settings, now);
    if (opened.ok()) issues = std::move(opened.value());
    data_bytes = cql::bench::heap_bytes_in_use() - heap_before;

    scorecards = cql::load_scorecards({(inputs.dir() / "scorecards").string()});
    cql::Registry registry = cql::Registry::standard();
    cql::register_fact_namespaces(registry, facts.facts);
    engine = std::make_unique<cql::Engine>(cql::EngineBuilder(registry).build());
    compiled = cql::compile_scorecards(*engine, scorecards.scorecards);
    for (const auto& card : compiled.scorecards) rules += card.rules.size();

    problem = cql::render(catalog.problems) + cql::render(facts.problems) + cql::render(scorecards.problems) +
              cql::render(compiled.diagnostics);
    if (!issues) problem += "the issue dump did not open";
  }

  ScaledExample inputs;
  cql::CatalogLoad catalog;
  cql::Facts::Load facts;
  cql::Timestamp now;
  cql::JiraSettings settings;
  std::shared_ptr<cql::IssueSource> issues;
  cql::ScorecardLoad scorecards;
  std::unique_ptr<cql::Engine> engine;
  cql::CompiledScorecards compiled;
  std::size_t rules = 0;
  std::int64_t data_bytes = 0;
  std::string problem;
};

const BatchFixture& fixture(int services) {
  static std::map<int, std::unique_ptr<BatchFixture>> fixtures;
  auto& slot = fixtures[services];
  if (!slot) slot = std::make_unique<BatchFixture>(services);
  return *slot;
}

void BM_ScoreOffline(benchmark::State& state) {
  const int services = static_cast<int>(state.range(0));
  const BatchFixture& f = fixture(services);
  if (!f.problem.empty()) {
    state.SkipWithError(f.problem.c_str());
    return;
  }
  cql::BatchData data{&f.catalog.catalog, &f.facts.facts, f.issues, &f.settings};
  cql::BatchOptions options;
  options.now = f.now;
  options.jobs = 0;  // every core

  std::size_t scored = 0;
  std::int64_t peak = 0;
  for (auto _ : state) {
    const std::int64_t before = cql::bench::heap_bytes_in_use();
    cql::bench::reset_peak_heap();
    auto run = cql::run_batch(f.compiled, data, options);
    peak = std::max(peak, cql::bench::peak_heap_bytes() - before);
    if (!run.ok()) {
      state.SkipWithError("run_batch failed");
      return;
    }
    scored = 0;
    for (const auto& card : run.value().report.scorecards) scored += card.entities.size();
    benchmark::DoNotOptimize(run);
  }
  // Services are scored by the 3 service scorecards and the conventions one; teams by none.
  if (scored < static_cast<std::size_t>(services)) state.SkipWithError("fewer entities scored than generated");
  constexpr double kMB = 1024.0 * 1024.0;
  state.counters["entities"] = static_cast<double>(f.catalog.catalog.entities().size());
  state.counters["rules"] = static_cast<double>(f.rules);
  state.counters["evaluations/s"] = benchmark::Counter(static_cast<double>(services) * static_cast<double>(f.rules),
                                                       benchmark::Counter::kIsIterationInvariantRate);
  state.counters["data_MB"] = static_cast<double>(f.data_bytes) / kMB;
  state.counters["run_peak_MB"] = static_cast<double>(peak) / kMB;
}
BENCHMARK(BM_ScoreOffline)->Arg(1000)->Arg(3000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
