#pragma once
// The data options shared by every evaluating command (spec/cli.md): --catalog --entity --tag
// --issues --config --facts --now --cache --no-cache --cache-ttl, and the data they load.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cql/context.hpp"
#include "cql/diagnostic.hpp"
#include "cql/entity.hpp"
#include "cql/facts.hpp"
#include "cql/issue_source.hpp"
#include "cql/jira.hpp"
#include "cql/registry.hpp"

namespace cql::cli {

struct DataOptions {
  std::string catalog;
  std::string entity_file;
  std::string tag;
  std::string issues;
  std::string config;
  std::string facts;
  std::string now;
  std::string cache_dir;
  bool no_cache = false;
  std::string cache_ttl;

  void add_to(CLI::App& command);
};

// Everything an evaluation reads, loaded once per command run. Owns the data the EvalContext
// points at, so it must outlive every context made from it.
struct LoadedData {
  std::shared_ptr<const Catalog> catalog;
  Entity entity;  // the chosen entity, or the empty entity with tag `example`
  std::shared_ptr<const Facts> facts;
  std::shared_ptr<IssueSource> issue_source;
  std::shared_ptr<const JiraSettings> jira_settings;
  Timestamp now;
  // Something named was skipped while loading (a catalog file or entity that could not be read
  // or was invalid, a bad facts entry); `cql score` then exits 1 (spec/scorecards.md §1, §4.6).
  // The problems themselves were printed as warnings.
  bool skipped_input = false;

  EvalContext context() const;
  // Registry::standard() plus the namespaces of the loaded facts.
  Registry registry() const;
};

// Loads what the options name. A failure is a diagnostic of kind Usage (bad option value) or
// Io (unreadable file); problems that do not stop the run are printed on stderr.
Result<std::shared_ptr<LoadedData>> load_data(const DataOptions& options);

}  // namespace cql::cli
