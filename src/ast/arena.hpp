#pragma once
// The memory of one parsed expression: every AST node and every child array of a tree lives
// in a few large blocks owned by the Expression, instead of one heap allocation per node and
// per child list (that was most of the cost of parsing a typical rule).
//
// Nodes are constructed in place and destroyed, in allocation order, when the arena is; the
// arrays hold trivially destructible things (node pointers, arguments, names, spans) and are
// released with their block. Destroying a tree is therefore a loop over its nodes: no
// recursion, whatever the depth of the tree.
//
// Not thread-safe while it grows (the parser fills it); read-only afterwards, like the tree.
// Moving an arena keeps every node at its address.

#include <cstddef>
#include <cstdint>
#include <new>
#include <span>
#include <type_traits>

namespace cql::ast {

struct Node;

class Arena {
 public:
  Arena() noexcept = default;
  // `first_block_bytes`: the size of the first block (a good guess saves further blocks).
  explicit Arena(std::size_t first_block_bytes) noexcept : next_block_bytes_(first_block_bytes) {}
  Arena(Arena&& other) noexcept;
  Arena& operator=(Arena&& other) noexcept;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  // A new default-constructed node, destroyed with the arena. Defined in ast.hpp (it needs the
  // complete Node); inline like allocate(), because the parser asks for every node.
  inline Node* new_node();

  // An array of `count` value-initialised elements, released with the arena.
  template <typename T>
  std::span<T> array(std::size_t count) {
    static_assert(std::is_trivially_destructible_v<T>, "arena arrays are released without destructors");
    if (count == 0) return {};
    void* memory = allocate(sizeof(T) * count, alignof(T));
    T* first = static_cast<T*>(memory);
    for (std::size_t i = 0; i < count; ++i) new (first + i) T();
    return {first, count};
  }

  std::size_t node_count() const noexcept { return node_count_; }

 private:
  struct Block;
  void* allocate(std::size_t bytes, std::size_t alignment) {
    const auto address = reinterpret_cast<std::uintptr_t>(next_);
    const std::uintptr_t aligned = (address + alignment - 1) & ~(std::uintptr_t{alignment} - 1);
    if (next_ != nullptr && aligned + bytes <= reinterpret_cast<std::uintptr_t>(end_)) {
      next_ = reinterpret_cast<char*>(aligned + bytes);
      return reinterpret_cast<void*>(aligned);
    }
    return allocate_in_new_block(bytes, alignment);
  }
  void* allocate_in_new_block(std::size_t bytes, std::size_t alignment);
  void release() noexcept;

  Block* block_ = nullptr;   // the newest block; each links to the one before
  char* next_ = nullptr;     // free space of the newest block: [next_, end_)
  char* end_ = nullptr;
  Node* last_node_ = nullptr;  // nodes link to the one allocated before them (Node::previous_in_arena)
  std::size_t node_count_ = 0;
  std::size_t next_block_bytes_ = 1024;
};

}  // namespace cql::ast
