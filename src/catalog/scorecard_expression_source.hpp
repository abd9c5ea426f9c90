#pragma once
// Turns a YAML scalar holding CQL (a rule expression, a filter query) into a SourceFile whose
// positions point into the YAML file. yaml-cpp gives the scalar's decoded value and the mark of
// its first character (the quote or block indicator for quoted and block scalars).

#include <string>
#include <string_view>

#include "cql/diagnostic.hpp"

namespace cql::scorecard_detail {

struct ScalarLocation {
  std::size_t offset = 0;  // byte offset of the scalar's mark in the file (yaml-cpp Mark::pos)
  bool quoted_or_block = false;  // yaml-cpp tag "!" (quoted, `|`, `>`), not a plain scalar
};

// When the raw text of the scalar in the file means the same CQL as the decoded value (it
// differs only in whitespace outside string literals: indentation, line folding), the raw text
// is used so every line and column is exact. Otherwise (escape sequences such as `\"` or `''`)
// the decoded value is used, positioned at the scalar's first content character.
SourceRef embedded_expression(const std::string& file_name, std::string_view file_text,
                              const ScalarLocation& location, const std::string& value);

// 1-based line and code-point column of a byte offset in a text.
struct LineColumn {
  std::uint32_t line = 1, column = 1;
};
LineColumn line_column(std::string_view text, std::size_t offset);

}  // namespace cql::scorecard_detail
