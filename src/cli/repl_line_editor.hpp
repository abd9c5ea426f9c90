#pragma once
// Line editing for the interactive REPL: the only code that talks to libedit (conventions.md §7).
// Emacs key bindings (or whatever ~/.editrc says), a persistent history file and Tab completion.

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "cli/completion.hpp"

namespace cql::cli {

class LineEditor {
 public:
  struct Options {
    std::string history_file;  // empty: history is kept for the session only
    int history_size = 1000;
  };
  // Given the text before the cursor (earlier lines of the input, then the current line).
  using CompleteFunction = std::function<Completion(std::string_view text)>;

  // Reads from stdin and draws on stdout; both must be terminals.
  LineEditor(Options options, CompleteFunction complete);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  enum class Status { Line, EndOfInput, Interrupted };
  struct ReadResult {
    Status status;
    std::string line;  // without the newline
  };
  // Shows `prompt` and reads one line. `pending` is the unfinished input typed on earlier lines,
  // which completion needs as context. `prompt` may contain escape sequences bracketed by
  // kPromptIgnore so they do not count towards its width.
  ReadResult read_line(const std::string& prompt, std::string_view pending);

  // Records an entry and writes the history file (so a killed session loses nothing).
  void add_history(const std::string& entry);

  // Set when the history file could not be read or written (the session goes on without it).
  const std::string& history_problem() const;

  static constexpr char kPromptIgnore = '\1';

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace cql::cli
