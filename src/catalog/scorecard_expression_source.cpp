#include "catalog/scorecard_expression_source.hpp"

#include <vector>

namespace cql::scorecard_detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the value's first character sits: after the quote of a quoted scalar, on the first
// content line of a block scalar (the mark is on the `|`/`>` indicator), else at the mark.
std::size_t content_start(std::string_view text, const ScalarLocation& location) {
  std::size_t at = location.offset;
  if (at >= text.size() || !location.quoted_or_block) return at;
  const char c = text[at];
  if (c == '"' || c == '\'') return at + 1;
  if (c == '|' || c == '>') {
    while (at < text.size() && text[at] != '\n') ++at;
    while (at < text.size() && is_space(text[at])) ++at;
  }
  return at;
}

// Walks the decoded value along the raw text. They may differ only inside whitespace runs
// (indentation, folded line breaks); returns the raw end offset, or npos when they differ
// elsewhere (escape sequences). `differences` gets the raw offsets of differing runs.
std::size_t align(std::string_view value, std::string_view raw, std::size_t start,
                  std::vector<std::size_t>& differences) {
  std::size_t i = 0, j = start;
  while (i < value.size()) {
    if (!is_space(value[i])) {
      if (j >= raw.size() || raw[j] != value[i]) return std::string_view::npos;
      ++i, ++j;
      continue;
    }
    std::size_t value_end = i;
    while (value_end < value.size() && is_space(value[value_end])) ++value_end;
    if (value_end == value.size()) break;  // trailing whitespace (a block's final newline)
    if (j >= raw.size() || !is_space(raw[j])) return std::string_view::npos;
    std::size_t raw_end = j;
    while (raw_end < raw.size() && is_space(raw[raw_end])) ++raw_end;
    if (value.substr(i, value_end - i) != raw.substr(j, raw_end - j)) differences.push_back(j);
    i = value_end;
    j = raw_end;
  }
  return j;
}

// Whether any of the sorted offsets lies inside a CQL string literal or `//` comment of
// raw[start, end): there a whitespace difference would change the expression's meaning.
bool differs_in_meaningful_text(std::string_view raw, std::size_t start, std::size_t end,
                                const std::vector<std::size_t>& offsets) {
  enum class State { Code, String, LineComment, BlockComment } state = State::Code;
  char quote = 0;
  std::size_t next = 0;
  for (std::size_t k = start; k < end && next < offsets.size(); ++k) {
    if (k == offsets[next]) {
      if (state == State::String || state == State::LineComment) return true;
      ++next;
    }
    const char c = raw[k];
    switch (state) {
      case State::Code:
        if (c == '"' || c == '\'') state = State::String, quote = c;
        else if (c == '/' && k + 1 < end && raw[k + 1] == '/') state = State::LineComment;
        else if (c == '/' && k + 1 < end && raw[k + 1] == '*') state = State::BlockComment, ++k;
        break;
      case State::String:
        if (c == '\\') ++k;
        else if (c == quote) state = State::Code;
        break;
      case State::LineComment:
        if (c == '\n') state = State::Code;
        break;
      case State::BlockComment:
        if (c == '*' && k + 1 < end && raw[k + 1] == '/') state = State::Code, ++k;
        break;
    }
  }
  return false;
}

}  // namespace

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn out;
  std::size_t line_start = 0;
  for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
    if (text[k] == '\n') ++out.line, line_start = k + 1;
  }
  for (std::size_t k = line_start; k < offset && k < text.size(); ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++out.column;
  }
  return out;
}

SourceRef embedded_expression(const std::string& file_name, std::string_view file_text,
                              const ScalarLocation& location, const std::string& value) {
  const std::size_t start = content_start(file_text, location);
  const LineColumn at = line_column(file_text, start);
  std::vector<std::size_t> differences;
  const std::size_t end = align(value, file_text, start, differences);
  if (end != std::string_view::npos && !differs_in_meaningful_text(file_text, start, end, differences)) {
    return std::make_shared<const SourceFile>(file_name, std::string(file_text.substr(start, end - start)),
                                              at.line, at.column);
  }
  return std::make_shared<const SourceFile>(file_name, value, at.line, at.column);
}

}  // namespace cql::scorecard_detail
