// Each option has its own block in load_data(); the engineers who own a loader wire it into
// their block.
#include "cli/data_options.hpp"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "cql/catalog.hpp"
#include "cql/time.hpp"
#include "sources/source_setup.hpp"

namespace cql::cli {

void DataOptions::add_to(CLI::App& command) {
  command.add_option("--catalog", catalog, "catalog: a directory or file of descriptors, or a JSON export");
  command.add_option("--entity", entity_file, "a single descriptor or entity JSON file to evaluate against");
  command.add_option("--tag", tag, "the entity of the catalog to evaluate against");
  command.add_option("--issues", issues, "an offline Jira issue dump");
  command.add_option("--config", config, "configuration file (live Jira accounts and settings)");
  command.add_option("--facts", facts, "facts for the vendor's other integrations (JSON or YAML)");
  command.add_option("--now", now, "the evaluation clock, ISO-8601 (default: the current time)");
  command.add_option("--cache", cache_dir, "directory of the Jira result cache");
  command.add_flag("--no-cache", no_cache, "do not read or write the Jira result cache");
  command.add_option("--cache-ttl", cache_ttl, "how long cached Jira results stay fresh (PT4H, 4h, 30m)");
}

EvalContext LoadedData::context() const {
  EvalContext ctx(entity);
  ctx.catalog = catalog.get();
  ctx.facts = facts.get();
  ctx.issue_source = issue_source.get();
  ctx.jira_settings = jira_settings.get();
  ctx.now = now;
  return ctx;
}

Registry LoadedData::registry() const { return Registry::standard(); }

namespace {

Diagnostic usage_error(std::string message) {
  return Diagnostic{ErrorKind::Usage, Severity::Error, std::move(message), {}, {}, {}};
}

void not_implemented(std::string_view option) {
  std::fprintf(stderr, "cql: %.*s is not implemented yet; ignored\n", static_cast<int>(option.size()), option.data());
}

Timestamp current_time() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count()};
}

}  // namespace

Result<std::shared_ptr<LoadedData>> load_data(const DataOptions& options) {
  auto data = std::make_shared<LoadedData>();
  data->entity = example_entity();  // spec/cli.md: no --entity/--tag, the empty entity `example`

  // --now
  if (options.now.empty()) {
    data->now = current_time();
  } else if (auto t = parse_timestamp(options.now)) {
    data->now = *t;
  } else {
    return usage_error(fmt::format("--now: \"{}\" is not an ISO-8601 timestamp", options.now));
  }

  // --catalog, --tag
  if (!options.catalog.empty()) not_implemented("--catalog");
  if (!options.tag.empty()) not_implemented("--tag");

  // --entity
  if (!options.entity_file.empty()) not_implemented("--entity");

  // --facts
  if (!options.facts.empty()) not_implemented("--facts");

  // --issues, --config, --cache, --no-cache, --cache-ttl (src/sources/source_setup): the
  // accounts, and the source answering them: the dump for every account with --issues (own
  // `dump`s honoured, jira.md §7; relative dates use --now), else live Jira behind the cache
  // for accounts with a site or base_url and their own dump for the others.
  {
    sources::SourceOptions source_options;
    source_options.issues = options.issues;
    source_options.config = options.config;
    source_options.cache_dir = options.cache_dir;
    source_options.no_cache = options.no_cache;
    source_options.cache_ttl = options.cache_ttl;
    source_options.now = data->now;
    auto setup = sources::open_issue_source(source_options);
    if (!setup.ok()) return setup.errors();
    for (const auto& warning : setup.value().warnings) std::fprintf(stderr, "cql: warning: %s\n", warning.c_str());
    data->jira_settings = setup.value().settings;
    data->issue_source = setup.value().source;
  }

  return data;
}

}  // namespace cql::cli
