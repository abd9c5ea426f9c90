#include "cli/repl_loop.hpp"

#include <cstdio>

#include "cli/repl_lexer.hpp"
#include "cli/repl_line_editor.hpp"
#include "cli/repl_meta_command.hpp"
#include "cli/repl_session.hpp"

namespace cql::cli {

namespace {

constexpr const char* kPrompt = "cql> ";
constexpr const char* kContinuationPrompt = "...> ";

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Colours the header line (`<input>:1:5: error: ...`) and the caret line of a rendered diagnostic.
std::string style_diagnostic(const std::string& text, const ReplStyle& style) {
  if (!style.colour()) return text;
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    const bool carets = line.find('^') != std::string_view::npos && line.find_first_not_of(" ^") == std::string_view::npos;
    out += first || carets ? style.paint(StyleRole::Error, line) : std::string(line);
    if (end < text.size()) out += '\n';
    first = false;
    start = end + 1;
  }
  return out;
}

void show_interactive(const Reply& reply, const ReplStyle& style) {
  const std::string& shown = reply.display.empty() ? reply.line : reply.display;
  if (!reply.is_error && !shown.empty()) {
    std::fputs(shown.c_str(), stdout);
    if (shown.back() != '\n') std::fputc('\n', stdout);
  }
  std::fflush(stdout);
  if (reply.is_error) {
    const std::string text = reply.diagnostic.empty() ? reply.line + "\n" : reply.diagnostic;
    std::fputs(style_diagnostic(text, style).c_str(), stderr);
    if (text.back() != '\n') std::fputc('\n', stderr);
    std::fflush(stderr);
  }
}

}  // namespace

int run_interactive_repl(ReplSession& session, const ReplStyle& style, const std::string& history_file) {
  LineEditor editor({history_file, 1000}, [&session](std::string_view text) { return session.complete(text); });
  std::fputs(session.banner().c_str(), stdout);
  std::fflush(stdout);
  // A history file that cannot be used is worth one warning, not one per input.
  std::string reported_history_problem;
  const auto report_history_problem = [&] {
    if (editor.history_problem() == reported_history_problem) return;
    reported_history_problem = editor.history_problem();
    std::fprintf(stderr, "cql: warning: %s\n", reported_history_problem.c_str());
  };
  report_history_problem();

  const std::string prompt = style.paint_prompt(kPrompt, LineEditor::kPromptIgnore);
  const std::string continuation = style.paint_prompt(kContinuationPrompt, LineEditor::kPromptIgnore);
  std::string pending;  // the lines of an input that is not finished yet
  while (true) {
    auto [status, line] = editor.read_line(pending.empty() ? prompt : continuation, pending.empty() ? "" : pending + "\n");
    if (status == LineEditor::Status::Interrupted) {
      // Ctrl-C abandons the input being typed, as in a shell.
      std::fputc('\n', stdout);
      pending.clear();
      continue;
    }
    if (status == LineEditor::Status::EndOfInput) {
      std::fputc('\n', stdout);
      break;
    }
    std::string text = pending.empty() ? line : pending + "\n" + line;
    if (!scan_input(text).complete()) {
      pending = std::move(text);
      continue;
    }
    pending.clear();
    if (is_blank(text)) continue;
    const Reply reply = session.run(text);
    if (reply.quit) break;  // not recorded: recalling it by accident would end the next session
    editor.add_history(join_lines_for_history(text));
    show_interactive(reply, style);
    report_history_problem();
  }
  return 0;
}

int run_scriptable_repl(ReplSession& session, std::istream& in) {
  bool any_error = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const Reply reply = session.run(line);
    if (reply.quit) break;
    any_error = any_error || reply.is_error;
    // Exactly one stdout line per input, whatever the reply holds.
    std::string out = reply.line;
    for (char& c : out) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    std::fputs(out.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    if (!reply.diagnostic.empty()) {
      std::fputs(reply.diagnostic.c_str(), stderr);
      std::fflush(stderr);
    }
  }
  return any_error ? 1 : 0;
}

}  // namespace cql::cli
