#include <catch2/catch.hpp>

#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
struct Strings {
  Registry registry;
  FakeCallContext ctx;
  Strings() { register_strings(registry); }
  Value call(std::string_view name, std::vector<Value> args) {
    return call_native(find_function(registry, name, StaticType::String), ctx, args);
  }
};
List strings(std::initializer_list<const char*> items) {
  List out;
  for (const char* s : items) out.emplace_back(s);
  return out;
}
}  // namespace

TEST_CASE("string length counts code points", "[unit][stdlib][strings]") {
  Strings s;
  CHECK(s.call("length", {Value("payments")}).as_int() == 8);
  CHECK(s.call("length", {Value("Zürich 🚀")}).as_int() == 8);
  CHECK(s.call("length", {Value("")}).as_int() == 0);
  CHECK(find_function(s.registry, "length", StaticType::String).is_property);
}

TEST_CASE("contains, startsWith and endsWith are literal and case-sensitive", "[unit][stdlib][strings]") {
  Strings s;
  CHECK_FALSE(s.call("contains", {Value("Payments"), Value("pay")}).as_bool());
  CHECK(s.call("contains", {Value("Payments"), Value("ment")}).as_bool());
  CHECK(s.call("contains", {Value("abc"), Value("")}).as_bool());
  CHECK(s.call("contains", {Value("a.c"), Value(".")}).as_bool());
  CHECK_FALSE(s.call("contains", {Value("abc"), Value(".")}).as_bool());
  CHECK(s.call("startsWith", {Value("payments"), Value("pay")}).as_bool());
  CHECK_FALSE(s.call("startsWith", {Value("pay"), Value("payments")}).as_bool());
  CHECK(s.call("endsWith", {Value("payments"), Value("ents")}).as_bool());
  CHECK_FALSE(s.call("endsWith", {Value("payments"), Value("Ents")}).as_bool());
  CHECK(s.call("endsWith", {Value("x"), Value("")}).as_bool());
}

TEST_CASE("case mapping covers ASCII and common scripts", "[unit][stdlib][strings]") {
  Strings s;
  CHECK(s.call("toLowerCase", {Value("Tier-1 API")}).as_string() == "tier-1 api");
  CHECK(s.call("toUpperCase", {Value("tier-1 api")}).as_string() == "TIER-1 API");
  CHECK(s.call("toLowerCase", {Value("ZÜRICH ÉCOLE ĄĆĘ ΣΩ ДОМ")}).as_string() == "zürich école ąćę σω дом");
  CHECK(s.call("toUpperCase", {Value("zürich école ąćę σω дом ß 🚀")}).as_string() == "ZÜRICH ÉCOLE ĄĆĘ ΣΩ ДОМ ß 🚀");
  // Unchanged long strings share the receiver's heap block.
  Value lower("already lower case, long enough to live on the heap");
  REQUIRE(lower.string_block() != nullptr);
  CHECK(s.call("toLowerCase", {lower}).string_block() == lower.string_block());
}

TEST_CASE("trim removes surrounding ASCII whitespace", "[unit][stdlib][strings]") {
  Strings s;
  CHECK(s.call("trim", {Value("  main \t\n")}).as_string() == "main");
  CHECK(s.call("trim", {Value("\r\n\v\f x y ")}).as_string() == "x y");
  CHECK(s.call("trim", {Value("   ")}).as_string() == "");
  Value clean("clean text that is long enough to live on the heap");
  REQUIRE(clean.string_block() != nullptr);
  CHECK(s.call("trim", {clean}).string_block() == clean.string_block());
}

TEST_CASE("split keeps every field and uses a literal separator", "[unit][stdlib][strings]") {
  Strings s;
  CHECK(equals(s.call("split", {Value("us-east-1,eu-west-1"), Value(",")}), Value(strings({"us-east-1", "eu-west-1"}))));
  CHECK(equals(s.call("split", {Value("a,,b,"), Value(",")}), Value(strings({"a", "", "b", ""}))));
  CHECK(equals(s.call("split", {Value(""), Value(",")}), Value(strings({""}))));
  CHECK(equals(s.call("split", {Value("a.b"), Value(".")}), Value(strings({"a", "b"}))));
  CHECK(equals(s.call("split", {Value("a::b::c"), Value("::")}), Value(strings({"a", "b", "c"}))));
  CHECK(equals(s.call("split", {Value("aé🚀"), Value("")}), Value(strings({"a", "é", "🚀"}))));
}

TEST_CASE("split respects the list size limit", "[unit][stdlib][strings]") {
  Strings s;
  s.ctx.max_list = 3;
  auto failure = failure_of([&] { s.call("split", {Value("a,b,c,d"), Value(",")}); });
  REQUIRE(failure);
  CHECK(failure->kind == ErrorKind::Eval);
  CHECK(s.call("split", {Value("a,b,c"), Value(",")}).as_list().size() == 3);
}
