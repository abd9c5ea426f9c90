#pragma once
// The stored form of cached answers: compact JSON of a successful QueryResult or KnownValues.
// Only answers are stored (counts, issues, project and component names), never requests,
// headers or credentials. Decoding validates the shape; a damaged entry decodes to nullopt
// and counts as a miss.

#include <optional>
#include <string>

#include "cql/issue_source.hpp"

namespace cql::sources {

std::string encode_result(const QueryResult& result);
std::optional<QueryResult> decode_result(const std::string& text);

std::string encode_known_values(const KnownValues& known);
KnownValuesPtr decode_known_values(const std::string& text);

}  // namespace cql::sources
