#include "cli/repl_style.hpp"

#include <cstring>

namespace cql::cli {

namespace {

std::string_view escape_for(StyleRole role) {
  switch (role) {
    case StyleRole::Prompt: return "\x1b[1;32m";   // bold green
    case StyleRole::Value: return "\x1b[1m";       // bold
    case StyleRole::Type: return "\x1b[2m";        // dim
    case StyleRole::Error: return "\x1b[1;31m";    // bold red
    case StyleRole::Capture: return "\x1b[36m";    // cyan
    case StyleRole::Note: return "\x1b[33m";       // yellow
  }
  return "";
}

constexpr std::string_view kReset = "\x1b[0m";

}  // namespace

bool colour_wanted(bool output_is_terminal, const char* no_color_env, const char* term_env) {
  if (!output_is_terminal) return false;
  if (no_color_env != nullptr && *no_color_env != '\0') return false;
  return term_env != nullptr && *term_env != '\0' && std::strcmp(term_env, "dumb") != 0;
}

std::string ReplStyle::paint(StyleRole role, std::string_view text) const {
  if (!colour_ || text.empty()) return std::string(text);
  std::string out(escape_for(role));
  out += text;
  out += kReset;
  return out;
}

std::string ReplStyle::paint_prompt(std::string_view text, char ignore) const {
  if (!colour_) return std::string(text);
  // libedit attaches a prompt's invisible sequences to the next visible character, so a reset
  // at the very end would only be printed after the typed input. Ending the colour before the
  // trailing blank keeps the input uncoloured.
  const std::size_t visible_end = text.find_last_not_of(' ') + 1;
  std::string out;
  out += ignore;
  out += escape_for(StyleRole::Prompt);
  out += ignore;
  out += text.substr(0, visible_end);
  out += ignore;
  out += kReset;
  out += ignore;
  out += text.substr(visible_end);
  return out;
}

}  // namespace cql::cli
