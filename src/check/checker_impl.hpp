#pragma once
// The checker's internal state, shared by its two source files: checker.cpp (literals,
// identifiers, operators, lambdas) and check_calls.cpp (calls, methods, fields, arguments).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/checker.hpp"

namespace cql::check {

// A checked sub-expression: its plan node and static type.
struct Typed {
  std::uint32_t node = 0;
  StaticType type = StaticType::Unknown;
  bool failed = false;  // an error was reported inside: no further errors about this value
};

class Checker {
 public:
  Checker(const ast::Expression& expression, const NameIndex& names, const CheckSettings& settings)
      : expression_(expression), names_(names), settings_(settings) {}

  CheckResult run();

  // checker.cpp
  Typed visit(const ast::Node& node);
  Typed visit_identifier(const ast::Node& node);
  Typed visit_unary(const ast::Node& node, const ast::Node* comparison);
  Typed visit_binary(const ast::Node& node);
  Typed visit_logic_chain(const ast::Node& node);
  Typed visit_arith_chain(const ast::Node& node);
  Typed visit_lambda_method(const ast::Node& call, Typed receiver);

  // check_calls.cpp
  Typed visit_call(const ast::Node& node);
  Typed visit_field(const ast::Node& node);
  Typed visit_global_call(const ast::Node& node, const std::vector<Typed>& args);
  Typed visit_namespace_call(const ast::Node& node, std::string_view ns, const std::vector<Typed>& args);
  Typed visit_method(const ast::Node& node, Typed receiver, const std::vector<Typed>& args);
  std::optional<plan::Binding> bind(const FunctionSpec& spec, const ast::Node& call,
                                    const std::vector<Typed>& args, bool report);
  Typed any_call(const ast::Node& node, std::string_view ns, const NamespaceSpec* spec,
                 const std::vector<Typed>& args);
  std::vector<Typed> visit_arguments(const ast::Node& call, bool lambdas_allowed);
  void note_extension(const FunctionSpec& spec, const ast::Node& node);

  // Helpers.
  Typed placeholder(const ast::Node& node);  // stands for a sub-expression that had an error
  Typed constant(const ast::Node& node, Value value, StaticType type);
  std::uint32_t add_kids(const std::vector<std::uint32_t>& nodes);
  bool is_parameter(std::string_view name) const;
  std::string display_name(const ast::Node& call) const;  // `hasGroup()`, `entity.tag()`, `.matches()`
  std::string_view text(Span span) const;
  void error(Span span, std::string message, std::string hint = {});
  void warning(Span span, std::string message);

  const ast::Expression& expression_;
  const NameIndex& names_;
  const CheckSettings& settings_;
  plan::Plan plan_;
  std::vector<Diagnostic> diagnostics_;
  bool has_errors_ = false;
  std::vector<std::pair<std::string_view, std::uint32_t>> scope_;  // lambda parameter -> slot
  std::size_t depth_ = 0;
  bool too_deep_reported_ = false;
};

}  // namespace cql::check
