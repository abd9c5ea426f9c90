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
// Full-size blocks go back to a small per-thread cache instead of to malloc. Freed 64 KiB blocks
// sit at the top of the heap, where glibc trims them back to the system; the next parse of a
// large expression then page-faults its way through fresh memory (more than the parse itself
// costs). At most kCachedBlocks (512 KiB) stay with each thread that destroyed a tree.
constexpr std::size_t kCachedBlocks = 8;

struct BlockCache {
  void* blocks[kCachedBlocks];
  std::size_t count = 0;
  ~BlockCache();
};
// Trivially destructible, so still readable while other thread-local objects are destroyed.
thread_local bool t_cache_gone = false;
thread_local BlockCache t_cache;

BlockCache::~BlockCache() {
  t_cache_gone = true;
  while (count > 0) ::operator delete(blocks[--count]);
}

void* take_cached_block() {
  if (t_cache_gone || t_cache.count == 0) return nullptr;
  return t_cache.blocks[--t_cache.count];
}

bool cache_block(void* block) {
  if (t_cache_gone || t_cache.count == kCachedBlocks) return false;
  t_cache.blocks[t_cache.count++] = block;
  return true;
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
    if (block_->bytes != kLargestGrowth || !cache_block(block_)) ::operator delete(block_);
    block_ = previous;
  }
  next_ = end_ = nullptr;
}

Node* Arena::new_node() {
  void* memory = allocate(sizeof(Node), alignof(Node));
  Node* node = new (memory) Node();
  node->previous_in_arena = last_node_;
  last_node_ = node;
  ++node_count_;
  return node;
}

void* Arena::allocate(std::size_t bytes, std::size_t alignment) {
  const auto address = reinterpret_cast<std::uintptr_t>(next_);
  const std::uintptr_t aligned = (address + alignment - 1) & ~(std::uintptr_t{alignment} - 1);
  if (next_ != nullptr && aligned + bytes <= reinterpret_cast<std::uintptr_t>(end_)) {
    next_ = reinterpret_cast<char*>(aligned + bytes);
    return reinterpret_cast<void*>(aligned);
  }
  return allocate_in_new_block(bytes, alignment);
}

void* Arena::allocate_in_new_block(std::size_t bytes, std::size_t alignment) {
  static_assert(sizeof(Block) <= kHeader);
  const std::size_t usable = std::max(next_block_bytes_, bytes + alignment);
  void* memory = usable == kLargestGrowth ? take_cached_block() : nullptr;
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
