#include "batch/value_json.hpp"

namespace cql::batch {

Value report_value_from_json(const Json& json) {
  switch (json.type()) {
    case Json::value_t::boolean: return Value(json.get<bool>());
    case Json::value_t::number_integer: return Value(json.get<std::int64_t>());
    case Json::value_t::number_unsigned: {
      const auto u = json.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(INT64_MAX)) return Value(static_cast<std::int64_t>(u));
      return Value(static_cast<double>(u));
    }
    case Json::value_t::number_float: return Value(json.get<double>());  // stays a double
    case Json::value_t::string: return Value(json.get<std::string>());
    case Json::value_t::array: {
      List items;
      items.reserve(json.size());
      for (const auto& item : json) items.push_back(report_value_from_json(item));
      return Value(std::move(items));
    }
    case Json::value_t::object: {
      std::vector<std::pair<std::string, Value>> entries;
      entries.reserve(json.size());
      for (const auto& [key, item] : json.items()) entries.emplace_back(key, report_value_from_json(item));
      return Value(Object(std::move(entries)));
    }
    default: return Value();
  }
}

}  // namespace cql::batch
