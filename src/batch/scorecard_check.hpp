#pragma once
// `cql check` of scorecard files (spec/cli.md): the YAML problems of the file, then every rule
// expression and filter query checked by the engine (errors and, for extension functions,
// warnings; errors with --strict), all positioned in the YAML file.

#include <string>
#include <vector>

#include "cql/engine.hpp"
#include "cql/scorecard.hpp"

namespace cql::batch {

std::vector<Diagnostic> check_scorecards(const Engine& engine, const std::vector<Scorecard>& scorecards,
                                         const CheckOptions& options);

// A file that cannot be read gives one diagnostic of kind Io.
std::vector<Diagnostic> check_scorecard_file(const Engine& engine, const std::string& path, const CheckOptions& options);

}  // namespace cql::batch
