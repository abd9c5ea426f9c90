// Step 4 of compile: a fresh plan holding only what the root still reaches (folding leaves
// the operands of folded nodes behind: `1 + 1 + ... + 1` keeps one constant, not 1000).
#include "compile/compiler.hpp"

namespace cql::compile {
namespace {

class Compactor {
 public:
  explicit Compactor(const plan::Plan& from) : from_(from), map_(from.nodes.size(), kUnmapped) {}

  plan::Plan run() {
    to_.root = copy(from_.root);
    to_.lambda_slots = from_.lambda_slots;
    return std::move(to_);
  }

 private:
  static constexpr std::uint32_t kUnmapped = 0xFFFFFFFF;

  std::uint32_t copy_kids(std::uint32_t first, std::uint32_t count) {
    std::vector<std::uint32_t> mapped;
    mapped.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) mapped.push_back(copy(from_.kids[first + i]));
    const auto start = static_cast<std::uint32_t>(to_.kids.size());
    for (std::uint32_t i = 0; i < count; ++i) {
      to_.kids.push_back(mapped[i]);
      to_.kid_ops.push_back(from_.kid_ops[first + i]);
      to_.kid_ast.push_back(from_.kid_ast[first + i]);
    }
    return start;
  }

  std::uint32_t copy_site(std::uint32_t index) {
    plan::CallSite site = from_.calls[index];
    if (site.kind == plan::CallKind::AnyCall) site.first_kid = copy_kids(site.first_kid, site.count);
    for (auto& b : site.candidates) b.first_kid = copy_kids(b.first_kid, b.count);
    to_.calls.push_back(std::move(site));
    return static_cast<std::uint32_t>(to_.calls.size() - 1);
  }

  // Children are copied before their parent, so the post-order invariant holds in the copy.
  std::uint32_t copy(std::uint32_t index) {
    if (map_[index] != kUnmapped) return map_[index];
    plan::Node n = from_.nodes[index];
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
      case plan::Op::List: case plan::Op::Arith: case plan::Op::And: case plan::Op::Or:
        n.a = copy_kids(n.a, n.b);
        break;
      case plan::Op::Not: case plan::Op::Negate:
        n.a = copy(n.a);
        break;
      case plan::Op::Field:
        n.a = copy(n.a);
        to_.fields.push_back(from_.fields[n.b]);
        n.b = static_cast<std::uint32_t>(to_.fields.size() - 1);
        break;
      case plan::Op::Compare: case plan::Op::Equal: case plan::Op::LambdaMethod:
        n.a = copy(n.a);
        n.b = copy(n.b);
        break;
      case plan::Op::Call:
        n.a = copy_site(n.a);
        break;
      case plan::Op::Method:
        n.a = copy(n.a);
        n.b = copy_site(n.b);
        break;
    }
    map_[index] = to_.add_node(n);
    return map_[index];
  }

  const plan::Plan& from_;
  plan::Plan to_;
  std::vector<std::uint32_t> map_;
};

}  // namespace

plan::Plan compact(const plan::Plan& plan) { return Compactor(plan).run(); }

}  // namespace cql::compile
