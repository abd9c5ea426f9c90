#include <catch2/catch.hpp>
#include <string>

#include "cql/value.hpp"

using namespace cql;

TEST_CASE("values report their type", "[unit][value]") {
  CHECK(Value().type() == Type::Null);
  CHECK(Value(true).type() == Type::Bool);
  CHECK(Value(3).type() == Type::Int);
  CHECK(Value(2.5).type() == Type::Double);
  CHECK(Value("x").type() == Type::String);
  CHECK(Value(List{Value(1)}).type() == Type::List);
  CHECK(Value(Duration{5}).type() == Type::Duration);
  CHECK(Value::namespace_handle("jira").namespace_name() == "jira");
  CHECK(type_name(Type::Namespace) == "namespace");
}

TEST_CASE("object lookup finds keys in small and large objects", "[unit][value]") {
  std::vector<std::pair<std::string, Value>> small{{"a", Value(1)}, {"b", Value(2)}};
  Object o(small);
  REQUIRE(o.find("b") != nullptr);
  CHECK(o.find("b")->as_int() == 2);
  CHECK(o.find("c") == nullptr);

  std::vector<std::pair<std::string, Value>> large;
  for (int i = 0; i < 100; ++i) large.emplace_back("k" + std::to_string(i), Value(i));
  Object big(large);
  for (int i = 0; i < 100; ++i) {
    const Value* v = big.find("k" + std::to_string(i));
    REQUIRE(v != nullptr);
    CHECK(v->as_int() == i);
  }
  CHECK(big.find("k100") == nullptr);
}
