// `cql explain [data options] EXPR` (spec/cli.md): the AST, the inferred type, and the data
// each call needs (facts entries with their canonical keys, entity data, Jira issues).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "ast/printer.hpp"
#include "cli/commands.hpp"
#include "cli/data_options.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/jira_explain.hpp"
#include "cql/engine.hpp"
#include "parse/parser.hpp"

namespace cql::cli {
namespace {

struct ExplainOptions {
  DataOptions data;
  std::string expression;
};

// `git.fileExists("README.md")`, with `?` for an argument computed at run time.
std::string call_text(const CallInfo& call) {
  std::string prefix = call.namespace_name.empty() ? "" : call.namespace_name + ".";
  if (call.canonical_call) return prefix + *call.canonical_call;
  std::string args;
  for (const auto& arg : call.arguments) {
    if (!args.empty()) args += ", ";
    args += arg ? to_cql_literal(*arg) : "?";
  }
  return fmt::format("{}{}({})", prefix, call.name, args);
}

std::string needs(const CallInfo& call) {
  if (call.answered_by_fallback) {
    const std::string where = call.namespace_name.empty() ? "global call" : "`" + call.namespace_name + "`";
    if (!call.canonical_call) return fmt::format("facts: {} entry (key computed at run time)", where);
    return fmt::format("facts: {} entry {}", where, *call.canonical_call);
  }
  if (call.namespace_name == "jira") return "Jira issues of the entity";
  if (!call.namespace_name.empty()) return fmt::format("`{}` data of the entity", call.namespace_name);
  if (call.pure && !call.arguments.empty()) return "nothing: computed from its arguments";
  return "entity data";
}

int run(const ExplainOptions& options) {
  auto loaded = load_data(options.data);
  if (!loaded) {
    report(loaded.error(), false);
    return exit_code_for(loaded.error().kind);
  }
  const LoadedData& data = *loaded.value();
  const auto source = std::make_shared<const SourceFile>("<expr>", options.expression);
  const Engine engine = EngineBuilder(data.registry()).build();
  auto program = engine.compile(source);
  if (!program) {
    report(program.errors(), false);
    return exit_code_for(program.error().kind);
  }
  // The compiled program has folded and specialised the tree; the AST shows what was written.
  auto parsed = parse::parse_expression(source);
  std::string out = fmt::format("ast:  {}\n", parsed ? ast::to_sexpr(*parsed.value().root) : "?");
  out += fmt::format("type: {}\n", static_type_name(program.value().result_type()));
  out += fmt::format("entity: {}\n", data.entity.tag);
  std::string lines;
  for (const CallInfo& call : program.value().calls()) {
    if (call.is_method) continue;  // methods need only their receiver
    lines += fmt::format("  {}\n    needs {}\n", call_text(call), needs(call));
    if (call.namespace_name == "jira" && !call.answered_by_fallback) lines += jira_query_lines(call, data);
  }
  out += lines.empty() ? "calls: none\n" : "calls:\n" + lines;
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  auto* cmd = app.add_subcommand("explain", "show the AST of an expression and the data each call needs");
  options->data.add_to(*cmd);
  cmd->add_option("expression", options->expression, "the CQL expression (after `--` when it starts with `-`)")
      ->required();
  cmd->callback([options] { set_exit_status(run(*options)); });
}

}  // namespace cql::cli
