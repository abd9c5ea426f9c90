#include "eval/error_text.hpp"

#include <algorithm>

namespace cql::eval {

// The expression as the author wrote it (its source text), with runs of whitespace (newlines
// included) collapsed so that the message stays on one line.
std::string expression_text(const ast::Node& node, const SourceFile& source) {
  const std::string& text = source.text();
  const std::size_t begin = std::min<std::size_t>(node.span.begin, text.size());
  const std::size_t end = std::clamp<std::size_t>(node.span.end, begin, text.size());
  std::string out;
  bool space = false;
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace cql::eval
