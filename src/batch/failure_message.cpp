#include "batch/failure_message.hpp"

namespace cql::batch {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string placeholder_value(std::string_view name, const Entity& entity,
                              const std::vector<std::pair<std::string, Value>>& captures) {
  constexpr std::string_view kCaptures = "context.evaluation.captures.";
  if (name == "entity.tag") return entity.tag;
  if (name == "entity.name") return entity.name;
  if (name.substr(0, kCaptures.size()) == kCaptures) {
    const std::string_view capture = name.substr(kCaptures.size());
    // The last recorded value wins, as in the report's `captures` object.
    for (auto it = captures.rbegin(); it != captures.rend(); ++it) {
      if (it->first == capture) return to_display_text(it->second);
    }
  }
  return {};
}

}  // namespace

std::string render_failure_message(std::string_view message_template, const Entity& entity,
                                   const std::vector<std::pair<std::string, Value>>& captures) {
  std::string out;
  out.reserve(message_template.size());
  std::size_t at = 0;
  while (at < message_template.size()) {
    const std::size_t open = message_template.find("{{", at);
    if (open == std::string_view::npos) break;
    const std::size_t close = message_template.find("}}", open + 2);
    if (close == std::string_view::npos) break;  // an unclosed `{{` is plain text
    out.append(message_template.substr(at, open - at));
    out += placeholder_value(trim(message_template.substr(open + 2, close - open - 2)), entity, captures);
    at = close + 2;
  }
  out.append(message_template.substr(at));
  return out;
}

}  // namespace cql::batch
