// Message helpers for native errors. (cql::fail itself lives with the Registry, in
// src/eval/registry.cpp.)
#include "cql/value.hpp"
#include "stdlib/native_support.hpp"

namespace cql {

namespace stdlib {

std::string quote_for_message(std::string_view text) {
  // Long data would drown the message; 60 bytes are enough to recognise it. Cut on a UTF-8
  // character boundary so the message stays valid text.
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return to_cql_literal(Value(text));
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return to_cql_literal(Value(text.substr(0, cut))) + "...";
}

}  // namespace stdlib
}  // namespace cql
