#include "batch/value_json.hpp"

#include "cql/time.hpp"

namespace cql::batch {

Json value_to_json(const Value& value) {
  switch (value.type()) {
    case Type::Null: return nullptr;
    case Type::Bool: return value.as_bool();
    case Type::Int: return value.as_int();
    case Type::Double: return value.as_double();
    case Type::String: return value.as_string();
    case Type::List: {
      Json out = Json::array();
      for (const auto& item : value.as_list()) out.push_back(value_to_json(item));
      return out;
    }
    case Type::Object: {
      Json out = Json::object();
      for (const auto& [key, item] : value.as_object().entries()) out[key] = value_to_json(item);
      return out;
    }
    case Type::Duration: return format_duration(value.as_duration());
    case Type::Timestamp: return format_timestamp(value.as_timestamp());
    case Type::Semver: return value.as_semver().text;
    case Type::Namespace: return Json{{"namespace", value.namespace_name()}};
  }
  return nullptr;
}

Value json_to_value(const Json& json) {
  switch (json.type()) {
    case Json::value_t::boolean: return Value(json.get<bool>());
    case Json::value_t::number_integer: return Value(json.get<std::int64_t>());
    case Json::value_t::number_unsigned: {
      const auto u = json.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(INT64_MAX)) return Value(static_cast<std::int64_t>(u));
      return Value(static_cast<double>(u));
    }
    case Json::value_t::number_float: return Value(json.get<double>());
    case Json::value_t::string: return Value(json.get<std::string>());
    case Json::value_t::array: {
      List items;
      items.reserve(json.size());
      for (const auto& item : json) items.push_back(json_to_value(item));
      return Value(std::move(items));
    }
    case Json::value_t::object: {
      std::vector<std::pair<std::string, Value>> entries;
      entries.reserve(json.size());
      for (const auto& [key, item] : json.items()) entries.emplace_back(key, json_to_value(item));
      return Value(Object(std::move(entries)));
    }
    default: return Value();
  }
}

}  // namespace cql::batch
