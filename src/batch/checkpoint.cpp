#include "batch/checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "batch/report_json.hpp"
#include "cql/time.hpp"

namespace cql::batch {

namespace {

constexpr int kFormatVersion = 1;

Diagnostic problem(ErrorKind kind, std::string message) {
  Diagnostic d;
  d.kind = kind;
  d.message = std::move(message);
  return d;
}

Json header_to_json(const CheckpointHeader& header) {
  Json scorecards = Json::object();
  for (const auto& [tag, fingerprint] : header.scorecards) scorecards[tag] = fingerprint;
  return Json{{"cql_checkpoint", kFormatVersion},
              {"now", format_timestamp(header.now)},
              {"scorecards", std::move(scorecards)},
              {"shard", header.shard}};
}

std::optional<CheckpointHeader> header_from_json(const Json& json) {
  if (!json.is_object() || json.value("cql_checkpoint", 0) != kFormatVersion) return std::nullopt;
  CheckpointHeader header;
  const auto now = json.find("now");
  if (now == json.end() || !now->is_string()) return std::nullopt;
  const auto t = parse_timestamp(now->get<std::string>());
  if (!t) return std::nullopt;
  header.now = *t;
  const auto scorecards = json.find("scorecards");
  if (scorecards == json.end() || !scorecards->is_object()) return std::nullopt;
  for (const auto& [tag, fingerprint] : scorecards->items()) {
    if (!fingerprint.is_string()) return std::nullopt;
    header.scorecards[tag] = fingerprint.get<std::string>();
  }
  header.shard = json.value("shard", "");
  return header;
}

Json record_to_json(const EntityRecord& record) {
  Json results = Json::object();
  for (const auto& [scorecard, result] : record.results) results[scorecard] = entity_result_to_json(result);
  Json out = Json{{"entity", record.entity}, {"results", std::move(results)}};
  if (!record.problems.empty()) out["problems"] = record.problems;
  if (record.errors != 0) out["errors"] = record.errors;
  return out;
}

std::optional<EntityRecord> record_from_json(const Json& json, const std::string& where, std::string& error) {
  if (!json.is_object() || !json.contains("entity") || !json["entity"].is_string() || !json.contains("results") ||
      !json["results"].is_object()) {
    error = where + ": not an entity record";
    return std::nullopt;
  }
  EntityRecord record;
  record.entity = json["entity"].get<std::string>();
  for (const auto& [scorecard, result] : json["results"].items()) {
    auto parsed = entity_result_from_json(result, where + ".results." + scorecard, error);
    if (!parsed) return std::nullopt;
    record.results.emplace_back(scorecard, std::move(*parsed));
  }
  if (const auto problems = json.find("problems"); problems != json.end() && problems->is_array()) {
    for (const auto& p : *problems) {
      if (p.is_string()) record.problems.push_back(p.get<std::string>());
    }
  }
  record.errors = json.value("errors", std::int64_t{0});
  return record;
}

std::string describe(const CheckpointHeader& h) {
  std::string cards;
  for (const auto& [tag, fingerprint] : h.scorecards) cards += (cards.empty() ? "" : ", ") + tag + "@" + fingerprint;
  return fmt::format("scorecards {}{}", cards, h.shard.empty() ? "" : ", shard " + h.shard);
}

bool write_all(int fd, const std::string& text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

Checkpoint::~Checkpoint() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<Checkpoint>> Checkpoint::open(const std::string& path, CheckpointHeader& header, bool now_given) {
  std::unique_ptr<Checkpoint> cp(new Checkpoint());
  cp->path_ = path;
  std::string text;
  if (std::ifstream in(path, std::ios::binary); in) {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  // A line without its newline was cut by a kill: drop it so appends start on a clean line.
  const std::size_t complete = text.empty() ? 0 : text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
  if (complete < text.size()) {
    std::error_code ec;
    std::filesystem::resize_file(path, complete, ec);
    if (ec) return problem(ErrorKind::Io, fmt::format("cannot repair checkpoint {}: {}", path, ec.message()));
    text.resize(complete);
  }
  bool has_header = false;
  std::size_t line_no = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = text.find('\n', at);
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    ++line_no;
    if (line.empty()) continue;
    Json json;
    try {
      json = Json::parse(line);
    } catch (const Json::parse_error&) {
      return problem(ErrorKind::Syntax, fmt::format("{}:{}: not a checkpoint line (invalid JSON)", path, line_no));
    }
    if (!has_header) {
      const auto found = header_from_json(json);
      if (!found) return problem(ErrorKind::Syntax, fmt::format("{}:{}: not a cql checkpoint file", path, line_no));
      if (found->scorecards != header.scorecards || found->shard != header.shard) {
        return problem(ErrorKind::Usage,
                       fmt::format("checkpoint {} was written for {}, this run has {}; use another file or delete it",
                                   path, describe(*found), describe(header)));
      }
      if (now_given && found->now.ms != header.now.ms) {
        return problem(ErrorKind::Usage, fmt::format("checkpoint {} was written for --now {}, this run has --now {}",
                                                     path, format_timestamp(found->now), format_timestamp(header.now)));
      }
      header.now = found->now;
      has_header = true;
      continue;
    }
    std::string error;
    auto record = record_from_json(json, fmt::format("{}:{}", path, line_no), error);
    if (!record) return problem(ErrorKind::Syntax, error);
    std::string tag = record->entity;
    cp->done_.insert_or_assign(std::move(tag), std::move(*record));
  }
  cp->fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (cp->fd_ < 0) return problem(ErrorKind::Io, fmt::format("cannot write checkpoint {}: {}", path, std::strerror(errno)));
  if (!has_header && !write_all(cp->fd_, header_to_json(header).dump() + "\n")) {
    return problem(ErrorKind::Io, fmt::format("cannot write checkpoint {}: {}", path, std::strerror(errno)));
  }
  return cp;
}

bool Checkpoint::append(const EntityRecord& record, std::string& error) {
  const std::string line = record_to_json(record).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mutex_);
  if (!write_all(fd_, line)) {
    error = fmt::format("cannot write checkpoint {}: {}", path_, std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace cql::batch
