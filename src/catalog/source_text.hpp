#pragma once
// Reading a data file whole into a SourceFile (so every message can show file:line:col), and
// the diagnostic for a file that cannot be read.

#include <string>
#include <vector>

#include "cql/diagnostic.hpp"

namespace cql::catalog {

// `PATH: MESSAGE` as an io error without a source position.
Diagnostic io_problem(const std::string& path, const std::string& message);

// The file as a SourceFile named by `path`, or null with an io problem appended.
SourceRef read_source(const std::string& path, std::vector<Diagnostic>& problems);

}  // namespace cql::catalog
