// Jira-style syntax error messages. The grammar says *what* was expected (the must point's
// template); this file says what was *found* there, lexing one token with the grammar's own
// token rules.
#include "jql/jql_diagnose.hpp"

#include <fmt/format.h>

#include <tao/pegtl.hpp>

#include "jql_rules.hpp"

namespace cql::jql {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

// Length of `Rule` matched at `offset`, or 0 when it does not match.
template <typename Rule>
std::size_t match_length(std::string_view text, std::size_t offset) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + offset, text.data() + text.size(), "");
  try {
    if (pegtl::parse<pegtl::seq<Rule>>(in)) return static_cast<std::size_t>(in.current() - (text.data() + offset));
  } catch (const pegtl::parse_error&) {
    // Token rules hold no must points; nothing to report.
  }
  return 0;
}

// One UTF-8 code point at `offset`: its value and length, or length 0 when malformed.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};
CodePoint code_point_at(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || offset + length > text.size()) return {};
  char32_t value = length == 1 ? lead : lead & (0x3F >> (length - 1));
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[offset + i]);
    if ((next & 0xC0) != 0x80) return {};
    value = (value << 6) | (next & 0x3F);
  }
  // Reject overlong forms and surrogates, as PEGTL's utf8 rules do.
  if ((length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000) ||
      value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {};
  }
  return {value, length};
}

std::string escape_code_point(char32_t c) { return fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c)); }

std::optional<JqlError> quoted_string_problem(std::string_view text, std::size_t start) {
  const char quote = text[start];
  std::size_t i = start + 1;
  while (i < text.size() && text[i] != quote) {
    if (text[i] == '\\') {
      const std::size_t escape = match_length<g::escape>(text, i);
      if (escape == 0) {
        const CodePoint next = i + 1 < text.size() ? code_point_at(text, i + 1) : CodePoint{};
        return make_jql_error(text, i, fmt::format("The escape sequence '\\{}' is illegal.", text.substr(i + 1, next.length)));
      }
      i += escape;
      continue;
    }
    const CodePoint c = code_point_at(text, i);
    if (c.length == 0) return make_jql_error(text, i, "The query is not valid UTF-8.");
    if (match_length<g::control>(text, i) != 0) {
      return make_jql_error(text, i,
                            fmt::format("The quoted string contains the control character '{}': write it as an escape.",
                                        escape_code_point(c.value)));
    }
    i += c.length;
  }
  if (i >= text.size()) {
    return make_jql_error(text, start, fmt::format("The quoted string '{}' has not been completed.", text.substr(start + 1)));
  }
  return std::nullopt;
}

// A lexical error at `offset` (the start of a token), if there is one.
std::optional<JqlError> lexical_problem(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return std::nullopt;
  const char c = text[offset];
  if (c == '"' || c == '\'') return quoted_string_problem(text, offset);
  if (c == '\\' && match_length<g::escape>(text, offset) == 0) {
    const CodePoint next = offset + 1 < text.size() ? code_point_at(text, offset + 1) : CodePoint{};
    return make_jql_error(text, offset, fmt::format("The escape sequence '\\{}' is illegal.", text.substr(offset + 1, next.length)));
  }
  if (match_length<g::reserved_char>(text, offset) != 0) {
    return make_jql_error(text, offset,
                          fmt::format("The character '{}' is a reserved JQL character. You must enclose it in a string "
                                      "or use the escape '{}' instead.",
                                      c, escape_code_point(static_cast<char32_t>(c))));
  }
  if (const std::size_t n = match_length<g::reserved_word>(text, offset); n != 0) {
    return make_jql_error(text, offset,
                          fmt::format("'{}' is a reserved JQL word. You must surround it in quotation marks to use it "
                                      "in a query.",
                                      text.substr(offset, n)));
  }
  const CodePoint cp = code_point_at(text, offset);
  if (cp.length == 0) return make_jql_error(text, offset, "The query is not valid UTF-8.");
  if (match_length<g::control>(text, offset) != 0) {
    return make_jql_error(text, offset, fmt::format("The character '{}' is not valid in a query.", escape_code_point(cp.value)));
  }
  // A word may still hold a bad escape or a bad byte further on; the error is where the word stops.
  if (const std::size_t word = match_length<g::word>(text, offset); word != 0 && offset + word < text.size()) {
    const std::size_t after = offset + word;
    if (text[after] == '\\' || code_point_at(text, after).length == 0) return lexical_problem(text, after);
  }
  return std::nullopt;
}

struct FoundToken {
  std::string text;
  bool end = false;
  bool keyword = false;
};

FoundToken token_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {"", true, false};
  if (std::size_t n = match_length<g::quoted_dq>(text, offset); n != 0) return {std::string(text.substr(offset + 1, n - 2))};
  if (std::size_t n = match_length<g::quoted_sq>(text, offset); n != 0) return {std::string(text.substr(offset + 1, n - 2))};
  if (std::size_t n = match_length<g::word>(text, offset); n != 0) {
    return {std::string(text.substr(offset, n)), false, match_length<g::keyword>(text, offset) != 0};
  }
  for (std::string_view two : {"!=", "!~", "<=", ">=", "&&", "||"}) {
    if (text.substr(offset, 2) == two) return {std::string(two)};
  }
  const CodePoint cp = code_point_at(text, offset);
  return {std::string(text.substr(offset, cp.length == 0 ? 1 : cp.length))};
}

// Fills a template of grammar/jql_errors.hpp.
std::string fill_template(std::string_view pattern, const FoundToken& token) {
  constexpr std::string_view kButGot = " but got {got}";
  constexpr std::string_view kGot = "{got}";
  constexpr std::string_view kHint = "{keyword:";
  const bool keep_hint = token.keyword && !token.end;
  std::string out;
  bool in_hint = false;
  for (std::size_t i = 0; i < pattern.size();) {
    if (token.end && pattern.substr(i, kButGot.size()) == kButGot) {
      out += " before the end of the query";
      i += kButGot.size();
    } else if (pattern.substr(i, kGot.size()) == kGot) {
      if (!in_hint || keep_hint) out += "'" + token.text + "'";
      i += kGot.size();
    } else if (pattern.substr(i, kHint.size()) == kHint) {
      in_hint = true;
      i += kHint.size();
    } else if (in_hint && pattern[i] == '}') {
      in_hint = false;
      ++i;
    } else {
      if (!in_hint || keep_hint) out += pattern[i];
      ++i;
    }
  }
  return out;
}

}  // namespace

JqlError make_jql_error(std::string_view text, std::size_t offset, std::string message) {
  JqlError error;
  error.message = std::move(message);
  error.offset = static_cast<std::uint32_t>(offset);
  jql_line_and_character(text, offset, error.line, error.character);
  return error;
}

JqlError diagnose_parse_failure(std::string_view text, std::size_t offset, std::string_view rule_message) {
  if (auto problem = lexical_problem(text, offset)) return *problem;
  return make_jql_error(text, offset, fill_template(rule_message, token_at(text, offset)));
}

}  // namespace cql::jql
