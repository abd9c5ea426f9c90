// load_catalog / load_entity_file / example_entity (cql/catalog.hpp): finding the files,
// telling descriptors from exports by content, and dropping duplicate tags.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include "catalog/descriptor_reader.hpp"
#include "catalog/export_reader.hpp"
#include "catalog/source_text.hpp"
#include "cql/catalog.hpp"

namespace cql {

namespace fs = std::filesystem;

namespace {

// Files a directory contributes; other files (READMEs, scripts) are not catalog data.
bool is_catalog_file(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name.front() == '.';
}

// Every catalog file under `root`, sorted so loads (and "first wins" for duplicates) are stable.
std::vector<fs::path> collect_files(const fs::path& root, std::vector<Diagnostic>& problems) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_hidden(it->path())) {
      std::error_code entry_ec;
      if (it->is_directory(entry_ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_catalog_file(it->path())) continue;
    // A dangling symbolic link is kept so that reading it reports the file as unreadable.
    std::error_code entry_ec;
    if (it->is_regular_file(entry_ec) || (it->is_symlink(entry_ec) && !fs::exists(it->path(), entry_ec))) {
      files.push_back(it->path());
    }
  }
  if (ec) problems.push_back(catalog::io_problem(root.string(), fmt::format("cannot read directory: {}", ec.message())));
  std::sort(files.begin(), files.end());
  return files;
}

void read_file(const fs::path& path, std::vector<catalog::LoadedEntity>& entities, std::vector<Diagnostic>& problems,
               bool& unreadable) {
  auto source = catalog::read_source(path.string(), problems);
  if (!source) {
    unreadable = true;
    return;
  }
  if (catalog::looks_like_json(source->text())) {
    catalog::read_json_entities(source, entities, problems);
    return;
  }
  catalog::YamlRead yaml = catalog::read_yaml(source, catalog::kDescriptorKeyDepth);
  for (auto& problem : yaml.problems) problems.push_back(std::move(problem));
  for (const auto& document : yaml.documents) {
    if (auto entity = catalog::read_descriptor(document, source, problems)) entities.push_back(std::move(*entity));
  }
}

// Parsing dominates a large load and files are independent, so they are read on several
// threads; results are joined in path order, so the outcome does not depend on scheduling.
void read_files(const std::vector<fs::path>& files, std::vector<catalog::LoadedEntity>& entities,
                std::vector<Diagnostic>& problems) {
  struct FileResult {
    std::vector<catalog::LoadedEntity> entities;
    std::vector<Diagnostic> problems;
  };
  std::vector<FileResult> results(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      bool unreadable = false;  // one bad file among many is a skipped file, not exit 74
      read_file(files[i], results[i].entities, results[i].problems, unreadable);
    }
  };
  constexpr std::size_t kFilesPerThread = 64;  // below this, starting a thread costs more than it saves
  const std::size_t threads = std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8,
                                                     (files.size() + kFilesPerThread - 1) / kFilesPerThread});
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  for (auto& result : results) {
    for (auto& entity : result.entities) entities.push_back(std::move(entity));
    for (auto& problem : result.problems) problems.push_back(std::move(problem));
  }
}

// Keeps the first entity of each tag and reports the others where they are declared.
std::vector<Entity> drop_duplicates(std::vector<catalog::LoadedEntity> loaded, std::vector<Diagnostic>& problems) {
  std::vector<bool> keep(loaded.size(), true);
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(loaded.size());
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    const catalog::LoadedEntity& item = loaded[i];
    auto [it, inserted] = first.emplace(item.entity.tag, i);
    if (inserted) continue;
    keep[i] = false;
    const catalog::LoadedEntity& kept = loaded[it->second];
    problems.push_back(catalog::diagnostic_at(
        item.source, item.span, ErrorKind::Syntax, Severity::Error,
        fmt::format("duplicate tag '{}' (first declared at {}:{}); skipped", item.entity.tag, kept.source->name(),
                    kept.source->position(kept.span.begin).line)));
  }
  std::vector<Entity> entities;
  entities.reserve(loaded.size());
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    if (keep[i]) entities.push_back(std::move(loaded[i].entity));
  }
  return entities;
}

}  // namespace

CatalogLoad load_catalog(const std::string& path) {
  CatalogLoad load;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    load.problems.push_back(catalog::io_problem(path, fmt::format("cannot read catalog: {}", ec ? ec.message() : "No such file or directory")));
    load.unreadable = true;
    return load;
  }
  std::vector<catalog::LoadedEntity> loaded;
  if (fs::is_directory(status)) {
    const std::size_t before = load.problems.size();
    const auto files = collect_files(path, load.problems);
    // A directory that cannot even be listed is unreadable as a whole.
    if (files.empty() && load.problems.size() > before) load.unreadable = true;
    read_files(files, loaded, load.problems);
  } else {
    read_file(path, loaded, load.problems, load.unreadable);
  }
  load.catalog = Catalog(drop_duplicates(std::move(loaded), load.problems));
  return load;
}

Result<Entity> load_entity_file(const std::string& path) {
  CatalogLoad load = load_catalog(path);
  if (!load.problems.empty()) return load.problems;
  const auto& entities = load.catalog.entities();
  if (entities.size() != 1) {
    Diagnostic d;
    d.kind = ErrorKind::Syntax;
    d.message = entities.empty() ? path + ": no entity in this file"
                                 : fmt::format("{}: this file holds {} entities; use --catalog with --tag", path, entities.size());
    return d;
  }
  return entities.front();
}

Entity example_entity() {
  Entity entity;
  entity.tag = "example";
  entity.name = "example";
  entity.descriptor = Value(Object({{"openapi", Value("3.0.1")},
                                    {"info", Value(Object({{"title", Value("example")}, {"x-cortex-tag", Value("example")}}))}}));
  prepare_values(entity);
  return entity;
}

}  // namespace cql
