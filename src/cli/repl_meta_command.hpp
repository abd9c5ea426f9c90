#pragma once
// The REPL's meta commands (`:help`, `:entity TAG|FILE`, ... spec/cli.md "REPL"): the table that
// `:help` and completion read, and the parser of a `:name argument` line.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace cql::cli {

enum class MetaKind { Help, Entity, Catalog, Issues, Config, Facts, Now, Ast, Explain, Time, Quit };

// What the argument is, so completion knows what to offer after `:name `.
enum class MetaArgument { None, CommandName, EntityOrFile, File, Timestamp, Expression };

struct MetaCommandInfo {
  MetaKind kind;
  std::string_view name;           // without the colon
  std::string_view argument_label; // "TAG|FILE", "" when it takes none
  MetaArgument argument;
  bool argument_required;          // false: without one the command shows the current setting
  std::string_view summary;
};

std::span<const MetaCommandInfo> meta_commands();
const MetaCommandInfo& meta_command_info(MetaKind kind);

// A line is a meta command when its first non-blank character is ':' (an expression never
// starts with one).
bool is_meta_command_line(std::string_view line);

struct MetaCommand {
  MetaKind kind;
  std::string argument;         // trimmed; surrounding quotes removed for file arguments
  std::size_t argument_offset;  // byte offset of the argument in the line (for diagnostics)
};

// Parses `:name [argument]`. Unknown names, a missing required argument and an argument given
// to `:quit` are errors (the message says what to type instead).
std::variant<MetaCommand, std::string> parse_meta_command(std::string_view line);

// The `:help` text: one line per command, aligned.
std::string meta_help_text();
// `:help NAME`: the usage line and summary of one command (aliases accepted), or nullopt.
std::optional<std::string> meta_command_help(std::string_view name);

}  // namespace cql::cli
