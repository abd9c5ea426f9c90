#pragma once
// Tab completion for the REPL: namespaces, global functions, methods after `.` chosen by the
// receiver's static type, meta commands, entity tags after `:entity ` and file paths after the
// commands that load files. Pure logic over text: the line editor (repl_line_editor.cpp) asks
// for candidates and applies them.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cql/registry.hpp"

namespace cql::cli {

struct CompletionCandidate {
  std::string insert;  // replaces the word being completed: "numOfIssues(", "length", "jira."
  std::string label;   // shown in a list of several: "numOfIssues(jql?) -> int"
  std::string summary; // one line, may be empty
};

struct Completion {
  std::size_t word_begin = 0;  // byte offset in the completed text where the replaced word starts
  std::vector<CompletionCandidate> candidates;  // sorted by insert text, no duplicates

  // The longest prefix shared by every candidate's insert text (what a first Tab inserts).
  std::string common_prefix() const;
};

// The static type of a receiver, as far as it is known. A known namespace handle (`jira`,
// `entity`) carries its name.
struct ReceiverType {
  StaticType type = StaticType::Unknown;
  std::string namespace_name;
};

// Asks the checker for the static type of an expression's text (the engine knows the types
// of every registered function, facts namespaces and lambda parameters). Returns nullopt when
// the text does not check; completion then falls back to its own simple inference.
using StaticTypeOracle = std::function<std::optional<StaticType>(std::string_view expression)>;

class Completer {
 public:
  explicit Completer(const Registry& registry);

  void set_entity_tags(std::vector<std::string> tags) { entity_tags_ = std::move(tags); }
  void set_static_type_oracle(StaticTypeOracle oracle) { oracle_ = std::move(oracle); }
  // Directory that relative file arguments are completed against (default: the working directory).
  void set_base_directory(std::string directory) { base_directory_ = std::move(directory); }

  // Candidates for the text before the cursor. `text` is the whole input so far: earlier lines
  // of a multi-line input followed by the current line up to the cursor.
  Completion complete(std::string_view text) const;

  // The type the receiver chain ending just before `text[dot]` (a '.') has, by simple
  // inference over literals and the registry's result types. Exposed for tests.
  ReceiverType infer_receiver(std::string_view text, std::size_t dot) const;

 private:
  Completion complete_expression(std::string_view text, std::size_t offset) const;
  Completion complete_meta(std::string_view text) const;
  std::vector<CompletionCandidate> members_of(const ReceiverType& receiver) const;
  std::vector<CompletionCandidate> bare_names(std::string_view text) const;
  // Every method: the registry's and the evaluator's own lambda methods.
  std::vector<const FunctionSpec*> methods() const;

  const Registry& registry_;
  std::vector<FunctionSpec> lambda_methods_;  // filter, map, any, all, none on lists
  std::vector<std::string> entity_tags_;
  StaticTypeOracle oracle_;
  std::string base_directory_;
};

// File-system entries whose path starts with `partial` (relative paths are resolved against
// `base_directory` when it is not empty); directories end with '/'. `~/` means $HOME.
std::vector<CompletionCandidate> complete_path(std::string_view partial, const std::string& base_directory);

}  // namespace cql::cli
