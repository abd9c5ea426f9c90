// String methods (spec/cql.md §5, §11). Regex methods live in regex.cpp.
//
// Strings are UTF-8. `length` counts code points. Case mapping covers ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic (the scripts tags, names and labels use in practice);
// other characters are left unchanged. `trim` removes ASCII whitespace, as the vendor's Java
// String.trim() does. Results that equal the receiver reuse its buffer (no allocation).
#include <cstdint>
#include <string>
#include <string_view>

#include "cql/registry.hpp"
#include "eval/utf8.hpp"
#include "stdlib/families.hpp"
#include "stdlib/native_support.hpp"

namespace cql {
namespace {

using stdlib::method;
using stdlib::param;
using stdlib::property;

bool is_ascii_space(char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

char32_t to_lower(char32_t c) noexcept {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;                   // Latin-1
  if (c >= 0x100 && c <= 0x17F) {                                             // Latin Extended-A
    if (c == 0x130) return 'i';                                               // İ
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
    if (c == 0x178) return 0xFF;                                              // Ÿ
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;                  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

char32_t to_upper(char32_t c) noexcept {
  if (c >= 'a' && c <= 'z') return c - 32;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x131) return 'I';  // ı
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 0) ? c - 1 : c;
    if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    return (c % 2 == 1) ? c - 1 : c;
  }
  if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
  if (c == 0x3C2) return 0x3A3;  // final sigma
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}

template <char32_t (*Map)(char32_t) noexcept>
Value map_case(const Value& receiver) {
  const std::string_view s = receiver.as_string();
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(s, i);
    const char32_t m = Map(c);
    if (m != c && !changed) {
      changed = true;
      out.reserve(s.size() + 8);
      out.assign(s, 0, start);
    }
    if (changed) {
      if (m == c) {
        out.append(s, start, i - start);
      } else {
        utf8::encode(out, m);
      }
    }
  }
  if (!changed) return receiver;  // shares the buffer
  return Value(std::move(out));
}

Value split(CallContext& ctx, std::string_view s, std::string_view sep) {
  List parts;
  if (sep.empty()) {
    // Like JavaScript's "abc".split(""): one element per character (code point).
    parts.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t start = i;
      utf8::decode(s, i);
      parts.emplace_back(std::string_view(s).substr(start, i - start));
      if ((parts.size() & 0xFFF) == 0) ctx.check_list_size(parts.size());
    }
    ctx.check_list_size(parts.size());
    return Value(std::move(parts));
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    if (pos == std::string::npos) {
      parts.emplace_back(std::string_view(s).substr(start));
      break;
    }
    parts.emplace_back(std::string_view(s).substr(start, pos - start));
    start = pos + sep.size();
    if ((parts.size() & 0xFFF) == 0) ctx.check_list_size(parts.size());
  }
  ctx.check_list_size(parts.size());
  return Value(std::move(parts));
}

}  // namespace

void register_strings(Registry& registry) {
  constexpr auto S = StaticType::String;
  constexpr stdlib::SpecOptions kExtension{.extension = true};

  registry.add(property("length", S, StaticType::Int, "number of characters (Unicode code points)",
                        [](CallContext&, std::span<const Value> args) {
                          return Value(utf8::count_code_points(args[0].as_string()));
                        }));
  registry.add(method("contains", S, {param("s", S)}, StaticType::Bool, "whether s occurs in the string",
                      [](CallContext&, std::span<const Value> args) {
                        return Value(args[0].as_string().find(args[1].as_string()) != std::string::npos);
                      },
                      kExtension));
  registry.add(method("startsWith", S, {param("s", S)}, StaticType::Bool, "whether the string starts with s",
                      [](CallContext&, std::span<const Value> args) {
                        return Value(std::string_view(args[0].as_string()).starts_with(args[1].as_string()));
                      },
                      kExtension));
  registry.add(method("endsWith", S, {param("s", S)}, StaticType::Bool, "whether the string ends with s",
                      [](CallContext&, std::span<const Value> args) {
                        return Value(std::string_view(args[0].as_string()).ends_with(args[1].as_string()));
                      },
                      kExtension));
  registry.add(method("toLowerCase", S, {}, S, "the string in lower case",
                      [](CallContext&, std::span<const Value> args) { return map_case<to_lower>(args[0]); },
                      kExtension));
  registry.add(method("toUpperCase", S, {}, S, "the string in upper case",
                      [](CallContext&, std::span<const Value> args) { return map_case<to_upper>(args[0]); },
                      kExtension));
  registry.add(method("trim", S, {}, S, "the string without leading and trailing whitespace",
                      [](CallContext&, std::span<const Value> args) {
                        const std::string_view s = args[0].as_string();
                        std::size_t begin = 0, end = s.size();
                        while (begin < end && is_ascii_space(s[begin])) ++begin;
                        while (end > begin && is_ascii_space(s[end - 1])) --end;
                        if (begin == 0 && end == s.size()) return args[0];
                        return Value(std::string_view(s).substr(begin, end - begin));
                      },
                      kExtension));
  registry.add(method("split", S, {param("sep", S)}, StaticType::List,
                      "the fields between occurrences of sep (a literal separator; empty fields kept)",
                      [](CallContext& ctx, std::span<const Value> args) {
                        return split(ctx, args[0].as_string(), args[1].as_string());
                      },
                      kExtension));
}

}  // namespace cql
