#pragma once
// The CQL value model (spec/cql.md §3).
//
// A Value is a small tagged union (24 bytes). Scalars and strings of up to 15 bytes are stored
// inline; longer strings, lists, objects and semvers live in immutable, reference-counted heap
// blocks, so copying a Value never allocates and values can be shared freely between threads
// once built.
// Values are immutable after construction: "modifying" a list means building a new one.

#include <cstdlib>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cql/compact_string.hpp"

namespace cql {

enum class Type : std::uint8_t {
  Null, Bool, Int, Double, String, List, Object, Duration, Timestamp, Semver, Namespace
};

// The type names of spec/cli.md (`int`, `double`, `namespace` ...).
std::string_view type_name(Type type) noexcept;

// A signed number of milliseconds.
struct Duration {
  std::int64_t ms = 0;
  friend bool operator==(Duration, Duration) = default;
};

// An instant, milliseconds since the Unix epoch, UTC.
struct Timestamp {
  std::int64_t ms = 0;
  friend bool operator==(Timestamp, Timestamp) = default;
};

// A parsed semantic version (semver 2.0). `text` is the canonical form.
struct Semver {
  std::uint64_t major = 0, minor = 0, patch = 0;
  std::vector<std::string> prerelease;  // dot-separated identifiers, empty when stable
  std::string build;                    // build metadata, ignored by equality and order
  std::string text;
};

class Value;
using List = std::vector<Value>;

// An object: string keys in insertion order. Lookup is linear for small objects and
// hashed for large ones (the index is built once, in the constructor).
class Object {
 public:
  Object() = default;
  explicit Object(std::vector<std::pair<std::string, Value>> entries);

  const Value* find(std::string_view key) const noexcept;
  // find() with the key's hash_key() computed beforehand: a compiled rule hashes each constant
  // key once instead of at every lookup.
  const Value* find(std::string_view key, std::uint32_t hash) const noexcept;
  static std::uint32_t hash_key(std::string_view key) noexcept;
  const std::vector<std::pair<std::string, Value>>& entries() const noexcept { return entries_; }
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  std::vector<std::pair<std::string, Value>> entries_;
  std::vector<std::uint32_t> index_;  // open-addressing table of entry positions + 1; empty when small
};

// A namespace handle (`jira`, `git` ...): a non-null value naming a configured data source.
struct NamespaceRef {
  std::shared_ptr<const std::string> name;
};

class Value {
 public:
  Value() noexcept = default;  // null
  Value(std::nullptr_t) noexcept {}
  Value(bool b) noexcept : data_(b) {}
  Value(std::int64_t i) noexcept : data_(i) {}
  Value(int i) noexcept : data_(static_cast<std::int64_t>(i)) {}
  Value(double d) noexcept : data_(d) {}
  Value(Duration d) noexcept : data_(d) {}
  Value(Timestamp t) noexcept : data_(t) {}
  Value(std::string_view s) : data_(CompactString(s)) {}
  Value(const std::string& s) : Value(std::string_view(s)) {}
  Value(const char* s) : Value(std::string_view(s)) {}
  Value(List list);
  Value(Object object);
  Value(Semver semver);
  Value(std::shared_ptr<const List> l) noexcept : data_(std::move(l)) {}
  Value(std::shared_ptr<const Object> o) noexcept : data_(std::move(o)) {}
  static Value namespace_handle(std::string name);

  Type type() const noexcept { return static_cast<Type>(data_.index()); }
  bool is_null() const noexcept { return data_.index() == 0; }
  bool is_number() const noexcept { return type() == Type::Int || type() == Type::Double; }

  // Accessors: precondition is that type() matches; otherwise the process aborts.
  bool as_bool() const noexcept { return get<bool>(); }
  std::int64_t as_int() const noexcept { return get<std::int64_t>(); }
  double as_double() const noexcept { return get<double>(); }
  double as_number() const noexcept;  // int or double as a double
  // A view of the Value's own text: valid while this Value (or a copy of it) lives.
  std::string_view as_string() const noexcept { return get<CompactString>().view(); }
  const List& as_list() const noexcept { return *get<std::shared_ptr<const List>>(); }
  const Object& as_object() const noexcept { return *get<std::shared_ptr<const Object>>(); }
  Duration as_duration() const noexcept { return get<Duration>(); }
  Timestamp as_timestamp() const noexcept { return get<Timestamp>(); }
  const Semver& as_semver() const noexcept { return *get<std::shared_ptr<const Semver>>(); }
  const std::string& namespace_name() const noexcept { return *get<NamespaceRef>().name; }

  // The shared heap blocks, for code that wants to keep or re-wrap them without copying.
  // The heap block a long string shares with its copies (null for inline text): equal blocks
  // mean equal text.
  const void* string_block() const noexcept { return get<CompactString>().block(); }
  const std::shared_ptr<const List>& list_ptr() const { return std::get<std::shared_ptr<const List>>(data_); }
  const std::shared_ptr<const Object>& object_ptr() const { return std::get<std::shared_ptr<const Object>>(data_); }

 private:
  // A wrong type aborts, in every build: an embedder's mistake stops the process at once
  // instead of reading the wrong bytes. Not std::get: its throw path (which, in these noexcept
  // accessors, could only end in std::terminate anyway) was inlined into every caller.
  template <typename T>
  const T& get() const noexcept {
    const T* value = std::get_if<T>(&data_);
    if (value == nullptr) [[unlikely]] std::abort();
    return *value;
  }

  // Alternative order == Type order.
  std::variant<std::monostate, bool, std::int64_t, double, CompactString,
               std::shared_ptr<const List>, std::shared_ptr<const Object>, Duration, Timestamp,
               std::shared_ptr<const Semver>, NamespaceRef>
      data_;
};

// Deep equality of spec/cql.md §4: ints and doubles compare numerically, different types are
// unequal, object key order is ignored, semver build metadata is ignored. (Conversion of data
// strings to durations/timestamps is the evaluator's job, not this function's.)
bool equals(const Value& a, const Value& b) noexcept;

// `cql eval` text form: CQL literal syntax (`"text"`, `[1, 2]`, `{"a": 1}`, `duration("P7D")`).
std::string to_cql_literal(const Value& value);

// The JSON form of spec/cli.md (durations/timestamps as canonical strings, semver as a string,
// a namespace as {"namespace": name}), as compact JSON text.
std::string to_json_text(const Value& value);

// Text used where a value is rendered for humans without quotes (failure-message
// placeholders, `join`): strings raw, ints as digits, doubles shortest round-trip, lists and
// objects as JSON.
std::string to_display_text(const Value& value);

// Shortest text that reads back to the same double (`82.4`, `3.0e-05` style avoided: `3e-05`).
std::string format_double(double d);

}  // namespace cql
