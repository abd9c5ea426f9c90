// Calls, methods and fields: the one adapter that checks arguments before a native runs, the
// run-time choice of a method by the receiver's type, object getters, properties, and
// declared-only calls answered by a namespace fallback with the call's canonical text.
#include <cstddef>
#include <memory>
#include <new>

#include <fmt/format.h>

#include "cql/entity.hpp"
#include "eval/canonical_call.hpp"
#include "eval/coerce.hpp"
#include "eval/evaluation.hpp"

namespace cql::eval {
namespace {

const Value kNull;

// Arguments of most calls fit on the stack.
constexpr std::size_t kInlineArgs = 6;

// Only the `n` values a call uses are constructed (and destroyed): a zero-argument call such as
// entity.tag() would otherwise pay for six Values every time.
class ArgBuffer {
 public:
  explicit ArgBuffer(std::size_t n) : size_(n) {
    if (n > kInlineArgs) {
      heap_.resize(n);
    } else {
      std::uninitialized_value_construct_n(inline_values(), n);
    }
  }
  ~ArgBuffer() {
    if (size_ <= kInlineArgs) std::destroy_n(inline_values(), size_);
  }
  ArgBuffer(const ArgBuffer&) = delete;
  ArgBuffer& operator=(const ArgBuffer&) = delete;

  std::span<Value> view() {
    return size_ > kInlineArgs ? std::span<Value>(heap_) : std::span<Value>(inline_values(), size_);
  }

 private:
  Value* inline_values() { return std::launder(reinterpret_cast<Value*>(inline_)); }

  alignas(Value) std::byte inline_[kInlineArgs * sizeof(Value)];
  std::vector<Value> heap_;
  std::size_t size_;
};

std::string_view article_type(StaticType t) { return static_type_name(t); }

// Whether a run-time value fits a declared receiver or parameter type as it is.
bool fits(StaticType wanted, Type actual) {
  switch (wanted) {
    case StaticType::Unknown: return true;
    case StaticType::Number: return actual == Type::Int || actual == Type::Double;
    case StaticType::Double: return actual == Type::Double || actual == Type::Int;
    case StaticType::Null: return actual == Type::Null;
    case StaticType::Bool: return actual == Type::Bool;
    case StaticType::Int: return actual == Type::Int;
    case StaticType::String: return actual == Type::String;
    case StaticType::List: return actual == Type::List;
    case StaticType::Object: return actual == Type::Object;
    case StaticType::Duration: return actual == Type::Duration;
    case StaticType::Timestamp: return actual == Type::Timestamp;
    case StaticType::Semver: return actual == Type::Semver;
    case StaticType::Namespace: return actual == Type::Namespace;
    case StaticType::Lambda: return false;
  }
  return false;
}

// A data string read as the duration or timestamp that `wanted` asks for.
std::optional<Value> coerced(StaticType wanted, const Value& value) {
  if (value.type() != Type::String) return std::nullopt;
  if (wanted == StaticType::Duration) {
    if (auto d = coerce_duration(value)) return Value(*d);
  } else if (wanted == StaticType::Timestamp) {
    if (auto t = coerce_timestamp(value)) return Value(*t);
  }
  return std::nullopt;
}

std::string callee_name(const plan::CallSite& site, bool method) {
  if (method) return fmt::format(".{}()", site.name);
  if (!site.namespace_name.empty()) return fmt::format("{}.{}()", site.namespace_name, site.name);
  return fmt::format("{}()", site.name);
}

}  // namespace

void Evaluation::check_namespace_present(const plan::Node& node, const plan::CallSite& site) {
  if (site.ns == nullptr || site.namespace_name.empty() || !site.ns->is_present) return;
  context();  // never folded
  bool present = false;
  try {
    present = site.ns->is_present(*this);
  } catch (EvalFailure& f) {
    raise(node, f.kind, std::move(f.message));
  }
  if (!present) {
    raise(node, ErrorKind::Provider,
          fmt::format("`{}` has no data for entity `{}`", site.namespace_name, context().entity.tag));
  }
}

void Evaluation::evaluate_arguments(const plan::Binding& binding, std::span<Value> out) {
  for (std::uint32_t i = 0; i < binding.count; ++i) out[i] = eval_owned(kids_[binding.first_kid + i]);
}

// The adapter of conventions.md §6: arguments are checked (and data strings converted to the
// durations/timestamps a parameter asks for) here, so natives can rely on their declared types
// and every argument error reads the same. `args` holds the receiver first for a method.
Value Evaluation::run_native(const plan::Node& node, const plan::Binding& binding, std::span<Value> args) {
  const FunctionSpec& spec = *binding.spec;
  const std::size_t offset = args.size() - spec.params.size();
  for (std::size_t i = 0; i < spec.params.size(); ++i) {
    const ParamSpec& param = spec.params[i];
    Value& arg = args[offset + i];
    if (fits(param.type, arg.type())) {
      if (param.type == StaticType::Double && arg.type() == Type::Int) arg = Value(static_cast<double>(arg.as_int()));
      continue;
    }
    if (auto converted = coerced(param.type, arg)) {
      arg = std::move(*converted);
      continue;
    }
    const ast::Node* at = nodes_[kids_[binding.first_kid + i]].ast;
    std::string message = fmt::format("argument `{}` of `{}` must be {}, got {}", param.name,
                                      callee_name(plan_.calls[node.op == plan::Op::Method ? node.b : node.a],
                                                  node.op == plan::Op::Method),
                                      article_type(param.type), type_name(arg.type()));
    if (arg.is_null()) message += ": " + null_note(at);
    throw LocatedError{ErrorKind::Type, std::move(message), at};
  }
  prepared_ = binding.prepared.get();
  try {
    return spec.function(*this, args);
  } catch (EvalFailure& f) {
    throw LocatedError{f.kind, std::move(f.message), node.ast};
  }
}

Value Evaluation::run_fallback(const plan::Node& node, const plan::CallSite& site, const std::string& canonical) {
  if (site.ns == nullptr || !site.ns->fallback) {
    raise(node, ErrorKind::Provider, fmt::format("no data source answers `{}`", callee_name(site, false)));
  }
  context();  // facts are per entity: never folded
  try {
    return site.ns->fallback(*this, canonical);
  } catch (EvalFailure& f) {
    throw LocatedError{f.kind, std::move(f.message), node.ast};
  }
}

const Value& Evaluation::call(const plan::Node& node, Value& tmp) {
  const plan::CallSite& site = plan_.calls[node.a];
  check_namespace_present(node, site);
  switch (site.kind) {
    case plan::CallKind::Native: {
      const plan::Binding& binding = site.candidates.front();
      ArgBuffer buffer(binding.count);
      evaluate_arguments(binding, buffer.view());
      tmp = run_native(node, binding, buffer.view());
      return tmp;
    }
    case plan::CallKind::Declared: {
      if (const std::string* canonical = plan_.canonical_text(site)) {
        tmp = run_fallback(node, site, *canonical);
        return tmp;
      }
      const plan::Binding& binding = site.candidates.front();
      ArgBuffer buffer(binding.count);
      evaluate_arguments(binding, buffer.view());
      tmp = run_fallback(node, site, canonical_call(site.name, binding.spec->params, buffer.view(), binding.written));
      return tmp;
    }
    case plan::CallKind::AnyCall: {
      if (const std::string* canonical = plan_.canonical_text(site)) {
        tmp = run_fallback(node, site, *canonical);
        return tmp;
      }
      ArgBuffer buffer(site.count);
      std::span<Value> args = buffer.view();
      for (std::uint32_t i = 0; i < site.count; ++i) args[i] = eval_owned(kids_[site.first_kid + i]);
      tmp = run_fallback(node, site, canonical_any_call(site.name, plan_.fallback_calls[site.fallback].arg_names, args));
      return tmp;
    }
  }
  raise(node, ErrorKind::Eval, "internal error: unknown call kind");
}

const Value& Evaluation::method(const plan::Node& node, Value& tmp) {
  const plan::CallSite& site = plan_.calls[node.b];
  const Value& receiver = eval(node.a, tmp);  // may live in tmp: copied into args before tmp is reused
  const Type type = receiver.type();
  const plan::Binding* chosen = nullptr;
  for (const plan::Binding& b : site.candidates) {
    if (fits(*b.spec->receiver, type)) {
      chosen = &b;
      break;
    }
  }
  std::optional<Value> converted;
  if (chosen == nullptr) {
    for (const plan::Binding& b : site.candidates) {
      if ((converted = coerced(*b.spec->receiver, receiver))) {
        chosen = &b;
        break;
      }
    }
  }
  if (chosen == nullptr) {
    if (type == Type::Object && site.getter) {
      if (const Value* field = receiver.as_object().find(site.name)) return *field;
      raise(node, ErrorKind::Type, fmt::format("object has no field or method `{}`", site.name));
    }
    if (type == Type::Null) {
      raise(node, ErrorKind::Type,
            fmt::format("cannot call .{}() on null: {}", site.name, null_note(nodes_[node.a].ast)));
    }
    raise(node, ErrorKind::Type, fmt::format("no method `.{}()` on {}", site.name, type_name(type)));
  }
  ArgBuffer buffer(chosen->count + 1);
  std::span<Value> args = buffer.view();
  args[0] = converted ? std::move(*converted) : Value(receiver);
  evaluate_arguments(*chosen, args.subspan(1));
  tmp = run_native(node, *chosen, args);
  return tmp;
}

const Value& Evaluation::field(const plan::Node& node, Value& tmp) {
  const plan::FieldSite& site = plan_.fields[node.b];
  const Value& receiver = eval(node.a, tmp);
  const Type type = receiver.type();
  if (type == Type::Object) {
    // On objects the field wins over a property of the same name (spec/cql.md §11).
    if (const Value* v = receiver.as_object().find(site.name)) return *v;
  } else if (type == Type::Null) {
    raise(node, ErrorKind::Type, fmt::format("cannot read .{} of null: {}", site.name, null_note(nodes_[node.a].ast)));
  }
  const FunctionSpec* property = nullptr;
  std::optional<Value> converted;
  for (const FunctionSpec* spec : site.properties) {
    if (fits(*spec->receiver, type)) {
      property = spec;
      break;
    }
  }
  if (property == nullptr) {
    for (const FunctionSpec* spec : site.properties) {
      if ((converted = coerced(*spec->receiver, receiver))) {
        property = spec;
        break;
      }
    }
  }
  if (property == nullptr) {
    if (type == Type::Object) return kNull;  // a missing field
    if (!site.properties.empty()) {
      raise(node, ErrorKind::Type, fmt::format("`.{}` needs {}, got {}", site.name,
                                               static_type_name(*site.properties.front()->receiver), type_name(type)));
    }
    raise(node, ErrorKind::Type, fmt::format("{} has no field `{}`", type_name(type), site.name));
  }
  Value args[1] = {converted ? std::move(*converted) : Value(receiver)};
  prepared_ = nullptr;
  try {
    tmp = property->function(*this, std::span<const Value>(args, 1));
  } catch (EvalFailure& f) {
    raise(node, f.kind, std::move(f.message));
  }
  return tmp;
}

}  // namespace cql::eval
