#pragma once
// A set of issue positions in a dump, as a bitset: the offline evaluator answers clauses by
// uniting and intersecting these (one bit per issue, 12.5 KB for 100,000 issues).

#include <bit>
#include <cstdint>
#include <vector>

namespace cql::jql {

class RowSet {
 public:
  RowSet() = default;
  explicit RowSet(std::size_t size, bool all = false) : size_(size), words_((size + 63) / 64, all ? ~std::uint64_t{0} : 0) {
    if (all) trim();
  }

  std::size_t size() const noexcept { return size_; }
  void set(std::size_t row) noexcept { words_[row / 64] |= std::uint64_t{1} << (row % 64); }
  bool test(std::size_t row) const noexcept { return (words_[row / 64] >> (row % 64)) & 1; }

  RowSet& operator&=(const RowSet& other) noexcept {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
    return *this;
  }
  RowSet& operator|=(const RowSet& other) noexcept {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
    return *this;
  }
  // this = this AND NOT other
  RowSet& subtract(const RowSet& other) noexcept {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
    return *this;
  }

  std::size_t count() const noexcept {
    std::size_t n = 0;
    for (auto w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }

  // Calls f(row) for every member, in increasing order.
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      for (std::uint64_t w = words_[i]; w != 0; w &= w - 1) f(i * 64 + static_cast<std::size_t>(std::countr_zero(w)));
    }
  }

 private:
  void trim() noexcept {
    if (size_ % 64 != 0) words_.back() &= (std::uint64_t{1} << (size_ % 64)) - 1;
  }
  std::size_t size_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace cql::jql
