#pragma once
// Maps a span inside a string literal's decoded value (what a prepare() function saw, e.g. the
// position of a JQL syntax error) back to byte offsets of the literal's source text, so the
// caret points inside the quotes even when escapes come before it.
#include <string_view>

#include "cql/diagnostic.hpp"

namespace cql::compile {

// `literal` is the source text of the literal, quotes included, starting at byte `offset` of
// the source. Offsets past the end of the value map to the closing quote.
Span map_into_literal(std::string_view literal, std::uint32_t offset, Span in_value);

}  // namespace cql::compile
