#include <catch2/catch.hpp>

#include <limits>

#include "cql/time.hpp"
#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
struct Lists {
  Registry registry;
  FakeCallContext ctx;
  Lists() { register_lists(registry); }
  Value call(std::string_view name, List receiver, std::vector<Value> args = {}) {
    args.insert(args.begin(), Value(std::move(receiver)));
    return call_native(find_function(registry, name, StaticType::List), ctx, args);
  }
  std::optional<EvalFailure> failure(std::string_view name, List receiver, std::vector<Value> args = {}) {
    return failure_of([&] { call(name, std::move(receiver), std::move(args)); });
  }
};
Value obj(std::vector<std::pair<std::string, Value>> entries) { return Value(Object(std::move(entries))); }
}  // namespace

TEST_CASE("list length, first, last and contains", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(l.call("length", {Value(1), Value(2)}).as_int() == 2);
  CHECK(l.call("length", {}).as_int() == 0);
  CHECK(l.call("first", {Value(1), Value(2)}).as_int() == 1);
  CHECK(l.call("last", {Value(1), Value(2)}).as_int() == 2);
  CHECK(l.call("first", {}).is_null());
  CHECK(l.call("last", {}).is_null());
  CHECK(l.call("contains", {Value("a"), Value("b")}, {Value("b")}).as_bool());
  CHECK_FALSE(l.call("contains", {Value("a"), Value("b")}, {Value("B")}).as_bool());
  CHECK(l.call("contains", {Value(1), Value(2)}, {Value(2.0)}).as_bool());
  CHECK(l.call("contains", {obj({{"a", Value(1)}, {"b", Value(2)}})}, {obj({{"b", Value(2)}, {"a", Value(1)}})}).as_bool());
  CHECK(l.call("contains", {Value(), Value(1)}, {Value()}).as_bool());
  CHECK_FALSE(l.call("contains", {}, {Value()}).as_bool());
}

TEST_CASE("sum: ints stay ints with an overflow check, otherwise a double", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(l.call("sum", {}).type() == Type::Int);
  CHECK(l.call("sum", {}).as_int() == 0);
  CHECK(l.call("sum", {Value(1), Value(2), Value(3)}).as_int() == 6);
  Value mixed = l.call("sum", {Value(1), Value(2.5)});
  CHECK(mixed.type() == Type::Double);
  CHECK(mixed.as_double() == 3.5);
  auto overflow = l.failure("sum", {Value(std::numeric_limits<std::int64_t>::max()), Value(1)});
  REQUIRE(overflow);
  CHECK(overflow->kind == ErrorKind::Eval);
  CHECK(overflow->message == ".sum(): integer overflow");
  auto wrong = l.failure("sum", {Value(1), Value("2")});
  REQUIRE(wrong);
  CHECK(wrong->kind == ErrorKind::Type);
  CHECK(wrong->message == ".sum(): element 1 is string, expected a number");
  CHECK(l.failure("sum", {Value(1), Value()})->kind == ErrorKind::Type);
}

TEST_CASE("average is a double, null for an empty list", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(l.call("average", {Value(1), Value(2), Value(3), Value(4)}).as_double() == 2.5);
  CHECK(l.call("average", {Value(2), Value(2)}).type() == Type::Double);
  CHECK(l.call("average", {}).is_null());
  auto with_null = l.failure("average", {Value(1), Value()});
  REQUIRE(with_null);
  CHECK(with_null->kind == ErrorKind::Type);
  CHECK(with_null->message == ".average(): element 1 is null, expected a number");
}

TEST_CASE("min and max over numbers, strings, durations and timestamps", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(l.call("min", {Value(7), Value(-2), Value(4.5)}).as_int() == -2);
  CHECK(l.call("max", {Value(7), Value(-2), Value(4.5)}).as_int() == 7);
  CHECK(l.call("max", {Value(7), Value(7.5)}).as_double() == 7.5);
  CHECK(l.call("min", {Value("beta"), Value("Alpha")}).as_string() == "Alpha");
  CHECK(l.call("max", {Value(Duration{5}), Value(Duration{9})}).as_duration().ms == 9);
  CHECK(l.call("min", {Value(Timestamp{5}), Value(Timestamp{-9})}).as_timestamp().ms == -9);
  CHECK(l.call("min", {}).is_null());
  CHECK(l.call("max", {}).is_null());
  auto mixed = l.failure("min", {Value(1), Value("a")});
  REQUIRE(mixed);
  CHECK(mixed->kind == ErrorKind::Type);
  CHECK(mixed->message == ".min(): cannot order int and string (element 1)");
  CHECK(l.failure("max", {Value(true), Value(false)})->kind == ErrorKind::Type);
  CHECK(l.failure("max", {Value()})->kind == ErrorKind::Type);
}

TEST_CASE("distinct keeps first occurrences in order", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(to_json_text(l.call("distinct", {Value(1), Value(1), Value(2), Value(3), Value(3)})) == "[1, 2, 3]");
  CHECK(to_json_text(l.call("distinct", {Value(2), Value(1), Value(2.0), Value("2")})) == R"([2, 1, "2"])");
  CHECK(to_json_text(l.call("distinct", {obj({{"a", Value(1)}, {"b", Value(2)}}), obj({{"b", Value(2)}, {"a", Value(1)}})})) ==
        R"([{"a": 1, "b": 2}])");
  // Large lists take the hashing path; it must agree with equals().
  List big;
  for (int i = 0; i < 1000; ++i) big.push_back(i % 3 == 0 ? Value(static_cast<double>(i % 50)) : Value(i % 50));
  Value unique = l.call("distinct", big);
  REQUIRE(unique.as_list().size() == 50);
  CHECK(unique.as_list()[0].as_double() == 0);
  CHECK(unique.as_list()[1].as_int() == 1);
  List objects;
  for (int i = 0; i < 40; ++i) objects.push_back(obj({{"k", Value(i % 4)}, {"v", Value(List{Value("x")})}}));
  CHECK(l.call("distinct", objects).as_list().size() == 4);
  Value already(List{Value(1), Value(2)});
  CHECK(call_native(find_function(l.registry, "distinct", StaticType::List), l.ctx, {already}).list_ptr() ==
        already.list_ptr());
}

TEST_CASE("sort needs one orderable type", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(to_json_text(l.call("sort", {Value("beta"), Value("Alpha"), Value("alpha")})) == R"(["Alpha", "alpha", "beta"])");
  CHECK(to_json_text(l.call("sort", {Value(3), Value(1.5), Value(-2)})) == "[-2, 1.5, 3]");
  CHECK(to_json_text(l.call("sort", {Value(Duration{60000}), Value(Duration{1000})})) == R"(["PT1S", "PT1M"])");
  CHECK(to_json_text(l.call("sort", {Value(*parse_semver("1.10.0")), Value(*parse_semver("1.9.0"))})) ==
        R"(["1.9.0", "1.10.0"])");
  CHECK(l.call("sort", {}).as_list().empty());
  auto mixed = l.failure("sort", {Value(1), Value("a")});
  REQUIRE(mixed);
  CHECK(mixed->kind == ErrorKind::Type);
  CHECK(l.failure("sort", {Value(List{})})->message ==
        ".sort(): element 0 is list, expected numbers, strings, durations, timestamps or semvers");
}

TEST_CASE("join uses canonical text of strings, numbers and bools", "[unit][stdlib][lists]") {
  Lists l;
  CHECK(l.call("join", {Value("us-east-1"), Value("eu-west-1")}, {Value(", ")}).as_string() == "us-east-1, eu-west-1");
  CHECK(l.call("join", {Value(1), Value(2.5), Value(true), Value("x")}, {Value("-")}).as_string() == "1-2.5-true-x");
  CHECK(l.call("join", {}, {Value(",")}).as_string() == "");
  CHECK(l.call("join", {Value("only")}, {Value(",")}).as_string() == "only");
  auto bad = l.failure("join", {Value("a"), Value()}, {Value(",")});
  REQUIRE(bad);
  CHECK(bad->kind == ErrorKind::Type);
  CHECK(bad->message == ".join(): element 1 is null, expected a string, number or bool");
  l.ctx.max_string = 5;
  CHECK(l.failure("join", {Value("abc"), Value("def")}, {Value("")})->kind == ErrorKind::Eval);
}
