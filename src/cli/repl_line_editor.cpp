// The only libedit code (conventions.md §7). Uses the native histedit API rather than the
// readline emulation: it gives direct access to the edit buffer for completion and to the
// history file, without readline's global state.
#include "cli/repl_line_editor.hpp"

#include <histedit.h>
#include <sys/stat.h>

#include <cerrno>
#include <csignal>
#include <filesystem>

namespace cql::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void on_interrupt(int) { g_interrupted = 1; }

// Lists several candidates under the input line, in columns sized to the widest label.
void print_candidates(FILE* out, const std::vector<CompletionCandidate>& candidates, int terminal_width) {
  std::size_t widest = 0;
  for (const auto& c : candidates) widest = std::max(widest, c.label.size());
  const std::size_t column = widest + 2;
  const std::size_t per_row = std::max<std::size_t>(1, static_cast<std::size_t>(std::max(terminal_width, 20)) / column);
  std::string text = "\n";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    text += candidates[i].label;
    if ((i + 1) % per_row == 0 || i + 1 == candidates.size()) {
      text += '\n';
    } else {
      text.append(column - candidates[i].label.size(), ' ');
    }
  }
  std::fputs(text.c_str(), out);
  std::fflush(out);
}

}  // namespace

struct LineEditor::State {
  Options options;
  CompleteFunction complete;
  EditLine* el = nullptr;
  History* history = nullptr;
  std::string prompt;
  std::string pending;
  std::string history_problem;
  struct sigaction previous_interrupt {};

  unsigned char on_tab() {
    const LineInfo* li = el_line(el);
    const std::string before(li->buffer, static_cast<std::size_t>(li->cursor - li->buffer));
    const std::string text = pending + before;
    const Completion completion = complete(text);
    // Earlier lines are already entered: only a word on the current line can be completed.
    if (completion.candidates.empty() || completion.word_begin < pending.size()) return CC_REFRESH_BEEP;
    const std::size_t typed = text.size() - completion.word_begin;
    const std::string prefix = completion.common_prefix();
    // Every candidate starts with the typed word, so completing means inserting the rest.
    if (prefix.size() > typed) {
      el_insertstr(el, prefix.substr(typed).c_str());
      return CC_REFRESH;
    }
    if (completion.candidates.size() == 1) return CC_REFRESH;
    int width = 80;
    el_get(el, EL_GETTC, "co", &width, nullptr);
    FILE* out = nullptr;
    el_get(el, EL_GETFP, 1, &out);
    print_candidates(out != nullptr ? out : stdout, completion.candidates, width);
    return CC_REDISPLAY;
  }

  // libedit callbacks find the state through EL_CLIENTDATA.
  static State* of(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return static_cast<State*>(data);
  }
  static unsigned char complete_key(EditLine* el, int) { return of(el)->on_tab(); }
  static const char* current_prompt(EditLine* el) { return of(el)->prompt.c_str(); }

  void save_history() {
    if (options.history_file.empty()) return;
    HistEvent ev;
    if (::history(history, &ev, H_SAVE, options.history_file.c_str()) < 0) {
      history_problem = "cannot write the history file " + options.history_file;
      return;
    }
    // Expressions are not secrets, but a history file is nobody else's business either.
    ::chmod(options.history_file.c_str(), S_IRUSR | S_IWUSR);
  }
};

LineEditor::LineEditor(Options options, CompleteFunction complete) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.options = std::move(options);
  s.complete = std::move(complete);

  s.history = history_init();
  HistEvent ev;
  ::history(s.history, &ev, H_SETSIZE, s.options.history_size);
  ::history(s.history, &ev, H_SETUNIQUE, 1);  // pressing Enter twice on a line stores it once
  if (!s.options.history_file.empty()) {
    std::error_code ec;
    const auto parent = std::filesystem::path(s.options.history_file).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (std::filesystem::exists(s.options.history_file, ec) &&
        ::history(s.history, &ev, H_LOAD, s.options.history_file.c_str()) < 0) {
      s.history_problem = "cannot read the history file " + s.options.history_file;
    }
  }

  s.el = el_init("cql", stdin, stdout, stderr);
  el_set(s.el, EL_CLIENTDATA, &s);
  el_set(s.el, EL_EDITOR, "emacs");
  el_set(s.el, EL_SIGNAL, 1);  // restores the terminal on signals and follows window resizes
  el_set(s.el, EL_PROMPT_ESC, State::current_prompt, kPromptIgnore);
  el_set(s.el, EL_HIST, history, s.history);
  el_set(s.el, EL_ADDFN, "cql-complete", "complete CQL names", State::complete_key);
  el_set(s.el, EL_BIND, "^I", "cql-complete", nullptr);
  el_source(s.el, nullptr);  // the user's ~/.editrc, as every libedit program does

  // Ctrl-C abandons the current input instead of ending the program: without SA_RESTART the
  // pending read fails with EINTR and el_gets returns.
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, &s.previous_interrupt);
}

LineEditor::~LineEditor() {
  State& s = *state_;
  sigaction(SIGINT, &s.previous_interrupt, nullptr);
  el_end(s.el);
  history_end(s.history);
}

LineEditor::ReadResult LineEditor::read_line(const std::string& prompt, std::string_view pending) {
  State& s = *state_;
  s.prompt = prompt;
  s.pending = std::string(pending);
  g_interrupted = 0;
  int count = 0;
  errno = 0;
  const char* line = el_gets(s.el, &count);
  if (g_interrupted != 0 || (line == nullptr && errno == EINTR)) {
    g_interrupted = 0;
    el_reset(s.el);
    return {Status::Interrupted, {}};
  }
  if (line == nullptr || count <= 0) return {Status::EndOfInput, {}};
  std::string text(line, static_cast<std::size_t>(count));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return {Status::Line, std::move(text)};
}

void LineEditor::add_history(const std::string& entry) {
  State& s = *state_;
  if (entry.empty()) return;
  HistEvent ev;
  ::history(s.history, &ev, H_ENTER, entry.c_str());
  s.save_history();
}

const std::string& LineEditor::history_problem() const { return state_->history_problem; }

}  // namespace cql::cli
