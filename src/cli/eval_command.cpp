// `cql eval [data options] [--json] EXPR` (spec/cli.md).
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_options.hpp"
#include "cli/diagnostic_output.hpp"
#include "cql/engine.hpp"

namespace cql::cli {
namespace {

struct EvalOptions {
  DataOptions data;
  bool json = false;
  std::string expression;
};

// `{"value": V, "type": T, "captures": {...}}`
std::string result_json(const EvalResult& result) {
  std::string out = "{\"value\": " + to_json_text(result.value) + ", \"type\": \"" +
                    std::string(type_name(result.value.type())) + "\", \"captures\": {";
  for (std::size_t i = 0; i < result.captures.size(); ++i) {
    if (i > 0) out += ", ";
    out += json_string(result.captures[i].name) + ": " + to_json_text(result.captures[i].value);
  }
  return out + "}}";
}

int run(const EvalOptions& options) {
  auto loaded = load_data(options.data);
  if (!loaded) {
    report(loaded.error(), options.json);
    return exit_code_for(loaded.error().kind);
  }
  const LoadedData& data = *loaded.value();
  const Engine engine = EngineBuilder(data.registry()).build();
  auto program = engine.compile(options.expression);
  if (!program) {
    // --json prints exactly one line: the first error. The text form shows all of them.
    if (options.json) {
      report(program.error(), true);
    } else {
      report(program.errors(), false);
    }
    return exit_code_for(program.error().kind);
  }
  const EvalResult result = program.value().evaluate(data.context());
  if (!result.ok()) {
    report(*result.error, options.json);
    return exit_code_for(result.error->kind);
  }
  const std::string line = (options.json ? result_json(result) : to_cql_literal(result.value)) + "\n";
  std::fputs(line.c_str(), stdout);
  return kExitOk;
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand("eval", "evaluate one expression and print its value");
  options->data.add_to(*cmd);
  cmd->add_flag("--json", options->json, "print {\"value\", \"type\", \"captures\"} or {\"error\"} as one JSON line");
  cmd->add_option("expression", options->expression, "the CQL expression (after `--` when it starts with `-`)")
      ->required();
  cmd->callback([options] { set_exit_status(run(*options)); });
}

}  // namespace cql::cli
