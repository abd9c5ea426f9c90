#pragma once
// A stack of small plain values for the checker's scratch lists. The first N live inside the
// stack object (the Checker itself lives on its caller's stack), so a typical rule takes no
// memory for them and setting one up is three stores: preparing the five scratch lists as
// reserved std::pmr::vectors was a sixth of the fixed cost of checking a rule. Past N the
// values move to the heap, doubling, so a large expression still grows them in amortised
// constant time.
#include <cstddef>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>

namespace cql::check {

template <typename T, std::size_t N>
class ScratchStack {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                "values are moved with memcpy and dropped without destructors");
  static_assert(N > 0);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  ScratchStack() noexcept = default;
  ScratchStack(const ScratchStack&) = delete;
  ScratchStack& operator=(const ScratchStack&) = delete;

  T* data() noexcept { return data_; }
  const T* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  T* begin() noexcept { return data_; }
  T* end() noexcept { return data_ + size_; }
  const T* begin() const noexcept { return data_; }
  const T* end() const noexcept { return data_ + size_; }
  std::reverse_iterator<const T*> rbegin() const noexcept { return std::reverse_iterator<const T*>(end()); }
  std::reverse_iterator<const T*> rend() const noexcept { return std::reverse_iterator<const T*>(begin()); }
  T& operator[](std::size_t i) noexcept { return data_[i]; }
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  T& back() noexcept { return data_[size_ - 1]; }
  const T& back() const noexcept { return data_[size_ - 1]; }

  void push_back(const T& value) {
    if (size_ == capacity_) grow(capacity_ * 2);
    new (data_ + size_) T(value);
    ++size_;
  }
  void pop_back() noexcept { --size_; }
  // Drops the values above `size` (ScratchMark); never grows.
  void truncate(std::size_t size) noexcept {
    if (size < size_) size_ = size;
  }
  void assign(std::size_t count, const T& value) {
    if (count > capacity_) grow(count);
    for (std::size_t i = 0; i < count; ++i) new (data_ + i) T(value);
    size_ = count;
  }

 private:
  void grow(std::size_t capacity) {
    std::unique_ptr<std::byte[]> heap(new std::byte[capacity * sizeof(T)]);  // not cleared
    std::memcpy(heap.get(), static_cast<const void*>(data_), size_ * sizeof(T));
    heap_ = std::move(heap);
    data_ = reinterpret_cast<T*>(heap_.get());
    capacity_ = capacity;
  }

  alignas(T) std::byte inline_[N * sizeof(T)];  // not initialised: values are constructed on push
  T* data_ = reinterpret_cast<T*>(inline_);
  std::size_t size_ = 0;
  std::size_t capacity_ = N;
  std::unique_ptr<std::byte[]> heap_;  // when the values outgrew inline_
};

}  // namespace cql::check
