#include <fmt/format.h>

#include "cql/diagnostic.hpp"

namespace cql {

std::string_view kind_name(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::Syntax: return "syntax";
    case ErrorKind::Compile: return "compile";
    case ErrorKind::Type: return "type";
    case ErrorKind::Eval: return "eval";
    case ErrorKind::Provider: return "provider";
    case ErrorKind::Usage: return "usage";
    case ErrorKind::Io: return "io";
  }
  return "error";
}

namespace {

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string render(const Diagnostic& d) {
  const char* severity = d.severity == Severity::Warning ? "warning" : "error";
  std::string out;
  if (!d.source) {
    out = fmt::format("cql: {}: {}\n", severity, d.message);
  } else {
    const SourceFile& src = *d.source;
    const auto pos = src.position(d.span.begin);
    out = fmt::format("{}:{}:{}: {}: {}\n", src.name(), pos.line, pos.column, severity, d.message);
    const std::string_view line = src.line_text(d.span.begin);
    // The caret sits under the span's column within the expression's own line, so the
    // prefix is measured in the expression text, not in the enclosing file.
    const std::size_t line_start = static_cast<std::size_t>(line.data() - src.text().data());
    const std::size_t lead = code_points(std::string_view(src.text()).substr(line_start, d.span.begin - line_start));
    const std::size_t span_end = std::min<std::size_t>(d.span.end, line_start + line.size());
    const std::size_t width = span_end > d.span.begin
        ? code_points(std::string_view(src.text()).substr(d.span.begin, span_end - d.span.begin))
        : 1;
    out += fmt::format("  {}\n  {}{}\n", line, std::string(lead, ' '), std::string(std::max<std::size_t>(width, 1), '^'));
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

std::string render(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += render(d);
  return out;
}

}  // namespace cql
