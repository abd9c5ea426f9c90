#pragma once
// A vector that keeps its first N elements inside itself: a call site almost always binds one
// function and a field one or two properties, so their lists cost no heap allocation. Past N
// every element moves to a std::vector (one storage at a time, so data() is always contiguous).
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace cql::plan {

template <typename T, std::size_t N>
class InlineVector {
 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  InlineVector() = default;
  InlineVector(const InlineVector&) = default;
  InlineVector& operator=(const InlineVector&) = default;
  // A moved-from vector is empty (the defaulted move would leave inline_size_ behind).
  InlineVector(InlineVector&& other) noexcept
      : inline_(std::move(other.inline_)), inline_size_(std::exchange(other.inline_size_, 0)), heap_(std::move(other.heap_)) {
    other.heap_.clear();
  }
  InlineVector& operator=(InlineVector&& other) noexcept {
    inline_ = std::move(other.inline_);
    inline_size_ = std::exchange(other.inline_size_, 0);
    heap_ = std::move(other.heap_);
    other.heap_.clear();
    return *this;
  }

  void push_back(T value) {
    if (heap_.empty()) {
      if (inline_size_ < N) {
        inline_[inline_size_++] = std::move(value);
        return;
      }
      heap_.reserve(2 * N + 1);
      for (std::size_t i = 0; i < inline_size_; ++i) heap_.push_back(std::move(inline_[i]));
      inline_size_ = 0;
    }
    heap_.push_back(std::move(value));
  }

  T* data() noexcept { return heap_.empty() ? inline_.data() : heap_.data(); }
  const T* data() const noexcept { return heap_.empty() ? inline_.data() : heap_.data(); }
  std::size_t size() const noexcept { return heap_.empty() ? inline_size_ : heap_.size(); }
  bool empty() const noexcept { return size() == 0; }

  T* begin() noexcept { return data(); }
  T* end() noexcept { return data() + size(); }
  const T* begin() const noexcept { return data(); }
  const T* end() const noexcept { return data() + size(); }
  T& front() noexcept { return *data(); }
  const T& front() const noexcept { return *data(); }
  T& operator[](std::size_t i) noexcept { return data()[i]; }
  const T& operator[](std::size_t i) const noexcept { return data()[i]; }

 private:
  std::array<T, N> inline_{};
  std::size_t inline_size_ = 0;  // elements in inline_ (0 once they moved to heap_)
  std::vector<T> heap_;
};

}  // namespace cql::plan
