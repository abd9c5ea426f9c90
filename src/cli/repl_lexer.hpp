#pragma once
// A small, forgiving scanner for REPL input that may be unfinished.
//
// The real parser (src/parse) rejects incomplete text, but the REPL has to reason about text
// while it is being typed: is the expression finished or is a bracket still open (multi-line
// input), and which token is the cursor on (tab completion); brackets inside strings and
// comments do not count. This scanner never
// fails: an unterminated string or comment is a token flagged as unterminated. It follows the
// lexical rules of spec/cql.md §1 closely enough for those two jobs and nothing more.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cql::cli {

enum class TokenKind {
  Identifier,    // [A-Za-z_][A-Za-z0-9_]*
  Number,        // 12, 3.25, 1e3
  String,        // "..." or '...' (on one line: a line break ends an unclosed string)
  Punct,         // one character, or the arrow `=>`
  LineComment,   // `// ...` up to (not including) the newline
  BlockComment,  // `/* ... */`
};

struct Token {
  TokenKind kind;
  std::size_t begin = 0;  // byte offsets into the scanned text
  std::size_t end = 0;
  bool terminated = true;  // false for a string or block comment that is not closed

  std::string_view text(std::string_view source) const { return source.substr(begin, end - begin); }
};

std::vector<Token> scan_tokens(std::string_view text);

// What is still open at the end of the text.
struct InputState {
  std::string open_brackets;  // '(' and '[' still open, outermost first
  char open_quote = 0;        // the quote of a string still open at the very end of the text
  bool unclosed_string = false;  // some string ends at a line break or the end without its quote
  bool in_block_comment = false;

  // The input can be handed to the parser. More lines are awaited while a bracket or a block
  // comment is open. A string cannot span lines in CQL, so an unclosed one can never be fixed by
  // further lines: the input is complete and the parser reports it with a caret. Unbalanced
  // closing brackets do not keep the input open either; the parser reports them.
  bool complete() const { return unclosed_string || (open_brackets.empty() && !in_block_comment); }
};

InputState scan_input(std::string_view text);

// One history line for a (possibly multi-line) input: line breaks become spaces and `//`
// comments are dropped, because a `//` comment would swallow the rest of the
// joined line.
std::string join_lines_for_history(std::string_view text);

}  // namespace cql::cli
