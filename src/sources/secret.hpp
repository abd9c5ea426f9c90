#pragma once
// Account secrets (spec/jira.md §4): read from the environment variable or file the
// configuration names, turned into an Authorization header value, and scrubbed from any text
// that could reach the user. The secret itself is never part of an error message.

#include <optional>
#include <string>
#include <string_view>

#include "cql/jira.hpp"

namespace cql::sources {

class Credential {
 public:
  // The value of the Authorization header: `Basic <base64(user:secret)>` or `Bearer <secret>`.
  const std::string& authorization() const noexcept { return authorization_; }

  // `text` with every occurrence of the secret (raw or base64-encoded) replaced by `***`.
  std::string redact(std::string text) const;

  // Builds the credential of an account from its secret; `error` names the variable or file
  // that could not be read. Never throws.
  static std::optional<Credential> load(const JiraAccount& account, std::string& error);

 private:
  std::string authorization_;
  std::string secret_;
  std::string encoded_;  // the base64 part of a Basic header
};

std::string base64_encode(std::string_view bytes);

}  // namespace cql::sources
