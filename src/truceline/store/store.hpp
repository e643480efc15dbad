// The append-only report store: one SQLite file in WAL mode (docs/report-format.md).
//
// - Reports are never updated or deleted (triggers enforce it); a correction is a new report
//   whose `supersedes` names the old one; queries return the current view or the history.
// - Every report keeps its raw input row, importer, batch, row number and content hash
//   (SHA-256 of its normalized JSON): re-importing the same content adds nothing.
// - A file is imported in one transaction: a process killed at any moment leaves the store as
//   it was, and running the import again gives exactly the state of one uninterrupted run.
//   Readers (WAL) see the state before or after, never a half import.
// - Bad rows go to the quarantine with their raw text, row number and reason.
// - Schema versioned (PRAGMA user_version) with forward migrations; application_id marks the
//   file as a truceline store.
#pragma once

#include <cstdint>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/store/report.hpp"

struct sqlite3;

namespace truceline::store {

inline constexpr int kSchemaVersion = 1;

struct BatchSummary {
  int64_t batch_id = 0;  // 0 for a dry run
  std::size_t rows = 0, imported = 0, duplicates = 0, quarantined = 0;
};

// One input row handed to import(): its number (line or feature), raw text and outcome.
struct InputRow {
  std::size_t number = 0;
  std::string raw;
  RowOutcome outcome;
};

struct ImportOptions {
  std::string file;        // as given by the user
  std::string file_hash;   // SHA-256 of the file's bytes
  std::string importer;    // "jsonl", "csv", "geojson", "acled"
  bool strict = false;     // any bad row: nothing is written, InputError naming the row
  bool dry_run = false;    // everything is checked, nothing is written
  // Optional: resolves `place` to coordinates; returns JSON recorded with the report
  // ({"lon", "lat", "name", "ambiguous", "candidates"}) or null when nothing matches.
  std::function<nlohmann::json(const std::string& place)> resolve_place;
  std::function<void(std::size_t rows)> progress;
};

struct Query {
  std::optional<int64_t> since, until;  // observed_at in [since, until)
  std::optional<std::array<double, 4>> bbox;  // west, south, east, north (degrees)
  std::string kind, source;
  bool history = false;  // include superseded reports
};

struct StoredReport {
  std::string id;
  nlohmann::json report;  // the normalized report (Report::to_json)
  int64_t batch_id = 0;
  std::size_t row_number = 0;
  std::string importer, superseded_by;
  // Where the store placed it: the report's own lon/lat, or its place resolved at ingest.
  std::optional<double> lon, lat;
  nlohmann::json place_resolution;  // null unless located by a place name
};

struct QuarantinedRow {
  int64_t batch_id = 0;
  std::string file;
  std::size_t row_number = 0;
  std::string raw, reason;
};

class Store {
 public:
  // Opens a store, creating it if missing (only `ingest` does this).
  static Store create_or_open(const std::string& path);
  // Opens an existing store; InputError for a missing, unreadable or non-truceline file.
  static Store open_existing(const std::string& path);
  Store(Store&&) noexcept;
  ~Store();

  // Imports rows from `next` (false at the end) in one transaction.
  BatchSummary import(const ImportOptions& options, const std::function<bool(InputRow&)>& next);

  void query(const Query& q, const std::function<void(const StoredReport&)>& each) const;
  std::vector<QuarantinedRow> quarantine(std::optional<int64_t> batch) const;
  nlohmann::json stats() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }  // for tests (append-only enforcement)

  // A report's id is "r" + the first 20 hex digits of its content hash (a generated column).

 private:
  Store(std::string path, sqlite3* db);
  void migrate();
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace truceline::store
