// Step 4 of compile: a fresh plan holding only what the root still reaches (folding leaves
// the operands of folded nodes behind: `1 + 1 + ... + 1` keeps one constant, not 1000).
//
// Children always have lower indices than their parents (post-order), so two loops do it
// without recursion or scratch lists: one backward pass marks what the root reaches, one
// forward pass copies the marked nodes in their order, each child already renumbered by the
// time its parent is copied. Every output vector is reserved once at its upper bound (the
// size of the input), so compacting costs a fixed handful of allocations.
#include <cassert>

#include "compile/compiler.hpp"

namespace cql::compile {
namespace {

class Compactor {
 public:
  explicit Compactor(const plan::Plan& from) : from_(from), map_(from.nodes.size(), kUnreached) {}

  plan::Plan run() {
    if (from_.nodes.empty()) return std::move(to_);
    mark_reached();
    reserve();
    for (std::uint32_t i = 0; i < from_.nodes.size(); ++i) {
      if (map_[i] != kUnreached) map_[i] = copy(from_.nodes[i]);
    }
    to_.root = map_[from_.root];
    to_.lambda_slots = from_.lambda_slots;
    return std::move(to_);
  }

 private:
  static constexpr std::uint32_t kUnreached = 0xFFFFFFFF;
  static constexpr std::uint32_t kReached = 0;

  void mark_reached() {
    map_[from_.root] = kReached;
    for (std::uint32_t i = from_.root + 1; i-- > 0;) {
      if (map_[i] == kUnreached) continue;
      for_each_child(from_, from_.nodes[i], [&](std::uint32_t kid) {
        assert(kid < i && "the plan is in post-order");
        map_[kid] = kReached;
      });
    }
  }

  void reserve() {
    to_.nodes.reserve(from_.nodes.size());
    to_.kids.reserve(from_.kids.size());
    to_.arith_steps.reserve(from_.arith_steps.size());
    to_.constants.reserve(from_.constants.size());
    to_.calls.reserve(from_.calls.size());
    to_.fields.reserve(from_.fields.size());
    to_.namespaces.reserve(from_.namespaces.size());
  }

  std::uint32_t copy_kids(std::uint32_t first, std::uint32_t count) {
    const auto start = static_cast<std::uint32_t>(to_.kids.size());
    for (std::uint32_t i = first; i < first + count; ++i) to_.kids.push_back(map_[from_.kids[i]]);
    return start;
  }

  std::uint32_t copy_site(std::uint32_t index) {
    plan::CallSite site = from_.calls[index];
    if (site.kind == plan::CallKind::AnyCall) site.first_kid = copy_kids(site.first_kid, site.count);
    for (auto& b : site.candidates) b.first_kid = copy_kids(b.first_kid, b.count);
    to_.calls.push_back(std::move(site));
    return static_cast<std::uint32_t>(to_.calls.size() - 1);
  }

  std::uint32_t copy(plan::Node n) {
    switch (n.op) {
      case plan::Op::Constant: case plan::Op::CustomKey:
        n.a = to_.add_constant(from_.constants[n.a]);
        break;
      case plan::Op::Param:
        break;
      case plan::Op::Namespace:
        to_.namespaces.push_back(from_.namespaces[n.a]);
        n.a = static_cast<std::uint32_t>(to_.namespaces.size() - 1);
        break;
      case plan::Op::Arith: {
        const auto steps = static_cast<std::uint32_t>(to_.arith_steps.size());
        for (std::uint32_t i = 0; i + 1 < n.b; ++i) to_.arith_steps.push_back(from_.arith_steps[n.c + i]);
        n.c = steps;
        n.a = copy_kids(n.a, n.b);
        break;
      }
      case plan::Op::List: case plan::Op::And: case plan::Op::Or:
        n.a = copy_kids(n.a, n.b);
        break;
      case plan::Op::Not: case plan::Op::Negate:
        n.a = map_[n.a];
        break;
      case plan::Op::Field:
        n.a = map_[n.a];
        to_.fields.push_back(from_.fields[n.b]);
        n.b = static_cast<std::uint32_t>(to_.fields.size() - 1);
        break;
      case plan::Op::Compare: case plan::Op::Equal: case plan::Op::LambdaMethod:
      case plan::Op::KeyEqual: case plan::Op::KeyCompare:
        n.a = map_[n.a];
        n.b = map_[n.b];
        break;
      case plan::Op::Call:
        n.a = copy_site(n.a);
        break;
      case plan::Op::Method:
        n.a = map_[n.a];
        n.b = copy_site(n.b);
        break;
    }
    return to_.add_node(n);
  }

  const plan::Plan& from_;
  plan::Plan to_;
  std::vector<std::uint32_t> map_;  // kUnreached, kReached (pass 1), then the new index (pass 2)
};

}  // namespace

plan::Plan compact(const plan::Plan& plan) { return Compactor(plan).run(); }

}  // namespace cql::compile
