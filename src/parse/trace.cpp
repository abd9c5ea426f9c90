// A second instantiation of the grammar, with PEGTL's state_control (contrib/trace.hpp's
// machinery) feeding a tracer that writes into a string instead of std::cerr.
#include "parse/trace.hpp"

#include <memory>
#include <string>
#include <vector>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/state_control.hpp>

#include "cql_rules.hpp"
#include "parse/parse_actions.hpp"
#include "parse/parse_control.hpp"
#include "parse/parse_state.hpp"

namespace cql::parse {
namespace {

constexpr std::string_view kGrammarNamespace = "cql::grammar::";

template <typename Rule>
constexpr std::string_view rule_name() {
  return tao::pegtl::demangle<Rule>().substr(kGrammarNamespace.size());
}

class StringTracer {
 public:
  // Only the named rules of cql_rules.hpp, not PEGTL's building blocks.
  template <typename Rule>
  static constexpr bool enable = tao::pegtl::demangle<Rule>().substr(0, kGrammarNamespace.size()) ==
                                     kGrammarNamespace &&
                                 !std::is_same_v<Rule, grammar::sep>;

  explicit StringTracer(const SourceFile& source) : source_(source) {}

  template <typename Rule, typename ParseInput, typename... States>
  void start(const ParseInput& in, States&&... /*unused*/) {
    const auto begin = offset(in);
    const auto pos = source_.position(begin);
    open_.push_back({lines_.size(), begin});
    lines_.push_back(std::string(2 * open_.size() - 2, ' ') + std::string(rule_name<Rule>()) + " @" +
                     std::to_string(pos.line) + ":" + std::to_string(pos.column));
  }

  template <typename Rule, typename ParseInput, typename... States>
  void success(const ParseInput& in, States&&... /*unused*/) {
    const Open open = close();
    const auto end = offset(in);
    if (end == open.begin) {
      lines_.resize(open.line);  // a check or an empty repetition: noise
      return;
    }
    std::string_view matched = std::string_view(source_.text()).substr(open.begin, end - open.begin);
    lines_[open.line] += " \"" + quote(matched) + "\"";
  }

  // Alternatives that did not match are left out, with everything they tried.
  template <typename Rule, typename ParseInput, typename... States>
  void failure(const ParseInput& /*unused*/, States&&... /*unused*/) {
    lines_.resize(close().line);
  }

  template <typename Rule, typename ParseInput, typename... States>
  void raise(const ParseInput& in, States&&... /*unused*/) {
    const auto pos = source_.position(offset(in));
    lines_.push_back(std::string(2 * open_.size(), ' ') + "raise " + std::string(rule_name<Rule>()) + " @" +
                     std::to_string(pos.line) + ":" + std::to_string(pos.column));
  }

  template <typename Rule, typename ParseInput, typename... States>
  void unwind(const ParseInput& /*unused*/, States&&... /*unused*/) {
    (void)close();
  }

  template <typename Rule, typename ParseInput, typename... States>
  void apply(const ParseInput& /*unused*/, States&&... /*unused*/) {}
  template <typename Rule, typename ParseInput, typename... States>
  void apply0(const ParseInput& /*unused*/, States&&... /*unused*/) {}

  std::string text() const {
    std::string out;
    for (const auto& line : lines_) out += line + "\n";
    return out;
  }

 private:
  struct Open {
    std::size_t line;
    std::uint32_t begin;
  };

  template <typename ParseInput>
  std::uint32_t offset(const ParseInput& in) const {
    return static_cast<std::uint32_t>(in.current() - source_.text().data());
  }
  Open close() {
    const Open open = open_.back();
    open_.pop_back();
    return open;
  }
  static std::string quote(std::string_view s) {
    constexpr std::size_t kMax = 60;
    std::string out;
    for (char c : s.substr(0, kMax)) {
      if (c == '\n') out += "\\n";
      else if (c == '"') out += "\\\"";
      else out += c;
    }
    if (s.size() > kMax) out += "...";
    return out;
  }

  const SourceFile& source_;
  std::vector<std::string> lines_;
  std::vector<Open> open_;
};

template <typename Rule>
using TracingControl = typename tao::pegtl::state_control<Control>::template type<Rule>;

}  // namespace

std::string trace_parse(std::string_view text, const ParseLimits& limits) {
  auto source = std::make_shared<SourceFile>("<expr>", std::string(text));
  auto parsed = parse_expression(source, limits);
  // Text the grammar never sees (too long, not UTF-8) has no trace.
  if (check_text(source->text(), limits)) return render(parsed.errors());

  StringTracer tracer(*source);
  ast::Arena arena;
  ParseState state(source->text(), arena, limits.max_nesting);
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf> in(
      source->text().data(), source->text().data() + source->text().size(), "");
  try {
    (void)tao::pegtl::parse<grammar::grammar, Action, TracingControl>(in, state, tracer);
  } catch (const SyntaxFailure&) {
    // The error is reported below, rendered as parse_expression() reports it.
  }
  return tracer.text() + (parsed ? std::string("ok\n") : render(parsed.errors()));
}

}  // namespace cql::parse
