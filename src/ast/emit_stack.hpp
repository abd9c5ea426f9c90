#pragma once
// A work list for writing a tree out as text without recursion (the printer and the formatter
// use it): a left-leaning chain of 10,000 binary operators is 10,000 levels deep, too deep to
// recurse on safely. Pieces are either literal text or a node still to be expanded; a node's
// expansion is scheduled as a group, and groups run in the order their pieces were added.

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"

namespace cql::ast {

template <typename Context>
class EmitStack {
 public:
  struct Piece {
    const Node* node = nullptr;  // null: emit `text`
    std::string_view text;
    Context context{};
  };

  // Schedules the pieces added by `add` to run next, in the order they were added.
  template <typename AddPieces>
  void group(AddPieces&& add) {
    const std::size_t start = pieces_.size();
    add(*this);
    std::reverse(pieces_.begin() + static_cast<std::ptrdiff_t>(start), pieces_.end());
  }
  void text(std::string_view t) { pieces_.push_back(Piece{nullptr, t, Context{}}); }
  void node(const Node& n, Context context = {}) { pieces_.push_back(Piece{&n, {}, context}); }

  bool empty() const noexcept { return pieces_.empty(); }
  Piece pop() {
    Piece p = pieces_.back();
    pieces_.pop_back();
    return p;
  }

 private:
  std::vector<Piece> pieces_;
};

}  // namespace cql::ast
