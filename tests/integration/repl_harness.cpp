#include "integration/repl_harness.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace cql::test {

namespace {

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

std::string rstrip_lines(const std::string& text) {
  std::string out;
  for (const std::string& line : lines_of(text)) {
    const auto end = line.find_last_not_of(' ');
    out += end == std::string::npos ? std::string() : line.substr(0, end + 1);
    out += '\n';
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          const std::vector<std::string>& env) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    for (const std::string& entry : env) putenv(const_cast<char*>(entry.c_str()));
    auto args = c_strings(argv);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  // A child that exits without reading its input must not kill the test with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  fcntl(in[1], F_SETFL, O_NONBLOCK);

  ProcessResult result;
  std::size_t written = 0;
  int stdin_fd = in[1];
  if (input.empty()) {
    close(stdin_fd);
    stdin_fd = -1;
  }
  bool out_open = true, err_open = true;
  char buffer[4096];
  while (out_open || err_open) {
    pollfd fds[3] = {{out_open ? out[0] : -1, POLLIN, 0}, {err_open ? err[0] : -1, POLLIN, 0}, {stdin_fd, POLLOUT, 0}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (stdin_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      const ssize_t n = write(stdin_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) {
        close(stdin_fd);
        stdin_fd = -1;
      }
    }
    for (int i = 0; i < 2; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      } else {
        (i == 0 ? out_open : err_open) = false;
      }
    }
  }
  if (stdin_fd >= 0) close(stdin_fd);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, newline - start));
    start = newline + 1;
  }
  return lines;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
  return count;
}

bool TmuxSession::available() { return run_process({"tmux", "-V"}, "").exit_code == 0; }

TmuxSession::TmuxSession(const std::vector<std::string>& argv, const std::vector<std::string>& env, int width,
                         int height) {
  static std::atomic<int> counter{0};
  socket_ = "cqltest-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  std::vector<std::string> args = {"-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", std::to_string(width),
                                   "-y", std::to_string(height), "env"};
  args.insert(args.end(), env.begin(), env.end());
  args.insert(args.end(), argv.begin(), argv.end());
  // remain-on-exit keeps the pane after the command ends, so its last screen can be read;
  // it is set in the same server command queue, before the command can possibly exit.
  args.insert(args.end(), {";", "set-option", "-g", "remain-on-exit", "on"});
  run_tmux(args);
}

TmuxSession::~TmuxSession() { run_tmux({"kill-server"}); }

std::string TmuxSession::run_tmux(std::vector<std::string> args) const {
  args.insert(args.begin(), {"tmux", "-L", socket_});
  return run_process(args, "").out;
}

void TmuxSession::type(const std::string& text) { run_tmux({"send-keys", "-t", "main", "-l", text}); }

void TmuxSession::keys(const std::vector<std::string>& names) {
  std::vector<std::string> args = {"send-keys", "-t", "main"};
  args.insert(args.end(), names.begin(), names.end());
  run_tmux(args);
}

std::string TmuxSession::screen(bool escapes) const {
  std::vector<std::string> args = {"capture-pane", "-p", "-t", "main"};
  if (escapes) args.push_back("-e");
  return rstrip_lines(run_tmux(args));
}

bool TmuxSession::wait_until(const std::function<bool(const std::string&)>& done,
                             std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (done(screen())) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

bool TmuxSession::wait_for_text(const std::string& needle, std::chrono::milliseconds timeout) const {
  return wait_until([&](const std::string& s) { return s.find(needle) != std::string::npos; }, timeout);
}

bool TmuxSession::wait_for_count(const std::string& needle, std::size_t count, std::chrono::milliseconds timeout) const {
  return wait_until([&](const std::string& s) { return count_of(s, needle) >= count; }, timeout);
}

bool TmuxSession::wait_for_exit(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (run_tmux({"display-message", "-p", "-t", "main", "#{pane_dead}"}).starts_with("1")) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace cql::test
