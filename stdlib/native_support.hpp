#pragma once
// Shared helpers for the stdlib families: FunctionSpec builders and the wording of native
// errors, so every family's messages read the same. A run-time error reads
// `<callee>: <what went wrong>`, where the callee is `.name()` for a method, `.name` for a
// property and `name()` for a function. A prepare() error has no callee prefix, since its
// diagnostic points at the argument itself: `"P7X" is not an ISO-8601 duration`.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cql/registry.hpp"

namespace cql::stdlib {

inline ParamSpec param(std::string name, StaticType type) {
  ParamSpec p;
  p.name = std::move(name);
  p.type = type;
  return p;
}

struct SpecOptions {
  bool extension = false;
  bool pure = true;
};

// A method on `receiver` (passed to the native as args[0]).
inline FunctionSpec method(std::string name, StaticType receiver, std::vector<ParamSpec> params, StaticType result,
                           std::string summary, NativeFunction fn, SpecOptions options = {}) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.receiver = receiver;
  spec.params = std::move(params);
  spec.result = result;
  spec.summary = std::move(summary);
  spec.function = std::move(fn);
  spec.extension = options.extension;
  spec.pure = options.pure;
  return spec;
}

// A property (`x.length`): a method without parentheses or parameters.
inline FunctionSpec property(std::string name, StaticType receiver, StaticType result, std::string summary,
                             NativeFunction fn, SpecOptions options = {}) {
  FunctionSpec spec = method(std::move(name), receiver, {}, result, std::move(summary), std::move(fn), options);
  spec.is_property = true;
  return spec;
}

// A global function (`duration(...)`).
inline FunctionSpec global(std::string name, std::vector<ParamSpec> params, StaticType result, std::string summary,
                           NativeFunction fn, SpecOptions options = {}) {
  FunctionSpec spec = method(std::move(name), StaticType::Unknown, std::move(params), result, std::move(summary),
                             std::move(fn), options);
  spec.receiver.reset();
  return spec;
}

[[noreturn]] inline void type_error(std::string_view callee, std::string_view detail) {
  fail(ErrorKind::Type, std::string(callee) + ": " + std::string(detail));
}

[[noreturn]] inline void eval_error(std::string_view callee, std::string_view detail) {
  fail(ErrorKind::Eval, std::string(callee) + ": " + std::string(detail));
}

// `"text"` with CQL escapes, cut to a readable length, for quoting user data in messages.
std::string quote_for_message(std::string_view text);

// The argument that a prepare() for a method looks at: the last constant, which is the method's
// only parameter whether or not the receiver is counted in `constants`.
inline const std::optional<Value>& last_constant(std::span<const std::optional<Value>> constants) {
  return constants.back();
}

// A prepare() that checks a constant text argument at `index` (when it is a constant string):
// `problem` returns the error message for bad text, nullopt for good text.
inline PrepareFunction validate_constant_text(std::size_t index,
                                              std::function<std::optional<std::string>(std::string_view)> problem) {
  return [index, problem = std::move(problem)](std::span<const std::optional<Value>> constants) {
    PrepareResult result;
    if (index < constants.size() && constants[index] && constants[index]->type() == Type::String) {
      result.error = problem(constants[index]->as_string());
      result.bad_argument = index;
    }
    return result;
  };
}

}  // namespace cql::stdlib
