// Parsing of the REPL's meta commands (src/cli/repl_meta_command) and their help.
#include <catch2/catch.hpp>

#include "cli/repl_meta_command.hpp"

using namespace cql::cli;

namespace {

MetaCommand parsed(std::string_view line) {
  auto result = parse_meta_command(line);
  if (auto* error = std::get_if<std::string>(&result)) FAIL("unexpected error: " << *error);
  return std::get<MetaCommand>(result);
}

std::string error_of(std::string_view line) {
  auto result = parse_meta_command(line);
  if (std::holds_alternative<MetaCommand>(result)) FAIL("expected an error for " << line);
  return std::get<std::string>(result);
}

}  // namespace

TEST_CASE("meta command lines start with a colon", "[unit][repl][meta]") {
  CHECK(is_meta_command_line(":help"));
  CHECK(is_meta_command_line("  :q"));
  CHECK_FALSE(is_meta_command_line("jira.numOfIssues()"));
  CHECK_FALSE(is_meta_command_line(""));
}

TEST_CASE("every meta command parses with its argument", "[unit][repl][meta]") {
  CHECK(parsed(":help").kind == MetaKind::Help);
  CHECK(parsed(":quit").kind == MetaKind::Quit);
  CHECK(parsed(":q").kind == MetaKind::Quit);
  CHECK(parsed(":exit").kind == MetaKind::Quit);
  const MetaCommand entity = parsed(":entity payments ");
  CHECK(entity.kind == MetaKind::Entity);
  CHECK(entity.argument == "payments");
  CHECK(entity.argument_offset == 8);
  CHECK(parsed(":catalog \"my catalog/\"").argument == "my catalog/");
  CHECK(parsed(":issues dump.json").kind == MetaKind::Issues);
  CHECK(parsed(":config cql.yaml").kind == MetaKind::Config);
  CHECK(parsed(":facts facts.yaml").kind == MetaKind::Facts);
  CHECK(parsed(":now 2026-06-01T12:00:00Z").argument == "2026-06-01T12:00:00Z");
  // Expressions keep their quotes; the offset points at the expression for carets.
  const MetaCommand ast = parsed(":ast   \"a\" + 1");
  CHECK(ast.kind == MetaKind::Ast);
  CHECK(ast.argument == "\"a\" + 1");
  CHECK(ast.argument_offset == 7);
  CHECK(parsed(":explain jira.numOfIssues()").kind == MetaKind::Explain);
  CHECK(parsed(":time 1 + 2").kind == MetaKind::Time);
  // Commands that show a setting take an optional argument.
  CHECK(parsed(":entity").argument.empty());
  CHECK(parsed(":now").argument.empty());
}

TEST_CASE("bad meta commands say what to type", "[unit][repl][meta]") {
  CHECK(error_of(":frobnicate") == "unknown command :frobnicate (try :help)");
  CHECK(error_of(":") == "missing command name after ':' (try :help)");
  CHECK(error_of(":ast") == "usage: :ast EXPR");
  CHECK(error_of(":time   ") == "usage: :time EXPR");
  CHECK(error_of(":quit now") == ":quit takes no argument");
}

TEST_CASE("help lists every command and explains one", "[unit][repl][meta]") {
  const std::string help = meta_help_text();
  for (const auto& info : meta_commands()) {
    INFO(info.name);
    CHECK(help.find(":" + std::string(info.name)) != std::string::npos);
  }
  CHECK(meta_command_help("entity") == ":entity TAG|FILE\n  " + std::string(meta_command_info(MetaKind::Entity).summary) + "\n");
  CHECK(meta_command_help(":q").value().starts_with(":quit\n"));
  CHECK_FALSE(meta_command_help("nope").has_value());
}
