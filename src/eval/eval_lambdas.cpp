// The list methods that take a lambda (filter, map, any, all, none): the evaluator runs them
// itself, binding the parameter to each element in place (no copy) in its slot. Each call of
// the lambda counts as one evaluation step (spec/cql.md §8).
#include <fmt/format.h>

#include "eval/evaluation.hpp"

namespace cql::eval {
namespace {

std::string_view method_name(plan::LambdaKind kind) {
  switch (kind) {
    case plan::LambdaKind::Filter: return "filter";
    case plan::LambdaKind::Map: return "map";
    case plan::LambdaKind::Any: return "any";
    case plan::LambdaKind::All: return "all";
    case plan::LambdaKind::None: return "none";
  }
  return "?";
}

std::string_view predicate_rule(plan::LambdaKind kind) {
  switch (kind) {
    case plan::LambdaKind::Filter: return "the lambda of `.filter()` must return a bool";
    case plan::LambdaKind::Any: return "the lambda of `.any()` must return a bool";
    case plan::LambdaKind::All: return "the lambda of `.all()` must return a bool";
    case plan::LambdaKind::None: return "the lambda of `.none()` must return a bool";
    case plan::LambdaKind::Map: break;
  }
  return "the lambda must return a bool";
}

}  // namespace

const Value& Evaluation::lambda_method(const plan::Node& node, Value& tmp) {
  const auto kind = static_cast<plan::LambdaKind>(node.sub);
  const Value& receiver = eval(node.a, tmp);
  if (receiver.type() != Type::List) {
    if (receiver.is_null()) {
      raise(node, ErrorKind::Type,
            fmt::format("cannot call .{}() on null: {}", method_name(kind), null_note(nodes_[node.a].ast)));
    }
    raise(node, ErrorKind::Type, fmt::format("`.{}()` needs a list, got {}", method_name(kind), type_name(receiver.type())));
  }
  // Keeps the list alive while tmp is overwritten with the result.
  const std::shared_ptr<const List> list = receiver.list_ptr();
  const Value*& slot = slots_[node.c];
  const std::string_view what = predicate_rule(kind);
  switch (kind) {
    case plan::LambdaKind::Filter:
    case plan::LambdaKind::Map: {
      try {
        if (kind == plan::LambdaKind::Map) check_list_size(list->size());
      } catch (EvalFailure& f) {
        raise(node, f.kind, std::move(f.message));
      }
      List out;
      out.reserve(kind == plan::LambdaKind::Map ? list->size() : 0);
      for (const Value& element : *list) {
        step(node);
        slot = &element;
        if (kind == plan::LambdaKind::Map) {
          out.push_back(eval_owned(node.b));
        } else if (eval_bool(node.b, what)) {
          out.push_back(element);
        }
      }
      tmp = Value(std::move(out));
      return tmp;
    }
    case plan::LambdaKind::Any:
    case plan::LambdaKind::All:
    case plan::LambdaKind::None: {
      // any: stops at the first true; all: at the first false; none: at the first true.
      const bool stop_on = kind != plan::LambdaKind::All;
      bool result = kind == plan::LambdaKind::All || kind == plan::LambdaKind::None;
      for (const Value& element : *list) {
        step(node);
        slot = &element;
        if (eval_bool(node.b, what) == stop_on) {
          result = kind == plan::LambdaKind::Any;
          break;
        }
      }
      tmp = result;
      return tmp;
    }
  }
  raise(node, ErrorKind::Eval, "internal error: unknown lambda method");
}

}  // namespace cql::eval
