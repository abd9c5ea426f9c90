#include "catalog/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <istream>
#include <optional>
#include <streambuf>

namespace cql::catalog {

Diagnostic diagnostic_at(const SourceRef& source, Span span, ErrorKind kind, Severity severity, std::string message) {
  Diagnostic d;
  d.kind = kind;
  d.severity = severity;
  d.message = std::move(message);
  d.source = source;
  d.span = span;
  return d;
}

Span YamlDocument::key_span(const Object& object, std::string_view key) const {
  auto it = key_offsets.find(&object);
  if (it != key_offsets.end()) {
    const auto& entries = object.entries();
    for (std::size_t i = 0; i < entries.size() && i < it->second.size(); ++i) {
      if (entries[i].first == key) {
        return {it->second[i], it->second[i] + static_cast<std::uint32_t>(key.size())};
      }
    }
  }
  return {offset, offset + 1};
}

namespace {

// Reads a string without copying it into a std::stringstream.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data());  // read-only: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

std::uint32_t offset_of(const YAML::Mark& mark) { return mark.pos < 0 ? 0u : static_cast<std::uint32_t>(mark.pos); }

// A structural problem yaml-cpp accepts but a catalog cannot represent (a mapping as a key,
// an alias that expands too far).
struct BuildError {
  YAML::Mark mark;
  std::string message;
};

// Aliases share the aliased Value, so memory stays linear, but anything that walks the value
// (JSON output, jq) sees the expansion: cap it so `a: &a [*b, *b]` chains cannot explode.
constexpr std::uint64_t kMaxExpandedNodes = 10'000'000;

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Value> parse_int(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  if (!is_digits(digits)) return std::nullopt;
  if (digits.size() > 1 && digits.front() == '0') return std::nullopt;  // `01234` stays text
  std::int64_t value = 0;
  const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size()) return Value(value);
  if (ec == std::errc::result_out_of_range) {
    double d = 0;
    std::from_chars(begin, text.data() + text.size(), d);
    return Value(d);
  }
  return std::nullopt;
}

// YAML 1.2 core float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
std::optional<Value> parse_float(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const std::size_t int_start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  const std::size_t int_digits = i - int_start;
  if (int_digits > 1 && text[int_start] == '0' && (i == text.size() || text[i] != '.')) return std::nullopt;
  std::size_t frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    frac_digits = i - frac_start;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    const std::size_t exp_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == exp_start) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  double d = 0;
  const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return Value(d);
}

// A plain (unquoted) scalar under the core schema.
Value resolve_plain(const std::string& text) {
  if (text.empty()) return Value(text);
  switch (text.front()) {
    case 't': case 'T':
      if (text == "true" || text == "True" || text == "TRUE") return Value(true);
      break;
    case 'f': case 'F':
      if (text == "false" || text == "False" || text == "FALSE") return Value(false);
      break;
    case 'n': case 'N': case '~':
      if (text == "null" || text == "Null" || text == "NULL" || text == "~") return Value();
      break;
    default:
      if ((text.front() >= '0' && text.front() <= '9') || text.front() == '-' || text.front() == '+' || text.front() == '.') {
        if (auto i = parse_int(text)) return *i;
        if (auto d = parse_float(text)) return *d;
      }
  }
  return Value(text);
}

Value resolve_scalar(const std::string& tag, const std::string& text) {
  static const std::string kCorePrefix = "tag:yaml.org,2002:";
  if (tag == "?") return resolve_plain(text);
  if (tag.rfind(kCorePrefix, 0) == 0 && tag != kCorePrefix + "str") return resolve_plain(text);
  return Value(text);  // quoted, block, `!!str` and application tags: the text itself
}

class ValueBuilder : public YAML::EventHandler {
 public:
  explicit ValueBuilder(int key_depth, std::vector<Diagnostic>& problems, const SourceRef& source)
      : key_depth_(key_depth), problems_(problems), source_(source) {}

  // The document completed by the last HandleNextDocument call.
  YamlDocument take_document() {
    YamlDocument doc = std::move(document_);
    document_ = YamlDocument{};
    anchors_.clear();
    expanded_ = 0;
    return doc;
  }

  // The document's position is that of its first node (not of a `---` marker).
  void OnDocumentStart(const YAML::Mark&) override { started_ = false; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    note_start(mark);
    if (expecting_key()) throw BuildError{mark, "a mapping key must be text, not null"};
    remember(anchor, Value(), 1);
    add(Value(), 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    note_start(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw BuildError{mark, "unknown alias"};
    if (expecting_key()) {
      if (it->second.value.type() != Type::String) throw BuildError{mark, "a mapping key must be text"};
      set_key(std::string(it->second.value.as_string()), mark);
      return;
    }
    expanded_ += it->second.weight;
    if (expanded_ > kMaxExpandedNodes) throw BuildError{mark, "aliases expand this document beyond 10,000,000 nodes"};
    add(it->second.value, it->second.weight);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& text) override {
    note_start(mark);
    if (expecting_key()) {
      if (anchor != 0) anchors_[anchor] = Anchored{Value(text), 1};
      set_key(text, mark);
      return;
    }
    Value value = resolve_scalar(tag, text);
    remember(anchor, value, 1);
    add(std::move(value), 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    note_start(mark);
    if (expecting_key()) throw BuildError{mark, "a mapping key must be text, not a list"};
    stack_.push_back(make_frame(false, anchor));
  }

  void OnSequenceEnd() override {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    frame.items.shrink_to_fit();  // the value lives as long as the catalog: drop the growth slack
    Value value(std::move(frame.items));
    remember(frame.anchor, value, frame.weight + 1);
    add(std::move(value), frame.weight + 1);
  }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    note_start(mark);
    if (expecting_key()) throw BuildError{mark, "a mapping key must be text, not a mapping"};
    stack_.push_back(make_frame(true, anchor));
  }

  void OnMapEnd() override {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    drop_duplicate_keys(frame);
    const bool record = static_cast<int>(stack_.size()) < key_depth_;
    frame.entries.shrink_to_fit();
    auto object = std::make_shared<const Object>(std::move(frame.entries));
    if (record) document_.key_offsets.emplace(object.get(), std::move(frame.key_offsets));
    Value value(std::move(object));
    remember(frame.anchor, value, frame.weight + 1);
    add(std::move(value), frame.weight + 1);
  }

 private:
  struct Frame {
    bool is_map = false;
    YAML::anchor_t anchor = 0;
    List items;
    std::vector<std::pair<std::string, Value>> entries;
    std::vector<std::uint32_t> key_offsets;
    std::optional<std::string> key;  // a key read, waiting for its value
    std::uint64_t weight = 0;
  };
  struct Anchored {
    Value value;
    std::uint64_t weight;
  };

  static Frame make_frame(bool is_map, YAML::anchor_t anchor) {
    Frame frame;
    frame.is_map = is_map;
    frame.anchor = anchor;
    return frame;
  }

  void note_start(const YAML::Mark& mark) {
    if (started_) return;
    started_ = true;
    document_.offset = offset_of(mark);
  }

  bool expecting_key() const { return !stack_.empty() && stack_.back().is_map && !stack_.back().key; }

  void set_key(const std::string& text, const YAML::Mark& mark) {
    stack_.back().key = text;
    stack_.back().key_offsets.push_back(offset_of(mark));
  }

  void remember(YAML::anchor_t anchor, const Value& value, std::uint64_t weight) {
    if (anchor != 0) anchors_[anchor] = Anchored{value, weight};
  }

  void add(Value value, std::uint64_t weight) {
    if (stack_.empty()) {
      document_.root = std::move(value);
      return;
    }
    Frame& top = stack_.back();
    top.weight += weight;
    if (top.is_map) {
      top.entries.emplace_back(std::move(*top.key), std::move(value));
      top.key.reset();
    } else {
      top.items.push_back(std::move(value));
    }
  }

  static bool has_duplicate_key(const std::vector<std::pair<std::string, Value>>& entries) {
    if (entries.size() <= 8) {  // the common case: a quadratic scan beats sorting
      for (std::size_t i = 1; i < entries.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (entries[i].first == entries[j].first) return true;
        }
      }
      return false;
    }
    std::vector<std::string_view> keys;
    keys.reserve(entries.size());
    for (const auto& entry : entries) keys.emplace_back(entry.first);
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
  }

  // YAML forbids duplicate keys; like most YAML readers we keep the later value, and say so.
  void drop_duplicate_keys(Frame& frame) {
    auto& entries = frame.entries;
    if (!has_duplicate_key(entries)) return;
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return entries[a].first < entries[b].first; });
    std::vector<bool> dropped(entries.size(), false);
    bool any = false;
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (entries[order[i]].first != entries[order[i - 1]].first) continue;
      dropped[order[i - 1]] = true;  // stable: order[i] is the later occurrence
      any = true;
      const std::uint32_t at = frame.key_offsets[order[i]];
      problems_.push_back(diagnostic_at(source_, {at, at + static_cast<std::uint32_t>(entries[order[i]].first.size())},
                                        ErrorKind::Syntax, Severity::Warning,
                                        "duplicate key '" + entries[order[i]].first + "': the later value is used"));
    }
    if (!any) return;
    std::vector<std::pair<std::string, Value>> kept;
    std::vector<std::uint32_t> kept_offsets;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (dropped[i]) continue;
      kept.push_back(std::move(entries[i]));
      kept_offsets.push_back(frame.key_offsets[i]);
    }
    entries = std::move(kept);
    frame.key_offsets = std::move(kept_offsets);
  }

  int key_depth_;
  std::vector<Diagnostic>& problems_;
  const SourceRef& source_;
  std::vector<Frame> stack_;
  YamlDocument document_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::uint64_t expanded_ = 0;
  bool started_ = false;
};

}  // namespace

YamlRead read_yaml(const SourceRef& source, int key_depth) {
  YamlRead out;
  ViewBuffer buffer(source->text());
  std::istream in(&buffer);
  try {
    YAML::Parser parser(in);
    ValueBuilder builder(key_depth, out.problems, source);
    while (parser.HandleNextDocument(builder)) out.documents.push_back(builder.take_document());
  } catch (const YAML::Exception& e) {
    const std::uint32_t at = offset_of(e.mark);
    out.problems.push_back(diagnostic_at(source, {at, at + 1}, ErrorKind::Syntax, Severity::Error, "invalid YAML: " + e.msg));
  } catch (const BuildError& e) {
    const std::uint32_t at = offset_of(e.mark);
    out.problems.push_back(diagnostic_at(source, {at, at + 1}, ErrorKind::Syntax, Severity::Error, "invalid YAML: " + e.message));
  }
  return out;
}

}  // namespace cql::catalog
