// The engine benchmark of /work/shared/bench/README.md (the project's copy: bench/workload.json,
// or $CQL_BENCH_WORKLOAD): for every case
//   BM_Parse/<name>  parse + check + compile the text into a ready Program, every iteration;
//   BM_Eval/<name>   evaluate the compiled Program against the case's entity.
// Each case is evaluated once before timing and compared with `expected` (JSON form of
// spec/cli.md, numbers compared numerically); a mismatch or an error skips the case with the
// reason and makes the binary exit non-zero (bench_hooks.hpp). The engine's benchmarks report
// `allocs`, the heap allocations per iteration (allocation_tracker.hpp).
//
//   ./build-release/bench/cql_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/json_same.hpp"

#include "allocation_tracker.hpp"
#include "bench_hooks.hpp"
#include "cql/engine.hpp"
#include "cql/entity.hpp"
#include "eval/json_value.hpp"
#include "parse/parser.hpp"

namespace {

using cql::bench::AllocationCounter;
using Json = nlohmann::ordered_json;

// --- the workload ------------------------------------------------------------------------------

std::string workload_path() {
  if (const char* env = std::getenv("CQL_BENCH_WORKLOAD"); env && *env) return env;
  return std::string(CQL_BENCH_DIR) + "/workload.json";
}

std::string text_field(const Json& object, const char* key) {
  return object.contains(key) && object.at(key).is_string() ? object.at(key).get<std::string>() : std::string();
}

cql::Entity make_entity(const Json& data) {
  cql::Entity entity;
  entity.tag = text_field(data, "tag");
  entity.name = text_field(data, "name");
  if (data.contains("type") && data.at("type").is_string()) entity.type = data.at("type").get<std::string>();
  entity.is_archived = data.value("isArchived", false);
  for (const auto& g : data.value("groups", Json::array())) entity.groups.push_back(g.get<std::string>());
  for (const auto& l : data.value("links", Json::array())) {
    entity.links.push_back(
        cql::Link{text_field(l, "name"), text_field(l, "type"), text_field(l, "url"), text_field(l, "description")});
  }
  if (data.contains("custom")) entity.custom = cql::value_from_json(data.at("custom"));
  cql::prepare_values(entity);  // as the catalog loaders do: entity.tag() etc. share prebuilt Values
  return entity;
}

// Everything one case's benchmarks share, built before any timing.
struct Case {
  std::string name;
  std::string text;
  cql::Entity entity;
  cql::Program program;
  std::string problem;  // why the case cannot be timed, or empty
};

const cql::Timestamp kNow{1780315200000};  // 2026-06-01T12:00:00Z; no case depends on the clock

std::shared_ptr<Case> prepare_case(const cql::Engine& engine, const Json& data) {
  auto c = std::make_shared<Case>();
  c->name = data.at("name").get<std::string>();
  c->text = data.at("cql").get<std::string>();
  c->entity = make_entity(data.value("entity", Json::object()));
  auto program = engine.compile(c->text);
  if (!program) {
    c->problem = "does not compile: " + program.error().message;
    return c;
  }
  c->program = program.value();
  cql::EvalContext ctx(c->entity);
  ctx.now = kNow;
  const cql::EvalResult result = c->program.evaluate(ctx);
  if (!result.ok()) {
    c->problem = "evaluation failed: " + result.error->message;
  } else if (!cql::testing::json_same(data.at("expected"), cql::value_to_json(result.value))) {
    c->problem = "expected " + data.at("expected").dump() + ", got " + cql::value_to_json(result.value).dump();
  }
  return c;
}

// Reads the workload and registers BM_Parse/<name> and BM_Eval/<name> for each case; runs in
// main() through the shared entry point (bench_main.cpp).
void register_workload() {
  std::ifstream in(workload_path());
  const Json workload = in ? Json::parse(in, nullptr, false) : Json();
  if (!workload.is_array()) {
    std::fprintf(stderr, "cql_bench: %s is not a readable JSON array of cases\n", workload_path().c_str());
    cql::bench::mark_failed();
    return;
  }
  const cql::Engine engine = cql::EngineBuilder().build();
  for (const Json& data : workload) {
    const std::shared_ptr<Case> c = prepare_case(engine, data);
    if (!c->problem.empty()) {
      cql::bench::mark_failed();
      std::fprintf(stderr, "cql_bench: %s: %s\n", c->name.c_str(), c->problem.c_str());
    }
    benchmark::RegisterBenchmark(("BM_Parse/" + c->name).c_str(), [c, engine](benchmark::State& state) {
      if (!c->problem.empty()) {
        state.SkipWithError(c->problem.c_str());
        return;
      }
      AllocationCounter allocations(state);
      for (auto _ : state) {
        auto program = engine.compile(c->text);
        benchmark::DoNotOptimize(program);
      }
    });
    // Where parse + check + compile time goes: the parser alone.
    benchmark::RegisterBenchmark(("BM_ParseOnly/" + c->name).c_str(), [c](benchmark::State& state) {
      if (!c->problem.empty()) {
        state.SkipWithError(c->problem.c_str());
        return;
      }
      AllocationCounter allocations(state);
      for (auto _ : state) {
        auto ast = cql::parse::parse_expression(std::make_shared<const cql::SourceFile>("<expr>", c->text));
        benchmark::DoNotOptimize(ast);
      }
    });
    benchmark::RegisterBenchmark(("BM_Eval/" + c->name).c_str(), [c](benchmark::State& state) {
      if (!c->problem.empty()) {
        state.SkipWithError(c->problem.c_str());
        return;
      }
      cql::EvalContext ctx(c->entity);
      ctx.now = kNow;
      AllocationCounter allocations(state);
      for (auto _ : state) {
        cql::EvalResult result = c->program.evaluate(ctx);
        benchmark::DoNotOptimize(result);
      }
    });
  }
}

const bool kRegistered = cql::bench::add_setup(register_workload);

}  // namespace
