#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "engine_test_registry.hpp"

TEST_CASE("one program evaluates on several threads at once", "[unit][engine]") {
  const cql::Engine engine = cql::test::test_engine();
  auto compiled = engine.compile(
      "captures(\"tier\", custom(\"tier\")) >= 2 AND custom(\"regions\").filter(r => r.startsWith(\"eu\")).length == 1");
  REQUIRE(compiled.ok());
  const cql::Program program = compiled.value();  // copies share the compiled state

  constexpr int kThreads = 4;
  constexpr int kRounds = 500;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      cql::Entity entity = cql::test::test_entity();
      entity.custom = cql::Value(cql::Object({{"tier", cql::Value(t)},
                                              {"regions", cql::Value(cql::List{cql::Value("eu-west-1")})}}));
      cql::EvalContext ctx(entity);
      for (int i = 0; i < kRounds; ++i) {
        const auto result = program.evaluate(ctx);
        const bool ok = result.ok() && result.value.as_bool() == (t >= 2) && result.captures.size() == 1 &&
                        result.captures[0].value.as_int() == t;
        if (!ok) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}

TEST_CASE("an engine compiles on several threads at once", "[unit][engine]") {
  const cql::Engine engine = cql::test::test_engine();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto program = engine.compile(std::to_string(t) + " + " + std::to_string(i));
        if (!program || program.value().evaluate(cql::EvalContext(cql::test::test_entity())).value.as_int() != t + i) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 0);
}
