// CompactString (include/cql/compact_string.hpp): inline up to 15 bytes, one shared heap block above.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cql/compact_string.hpp"
#include "cql/value.hpp"

using cql::CompactString;

TEST_CASE("texts up to 15 bytes are inline, longer ones on the heap", "[unit][value]") {
  for (std::size_t n : {0, 1, 7, 8, 14, 15, 16, 17, 100, 5000}) {
    const std::string text(n, 'x');
    const CompactString s(text);
    CHECK(s.view() == text);
    CHECK(s.size() == n);
    CHECK((s.block() == nullptr) == (n <= CompactString::kInlineCapacity));
  }
  CHECK(CompactString().view().empty());
}

TEST_CASE("texts keep every byte, including NUL and non-ASCII", "[unit][value]") {
  const std::string with_nul("a\0b", 3);
  CHECK(CompactString(with_nul).view() == with_nul);
  const std::string utf8 = "Zürich 🚀";  // 12 bytes: inline
  CHECK(CompactString(utf8).view() == utf8);
  const std::string long_utf8 = "Zürich école ąćę σω дом";
  CHECK(CompactString(long_utf8).view() == long_utf8);
}

TEST_CASE("copies share the heap block; moves leave an empty string", "[unit][value]") {
  const std::string text = "a text long enough for the heap";
  CompactString a(text);
  CompactString b = a;
  CHECK(b.block() == a.block());
  CHECK(b.view() == text);
  CompactString c = std::move(b);
  CHECK(c.block() == a.block());
  CHECK(b.view().empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  CompactString d("short");
  d = c;  // heap over inline
  CHECK(d.view() == text);
  c = CompactString("tiny");  // inline over heap: c's reference is released
  CHECK(c.view() == "tiny");
  a = a;  // self-assignment keeps the text
  CHECK(a.view() == text);
  a.swap(c);
  CHECK(a.view() == "tiny");
  CHECK(c.view() == text);
}

TEST_CASE("a heap block lives while any copy does, across threads", "[unit][value]") {
  std::vector<CompactString> copies;
  {
    const CompactString original("shared between several threads");
    copies.assign(4, original);
  }  // the original is gone; the copies still hold the block
  std::vector<std::thread> threads;
  for (auto& copy : copies) {
    threads.emplace_back([&copy] {
      for (int i = 0; i < 1000; ++i) {
        CompactString local = copy;
        CHECK(local.view() == "shared between several threads");
      }
      copy = CompactString();  // drop this thread's reference; the last one frees the block
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& copy : copies) CHECK(copy.view().empty());
}

TEST_CASE("string Values compare, order and copy the same inline or on the heap", "[unit][value]") {
  const cql::Value short_text("MOW");
  const cql::Value long_text("a string value longer than fifteen bytes");
  CHECK(short_text.as_string() == "MOW");
  CHECK(long_text.as_string() == "a string value longer than fifteen bytes");
  CHECK(cql::equals(short_text, cql::Value(std::string("MOW"))));
  CHECK(cql::equals(long_text, cql::Value(std::string_view("a string value longer than fifteen bytes"))));
  CHECK_FALSE(cql::equals(short_text, long_text));
  const cql::Value copy = long_text;
  CHECK(copy.string_block() == long_text.string_block());
  CHECK(sizeof(cql::Value) == 24);
}
