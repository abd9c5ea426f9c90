// Where the REPL keeps its history and when it uses colour (src/cli/repl_history, repl_style).
#include <catch2/catch.hpp>

#include "cli/repl_history.hpp"
#include "cli/repl_style.hpp"

using namespace cql::cli;

TEST_CASE("the history file follows the XDG state directory", "[unit][repl]") {
  CHECK(default_history_path("/state", "/home/u") == "/state/cql/history");
  CHECK(default_history_path(nullptr, "/home/u") == "/home/u/.local/state/cql/history");
  // A relative XDG path is invalid by the spec and ignored.
  CHECK(default_history_path("relative", "/home/u") == "/home/u/.local/state/cql/history");
  CHECK(default_history_path("", "/home/u") == "/home/u/.local/state/cql/history");
  CHECK(default_history_path(nullptr, nullptr).empty());
}

TEST_CASE("colour only on a capable terminal without NO_COLOR", "[unit][repl]") {
  CHECK(colour_wanted(true, nullptr, "xterm-256color"));
  CHECK_FALSE(colour_wanted(false, nullptr, "xterm-256color"));
  CHECK_FALSE(colour_wanted(true, "1", "xterm"));
  CHECK(colour_wanted(true, "", "xterm"));  // NO_COLOR counts only when non-empty
  CHECK_FALSE(colour_wanted(true, nullptr, "dumb"));
  CHECK_FALSE(colour_wanted(true, nullptr, nullptr));
}

TEST_CASE("painting wraps text in escapes only with colour", "[unit][repl]") {
  CHECK(ReplStyle(false).paint(StyleRole::Error, "boom") == "boom");
  CHECK(ReplStyle(true).paint(StyleRole::Error, "boom") == "\x1b[1;31mboom\x1b[0m");
  CHECK(ReplStyle(false).paint_prompt("cql> ", '\1') == "cql> ");
  // The colour ends before the trailing blank (libedit prints a trailing sequence too late).
  CHECK(ReplStyle(true).paint_prompt("cql> ", '\1') == "\1\x1b[1;32m\1cql>\1\x1b[0m\1 ");
}
