#include "tests/integration/fake_jira/dump_matcher.hpp"

#include <fstream>
#include <stdexcept>

namespace cql::fake_jira {

std::vector<nlohmann::json> load_dump_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("fake Jira: cannot read the dump " + path);
  const auto json = nlohmann::json::parse(in);
  const auto& issues = json.is_object() ? json.at("issues") : json;
  return issues.get<std::vector<nlohmann::json>>();
}

Matcher dump_matcher(std::shared_ptr<const jql::IssueIndex> index, Timestamp now, std::string current_user) {
  return [index = std::move(index), context = jql::JqlEvalContext{now, std::move(current_user)}](const std::string& jql) {
    Matches m;
    auto found = index->search(jql, context);
    if (!found.ok()) {
      m.ok = false;
      const auto& error = found.error();
      // Jira prefixes syntax errors so; other rejections are its plain sentences.
      m.errors.push_back(error.kind == ErrorKind::Syntax ? "Error in the JQL Query: " + error.message : error.message);
      return m;
    }
    const sources::DumpIssue* first = index->issues().data();
    for (const sources::DumpIssue* issue : found.value()) m.issues.push_back(static_cast<std::size_t>(issue - first));
    return m;
  };
}

}  // namespace cql::fake_jira
