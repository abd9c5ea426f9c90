#include "sources/config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "cql/time.hpp"

namespace cql::sources {

namespace {

namespace fs = std::filesystem;

// Keys that would put a secret into the file. They are rejected outright (not ignored) so a
// user who pasted a token learns at once that it must move to the environment or a file.
constexpr std::string_view kSecretKeys[] = {"token", "password", "api_token", "apitoken", "pat",
                                            "secret", "personal_access_token", "access_token"};

bool is_secret_key(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(std::begin(kSecretKeys), std::end(kSecretKeys), lower) != std::end(kSecretKeys);
}

bool valid_alias(std::string_view alias) {
  return !alias.empty() && std::all_of(alias.begin(), alias.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-' || c == '.';
  });
}

bool valid_site(std::string_view site) {
  return !site.empty() && std::all_of(site.begin(), site.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-';
  });
}

bool has_http_scheme(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

std::string without_trailing_slashes(std::string url) {
  while (url.size() > 1 && url.back() == '/') url.pop_back();
  return url;
}

// Walks the YAML tree and collects every problem, each pointing at its node.
class ConfigReader {
 public:
  ConfigReader(std::string name, std::string_view text, fs::path base_dir)
      : name_(std::move(name)), text_(text), shown_text_(text), base_dir_(std::move(base_dir)) {}

  Result<Config> read() {
    Config config;
    read_into(config);
    if (errors_.empty()) return config;
    // Diagnostics quote the source line; a pasted secret is masked there so it goes no further.
    auto shown = std::make_shared<SourceFile>(name_, shown_text_);
    for (auto& d : errors_) d.source = shown;
    return errors_;
  }

 private:
  void read_into(Config& config) {
    YAML::Node root;
    try {
      root = YAML::Load(text_);
    } catch (const YAML::ParserException& e) {
      error_at(e.mark, "invalid YAML: " + e.msg);
      return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      error(root, "the configuration must be a mapping with a `jira:` section");
      return;
    }
    for (const auto& entry : root) {
      // Other top-level sections belong to other parts of cql; only secrets are refused everywhere.
      if (is_secret_key(entry.first.Scalar())) secret_error(entry.first, entry.second);
    }
    if (const auto jira = root["jira"]) read_jira(jira, config);
    if (const auto cache = root["cache"]) read_cache(cache, config.cache);
  }

  void error_at(const YAML::Mark& mark, std::string message) {
    const auto begin = static_cast<std::uint32_t>(std::max(mark.pos, 0));
    errors_.push_back(Diagnostic{ErrorKind::Usage, Severity::Error, std::move(message), nullptr,
                                 Span{begin, begin + 1}, ""});
  }
  void error(const YAML::Node& node, std::string message) {
    const auto mark = node.Mark();
    const auto begin = static_cast<std::uint32_t>(std::max(mark.pos, 0));
    const auto length = node.IsScalar() ? std::max<std::size_t>(node.Scalar().size(), 1) : 1;
    errors_.push_back(Diagnostic{ErrorKind::Usage, Severity::Error, std::move(message), nullptr,
                                 Span{begin, begin + static_cast<std::uint32_t>(length)}, ""});
  }
  void secret_error(const YAML::Node& key, const YAML::Node& value) {
    mask_rest_of_line(value);
    error(key, "a literal `" + key.Scalar() +
                   "` is not allowed in the configuration: put the secret in an environment variable "
                   "and name it with token_env (or password_env), or in a file named by token_file");
  }

  void mask_rest_of_line(const YAML::Node& value) {
    if (!value.IsScalar() || value.Mark().pos < 0) return;
    for (auto i = static_cast<std::size_t>(value.Mark().pos); i < shown_text_.size(); ++i) {
      if (shown_text_[i] == '\n' || shown_text_[i] == '\r') break;
      shown_text_[i] = '*';
    }
  }

  bool expect_map(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    error(node, std::string(what) + " must be a mapping");
    return false;
  }

  // Checks every key of a mapping against the allowed ones, refusing secrets by name.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string_view what) {
    for (const auto& entry : map) {
      const auto& key = entry.first.Scalar();
      if (is_secret_key(key)) {
        secret_error(entry.first, entry.second);
      } else if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        error(entry.first, "unknown key `" + key + "` in " + std::string(what) + " (allowed: " + list + ")");
      }
    }
  }

  std::optional<std::string> string_at(const YAML::Node& map, const char* key) {
    const auto node = map[key];
    if (!node) return std::nullopt;
    if (!node.IsScalar()) {
      error(node, std::string("`") + key + "` must be a string");
      return std::nullopt;
    }
    return node.Scalar();
  }

  template <typename T>
  std::optional<T> number_at(const YAML::Node& map, const char* key, T min, T max) {
    const auto node = map[key];
    if (!node) return std::nullopt;
    T value{};
    if (!node.IsScalar() || !YAML::convert<T>::decode(node, value) || value < min || value > max) {
      std::ostringstream range;
      range << min << " to " << max;
      error(node, std::string("`") + key + "` must be a number from " + range.str());
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::chrono::milliseconds> duration_at(const YAML::Node& map, const char* key) {
    const auto text = string_at(map, key);
    if (!text) return std::nullopt;
    auto d = parse_duration_setting(*text);
    if (!d) error(map[key], std::string("`") + key + "` must be a duration such as 5s, 250ms, 4h or PT4H");
    return d;
  }

  // A path relative to the configuration file's directory; must exist when `must_exist`.
  std::optional<std::string> path_at(const YAML::Node& map, const char* key, bool must_exist) {
    const auto text = string_at(map, key);
    if (!text) return std::nullopt;
    fs::path path(*text);
    if (path.is_relative()) path = base_dir_ / path;
    std::error_code ec;
    if (must_exist && !fs::is_regular_file(path, ec)) {
      error(map[key], std::string("`") + key + "`: no such file: " + path.string());
      return std::nullopt;
    }
    return path.string();
  }

  void read_jira(const YAML::Node& jira, Config& config) {
    if (!expect_map(jira, "`jira`")) return;
    check_keys(jira, {"default", "jql", "accounts", "retry", "timeout", "connect_timeout"}, "`jira`");
    if (auto jql = string_at(jira, "jql")) config.jira.workspace_jql = *jql;
    if (auto d = duration_at(jira, "timeout")) config.retry.request_timeout = *d;
    if (auto d = duration_at(jira, "connect_timeout")) config.retry.connect_timeout = *d;
    if (const auto retry = jira["retry"]) read_retry(retry, config.retry);

    const auto accounts = jira["accounts"];
    if (accounts) {
      if (!accounts.IsSequence()) {
        error(accounts, "`accounts` must be a list of accounts");
      } else {
        std::set<std::string> seen;
        for (const auto& item : accounts) {
          auto account = read_account(item);
          if (!account) continue;
          if (!seen.insert(account->alias).second) {
            error(item["alias"], "the alias `" + account->alias + "` is used by two accounts");
            continue;
          }
          config.jira.accounts.push_back(std::move(*account));
        }
      }
    }

    if (auto def = string_at(jira, "default")) {
      if (!config.jira.find(*def) && errors_.empty()) {
        error(jira["default"], "`default` names `" + *def + "`, which is not the alias of any account");
      }
      config.jira.default_alias = *def;
    } else if (config.jira.accounts.size() == 1) {
      config.jira.default_alias = config.jira.accounts.front().alias;
    } else if (config.jira.accounts.size() > 1) {
      error(jira, "several accounts are configured: name the one used by default with `default: <alias>`");
    }
  }

  void read_retry(const YAML::Node& retry, RetryPolicy& policy) {
    if (!expect_map(retry, "`retry`")) return;
    check_keys(retry, {"max_retries", "initial_delay", "max_delay", "max_wait"}, "`retry`");
    if (auto n = number_at<int>(retry, "max_retries", 0, 10)) policy.max_retries = *n;
    if (auto d = duration_at(retry, "initial_delay")) policy.initial_backoff = *d;
    if (auto d = duration_at(retry, "max_delay")) policy.max_backoff = *d;
    if (auto d = duration_at(retry, "max_wait")) policy.max_retry_after = *d;
    if (policy.max_backoff < policy.initial_backoff) {
      error(retry, "`max_delay` must not be shorter than `initial_delay`");
    }
  }

  void read_cache(const YAML::Node& cache, CacheSettings& settings) {
    if (!expect_map(cache, "`cache`")) return;
    check_keys(cache, {"enabled", "dir", "ttl"}, "`cache`");
    if (const auto enabled = cache["enabled"]) {
      bool value = true;
      if (!enabled.IsScalar() || !YAML::convert<bool>::decode(enabled, value)) {
        error(enabled, "`enabled` must be true or false");
      }
      settings.enabled = value;
    }
    if (auto dir = string_at(cache, "dir")) {
      fs::path path(*dir);
      settings.dir = path.is_relative() ? base_dir_ / path : path;
    }
    if (auto ttl = duration_at(cache, "ttl")) {
      settings.ttl = std::chrono::duration_cast<std::chrono::seconds>(*ttl);
    }
  }

  std::optional<JiraAccount> read_account(const YAML::Node& item) {
    if (!expect_map(item, "an account")) return std::nullopt;
    const auto before = errors_.size();
    check_keys(item,
               {"alias", "kind", "site", "base_url", "auth", "email", "username", "cloud_id", "api_gateway",
                "browse_url", "token_env", "token_file", "password_env", "password_file", "proxy", "ca_file",
                "max_in_flight", "requests_per_second", "dump", "current_user"},
               "an account");
    JiraAccount a;
    const auto alias = string_at(item, "alias");
    if (!alias) {
      if (!item["alias"]) error(item, "every account needs an `alias`");
      return std::nullopt;
    }
    if (!valid_alias(*alias)) {
      error(item["alias"], "an alias is made of letters, digits, `_`, `-` and `.`");
      return std::nullopt;
    }
    a.alias = *alias;
    const std::string named = "account `" + a.alias + "`";

    if (auto kind = string_at(item, "kind")) {
      if (*kind == "cloud") a.flavour = JiraFlavour::Cloud;
      else if (*kind == "datacenter" || *kind == "server") a.flavour = JiraFlavour::DataCenter;
      else error(item["kind"], "`kind` must be cloud or datacenter");
    }

    const auto site = string_at(item, "site");
    const auto base_url = string_at(item, "base_url");
    const auto cloud_id = string_at(item, "cloud_id");
    if (site && !valid_site(*site)) {
      error(item["site"], "`site` is the name before .atlassian.net (like acme); use base_url for a full URL");
    }
    if (site && base_url) error(item["base_url"], "give either `site` or `base_url`, not both");
    if (base_url && !has_http_scheme(*base_url)) {
      error(item["base_url"], "`base_url` must start with https:// (or http:// for a local server)");
    }
    if (auto browse = string_at(item, "browse_url")) {
      if (!has_http_scheme(*browse)) error(item["browse_url"], "`browse_url` must start with https://");
      a.browse_url = without_trailing_slashes(*browse);
    }

    // Authentication: cloud defaults to basic (email + API token), Data Center to a bearer PAT
    // unless a username asks for basic.
    const auto email = string_at(item, "email");
    const auto username = string_at(item, "username");
    if (auto auth = string_at(item, "auth")) {
      if (*auth == "basic") a.auth = JiraAuth::Basic;
      else if (*auth == "bearer") a.auth = JiraAuth::Bearer;
      else if (*auth == "oauth") a.auth = JiraAuth::OAuth;
      else error(item["auth"], "`auth` must be basic, bearer or oauth");
    } else {
      a.auth = (a.flavour == JiraFlavour::DataCenter && !username) ? JiraAuth::Bearer : JiraAuth::Basic;
    }
    if (email) a.email = *email;
    if (username) a.username = *username;

    if (a.auth == JiraAuth::OAuth) {
      if (a.flavour != JiraFlavour::Cloud) error(item["auth"], "`auth: oauth` is only for cloud accounts");
      if (!cloud_id || cloud_id->empty()) {
        error(item, named + " uses oauth and needs its `cloud_id`");
      } else {
        std::string gateway = "https://api.atlassian.com";
        if (auto g = string_at(item, "api_gateway")) {
          if (!has_http_scheme(*g)) error(item["api_gateway"], "`api_gateway` must start with https://");
          gateway = without_trailing_slashes(*g);
        }
        a.cloud_id = *cloud_id;
        a.base_url = gateway + "/ex/jira/" + *cloud_id;
      }
      if (base_url) error(item["base_url"], "an oauth account's URL comes from `cloud_id`; use browse_url or site for links");
      if (site && a.browse_url.empty()) a.browse_url = "https://" + *site + ".atlassian.net";
    } else {
      if (cloud_id) error(item["cloud_id"], "`cloud_id` is only used with `auth: oauth`");
      if (site) {
        if (a.flavour == JiraFlavour::DataCenter) error(item["site"], "a datacenter account needs `base_url`, not `site`");
        a.base_url = "https://" + *site + ".atlassian.net";
      } else if (base_url) {
        a.base_url = without_trailing_slashes(*base_url);
      }
    }

    if (auto dump = path_at(item, "dump", true)) a.dump_file = *dump;
    if (auto user = string_at(item, "current_user")) a.current_user = *user;

    read_secret_source(item, a, named);
    const bool live = !a.base_url.empty();
    if (!live && a.dump_file.empty() && errors_.size() == before) {
      error(item, named + " needs `site` or `base_url` (or `dump` for an offline dump)");
    }
    if (live) {
      if (a.secret_env.empty() && a.secret_file.empty() && errors_.size() == before) {
        error(item, named + " needs token_env or token_file (or password_env/password_file) naming its secret");
      }
      if (a.auth == JiraAuth::Basic) {
        if (a.flavour == JiraFlavour::Cloud && a.email.empty()) {
          error(item, named + " uses basic authentication and needs its `email`");
        }
        if (a.flavour == JiraFlavour::DataCenter && a.username.empty()) {
          error(item, named + " uses basic authentication and needs its `username`");
        }
      }
    }

    if (auto proxy = string_at(item, "proxy")) a.proxy = *proxy;
    if (auto ca = path_at(item, "ca_file", true)) a.ca_file = *ca;
    if (auto n = number_at<int>(item, "max_in_flight", 1, 256)) a.max_in_flight = *n;
    if (auto r = number_at<double>(item, "requests_per_second", 0.0, 10000.0)) a.requests_per_second = *r;
    if (errors_.size() != before) return std::nullopt;
    return a;
  }

  // Exactly one of token_env, token_file, password_env, password_file.
  void read_secret_source(const YAML::Node& item, JiraAccount& a, const std::string& named) {
    int given = 0;
    for (const char* key : {"token_env", "password_env"}) {
      if (auto env = string_at(item, key)) {
        ++given;
        if (env->empty()) error(item[key], std::string("`") + key + "` names an environment variable");
        a.secret_env = *env;
      }
    }
    for (const char* key : {"token_file", "password_file"}) {
      if (auto file = path_at(item, key, false)) {
        ++given;
        a.secret_file = *file;
      }
    }
    if (given > 1) error(item, named + ": give only one of token_env, token_file, password_env, password_file");
  }

  std::string name_;
  std::string text_;
  std::string shown_text_;  // text_ with secret values masked
  fs::path base_dir_;
  std::vector<Diagnostic> errors_;
};

}  // namespace

Result<Config> parse_config(std::string_view text, std::string_view file_name, const fs::path& base_dir) {
  return ConfigReader(std::string(file_name), text, base_dir).read();
}

Result<Config> load_config(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Diagnostic{ErrorKind::Io, Severity::Error, "cannot read the configuration file " + path.string(), nullptr, {}, ""};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path.string(), path.parent_path());
}

std::optional<std::chrono::milliseconds> parse_duration_setting(std::string_view text) {
  if (text.starts_with("P") || text.starts_with("-P")) {
    auto d = parse_duration(text);
    if (!d || d->ms < 0) return std::nullopt;
    return std::chrono::milliseconds(d->ms);
  }
  // Compact form: one or more <number><unit>, units ms s m h d w.
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::int64_t n = 0;
    const std::size_t digits_start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      n = n * 10 + (text[i] - '0');
      if (n > 1'000'000'000) return std::nullopt;
      ++i;
    }
    if (i == digits_start) return std::nullopt;
    std::int64_t unit = 0;
    if (text.substr(i).starts_with("ms")) { unit = 1; i += 2; }
    else if (i < text.size()) {
      switch (text[i]) {
        case 's': unit = 1000; break;
        case 'm': unit = 60'000; break;
        case 'h': unit = 3'600'000; break;
        case 'd': unit = 86'400'000; break;
        case 'w': unit = 604'800'000; break;
        default: return std::nullopt;
      }
      ++i;
    }
    if (unit == 0) return std::nullopt;
    total += n * unit;
  }
  return std::chrono::milliseconds(total);
}

fs::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "cql";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "cql";
  return {};
}

}  // namespace cql::sources
