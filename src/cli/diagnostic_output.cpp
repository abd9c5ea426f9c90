#include "cli/diagnostic_output.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace cql::cli {

int exit_code_for(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::Syntax: case ErrorKind::Compile: return 65;
    case ErrorKind::Type: case ErrorKind::Eval: return 70;
    case ErrorKind::Provider: return 69;
    case ErrorKind::Usage: return 64;
    case ErrorKind::Io: return 74;
  }
  return 70;
}

std::string json_string(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string diagnostic_json(const Diagnostic& d) {
  std::string body = "{\"kind\": " + json_string(std::string(kind_name(d.kind))) + ", \"message\": " + json_string(d.message);
  if (d.source) {
    const auto pos = d.source->position(d.span.begin);
    body += ", \"line\": " + std::to_string(pos.line) + ", \"column\": " + std::to_string(pos.column);
  }
  if (!d.hint.empty()) body += ", \"hint\": " + json_string(d.hint);
  body += "}";
  return std::string(d.severity == Severity::Warning ? "{\"warning\": " : "{\"error\": ") + body + "}";
}

void report(const Diagnostic& d, bool json) {
  if (json) {
    std::fputs((diagnostic_json(d) + "\n").c_str(), stdout);
  } else {
    std::fputs(render(d).c_str(), stderr);
  }
}

void report(const std::vector<Diagnostic>& diagnostics, bool json) {
  for (const auto& d : diagnostics) report(d, json);
}

}  // namespace cql::cli
