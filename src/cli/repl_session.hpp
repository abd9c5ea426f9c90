#pragma once
// The state of a REPL session (the data it evaluates against, loaded with the same data options
// as `cql eval`) and what each input does: evaluate an expression, or run a meta command.
// Not thread-safe; one session per REPL.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/completion.hpp"
#include "cli/data_options.hpp"
#include "cli/repl_meta_command.hpp"
#include "cli/repl_reply.hpp"
#include "cli/repl_style.hpp"
#include "cql/engine.hpp"

namespace cql::cli {

// Diagnostics name REPL input like `cql eval` names its argument `<expr>`.
inline constexpr const char* kReplSourceName = "<input>";

class ReplSession {
 public:
  // `data` is what `options` loaded (the command loads it first, to fail like `cql eval` does).
  ReplSession(DataOptions options, std::shared_ptr<LoadedData> data, ReplStyle style);
  ReplSession(const ReplSession&) = delete;
  ReplSession& operator=(const ReplSession&) = delete;

  // One complete input: an expression (possibly spanning lines) or a meta command.
  Reply run(std::string_view input);

  // Completion candidates for the text before the cursor.
  Completion complete(std::string_view text) const { return completer_.complete(text); }

  // The greeting of an interactive session: version, current entity, how to get help.
  std::string banner() const;

 private:
  Reply evaluate(std::string_view text);
  Reply run_meta(const MetaCommand& command);
  Reply help(const std::string& argument) const;
  Reply entity(const std::string& argument);
  Reply data_file(MetaKind kind, const std::string& argument);
  Reply clock(const std::string& argument);
  Reply ast(const std::string& expression) const;
  Reply explain(const std::string& expression);
  Reply time(const std::string& expression);

  // Loads `candidate`; on success it becomes the session's data and `summary` is the reply.
  Reply reload(const DataOptions& candidate, const std::string& summary);
  void adopt(std::shared_ptr<LoadedData> data);
  std::string entity_summary() const;
  Reply error_reply(const Diagnostic& diagnostic) const;
  Reply error_reply(const std::vector<Diagnostic>& diagnostics) const;
  Reply value_reply(const EvalResult& result, const std::string& suffix) const;

  DataOptions options_;
  std::shared_ptr<LoadedData> data_;
  Registry registry_;  // Registry::standard() plus the loaded facts' namespaces
  std::optional<Engine> engine_;
  Completer completer_;  // reads registry_
  ReplStyle style_;
};

}  // namespace cql::cli
