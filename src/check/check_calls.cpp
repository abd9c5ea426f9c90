// Checking of calls, methods, fields and call arguments (spec/cql.md §2 arguments, §5 methods,
// §6 namespaces): every call is bound here to the FunctionSpec(s) that will run it.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker_impl.hpp"
#include "check/operator_types.hpp"
#include "check/suggest.hpp"
#include "compile/custom_key.hpp"

namespace cql::check {

namespace {

std::string type_text(StaticType t) { return std::string(static_type_name(t)); }

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string hint_for(const std::optional<std::string>& suggestion, std::string_view prefix, std::string_view suffix) {
  return suggestion ? fmt::format("did you mean `{}{}{}`?", prefix, *suggestion, suffix) : std::string();
}

// The result type of a call that may run one of several functions.
StaticType common_result(std::span<const plan::Binding> candidates, bool getter) {
  if (getter || candidates.empty()) return StaticType::Unknown;
  const StaticType first = candidates.front().spec->result;
  for (const auto& c : candidates) {
    if (c.spec->result != first) return StaticType::Unknown;
  }
  return first;
}

}  // namespace

std::string Checker::display_name(const ast::Node& call) const {
  if (call.receiver == nullptr) return fmt::format("{}()", call.name);
  if (call.receiver->kind == ast::NodeKind::Identifier && !is_parameter(call.receiver->name) &&
      names_.is_namespace(call.receiver->name)) {
    return fmt::format("{}.{}()", call.receiver->name, call.name);
  }
  return fmt::format(".{}()", call.name);
}

std::span<const Typed> Checker::visit_arguments(const ast::Node& call, bool lambdas_allowed) {
  const std::size_t first = arg_stack_.size();
  for (const auto& arg : call.args) {
    if (!lambdas_allowed && arg.value->kind == ast::NodeKind::Lambda) {
      error(arg.value->span, fmt::format("`{}` does not take a lambda; lambdas are the argument of filter(), "
                                         "map(), any(), all() or none()",
                                         display_name(call)));
      const Typed t = placeholder(*arg.value);
      arg_stack_.push_back(t);
      continue;
    }
    const Typed t = visit(*arg.value);
    arg_stack_.push_back(t);
  }
  return std::span<const Typed>(arg_stack_).subspan(first);
}

Typed Checker::visit_call(const ast::Node& node) {
  const ScratchMark args_mark(arg_stack_);
  if (node.receiver == nullptr) {
    const FunctionSpec* spec = names_.global(node.name);
    if (const auto lookup = visit_custom_key(node, spec)) return *lookup;
    return visit_global_call(node, spec, visit_arguments(node, false));
  }
  const ast::Node& receiver = *node.receiver;
  if (receiver.kind == ast::NodeKind::Identifier && !is_parameter(receiver.name) &&
      names_.is_namespace(receiver.name)) {
    return visit_namespace_call(node, receiver.name, visit_arguments(node, false));
  }
  const Typed target = visit(receiver);
  if (is_lambda_method(node.name)) return visit_lambda_method(node, target);
  const std::span<const Typed> args = visit_arguments(node, false);
  if (target.failed) return placeholder(node);  // the receiver's error says it all
  return visit_method(node, target, args);
}

// custom("key") with a string literal key is planned as the direct lookup the compile stage
// would turn the call into (compile/custom_key.hpp), at once: no call site, binding or argument
// node that would only be replaced. It is the most common call of real rules, so this is most
// of the checking of many of them. Everything else about the call (an unknown function, a
// wrong argument, an extension warning) takes the general path.
std::optional<Typed> Checker::visit_custom_key(const ast::Node& call, const FunctionSpec* spec) {
  if (spec == nullptr || call.args.size() != 1 || call.args[0].name ||
      call.args[0].value->kind != ast::NodeKind::Literal) {
    return std::nullopt;
  }
  const Value& key = call.args[0].value->literal;
  if (spec->extension || !plan::is_custom_key_lookup(*spec, key) ||
      !may_accept(spec->params[0].type, StaticType::String)) {
    return std::nullopt;
  }
  plan::Node n;
  plan::make_custom_key_lookup(n, plan_.add_constant(key), key.as_string());
  n.type = spec->result;
  n.ast = &call;
  return Typed{plan_.add_node(n), spec->result};
}

Typed Checker::visit_global_call(const ast::Node& node, const FunctionSpec* spec, std::span<const Typed> args) {
  const NamespaceSpec* fallback = names_.global_fallback();
  if (spec == nullptr) {
    if (fallback != nullptr && fallback->accepts_any_call) return any_call(node, "", fallback, args);
    std::vector<std::string_view> candidates = names_.global_names();
    error(node.name_span, fmt::format("unknown function `{}()`", node.name),
          hint_for(closest_name(node.name, candidates), "", "()"));
    return placeholder(node);
  }
  auto binding = bind(*spec, node, args, true);
  if (!binding) return placeholder(node);
  note_extension(*spec, node);
  plan::CallSite& site = add_call_site(spec->function ? plan::CallKind::Native : plan::CallKind::Declared);
  site.name = spec->name;  // the registry's copy: no string per call
  site.ns = spec->function ? nullptr : fallback;
  site.candidates.push_back(std::move(*binding));
  plan::Node n{plan::Op::Call};
  n.a = static_cast<std::uint32_t>(plan_.calls.size() - 1);
  n.type = spec->result;
  n.ast = &node;
  return {plan_.add_node(n), spec->result};
}

Typed Checker::visit_namespace_call(const ast::Node& node, std::string_view ns, std::span<const Typed> args) {
  const FunctionSpec* spec = names_.in_namespace(ns, node.name);
  const NamespaceSpec* ns_spec = names_.namespace_spec(ns);
  if (spec == nullptr) {
    if (ns_spec != nullptr && ns_spec->accepts_any_call) return any_call(node, ns, ns_spec, args);
    error(node.name_span, fmt::format("unknown function `{}.{}()`", ns, node.name),
          hint_for(closest_name(node.name, names_.namespace_function_names(ns)), std::string(ns) + ".", "()"));
    return placeholder(node);
  }
  auto binding = bind(*spec, node, args, true);
  if (!binding) return placeholder(node);
  note_extension(*spec, node);
  plan::CallSite& site = add_call_site(spec->function ? plan::CallKind::Native : plan::CallKind::Declared);
  site.name = spec->name;  // the registry's copies: no string per call
  site.namespace_name = spec->namespace_name;
  site.ns = ns_spec;
  site.candidates.push_back(std::move(*binding));
  plan::Node n{plan::Op::Call};
  n.a = static_cast<std::uint32_t>(plan_.calls.size() - 1);
  n.type = spec->result;
  n.ast = &node;
  return {plan_.add_node(n), spec->result};
}

Typed Checker::any_call(const ast::Node& node, std::string_view ns, const NamespaceSpec* spec,
                        std::span<const Typed> args) {
  plan::CallSite& site = add_call_site(plan::CallKind::AnyCall);
  site.name = node.name;  // views into the AST, which the Program owns
  site.namespace_name = ns;
  site.ns = spec;
  site.first_kid = static_cast<std::uint32_t>(plan_.kids.size());
  std::vector<std::string>& arg_names = plan_.fallback_calls[site.fallback].arg_names;
  for (std::size_t i = 0; i < args.size(); ++i) {
    add_kid(args[i].node);
    arg_names.emplace_back(node.args[i].name.value_or(""));
  }
  site.count = static_cast<std::uint32_t>(args.size());
  plan::Node n{plan::Op::Call};
  n.a = static_cast<std::uint32_t>(plan_.calls.size() - 1);
  n.ast = &node;
  return {plan_.add_node(n), StaticType::Unknown};
}

Typed Checker::visit_method(const ast::Node& node, Typed receiver, std::span<const Typed> args) {
  const std::string_view name = node.name;
  const auto& methods = names_.methods(name);
  const bool may_be_object = may_accept(StaticType::Object, receiver.type);
  if (methods.empty() && !names_.properties(name).empty()) {
    error(node.name_span, fmt::format("`{0}` is a property: write `.{0}` without parentheses", name));
    return placeholder(node);
  }
  ScratchStack<const FunctionSpec*, 8> fitting;  // the methods of this name that fit the receiver
  for (const FunctionSpec* spec : methods) {
    if (may_accept(*spec->receiver, receiver.type)) fitting.push_back(spec);
  }
  // A zero-argument call on an object without such a built-in reads the field of that name
  // (integration results expose getters: `verifications().lastVerifiedAt()`).
  const bool object_method = std::any_of(fitting.begin(), fitting.end(), [](const FunctionSpec* s) {
    return *s->receiver == StaticType::Object || *s->receiver == StaticType::Unknown;
  });
  const bool getter = args.empty() && may_be_object && !object_method;
  if (fitting.empty() && !getter) {
    if (methods.empty()) {
      std::vector<std::string_view> candidates = names_.method_names();
      candidates.insert(candidates.end(), {"filter", "map", "any", "all", "none"});
      error(node.name_span, fmt::format("unknown method `.{}()`", name), hint_for(closest_name(name, candidates), ".", "()"));
    } else if (receiver.type == StaticType::Null) {
      error(node.name_span, fmt::format("cannot call `.{}()` on null", name));
    } else {
      error(node.name_span, fmt::format("no method `.{}()` on {}", name, type_text(receiver.type)));
    }
    return placeholder(node);
  }

  plan::InlineVector<plan::Binding, 1> bound;
  for (const FunctionSpec* spec : fitting) {
    if (auto b = bind(*spec, node, args, fitting.size() == 1)) bound.push_back(std::move(*b));
  }
  if (bound.empty() && !fitting.empty()) {
    if (fitting.size() > 1) bind(*fitting[0], node, args, true);  // report why
    return placeholder(node);
  }
  if (!bound.empty() && std::all_of(bound.begin(), bound.end(), [](const auto& b) { return b.spec->extension; })) {
    note_extension(*bound.front().spec, node);
  }
  const StaticType result = common_result(std::span<const plan::Binding>(bound.data(), bound.size()), getter);
  plan::CallSite& site = add_call_site(plan::CallKind::Native);
  site.name = node.name;  // a view into the AST, which the Program owns
  site.candidates = std::move(bound);
  site.getter = getter;
  plan::Node n{plan::Op::Method};
  n.a = receiver.node;
  n.b = static_cast<std::uint32_t>(plan_.calls.size() - 1);
  n.type = result;
  n.ast = &node;
  return {plan_.add_node(n), result};
}

Typed Checker::visit_field(const ast::Node& node) {
  const ast::Node& receiver_node = *node.receiver;
  const std::string_view name = node.name;
  if (receiver_node.kind == ast::NodeKind::Identifier && !is_parameter(receiver_node.name) &&
      names_.is_namespace(receiver_node.name)) {
    const std::string_view ns = receiver_node.name;
    const NamespaceSpec* ns_spec = names_.namespace_spec(ns);
    if (names_.in_namespace(ns, name) != nullptr || (ns_spec != nullptr && ns_spec->accepts_any_call)) {
      error(node.name_span, fmt::format("`{0}.{1}` is a function: write `{0}.{1}()`", ns, name));
    } else {
      error(node.name_span, fmt::format("unknown function `{}.{}`", ns, name),
            hint_for(closest_name(name, names_.namespace_function_names(ns)), std::string(ns) + ".", "()"));
    }
    return placeholder(node);
  }

  const Typed receiver = visit(receiver_node);
  if (receiver.failed) return placeholder(node);
  plan::InlineVector<const FunctionSpec*, 2> properties;
  for (const FunctionSpec* spec : names_.properties(name)) {
    if (may_accept(*spec->receiver, receiver.type)) properties.push_back(spec);
  }
  const bool may_be_object = may_accept(StaticType::Object, receiver.type);
  if (properties.empty() && !may_be_object) {
    const bool is_method = is_lambda_method(name) ||
                           std::any_of(names_.methods(name).begin(), names_.methods(name).end(),
                                       [&](const FunctionSpec* s) { return may_accept(*s->receiver, receiver.type); });
    if (is_method) {
      error(node.name_span, fmt::format("`{0}` is a method: write `.{0}()`", name));
    } else if (receiver.type == StaticType::Null) {
      error(node.name_span, fmt::format("cannot read `.{}` of null", name));
    } else {
      error(node.name_span, fmt::format("{} has no field `{}`", type_text(receiver.type), name));
    }
    return placeholder(node);
  }
  // On objects the field wins; its type is only known at run time.
  const StaticType result =
      (!may_be_object && properties.size() == 1) ? properties.front()->result : StaticType::Unknown;
  plan::FieldSite site;
  site.name = node.name;  // a view into the AST, which the Program owns
  site.properties = std::move(properties);
  plan_.fields.push_back(std::move(site));
  plan::Node n{plan::Op::Field};
  n.a = receiver.node;
  n.b = static_cast<std::uint32_t>(plan_.fields.size() - 1);
  n.type = result;
  n.ast = &node;
  return {plan_.add_node(n), result};
}

std::optional<plan::Binding> Checker::bind(const FunctionSpec& spec, const ast::Node& call,
                                           std::span<const Typed> args, bool report) {
  const auto& params = spec.params;
  auto& given = given_;  // bind() never recurses: one scratch list serves every call
  given.assign(params.size(), -1);
  bool ok = true;
  auto fail = [&](Span span, std::string message, std::string hint = {}) {
    ok = false;
    if (report) error(span, std::move(message), std::move(hint));
  };

  std::size_t positional = 0;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    const ast::Argument& arg = call.args[i];
    if (!arg.name) {
      if (positional >= params.size()) {
        fail(arg.value->span, fmt::format("`{}` takes {}, got {}", display_name(call),
                                          params.empty() ? std::string("no arguments") : plural(params.size(), "argument"),
                                          call.args.size()));
        break;
      }
      given[positional++] = static_cast<int>(i);
      continue;
    }
    const auto it = std::find_if(params.begin(), params.end(), [&](const ParamSpec& p) { return p.name == *arg.name; });
    if (it == params.end()) {
      std::string names;
      for (const auto& p : params) names += (names.empty() ? "" : ", ") + p.name;
      fail(arg.name_span, fmt::format("`{}` has no argument `{}`", display_name(call), *arg.name),
           params.empty() ? std::string("it takes no arguments") : fmt::format("its arguments: {}", names));
      continue;
    }
    const auto index = static_cast<std::size_t>(it - params.begin());
    if (given[index] >= 0) {
      fail(arg.name_span, fmt::format("argument `{}` is given twice", *arg.name));
      continue;
    }
    given[index] = static_cast<int>(i);
  }
  for (std::size_t p = 0; p < params.size() && ok; ++p) {
    if (given[p] < 0 && params[p].required) {
      fail(call.span, fmt::format("`{}` needs the argument `{}`", display_name(call), params[p].name));
    }
  }
  for (std::size_t p = 0; p < params.size(); ++p) {
    if (given[p] < 0) continue;
    const Typed& arg = args[static_cast<std::size_t>(given[p])];
    if (!may_accept(params[p].type, arg.type)) {
      fail(call.args[static_cast<std::size_t>(given[p])].value->span,
           fmt::format("argument `{}` of `{}` must be {}, got {}", params[p].name, display_name(call),
                       type_text(params[p].type), type_text(arg.type)));
    }
  }
  if (!ok) return std::nullopt;

  plan::Binding binding;
  binding.spec = &spec;
  binding.first_kid = static_cast<std::uint32_t>(plan_.kids.size());
  for (std::size_t p = 0; p < params.size(); ++p) {
    if (given[p] >= 0) {
      add_kid(args[static_cast<std::size_t>(given[p])].node);
      binding.written |= std::uint64_t{1} << p;
    } else {
      add_kid(constant(call, params[p].default_value, static_type_of(params[p].default_value.type())).node);
    }
  }
  binding.count = static_cast<std::uint32_t>(params.size());
  return binding;
}

plan::CallSite& Checker::add_call_site(plan::CallKind kind) {
  // Reserved here rather than up front: custom("key") calls, often all of a rule's calls, need
  // no site (visit_custom_key).
  if (plan_.calls.capacity() == 0) plan_.calls.reserve(expression_.call_count);
  plan::CallSite& site = plan_.calls.emplace_back();  // built in place: no copy of its bindings
  site.kind = kind;
  if (kind != plan::CallKind::Native) {
    site.fallback = static_cast<std::uint32_t>(plan_.fallback_calls.size());
    plan_.fallback_calls.emplace_back();
  }
  return site;
}

void Checker::note_extension(const FunctionSpec& spec, const ast::Node& node) {
  if (!spec.extension) return;
  warning(node.name_span, fmt::format("`{}` is an extension: the vendor's CQL may reject it", display_name(node)));
}

}  // namespace cql::check
