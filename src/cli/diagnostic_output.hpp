#pragma once
// How commands report diagnostics (spec/cli.md "Output shapes") and the exit status of each
// error kind.
#include <string>
#include <vector>

#include "cql/diagnostic.hpp"

namespace cql::cli {

// sysexits: syntax/compile 65, type/eval 70, provider 69, usage 64, io 74.
int exit_code_for(ErrorKind kind) noexcept;

// `{"error": {"kind": K, "message": M, "line": L, "column": C}}` (line/column only when the
// diagnostic is about source text); warnings use the key "warning". One line, no newline.
std::string diagnostic_json(const Diagnostic& diagnostic);

// With `json`: the JSON line on stdout. Without: the caret rendering on stderr.
void report(const Diagnostic& diagnostic, bool json);
void report(const std::vector<Diagnostic>& diagnostics, bool json);

// A JSON string literal for arbitrary (possibly invalid UTF-8) text.
std::string json_string(const std::string& text);

}  // namespace cql::cli
