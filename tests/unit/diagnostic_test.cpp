#include <catch2/catch.hpp>
#include <memory>

#include "cql/diagnostic.hpp"

using namespace cql;

TEST_CASE("a diagnostic renders file:line:col, the source line and a caret", "[unit][diagnostic]") {
  auto src = std::make_shared<SourceFile>("<expr>", "1 +\n  foo(2)");
  Diagnostic d{ErrorKind::Compile, Severity::Error, "unknown function foo", src, Span{6, 9}, ""};
  CHECK(render(d) == "<expr>:2:3: error: unknown function foo\n    foo(2)\n    ^^^\n");
}

TEST_CASE("the caret counts code points after non-ASCII text", "[unit][diagnostic]") {
  auto src = std::make_shared<SourceFile>("<expr>", "\"héllo\" < 1");
  Diagnostic d{ErrorKind::Compile, Severity::Error, "cannot compare", src, Span{9, 10}, "compare strings with strings"};
  CHECK(render(d) ==
        "<expr>:1:9: error: cannot compare\n  \"héllo\" < 1\n          ^\n  hint: compare strings with strings\n");
}

TEST_CASE("an embedded expression reports positions in the enclosing file", "[unit][diagnostic]") {
  auto src = std::make_shared<SourceFile>("card.yaml", "x == 1", 12, 17);
  auto pos = src->position(5);
  CHECK(pos.line == 12);
  CHECK(pos.column == 22);
}

TEST_CASE("a diagnostic without source names only the message", "[unit][diagnostic]") {
  Diagnostic d{ErrorKind::Io, Severity::Error, "cannot read x.yaml", nullptr, {}, ""};
  CHECK(render(d) == "cql: error: cannot read x.yaml\n");
}
