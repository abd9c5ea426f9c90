// The tree walk: dispatch on the node kind, operators, logic, limits and the CallContext.
#include "eval/evaluation.hpp"

#include <fmt/format.h>

#include "cql/entity.hpp"
#include "eval/error_text.hpp"
#include "eval/operators.hpp"

namespace cql::eval {

namespace {

const Value kNull;

// string_view constants, not literals chosen at run time (which cost a strlen per node).
constexpr std::string_view kNotOperand = "`!` needs a bool";
constexpr std::string_view kAndOperands = "`AND` needs bool operands";
constexpr std::string_view kOrOperands = "`OR` needs bool operands";

std::string list_limit_message(std::size_t elements, std::size_t limit) {
  return fmt::format("list size limit exceeded: {} elements (limit {})", elements, limit);
}

}  // namespace

const Value& Evaluation::eval(std::uint32_t index, Value& tmp) {
  const plan::Node& n = nodes_[index];
  step(n);
  switch (n.op) {
    case plan::Op::Constant: return constants_[n.a];
    case plan::Op::CustomKey: return custom_key(n);
    case plan::Op::Param: return *slots_[n.a];
    case plan::Op::Namespace: return namespace_value(n);
    case plan::Op::List: {
      if (n.b > limits_.max_list_elements) raise(n, ErrorKind::Eval, list_limit_message(n.b, limits_.max_list_elements));
      List items;
      items.reserve(n.b);
      for (std::uint32_t i = 0; i < n.b; ++i) items.push_back(eval_owned(kids_[n.a + i]));
      tmp = Value(std::move(items));
      return tmp;
    }
    case plan::Op::Field: return field(n, tmp);
    case plan::Op::Call: return call(n, tmp);
    case plan::Op::Method: return method(n, tmp);
    case plan::Op::LambdaMethod: return lambda_method(n, tmp);
    case plan::Op::Not:
      tmp = !eval_bool(n.a, kNotOperand);
      return tmp;
    case plan::Op::Negate: {
      Value operand_tmp;
      const Value& operand = eval(n.a, operand_tmp);
      try {
        Value result = negate(operand);
        tmp = std::move(result);
      } catch (EvalFailure& f) {
        if (operand.is_null()) {
          raise(n, ErrorKind::Type, fmt::format("cannot apply unary `-` to null: {}", null_note(nodes_[n.a].ast)));
        }
        raise(n, f.kind, std::move(f.message));
      }
      return tmp;
    }
    case plan::Op::Arith: return arith_chain(n, tmp);
    case plan::Op::Compare:
      tmp = compare_node(n);
      return tmp;
    case plan::Op::Equal:
      tmp = equal_node(n);
      return tmp;
    case plan::Op::KeyCompare:
      tmp = key_compare(n);
      return tmp;
    case plan::Op::KeyEqual:
      tmp = key_equal(n);
      return tmp;
    case plan::Op::And:
      tmp = logic_chain<true>(n);
      return tmp;
    case plan::Op::Or:
      tmp = logic_chain<false>(n);
      return tmp;
  }
  raise(n, ErrorKind::Eval, "internal error: unknown node");
}

Value Evaluation::eval_owned(std::uint32_t index) {
  if (yields_bool(index)) return eval_bool(index, {});  // no temporary Value
  Value tmp;
  const Value& v = eval(index, tmp);
  if (&v == &tmp) return tmp;
  return v;
}

bool Evaluation::eval_bool(std::uint32_t index, std::string_view what) {
  const plan::Node& n = nodes_[index];
  // Boolean-valued nodes answer without building a Value. A chain of tests, not a switch:
  // the jump table's indirect branch was the costliest instruction of a typical rule.
  const plan::Op op = n.op;
  if (op == plan::Op::KeyEqual || op == plan::Op::KeyCompare) {
    step(n);
    return op == plan::Op::KeyEqual ? key_equal(n) : key_compare(n);
  }
  if (op == plan::Op::Equal) {
    step(n);
    return equal_node(n);
  }
  if (op == plan::Op::Compare) {
    step(n);
    return compare_node(n);
  }
  if (op == plan::Op::And || op == plan::Op::Or) {
    step(n);
    return op == plan::Op::And ? logic_chain<true>(n) : logic_chain<false>(n);
  }
  if (op == plan::Op::Not) {
    step(n);
    return !eval_bool(n.a, kNotOperand);
  }
  return value_as_bool(index, what);
}

// Out of line: its temporary Value would otherwise widen the stack frame of every eval_bool.
bool Evaluation::value_as_bool(std::uint32_t index, std::string_view what) {
  Value tmp;
  const Value& v = eval(index, tmp);
  if (v.type() != Type::Bool) not_bool(nodes_[index].ast, what, v);
  return v.as_bool();
}

bool Evaluation::compare_node(const plan::Node& n) {
  Value left_tmp, right_tmp;
  const Value& left = operand(n.a, left_tmp);
  const Value& right = operand(n.b, right_tmp);
  return compare_values(n, left, right);
}

bool Evaluation::compare_values(const plan::Node& n, const Value& left, const Value& right) {
  const auto op = static_cast<ast::BinaryOp>(n.sub);
  try {
    return fast_compare(op, left, right);
  } catch (EvalFailure& f) {
    if (left.is_null() || right.is_null()) {
      const ast::Node* null_side = nodes_[left.is_null() ? n.a : n.b].ast;
      raise(n, ErrorKind::Type, fmt::format("cannot apply `{}` to null: {}", ast::op_text(op), null_note(null_side)));
    }
    raise(n, f.kind, std::move(f.message));
  }
}

bool Evaluation::equal_node(const plan::Node& n) {
  Value left_tmp, right_tmp;
  const Value& left = operand(n.a, left_tmp);  // left before right: errors and captures in source order
  const Value& right = operand(n.b, right_tmp);
  return fast_equal(left, right) == (static_cast<ast::BinaryOp>(n.sub) == ast::BinaryOp::Equal);
}

// KeyEqual / KeyCompare: custom("key") against a constant (specialise.cpp), key side n.c. Both
// operand steps are charged at once; when fewer than two remain, the unfused path charges them
// one at a time, so the step limit error names the same node as it would without the fusion.
inline bool Evaluation::key_equal_test(const plan::Node& n) {
  if (steps_left_ < 2) return equal_node(n);
  steps_left_ -= 2;
  const Value& found = custom_key(nodes_[n.c == 0 ? n.a : n.b]);
  const Value& constant = constants_[nodes_[n.c == 0 ? n.b : n.a].a];
  // Equality is symmetric: the side does not matter here.
  return fast_equal(found, constant) == (static_cast<ast::BinaryOp>(n.sub) == ast::BinaryOp::Equal);
}

inline bool Evaluation::key_compare_test(const plan::Node& n) {
  if (steps_left_ < 2) return compare_node(n);
  steps_left_ -= 2;
  const bool key_left = n.c == 0;
  const Value& found = custom_key(nodes_[key_left ? n.a : n.b]);
  const Value& constant = constants_[nodes_[key_left ? n.b : n.a].a];
  const Value& left = key_left ? found : constant;
  const Value& right = key_left ? constant : found;
  bool out = false;
  if (int_compare(static_cast<ast::BinaryOp>(n.sub), left, right, out)) return out;
  return compare_values(n, left, right);
}

bool Evaluation::key_equal(const plan::Node& n) { return key_equal_test(n); }
bool Evaluation::key_compare(const plan::Node& n) { return key_compare_test(n); }

template <bool is_and>
bool Evaluation::logic_chain(const plan::Node& n) {
  constexpr std::string_view what = is_and ? kAndOperands : kOrOperands;
  const std::uint32_t* kid = kids_ + n.a;
  for (std::uint32_t i = 0; i < n.b; ++i) {
    // The commonest operands of a chain, fused comparisons and nested chains, are dispatched here
    // rather than through eval_bool.
    const plan::Node& k = nodes_[kid[i]];
    bool value = false;
    if (k.op == plan::Op::KeyEqual) {
      step(k);
      value = key_equal_test(k);
    } else if (k.op == plan::Op::KeyCompare) {
      step(k);
      value = key_compare_test(k);
    } else if (k.op == plan::Op::Or || k.op == plan::Op::And) {  // (a OR b) AND (c OR d)
      step(k);
      value = k.op == plan::Op::And ? logic_chain<true>(k) : logic_chain<false>(k);
    } else {
      value = eval_bool(kid[i], what);
    }
    if (value != is_and) return !is_and;
  }
  return is_and;
}

const Value& Evaluation::arith_chain(const plan::Node& n, Value& tmp) {
  Value first_tmp;
  const Value& first = operand(kids_[n.a], first_tmp);
  Value acc = &first == &first_tmp ? std::move(first_tmp) : first;
  for (std::uint32_t i = 1; i < n.b; ++i) {
    const std::uint32_t k = n.a + i;
    Value right_tmp;
    const Value& right = operand(kids_[k], right_tmp);
    const ast::Node* at = plan_.arith_steps[n.c + i - 1];
    const ast::BinaryOp op = at->binary_op;
    std::int64_t int_result = 0;
    if (acc.type() == Type::Int && right.type() == Type::Int &&
        int_arithmetic(op, acc.as_int(), right.as_int(), int_result)) {
      acc = int_result;
      continue;
    }
    try {
      acc = arithmetic(op, acc, right, limits_.max_string_bytes);
    } catch (EvalFailure& f) {
      if (f.kind == ErrorKind::Type && (acc.is_null() || right.is_null())) {
        const ast::Node* null_side = acc.is_null() ? at->items[0] : nodes_[kids_[k]].ast;
        throw LocatedError{ErrorKind::Type,
                           fmt::format("cannot apply `{}` to null: {}", ast::op_text(op), null_note(null_side)), at};
      }
      throw LocatedError{f.kind, std::move(f.message), at};
    }
  }
  tmp = std::move(acc);
  return tmp;
}

const Value& Evaluation::custom_key(const plan::Node& n) const {
  context();  // reads the entity: never a constant
  if (custom_ == nullptr) return kNull;
  const Value* v = custom_->find(constants_[n.a].as_string(), n.b);
  return v != nullptr ? *v : kNull;
}

const Value& Evaluation::namespace_value(const plan::Node& n) {
  const plan::NamespaceSite& site = plan_.namespaces[n.a];
  if (site.spec != nullptr && site.spec->is_present) {
    context();  // presence depends on the entity: never a constant
    bool present = false;
    try {
      present = site.spec->is_present(*this);
    } catch (EvalFailure& f) {
      raise(n, f.kind, std::move(f.message));
    }
    if (!present) return kNull;
  }
  return site.handle;
}

// --- errors ----------------------------------------------------------------------------------

void Evaluation::raise(const plan::Node& node, ErrorKind kind, std::string message) const {
  throw LocatedError{kind, std::move(message), node.ast};
}

void Evaluation::step_limit(const plan::Node& node) const {
  raise(node, ErrorKind::Eval, fmt::format("evaluation step limit exceeded ({} steps)", limits_.max_steps));
}

void Evaluation::not_bool(const ast::Node* at, std::string_view what, const Value& value) const {
  std::string message = fmt::format("{}, got {}", what, type_name(value.type()));
  if (value.is_null()) message += ": " + null_note(at);
  throw LocatedError{ErrorKind::Type, std::move(message), at};
}

std::string Evaluation::null_note(const ast::Node* expression) const {
  return fmt::format("{} is null", expression_text(*expression));
}

// --- CallContext -----------------------------------------------------------------------------

const EvalContext& Evaluation::context() const {
  if (context_ == nullptr) throw NotConstant{};
  return *context_;
}

Timestamp Evaluation::now() const { return context().now; }
const Entity& Evaluation::entity() const { return context().entity; }
const Catalog* Evaluation::catalog() const { return context().catalog; }
IssueSource* Evaluation::issue_source() const { return context().issue_source; }
const JiraSettings* Evaluation::jira_settings() const { return context().jira_settings; }
const Facts* Evaluation::facts() const { return context().facts; }

void Evaluation::capture(std::string_view name, const Value& value) {
  if (captures_ == nullptr) throw NotConstant{};
  for (Capture& c : *captures_) {
    if (c.name == name) {
      c.value = value;
      return;
    }
  }
  captures_->push_back(Capture{std::string(name), value});
}

void Evaluation::charge_steps(std::uint64_t steps) {
  if (steps > steps_left_) {
    fail(ErrorKind::Eval, fmt::format("evaluation step limit exceeded ({} steps)", limits_.max_steps));
  }
  steps_left_ -= steps;
}

void Evaluation::check_list_size(std::size_t elements) {
  if (elements > limits_.max_list_elements) {
    fail(ErrorKind::Eval, list_limit_message(elements, limits_.max_list_elements));
  }
}

void Evaluation::check_string_size(std::size_t bytes) {
  if (bytes > limits_.max_string_bytes) {
    fail(ErrorKind::Eval, fmt::format("string size limit exceeded: {} bytes (limit {})", bytes, limits_.max_string_bytes));
  }
}

}  // namespace cql::eval
