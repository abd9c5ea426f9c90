// The text forms of a Value (spec/cli.md "Output shapes").
//
// Doubles: format_double() is the shortest text that reads back to the same double and prints
// an integral double like an int (`3`), which is what humans want in messages and `join`.
// Where the type must survive the round trip (a CQL literal, the JSON form) an integral double
// gets a `.0` suffix (`3.0`), so `cql eval` shows `3.0` for a double and `3` for an int.
// Non-finite doubles have no literal: they print as `inf`, `-inf`, `nan` in the CQL and display
// forms and as `null` in JSON (which has no such numbers).
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "cql/time.hpp"
#include "cql/value.hpp"

namespace cql {
namespace {

enum class Form { CqlLiteral, Json };

void append_quoted(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out.push_back(kHex[(c >> 4) & 0xf]);
          out.push_back(kHex[c & 0xf]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_int(std::string& out, std::int64_t i) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), i);
  out.append(buf.data(), end);
}

// A double whose text keeps it a double when read back (`3.0`, `1e21`).
void append_typed_double(std::string& out, double d, Form form) {
  if (!std::isfinite(d) && form == Form::Json) {
    out += "null";
    return;
  }
  const std::string text = format_double(d);
  out += text;
  if (std::isfinite(d) && text.find_first_of(".e") == std::string::npos) out += ".0";
}

void append_value(std::string& out, const Value& v, Form form) {
  switch (v.type()) {
    case Type::Null: out += "null"; return;
    case Type::Bool: out += v.as_bool() ? "true" : "false"; return;
    case Type::Int: append_int(out, v.as_int()); return;
    case Type::Double: append_typed_double(out, v.as_double(), form); return;
    case Type::String: append_quoted(out, v.as_string()); return;
    case Type::List: {
      out.push_back('[');
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append_value(out, e, form);
      }
      out.push_back(']');
      return;
    }
    case Type::Object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, value] : v.as_object().entries()) {
        if (!first) out += ", ";
        first = false;
        append_quoted(out, key);
        out += ": ";
        append_value(out, value, form);
      }
      out.push_back('}');
      return;
    }
    case Type::Duration:
      if (form == Form::Json) {
        append_quoted(out, format_duration(v.as_duration()));
      } else {
        out += "duration(\"" + format_duration(v.as_duration()) + "\")";
      }
      return;
    case Type::Timestamp:
      if (form == Form::Json) {
        append_quoted(out, format_timestamp(v.as_timestamp()));
      } else {
        out += "timestamp(\"" + format_timestamp(v.as_timestamp()) + "\")";
      }
      return;
    case Type::Semver:
      if (form == Form::Json) {
        append_quoted(out, v.as_semver().text);
      } else {
        out += "semver(";
        append_quoted(out, v.as_semver().text);
        out += ")";
      }
      return;
    case Type::Namespace:
      if (form == Form::Json) {
        out += "{\"namespace\": ";
        append_quoted(out, v.namespace_name());
        out += "}";
      } else {
        out += v.namespace_name();
      }
      return;
  }
}

}  // namespace

std::string format_double(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
  std::string text(buf.data(), end);
  // `1e+21` -> `1e21`: CQL number literals have no `+` (JSON accepts both).
  if (const auto plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
  if (text == "-0") return "0";
  return text;
}

std::string to_cql_literal(const Value& value) {
  std::string out;
  append_value(out, value, Form::CqlLiteral);
  return out;
}

std::string to_json_text(const Value& value) {
  std::string out;
  append_value(out, value, Form::Json);
  return out;
}

std::string to_display_text(const Value& value) {
  switch (value.type()) {
    case Type::String: return std::string(value.as_string());
    case Type::Double: return format_double(value.as_double());
    case Type::Duration: return format_duration(value.as_duration());
    case Type::Timestamp: return format_timestamp(value.as_timestamp());
    case Type::Semver: return value.as_semver().text;
    case Type::Namespace: return value.namespace_name();
    case Type::List:
    case Type::Object: return to_json_text(value);
    default: return to_cql_literal(value);  // null, bool, int: identical in every form
  }
}

}  // namespace cql
