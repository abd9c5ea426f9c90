#include <catch2/catch.hpp>

#include <numeric>
#include <vector>

#include "check/scratch_stack.hpp"

using cql::check::ScratchStack;

TEST_CASE("scratch stack: grows past its inline room and keeps its values", "[unit][check]") {
  ScratchStack<int, 4> stack;
  CHECK(stack.empty());
  for (int i = 0; i < 100; ++i) stack.push_back(i);  // inline, then the heap, doubling
  REQUIRE(stack.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(stack[static_cast<std::size_t>(i)] == i);
  CHECK(std::accumulate(stack.begin(), stack.end(), 0) == 4950);
  CHECK(stack.back() == 99);
  stack.pop_back();
  CHECK(stack.back() == 98);
  std::vector<int> reversed(stack.rbegin(), stack.rend());
  CHECK(reversed.front() == 98);
  CHECK(reversed.back() == 0);
}

TEST_CASE("scratch stack: truncate never grows, assign refills", "[unit][check]") {
  ScratchStack<int, 2> stack;
  stack.push_back(1);
  stack.push_back(2);
  stack.truncate(5);
  CHECK(stack.size() == 2);
  stack.truncate(1);
  CHECK(stack.size() == 1);
  CHECK(stack.back() == 1);
  stack.assign(7, -1);  // more than the inline room
  CHECK(stack.size() == 7);
  for (int v : stack) CHECK(v == -1);
  stack.assign(0, 3);
  CHECK(stack.empty());
}
