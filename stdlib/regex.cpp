// Regex methods (spec/cql.md §5): RE2 syntax, linear-time matching. The only RE2 code.
//
// A constant pattern is compiled once by prepare() (an invalid one is a compile error) and
// the compiled RE2 travels with the call site. A computed pattern is compiled at run time
// through a small shared cache, since rules usually compute the same few patterns for every
// entity; an invalid computed pattern is an eval error. RE2 objects are immutable and safe to
// use from many threads at once.
#include <re2/re2.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cql/registry.hpp"
#include "cql/text_hash.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {
namespace {

using stdlib::method;
using stdlib::param;

struct Compiled {
  std::shared_ptr<const RE2> re;
  std::string error;  // RE2's description when the pattern is invalid
};

Compiled compile(std::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) return {nullptr, re->error()};
  return {std::move(re), {}};
}

std::string invalid_message(std::string_view pattern, const std::string& error) {
  return "invalid regular expression " + stdlib::quote_for_message(pattern) + ": " + error;
}

// Bounded, thread-safe cache of computed patterns; the oldest entry goes first when full.
class RegexCache {
 public:
  std::shared_ptr<const RE2> get(std::string_view pattern, std::string_view callee) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = entries_.find(pattern); it != entries_.end()) return it->second;
    }
    Compiled c = compile(pattern);  // outside the lock: compiling can take a while
    if (!c.re) stdlib::eval_error(callee, invalid_message(pattern, c.error));
    std::lock_guard lock(mutex_);
    if (entries_.emplace(std::string(pattern), c.re).second) {
      order_.emplace_back(pattern);
      if (order_.size() > kCapacity) {
        entries_.erase(order_.front());
        order_.pop_front();
      }
    }
    return c.re;
  }

 private:
  static constexpr std::size_t kCapacity = 64;
  std::mutex mutex_;
  // Looked up by the pattern's view: no copy of the text for a hit.
  std::unordered_map<std::string, std::shared_ptr<const RE2>, TextHash, std::equal_to<>> entries_;
  std::deque<std::string> order_;
};

RegexCache& cache() {
  static RegexCache instance;
  return instance;
}

// The regex for this call: the one prepared at compile time, or the computed pattern's.
// `holder` keeps a cached regex alive for the duration of the call.
const RE2& regex_for(CallContext& ctx, const Value& pattern, std::string_view callee,
                     std::shared_ptr<const RE2>& holder) {
  if (const void* prepared = ctx.prepared()) return *static_cast<const RE2*>(prepared);
  holder = cache().get(pattern.as_string(), callee);
  return *holder;
}

PrepareResult prepare_pattern(std::span<const std::optional<Value>> constants) {
  PrepareResult result;
  if (constants.empty()) return result;
  const auto& pattern = stdlib::last_constant(constants);
  if (!pattern || pattern->type() != Type::String) return result;  // computed, or the checker reports the type
  Compiled c = compile(pattern->as_string());
  if (!c.re) {
    result.error = invalid_message(pattern->as_string(), c.error);
    result.bad_argument = constants.size() - 1;
    return result;
  }
  result.state = std::move(c.re);
  return result;
}

// The text anyMatch tests for one element: the string itself, or an object's `url`, else its
// `name` field. Other elements never match.
bool element_matches(const Value& element, const RE2& re) {
  if (element.type() == Type::String) return RE2::FullMatch(element.as_string(), re);
  if (element.type() != Type::Object) return false;
  for (const char* field : {"url", "name"}) {
    const Value* v = element.as_object().find(field);
    if (v != nullptr && v->type() == Type::String && RE2::FullMatch(v->as_string(), re)) return true;
  }
  return false;
}

FunctionSpec with_prepare(FunctionSpec spec) {
  spec.prepare = prepare_pattern;
  return spec;
}

}  // namespace

void register_regex(Registry& registry) {
  constexpr auto S = StaticType::String;

  registry.add(with_prepare(method(
      "matches", S, {param("re", S)}, StaticType::Bool, "whether the whole string matches the RE2 regex",
      [](CallContext& ctx, std::span<const Value> args) {
        std::shared_ptr<const RE2> holder;
        return Value(RE2::FullMatch(args[0].as_string(), regex_for(ctx, args[1], ".matches()", holder)));
      })));
  registry.add(with_prepare(method(
      "matchesIn", S, {param("re", S)}, StaticType::Bool, "whether the RE2 regex matches somewhere in the string",
      [](CallContext& ctx, std::span<const Value> args) {
        std::shared_ptr<const RE2> holder;
        return Value(RE2::PartialMatch(args[0].as_string(), regex_for(ctx, args[1], ".matchesIn()", holder)));
      })));
  registry.add(with_prepare(method(
      "anyMatch", StaticType::List, {param("re", S)}, StaticType::Bool,
      "whether an element (a string, or an object's url or name) matches the whole RE2 regex",
      [](CallContext& ctx, std::span<const Value> args) {
        std::shared_ptr<const RE2> holder;
        const RE2& re = regex_for(ctx, args[1], ".anyMatch()", holder);
        for (const Value& element : args[0].as_list()) {
          if (element_matches(element, re)) return Value(true);
        }
        return Value(false);
      })));
}

}  // namespace cql
