#pragma once
// Source text and diagnostics (conventions.md §3, spec/cql.md §7).
//
// Nodes and diagnostics carry byte spans; line and column are computed only when a
// diagnostic is displayed. Columns count Unicode code points, 1-based.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cql {

// Byte offsets [begin, end) into a SourceFile's text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// A named piece of text (`<expr>`, `rules/x.cql`, `scorecards/prod.yaml`).
// `base_line`/`base_column` place the text inside a larger file: an expression embedded in a
// scorecard YAML at line 12, column 17 has base_line 12, base_column 17, so rendered
// positions point into the YAML file. Immutable; share it through SourceRef.
class SourceFile {
 public:
  SourceFile(std::string name, std::string text, std::uint32_t base_line = 1, std::uint32_t base_column = 1);

  const std::string& name() const noexcept { return name_; }
  const std::string& text() const noexcept { return text_; }

  struct Position {
    std::uint32_t line;    // 1-based, in the enclosing file
    std::uint32_t column;  // 1-based, code points, in the enclosing file
  };
  Position position(std::uint32_t byte_offset) const;
  // The text of the (expression-relative) line holding byte_offset, without its newline.
  std::string_view line_text(std::uint32_t byte_offset) const;

 private:
  std::string name_;
  std::string text_;
  std::uint32_t base_line_;
  std::uint32_t base_column_;
  std::vector<std::uint32_t> line_starts_;
};
using SourceRef = std::shared_ptr<const SourceFile>;

enum class ErrorKind : std::uint8_t { Syntax, Compile, Type, Eval, Provider, Usage, Io };
std::string_view kind_name(ErrorKind kind) noexcept;  // "syntax", "compile", ...

enum class Severity : std::uint8_t { Error, Warning };

struct Diagnostic {
  ErrorKind kind = ErrorKind::Syntax;
  Severity severity = Severity::Error;
  std::string message;
  SourceRef source;  // may be null (errors not about source text)
  Span span;
  std::string hint;  // optional second line ("write AND")
};

// `file:line:col: error: message`, the source line, and a caret line under the span
// (carets start at the span's column, counted in code points; at least one caret).
// A hint, when present, follows as `  hint: ...`. Without a source: `cql: error: message`.
std::string render(const Diagnostic& diagnostic);
std::string render(const std::vector<Diagnostic>& diagnostics);

// The value-or-error type at the API boundary: exceptions never cross it.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)), ok_(true) {}
  Result(Diagnostic error) : errors_{std::move(error)}, ok_(false) {}
  Result(std::vector<Diagnostic> errors) : errors_(std::move(errors)), ok_(false) {}

  bool ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  const std::vector<Diagnostic>& errors() const noexcept { return errors_; }
  const Diagnostic& error() const { return errors_.front(); }

 private:
  T value_{};
  std::vector<Diagnostic> errors_;
  bool ok_;
};

}  // namespace cql
