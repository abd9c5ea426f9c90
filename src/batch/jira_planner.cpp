#include "batch/jira_planner.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "batch/jira_clause.hpp"
#include "batch/parallel.hpp"
#include "cql/jira.hpp"
#include "jql/ascii.hpp"

namespace cql::batch {

namespace {

// Values per grouped listing: keeps each JQL well under Jira's request size limits.
constexpr std::size_t kMaxGroupValues = 200;
// Issues per page Jira returns with fields (Cloud caps it at 100): the price of a listing.
constexpr std::size_t kPageSize = 100;
// Queries per fetch() call, so progress moves while a large plan is being sent.
constexpr std::size_t kFetchChunk = 256;

// A jira.numOfIssues()/issues() call with a constant argument (nullopt: no argument).
struct JiraCall {
  QueryKind kind;
  std::optional<std::string> argument;
  bool operator<(const JiraCall& o) const { return std::tie(kind, argument) < std::tie(o.kind, o.argument); }
};

// Constant jira calls of a program; a call whose argument is computed at run time (or is not
// a string) is left to evaluation.
std::vector<JiraCall> constant_jira_calls(const Program& program) {
  std::vector<JiraCall> calls;
  if (!program.valid()) return calls;
  for (const CallInfo& call : program.calls()) {
    if (call.namespace_name != "jira" || call.is_method) continue;
    QueryKind kind;
    if (call.name == "numOfIssues") kind = QueryKind::Count;
    else if (call.name == "issues") kind = QueryKind::Search;
    else continue;
    if (call.arguments.empty() || !call.arguments[0]) continue;
    const Value& argument = *call.arguments[0];
    if (argument.is_null()) calls.push_back({kind, std::nullopt});
    else if (argument.type() == Type::String) calls.push_back({kind, std::string(argument.as_string())});
  }
  return calls;
}

struct CountNeed {
  IssueQuery query;
  std::optional<GroupableClause> clause;  // when it can be counted from a grouped listing
  std::optional<QueryResult> answer;
};

struct Chunk {
  std::string account;
  std::string base_where;
  std::vector<std::size_t> members;  // indexes into counts
  IssueQuery count_query, listing;
  std::int64_t issues = -1;           // the grouped count, once known
  bool use_listing = false;
};

std::string need_key(const std::string& account, const std::string& jql) { return account + '\0' + jql; }

std::string quoted_list(const std::set<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + quote_jql_value(v);
  return out;
}

}  // namespace

struct JiraPlanner::Impl {
  const CompiledScorecards& scorecards;
  const BatchData& data;
  PlannedSource& source;
  std::vector<std::vector<std::vector<JiraCall>>> calls;  // [scorecard][rule]
  std::vector<CountNeed> counts;
  std::unordered_map<std::string, std::size_t> count_index;
  std::vector<IssueQuery> searches;
  std::unordered_map<std::string, std::size_t> search_index;
  std::vector<Chunk> chunks;
  std::map<std::string, KnownValuesPtr> known;  // per account
  std::mutex known_mutex;
  std::map<std::string, std::string> failed_accounts;
  JiraPlanStats stats;
  std::size_t entities = 0;

  Impl(const CompiledScorecards& s, const BatchData& d, PlannedSource& src) : scorecards(s), data(d), source(src) {
    for (const auto& card : scorecards.scorecards) {
      auto& per_rule = calls.emplace_back();
      for (const auto& rule : card.rules) per_rule.push_back(constant_jira_calls(rule.program));
    }
  }

  KnownValuesPtr known_values(const std::string& account, std::string& error) {
    std::lock_guard lock(known_mutex);
    auto it = known.find(account);
    if (it == known.end()) it = known.emplace(account, source.known_values(account, error)).first;
    if (!it->second) error = "cannot list the projects and components of account " + account;
    return it->second;
  }

  // The composed queries of one entity (what evaluation will send), with their clause when the
  // count can come from a grouped listing.
  struct EntityQueries {
    std::vector<std::pair<IssueQuery, std::optional<GroupableClause>>> queries;
    std::size_t skipped = 0;
  };

  EntityQueries queries_of(const EntityWork& work) {
    std::set<JiraCall> wanted;
    for (std::size_t c = 0; c < work.scorecards.size(); ++c) {
      const auto& w = work.scorecards[c];
      for (std::size_t r = 0; r < w.rules.size(); ++r) {
        if (w.rules[r] == RuleState::Evaluate) wanted.insert(calls[c][r].begin(), calls[c][r].end());
      }
    }
    EntityQueries out;
    const KnownValuesLookup lookup = [this](const std::string& account, std::string& error) {
      return known_values(account, error);
    };
    for (const JiraCall& call : wanted) {
      JiraComposeRequest request;
      request.entity = work.entity;
      request.settings = data.jira_settings;
      if (call.argument) request.argument = std::string_view(*call.argument);
      request.kind = call.kind;
      auto composed = compose_jira_queries(request, lookup);
      if (!composed) continue;  // evaluation reports the same error
      for (const auto& q : composed.value()) {
        if (q.skipped) {
          ++out.skipped;
          continue;
        }
        IssueQuery query;
        query.account = q.account;
        query.jql = q.jql;
        query.kind = call.kind;
        query.limit = kPrefetchSearchLimit;
        std::optional<GroupableClause> clause;
        if (call.kind == QueryKind::Count) clause = groupable_clause(q);
        out.queries.emplace_back(std::move(query), std::move(clause));
      }
    }
    return out;
  }

  void collect(std::span<const EntityWork> work) {
    if (!data.jira_settings || data.jira_settings->accounts.empty()) return;
    entities = work.size();
    std::vector<EntityQueries> per_entity(work.size());
    parallel_for(work.size(), 0, [&](std::size_t i) { per_entity[i] = queries_of(work[i]); });
    for (auto& e : per_entity) {
      stats.no_request += e.skipped;
      for (auto& [query, clause] : e.queries) {
        const std::string key = need_key(query.account, query.jql);
        if (query.kind == QueryKind::Count) {
          if (count_index.emplace(key, counts.size()).second) counts.push_back({std::move(query), std::move(clause), {}});
        } else if (search_index.emplace(key, searches.size()).second) {
          searches.push_back(std::move(query));
        }
      }
    }
    stats.distinct_counts = counts.size();
    stats.distinct_searches = searches.size();
  }

  void build_chunks() {
    // Group the counts that can be grouped by (account, base); cut groups into chunks.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (counts[i].clause && !failed_accounts.count(counts[i].query.account)) {
        groups[{counts[i].query.account, counts[i].clause->base_where}].push_back(i);
      }
    }
    for (auto& [key, members] : groups) {
      Chunk chunk;
      std::size_t values = 0;
      auto flush = [&] {
        if (chunk.members.size() > 2) chunks.push_back(std::move(chunk));  // 2 or fewer: never cheaper
        chunk = Chunk{};
        values = 0;
      };
      for (std::size_t m : members) {
        const auto& clause = *counts[m].clause;
        const std::size_t n = clause.labels.size() + clause.components.size();
        if (!chunk.members.empty() && values + n > kMaxGroupValues) flush();
        chunk.account = key.first;
        chunk.base_where = key.second;
        chunk.members.push_back(m);
        values += n;
      }
      flush();
    }
    for (auto& chunk : chunks) {
      std::set<std::string> labels, components;
      for (std::size_t m : chunk.members) {
        for (const auto& v : counts[m].clause->labels) labels.insert(v);
        for (const auto& v : counts[m].clause->components) components.insert(v);
      }
      std::string clause;
      if (!labels.empty()) clause = "labels in (" + quoted_list(labels) + ")";
      if (!components.empty()) clause += (clause.empty() ? "" : " OR ") + ("component in (" + quoted_list(components) + ")");
      const std::string jql = chunk.base_where.empty() ? clause : "(" + chunk.base_where + ") AND (" + clause + ")";
      chunk.count_query = IssueQuery{chunk.account, jql, QueryKind::Count, 0, {}};
      chunk.listing = IssueQuery{chunk.account, jql, QueryKind::Search, 0, {"labels", "components", "project"}};
    }
  }

  std::vector<QueryResult> fetch_all(const std::vector<IssueQuery>& queries, const std::function<void()>& on_progress) {
    std::vector<QueryResult> results;
    results.reserve(queries.size());
    for (std::size_t at = 0; at < queries.size(); at += kFetchChunk) {
      const std::size_t n = std::min(kFetchChunk, queries.size() - at);
      auto part = source.fetch(std::span<const IssueQuery>(queries.data() + at, n));
      for (auto& r : part) results.push_back(std::move(r));
      if (on_progress) on_progress();
    }
    return results;
  }

  void decide() {
    build_chunks();
    std::vector<IssueQuery> grouped_counts;
    for (const auto& chunk : chunks) grouped_counts.push_back(chunk.count_query);
    const auto answers = fetch_all(grouped_counts, {});
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      Chunk& chunk = chunks[i];
      if (!answers[i].ok) continue;  // the members are counted one by one
      chunk.issues = answers[i].count;
      const std::size_t pages = std::max<std::size_t>(1, (static_cast<std::size_t>(chunk.issues) + kPageSize - 1) / kPageSize);
      // The count already spent; a listing wins when its pages cost less than the counts it replaces.
      chunk.use_listing = pages < chunk.members.size();
      // Room for issues created between the count and the listing; a full listing is not trusted.
      chunk.listing.limit = static_cast<std::size_t>(chunk.issues) + std::max<std::size_t>(50, static_cast<std::size_t>(chunk.issues) / 10) + 1;
    }
    stats.listing_requests = chunks.size();
    for (const auto& chunk : chunks) {
      if (!chunk.use_listing) continue;
      ++stats.grouped_listings;
      stats.grouped_counts += chunk.members.size();
      stats.listing_requests += std::max<std::size_t>(1, (static_cast<std::size_t>(chunk.issues) + kPageSize - 1) / kPageSize);
    }
    std::size_t failed_counts = 0, failed_searches = 0;
    for (const auto& need : counts) failed_counts += failed_accounts.count(need.query.account);
    for (const auto& search : searches) failed_searches += failed_accounts.count(search.account);
    stats.count_requests = counts.size() - stats.grouped_counts - failed_counts;
    stats.search_requests = searches.size() - failed_searches;
    stats.failed_account_queries = failed_counts + failed_searches;
  }

  void count_locally(const Chunk& chunk, const QueryResult& listing) {
    // value (lower-case) -> members whose clause names it; each issue counts once per member.
    std::unordered_map<std::string, std::vector<std::size_t>> by_label, by_component;
    for (std::size_t k = 0; k < chunk.members.size(); ++k) {
      const auto& clause = *counts[chunk.members[k]].clause;
      for (const auto& v : clause.labels) by_label[jql::lower_ascii(v)].push_back(k);
      for (const auto& v : clause.components) by_component[jql::lower_ascii(v)].push_back(k);
    }
    std::vector<std::int64_t> totals(chunk.members.size(), 0);
    std::vector<std::size_t> last_issue(chunk.members.size(), SIZE_MAX);
    for (std::size_t i = 0; i < listing.issues.size(); ++i) {
      const Issue& issue = listing.issues[i];
      auto mark = [&](const std::unordered_map<std::string, std::vector<std::size_t>>& index, const std::string& value) {
        const auto it = index.find(jql::lower_ascii(value));
        if (it == index.end()) return;
        for (std::size_t k : it->second) {
          if (last_issue[k] != i) last_issue[k] = i, ++totals[k];
        }
      };
      for (const auto& label : issue.labels) mark(by_label, label);
      for (const auto& component : issue.components) mark(by_component, component);
    }
    for (std::size_t k = 0; k < chunk.members.size(); ++k) {
      QueryResult r;
      r.ok = true;
      r.count = totals[k];
      counts[chunk.members[k]].answer = std::move(r);
    }
  }

  QueryResult account_failure(const std::string& account) const {
    QueryResult r;
    r.error = failed_accounts.at(account);
    return r;
  }

  void execute(const std::function<void()>& on_progress) {
    for (auto& need : counts) {
      if (failed_accounts.count(need.query.account)) need.answer = account_failure(need.query.account);
    }
    std::vector<IssueQuery> listings;
    std::vector<std::size_t> listing_chunk;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      if (chunks[i].use_listing) listings.push_back(chunks[i].listing), listing_chunk.push_back(i);
    }
    const auto listed = fetch_all(listings, on_progress);
    for (std::size_t j = 0; j < listed.size(); ++j) {
      const Chunk& chunk = chunks[listing_chunk[j]];
      // A failed or full listing (issues were created meanwhile) falls back to counting one by one.
      if (listed[j].ok && listed[j].issues.size() < chunk.listing.limit) count_locally(chunk, listed[j]);
    }
    std::vector<IssueQuery> singles;
    std::vector<std::size_t> single_index;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (!counts[i].answer) singles.push_back(counts[i].query), single_index.push_back(i);
    }
    auto answers = fetch_all(singles, on_progress);
    for (std::size_t j = 0; j < answers.size(); ++j) counts[single_index[j]].answer = std::move(answers[j]);
    for (auto& need : counts) source.prefill(need.query, std::move(*need.answer));
    std::vector<IssueQuery> wanted;
    for (const auto& search : searches) {
      if (failed_accounts.count(search.account)) source.prefill(search, account_failure(search.account));
      else wanted.push_back(search);
    }
    auto found = fetch_all(wanted, on_progress);
    for (std::size_t i = 0; i < found.size(); ++i) source.prefill(wanted[i], std::move(found[i]));
  }

  std::string describe() const {
    std::string out = fmt::format("Jira plan for {} entities:\n", entities);
    out += fmt::format("  distinct count queries: {} (one request each without planning)\n", stats.distinct_counts);
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> by_group;  // members, listings
    for (const auto& chunk : chunks) {
      if (!chunk.use_listing) continue;
      auto& g = by_group[{chunk.account, chunk.base_where}];
      g.first += chunk.members.size();
      ++g.second;
    }
    for (const auto& [key, g] : by_group) {
      out += fmt::format("  account {}, base `{}`: {} counts from {} grouped listing{}\n", key.first,
                         key.second.empty() ? "(none)" : key.second, g.first, g.second, g.second == 1 ? "" : "s");
    }
    out += fmt::format("  grouped listings: {} answering {} counts; {} requests ({} counts to price them, pages of {} issues)\n",
                       stats.grouped_listings, stats.grouped_counts, stats.listing_requests, chunks.size(), kPageSize);
    out += fmt::format("  counts sent one by one: {}\n", stats.count_requests);
    out += fmt::format("  jira.issues() searches: {}\n", stats.search_requests);
    out += fmt::format("  accounts left without a clause (0 issues, no request): {}\n", stats.no_request);
    for (const auto& [account, error] : failed_accounts) {
      out += fmt::format("  account {} failed its credential check; its queries are errors without a request: {}\n", account, error);
    }
    const std::size_t total = stats.listing_requests + stats.count_requests + stats.search_requests;
    out += fmt::format("  total: about {} requests instead of {}\n", total, stats.distinct_counts + stats.distinct_searches);
    return out;
  }
};

JiraPlanner::JiraPlanner(const CompiledScorecards& scorecards, const BatchData& data, PlannedSource& source)
    : impl_(std::make_unique<Impl>(scorecards, data, source)) {}
JiraPlanner::~JiraPlanner() = default;

void JiraPlanner::set_failed_accounts(std::map<std::string, std::string> failed) { impl_->failed_accounts = std::move(failed); }
void JiraPlanner::collect(std::span<const EntityWork> work) { impl_->collect(work); }
void JiraPlanner::decide() { impl_->decide(); }
void JiraPlanner::execute(const std::function<void()>& on_progress) { impl_->execute(on_progress); }
const JiraPlanStats& JiraPlanner::stats() const noexcept { return impl_->stats; }
std::string JiraPlanner::describe() const { return impl_->describe(); }

}  // namespace cql::batch
