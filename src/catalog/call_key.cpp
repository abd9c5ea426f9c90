#include "catalog/call_key.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <utility>
#include <vector>

#include "cql/facts.hpp"
#include "cql/time.hpp"

namespace cql::catalog {

namespace {

struct KeyError {
  std::size_t offset;
  std::string message;
};

// Bounds a hostile key (`[[[[...`): lists in call arguments are never deep.
constexpr int kMaxListDepth = 32;

bool is_ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class KeyParser {
 public:
  explicit KeyParser(std::string_view text) : text_(text) {}

  std::string parse() {
    skip_space();
    const std::string name = identifier("a function name");
    skip_space();
    expect('(');
    std::vector<Value> positional;
    std::vector<std::pair<std::string, Value>> named;
    skip_space();
    while (!at(')')) {
      if (pos_ >= text_.size()) throw KeyError{pos_, "expected ')'"};
      const std::size_t start = pos_;
      if (is_named_argument()) {
        std::string arg = identifier("an argument name");
        skip_space();
        expect('=');
        skip_space();
        const bool duplicate = std::any_of(named.begin(), named.end(), [&](const auto& n) { return n.first == arg; });
        if (duplicate) throw KeyError{start, fmt::format("argument '{}' is given twice", arg)};
        named.emplace_back(std::move(arg), literal(0));
      } else {
        if (!named.empty()) throw KeyError{start, "positional arguments come before named ones"};
        positional.push_back(literal(0));
      }
      skip_space();
      if (!at(',')) break;
      ++pos_;
      skip_space();
    }
    expect(')');
    skip_space();
    if (pos_ != text_.size()) throw KeyError{pos_, "unexpected text after the call"};
    return canonical_call(name, positional, named);
  }

 private:
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }

  void expect(char c) {
    if (!at(c)) throw KeyError{pos_, fmt::format("expected '{}'", c)};
    ++pos_;
  }

  std::string identifier(std::string_view what) {
    if (pos_ >= text_.size() || !is_ident_start(text_[pos_])) throw KeyError{pos_, fmt::format("expected {}", what)};
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_ident_char(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  // `name =` (but not `name ==` or a constructor call like `duration(`).
  bool is_named_argument() const {
    std::size_t i = pos_;
    if (i >= text_.size() || !is_ident_start(text_[i])) return false;
    while (i < text_.size() && is_ident_char(text_[i])) ++i;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    return i < text_.size() && text_[i] == '=' && (i + 1 >= text_.size() || text_[i + 1] != '=');
  }

  Value literal(int depth) {
    if (pos_ >= text_.size()) throw KeyError{pos_, "expected an argument"};
    const char c = text_[pos_];
    if (c == '"' || c == '\'') return Value(string_literal());
    if (c == '[') return list(depth);
    if (c == '-' || is_digit(c)) return number();
    if (is_ident_start(c)) return word();
    throw KeyError{pos_, "expected a literal argument (text, number, true, false, null, a list, duration(...))"};
  }

  Value list(int depth) {
    if (depth >= kMaxListDepth) throw KeyError{pos_, "lists nested too deeply"};
    expect('[');
    List items;
    skip_space();
    while (!at(']')) {
      items.push_back(literal(depth + 1));
      skip_space();
      if (!at(',')) break;
      ++pos_;
      skip_space();
    }
    expect(']');
    return Value(std::move(items));
  }

  Value number() {
    const std::size_t start = pos_;
    if (at('-')) ++pos_;
    if (pos_ >= text_.size() || !is_digit(text_[pos_])) throw KeyError{start, "expected a number"};
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    bool is_double = false;
    if (at('.')) {
      is_double = true;
      ++pos_;
      if (pos_ >= text_.size() || !is_digit(text_[pos_])) throw KeyError{pos_, "expected digits after '.'"};
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    }
    if (at('e') || at('E')) {
      is_double = true;
      ++pos_;
      if (at('+') || at('-')) ++pos_;
      if (pos_ >= text_.size() || !is_digit(text_[pos_])) throw KeyError{pos_, "expected an exponent"};
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (!is_double) {
      std::int64_t i = 0;
      auto [end, ec] = std::from_chars(first, last, i);
      if (ec != std::errc() || end != last) throw KeyError{start, "integer out of range"};
      return Value(i);
    }
    double d = 0;
    auto [end, ec] = std::from_chars(first, last, d);
    if (ec != std::errc() || end != last) throw KeyError{start, "number out of range"};
    return Value(d);
  }

  Value word() {
    const std::size_t start = pos_;
    const std::string name = identifier("a literal");
    if (name == "true") return Value(true);
    if (name == "false") return Value(false);
    if (name == "null") return Value();
    if (name != "duration" && name != "timestamp" && name != "semver") {
      throw KeyError{start, fmt::format("'{}' is not a literal argument", name)};
    }
    skip_space();
    expect('(');
    skip_space();
    const std::size_t text_start = pos_;
    if (!at('"') && !at('\'')) throw KeyError{pos_, fmt::format("{}(...) takes a text literal", name)};
    const std::string text = string_literal();
    skip_space();
    expect(')');
    if (name == "duration") {
      if (auto d = parse_duration(text)) return Value(*d);
      throw KeyError{text_start, fmt::format("invalid ISO-8601 duration \"{}\"", text)};
    }
    if (name == "timestamp") {
      if (auto t = parse_timestamp(text)) return Value(*t);
      throw KeyError{text_start, fmt::format("invalid ISO-8601 timestamp \"{}\"", text)};
    }
    if (auto v = parse_semver(text)) return Value(std::move(*v));
    throw KeyError{text_start, fmt::format("invalid semantic version \"{}\"", text)};
  }

  // The escapes of spec/cql.md §1.
  std::string string_literal() {
    const char quote = text_[pos_++];
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) throw KeyError{pos_, "unterminated text literal"};
      const char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        return out;
      }
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      const std::size_t escape = pos_++;
      if (pos_ >= text_.size()) throw KeyError{escape, "unterminated text literal"};
      switch (text_[pos_++]) {
        case '"': out.push_back('"'); break;
        case '\'': out.push_back('\''); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': append_utf8(out, code_point(escape)); break;
        default: throw KeyError{escape, "invalid escape sequence"};
      }
    }
  }

  std::uint32_t hex4(std::size_t escape) {
    if (pos_ + 4 > text_.size()) throw KeyError{escape, "\\u needs four hex digits"};
    std::uint32_t value = 0;
    auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, value, 16);
    if (ec != std::errc() || end != text_.data() + pos_ + 4) throw KeyError{escape, "\\u needs four hex digits"};
    pos_ += 4;
    return value;
  }

  // After `\u`: one code point, joining a surrogate pair; a lone surrogate is an error.
  std::uint32_t code_point(std::size_t escape) {
    const std::uint32_t high = hex4(escape);
    if (high < 0xD800 || high > 0xDFFF) return high;
    if (high <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      const std::uint32_t low = hex4(escape);
      if (low >= 0xDC00 && low <= 0xDFFF) return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }
    throw KeyError{escape, "lone surrogate in \\u escape"};
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

CallKey canonicalize_call_key(std::string_view text) {
  CallKey key;
  try {
    key.canonical = KeyParser(text).parse();
  } catch (const KeyError& e) {
    key.error = e.message;
    key.error_offset = e.offset;
  }
  return key;
}

}  // namespace cql::catalog

namespace cql {

std::string canonical_call(std::string_view name, std::span<const Value> positional,
                           std::span<const std::pair<std::string, Value>> named) {
  std::vector<const std::pair<std::string, Value>*> sorted;
  sorted.reserve(named.size());
  for (const auto& argument : named) sorted.push_back(&argument);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string out(name);
  out.push_back('(');
  bool first = true;
  auto separate = [&] {
    if (!first) out += ", ";
    first = false;
  };
  for (const Value& argument : positional) {
    separate();
    out += to_cql_literal(argument);
  }
  for (const auto* argument : sorted) {
    separate();
    out += argument->first;
    out += " = ";
    out += to_cql_literal(argument->second);
  }
  out.push_back(')');
  return out;
}

}  // namespace cql
