#include <catch2/catch.hpp>

#include "stdlib/families.hpp"
#include "support/fake_call_context.hpp"

using namespace cql;
using namespace cql::testing;

TEST_CASE("captures records the value and returns it unchanged", "[unit][stdlib][captures]") {
  Registry registry;
  register_captures(registry);
  FakeCallContext ctx;
  const FunctionSpec& captures = find_function(registry, "captures", std::nullopt);
  CHECK_FALSE(captures.pure);
  Value list(List{Value(1), Value("a")});
  Value result = call_native(captures, ctx, {Value("cov"), list});
  CHECK(result.list_ptr() == list.list_ptr());
  call_native(captures, ctx, {Value("ratio"), Value(87.5)});
  REQUIRE(ctx.captured.size() == 2);
  CHECK(ctx.captured[0].first == "cov");
  CHECK(equals(ctx.captured[0].second, list));
  CHECK(ctx.captured[1].first == "ratio");
  CHECK(ctx.captured[1].second.as_double() == 87.5);
}
