#include "check/name_index.hpp"

namespace cql::check {

NameIndex::NameIndex(const Registry& registry) : registry_(registry) {
  for (const auto& f : registry.functions()) {
    if (f.receiver) {
      (f.is_property ? properties_ : methods_)[f.name].push_back(&f);
    } else if (f.namespace_name.empty()) {
      globals_[f.name] = &f;
    } else {
      namespace_functions_[f.namespace_name][f.name] = &f;
      namespaces_.try_emplace(f.namespace_name, nullptr);
    }
  }
  for (const auto& ns : registry.namespaces()) namespaces_[ns.name] = &ns;
  global_fallback_ = namespace_spec("");
}

const FunctionSpec* NameIndex::global(std::string_view name) const noexcept {
  auto it = globals_.find(name);
  return it == globals_.end() ? nullptr : it->second;
}

const FunctionSpec* NameIndex::in_namespace(std::string_view ns, std::string_view name) const noexcept {
  auto it = namespace_functions_.find(ns);
  if (it == namespace_functions_.end()) return nullptr;
  auto fn = it->second.find(name);
  return fn == it->second.end() ? nullptr : fn->second;
}

namespace {
const std::vector<const FunctionSpec*> kNone;
}

const std::vector<const FunctionSpec*>& NameIndex::methods(std::string_view name) const noexcept {
  auto it = methods_.find(name);
  return it == methods_.end() ? kNone : it->second;
}

const std::vector<const FunctionSpec*>& NameIndex::properties(std::string_view name) const noexcept {
  auto it = properties_.find(name);
  return it == properties_.end() ? kNone : it->second;
}

bool NameIndex::is_namespace(std::string_view name) const noexcept {
  return !name.empty() && namespaces_.find(name) != namespaces_.end();
}

const NamespaceSpec* NameIndex::namespace_spec(std::string_view name) const noexcept {
  auto it = namespaces_.find(name);
  return it == namespaces_.end() ? nullptr : it->second;
}

std::vector<std::string_view> NameIndex::global_names() const {
  std::vector<std::string_view> out;
  for (const auto& [name, spec] : globals_) out.push_back(name);
  for (const auto& [name, spec] : namespaces_) {
    if (!name.empty()) out.push_back(name);
  }
  return out;
}

std::vector<std::string_view> NameIndex::namespace_function_names(std::string_view ns) const {
  std::vector<std::string_view> out;
  auto it = namespace_functions_.find(ns);
  if (it != namespace_functions_.end()) {
    for (const auto& [name, spec] : it->second) out.push_back(name);
  }
  return out;
}

std::vector<std::string_view> NameIndex::method_names() const {
  std::vector<std::string_view> out;
  for (const auto& [name, specs] : methods_) out.push_back(name);
  for (const auto& [name, specs] : properties_) out.push_back(name);
  return out;
}

}  // namespace cql::check
