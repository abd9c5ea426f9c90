#include "cli/repl_lexer.hpp"

namespace cql::cli {

namespace {

bool is_ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t scan_number(std::string_view text, std::size_t i) {
  while (i < text.size() && is_digit(text[i])) ++i;
  // A dot belongs to the number only when a digit follows: `1.` is `1` then a member dot.
  if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
    i += 1;
    while (i < text.size() && is_digit(text[i])) ++i;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && is_digit(text[j])) {
      i = j;
      while (i < text.size() && is_digit(text[i])) ++i;
    }
  }
  return i;
}

// Returns the end of the string starting at `i` (a quote) and whether it was closed.
// A backslash takes the next character, so `"\""` stays one string. A CQL string cannot hold a
// line break (spec/cql.md §1, grammar string_character), so one ends an unclosed string.
std::pair<std::size_t, bool> scan_string(std::string_view text, std::size_t i) {
  const char quote = text[i++];
  while (i < text.size() && text[i] != '\n') {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
      i += 2;
      continue;
    }
    if (text[i++] == quote) return {i, true};
  }
  return {i, false};
}

}  // namespace

std::vector<Token> scan_tokens(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    Token token{TokenKind::Punct, i, i + 1};
    if (is_ident_start(c)) {
      token.kind = TokenKind::Identifier;
      while (token.end < text.size() && is_ident_char(text[token.end])) ++token.end;
    } else if (is_digit(c)) {
      token.kind = TokenKind::Number;
      token.end = scan_number(text, i);
    } else if (c == '"' || c == '\'') {
      token.kind = TokenKind::String;
      const auto [end, closed] = scan_string(text, i);
      token.end = end;
      token.terminated = closed;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      token.kind = TokenKind::LineComment;
      const std::size_t newline = text.find('\n', i);
      token.end = newline == std::string_view::npos ? text.size() : newline;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      token.kind = TokenKind::BlockComment;
      const std::size_t close = text.find("*/", i + 2);
      token.terminated = close != std::string_view::npos;
      token.end = token.terminated ? close + 2 : text.size();
    } else if (c == '=' && i + 1 < text.size() && text[i + 1] == '>') {
      token.end = i + 2;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // Keep a multi-byte character in one token so offsets never split a code point.
      while (token.end < text.size() && (static_cast<unsigned char>(text[token.end]) & 0xC0) == 0x80) ++token.end;
    }
    i = token.end;
    tokens.push_back(token);
  }
  return tokens;
}

InputState scan_input(std::string_view text) {
  InputState state;
  for (const Token& token : scan_tokens(text)) {
    if (!token.terminated) {
      if (token.kind == TokenKind::String) {
        state.unclosed_string = true;
        if (token.end == text.size()) state.open_quote = text[token.begin];
      }
      if (token.kind == TokenKind::BlockComment) state.in_block_comment = true;
      continue;
    }
    if (token.kind != TokenKind::Punct) continue;
    const char c = text[token.begin];
    if (c == '(' || c == '[') {
      state.open_brackets.push_back(c);
    } else if ((c == ')' || c == ']') && !state.open_brackets.empty()) {
      // A mismatched closer (`(]`) still closes the innermost bracket: the parser reports the
      // mismatch, and the user is not left stuck in continuation mode.
      state.open_brackets.pop_back();
    }
  }
  return state;
}

std::string join_lines_for_history(std::string_view text) {
  std::string out;
  const auto append_flattened = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) out.push_back(text[i] == '\n' || text[i] == '\r' ? ' ' : text[i]);
  };
  std::size_t copied = 0;
  for (const Token& token : scan_tokens(text)) {
    append_flattened(copied, token.begin);  // whitespace between tokens
    if (token.kind != TokenKind::LineComment) append_flattened(token.begin, token.end);
    copied = token.end;
  }
  append_flattened(copied, text.size());
  // Trailing blanks left by dropped comments or final newlines carry no meaning.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace cql::cli
