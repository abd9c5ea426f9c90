// jq(value, program) (spec/cql.md §6). The only libjq code.
//
// libjq 1.6 keeps its run state inside the compiled jq_state, so a compiled program cannot be
// shared between threads: each evaluating thread keeps its own small cache of compiled
// programs (compiling takes ~15-20 ms, running a simple program ~1.5 µs). Programs in the fast
// subset of jq_fast_path.cpp never reach libjq unless an input needs jq's own error.
//
// Sandbox: every program is compiled behind a prelude that hides the process environment
// (`env`, `$ENV`: it may hold credentials), module loading (`import`/`include` become syntax
// errors, `modulemeta`/`get_search_list` are stubbed: libjq 1.6 aborts the process on them
// without a library path), `stderr` output and the absent inputs. Known limit: libjq cannot
// be interrupted, so a program that loops without producing output (`last(range(1e12))`)
// runs until it ends; programs that produce outputs are bounded by the evaluation limits.
extern "C" {
#include <jq.h>
}

#include <climits>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cql/registry.hpp"
#include "cql/time.hpp"
#include "eval/json_value.hpp"
#include "stdlib/families.hpp"
#include "stdlib/jq_support.hpp"
#include "stdlib/native_support.hpp"

namespace cql {
namespace jq_support {
namespace {

// No newline: line numbers in libjq's messages stay those of the rule's program.
constexpr std::string_view kPrelude =
    "def env: {}; def get_search_list: []; def modulemeta: error(\"jq modules are not available\"); "
    "def stderr: .; def input: error(\"jq() has no further inputs\"); def inputs: empty; {} as $ENV | ";

// Owns one jv reference.
class Jv {
 public:
  explicit Jv(jv v) : v_(v) {}
  ~Jv() { jv_free(v_); }
  Jv(const Jv&) = delete;
  Jv& operator=(const Jv&) = delete;
  jv get() const { return v_; }     // borrowed
  jv copy() const { return jv_copy(v_); }
  jv_kind kind() const { return jv_get_kind(v_); }

 private:
  jv v_;
};

std::string jv_text(const Jv& v) {
  if (v.kind() == JV_KIND_STRING) return std::string(jv_string_value(v.get()), jv_string_length_bytes(v.copy()));
  Jv dumped(jv_dump_string(v.copy(), 0));
  return jv_string_value(dumped.get());
}

jv to_jv(const Value& value) {
  switch (value.type()) {
    case Type::Null: return jv_null();
    case Type::Bool: return value.as_bool() ? jv_true() : jv_false();
    case Type::Int: return jv_number(static_cast<double>(value.as_int()));
    case Type::Double: return jv_number(value.as_double());
    case Type::String: {
      const std::string_view s = value.as_string();
      return jv_string_sized(s.data(), static_cast<int>(std::min<std::size_t>(s.size(), INT_MAX)));
    }
    case Type::List: {
      jv array = jv_array_sized(static_cast<int>(value.as_list().size()));
      for (const Value& e : value.as_list()) array = jv_array_append(array, to_jv(e));
      return array;
    }
    case Type::Object: {
      jv object = jv_object();
      for (const auto& [key, v] : value.as_object().entries()) {
        object = jv_object_set(object, jv_string_sized(key.data(), static_cast<int>(key.size())), to_jv(v));
      }
      return object;
    }
    case Type::Duration:
    case Type::Timestamp:
    case Type::Semver:
    case Type::Namespace: return to_jv(to_jq_domain(value));
  }
  return jv_null();
}

Value from_jv(const Jv& v, CallContext& ctx) {
  switch (v.kind()) {
    case JV_KIND_TRUE: return Value(true);
    case JV_KIND_FALSE: return Value(false);
    case JV_KIND_NUMBER: return number_value(jv_number_value(v.get()));
    case JV_KIND_STRING: {
      const auto size = static_cast<std::size_t>(jv_string_length_bytes(v.copy()));
      ctx.check_string_size(size);
      return Value(std::string(jv_string_value(v.get()), size));
    }
    case JV_KIND_ARRAY: {
      const int n = jv_array_length(v.copy());
      ctx.check_list_size(static_cast<std::size_t>(n));
      List list;
      list.reserve(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) list.push_back(from_jv(Jv(jv_array_get(v.copy(), i)), ctx));
      return Value(std::move(list));
    }
    case JV_KIND_OBJECT: {
      std::vector<std::pair<std::string, Value>> entries;
      for (int it = jv_object_iter(v.get()); jv_object_iter_valid(v.get(), it); it = jv_object_iter_next(v.get(), it)) {
        Jv key(jv_object_iter_key(v.get(), it));
        Jv value(jv_object_iter_value(v.get(), it));
        entries.emplace_back(jv_text(key), from_jv(value, ctx));
      }
      ctx.check_list_size(entries.size());
      return Value(Object(std::move(entries)));
    }
    default: return Value();  // null (invalid never reaches here)
  }
}

// `jq: error: tonumbr/0 is not defined at <top-level>, line 1:` -> `tonumbr/0 is not defined`
// (with `(line N)` for a multi-line program).
std::string clean_compile_error(const std::string& raw, bool multi_line) {
  std::string text = raw.substr(0, raw.find('\n'));
  constexpr std::string_view kPrefix = "jq: error: ";
  if (text.starts_with(kPrefix)) text.erase(0, kPrefix.size());
  constexpr std::string_view kShell = " (Unix shell quoting issues?)";
  if (auto p = text.find(kShell); p != std::string::npos) text.erase(p, kShell.size());
  constexpr std::string_view kWhere = " at <top-level>, line ";
  if (auto p = text.find(kWhere); p != std::string::npos) {
    std::string line = text.substr(p + kWhere.size());
    if (!line.empty() && line.back() == ':') line.pop_back();
    text.erase(p);
    if (multi_line) text += " (line " + line + ")";
  }
  return text.empty() ? "invalid jq program" : text;
}

class CompiledJq {
 public:
  explicit CompiledJq(const std::string& program) : jq_(jq_init()) {
    if (jq_ == nullptr) {
      error_ = "libjq could not be initialised";
      return;
    }
    jq_set_error_cb(jq_, &CompiledJq::collect_error, this);
    jq_set_debug_cb(jq_, [](void*, jv msg) { jv_free(msg); }, nullptr);
    if (!jq_compile(jq_, (std::string(kPrelude) + program).c_str())) {
      error_ = clean_compile_error(messages_, program.find('\n') != std::string::npos);
    }
  }
  ~CompiledJq() {
    if (jq_ != nullptr) jq_teardown(&jq_);
  }
  CompiledJq(const CompiledJq&) = delete;
  CompiledJq& operator=(const CompiledJq&) = delete;

  const std::optional<std::string>& error() const { return error_; }

  Value run(const Value& input, CallContext& ctx) {
    jq_start(jq_, to_jv(input), 0);
    List outputs;
    while (true) {
      Jv result(jq_next(jq_));
      if (!jv_is_valid(result.get())) {
        if (jv_invalid_has_msg(result.copy())) {
          Jv message(jv_invalid_get_msg(result.copy()));
          stdlib::eval_error("jq()", jv_text(message));
        }
        break;
      }
      outputs.push_back(from_jv(result, ctx));
      ctx.charge_steps(1);
      if ((outputs.size() & 0xFF) == 0) ctx.check_list_size(outputs.size());
    }
    if (jq_halted(jq_)) {
      Jv code(jq_get_exit_code(jq_));
      Jv message(jq_get_error_message(jq_));
      const bool failed = jv_is_valid(code.get()) && !(code.kind() == JV_KIND_NUMBER && jv_number_value(code.get()) == 0);
      if (failed) {
        stdlib::eval_error("jq()", "halt_error: " + (jv_is_valid(message.get()) ? jv_text(message) : "(no message)"));
      }
    }
    return collect_outputs(std::move(outputs), ctx);
  }

 private:
  static void collect_error(void* self, jv message) {
    Jv owned(message);
    auto* compiled = static_cast<CompiledJq*>(self);
    if (owned.kind() == JV_KIND_STRING) compiled->messages_ += jv_text(owned) + "\n";
  }

  jq_state* jq_;
  std::string messages_;
  std::optional<std::string> error_;
};

// Compiled programs of the current thread, least recently used first out. A compiled state
// costs ~6 KB, so the bound is generous: a rule set's distinct programs must never thrash
// (a recompilation costs ~15 ms).
class ThreadJqCache {
 public:
  CompiledJq& get(const std::string& program) {
    if (auto it = index_.find(program); it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return *it->second->second;
    }
    if (lru_.size() >= kCapacity) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
    lru_.emplace_front(program, std::make_unique<CompiledJq>(program));
    index_.emplace(program, lru_.begin());
    return *lru_.front().second;
  }

 private:
  static constexpr std::size_t kCapacity = 256;
  using Entry = std::pair<std::string, std::unique_ptr<CompiledJq>>;
  std::list<Entry> lru_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

CompiledJq& compiled(const std::string& program) {
  thread_local ThreadJqCache cache;
  return cache.get(program);
}

std::string invalid_program(const std::string& program, const std::string& error) {
  return "invalid jq program " + stdlib::quote_for_message(program) + ": " + error;
}

// The state prepared for a call site with a constant program.
struct PreparedJq {
  std::string program;
  std::shared_ptr<const FastProgram> fast;  // null: libjq
};

}  // namespace

Value collect_outputs(List outputs, CallContext& ctx) {
  if (outputs.empty()) return Value();
  if (outputs.size() == 1) return std::move(outputs.front());
  ctx.check_list_size(outputs.size());
  return Value(std::move(outputs));
}

std::optional<std::string> libjq_compile_error(const std::string& program) { return compiled(program).error(); }

Value run_libjq(const std::string& program, const Value& input, CallContext& ctx) {
  CompiledJq& jq = compiled(program);
  if (jq.error()) stdlib::eval_error("jq()", invalid_program(program, *jq.error()));
  return jq.run(input, ctx);
}

}  // namespace jq_support

void register_jq(Registry& registry) {
  using namespace jq_support;
  FunctionSpec spec = stdlib::global(
      "jq", {stdlib::param("value", StaticType::Unknown), stdlib::param("program", StaticType::String)},
      StaticType::Unknown, "runs a jq program on the value: no output is null, one is the value, several a list",
      [](CallContext& ctx, std::span<const Value> args) {
        if (const auto* prepared = static_cast<const PreparedJq*>(ctx.prepared())) {
          if (prepared->fast) {
            if (auto result = run_fast(*prepared->fast, args[0], ctx)) return std::move(*result);
          }
          return run_libjq(prepared->program, args[0], ctx);
        }
        const std::string_view program = args[1].as_string();
        if (auto fast = parse_fast(program)) {
          if (auto result = run_fast(*fast, args[0], ctx)) return std::move(*result);
        }
        return run_libjq(std::string(program), args[0], ctx);  // computed programs are rare
      });
  spec.prepare = [](std::span<const std::optional<Value>> constants) {
    PrepareResult result;
    if (constants.size() < 2 || !constants[1] || constants[1]->type() != Type::String) return result;
    auto prepared = std::make_shared<PreparedJq>();
    prepared->program = constants[1]->as_string();
    prepared->fast = parse_fast(prepared->program);
    // Only programs outside the fast subset need libjq's (slow) compiler to be validated.
    if (!prepared->fast) {
      if (auto error = libjq_compile_error(prepared->program)) {
        result.error = invalid_program(prepared->program, *error);
        result.bad_argument = 1;
        return result;
      }
    }
    result.state = std::move(prepared);
    return result;
  };
  registry.add(std::move(spec));
}

}  // namespace cql
