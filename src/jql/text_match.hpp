#pragma once
// The `~` operator of the offline evaluator (spec/jira.md §5, §7): both sides are split into
// words (runs of letters and digits; any non-ASCII character counts as a letter), compared
// case-insensitively. Every word of the operand must occur in the field; a trailing `*` makes
// a word a prefix; a double-quoted phrase inside the operand needs its words adjacent and in order.

#include <string>
#include <string_view>
#include <vector>

namespace cql::jql {

// Lower-cased words of a text, in order.
std::vector<std::string> text_words(std::string_view text);

class TextQuery {
 public:
  explicit TextQuery(std::string_view operand);
  bool empty() const noexcept { return terms_.empty(); }
  // `words` as returned by text_words().
  bool matches(const std::vector<std::string>& words) const;

 private:
  struct Word {
    std::string text;
    bool prefix = false;
  };
  using Term = std::vector<Word>;  // one word, or the words of a phrase
  std::vector<Term> terms_;
};

}  // namespace cql::jql
