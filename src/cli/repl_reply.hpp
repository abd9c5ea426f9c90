#pragma once
// What the REPL answers to one input. The same reply is shown two ways: on a terminal the full
// `display` text (colours, several lines); in scriptable mode (stdin not a terminal) exactly one
// stdout `line` per input, so scripts can pair inputs and outputs (spec/cli.md "REPL").

#include <string>

namespace cql::cli {

struct Reply {
  std::string line;        // scriptable mode: the value, a one-line summary, or `error: MESSAGE`
  std::string display;     // terminal: the text to show (may span lines); empty: show `line`
  std::string diagnostic;  // the rendered caret diagnostic, for stderr (both modes); may be empty
  bool is_error = false;
  bool quit = false;       // :quit (prints nothing)
};

}  // namespace cql::cli
