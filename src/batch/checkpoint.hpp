#pragma once
// `--checkpoint FILE` (spec/scorecards.md §4.5): JSON Lines. The first line describes the run
// (evaluation time, scorecard fingerprints, shard); then one line per finished entity with its
// result for every scorecard that scored it. Each line is written with a single write(2) on an
// O_APPEND descriptor as soon as the entity is done, so a killed run loses nothing that was
// written; an incomplete last line (killed mid-write) is dropped when the file is reopened.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cql/batch.hpp"
#include "cql/diagnostic.hpp"

namespace cql::batch {

struct CheckpointHeader {
  Timestamp now;
  // scorecard tag -> fingerprint, so a checkpoint of other scorecards is never reused.
  std::map<std::string, std::string> scorecards;
  std::string shard;  // "I/N" or empty
};

// Everything a run produced for one entity.
struct EntityRecord {
  std::string entity;
  std::vector<std::pair<std::string, EntityResult>> results;  // scorecard tag -> result
  std::vector<std::string> problems;  // messages reported for this entity (filter query errors)
  std::int64_t errors = 0;            // rule outcomes that ended in error or stale
};

class Checkpoint {
 public:
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;
  ~Checkpoint();

  // Opens (creating when missing) the checkpoint. An existing file must have been written for
  // the same scorecards and shard; `header.now` is replaced by the file's when `now_given` is
  // false (a resumed run scores at the instant of the first run), and must match otherwise.
  static Result<std::unique_ptr<Checkpoint>> open(const std::string& path, CheckpointHeader& header, bool now_given);

  // The finished entities read from the file.
  const std::unordered_map<std::string, EntityRecord>& done() const noexcept { return done_; }

  // Appends one line; safe to call from several threads. Returns false (with `error`) on I/O failure.
  bool append(const EntityRecord& record, std::string& error);

 private:
  Checkpoint() = default;
  std::string path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::unordered_map<std::string, EntityRecord> done_;
};

}  // namespace cql::batch
