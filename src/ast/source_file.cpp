#include <algorithm>

#include "cql/diagnostic.hpp"

namespace cql {

SourceFile::SourceFile(std::string name, std::string text, std::uint32_t base_line, std::uint32_t base_column)
    : name_(std::move(name)), text_(std::move(text)), base_line_(base_line), base_column_(base_column) {
  // Starts of the second and later lines only (the first starts at 0): a one-line rule, the
  // usual case, allocates nothing here.
  for (std::size_t at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1)) {
    line_starts_.push_back(static_cast<std::uint32_t>(at + 1));
  }
}

namespace {
// UTF-8 continuation bytes do not start a code point.
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// The 0-based line holding byte_offset, and where a line starts, from the starts of lines 2...
std::uint32_t line_of(const std::vector<std::uint32_t>& later_starts, std::uint32_t byte_offset) {
  return static_cast<std::uint32_t>(std::upper_bound(later_starts.begin(), later_starts.end(), byte_offset) -
                                    later_starts.begin());
}
std::uint32_t line_start(const std::vector<std::uint32_t>& later_starts, std::uint32_t line_index) {
  return line_index == 0 ? 0 : later_starts[line_index - 1];
}
}  // namespace

SourceFile::Position SourceFile::position(std::uint32_t byte_offset) const {
  byte_offset = std::min<std::uint32_t>(byte_offset, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t line_index = line_of(line_starts_, byte_offset);
  const std::uint32_t start = line_start(line_starts_, line_index);
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < byte_offset; ++i) {
    if (starts_code_point(text_[i])) ++column;
  }
  // Only the first line of an embedded expression is shifted by the column it starts at.
  if (line_index == 0) column += base_column_ - 1;
  return {base_line_ + line_index, column};
}

std::string_view SourceFile::line_text(std::uint32_t byte_offset) const {
  byte_offset = std::min<std::uint32_t>(byte_offset, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t start = line_start(line_starts_, line_of(line_starts_, byte_offset));
  std::uint32_t end = start;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace cql
