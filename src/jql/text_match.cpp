// Word matching for `~` (see text_match.hpp).
#include "jql/text_match.hpp"

namespace cql::jql {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Calls `emit(word, followed_by_star)` for every word of `text`.
template <typename Emit>
void for_each_word(std::string_view text, Emit&& emit) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) word += lower(text[i++]);
    if (!word.empty()) emit(std::move(word), i < text.size() && text[i] == '*');
  }
}

}  // namespace

std::vector<std::string> text_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](std::string word, bool) { words.push_back(std::move(word)); });
  return words;
}

TextQuery::TextQuery(std::string_view operand) {
  // Outside quotes every word is its own term; inside a pair of double quotes the words form
  // one phrase. An unpaired quote runs to the end.
  std::size_t i = 0;
  while (i < operand.size()) {
    const std::size_t quote = operand.find('"', i);
    const std::string_view loose = operand.substr(i, quote == std::string_view::npos ? std::string_view::npos : quote - i);
    for_each_word(loose, [&](std::string word, bool star) { terms_.push_back(Term{Word{std::move(word), star}}); });
    if (quote == std::string_view::npos) break;
    const std::size_t close = operand.find('"', quote + 1);
    const std::string_view phrase = operand.substr(quote + 1, close == std::string_view::npos ? std::string_view::npos : close - quote - 1);
    Term term;
    for_each_word(phrase, [&](std::string word, bool star) { term.push_back(Word{std::move(word), star}); });
    if (!term.empty()) terms_.push_back(std::move(term));
    if (close == std::string_view::npos) break;
    i = close + 1;
  }
}

bool TextQuery::matches(const std::vector<std::string>& words) const {
  auto word_matches = [](const std::string& have, const Word& want) {
    return want.prefix ? have.compare(0, want.text.size(), want.text) == 0 : have == want.text;
  };
  for (const Term& term : terms_) {
    bool found = false;
    for (std::size_t start = 0; !found && start + term.size() <= words.size(); ++start) {
      found = true;
      for (std::size_t k = 0; found && k < term.size(); ++k) found = word_matches(words[start + k], term[k]);
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace cql::jql
