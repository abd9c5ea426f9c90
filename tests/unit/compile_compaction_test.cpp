// The compiled plan after in-place compaction (which runs when something was folded):
// everything the root reaches is kept and renumbered, nothing else is left; and the names a
// plan keeps as views stay valid for as long as the Program lives.
#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "compile/inline_vector.hpp"
#include "compiled_plan.hpp"
#include "cql/value.hpp"

namespace {

// Counts, per table, how often each entry is used by the nodes the root reaches (children
// first, so an index that is out of range or not below its parent fails too).
struct Uses {
  std::vector<int> nodes, kids, constants, calls, fields, namespaces, arith_steps;
};

void count_range(std::vector<int>& uses, std::uint32_t first, std::uint32_t count) {
  for (std::uint32_t i = first; i < first + count; ++i) {
    REQUIRE(i < uses.size());
    ++uses[i];
  }
}

void visit(const cql::plan::Plan& plan, std::uint32_t index, Uses& uses) {
  REQUIRE(index < plan.nodes.size());
  ++uses.nodes[index];
  const cql::plan::Node& n = plan.nodes[index];
  using cql::plan::Op;
  switch (n.op) {
    case Op::Constant: case Op::CustomKey: count_range(uses.constants, n.a, 1); break;
    case Op::Namespace: count_range(uses.namespaces, n.a, 1); break;
    case Op::Field: count_range(uses.fields, n.b, 1); break;
    case Op::Arith: count_range(uses.arith_steps, n.c, n.b - 1); [[fallthrough]];
    case Op::List: case Op::And: case Op::Or: count_range(uses.kids, n.a, n.b); break;
    case Op::Call: case Op::Method: {
      const cql::plan::CallSite& site = plan.calls[n.op == Op::Call ? n.a : n.b];
      count_range(uses.calls, n.op == Op::Call ? n.a : n.b, 1);
      if (site.kind == cql::plan::CallKind::AnyCall) count_range(uses.kids, site.first_kid, site.count);
      for (const auto& b : site.candidates) count_range(uses.kids, b.first_kid, b.count);
      break;
    }
    default: break;
  }
  cql::compile::for_each_child(plan, n, [&](std::uint32_t kid) {
    REQUIRE(kid < index);
    visit(plan, kid, uses);
  });
}

// Every entry of every table is used exactly once by what the root reaches (a specialised
// custom("key") shares no constant here: its key node is dropped).
void require_exactly_reachable(const cql::plan::Plan& plan) {
  Uses uses{std::vector<int>(plan.nodes.size()),     std::vector<int>(plan.kids.size()),
            std::vector<int>(plan.constants.size()), std::vector<int>(plan.calls.size()),
            std::vector<int>(plan.fields.size()),    std::vector<int>(plan.namespaces.size()),
            std::vector<int>(plan.arith_steps.size())};
  visit(plan, plan.root, uses);
  for (const auto* table : {&uses.nodes, &uses.kids, &uses.constants, &uses.calls, &uses.fields, &uses.namespaces,
                            &uses.arith_steps}) {
    for (int n : *table) CHECK(n == 1);
  }
}

}  // namespace

TEST_CASE("compaction keeps exactly what the root reaches", "[unit][compile]") {
  // Each text folds something, so each is compacted.
  for (const char* text : {
           "(custom(\"Origin\") == \"MOW\" OR custom(\"Country\") == \"RU\") AND (custom(\"tier\") >= 1 + 1)",
           "[[], custom(\"owner\"), 1 + 1, custom(\"tier\") * 2 + 3]",
           "duration(custom(\"window\")) >= duration(\"P1D\") AND custom(\"owner\").startsWith(\"te\" + \"am\")",
           "custom(\"regions\").filter(r => r.startsWith(\"eu\") AND 1 < 2).length == 1",
           "custom(\"slo\").availability > 99 - 0.5 AND \"abc\".length == 3",
           "acme.anything(1 + 1, label = custom(\"owner\")) != null AND git != null AND entity != null",
           "entity.tag() == \"pay\" + \"ments\" AND !false AND custom(\"a.b\") == null",
           "1 + 1 + 1 + custom(\"tier\") - 2 * 3",
       }) {
    INFO(text);
    const auto compiled = cql::test::compile_plan(text);
    require_exactly_reachable(compiled.plan);
  }
}

TEST_CASE("a folded constant ahead of live ones keeps every constant in its place", "[unit][compile]") {
  // The empty list folds into a constant appended after the checker's own constants; moving it
  // down first would overwrite the key of custom("owner") if compaction renumbered in node order.
  const auto result = cql::test::run("[[], custom(\"owner\"), 1 + 1, custom(\"tier\")]");
  REQUIRE(result.ok());
  const auto& list = result.value.as_list();
  REQUIRE(list.size() == 4);
  CHECK(list[0].as_list().empty());
  CHECK(list[1].as_string() == "team-a");
  CHECK(list[2].as_int() == 2);
  CHECK(list[3].as_int() == 1);
}

TEST_CASE("names in a program outlive the text it was compiled from", "[unit][compile]") {
  const cql::Engine engine = cql::test::test_engine();
  auto text = std::make_unique<std::string>("custom(\"tier\").startsWith(\"x\") OR acme.someFact(\"y\") == \"z\"");
  auto compiled = engine.compile(*text);
  text->assign(text->size(), '#');  // the caller's buffer is gone: the program has its own copy
  text.reset();
  REQUIRE(compiled.ok());
  const cql::Program program = compiled.value();
  const auto calls = program.calls();
  REQUIRE(calls.size() == 3);
  auto named = [&](std::string_view name) {
    for (const auto& call : calls) {
      if (call.name == name) return &call;
    }
    FAIL("no call named " << name);
    return &calls.front();
  };
  CHECK(named("startsWith")->is_method);
  CHECK(named("someFact")->namespace_name == "acme");
  CHECK(named("someFact")->canonical_call == "someFact(\"y\")");
  const auto result = program.evaluate(cql::EvalContext(cql::test::test_entity()));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->message.find(".startsWith()") != std::string::npos);
}

TEST_CASE("programs compiled from many texts on several threads evaluate correctly", "[unit][compile]") {
  const cql::Engine engine = cql::test::test_engine();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const cql::Entity entity = cql::test::test_entity();
      for (int i = 0; i < 100; ++i) {
        const std::string n = std::to_string(t * 1000 + i);
        const std::string text = "custom(\"owner\").startsWith(\"team\") AND [" + n + ", 1 + 1].contains(" + n +
                                 ") AND acme.fact(\"" + n + "\") == \"acme:fact(\\\"" + n + "\\\")\"";
        auto program = engine.compile(text);
        if (!program) {
          ++failures;
          continue;
        }
        const auto result = program.value().evaluate(cql::EvalContext(entity));
        if (!result.ok() || !result.value.as_bool()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 0);
}

TEST_CASE("an inline vector spills to the heap past its inline room and moves out empty", "[unit][compile]") {
  cql::plan::InlineVector<std::string, 2> v;
  CHECK(v.empty());
  v.push_back("a");
  v.push_back("b");
  v.push_back("c");
  REQUIRE(v.size() == 3);
  CHECK(v.front() == "a");
  CHECK(v[2] == "c");
  const cql::plan::InlineVector<std::string, 2> copy = v;
  CHECK(std::vector<std::string>(copy.begin(), copy.end()) == std::vector<std::string>{"a", "b", "c"});
  cql::plan::InlineVector<std::string, 2> moved = std::move(v);
  CHECK(moved.size() == 3);
  CHECK(v.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  cql::plan::InlineVector<std::string, 2> small;
  small.push_back("x");
  cql::plan::InlineVector<std::string, 2> small_moved = std::move(small);
  CHECK(small_moved.size() == 1);
  CHECK(small.empty());  // NOLINT(bugprone-use-after-move)
}
