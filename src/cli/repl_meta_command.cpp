#include "cli/repl_meta_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace cql::cli {

namespace {

constexpr std::array kCommands{
    MetaCommandInfo{MetaKind::Help, "help", "[COMMAND]", MetaArgument::CommandName, false,
                    "show the commands, or one command's help"},
    MetaCommandInfo{MetaKind::Entity, "entity", "TAG|FILE", MetaArgument::EntityOrFile, false,
                    "evaluate against a catalog entity or a descriptor file (no argument: show it)"},
    MetaCommandInfo{MetaKind::Catalog, "catalog", "PATH", MetaArgument::File, false,
                    "load a catalog (directory, YAML or JSON export)"},
    MetaCommandInfo{MetaKind::Issues, "issues", "DUMP", MetaArgument::File, false,
                    "answer jira.* offline from an issue dump"},
    MetaCommandInfo{MetaKind::Config, "config", "FILE", MetaArgument::File, false,
                    "load a configuration (live Jira accounts and settings)"},
    MetaCommandInfo{MetaKind::Facts, "facts", "FILE", MetaArgument::File, false,
                    "load facts for the vendor integrations (git, sonarqube ...)"},
    MetaCommandInfo{MetaKind::Now, "now", "ISO|real", MetaArgument::Timestamp, false,
                    "set the evaluation clock (`real`: the real time; no argument: show it)"},
    MetaCommandInfo{MetaKind::Ast, "ast", "EXPR", MetaArgument::Expression, true,
                    "print the syntax tree of an expression"},
    MetaCommandInfo{MetaKind::Explain, "explain", "EXPR", MetaArgument::Expression, true,
                    "show the JQL each jira call would send, per account"},
    MetaCommandInfo{MetaKind::Time, "time", "EXPR", MetaArgument::Expression, true,
                    "evaluate and show the parse, compile and evaluation times"},
    MetaCommandInfo{MetaKind::Quit, "quit", "", MetaArgument::None, false, "leave the REPL (also Ctrl-D)"},
};

// Short spellings people type out of habit from other shells.
struct Alias {
  std::string_view name;
  MetaKind kind;
};
constexpr std::array kAliases{Alias{"q", MetaKind::Quit}, Alias{"exit", MetaKind::Quit}, Alias{"h", MetaKind::Help},
                              Alias{"?", MetaKind::Help}};

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

const MetaCommandInfo* find_command(std::string_view name) {
  for (const auto& info : kCommands) {
    if (info.name == name) return &info;
  }
  for (const auto& alias : kAliases) {
    if (alias.name == name) return &meta_command_info(alias.kind);
  }
  return nullptr;
}

std::string usage_of(const MetaCommandInfo& info) {
  return info.argument_label.empty() ? fmt::format(":{}", info.name) : fmt::format(":{} {}", info.name, info.argument_label);
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return std::string(s.substr(1, s.size() - 2));
  }
  return std::string(s);
}

}  // namespace

std::span<const MetaCommandInfo> meta_commands() { return kCommands; }

const MetaCommandInfo& meta_command_info(MetaKind kind) {
  return *std::find_if(kCommands.begin(), kCommands.end(), [kind](const auto& info) { return info.kind == kind; });
}

bool is_meta_command_line(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == ':';
}

std::variant<MetaCommand, std::string> parse_meta_command(std::string_view line) {
  const std::size_t colon = line.find(':');
  std::size_t name_end = colon + 1;
  while (name_end < line.size() && line[name_end] != ' ' && line[name_end] != '\t') ++name_end;
  const std::string_view name = line.substr(colon + 1, name_end - colon - 1);
  const MetaCommandInfo* info = find_command(name);
  if (info == nullptr) {
    if (name.empty()) return std::string("missing command name after ':' (try :help)");
    return fmt::format("unknown command :{} (try :help)", name);
  }
  const std::string_view rest = line.substr(name_end);
  const std::string_view argument = trim(rest);
  const std::size_t argument_offset = argument.empty() ? line.size() : static_cast<std::size_t>(argument.data() - line.data());
  if (info->argument == MetaArgument::None && !argument.empty()) {
    return fmt::format(":{} takes no argument", info->name);
  }
  if (info->argument_required && argument.empty()) {
    return "usage: " + usage_of(*info);
  }
  const bool is_path = info->argument == MetaArgument::File || info->argument == MetaArgument::EntityOrFile;
  return MetaCommand{info->kind, is_path ? unquote(argument) : std::string(argument), argument_offset};
}

std::optional<std::string> meta_command_help(std::string_view name) {
  if (!name.empty() && name.front() == ':') name.remove_prefix(1);
  const MetaCommandInfo* info = find_command(name);
  if (info == nullptr) return std::nullopt;
  return fmt::format("{}\n  {}\n", usage_of(*info), info->summary);
}

std::string meta_help_text() {
  std::size_t width = 0;
  for (const auto& info : kCommands) width = std::max(width, info.name.size() + info.argument_label.size() + 2);
  std::string out;
  for (const auto& info : kCommands) out += fmt::format("  {:<{}}  {}\n", usage_of(info), width, info.summary);
  out +=
      "Anything else is a CQL expression; it may span lines while a bracket is open.\n"
      "Tab completes namespaces, functions, methods (after '.') and entity tags (after :entity).\n";
  return out;
}

}  // namespace cql::cli
