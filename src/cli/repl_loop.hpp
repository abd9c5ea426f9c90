#pragma once
// The two ways the REPL reads its input (spec/cli.md "REPL"):
// - on a terminal: line editing, history, completion, multi-line input while a bracket or
//   quote is open, a continuation prompt, colours;
// - otherwise: one input per line, exactly one stdout line per input, diagnostics on stderr.

#include <istream>
#include <string>

#include "cli/repl_style.hpp"

namespace cql::cli {

class ReplSession;

// Returns the exit status: 0.
int run_interactive_repl(ReplSession& session, const ReplStyle& style, const std::string& history_file);

// Returns the exit status: 0, or 1 when some input ended in an error (like a batch run,
// spec/cli.md: "evaluation finished but something errored").
int run_scriptable_repl(ReplSession& session, std::istream& in);

}  // namespace cql::cli
