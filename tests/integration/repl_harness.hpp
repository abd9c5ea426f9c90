#pragma once
// Test harness for the REPL: run `cql` with piped stdin, or drive it through a pseudo-terminal
// with tmux (a private server per session, `tmux -L cqltest-<pid>-<n>`, a fixed window size,
// and polling of capture-pane with a timeout instead of fixed sleeps).

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cql::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH) with `input` on stdin; `env` entries ("NAME=value") are added
// to the environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          const std::vector<std::string>& env = {});

// Splits text into lines (without the newlines; a final newline does not add an empty line).
std::vector<std::string> lines_of(const std::string& text);

class TmuxSession {
 public:
  // Whether tmux can be run at all (tests skip with a message when not).
  static bool available();

  // Starts `argv` in a detached session of a private tmux server. `env` entries ("NAME=value")
  // are set for the command; TERM is whatever tmux gives its panes.
  TmuxSession(const std::vector<std::string>& argv, const std::vector<std::string>& env, int width = 100,
              int height = 30);
  ~TmuxSession();
  TmuxSession(const TmuxSession&) = delete;
  TmuxSession& operator=(const TmuxSession&) = delete;

  // Types text literally (no key-name interpretation).
  void type(const std::string& text);
  // Sends tmux key names: "Enter", "Left", "Up", "Tab", "C-c", "C-d" ...
  void keys(const std::vector<std::string>& names);

  // The visible screen, one string with '\n' between rows, trailing blanks removed.
  // With `escapes`, colours and attributes are included as escape sequences.
  std::string screen(bool escapes = false) const;

  // Polls the screen until `done(screen)` holds or the timeout passes; returns whether it held.
  bool wait_until(const std::function<bool(const std::string&)>& done,
                  std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  bool wait_for_text(const std::string& needle, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  // Waits until the text appears `count` times on the screen.
  bool wait_for_count(const std::string& needle, std::size_t count,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  // Waits until the command has exited (its pane is kept, so the screen can still be read).
  bool wait_for_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  std::string run_tmux(std::vector<std::string> args) const;

  std::string socket_;
};

// Counts non-overlapping occurrences of `needle` in `text`.
std::size_t count_of(const std::string& text, const std::string& needle);

}  // namespace cql::test
