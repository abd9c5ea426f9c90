// The native fast path of jq() (see jq_support.hpp). The subset:
//   program := stage ('|' stage)*
//   stage   := path | 'tonumber' | 'length' | 'not' | 'ascii_downcase' | 'ascii_upcase'
//            | 'select' '(' path [('==' | '!=') literal | ('<' | '<=' | '>' | '>=') number] ')'
//   path    := '.' | first rest*        (no spaces inside a path, as jq writes them)
//   first   := '.' name | '.' string | '.[' (string | integer) ']' | '.[]'
//   rest    := '.' name | '.' string | '[' (string | integer) ']' | '[]'
//   literal := string | number | 'true' | 'false' | 'null'
// (jq 1.6 rejects `.a.[0]`, so `[` after the first segment is never preceded by a dot.)
// A path inside select() must not iterate. Strings take the simple JSON escapes only.
// Anything else is left to libjq, which is also what decides every error.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cql/time.hpp"
#include "eval/json_value.hpp"
#include "eval/utf8.hpp"
#include "stdlib/jq_support.hpp"

namespace cql::jq_support {

namespace {

struct Step {
  enum class Kind { Field, Index, Iterate } kind;
  std::string key;
  std::int64_t index = 0;
};

struct Path {
  std::vector<Step> steps;  // empty: `.`
  bool iterates() const {
    for (const Step& s : steps) {
      if (s.kind == Step::Kind::Iterate) return true;
    }
    return false;
  }
};

enum class Builtin { ToNumber, Length, Not, AsciiDowncase, AsciiUpcase };

// `select(path)` (op None: truthiness) or `select(path OP literal)`.
enum class Compare { None, Eq, Ne, Lt, Le, Gt, Ge };

struct Select {
  Path path;
  Compare op = Compare::None;
  Value literal;  // null, bool, number or string; a number for the ordering operators
};

using Stage = std::variant<Path, Builtin, Select>;

}  // namespace

class FastProgram {
 public:
  std::vector<Stage> stages;
  bool iterates = false;  // some stage can emit several values
};

namespace {

// ---------------------------------------------------------------------------------------------
// Parsing

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

bool is_keyword(std::string_view w) {
  for (std::string_view k : {"as", "def", "module", "import", "include", "if", "then", "elif", "else", "end", "and",
                             "or", "reduce", "foreach", "try", "catch", "label", "__loc__"}) {
    if (w == k) return true;
  }
  return false;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool program(FastProgram& out) {
    do {
      skip_space();
      Stage stage;
      if (!parse_stage(stage)) return false;
      if (const Path* p = std::get_if<Path>(&stage); p != nullptr && p->iterates()) out.iterates = true;
      out.stages.push_back(std::move(stage));
      skip_space();
    } while (eat('|'));
    return pos_ == text_.size();
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  std::string_view identifier() {
    const std::size_t start = pos_;
    if (!is_ident_start(peek())) return {};
    while (pos_ < text_.size() && is_ident_char(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  bool parse_stage(Stage& out) {
    if (peek() == '.') {
      Path path;
      if (!parse_path(path)) return false;
      out = std::move(path);
      return true;
    }
    const std::string_view word = identifier();
    if (word == "tonumber") out = Builtin::ToNumber;
    else if (word == "length") out = Builtin::Length;
    else if (word == "not") out = Builtin::Not;
    else if (word == "ascii_downcase") out = Builtin::AsciiDowncase;
    else if (word == "ascii_upcase") out = Builtin::AsciiUpcase;
    else if (word == "select") return parse_select(out);
    else return false;
    return true;
  }

  bool parse_select(Stage& out) {
    skip_space();
    if (!eat('(')) return false;
    skip_space();
    Select select;
    if (!parse_path(select.path) || select.path.iterates()) return false;
    skip_space();
    select.op = comparison();
    if (select.op != Compare::None) {
      skip_space();
      if (!parse_literal(select.literal)) return false;
      // jq orders values of different types by a type rank; only numbers are modelled here.
      const bool ordering = select.op != Compare::Eq && select.op != Compare::Ne;
      if (ordering && select.literal.type() != Type::Double) return false;
      skip_space();
    }
    if (!eat(')')) return false;
    out = std::move(select);
    return true;
  }

  Compare comparison() {
    const std::string_view two = text_.substr(pos_, 2);
    const std::pair<std::string_view, Compare> kOperators[] = {
        {"==", Compare::Eq}, {"!=", Compare::Ne}, {"<=", Compare::Le}, {">=", Compare::Ge},
        {"<", Compare::Lt},  {">", Compare::Gt}};
    for (const auto& [token, op] : kOperators) {
      if (two.substr(0, token.size()) == token) {
        pos_ += token.size();
        return op;
      }
    }
    return Compare::None;
  }

  bool parse_path(Path& path) {
    if (!eat('.')) return false;
    // First segment: `.name`, `."str"`, `.[...]`, or nothing (identity).
    if (is_ident_start(peek())) {
      if (!field_name(path)) return false;
    } else if (peek() == '"') {
      if (!quoted_field(path)) return false;
    } else if (peek() == '[') {
      if (!bracket(path)) return false;
    } else {
      return !is_ident_char(peek());  // `.` alone
    }
    while (true) {
      if (peek() == '[') {
        if (!bracket(path)) return false;
      } else if (peek() == '.' && pos_ + 1 < text_.size() && (is_ident_start(text_[pos_ + 1]) || text_[pos_ + 1] == '"')) {
        ++pos_;
        if (peek() == '"' ? !quoted_field(path) : !field_name(path)) return false;
      } else {
        return true;
      }
    }
  }

  bool field_name(Path& path) {
    const std::string_view name = identifier();
    if (name.empty() || is_keyword(name)) return false;
    path.steps.push_back({Step::Kind::Field, std::string(name)});
    return true;
  }

  bool quoted_field(Path& path) {
    std::string key;
    if (!string_literal(key)) return false;
    path.steps.push_back({Step::Kind::Field, std::move(key)});
    return true;
  }

  bool bracket(Path& path) {
    if (!eat('[')) return false;
    if (eat(']')) {
      path.steps.push_back({Step::Kind::Iterate, {}});
      return true;
    }
    if (peek() == '"') {
      std::string key;
      if (!string_literal(key) || !eat(']')) return false;
      path.steps.push_back({Step::Kind::Field, std::move(key)});
      return true;
    }
    const bool negative = eat('-');
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    std::int64_t index = 0;
    const auto [ptr, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, index);
    if (pos_ == start || ec != std::errc() || pos_ - start > 9 || !eat(']')) return false;
    path.steps.push_back({Step::Kind::Index, {}, negative ? -index : index});
    return true;
  }

  // A JSON-style string with simple escapes; `\u` and interpolation `\(` are left to libjq.
  bool string_literal(std::string& out) {
    if (!eat('"')) return false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return false;
      switch (text_[pos_++]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        default: return false;
      }
    }
    return false;
  }

  bool parse_literal(Value& out) {
    if (peek() == '"') {
      std::string s;
      if (!string_literal(s)) return false;
      out = Value(std::move(s));
      return true;
    }
    const std::size_t start = pos_;
    if (is_ident_start(peek())) {
      const std::string_view word = identifier();
      if (word == "true") out = Value(true);
      else if (word == "false") out = Value(false);
      else if (word == "null") out = Value();
      else return false;
      return true;
    }
    eat('-');
    while (pos_ < text_.size() && ((text_[pos_] >= '0' && text_[pos_] <= '9') || text_[pos_] == '.')) ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) return false;  // leave exponents to jq
    const std::string number(text_.substr(start, pos_ - start));
    if (number.empty() || number == "-" || number.back() == '.' || number.find('.') != number.rfind('.')) return false;
    char* end = nullptr;
    const double d = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(d)) return false;
    out = Value(d);
    return true;
  }
};

// ---------------------------------------------------------------------------------------------
// Evaluation

enum class Outcome { Output, Empty, Decline };

const Value kNullValue;

// Where one path step leads inside `v`, without copying; nullptr when jq would raise an error
// (or, for durations, timestamps, semvers and namespaces, which jq sees as strings and
// objects, when libjq should answer).
const Value* step(const Value& v, const Step& s) {
  switch (v.type()) {
    case Type::Null: return s.kind == Step::Kind::Iterate ? nullptr : &kNullValue;
    case Type::Object: {
      if (s.kind != Step::Kind::Field) return nullptr;
      const Value* field = v.as_object().find(s.key);
      return field != nullptr ? field : &kNullValue;
    }
    case Type::List: {
      if (s.kind != Step::Kind::Index) return nullptr;
      const List& list = v.as_list();
      std::int64_t i = s.index;
      if (i < 0) i += static_cast<std::int64_t>(list.size());
      return (i >= 0 && i < static_cast<std::int64_t>(list.size())) ? &list[static_cast<std::size_t>(i)] : &kNullValue;
    }
    default: return nullptr;
  }
}

// A path without iteration applied to one value; nullptr: decline.
const Value* single_path(const Path& path, const Value& in) {
  const Value* current = &in;
  for (const Step& s : path.steps) {
    current = step(*current, s);
    if (current == nullptr) return nullptr;
  }
  return current;
}

bool truthy(const Value& v) { return !(v.is_null() || (v.type() == Type::Bool && !v.as_bool())); }

// jq's == between a value and a scalar literal: numbers compare as doubles (jq has no ints).
bool jq_equals_literal(const Value& v, const Value& literal) {
  if (literal.type() == Type::Double) return v.is_number() && v.as_number() == literal.as_double();
  if (v.type() != literal.type()) return false;
  switch (v.type()) {
    case Type::Null: return true;
    case Type::Bool: return v.as_bool() == literal.as_bool();
    case Type::String: return v.as_string() == literal.as_string();
    default: return false;
  }
}

// Strict JSON number text, as libjq's tonumber parses it; anything else (spaces, `nan`,
// overflow) goes to libjq.
bool parse_json_number(std::string_view s, double& out) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digits()) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  if (i != s.size()) return false;
  // from_chars, unlike strtod, ignores the C locale's decimal point; out-of-range text declines.
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), out);
  return error == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

// Durations, timestamps, semvers and namespaces fall to the default cases and decline.
Outcome builtin(Builtin b, const Value& v, Value& out) {
  switch (b) {
    case Builtin::Not: out = Value(!truthy(v)); return Outcome::Output;
    case Builtin::ToNumber:
      if (v.is_number()) {
        out = v;
        return Outcome::Output;
      }
      if (double d = 0; v.type() == Type::String && parse_json_number(v.as_string(), d)) {
        out = Value(d);
        return Outcome::Output;
      }
      return Outcome::Decline;
    case Builtin::Length:
      switch (v.type()) {
        case Type::Null: out = Value(0); return Outcome::Output;
        case Type::Int: out = Value(std::fabs(static_cast<double>(v.as_int()))); return Outcome::Output;
        case Type::Double: out = Value(std::fabs(v.as_double())); return Outcome::Output;
        case Type::String: out = Value(utf8::count_code_points(v.as_string())); return Outcome::Output;
        case Type::List: out = Value(static_cast<std::int64_t>(v.as_list().size())); return Outcome::Output;
        case Type::Object: out = Value(static_cast<std::int64_t>(v.as_object().size())); return Outcome::Output;
        default: return Outcome::Decline;  // booleans have no length
      }
    case Builtin::AsciiDowncase:
    case Builtin::AsciiUpcase: {
      if (v.type() != Type::String) return Outcome::Decline;
      std::string s(v.as_string());
      for (char& c : s) {
        if (b == Builtin::AsciiDowncase && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (b == Builtin::AsciiUpcase && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      }
      out = Value(std::move(s));
      return Outcome::Output;
    }
  }
  return Outcome::Decline;
}

// A compared value as jq sees it (durations, namespaces ... in their jq form).
const Value& jq_scalar(const Value& v, Value& storage) {
  switch (v.type()) {
    case Type::Duration:
    case Type::Timestamp:
    case Type::Semver:
    case Type::Namespace: storage = to_jq_domain(v); return storage;
    default: return v;
  }
}

Outcome select(const Select& s, const Value& in) {
  const Value* tested = single_path(s.path, in);
  if (tested == nullptr) return Outcome::Decline;
  Value storage;
  const Value& v = jq_scalar(*tested, storage);
  bool keep = false;
  switch (s.op) {
    case Compare::None: keep = truthy(v); break;
    case Compare::Eq: keep = jq_equals_literal(v, s.literal); break;
    case Compare::Ne: keep = !jq_equals_literal(v, s.literal); break;
    default: {
      if (!v.is_number()) return Outcome::Decline;  // jq's cross-type order: libjq knows it
      const double x = v.as_number(), y = s.literal.as_double();
      keep = s.op == Compare::Lt ? x < y : s.op == Compare::Le ? x <= y : s.op == Compare::Gt ? x > y : x >= y;
    }
  }
  return keep ? Outcome::Output : Outcome::Empty;
}

// Runs one non-iterating stage: `current` moves to the stage's output, which is either inside
// the input or, for a computed value, in `scratch`.
Outcome single_stage(const Stage& stage, const Value*& current, Value& scratch) {
  if (const Path* p = std::get_if<Path>(&stage)) {
    current = single_path(*p, *current);
    return current != nullptr ? Outcome::Output : Outcome::Decline;
  }
  if (const Builtin* b = std::get_if<Builtin>(&stage)) {
    Value out;
    const Outcome o = builtin(*b, *current, out);
    if (o == Outcome::Output) {
      scratch = std::move(out);
      current = &scratch;
    }
    return o;
  }
  return select(std::get<Select>(stage), *current);
}

// The general case: values flow stage by stage; jq's depth-first output order is the same as
// this stage-by-stage order because every stage maps its inputs in order.
bool run_stream(const FastProgram& program, const Value& input, List& values, CallContext& ctx) {
  values.assign(1, input);
  for (const Stage& stage : program.stages) {
    List next;
    const Path* path = std::get_if<Path>(&stage);
    if (path != nullptr && path->iterates()) {
      List current = values;
      for (const Step& s : path->steps) {
        List expanded;
        for (const Value& v : current) {
          if (s.kind != Step::Kind::Iterate) {
            const Value* out = step(v, s);
            if (out == nullptr) return false;
            expanded.push_back(*out);
          } else if (v.type() == Type::List) {
            expanded.insert(expanded.end(), v.as_list().begin(), v.as_list().end());
          } else if (v.type() == Type::Object) {
            for (const auto& [key, value] : v.as_object().entries()) expanded.push_back(value);
          } else {
            return false;  // jq: "Cannot iterate over ..."
          }
          ctx.check_list_size(expanded.size());
        }
        current = std::move(expanded);
      }
      next = std::move(current);
    } else {
      for (const Value& v : values) {
        const Value* out = &v;
        Value scratch;
        const Outcome o = single_stage(stage, out, scratch);
        if (o == Outcome::Decline) return false;
        if (o == Outcome::Output) next.push_back(*out);
      }
    }
    ctx.charge_steps(next.size());
    values = std::move(next);
  }
  return true;
}

}  // namespace

std::shared_ptr<const FastProgram> parse_fast(std::string_view program) {
  auto parsed = std::make_shared<FastProgram>();
  Parser parser(program);
  if (!parser.program(*parsed)) return nullptr;
  return parsed;
}

std::optional<Value> run_fast(const FastProgram& program, const Value& input, CallContext& ctx) {
  if (!program.iterates) {
    // One value in, at most one out: no copies until the result.
    const Value* current = &input;
    Value scratch;
    for (const Stage& stage : program.stages) {
      const Outcome o = single_stage(stage, current, scratch);
      if (o == Outcome::Decline) return std::nullopt;
      if (o == Outcome::Empty) return Value();
    }
    return to_jq_domain(*current);
  }
  List values;
  if (!run_stream(program, input, values, ctx)) return std::nullopt;
  for (Value& v : values) v = to_jq_domain(v);
  return collect_outputs(std::move(values), ctx);
}

namespace {

// Sets `out` and returns true when libjq's view of `v` differs from `v` (see jq_support.hpp);
// lists and objects are copied only when something inside them changes.
bool jq_form(const Value& v, Value& out) {
  switch (v.type()) {
    case Type::Double:
      out = number_value(v.as_double());
      return out.type() == Type::Int;
    case Type::Duration: out = Value(format_duration(v.as_duration())); return true;
    case Type::Timestamp: out = Value(format_timestamp(v.as_timestamp())); return true;
    case Type::Semver: out = Value(v.as_semver().text); return true;
    case Type::Namespace: out = Value(Object({{"namespace", Value(v.namespace_name())}})); return true;
    case Type::List: {
      const List& list = v.as_list();
      for (std::size_t i = 0; i < list.size(); ++i) {
        Value first_changed;
        if (!jq_form(list[i], first_changed)) continue;
        List copy(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i));
        copy.reserve(list.size());
        copy.push_back(std::move(first_changed));
        for (std::size_t j = i + 1; j < list.size(); ++j) copy.push_back(to_jq_domain(list[j]));
        out = Value(std::move(copy));
        return true;
      }
      return false;
    }
    case Type::Object: {
      const auto& entries = v.as_object().entries();
      for (std::size_t i = 0; i < entries.size(); ++i) {
        Value first_changed;
        if (!jq_form(entries[i].second, first_changed)) continue;
        std::vector<std::pair<std::string, Value>> copy(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(i));
        copy.reserve(entries.size());
        copy.emplace_back(entries[i].first, std::move(first_changed));
        for (std::size_t j = i + 1; j < entries.size(); ++j) copy.emplace_back(entries[j].first, to_jq_domain(entries[j].second));
        out = Value(Object(std::move(copy)));
        return true;
      }
      return false;
    }
    default: return false;
  }
}

}  // namespace

Value to_jq_domain(const Value& value) {
  Value converted;
  return jq_form(value, converted) ? converted : value;
}

}  // namespace cql::jq_support
