#pragma once
// Byte equality tuned for short texts (object keys, the constants of a rule). Up to 16 bytes the
// answer comes from two overlapping word loads per side and one test, with no branch that
// depends on where the texts differ: a byte loop's exit branch is mispredicted whenever keys of
// one length differ at different positions, which is the normal case of an object key scan.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "cql/value.hpp"

namespace cql {

namespace same_text_detail {

template <typename Word>
inline Word load(const char* p) noexcept {
  Word w;
  std::memcpy(&w, p, sizeof w);  // an unaligned load, without aliasing concerns
  return w;
}

// Texts of one length n with sizeof(Word) <= n <= 2 * sizeof(Word): the first and the last word
// cover every byte (they overlap when n < 2 * sizeof(Word)).
template <typename Word>
inline bool same_words(const char* a, const char* b, std::size_t n) noexcept {
  const std::size_t last = n - sizeof(Word);
  return ((load<Word>(a) ^ load<Word>(b)) | (load<Word>(a + last) ^ load<Word>(b + last))) == 0;
}

}  // namespace same_text_detail

inline bool same_text(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 8) {
    if (n > 16) return std::memcmp(x, y, n) == 0;
    return same_text_detail::same_words<std::uint64_t>(x, y, n);
  }
  if (n >= 4) return same_text_detail::same_words<std::uint32_t>(x, y, n);
  if (n == 0) return true;
  // 1 to 3 bytes: the first, middle and last byte cover them.
  return ((x[0] ^ y[0]) | (x[n / 2] ^ y[n / 2]) | (x[n - 1] ^ y[n - 1])) == 0;
}

// Equality of two string Values: a long text that both share (one heap block) is equal
// without reading its bytes.
inline bool same_string(const Value& a, const Value& b) noexcept {
  const void* block = a.string_block();
  return (block != nullptr && block == b.string_block()) || same_text(a.as_string(), b.as_string());
}

}  // namespace cql
