#include "sources/secret.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace cql::sources {

namespace {

constexpr std::size_t kMaxSecretBytes = 64 * 1024;

void replace_all(std::string& text, std::string_view needle, std::string_view with) {
  if (needle.empty()) return;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + with.size())) {
    text.replace(pos, needle.size(), with);
  }
}

// Secrets pasted into files or variables usually carry a trailing newline.
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) {
    text.pop_back();
  }
  std::size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  return text.substr(start);
}

std::optional<std::string> read_secret(const JiraAccount& account, std::string& error) {
  const std::string named = "Jira account '" + account.alias + "'";
  if (!account.secret_env.empty()) {
    const char* value = std::getenv(account.secret_env.c_str());
    if (value == nullptr || trimmed(value).empty()) {
      error = named + ": the environment variable " + account.secret_env +
              " is not set or empty; export the account's token in it.";
      return std::nullopt;
    }
    return trimmed(value);
  }
  if (!account.secret_file.empty()) {
    std::ifstream in(account.secret_file, std::ios::binary);
    if (!in) {
      error = named + ": cannot read the token file " + account.secret_file + "; check that it exists and is readable.";
      return std::nullopt;
    }
    std::string content;
    content.resize(kMaxSecretBytes + 1);
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(in.gcount()));
    if (content.size() > kMaxSecretBytes) {
      error = named + ": the token file " + account.secret_file + " is too large to hold a token.";
      return std::nullopt;
    }
    content = trimmed(std::move(content));
    if (content.empty()) {
      error = named + ": the token file " + account.secret_file + " is empty; write the account's token in it.";
      return std::nullopt;
    }
    return content;
  }
  error = named + " names no secret; set token_env or token_file in the configuration.";
  return std::nullopt;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string Credential::redact(std::string text) const {
  replace_all(text, encoded_, "***");
  replace_all(text, secret_, "***");
  return text;
}

std::optional<Credential> Credential::load(const JiraAccount& account, std::string& error) {
  auto secret = read_secret(account, error);
  if (!secret) return std::nullopt;
  Credential c;
  c.secret_ = std::move(*secret);
  if (account.auth == JiraAuth::Basic) {
    const std::string& user = account.flavour == JiraFlavour::Cloud ? account.email : account.username;
    c.encoded_ = base64_encode(user + ":" + c.secret_);
    c.authorization_ = "Basic " + c.encoded_;
  } else {
    c.authorization_ = "Bearer " + c.secret_;
  }
  return c;
}

}  // namespace cql::sources
