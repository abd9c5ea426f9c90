// Each option has its own block in load_data(); the engineers who own a loader wire it into
// their block.
#include "cli/data_options.hpp"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "cql/catalog.hpp"
#include "cql/time.hpp"
#include "sources/offline_source.hpp"
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

  // --issues, --config, --cache, --no-cache, --cache-ttl
  if (!options.config.empty()) not_implemented("--config");
  if (!options.cache_dir.empty()) not_implemented("--cache");
  if (options.no_cache) not_implemented("--no-cache");
  if (!options.cache_ttl.empty()) not_implemented("--cache-ttl");

  // --issues DUMP: the offline source answers every account from the dump (jira.md §7);
  // without accounts from --config there is one, "default". Relative dates use --now.
  if (!options.issues.empty()) {
    if (!data->jira_settings || data->jira_settings->accounts.empty()) {
      JiraSettings settings = data->jira_settings ? *data->jira_settings : JiraSettings{};
      JiraAccount account;
      account.alias = settings.default_alias;
      settings.accounts.push_back(account);
      data->jira_settings = std::make_shared<const JiraSettings>(std::move(settings));
    }
    auto source = sources::OfflineSource::open(options.issues, *data->jira_settings, data->now);
    if (!source.ok()) return source.error();
    data->issue_source = std::shared_ptr<IssueSource>(std::move(source).value());
  }

  return data;
}

}  // namespace cql::cli
