// List methods (spec/cql.md §5, §11) except the lambda methods (filter, map, any, all, none),
// which the evaluator implements because they call back into it.
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "cql/registry.hpp"
#include "eval/value_order.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {
namespace {

using stdlib::method;
using stdlib::param;
using stdlib::property;

std::string element_problem(std::size_t index, const Value& element, std::string_view expected) {
  return "element " + std::to_string(index) + " is " + std::string(type_name(element.type())) + ", expected " +
         std::string(expected);
}

Value sum(const List& list) {
  std::int64_t int_total = 0;
  bool all_ints = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Value& e = list[i];
    if (e.type() == Type::Int) {
      if (all_ints && __builtin_add_overflow(int_total, e.as_int(), &int_total)) {
        stdlib::eval_error(".sum()", "integer overflow");
      }
    } else if (e.type() == Type::Double) {
      all_ints = false;
    } else {
      stdlib::type_error(".sum()", element_problem(i, e, "a number"));
    }
  }
  if (all_ints) return Value(int_total);
  double total = 0;
  for (const Value& e : list) total += e.as_number();
  return Value(total);
}

Value average(const List& list) {
  if (list.empty()) return Value();
  double total = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_number()) stdlib::type_error(".average()", element_problem(i, list[i], "a number"));
    total += list[i].as_number();
  }
  return Value(total / static_cast<double>(list.size()));
}

// The ordering all elements share, or a type error naming the first misfit.
void check_orderable(const List& list, std::string_view callee) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Value& e = list[i];
    if (!is_orderable(e.type())) {
      stdlib::type_error(callee, element_problem(i, e, "numbers, strings, durations, timestamps or semvers"));
    }
    if (i > 0 && !compare_values(list[0], e)) {
      stdlib::type_error(callee, "cannot order " + std::string(type_name(list[0].type())) + " and " +
                                     std::string(type_name(e.type())) + " (element " + std::to_string(i) + ")");
    }
  }
}

Value extreme(const List& list, std::string_view callee, int want) {
  if (list.empty()) return Value();
  check_orderable(list, callee);
  std::size_t best = 0;
  for (std::size_t i = 1; i < list.size(); ++i) {
    if (*compare_values(list[i], list[best]) * want > 0) best = i;
  }
  return list[best];
}

struct ValueHash {
  std::size_t operator()(const Value* v) const noexcept { return hash_value(*v); }
};
struct ValueEq {
  bool operator()(const Value* a, const Value* b) const noexcept { return equals(*a, *b); }
};

Value distinct(CallContext& ctx, const Value& receiver) {
  const List& list = receiver.as_list();
  if (list.size() < 2) return receiver;
  List out;
  if (list.size() <= 16) {
    // Small lists (the usual case): a quadratic scan beats building a hash set.
    for (const Value& e : list) {
      if (std::none_of(out.begin(), out.end(), [&](const Value& seen) { return equals(seen, e); })) out.push_back(e);
    }
  } else {
    std::unordered_set<const Value*, ValueHash, ValueEq> seen;
    seen.reserve(list.size());
    for (const Value& e : list) {
      if (seen.insert(&e).second) out.push_back(e);
    }
  }
  if (out.size() == list.size()) return receiver;
  ctx.check_list_size(out.size());
  return Value(std::move(out));
}

Value sort(const Value& receiver) {
  const List& list = receiver.as_list();
  check_orderable(list, ".sort()");
  if (std::is_sorted(list.begin(), list.end(),
                     [](const Value& a, const Value& b) { return *compare_values(a, b) < 0; })) {
    return receiver;
  }
  List out = list;
  std::stable_sort(out.begin(), out.end(), [](const Value& a, const Value& b) { return *compare_values(a, b) < 0; });
  return Value(std::move(out));
}

Value join(CallContext& ctx, const List& list, std::string_view sep) {
  std::vector<std::string> texts;  // only for non-string elements
  std::size_t total = list.empty() ? 0 : sep.size() * (list.size() - 1);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Value& e = list[i];
    switch (e.type()) {
      case Type::String: total += e.as_string().size(); break;
      case Type::Int:
      case Type::Double:
      case Type::Bool:
        texts.push_back(to_display_text(e));
        total += texts.back().size();
        break;
      default: stdlib::type_error(".join()", element_problem(i, e, "a string, number or bool"));
    }
  }
  ctx.check_string_size(total);
  std::string out;
  out.reserve(total);
  std::size_t next_text = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += sep;
    out += list[i].type() == Type::String ? list[i].as_string() : texts[next_text++];
  }
  return Value(std::move(out));
}

bool contains(const List& list, const Value& needle) {
  if (needle.type() == Type::String) {
    // The common case (`["a", "b"].contains(x)`): compare strings without the generic dispatch.
    const std::string_view s = needle.as_string();
    return std::any_of(list.begin(), list.end(),
                       [&](const Value& e) { return e.type() == Type::String && e.as_string() == s; });
  }
  return std::any_of(list.begin(), list.end(), [&](const Value& e) { return equals(e, needle); });
}

}  // namespace

void register_lists(Registry& registry) {
  constexpr auto L = StaticType::List;
  constexpr auto U = StaticType::Unknown;
  constexpr stdlib::SpecOptions kExtension{.extension = true};

  registry.add(property("length", L, StaticType::Int, "number of elements",
                        [](CallContext&, std::span<const Value> args) {
                          return Value(static_cast<std::int64_t>(args[0].as_list().size()));
                        }));
  registry.add(method("contains", L, {param("v", U)}, StaticType::Bool, "whether an element equals v",
                      [](CallContext&, std::span<const Value> args) {
                        return Value(contains(args[0].as_list(), args[1]));
                      },
                      kExtension));
  registry.add(method("first", L, {}, U, "the first element, or null for an empty list",
                      [](CallContext&, std::span<const Value> args) {
                        const List& l = args[0].as_list();
                        return l.empty() ? Value() : l.front();
                      },
                      kExtension));
  registry.add(method("last", L, {}, U, "the last element, or null for an empty list",
                      [](CallContext&, std::span<const Value> args) {
                        const List& l = args[0].as_list();
                        return l.empty() ? Value() : l.back();
                      },
                      kExtension));
  registry.add(method("sum", L, {}, StaticType::Number, "the sum (an int for ints, else a double; 0 when empty)",
                      [](CallContext&, std::span<const Value> args) { return sum(args[0].as_list()); },
                      kExtension));
  // Nullable results are Unknown: StaticType has no "double or null".
  registry.add(method("average", L, {}, U, "the mean as a double, or null for an empty list",
                      [](CallContext&, std::span<const Value> args) { return average(args[0].as_list()); }));
  registry.add(method("min", L, {}, U, "the smallest element, or null for an empty list",
                      [](CallContext&, std::span<const Value> args) {
                        return extreme(args[0].as_list(), ".min()", -1);
                      },
                      kExtension));
  registry.add(method("max", L, {}, U, "the largest element, or null for an empty list",
                      [](CallContext&, std::span<const Value> args) {
                        return extreme(args[0].as_list(), ".max()", 1);
                      },
                      kExtension));
  registry.add(method("distinct", L, {}, L, "the elements without repeats, first occurrences in order",
                      [](CallContext& ctx, std::span<const Value> args) { return distinct(ctx, args[0]); },
                      kExtension));
  registry.add(method("sort", L, {}, L, "the elements in ascending order (all of one orderable type)",
                      [](CallContext&, std::span<const Value> args) { return sort(args[0]); }, kExtension));
  registry.add(method("join", L, {param("sep", StaticType::String)}, StaticType::String,
                      "the elements' text joined with sep (strings, numbers, bools)",
                      [](CallContext& ctx, std::span<const Value> args) {
                        return join(ctx, args[0].as_list(), args[1].as_string());
                      },
                      kExtension));
}

}  // namespace cql
