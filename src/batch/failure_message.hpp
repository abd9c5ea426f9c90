#pragma once
// Failure messages (spec/scorecards.md §3): `{{context.evaluation.captures.NAME}}`,
// `{{entity.tag}}` and `{{entity.name}}` are replaced (spaces inside the braces allowed);
// any other placeholder, or a capture that was never recorded, renders empty.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cql/entity.hpp"

namespace cql::batch {

std::string render_failure_message(std::string_view message_template, const Entity& entity,
                                   const std::vector<std::pair<std::string, Value>>& captures);

}  // namespace cql::batch
