#include "cli/completion.hpp"

#include <algorithm>

#include "cli/repl_lexer.hpp"
#include "cli/repl_meta_command.hpp"

namespace cql::cli {

namespace {

bool is_punct(const Token& token, std::string_view text, char c) {
  return token.kind == TokenKind::Punct && token.end == token.begin + 1 && text[token.begin] == c;
}

bool receiver_accepts(StaticType method_receiver, StaticType actual) {
  if (actual == StaticType::Unknown || method_receiver == StaticType::Unknown) return true;
  if (method_receiver == actual) return true;
  const bool actual_numeric = actual == StaticType::Int || actual == StaticType::Double || actual == StaticType::Number;
  return method_receiver == StaticType::Number && actual_numeric;
}

std::string signature_label(const FunctionSpec& spec) {
  std::string label = spec.name;
  if (!spec.is_property) {
    label += '(';
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
      if (i > 0) label += ", ";
      label += spec.params[i].name;
      if (!spec.params[i].required) label += '?';
    }
    label += ')';
  }
  if (spec.result != StaticType::Unknown) {
    label += " -> ";
    label += static_type_name(spec.result);
  }
  return label;
}

CompletionCandidate candidate_for(const FunctionSpec& spec) {
  return {spec.is_property ? spec.name : spec.name + "(", signature_label(spec), spec.summary};
}

void sort_unique(std::vector<CompletionCandidate>& candidates) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& a, const auto& b) { return a.insert < b.insert; });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const auto& a, const auto& b) { return a.insert == b.insert; }),
                   candidates.end());
}

void keep_prefixed(std::vector<CompletionCandidate>& candidates, std::string_view prefix) {
  std::erase_if(candidates, [prefix](const auto& c) { return !std::string_view(c.insert).starts_with(prefix); });
}

// Index of the '(' or '[' matching the closer at `close`, or -1.
long matching_open(const std::vector<Token>& tokens, std::string_view text, long close) {
  int depth = 0;
  for (long i = close; i >= 0; --i) {
    const Token& t = tokens[static_cast<std::size_t>(i)];
    if (is_punct(t, text, ')') || is_punct(t, text, ']')) ++depth;
    if (is_punct(t, text, '(') || is_punct(t, text, '[')) {
      if (--depth == 0) return i;
    }
  }
  return -1;
}

// Lambda parameters written so far (`(g) =>`, `x =>`, `(a, b) =>`): offered as bare names.
// Scope is approximated as "anything declared earlier in the input".
std::vector<std::string> lambda_parameters(const std::vector<Token>& tokens, std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::Punct || tokens[i].text(text) != "=>" || i == 0) continue;
    const Token& before = tokens[i - 1];
    if (before.kind == TokenKind::Identifier) {
      names.emplace_back(before.text(text));
    } else if (is_punct(before, text, ')')) {
      for (std::size_t j = i - 1; j-- > 0 && !is_punct(tokens[j], text, '(');) {
        if (tokens[j].kind == TokenKind::Identifier) names.emplace_back(tokens[j].text(text));
      }
    }
  }
  return names;
}

// Lookups over the registry's tables. (The Registry's own finders would do the same; these keep
// completion independent of how the engine indexes them.)
const FunctionSpec* find_global(const Registry& registry, std::string_view name) {
  for (const FunctionSpec& fn : registry.functions()) {
    if (!fn.receiver && fn.namespace_name.empty() && fn.name == name) return &fn;
  }
  return nullptr;
}

const FunctionSpec* find_in_namespace(const Registry& registry, std::string_view ns, std::string_view name) {
  for (const FunctionSpec& fn : registry.functions()) {
    if (!fn.receiver && fn.namespace_name == ns && fn.name == name) return &fn;
  }
  return nullptr;
}

bool is_namespace(const Registry& registry, std::string_view name) {
  const auto& namespaces = registry.namespaces();
  const auto& functions = registry.functions();
  return std::any_of(namespaces.begin(), namespaces.end(), [&](const NamespaceSpec& ns) { return ns.name == name; }) ||
         std::any_of(functions.begin(), functions.end(), [&](const FunctionSpec& fn) { return fn.namespace_name == name; });
}

// One step of a receiver chain such as `custom("x").split(",").length`.
struct ChainStep {
  enum class Kind { Name, Call, StringLiteral, NumberLiteral, ListLiteral, Parenthesised } kind;
  std::string name;  // Name / Call
  bool is_double = false;  // NumberLiteral
};

}  // namespace

std::string Completion::common_prefix() const {
  if (candidates.empty()) return {};
  std::string prefix = candidates.front().insert;
  for (const auto& c : candidates) {
    std::size_t n = 0;
    while (n < prefix.size() && n < c.insert.size() && prefix[n] == c.insert[n]) ++n;
    prefix.resize(n);
  }
  return prefix;
}

Completer::Completer(const Registry& registry) : registry_(registry) {
  // The list methods that take a lambda are implemented by the evaluator itself and are not
  // registry entries (src/check: is_lambda_method), so completion declares them here.
  const auto lambda_method = [](std::string name, std::string param, StaticType result, std::string summary) {
    FunctionSpec spec;
    spec.name = std::move(name);
    spec.receiver = StaticType::List;
    spec.params = {ParamSpec{std::move(param), StaticType::Lambda, true, {}}};
    spec.result = result;
    spec.summary = std::move(summary);
    return spec;
  };
  lambda_methods_ = {
      lambda_method("filter", "p", StaticType::List, "the elements for which p(x) is true"),
      lambda_method("map", "f", StaticType::List, "f(x) for every element"),
      lambda_method("any", "p", StaticType::Bool, "whether p(x) is true for some element"),
      lambda_method("all", "p", StaticType::Bool, "whether p(x) is true for every element"),
      lambda_method("none", "p", StaticType::Bool, "whether p(x) is false for every element"),
  };
}

Completion Completer::complete(std::string_view text) const {
  if (is_meta_command_line(text)) return complete_meta(text);
  return complete_expression(text, 0);
}

ReceiverType Completer::infer_receiver(std::string_view text, std::size_t dot) const {
  const std::vector<Token> tokens = scan_tokens(text.substr(0, dot));
  // Walk back from the dot collecting the chain, then type it forwards.
  std::vector<ChainStep> steps;  // last step first
  long i = static_cast<long>(tokens.size()) - 1;
  while (true) {
    if (i < 0) return {};
    const Token& t = tokens[static_cast<std::size_t>(i)];
    bool primary = false;
    if (is_punct(t, text, ')')) {
      const long open = matching_open(tokens, text, i);
      if (open < 0) return {};
      if (open > 0 && tokens[static_cast<std::size_t>(open - 1)].kind == TokenKind::Identifier) {
        steps.push_back({ChainStep::Kind::Call, std::string(tokens[static_cast<std::size_t>(open - 1)].text(text))});
        i = open - 2;
      } else {
        steps.push_back({ChainStep::Kind::Parenthesised, {}});
        i = open - 1;
        primary = true;
      }
    } else if (is_punct(t, text, ']')) {
      const long open = matching_open(tokens, text, i);
      if (open < 0) return {};
      steps.push_back({ChainStep::Kind::ListLiteral, {}});
      i = open - 1;
      primary = true;
    } else if (t.kind == TokenKind::Identifier) {
      steps.push_back({ChainStep::Kind::Name, std::string(t.text(text))});
      i -= 1;
    } else if (t.kind == TokenKind::String && t.terminated) {
      steps.push_back({ChainStep::Kind::StringLiteral, {}});
      i -= 1;
      primary = true;
    } else if (t.kind == TokenKind::Number) {
      const std::string_view digits = t.text(text);
      steps.push_back({ChainStep::Kind::NumberLiteral, {}, digits.find_first_of(".eE") != std::string_view::npos});
      i -= 1;
      primary = true;
    } else {
      return {};
    }
    // A name or call continues the chain only when a member dot precedes it.
    if (!primary && i >= 0 && is_punct(tokens[static_cast<std::size_t>(i)], text, '.')) {
      i -= 1;
      continue;
    }
    if (!primary || i < 0 || !is_punct(tokens[static_cast<std::size_t>(i)], text, '.')) break;
    return {};  // `x.(a)` or `x."s"` is not a chain
  }

  // The checker is authoritative when it is available and the receiver checks on its own.
  const auto first_token = tokens[static_cast<std::size_t>(i + 1)];
  const std::string_view receiver_text = text.substr(first_token.begin, dot - first_token.begin);
  const bool bare_name = steps.size() == 1 && steps.front().kind == ChainStep::Kind::Name;
  if (oracle_) {
    if (const auto type = oracle_(receiver_text)) {
      return {*type, *type == StaticType::Namespace && bare_name ? std::string(receiver_text) : std::string()};
    }
  }

  std::reverse(steps.begin(), steps.end());
  ReceiverType current;
  const ChainStep& head = steps.front();
  switch (head.kind) {
    case ChainStep::Kind::StringLiteral: current.type = StaticType::String; break;
    case ChainStep::Kind::NumberLiteral: current.type = head.is_double ? StaticType::Double : StaticType::Int; break;
    case ChainStep::Kind::ListLiteral: current.type = StaticType::List; break;
    case ChainStep::Kind::Parenthesised: break;
    case ChainStep::Kind::Call:
      if (const FunctionSpec* fn = find_global(registry_, head.name)) current.type = fn->result;
      break;
    case ChainStep::Kind::Name:
      if (head.name == "true" || head.name == "false") {
        current.type = StaticType::Bool;
      } else if (head.name == "null") {
        current.type = StaticType::Null;
      } else if (is_namespace(registry_, head.name)) {
        current = {StaticType::Namespace, head.name};
      }
      break;
  }
  for (std::size_t s = 1; s < steps.size(); ++s) {
    const ChainStep& step = steps[s];
    ReceiverType next;
    if (current.type == StaticType::Namespace) {
      if (const FunctionSpec* fn = find_in_namespace(registry_, current.namespace_name, step.name)) next.type = fn->result;
    } else {
      // Methods of that name applicable to the receiver; the result is known when they agree.
      std::optional<StaticType> agreed;
      bool conflict = false;
      for (const FunctionSpec* fn : methods()) {
        if (fn->name != step.name || !receiver_accepts(*fn->receiver, current.type)) continue;
        if (agreed && *agreed != fn->result) conflict = true;
        agreed = fn->result;
      }
      if (agreed && !conflict) next.type = *agreed;
    }
    current = next;
  }
  return current;
}

std::vector<CompletionCandidate> Completer::members_of(const ReceiverType& receiver) const {
  std::vector<CompletionCandidate> out;
  if (receiver.type == StaticType::Null) return out;  // any member of null is a type error
  if (receiver.type == StaticType::Namespace) {
    for (const FunctionSpec& fn : registry_.functions()) {
      if (!fn.receiver && fn.namespace_name == receiver.namespace_name) out.push_back(candidate_for(fn));
    }
    return out;
  }
  for (const FunctionSpec* fn : methods()) {
    if (receiver_accepts(*fn->receiver, receiver.type)) out.push_back(candidate_for(*fn));
  }
  return out;
}

std::vector<const FunctionSpec*> Completer::methods() const {
  std::vector<const FunctionSpec*> out;
  for (const FunctionSpec& fn : registry_.functions()) {
    if (fn.receiver) out.push_back(&fn);
  }
  for (const FunctionSpec& fn : lambda_methods_) {
    const bool registered = std::any_of(out.begin(), out.end(), [&](const FunctionSpec* m) {
      return m->name == fn.name && m->receiver == StaticType::List;
    });
    if (!registered) out.push_back(&fn);
  }
  return out;
}

std::vector<CompletionCandidate> Completer::bare_names(std::string_view text) const {
  std::vector<CompletionCandidate> out;
  for (const FunctionSpec& fn : registry_.functions()) {
    if (!fn.receiver && fn.namespace_name.empty()) out.push_back(candidate_for(fn));
    if (!fn.namespace_name.empty()) out.push_back({fn.namespace_name + ".", fn.namespace_name, ""});
  }
  for (const NamespaceSpec& ns : registry_.namespaces()) {
    if (!ns.name.empty()) out.push_back({ns.name + ".", ns.name, ""});
  }
  for (const char* keyword : {"true", "false", "null"}) out.push_back({keyword, keyword, ""});
  for (std::string& param : lambda_parameters(scan_tokens(text), text)) {
    out.push_back({param, param + " (lambda parameter)", ""});
  }
  return out;
}

Completion Completer::complete_expression(std::string_view text, std::size_t offset) const {
  const std::string_view expr = text.substr(offset);
  const std::vector<Token> tokens = scan_tokens(expr);
  Completion result{text.size(), {}};
  std::string_view word;
  std::size_t before_word = tokens.size();  // index of the token before the word
  if (!tokens.empty() && tokens.back().end == expr.size()) {
    const Token& last = tokens.back();
    // Inside a string, a number or a comment there is nothing to complete.
    if (last.kind != TokenKind::Identifier && last.kind != TokenKind::Punct) return result;
    if (last.kind == TokenKind::Identifier) {
      word = last.text(expr);
      before_word = tokens.size() - 1;
      result.word_begin = offset + last.begin;
    }
  }
  if (before_word > 0 && is_punct(tokens[before_word - 1], expr, '.')) {
    result.candidates = members_of(infer_receiver(expr, tokens[before_word - 1].begin));
  } else {
    result.candidates = bare_names(expr);
  }
  keep_prefixed(result.candidates, word);
  sort_unique(result.candidates);
  return result;
}

Completion Completer::complete_meta(std::string_view text) const {
  const std::size_t colon = text.find(':');
  std::size_t name_end = colon + 1;
  while (name_end < text.size() && text[name_end] != ' ' && text[name_end] != '\t') ++name_end;
  Completion result{text.size(), {}};
  if (name_end == text.size()) {  // still typing the command name
    result.word_begin = colon;
    for (const MetaCommandInfo& info : meta_commands()) {
      std::string insert = ":" + std::string(info.name);
      if (info.argument != MetaArgument::None) insert += ' ';
      result.candidates.push_back({insert, ":" + std::string(info.name), std::string(info.summary)});
    }
    keep_prefixed(result.candidates, text.substr(colon));
    sort_unique(result.candidates);
    return result;
  }
  const std::string_view name = text.substr(colon + 1, name_end - colon - 1);
  const auto commands = meta_commands();
  const auto info = std::find_if(commands.begin(), commands.end(), [&](const auto& c) { return c.name == name; });
  if (info == commands.end()) return result;
  std::size_t arg_begin = name_end;
  while (arg_begin < text.size() && (text[arg_begin] == ' ' || text[arg_begin] == '\t')) ++arg_begin;
  if (info->argument == MetaArgument::Expression) return complete_expression(text, arg_begin);
  // Every other argument is a single word on the command's line.
  const std::string_view argument = text.substr(arg_begin);
  if (argument.find('\n') != std::string_view::npos) return result;
  result.word_begin = arg_begin;
  const bool looks_like_path = argument.find('/') != std::string_view::npos || argument.starts_with('.') ||
                               argument.starts_with('~');
  switch (info->argument) {
    case MetaArgument::EntityOrFile:
      if (!looks_like_path) {
        for (const std::string& tag : entity_tags_) result.candidates.push_back({tag, tag, ""});
        keep_prefixed(result.candidates, argument);
      }
      if (result.candidates.empty()) result.candidates = complete_path(argument, base_directory_);
      break;
    case MetaArgument::File: result.candidates = complete_path(argument, base_directory_); break;
    case MetaArgument::CommandName:
      for (const MetaCommandInfo& c : commands) result.candidates.push_back({std::string(c.name), std::string(c.name), ""});
      break;
    case MetaArgument::Timestamp: result.candidates.push_back({"real", "real", "go back to the real clock"}); break;
    case MetaArgument::None:
    case MetaArgument::Expression: break;
  }
  keep_prefixed(result.candidates, argument);
  sort_unique(result.candidates);
  return result;
}

}  // namespace cql::cli
