#include "ast/arena.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "ast/ast.hpp"

namespace cql::ast {

struct Arena::Block {
  Block* previous;
  std::size_t bytes;  // usable bytes after the header
};

namespace {
// Blocks double up to this size, which stays below glibc's mmap threshold (128 KiB): larger
// blocks would be mapped and unmapped at every parse, paying a page fault per 4 KiB touched.
constexpr std::size_t kLargestGrowth = std::size_t{64} << 10;
// Room for the block header, keeping the block's data at operator new's alignment.
constexpr std::size_t kHeader = 16;
// Blocks go back to a small per-thread cache instead of to malloc, and the next parse on the
// thread takes them from there:
//  - freed 64 KiB blocks sit at the top of the heap, where glibc trims them back to the system;
//    the next parse of a large expression then page-faults its way through fresh memory (more
//    than the parse itself costs);
//  - the first block is sized from the text (a few KiB for a typical rule): too large for
//    glibc's per-thread cache, so malloc'd from and freed to the main heap at every parse,
//    a noticeable part of compiling a small rule.
// At most kCachedBlocks blocks of at most kLargestGrowth bytes (512 KiB) stay with each thread
// that destroyed a tree.
constexpr std::size_t kCachedBlocks = 8;

struct BlockCache {
  struct Entry {
    void* memory;
    std::size_t bytes;  // usable bytes, as in the block's header
  };
  Entry entries[kCachedBlocks];
  std::size_t count = 0;
  ~BlockCache();
};
// Trivially destructible, so still readable while other thread-local objects are destroyed.
thread_local bool t_cache_gone = false;
thread_local BlockCache t_cache;

BlockCache::~BlockCache() {
  t_cache_gone = true;
  while (count > 0) ::operator delete(entries[--count].memory);
}

// The smallest cached block with at least `bytes` usable bytes (its size in `bytes`), or null.
// A block more than kMaxOversize times too large stays for a larger tree: a small rule would
// hold it for nothing while a large one mallocs.
constexpr std::size_t kMaxOversize = 4;

void* take_cached_block(std::size_t& bytes) {
  if (t_cache_gone) return nullptr;
  std::size_t best = t_cache.count;
  for (std::size_t i = 0; i < t_cache.count; ++i) {
    const std::size_t size = t_cache.entries[i].bytes;
    if (size < bytes || size / kMaxOversize > bytes) continue;
    if (best == t_cache.count || size < t_cache.entries[best].bytes) best = i;
  }
  if (best == t_cache.count) return nullptr;
  const BlockCache::Entry entry = t_cache.entries[best];
  t_cache.entries[best] = t_cache.entries[--t_cache.count];
  bytes = entry.bytes;
  return entry.memory;
}

// Keeps the block for a later parse, or frees it. When the cache is full, the larger blocks
// stay: a small request can use a large block, not the other way round.
void release_block(void* memory, std::size_t bytes) {
  if (t_cache_gone || bytes > kLargestGrowth) {
    ::operator delete(memory);
    return;
  }
  if (t_cache.count < kCachedBlocks) {
    t_cache.entries[t_cache.count++] = {memory, bytes};
    return;
  }
  BlockCache::Entry* smallest = &t_cache.entries[0];
  for (auto& entry : t_cache.entries) {
    if (entry.bytes < smallest->bytes) smallest = &entry;
  }
  if (smallest->bytes < bytes) {  // keep this one, free the smallest instead
    std::swap(smallest->memory, memory);
    std::swap(smallest->bytes, bytes);
  }
  ::operator delete(memory);
}

}  // namespace

Arena::Arena(Arena&& other) noexcept
    : block_(std::exchange(other.block_, nullptr)),
      next_(std::exchange(other.next_, nullptr)),
      end_(std::exchange(other.end_, nullptr)),
      last_node_(std::exchange(other.last_node_, nullptr)),
      node_count_(std::exchange(other.node_count_, 0)),
      next_block_bytes_(other.next_block_bytes_) {}

Arena& Arena::operator=(Arena&& other) noexcept {
  if (this != &other) {
    release();
    block_ = std::exchange(other.block_, nullptr);
    next_ = std::exchange(other.next_, nullptr);
    end_ = std::exchange(other.end_, nullptr);
    last_node_ = std::exchange(other.last_node_, nullptr);
    node_count_ = std::exchange(other.node_count_, 0);
    next_block_bytes_ = other.next_block_bytes_;
  }
  return *this;
}

Arena::~Arena() { release(); }

void Arena::release() noexcept {
  for (Node* node = last_node_; node != nullptr;) {
    Node* previous = node->previous_in_arena;
    node->~Node();
    node = previous;
  }
  last_node_ = nullptr;
  node_count_ = 0;
  while (block_ != nullptr) {
    Block* previous = block_->previous;
    release_block(block_, block_->bytes);
    block_ = previous;
  }
  next_ = end_ = nullptr;
}

void* Arena::allocate_in_new_block(std::size_t bytes, std::size_t alignment) {
  static_assert(sizeof(Block) <= kHeader);
  std::size_t usable = std::max(next_block_bytes_, bytes + alignment);
  void* memory = take_cached_block(usable);  // may be larger than asked: `usable` is updated
  if (memory == nullptr) memory = ::operator new(kHeader + usable);  // throws std::bad_alloc
  auto* block = static_cast<Block*>(memory);
  block->previous = block_;
  block->bytes = usable;
  block_ = block;
  next_ = static_cast<char*>(memory) + kHeader;
  end_ = next_ + usable;
  next_block_bytes_ = std::min(next_block_bytes_ * 2, std::max(kLargestGrowth, next_block_bytes_));
  return allocate(bytes, alignment);
}

}  // namespace cql::ast
