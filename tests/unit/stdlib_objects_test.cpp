#include <catch2/catch.hpp>

#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

namespace {
struct Objects {
  Registry registry;
  FakeCallContext ctx;
  Value lighthouse{Object({{"performance", Value(92)}, {"accessibility", Value(88)},
                           {"best-practices", Value(96)}, {"seo", Value(100)}})};
  Objects() { register_objects(registry); }
  Value call(std::string_view name, std::vector<Value> args) {
    return call_native(find_function(registry, name, StaticType::Object), ctx, args);
  }
};
}  // namespace

TEST_CASE("object length, get, keys and values keep insertion order", "[unit][stdlib][objects]") {
  Objects o;
  CHECK(o.call("length", {o.lighthouse}).as_int() == 4);
  CHECK(find_function(o.registry, "length", StaticType::Object).is_property);
  CHECK(o.call("get", {o.lighthouse, Value("best-practices")}).as_int() == 96);
  CHECK(o.call("get", {o.lighthouse, Value("missing")}).is_null());
  CHECK(to_json_text(o.call("keys", {o.lighthouse})) == R"(["performance", "accessibility", "best-practices", "seo"])");
  CHECK(to_json_text(o.call("values", {o.lighthouse})) == "[92, 88, 96, 100]");
  Value empty{Object()};
  CHECK(o.call("length", {empty}).as_int() == 0);
  CHECK(o.call("keys", {empty}).as_list().empty());
  CHECK(o.call("values", {empty}).as_list().empty());
}
