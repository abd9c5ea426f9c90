#pragma once
// Reading the expression files that `check` and `fmt` take: `.cql` files (one expression
// each), given directly or found under a directory.
#include <optional>
#include <string>
#include <vector>

#include "cql/diagnostic.hpp"

namespace cql::cli {

// The `.cql` files a PATH argument names: the file itself, or the `.cql` files under a
// directory (recursively, sorted). A missing path is an Io diagnostic.
Result<std::vector<std::string>> expression_files(const std::string& path);

// The whole file as a SourceFile named by its path, or an Io diagnostic.
Result<SourceRef> read_source(const std::string& path);

}  // namespace cql::cli
