// Runs the conformance cases (tests/conformance/suite/cases/*.json) through the built `cql`
// binary exactly as tests/conformance/suite/run.py does:
//
//   cd suite && cql eval --json --catalog catalog --issues jira-issues.json --facts facts.yaml
//                       --now NOW [--tag TAG] EXPR
//
// and compares the last JSON line with a "value" or "error" key with the case (numbers with a
// relative tolerance of 1e-9, never equal to booleans; objects ignore key order; `captures` is
// not compared; an expected error passes when its kind matches). Cases run 4 at a time.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/json_same.hpp"

extern char** environ;

namespace {

using nlohmann::json;

// Cases that need parts of `cql` not on main yet. Shrink this list as they land.
// - Whole files: none.
const std::set<std::string> kPendingFiles = {};
// - Single cases ("file/case name") that need a namespace not registered yet.
const std::set<std::string> kPendingCases = {};

// Every case file has a TEST_CASE below; "conformance: every case file is run" keeps it so.
const std::set<std::string> kFiles = {"captures", "entity", "facts", "jira", "jq", "lexical", "limits", "lists",
                                      "logic", "null", "objects", "operators", "rejected", "semver", "strings", "time"};

constexpr int kParallelCases = 4;
constexpr auto kTimeout = std::chrono::seconds(20);

const std::string kSuite = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite";

struct Case {
  std::string file;
  std::string name;
  json data;
  std::string now;
};

struct Outcome {
  bool passed = false;
  std::string detail;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<Case> load_cases(const std::string& file) {
  const json data = json::parse(read_file(kSuite + "/cases/" + file + ".json"));
  const std::string default_now = data.value("defaults", json::object()).value("now", "");
  std::vector<Case> cases;
  for (const json& c : data.at("cases")) {
    cases.push_back(Case{file, c.at("name").get<std::string>(), c, c.value("now", default_now)});
  }
  return cases;
}

std::vector<std::string> command(const Case& c) {
  std::string expr = c.data.at("expr").get<std::string>();
  if (!expr.empty() && expr[0] == '-') expr = " " + expr;
  std::vector<std::string> argv = {CQL_BINARY, "eval", "--json", "--catalog", "catalog", "--issues",
                                   "jira-issues.json", "--facts", "facts.yaml", "--now", c.now};
  if (c.data.contains("tag") && !c.data.at("tag").is_null()) {
    argv.push_back("--tag");
    argv.push_back(c.data.at("tag").get<std::string>());
  }
  argv.push_back(expr);
  return argv;
}

struct Run {
  bool ok = false;
  std::string out, err, problem;
};

// Runs argv in the suite folder with stdout/stderr captured in temporary files.
Run run_process(const std::vector<std::string>& args) {
  Run run;
  char out_path[] = "/tmp/cql-conformance-out-XXXXXX";
  char err_path[] = "/tmp/cql-conformance-err-XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0) {
    run.problem = "cannot create temporary files";
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  posix_spawn_file_actions_addchdir_np(&actions, kSuite.c_str());
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  close(err_fd);
  if (spawned != 0) {
    run.problem = "cannot run " + args[0];
  } else {
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        run.problem = "timed out";
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (run.problem.empty() && WIFSIGNALED(status)) run.problem = "killed by signal " + std::to_string(WTERMSIG(status));
    run.ok = run.problem.empty();
  }
  run.out = read_file(out_path);
  run.err = read_file(err_path);
  unlink(out_path);
  unlink(err_path);
  return run;
}

// The last line of `text` that is a JSON object with a "value" or an "error" key.
std::optional<json> find_result(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    const auto start = it->find_first_not_of(" \t\r");
    if (start == std::string::npos || (*it)[start] != '{') continue;
    json parsed = json::parse(*it, nullptr, false);
    if (parsed.is_object() && (parsed.contains("value") || parsed.contains("error"))) return parsed;
  }
  return std::nullopt;
}

Outcome judge(const Case& c) {
  const Run run = run_process(command(c));
  if (!run.problem.empty()) return {false, run.problem};
  auto result = find_result(run.out);
  if (!result) result = find_result(run.err);
  if (!result) return {false, "no JSON result line; stdout: " + run.out + " stderr: " + run.err};
  if (c.data.contains("error")) {
    const json& want = c.data.at("error");
    const std::vector<std::string> kinds = want.is_array() ? want.get<std::vector<std::string>>()
                                                           : std::vector<std::string>{want.get<std::string>()};
    if (result->contains("error")) {
      const std::string kind = result->at("error").value("kind", "");
      if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return {true, {}};
      return {false, "expected error kind " + want.dump() + ", got " + result->dump()};
    }
    return {false, "expected error kind " + want.dump() + ", got value " + result->dump()};
  }
  if (!result->contains("value")) return {false, "expected value " + c.data.at("value").dump() + ", got " + result->dump()};
  if (!cql::testing::json_same(c.data.at("value"), result->at("value"))) {
    return {false, "expected value " + c.data.at("value").dump() + ", got " + result->at("value").dump()};
  }
  if (c.data.contains("type") && result->value("type", "") != c.data.at("type").get<std::string>()) {
    return {false, "expected type " + c.data.at("type").dump() + ", got " + result->dump()};
  }
  return {true, {}};
}

bool pending(const Case& c) {
  if (kPendingFiles.count(c.file)) return true;
  return kPendingCases.count(c.file + "/" + c.name) > 0;
}

void run_file(const std::string& file) {
  std::vector<Case> all = load_cases(file);
  REQUIRE_FALSE(all.empty());
  std::vector<Case> cases;
  for (Case& c : all) {
    if (!pending(c)) cases.push_back(std::move(c));
  }
  std::vector<Outcome> outcomes(cases.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < kParallelCases; ++w) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < cases.size(); i = next++) outcomes[i] = judge(cases[i]);
    });
  }
  for (auto& t : workers) t.join();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO(file << "/" << cases[i].name << ": " << cases[i].data.at("expr").get<std::string>().substr(0, 200));
    INFO(outcomes[i].detail);
    CHECK(outcomes[i].passed);
  }
}

}  // namespace

TEST_CASE("conformance: every case file is run", "[conformance]") {
  std::set<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(kSuite + "/cases")) {
    if (entry.path().extension() == ".json") found.insert(entry.path().stem().string());
  }
  CHECK(found == kFiles);
}

#define CQL_CONFORMANCE_FILE(file) \
  TEST_CASE("conformance: " file, "[conformance]") { run_file(file); }

CQL_CONFORMANCE_FILE("captures")
CQL_CONFORMANCE_FILE("entity")
CQL_CONFORMANCE_FILE("facts")
CQL_CONFORMANCE_FILE("jira")
CQL_CONFORMANCE_FILE("jq")
CQL_CONFORMANCE_FILE("lexical")
CQL_CONFORMANCE_FILE("limits")
CQL_CONFORMANCE_FILE("lists")
CQL_CONFORMANCE_FILE("logic")
CQL_CONFORMANCE_FILE("null")
CQL_CONFORMANCE_FILE("objects")
CQL_CONFORMANCE_FILE("operators")
CQL_CONFORMANCE_FILE("rejected")
CQL_CONFORMANCE_FILE("semver")
CQL_CONFORMANCE_FILE("strings")
CQL_CONFORMANCE_FILE("time")
