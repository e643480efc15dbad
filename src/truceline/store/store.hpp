// The append-only report store: one SQLite file (docs/report-format.md).
//
// - Reports are never updated or deleted (triggers enforce it); a correction is a new report
//   whose `supersedes` names the old one; queries return the current view or the history.
// - Every report keeps its raw input row, importer, batch, row number and content hash
//   (SHA-256 of its normalized JSON): re-importing the same content adds nothing.
// - A file is imported in one transaction: a process killed at any moment leaves the store as
//   it was, and running the import again gives exactly the state of one uninterrupted run.
//   Readers (WAL) see the state before or after, never a half import.
// - Reading never writes: readers open the file read-only (SQLITE_OPEN_READONLY), so they work
//   on a read-only file in a read-only folder and leave no file behind. For that, a writer
//   works in WAL mode (readers go on while it imports) but leaves the file in rollback-journal
//   mode when it closes (checkpoint, then journal_mode=DELETE): a reader of a file at rest then
//   needs neither a -wal nor a -shm file, which it could not create in a read-only folder and
//   could not remove afterwards (only a read-write connection checkpoints and deletes them).
//   See open_existing().
// - Bad rows go to the quarantine with their raw text, row number and reason.
// - Schema versioned (PRAGMA user_version) with forward migrations; application_id marks the
//   file as a truceline store.
// - Damage is detected, never read as truth (store/integrity.hpp, docs/store-integrity.md);
//   SQLite failures become store::StoreError messages naming the store (store/sqlite_error.hpp).
//
// Units: times are unix seconds UTC (observed_unix); coordinates WGS84 degrees; precision
// radii metres. Errors: InputError (and its StoreError, DamagedError kinds) for anything the
// user can act on, exit 2; std::runtime_error only for bugs.
// Cost: import is linear in the rows (one transaction; the content-hash and source-record
// indexes updated per row, the time/kind/source indexes built at the end of a batch as large
// as the table, else updated per row: store.cpp DeferredIndexes; the R*Tree packed at the end
// of a batch as large as the tree, else updated per row: store.cpp RtreeWriter);
// query() walks the time index or the R*Tree (a week × 0.4° box of 1 M reports: milliseconds, README speed table) and
// checks each row's content hash on the way.
// Thread safety: a Store (one SQLite connection) is used by one thread at a time; several
// processes and connections may read while one writes (WAL); writers take turns (the write
// lock, WriterOptions).
#pragma once

#include <cstdint>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/store/record.hpp"
#include "truceline/store/sqlite_error.hpp"

struct sqlite3;

namespace truceline::store {

namespace detail {
struct WriteWait;
}

// 1: the first; 2: report.source_id (from the JSON) indexed with source_name (revisions);
// 3: the ledger's tables (ledger_entry, ledger_node, ledger_checkpoint; ledger/log.hpp);
// 4: the review queue (candidate, candidate_decision, batch.candidates; store/candidates.hpp).
inline constexpr int kSchemaVersion = 4;

struct BatchSummary {
  int64_t batch_id = 0;  // 0 when nothing was written
  std::size_t rows = 0, imported = 0, duplicates = 0, quarantined = 0;
  // Imported reports that are new versions of a source record the store (or this batch)
  // already held: same source name and source_id (docs/report-format.md, "Revisions").
  std::size_t revisions = 0;
  // Rows taken into the review queue (store/candidates.hpp), not into the reports: rows of a
  // candidate import (ImportOptions::candidates) or with "status": "candidate".
  std::size_t candidates = 0;
  // Committed. False for a dry run, and for a batch that took no report at all (no rows, or
  // every row quarantined): such a file is a failure of the file (wrong encoding, columns not
  // mapped, ...), so it is not recorded, not even its quarantined rows (docs/importers.md).
  bool written = false;
  // No report was taken (rows == 0 or imported + duplicates == 0): the file gave nothing.
  bool took_nothing() const { return imported + duplicates + candidates == 0; }
};

// One input row handed to import(): its number (line or feature), raw text and outcome.
struct InputRow {
  std::size_t number = 0;
  std::string raw;
  RowOutcome outcome;
  // The report's place already resolved (Store::append): recorded as is, resolve_place is
  // not called. Null = resolve at import.
  nlohmann::json place_resolution;
  // Set by import(): the row goes to the review queue (ImportOptions::candidates, or its
  // report says "status": "candidate"; that key is then removed from the report).
  bool candidate = false;
};

struct ImportOptions {
  std::string file;        // as given by the user
  std::string file_hash;   // SHA-256 of the file's bytes
  // Optional: the file's SHA-256 known only once its last byte was read (a pipe is hashed
  // while it is parsed: it cannot be read twice). Called after `next` returned false; its
  // value replaces file_hash in the batch record, which is written when the batch finishes.
  // The file hash is provenance only: duplicates are found by each report's content hash.
  std::function<std::string()> final_file_hash;
  // Optional: called between row batches (every 256 rows at most) and just before the
  // COMMIT; an exception it throws (e.g. io::Interrupted after a signal) rolls the whole
  // batch back and propagates.
  std::function<void()> interruption_point;
  std::string importer;    // "jsonl", "csv", "geojson", "acled", "ledger"
  // The caller holds a write transaction (ledger::Log::append): the batch runs in a SAVEPOINT
  // of it, rolled back alone on failure and committed with the caller's transaction.
  bool nested = false;
  bool strict = false;     // any bad row: nothing is written, InputError naming the row
  // Every valid row is a candidate report (`ingest --candidate`): it goes to the review queue
  // (table candidate), not to the reports, until a `review` entry accepts it
  // (store/candidates.hpp). Without it, only rows whose report says "status": "candidate" do.
  bool candidates = false;
  // Everything is checked, nothing is written: the store is only read (it may be opened
  // read-only), in one snapshot; what the batch would add is kept in memory.
  bool dry_run = false;
  // Optional: resolves the `place` of a report without coordinates; returns the JSON
  // recorded with the report (gazetteer::Resolver::to_json: its "lon"/"lat" locate the report
  // only when "resolved" is true). May throw InputError (e.g. no gazetteer): the import fails.
  std::function<nlohmann::json(const Report& report)> resolve_place;
  std::function<void(std::size_t rows)> progress;
  // Called for each row the store itself quarantines (its report was valid, but e.g. it
  // supersedes a report that does not exist), with the reason.
  std::function<void(const InputRow& row, const std::string& reason)> on_store_quarantine;
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

// Where a report is, as every output uses it (docs/report-format.md, "Effective location"):
// the report's own coordinates, or its place name resolved at ingest (or by `relocate`), or
// nothing. An unresolved report has no coordinates: it is never drawn, never measured, and
// counted as "location unknown".
struct EffectiveLocation {
  std::string method = "unresolved";  // "coordinates" | "place" | "unresolved"
  std::optional<double> lon, lat;     // WGS84 degrees; null when unresolved
  // The uncertainty radius used, metres: the report's own location_precision_m when it gives
  // one (> 0); for coordinates without one, kDefaultPrecisionM by source type; for a place,
  // at least kPlacePrecisionM (a gazetteer point is a town centre at best).
  double precision_m = 0;
  std::string precision_from;  // "report" | "default" (by source type) | "place"
  std::string place;           // as written in the report
  std::string matched;         // the gazetteer place it resolved to (method "place")
  std::string match;           // exact | key | fuzzy (method "place")
  std::optional<double> score; // the match score (method "place")
  std::string reason;          // why unresolved ("no place given", "no match", "ambiguous", ...)
};

// A place resolved by name is a town centre: at least this uncertain (metres).
inline constexpr double kPlacePrecisionM = 2000;
// Coordinates without a precision (location_precision_m absent or 0): the radius assumed, by
// source type (metres). A monitor's position is usually a GPS fix near the observer; a party's
// or outlet's coordinates are usually a named village's.
double default_precision_m(const std::string& source_type);

// The effective location of a stored report (see EffectiveLocation).
EffectiveLocation effective_location(const StoredReport& r);
// {"method", "lon", "lat", "precision_m", "precision_from", "place", "matched", "match",
//  "score", "reason"}: lon/lat null when unresolved; empty strings and a missing score left out.
nlohmann::json to_json(const EffectiveLocation& l);
// The same as flat columns, every one of effective_location_columns() (report.hpp) in order:
// {"effective_method", "effective_lon", ...}; null where to_json() leaves a key out. For CSV
// and GeoJSON properties; the importers ignore these keys.
nlohmann::json to_flat_json(const EffectiveLocation& l);

struct QuarantinedRow {
  int64_t batch_id = 0;
  std::string file;
  std::size_t row_number = 0;
  std::string raw, reason;
};

enum class Access { read_only, read_write };

// How a writer (`ingest`, `relocate`) waits for the store's write lock, held by another
// process's import (docs/cli.md, "--wait"). One writer at a time: SQLite's lock, waited for in
// SQLite's busy handler (no polling of ours).
struct WriterOptions {
  // Seconds to wait for the write lock before failing with StoreError kind busy ("PATH: store
  // busy: another process is writing (waited N s)", exit 2). DEFAULT: nullopt = wait as long
  // as it takes (an import queued behind another one finishes). REQUIRES: >= 0; 0 = fail at
  // once.
  std::optional<double> wait_s;
  // Called once, when this writer first finds the lock held and starts to wait (the CLI says
  // "waiting for another import to finish" on a terminal). May be empty.
  std::function<void()> on_wait;
  // Polled at every step of a wait (about every 100 ms at most); returning true stops waiting
  // at once: the call then fails as busy. The CLI stops on SIGINT/SIGTERM/SIGHUP this way
  // (io::InterruptScope::caught()). May be empty.
  std::function<bool()> give_up;
};

class Store {
 public:
  // Opens a store for writing, creating it if missing (only `ingest` does this). ":memory:"
  // gives an empty store in memory (a dry run against no database). Creation, the checks
  // ("not a truceline database", "made by a newer truceline") and migrations happen in one
  // write transaction (BEGIN IMMEDIATE before the schema version is read): any number of
  // processes may create the same store at once, all succeed, the schema is made once.
  // Waits for the write lock as `writer` says. Failures of the file (busy, disk full,
  // read-only, damaged) are StoreError (store/sqlite_error.hpp).
  static Store create_or_open(const std::string& path, const WriterOptions& writer = {});
  // Opens an existing store; InputError for a missing, unreadable or non-truceline file.
  // read_only (every command but `ingest` and `relocate`): SQLITE_OPEN_READONLY, never a write,
  // never a file created. A file left in rollback-journal mode (as writers leave it) needs
  // nothing else. A file in WAL mode (a writer is at work, or was killed) needs its -shm
  // file: if that is missing and cannot be created (a read-only folder), no writer can be at
  // work (a WAL writer keeps one), so the file alone is the whole store and it is opened with
  // SQLite's `immutable=1` (no locks, no -shm). read_write: for `relocate`, tests; waits for
  // the write lock as `writer` says (ignored when read-only: readers never wait for a writer).
  static Store open_existing(const std::string& path, Access access = Access::read_only,
                             const WriterOptions& writer = {});
  Store(Store&&) noexcept;
  // A writer leaves the file in rollback-journal mode (see above) unless another connection
  // is still open, in which case the last writer to close does.
  ~Store();

  bool read_only() const { return read_only_; }

  // Removes the store at `path` (and its -wal, -shm) when it holds no batch (or no schema at
  // all) and no other process has it open: `ingest` that created the store and wrote nothing
  // leaves no file, even when other processes created the same store at the same moment. The
  // check and the removal happen under an exclusive lock; a process that opened the file
  // meanwhile finds it moved once it holds the lock and opens the path again (create_or_open),
  // so no writer ever imports into a removed file. Never waits; never throws; true when removed.
  // Call it once every Store on `path` of this process is closed.
  static bool remove_if_empty(const std::string& path);

  // Imports rows from `next` (false at the end) in one transaction. Rows are quarantined by
  // the reader (outcome.error) or by the store: a report whose `supersedes` names no report in
  // the store nor in this batch (a correction may come before the report it corrects in the
  // file: it waits for the end of the batch). A read-only store takes only dry runs
  // (std::logic_error otherwise). Waits for the write lock (WriterOptions); a failure of the
  // store (busy, disk full, ...) is a StoreError and nothing of the file is written.
  BatchSummary import(const ImportOptions& options, const std::function<bool(InputRow&)>& next);

  // A report truceline made itself (a correction by `relocate`), with its place resolution.
  struct NewReport {
    Report report;
    nlohmann::json place_resolution;  // null when the report has coordinates
  };
  // Appends reports in one transaction, as one batch whose file and importer are `origin`
  // (e.g. "relocate"), through import(): same checks, content hashes and duplicates. Each
  // row's raw text is the report's canonical JSON.
  BatchSummary append(const std::string& origin, const std::vector<NewReport>& reports);

  void query(const Query& q, const std::function<void(const StoredReport&)>& each) const;
  // InputError for a batch id the store does not have ("no batch 99 (batches: 1-3)").
  std::vector<QuarantinedRow> quarantine(std::optional<int64_t> batch) const;
  nlohmann::json stats() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }  // for tests (append-only enforcement)

  // A report's id is "r" + the first 20 hex digits of its content hash (a generated column).
  // True when a report with this id is in the store (an indexed lookup).
  bool has_report(const std::string& id) const;

 private:
  Store(std::string path, sqlite3* db, bool read_only);
  void wait_for_writers(const WriterOptions& writer);
  void migrate();
  [[noreturn]] void fail(const SqliteError& e) const;  // throw_store_error with path_
  std::string path_;
  sqlite3* db_ = nullptr;
  bool read_only_ = false;
  std::unique_ptr<detail::WriteWait> waiting_;  // the busy handler's state
};

}  // namespace truceline::store
