// `cql fmt [--check] PATH...` / `cql fmt --expr EXPR` (spec/cli.md): the canonical form of each
// expression on stdout; with --check, nothing is printed but the files that would change, and
// the exit status is 1 when any would.
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "ast/formatter.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/source_files.hpp"
#include "parse/parser.hpp"

namespace cql::cli {
namespace {

struct FmtOptions {
  std::vector<std::string> paths;
  std::string expression;
  bool has_expression = false;
  bool check = false;
};

// The file's text without the trailing newline(s) an editor adds.
std::string_view trimmed(const std::string& text) {
  std::string_view view = text;
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

int run(const FmtOptions& options) {
  if (options.paths.empty() == !options.has_expression) {
    report(Diagnostic{ErrorKind::Usage, Severity::Error, "give the files to format, or --expr EXPR", {}, {}, {}}, false);
    return kExitUsage;
  }
  std::vector<SourceRef> sources;
  int status = kExitOk;
  auto note_failure = [&](const Diagnostic& d) {
    report(d, false);
    const int code = exit_code_for(d.kind);
    if (status == kExitOk || code == kExitDataErr) status = code;
  };
  if (options.has_expression) sources.push_back(std::make_shared<const SourceFile>("<expr>", options.expression));
  for (const std::string& path : options.paths) {
    auto files = expression_files(path);
    if (!files) {
      note_failure(files.error());
      continue;
    }
    for (const std::string& file : files.value()) {
      auto source = read_source(file);
      if (source) {
        sources.push_back(source.value());
      } else {
        note_failure(source.error());
      }
    }
  }
  bool would_change = false;
  for (const SourceRef& source : sources) {
    auto parsed = parse::parse_expression(source);
    if (!parsed) {
      for (const auto& d : parsed.errors()) note_failure(d);
      continue;
    }
    const std::string formatted = ast::format_expression(*parsed.value().root);
    if (!options.check) {
      std::fputs((formatted + "\n").c_str(), stdout);
    } else if (trimmed(source->text()) != formatted) {
      would_change = true;
      std::fputs((source->name() + "\n").c_str(), stdout);
    }
  }
  if (status == kExitOk && would_change) return kExitSomeErrors;
  return status;
}

}  // namespace

void add_fmt_command(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  auto* cmd = app.add_subcommand("fmt", "print the canonical form of .cql files or an expression");
  cmd->add_option("paths", options->paths, ".cql files (one expression each) or directories of them");
  cmd->add_option("--expr", options->expression, "format this expression instead of files")
      ->each([options](const std::string&) { options->has_expression = true; });
  cmd->add_flag("--check", options->check, "print the files that would change and exit 1 if any would");
  cmd->callback([options] { set_exit_status(run(*options)); });
}

}  // namespace cql::cli
