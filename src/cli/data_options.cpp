// Each option has its own block in load_data(); the engineers who own a loader wire it into
// their block.
#include "cli/data_options.hpp"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "cql/catalog.hpp"
#include "cql/facts.hpp"
#include "cql/time.hpp"
#include "sources/source_setup.hpp"
#include "stdlib/families.hpp"

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

Registry LoadedData::registry() const {
  Registry registry = Registry::standard();
  if (facts) register_fact_namespaces(registry, *facts);
  return registry;
}

namespace {

Diagnostic usage_error(std::string message) {
  return Diagnostic{ErrorKind::Usage, Severity::Error, std::move(message), {}, {}, {}};
}

void not_implemented(std::string_view option) {
  std::fprintf(stderr, "cql: %.*s is not implemented yet; ignored\n", static_cast<int>(option.size()), option.data());
}

// Loading problems that did not stop the run: shown on stderr as warnings (file:line:col and
// the source line) and remembered for the commands that report "something was skipped".
void keep_problems(LoadedData& data, std::vector<Diagnostic> problems) {
  for (auto& problem : problems) {
    problem.severity = Severity::Warning;
    std::fputs(render(problem).c_str(), stderr);
  }
  if (!problems.empty()) data.skipped_input = true;
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

  // --catalog, --tag, --entity (spec/scorecards.md §1). Skipped files and entities do not stop
  // the run: they are printed as warnings and set data->skipped_input (score exits 1).
  if (!options.tag.empty() && options.catalog.empty()) return usage_error("--tag needs --catalog");
  if (!options.tag.empty() && !options.entity_file.empty()) return usage_error("--entity and --tag cannot be used together");
  if (!options.catalog.empty()) {
    CatalogLoad load = load_catalog(options.catalog);
    if (load.unreadable) return load.problems.front();
    keep_problems(*data, std::move(load.problems));
    data->catalog = std::make_shared<const Catalog>(std::move(load.catalog));
  }
  if (!options.tag.empty()) {
    const Entity* entity = data->catalog->find(options.tag);
    if (entity == nullptr) return usage_error(fmt::format("--tag: the catalog {} has no entity `{}`", options.catalog, options.tag));
    data->entity = *entity;
  }
  if (!options.entity_file.empty()) {
    // Read like a one-file catalog, so that problems are warnings and evaluation still runs.
    CatalogLoad load = load_catalog(options.entity_file);
    if (load.unreadable) return load.problems.front();
    keep_problems(*data, std::move(load.problems));
    const auto& entities = load.catalog.entities();
    if (entities.size() != 1) {
      return Diagnostic{ErrorKind::Syntax, Severity::Error,
                        entities.empty() ? fmt::format("--entity: {} holds no entity", options.entity_file)
                                         : fmt::format("--entity: {} holds {} entities; use --catalog with --tag",
                                                       options.entity_file, entities.size()),
                        {}, {}, {}};
    }
    data->entity = entities.front();
  }

  // --facts (spec/scorecards.md §2)
  if (!options.facts.empty()) {
    Facts::Load load = Facts::load(options.facts);
    if (load.unreadable) return load.problems.front();
    keep_problems(*data, std::move(load.problems));
    data->facts = std::make_shared<const Facts>(std::move(load.facts));
  }

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
