// Step 4 of compile: drop what the root no longer reaches (folding leaves the operands of
// folded nodes behind: `1 + 1 + ... + 1` keeps one constant, not 1000), in place.
//
// Children always have lower indices than their parents (post-order), so one backward pass
// marks the nodes the root reaches, without recursion, together with everything they refer
// to, remembering where each reference is stored. Then every table (nodes, kids,
// constants, call sites, ...) is squeezed the same way: each kept entry gets the number of
// kept entries before it as its new index, which is never above its old one, so entries move
// down in one ascending pass without a second copy of the plan. One scratch map holds the old
// -> new index of every entry of every table; it lives on the stack for typical rules, so
// compacting allocates nothing (call sites and their bindings are moved, not copied).
#include <array>
#include <cstddef>
#include <memory_resource>
#include <span>
#include <vector>

#include "compile/compiler.hpp"

namespace cql::compile {
namespace {

constexpr std::uint32_t kUnreached = 0xFFFFFFFF;
constexpr std::uint32_t kReached = 0;

using plan::Table;

class Compactor {
 public:
  explicit Compactor(plan::Plan& plan) : plan_(plan) {}

  void run() {
    if (plan_.nodes.empty()) return;
    allocate_maps();
    mark_reached();
    for (auto map : maps_) number(map);
    renumber_references();
    move_down(plan_.nodes, map(Table::Nodes));
    move_down(plan_.kids, map(Table::Kids));
    move_down(plan_.constants, map(Table::Constants));
    move_down(plan_.calls, map(Table::Calls));
    move_down(plan_.fields, map(Table::Fields));
    move_down(plan_.namespaces, map(Table::Namespaces));
    move_down(plan_.arith_steps, map(Table::ArithSteps));
  }

 private:
  static constexpr std::size_t kTables = static_cast<std::size_t>(Table::Count);

  // A reference of a reached node or call site, to renumber once every table is numbered.
  struct Reference {
    std::uint32_t* first;
    std::uint32_t count;
    Table table;
  };

  std::span<std::uint32_t> map(Table t) const { return maps_[static_cast<std::size_t>(t)]; }

  void allocate_maps() {
    const std::size_t sizes[kTables] = {plan_.nodes.size(),     plan_.kids.size(),       plan_.constants.size(),
                                        plan_.calls.size(),      plan_.fields.size(),     plan_.namespaces.size(),
                                        plan_.arith_steps.size()};
    std::size_t total = 0;
    for (std::size_t s : sizes) total += s;
    all_.assign(total, kUnreached);
    std::span<std::uint32_t> rest(all_);
    for (std::size_t t = 0; t < kTables; ++t) {
      maps_[t] = rest.first(sizes[t]);
      rest = rest.subspan(sizes[t]);
    }
    references_.reserve(2 * plan_.nodes.size());
  }

  // Walking backward, every parent is seen before its children. Remembering where each
  // reference is stored spares renumbering a second walk over the node kinds.
  void mark_reached() {
    const std::span<std::uint32_t> nodes = map(Table::Nodes);
    nodes[plan_.root] = kReached;
    auto mark_reference = [this](Table table, std::uint32_t& first, std::uint32_t count) { mark(table, first, count); };
    for (std::uint32_t i = plan_.root + 1; i-- > 0;) {
      if (nodes[i] != kUnreached) for_each_reference(plan_.nodes[i], mark_reference);
    }
  }

  void mark(Table table, std::uint32_t& first, std::uint32_t count) {
    if (count == 0) {
      first = 0;  // an empty range refers to nothing: any index will do
      return;
    }
    references_.push_back(Reference{&first, count, table});
    const std::span<std::uint32_t> m = map(table);
    for (std::uint32_t i = first; i < first + count; ++i) m[i] = kReached;
    if (table == Table::Kids) {
      const std::span<std::uint32_t> nodes = map(Table::Nodes);
      for (std::uint32_t i = first; i < first + count; ++i) nodes[plan_.kids[i]] = kReached;
    } else if (table == Table::Calls) {
      for_each_reference_of_site(plan_.calls[first],
                                 [this](Table t, std::uint32_t& f, std::uint32_t c) { mark(t, f, c); });
    }
  }

  // Marked entries get their new index: the number of marked entries before them.
  // Branch-free: whether an entry was reached follows no pattern a predictor could learn.
  static void number(std::span<std::uint32_t> map) {
    std::uint32_t next = 0;
    for (auto& entry : map) {
      const bool kept = entry != kUnreached;
      entry = kept ? next : kUnreached;
      next += kept ? 1 : 0;
    }
  }

  void renumber_references() {
    // A kept range's entries were all kept and stay consecutive, so its start is enough.
    for (const Reference& r : references_) *r.first = map(r.table)[*r.first];
    const std::span<std::uint32_t> nodes = map(Table::Nodes);
    const std::span<std::uint32_t> kids = map(Table::Kids);
    for (std::size_t i = 0; i < plan_.kids.size(); ++i) {
      if (kids[i] != kUnreached) plan_.kids[i] = nodes[plan_.kids[i]];
    }
    plan_.root = nodes[plan_.root];
  }

  // New indices never exceed old ones, so one ascending pass moves every kept entry into place.
  template <typename T>
  static void move_down(std::vector<T>& items, std::span<const std::uint32_t> map) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (map[i] == kUnreached) continue;
      if (map[i] != i) items[map[i]] = std::move(items[i]);
      ++kept;
    }
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
  }

  plan::Plan& plan_;
  // Scratch for the maps and references, on the stack for typical rules.
  std::array<std::byte, 4096> buffer_;
  std::pmr::monotonic_buffer_resource scratch_{buffer_.data(), buffer_.size()};
  std::pmr::vector<std::uint32_t> all_{&scratch_};  // every table's map, one after the other
  std::span<std::uint32_t> maps_[kTables];  // per table: kUnreached, kReached, then the new index
  std::pmr::vector<Reference> references_{&scratch_};
};

}  // namespace

void compact(plan::Plan& plan) { Compactor(plan).run(); }

}  // namespace cql::compile
