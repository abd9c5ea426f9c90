#include <catch2/catch.hpp>

#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
struct Regex {
  Registry registry;
  FakeCallContext ctx;
  Regex() { register_regex(registry); }
  // `constant_pattern` false: the pattern is computed, so it is compiled at run time.
  Value call(std::string_view name, StaticType receiver, Value subject, Value pattern, bool constant_pattern = true) {
    return call_native(find_function(registry, name, receiver), ctx, {std::move(subject), std::move(pattern)},
                       std::vector<bool>{false, constant_pattern});
  }
  bool matches(const char* text, const char* re, bool constant = true) {
    return call("matches", StaticType::String, Value(text), Value(re), constant).as_bool();
  }
  bool matches_in(const char* text, const char* re, bool constant = true) {
    return call("matchesIn", StaticType::String, Value(text), Value(re), constant).as_bool();
  }
};
Value obj(std::vector<std::pair<std::string, Value>> entries) { return Value(Object(std::move(entries))); }
}  // namespace

TEST_CASE("matches is a whole-string RE2 match", "[unit][stdlib][regex]") {
  Regex r;
  for (bool constant : {true, false}) {
    INFO("constant pattern: " << constant);
    CHECK_FALSE(r.matches("payments-api", "payments", constant));
    CHECK(r.matches("payments-api", "payments.*", constant));
    CHECK_FALSE(r.matches("mainline", "master|main", constant));
    CHECK(r.matches("main", "master|main", constant));
    CHECK_FALSE(r.matches("Master", "master", constant));
    CHECK(r.matches("MASTER", "(?i)master", constant));
    CHECK(r.matches("v1.20.3", R"(v\d+\.\d+\.\d+)", constant));
    CHECK(r.matches("Zürich", "Z.rich", constant));  // UTF-8: one character, not two bytes
    CHECK(r.matches("", "", constant));
  }
}

TEST_CASE("matchesIn finds the regex anywhere", "[unit][stdlib][regex]") {
  Regex r;
  for (bool constant : {true, false}) {
    CHECK(r.matches_in("payments-api", "api", constant));
    CHECK(r.matches_in("tier-1", "tier-", constant));
    CHECK_FALSE(r.matches_in("tier-1", "^ier", constant));
    CHECK(r.matches_in("x", "", constant));
  }
}

TEST_CASE("an invalid constant pattern fails in prepare, a computed one at run time", "[unit][stdlib][regex]") {
  Regex r;
  auto at_compile = failure_of([&] { r.matches("x", "(", true); });
  REQUIRE(at_compile);
  CHECK(at_compile->kind == ErrorKind::Compile);
  CHECK(at_compile->message == "invalid regular expression \"(\": missing ): (");
  auto at_run = failure_of([&] { r.matches("x", "(", false); });
  REQUIRE(at_run);
  CHECK(at_run->kind == ErrorKind::Eval);
  CHECK(at_run->message == ".matches(): invalid regular expression \"(\": missing ): (");
  auto anywhere = failure_of([&] { r.matches_in("x", "[a-", false); });
  REQUIRE(anywhere);
  CHECK(anywhere->message.starts_with(".matchesIn(): invalid regular expression \"[a-\""));
  // Backreferences are not RE2 syntax.
  CHECK(failure_of([&] { r.matches("aa", R"((a)\1)", true); }));
}

TEST_CASE("computed patterns are cached and the cache stays bounded", "[unit][stdlib][regex]") {
  Regex r;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 200; ++i) {
      const std::string pattern = "item-" + std::to_string(i);
      CHECK(r.call("matches", StaticType::String, Value("item-" + std::to_string(i)), Value(pattern), false).as_bool());
    }
  }
}

TEST_CASE("anyMatch tests strings and the url or name of objects", "[unit][stdlib][regex]") {
  Regex r;
  auto any = [&](List list, const char* re) { return r.call("anyMatch", StaticType::List, Value(std::move(list)), Value(re)).as_bool(); };
  CHECK_FALSE(any({Value("prod-east")}, "prod"));
  CHECK(any({Value("dev"), Value("prod-east")}, "prod-.*"));
  CHECK_FALSE(any({}, ".*"));
  CHECK(any({obj({{"name", Value("Dynatrace")}, {"url", Value("https://abc.live.dynatrace.com/x")}})},
            "https://.*.live.dynatrace.com/.*"));
  CHECK(any({obj({{"name", Value("tier-1")}})}, "tier-\\d"));
  CHECK_FALSE(any({obj({{"url", Value(3)}, {"title", Value("tier-1")}})}, "tier-\\d"));
  CHECK_FALSE(any({Value(1), Value(), Value(List{Value("a")})}, ".*"));
}
