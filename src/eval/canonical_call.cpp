#include "eval/canonical_call.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace cql::eval {
namespace {

std::string assemble(std::string_view name, const std::vector<const Value*>& positional,
                     std::vector<std::pair<std::string_view, const Value*>> named) {
  std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out(name);
  out += '(';
  bool first = true;
  auto separator = [&] {
    if (!first) out += ", ";
    first = false;
  };
  for (const Value* v : positional) {
    separator();
    out += to_cql_literal(*v);
  }
  for (const auto& [key, v] : named) {
    separator();
    out.append(key).append(" = ").append(to_cql_literal(*v));
  }
  out += ')';
  return out;
}

}  // namespace

std::string canonical_call(std::string_view name, std::span<const ParamSpec> params, std::span<const Value> args,
                           std::uint64_t written) {
  std::vector<const Value*> positional;
  std::vector<std::pair<std::string_view, const Value*>> named;
  for (std::size_t i = 0; i < params.size() && i < args.size(); ++i) {
    if (!(written & (std::uint64_t{1} << i))) continue;
    if (params[i].required) {
      positional.push_back(&args[i]);
    } else {
      named.emplace_back(params[i].name, &args[i]);
    }
  }
  return assemble(name, positional, std::move(named));
}

std::string canonical_any_call(std::string_view name, std::span<const std::string> names, std::span<const Value> args) {
  std::vector<const Value*> positional;
  std::vector<std::pair<std::string_view, const Value*>> named;
  for (std::size_t i = 0; i < names.size() && i < args.size(); ++i) {
    if (names[i].empty()) {
      positional.push_back(&args[i]);
    } else {
      named.emplace_back(names[i], &args[i]);
    }
  }
  return assemble(name, positional, std::move(named));
}

}  // namespace cql::eval
