#pragma once
// The text of a string Value: immutable, 16 bytes. Up to 15 bytes are stored in place; longer
// text lives in one reference-counted heap block that every copy shares.
//
// Why not std::shared_ptr<const std::string>: most strings a rule meets are short (keys, tags,
// the literals of a rule), and a shared_ptr costs each of them a heap block and atomic reference
// counting on every copy. Compiling `custom("Origin") == "MOW"` would allocate once per literal.
//
// Copies may be used from any number of threads (the count is atomic); the text never changes.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace cql {

class CompactString {
 public:
  static constexpr std::size_t kInlineCapacity = 15;

  CompactString() noexcept { bytes_[kTag] = 0; }
  explicit CompactString(std::string_view text) {
    if (text.size() <= kInlineCapacity) {
      copy_short(bytes_, text.data(), text.size());
      bytes_[kTag] = static_cast<unsigned char>(text.size());
    } else {
      set_heap(make_block(text));
    }
  }
  CompactString(const CompactString& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    if (Block* block = heap()) block->refs.fetch_add(1, std::memory_order_relaxed);
  }
  CompactString(CompactString&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    other.bytes_[kTag] = 0;  // now empty and inline: its destructor releases nothing
  }
  CompactString& operator=(CompactString other) noexcept {
    swap(other);
    return *this;
  }
  ~CompactString() {
    if (Block* block = heap()) release(block);
  }

  std::string_view view() const noexcept {
    if (const Block* block = heap()) return {block->chars, block->size};
    return {reinterpret_cast<const char*>(bytes_), bytes_[kTag]};
  }
  std::size_t size() const noexcept { return view().size(); }

  // The shared heap block, or null for inline text: two strings with the same non-null block
  // hold the same text (equality can skip comparing bytes).
  const void* block() const noexcept { return heap(); }

  void swap(CompactString& other) noexcept {
    unsigned char tmp[sizeof bytes_];
    std::memcpy(tmp, bytes_, sizeof bytes_);
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    std::memcpy(other.bytes_, tmp, sizeof bytes_);
  }

 private:
  struct Block {
    std::atomic<std::uint32_t> refs;
    std::size_t size;
    char chars[1];  // `size` bytes follow (the block is allocated to fit them)
  };
  static constexpr std::size_t kTag = 15;              // bytes_[15]: inline length, or kHeapTag
  static constexpr unsigned char kHeapTag = 0xFF;      // bytes_[0..7] then hold the Block*

  static Block* make_block(std::string_view text);  // value_core.cpp
  // memcpy of at most 15 bytes as a few fixed-size moves (overlapping when the length is not a
  // power of two) instead of a call into the C library: every string literal and short key is
  // copied here.
  static void copy_short(unsigned char* out, const char* in, std::size_t n) noexcept {
    if (n >= 8) {
      copy_two<std::uint64_t>(out, in, n);
    } else if (n >= 4) {
      copy_two<std::uint32_t>(out, in, n);
    } else if (n > 0) {
      out[0] = static_cast<unsigned char>(in[0]);
      out[n / 2] = static_cast<unsigned char>(in[n / 2]);
      out[n - 1] = static_cast<unsigned char>(in[n - 1]);
    }
  }
  template <typename Word>
  static void copy_two(unsigned char* out, const char* in, std::size_t n) noexcept {
    Word first, last;
    std::memcpy(&first, in, sizeof first);
    std::memcpy(&last, in + n - sizeof last, sizeof last);
    std::memcpy(out, &first, sizeof first);
    std::memcpy(out + n - sizeof last, &last, sizeof last);
  }
  static void release(Block* block) noexcept {
    if (block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) free_block(block);
  }
  static void free_block(Block* block) noexcept;  // value_core.cpp

  Block* heap() const noexcept {
    if (bytes_[kTag] != kHeapTag) return nullptr;
    Block* block;
    std::memcpy(&block, bytes_, sizeof block);
    return block;
  }
  void set_heap(Block* block) noexcept {
    std::memcpy(bytes_, &block, sizeof block);
    bytes_[kTag] = kHeapTag;
  }

  alignas(8) unsigned char bytes_[16];
};

}  // namespace cql
