// JSON conversion; see json_value.hpp for the rules.
#include "eval/json_value.hpp"

#include <cmath>
#include <cstdint>

#include "cql/time.hpp"

namespace cql {
namespace {

template <typename Json>
Value from_json(const Json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::null: return Value();
    case nlohmann::json::value_t::boolean: return Value(json.template get<bool>());
    case nlohmann::json::value_t::number_integer: return Value(json.template get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = json.template get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(INT64_MAX)) return Value(static_cast<std::int64_t>(u));
      return Value(static_cast<double>(u));
    }
    case nlohmann::json::value_t::number_float: return number_value(json.template get<double>());
    case nlohmann::json::value_t::string:
      return Value(json.template get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      List list;
      list.reserve(json.size());
      for (const auto& e : json) list.push_back(from_json(e));
      return Value(std::move(list));
    }
    case nlohmann::json::value_t::object: {
      std::vector<std::pair<std::string, Value>> entries;
      entries.reserve(json.size());
      for (auto it = json.begin(); it != json.end(); ++it) entries.emplace_back(it.key(), from_json(it.value()));
      return Value(Object(std::move(entries)));
    }
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded: return Value();
  }
  return Value();
}

}  // namespace

Value number_value(double d) noexcept {
  if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
    return Value(static_cast<std::int64_t>(d));
  }
  return Value(d);
}

Value value_from_json(const nlohmann::ordered_json& json) { return from_json(json); }
Value value_from_json(const nlohmann::json& json) { return from_json(json); }

nlohmann::ordered_json value_to_json(const Value& value) {
  switch (value.type()) {
    case Type::Null: return nullptr;
    case Type::Bool: return value.as_bool();
    case Type::Int: return value.as_int();
    case Type::Double: {
      const double d = value.as_double();
      if (!std::isfinite(d)) return nullptr;
      return d;
    }
    case Type::String: return value.as_string();
    case Type::List: {
      auto array = nlohmann::ordered_json::array();
      for (const Value& e : value.as_list()) array.push_back(value_to_json(e));
      return array;
    }
    case Type::Object: {
      auto object = nlohmann::ordered_json::object();
      for (const auto& [key, v] : value.as_object().entries()) object[key] = value_to_json(v);
      return object;
    }
    case Type::Duration: return format_duration(value.as_duration());
    case Type::Timestamp: return format_timestamp(value.as_timestamp());
    case Type::Semver: return value.as_semver().text;
    case Type::Namespace: return nlohmann::ordered_json{{"namespace", value.namespace_name()}};
  }
  return nullptr;
}

}  // namespace cql
