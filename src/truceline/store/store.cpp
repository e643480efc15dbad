#include "truceline/store/store.hpp"
#include "truceline/store/candidates.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <iterator>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "truceline/error.hpp"
#include "truceline/store/integrity.hpp"

namespace truceline::store {

namespace {

constexpr int kApplicationId = 0x74726c6e;  // "trln"

// SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which
// truceline never asks (nor sets a heap limit): ~5 % of an import's writer instructions.
// sqlite3_config() must run before SQLite initializes, i.e. before any connection opens: at
// static initialization, single-threaded. Where SQLite was initialized already (it cannot be
// here), the call fails harmlessly and the counting stays.
[[maybe_unused]] const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

std::string now_iso() {
  return format_iso8601_utc(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); rc != SQLITE_OK) {
      const SqliteError e(db, rc);
      // A bug (e.g. an SQL error) names the statement; a failure of the file does not need to.
      if (!store_error_kind(e.extended_code(), e.system_errno())) throw SqliteError(db, rc, e.message() + " in: " + sql);
      throw e;
    }
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Without a copy: `v` must stay unchanged until the statement is stepped (the batch writer's
  // strings live in its row until then).
  Stmt& bind_static(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& bind_static_blob(int i, const std::string& v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  template <class T>
  Stmt& bind_opt(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SqliteError(db_, rc);
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  // For a statement whose every parameter is bound again before each step.
  void rewind() { sqlite3_reset(s_); }
  std::string text(int i) const {
    const auto* p = sqlite3_column_text(s_, i);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int64_t integer(int i) const { return sqlite3_column_int64(s_, i); }
  std::string blob(int i) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(s_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, i))) : std::string();
  }
  double real(int i) const { return sqlite3_column_double(s_, i); }
  bool is_null(int i) const { return sqlite3_column_type(s_, i) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

// Stmt::step() on a read path: SQLite's damage codes become DamagedError (store/integrity.hpp).
bool step_or_damaged(Stmt& s, sqlite3* db, const std::string& path) {
  try {
    return s.step();
  } catch (const std::runtime_error&) {
    throw_if_damaged(db, path);
    throw;
  }
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
    const std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw SqliteError(db, rc, msg);
  }
}

int pragma_int(sqlite3* db, const char* name) {
  Stmt s(db, (std::string("PRAGMA ") + name).c_str());
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

// Schema version 1.
const char* kSchemaV1 = R"SQL(
CREATE TABLE batch(
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  importer TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  rows INTEGER, imported INTEGER, duplicates INTEGER, quarantined INTEGER);
CREATE TABLE report(
  rid INTEGER PRIMARY KEY,
  content_hash BLOB NOT NULL UNIQUE,  -- SHA-256 of the normalized JSON, 32 bytes
  id TEXT GENERATED ALWAYS AS ('r' || lower(substr(hex(content_hash), 1, 20))) VIRTUAL,
  batch_id INTEGER NOT NULL REFERENCES batch(id),
  row_number INTEGER NOT NULL,
  importer TEXT NOT NULL,
  raw TEXT NOT NULL,
  json TEXT NOT NULL,
  observed_unix INTEGER NOT NULL,
  time_precision TEXT NOT NULL,
  lon REAL, lat REAL,
  place TEXT, place_resolution TEXT,
  location_precision_m REAL NOT NULL,
  kind TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_type TEXT NOT NULL,
  reliability TEXT NOT NULL,
  credibility INTEGER NOT NULL,
  supersedes TEXT,
  ingested_at TEXT NOT NULL);
CREATE INDEX report_time ON report(observed_unix);
CREATE INDEX report_supersedes ON report(supersedes);
CREATE INDEX report_kind ON report(kind);
CREATE INDEX report_source ON report(source_name);
CREATE VIRTUAL TABLE report_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat, min_t, max_t);
CREATE TABLE quarantine(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batch(id),
  row_number INTEGER NOT NULL,
  raw TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw_hash TEXT NOT NULL UNIQUE);
CREATE TRIGGER report_append_only_update BEFORE UPDATE ON report
  BEGIN SELECT RAISE(ABORT, 'reports are append-only: add a report that supersedes it'); END;
CREATE TRIGGER report_append_only_delete BEFORE DELETE ON report
  BEGIN SELECT RAISE(ABORT, 'reports are append-only: add a report that supersedes it'); END;
CREATE TRIGGER quarantine_append_only_update BEFORE UPDATE ON quarantine
  BEGIN SELECT RAISE(ABORT, 'the quarantine is append-only'); END;
CREATE TRIGGER quarantine_append_only_delete BEFORE DELETE ON quarantine
  BEGIN SELECT RAISE(ABORT, 'the quarantine is append-only'); END;
CREATE TRIGGER batch_finished_is_final BEFORE UPDATE ON batch WHEN OLD.finished_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a finished batch is final'); END;
CREATE TRIGGER batch_no_delete BEFORE DELETE ON batch
  BEGIN SELECT RAISE(ABORT, 'batches are append-only'); END;
)SQL";

// Schema version 3: the ledger (ledger/log.hpp, docs/ledger.md "Store"). Append-only: no
// UPDATE, no DELETE, and entries only in index order (0, 1, 2, ... without gaps).
const char* kLedgerSchema = R"SQL(
CREATE TABLE ledger_entry(
  idx INTEGER PRIMARY KEY,          -- 0-based position in the log
  leaf_hash BLOB NOT NULL UNIQUE,   -- SHA-256(0x00 || envelope), 32 bytes
  envelope TEXT NOT NULL,           -- RFC 8785 canonical JSON: the leaf
  party TEXT NOT NULL,
  type TEXT NOT NULL,
  ref INTEGER,
  timestamp TEXT NOT NULL,          -- the entry's (the client's clock)
  received_unix INTEGER NOT NULL);  -- the server's clock at append
CREATE INDEX ledger_entry_ref ON ledger_entry(ref);
CREATE TABLE ledger_node(           -- perfect subtree hashes, level >= 1
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY(level, idx)) WITHOUT ROWID;
CREATE TABLE ledger_checkpoint(
  size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  note TEXT NOT NULL,               -- the signed note
  signed_unix INTEGER NOT NULL);
CREATE TRIGGER ledger_entry_in_order BEFORE INSERT ON ledger_entry
  WHEN NEW.idx IS NOT coalesce((SELECT max(idx) + 1 FROM ledger_entry), 0)
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries are added in index order'); END;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_node_no_update BEFORE UPDATE ON ledger_node
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_node_no_delete BEFORE DELETE ON ledger_node
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_checkpoint_no_update BEFORE UPDATE ON ledger_checkpoint
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_checkpoint_no_delete BEFORE DELETE ON ledger_checkpoint
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
)SQL";

// Schema version 4: the review queue (store/candidates.hpp, docs/report-format.md "Candidate
// reports"). A candidate is a report waiting for a decision: kept apart from `report` so that
// nothing that reads reports (assess, report, the app) can see it before it is accepted.
// Append-only like the reports; one decision per candidate (UNIQUE), made by a `review` entry
// of the log (ledger_index), whose envelope holds the party, reason and changes.
const char* kCandidateSchema = R"SQL(
CREATE TABLE candidate(
  cid INTEGER PRIMARY KEY,
  content_hash BLOB NOT NULL UNIQUE,  -- SHA-256 of the normalized report ("status" removed)
  id TEXT GENERATED ALWAYS AS ('c' || lower(substr(hex(content_hash), 1, 20))) VIRTUAL,
  batch_id INTEGER NOT NULL REFERENCES batch(id),
  row_number INTEGER NOT NULL,        -- the ledger index for importer 'ledger'
  importer TEXT NOT NULL,
  raw TEXT NOT NULL,
  json TEXT NOT NULL,
  place_resolution TEXT,
  ingested_at TEXT NOT NULL);
CREATE TABLE candidate_decision(
  cid INTEGER NOT NULL UNIQUE REFERENCES candidate(cid),
  ledger_index INTEGER NOT NULL UNIQUE,  -- the review entry
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'correct')),
  report_hash BLOB);                     -- accept/correct: the report that joined
ALTER TABLE batch ADD COLUMN candidates INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER candidate_no_update BEFORE UPDATE ON candidate
  BEGIN SELECT RAISE(ABORT, 'candidates are append-only: a review entry decides'); END;
CREATE TRIGGER candidate_no_delete BEFORE DELETE ON candidate
  BEGIN SELECT RAISE(ABORT, 'candidates are append-only: a review entry decides'); END;
CREATE TRIGGER candidate_decision_no_update BEFORE UPDATE ON candidate_decision
  BEGIN SELECT RAISE(ABORT, 'a decision is final'); END;
CREATE TRIGGER candidate_decision_no_delete BEFORE DELETE ON candidate_decision
  BEGIN SELECT RAISE(ABORT, 'a decision is final'); END;
)SQL";

// A row read, validated, serialized and hashed ahead of the writer.
struct PreparedRow {
  InputRow row;
  std::string canonical, hash;  // of the report; for a bad row, hash is its quarantine key
  std::exception_ptr error;     // thrown by `next` at this point of the input
};

// Runs `next` and the per-row CPU work (parse, normalize, canonical JSON, SHA-256) on a second
// thread, handing batches to the SQLite writer through a bounded queue: the two overlap, and
// memory stays bounded: a batch ends at kBatchRows rows or once its rows' text (raw and
// canonical JSON) reaches kBatchBytes, and at most kMaxBatches wait. So at most about
// kMaxBatches * kBatchBytes of text (plus one row) is in flight, however wide the rows: a row
// of a 10,000-column CSV is ~100 KB of text and ~2 MB parsed, and a count of rows alone let
// 2,048 of them (gigabytes) pile up. Rows keep their order; an exception from `next` reaches
// the writer where it happened.
class RowPipeline {
 public:
  static constexpr std::size_t kBatchRows = 256, kMaxBatches = 8, kBatchBytes = std::size_t{1} << 20;

  explicit RowPipeline(const std::function<bool(InputRow&)>& next) : thread_([this, &next] { produce(next); }) {}
  ~RowPipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    space_.notify_all();
    thread_.join();
  }
  RowPipeline(const RowPipeline&) = delete;
  RowPipeline& operator=(const RowPipeline&) = delete;

  // The next batch; empty at the end of the input.
  std::vector<PreparedRow> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty(); });
    std::vector<PreparedRow> batch = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    space_.notify_one();
    return batch;
  }

 private:
  static void prepare(PreparedRow& p) {
    if (const auto& r = p.row.outcome.report) {
      p.canonical = r->canonical_json();
      p.hash = sha256_bytes(p.canonical);
    } else {
      // (Built in steps: GCC 12 warns falsely (-Wrestrict) on a + "\n" + b here.)
      std::string keyed = p.row.outcome.error;
      keyed += '\n';
      keyed += p.row.raw;
      p.hash = sha256_hex(keyed);
    }
  }

  void produce(const std::function<bool(InputRow&)>& next) {
    bool end = false;
    while (!end) {
      std::vector<PreparedRow> batch;
      batch.reserve(kBatchRows);
      std::size_t bytes = 0;
      while (batch.size() < kBatchRows && bytes < kBatchBytes) {
        PreparedRow p;
        try {
          if (!next(p.row)) {
            end = true;
            break;
          }
          prepare(p);
        } catch (...) {
          p.error = std::current_exception();
          end = true;
        }
        bytes += p.row.raw.size() + p.canonical.size();
        batch.push_back(std::move(p));
        if (end) break;
      }
      std::unique_lock lock(mutex_);
      space_.wait(lock, [&] { return stop_ || queue_.size() < kMaxBatches; });
      if (stop_) return;
      if (!batch.empty()) queue_.push_back(std::move(batch));
      if (end) queue_.emplace_back();  // the end marker
      lock.unlock();
      ready_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<PreparedRow>> queue_;
  bool stop_ = false;
  std::thread thread_;  // last: started once the members it uses exist
};

// Writes a batch's points into the R*Tree (space and time together), one of two ways:
//
// - Packed (bulk load): when the batch adds at least as many points as the tree held and the
//   whole tree fits kBulkMax entries, the tree is rebuilt at the end of the batch, inside its
//   transaction: every entry (the tree's own, then the batch's) sorted in Z-order (Morton
//   order) of (lon, lat, time) and packed bottom-up into full nodes, written straight into the
//   R*Tree's shadow tables (report_rtree_node/_rowid/_parent, SQLite's documented R*Tree
//   format). SQLite's R*Tree module has no bulk load of its own, and inserting one entry at a
//   time (choose a leaf, split, rewrite the node blobs on the path) was the largest single
//   cost of a large import (38 % of the writer's instructions for 50 k reports into a new
//   store, growing with the tree); packing costs a sort. The tree passes rtreecheck() (checked
//   by `verify-store` and the tests) and holds exactly the entries inserts would have made
//   (same rowids, same float32 boxes rounded outwards as the module rounds them); only its
//   node layout differs, which no query result depends on. A killed import leaves the old tree:
//   everything happens in the batch's transaction.
// - Incremental: otherwise (a small batch into a large store, or more than kBulkMax entries)
//   entries are inserted through the module a chunk at a time, each chunk sorted in Z-order:
//   consecutive inserts then land in the same nodes (~20 % off an import in file order).
// Memory: at most kBulkMax entries (40 bytes each, 80 MiB; 40 MB for 1 M reports) are held.
class RtreeWriter {
 public:
  static constexpr std::size_t kChunk = 65536;             // 2.5 MiB
  static constexpr std::size_t kBulkMax = std::size_t{1} << 21;  // 80 MiB

  explicit RtreeWriter(sqlite3* db)
      : db_(db),
        insert_(db, "INSERT INTO report_rtree(rid, min_lon, max_lon, min_lat, max_lat, min_t, max_t) "
                    "VALUES(?,?,?,?,?,?,?)") {
    Stmt count(db, "SELECT count(*) FROM report_rtree_rowid");
    held_ = count.step() ? static_cast<std::size_t>(count.integer(0)) : 0;
    bulk_ = held_ < kBulkMax;
    pending_.reserve(kChunk);
  }
  void add(int64_t rid, double lon, double lat, int64_t t) {
    const auto td = static_cast<double>(t);
    pending_.push_back({morton(lon, lat, td), rid, {down(lon), up(lon), down(lat), up(lat), down(td), up(td)}});
    // Packing pays once the batch is as large as the tree; until then, and past kBulkMax, the
    // entries go in a chunk at a time.
    if (bulk_ && held_ + pending_.size() > kBulkMax) bulk_ = false;
    if (!bulk_ && pending_.size() >= kChunk) insert_pending();
  }
  // At the end of the batch (before its COMMIT).
  void finish() {
    if (bulk_ && pending_.size() >= held_ && !pending_.empty()) {
      rebuild();
    } else {
      insert_pending();
    }
  }

 private:
  struct Entry {
    uint64_t key;
    int64_t rid;  // a report's rid (leaf) or a node number (inner node)
    std::array<float, 6> box;  // min_lon, max_lon, min_lat, max_lat, min_t, max_t
  };
  // SQLite's R*Tree stores float32 boxes rounded outwards (rtree.c rtreeValueDown/Up); the
  // same rounding, so that a packed tree holds the very boxes inserts would have made.
  static float down(double d) {
    auto f = static_cast<float>(d);
    if (f > d) f = static_cast<float>(d * (d < 0 ? 1.0 + 1.0 / 8388608.0 : 1.0 - 1.0 / 8388608.0));
    return f;
  }
  static float up(double d) {
    auto f = static_cast<float>(d);
    if (f < d) f = static_cast<float>(d * (d < 0 ? 1.0 - 1.0 / 8388608.0 : 1.0 + 1.0 / 8388608.0));
    return f;
  }
  void insert_pending() {
    std::sort(pending_.begin(), pending_.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    // The R*Tree's 32-bit floats are a prefilter; queries re-check the exact values. The
    // rounded floats are exact doubles: the module stores them unchanged.
    for (const Entry& e : pending_) {
      insert_.bind(1, e.rid);
      for (int i = 0; i < 6; ++i) insert_.bind(2 + i, static_cast<double>(e.box[static_cast<std::size_t>(i)]));
      insert_.step();
      insert_.reset();
    }
    held_ += pending_.size();
    pending_.clear();
  }
  // The R*Tree's node format (sqlite/ext/rtree/rtree.c): a node is a blob of the tree's node
  // size (the root's length): 2 bytes depth (root only, else 0), 2 bytes cell count, then cells
  // of an 8-byte rowid and 6 float32, all big-endian; the root is node 1.
  void rebuild() {
    std::size_t node_size = 0;
    {
      Stmt s(db_, "SELECT length(data) FROM report_rtree_node WHERE nodeno = 1");
      if (s.step()) node_size = static_cast<std::size_t>(s.integer(0));
    }
    constexpr std::size_t kCell = 8 + 6 * 4;
    const std::size_t fanout = node_size > 4 ? (node_size - 4) / kCell : 0;
    if (fanout < 2) {  // cannot happen (SQLite makes nodes of >= 448 bytes); stay correct anyway
      insert_pending();
      return;
    }
    if (held_ > 0) {
      // The tree's own entries, as stored (already rounded).
      Stmt s(db_, "SELECT rid, min_lon, max_lon, min_lat, max_lat, min_t, max_t FROM report_rtree");
      while (s.step()) {
        Entry e{0, s.integer(0), {}};
        for (int i = 0; i < 6; ++i) e.box[static_cast<std::size_t>(i)] = static_cast<float>(s.real(1 + i));
        e.key = morton((e.box[0] + e.box[1]) / 2.0, (e.box[2] + e.box[3]) / 2.0, (e.box[4] + e.box[5]) / 2.0);
        pending_.push_back(e);
      }
    }
    std::sort(pending_.begin(), pending_.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    exec(db_, "DELETE FROM report_rtree_node; DELETE FROM report_rtree_rowid; DELETE FROM report_rtree_parent");
    Stmt node(db_, "INSERT INTO report_rtree_node(nodeno, data) VALUES(?,?)");
    Stmt rowid(db_, "INSERT INTO report_rtree_rowid(rowid, nodeno) VALUES(?,?)");
    Stmt parent(db_, "INSERT INTO report_rtree_parent(nodeno, parentnode) VALUES(?,?)");
    // Levels bottom-up; node numbers from 2 (1 is the root, written last).
    int64_t next_node = 2;
    std::vector<Entry> level = std::move(pending_), above;
    pending_ = {};
    std::string blob(node_size, '\0');
    for (int depth = 0;; ++depth) {
      const bool root = level.size() <= fanout;
      for (std::size_t first = 0; first < level.size(); first += fanout) {
        const std::size_t n = std::min(fanout, level.size() - first);
        std::fill(blob.begin(), blob.end(), '\0');
        if (root) put16(&blob[0], depth);
        put16(&blob[2], static_cast<int>(n));
        Entry box{level[first].key, root ? 1 : next_node++, level[first].box};
        for (std::size_t i = 0; i < n; ++i) {
          Entry& e = level[first + i];
          char* p = &blob[4 + i * kCell];
          put64(p, e.rid);
          for (std::size_t c = 0; c < 6; ++c) put_float(p + 8 + 4 * c, e.box[c]);
          for (std::size_t c = 0; c < 6; c += 2) {
            box.box[c] = std::min(box.box[c], e.box[c]);
            box.box[c + 1] = std::max(box.box[c + 1], e.box[c + 1]);
          }
          if (depth == 0) {
            e.key = static_cast<uint64_t>(box.rid);  // its leaf (the Z-order key is used up)
          } else {
            parent.bind(1, e.rid).bind(2, box.rid).step();
            parent.reset();
          }
        }
        node.bind(1, box.rid).bind_blob(2, blob).step();
        node.reset();
        above.push_back(box);
      }
      if (depth == 0) {
        // Each report's leaf, in rid order: appended to the rowid table's B-tree instead of
        // inserted at random places (the leaves are in Z-order, not rid order).
        std::sort(level.begin(), level.end(), [](const Entry& a, const Entry& b) { return a.rid < b.rid; });
        for (const Entry& e : level) {
          rowid.bind(1, e.rid).bind(2, static_cast<int64_t>(e.key)).step();
          rowid.reset();
        }
      }
      if (root) break;
      level.swap(above);
      above.clear();
    }
  }
  static void put16(char* p, int v) {
    p[0] = static_cast<char>((v >> 8) & 0xff);
    p[1] = static_cast<char>(v & 0xff);
  }
  static void put64(char* p, int64_t v) {
    const auto u = static_cast<uint64_t>(v);
    for (int i = 0; i < 8; ++i) p[i] = static_cast<char>((u >> (56 - 8 * i)) & 0xff);
  }
  static void put_float(char* p, float f) {
    uint32_t u = 0;
    std::memcpy(&u, &f, 4);
    for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((u >> (24 - 8 * i)) & 0xff);
  }
  // 21 bits per axis, interleaved (no Debian-packaged Morton library; the BMI2 pdep
  // instruction would tie the build to newer CPUs).
  static uint64_t spread(double v, double lo, double hi) {
    uint64_t x = static_cast<uint64_t>(std::clamp((v - lo) / (hi - lo), 0.0, 1.0) * 0x1fffff);
    x = (x | x << 32) & 0x1f00000000ffffULL;
    x = (x | x << 16) & 0x1f0000ff0000ffULL;
    x = (x | x << 8) & 0x100f00f00f00f00fULL;
    x = (x | x << 4) & 0x10c30c30c30c30c3ULL;
    x = (x | x << 2) & 0x1249249249249249ULL;
    return x;
  }
  static uint64_t morton(double lon, double lat, double t) {
    return spread(lon, -180, 180) | spread(lat, -90, 90) << 1 | spread(t, 0, 4102444800.0) << 2;
  }
  sqlite3* db_;
  Stmt insert_;
  std::size_t held_ = 0;  // entries in the tree (before this batch's pending ones)
  bool bulk_ = true;
  std::vector<Entry> pending_;
};

// The report table's secondary indexes that no look-up of an import reads, built once at the
// end of a large batch (inside its transaction) instead of updated row by row:
//
// - report_time, report_kind, report_source: read by queries only, never by import();
// - report_supersedes: read by import() to find an earlier correction of the same report, but
//   when the table held no report at the start of the batch every correction in it is one of
//   this batch's, which import() keeps in memory (batch_corrections): the look-up is not made.
//
// report_source_record (revisions) and the content hash's unique index stay: import() looks
// rows up through them. A batch is large once it has taken as many reports as the table held
// at its start, and at least kMinRows: then the indexes are dropped (DROP INDEX, in the
// batch's transaction) and made again by finish() with the very SQL text they had (read from
// sqlite_schema), so the schema is unchanged; CREATE INDEX sorts the rows once instead of
// inserting each into B-trees in random order. For 1 M reports into a new store the per-row
// updates were about a third of the writer's instructions, and their random page accesses
// pushed the other indexes out of the 64 MiB page cache. A killed or failed import rolls the
// DROP back with everything else: the store keeps its indexes.
class DeferredIndexes {
 public:
  static constexpr std::size_t kMinRows = 4096;

  // `held`: reports in the table at the start of the batch.
  DeferredIndexes(sqlite3* db, std::size_t held) : db_(db), held_(held) {}
  // True when the table held no report at the start of the batch: every correction the table
  // holds during the batch is one this batch took.
  bool started_empty() const { return held_ == 0; }
  // After each report taken (no statement of the connection is running).
  void taken(std::size_t reports) {
    if (dropped_ || reports < std::max(held_, kMinRows)) return;
    dropped_ = true;
    std::string names = "'report_time','report_kind','report_source'";
    if (held_ == 0) names += ",'report_supersedes'";
    {
      Stmt s(db_, ("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'report' AND name IN (" +
                   names + ") ORDER BY rowid")
                      .c_str());
      while (s.step()) indexes_.emplace_back(s.text(0), s.text(1));
    }
    for (const auto& [name, sql] : indexes_) exec(db_, ("DROP INDEX " + name).c_str());
  }
  // At the end of the batch (before its COMMIT): the dropped indexes made again.
  void finish() {
    for (const auto& [name, sql] : indexes_) exec(db_, sql.c_str());
    indexes_.clear();
  }

 private:
  sqlite3* db_;
  std::size_t held_;
  bool dropped_ = false;
  std::vector<std::pair<std::string, std::string>> indexes_;  // name, CREATE INDEX text
};

}  // namespace

namespace detail {

// A writer waiting for the write lock (WriterOptions), as SQLite's busy handler: SQLite calls
// it each time it finds the lock held (`count` = the calls so far for this lock, 0 first);
// returning 1 makes it try again, 0 gives up with SQLITE_BUSY. SQLite's own busy_timeout can
// neither wait without limit nor tell anyone it waits, hence this handler; it sleeps as that
// one does (sqlite3_sleep, 1 ms growing to 100 ms between tries).
struct WriteWait {
  WriterOptions options;
  bool announced = false;
  std::chrono::steady_clock::time_point since;

  static int handler(void* self, int count) {
    auto& w = *static_cast<WriteWait*>(self);
    const auto now = std::chrono::steady_clock::now();
    if (count == 0) w.since = now;
    const double waited_s = std::chrono::duration<double>(now - w.since).count();
    const std::optional<double>& limit = w.options.wait_s;
    if (limit && waited_s >= *limit) return 0;
    if (w.options.give_up && w.options.give_up()) return 0;
    if (!w.announced) {
      w.announced = true;
      if (w.options.on_wait) w.options.on_wait();
    }
    static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    int ms = kDelaysMs[std::min<std::size_t>(static_cast<std::size_t>(count), std::size(kDelaysMs) - 1)];
    if (limit) ms = std::max(1, std::min(ms, static_cast<int>(std::ceil((*limit - waited_s) * 1000))));
    sqlite3_sleep(ms);
    return 1;
  }
};

}  // namespace detail

Store::Store(std::string path, sqlite3* db, bool read_only) : path_(std::move(path)), db_(db), read_only_(read_only) {}
Store::Store(Store&& o) noexcept
    : path_(std::move(o.path_)), db_(o.db_), read_only_(o.read_only_), waiting_(std::move(o.waiting_)) {
  o.db_ = nullptr;
}

void Store::wait_for_writers(const WriterOptions& writer) {
  waiting_ = std::make_unique<detail::WriteWait>();
  waiting_->options = writer;
  sqlite3_busy_handler(db_, &detail::WriteWait::handler, waiting_.get());
}

void Store::fail(const SqliteError& e) const {
  // A writer that gave up waiting waited its limit (SQLITE_BUSY without the handler having
  // been asked, e.g. --wait 0, waited 0 s).
  const double waited_s = waiting_ && waiting_->options.wait_s ? *waiting_->options.wait_s : 0;
  throw_store_error(path_, e, waited_s);
}

Store::~Store() {
  if (!db_) return;
  if (!read_only_ && path_ != ":memory:") {
    // Leave the file in rollback-journal mode so that readers need no -wal/-shm (store.hpp).
    // This needs the only connection: with another one open it fails (SQLITE_BUSY, at once:
    // no waiting on a reader) and the file stays in WAL mode for the last writer to change.
    sqlite3_busy_timeout(db_, 0);
    sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_exec(db_, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  }
  sqlite3_close_v2(db_);
}

namespace {

// A report id ("r" + 20 lower-case hex digits) as the 10 bytes its content hash starts with.
std::optional<std::string> id_prefix(const std::string& id) {
  if (id.size() != 21 || id[0] != 'r') return std::nullopt;
  auto digit = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  std::string bytes(10, '\0');
  for (std::size_t i = 0; i < 10; ++i) {
    const int h = digit(id[1 + 2 * i]), l = digit(id[2 + 2 * i]);
    if (h < 0 || l < 0) return std::nullopt;
    bytes[i] = static_cast<char>(h * 16 + l);
  }
  return bytes;
}

// The content hashes an id names: [prefix, prefix + 1) as byte strings (all 0xFF: up to a
// string longer than any hash).
std::optional<std::pair<std::string, std::string>> hash_range(const std::string& id) {
  const auto prefix = id_prefix(id);
  if (!prefix) return std::nullopt;
  std::string hi = *prefix;
  std::size_t k = hi.size();
  while (k > 0 && static_cast<unsigned char>(hi[k - 1]) == 0xFF) --k;
  if (k == 0) hi.assign(40, '\xFF');
  else hi.resize(k), hi[k - 1] = static_cast<char>(static_cast<unsigned char>(hi[k - 1]) + 1);
  return std::pair{*prefix, hi};
}

// Percent-encodes a path for an SQLite URI ("file:" + path + "?immutable=1").
std::string uri_path(const std::string& path) {
  const std::string abs = std::filesystem::absolute(path).string();
  std::string out;
  for (const char c : abs) {
    if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x21)
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out;
}

// The store's marks, read from a just-opened connection: (application_id, user_version), or
// the SQLite error code of the first read.
struct Marks {
  int rc = SQLITE_OK;
  int app = 0, version = 0;
};

// The current view (docs/report-format.md): report `r` is current when no report corrects it
// (`supersedes` names it) and no newer version of the same source record (same source name,
// same source_id) was ingested after it.
std::string current_condition(const char* r) {
  return fmt::format(
      "NOT EXISTS (SELECT 1 FROM report s WHERE s.supersedes = {0}.id) AND ({0}.source_id IS NULL OR NOT EXISTS "
      "(SELECT 1 FROM report v WHERE v.source_name = {0}.source_name AND v.source_id = {0}.source_id AND v.rid > "
      "{0}.rid))",
      r);
}

// What supersedes `r`: its first correction, else the newest version of its source record.
std::string superseded_by_expression(const char* r) {
  return fmt::format(
      "COALESCE((SELECT s.id FROM report s WHERE s.supersedes = {0}.id ORDER BY s.rid LIMIT 1), (SELECT v.id FROM "
      "report v WHERE {0}.source_id IS NOT NULL AND v.source_name = {0}.source_name AND v.source_id = {0}.source_id "
      "AND v.rid > {0}.rid ORDER BY v.rid DESC LIMIT 1))",
      r);
}

// "1-3, 5": batch ids as ranges.
std::string id_ranges(const std::vector<int64_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    out += (out.empty() ? "" : ", ") + (j == i ? std::to_string(ids[i]) : fmt::format("{}-{}", ids[i], ids[j]));
    i = j + 1;
  }
  return out;
}
// True when the file starts with SQLite's 16-byte header string ("SQLite format 3" and a NUL).
bool has_sqlite_header(const std::string& path) {
  char head[16] = {};
  std::ifstream f(path, std::ios::binary);
  return f.read(head, sizeof head) && std::memcmp(head, "SQLite format 3", 16) == 0;
}

Marks read_marks(sqlite3* db) {
  Marks m;
  sqlite3_stmt* st = nullptr;
  for (const char* sql : {"PRAGMA application_id", "PRAGMA user_version"}) {
    m.rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    if (m.rc == SQLITE_OK) {
      m.rc = sqlite3_step(st);
      if (m.rc == SQLITE_ROW) {
        (sql[7] == 'a' ? m.app : m.version) = sqlite3_column_int(st, 0);
        m.rc = SQLITE_OK;
      }
    }
    sqlite3_finalize(st);
    if (m.rc != SQLITE_OK) return m;
  }
  return m;
}

// `ingest` and `relocate` write the store: the file (when it exists) and its folder (SQLite
// makes its journal there) must be writable by this process. Checked up front, so that the
// user reads the cause, not SQLite's "attempt to write a readonly database" (docs/cli.md).
InputError cannot_write(const std::string& path, int err = EACCES) {
  if (err == EROFS)
    return InputError(fmt::format("{}: cannot write the store: read-only file system", path));
  return InputError(fmt::format("{}: cannot write the store: permission denied (a read-only file or folder)", path));
}
// 0 when the path may be written, else the errno that says why not (EACCES, EROFS, EPERM).
int denied(const std::string& path) {
  if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) == 0) return 0;
  return errno == EACCES || errno == EROFS || errno == EPERM ? errno : 0;
}
void check_writable(const std::string& path) {
  if (path == ":memory:") return;
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::absolute(path, ec).parent_path();
  if (std::filesystem::exists(path, ec))
    if (const int err = denied(path)) throw cannot_write(path, err);
  if (!folder.empty() && std::filesystem::exists(folder, ec))
    if (const int err = denied(folder.string())) throw cannot_write(path, err);
}
// An SQLite failure that means the file or folder cannot be written.
bool write_refused(sqlite3* db) {
  const int code = sqlite3_errcode(db) & 0xff;
  return code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN;
}

}  // namespace

namespace {

// The store's file was removed (or replaced) after this connection opened it: another
// `ingest` that created it and wrote nothing took it away (Store::remove_if_empty).
struct StoreMoved {};

bool has_moved(sqlite3* db) {
  int moved = 0;
  return sqlite3_file_control(db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved != 0;
}

}  // namespace

Store Store::create_or_open(const std::string& path, const WriterOptions& writer) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory, not a database");
  check_writable(path);
  // Opened again when another process removed the file it found (StoreMoved): a bounded
  // number of times, each a complete race lost to a process that created and removed it.
  const auto started = std::chrono::steady_clock::now();
  for (int attempt = 0;; ++attempt) {
    sqlite3* db = nullptr;
    // NOMUTEX: a writer's connection is used by one thread at a time (store.hpp, "Thread
    // safety": `ingest`, `relocate`, the ledger's single writer thread), so SQLite need not
    // lock it on every call (~3 % of an import's writer instructions).
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      const std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
      sqlite3_close_v2(db);
      throw InputError(fmt::format("{}: cannot open the database: {}", path, msg));
    }
    Store s(path, db, false);
    s.wait_for_writers(writer);
    try {
      // A new file gets 8 KiB pages (SQLite's default is 4 KiB); a file with content keeps its
      // own (SQLite applies page_size only before the first table is made, or at a VACUUM,
      // which nothing runs). Why: half the pages for the same bytes to write into the WAL,
      // look up in it and link into B-trees. Truceline-bench Store/ingest_jsonl (1 M reports
      // into a new store), the import thread's CPU: 10.8-11.6 s with 4 KiB pages, 8.8 s with
      // 8 KiB (16 KiB: the same, but a week x bbox query reads 16 KiB pages: +9 % CPU; 8 KiB:
      // +3 %). Readers take any page size; the R*Tree's nodes keep their size (its module caps
      // a node at 51 cells, 1 636 bytes here, whatever the page).
      exec(db, "PRAGMA page_size=8192");
      // Checks and schema under the write lock (migrate), then WAL (which cannot be changed
      // inside a transaction): a foreign file is refused before anything is written to it.
      s.migrate();
      exec(db, "PRAGMA journal_mode=WAL");
      exec(db, "PRAGMA synchronous=NORMAL");
      exec(db, "PRAGMA cache_size=-65536");  // 64 MiB page cache: bulk imports touch many index pages
    } catch (const StoreMoved&) {
      if (attempt < 8) continue;
      throw InputError(fmt::format("{}: the store was removed by another process again and again; try again", path));
    } catch (const SqliteError& e) {
      // SQLite answers some lock conflicts with SQLITE_BUSY without asking the busy handler:
      // switching the journal mode while another creator or the last writer switches it back
      // (~Store). Seen as 1 in ~300 imports with 4 concurrent creators. The wait the writer
      // asked for applies: open again after a pause, until --wait runs out.
      const int code = e.code();
      const double waited_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && !(writer.give_up && writer.give_up()) &&
          (!writer.wait_s || waited_s < *writer.wait_s)) {
        sqlite3_sleep(10 + 10 * std::min(attempt, 9));
        continue;
      }
      if (code == SQLITE_NOTADB) throw InputError(path + ": not a truceline database (not an SQLite file)");
      const bool full = store_error_kind(e.extended_code(), e.system_errno()) == StoreError::Kind::full;
      if (!full && (write_refused(db) || sqlite3_db_readonly(db, "main") == 1)) throw cannot_write(path);
      s.fail(e);
    }
    return s;
  }
}

Store Store::open_existing(const std::string& path, Access access, const WriterOptions& writer) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError(fmt::format("{}: no such database (truceline ingest --db {} FILE creates one)", path, path));
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory, not a database");
  const bool ro = access == Access::read_only;
  if (!ro) check_writable(path);
  auto open = [&](const std::string& name, int flags) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(name.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      const std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
      sqlite3_close_v2(db);
      throw InputError(fmt::format("{}: cannot open the database: {}", path, msg));
    }
    sqlite3_busy_timeout(db, 10000);
    return db;
  };
  sqlite3* db = open(path, ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  Marks m = read_marks(db);
  if (ro && ((m.rc & 0xff) == SQLITE_READONLY || (m.rc & 0xff) == SQLITE_CANTOPEN) &&
      !std::filesystem::exists(path + "-shm", ec)) {
    // A WAL-mode file whose -shm cannot be created (read-only folder, or a file we may not
    // write): no writer can be at work without that file, so the file is complete as it is.
    sqlite3_close_v2(db);
    db = open("file:" + uri_path(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    m = read_marks(db);
  }
  Store s(path, db, ro);
  if (!ro) s.wait_for_writers(writer);
  if (m.rc != SQLITE_OK) {
    const int code = m.rc & 0xff;
    // A file that starts as an SQLite file but fails SQLite's first read (e.g. truncated: the
    // header counts more pages than the file has) is a damaged store, not a foreign file.
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
      if (has_sqlite_header(path)) throw damaged_store(path, sqlite3_errstr(m.rc));
      throw InputError(path + ": not a truceline database (not an SQLite file)");
    }
    throw InputError(fmt::format("{}: cannot read the database: {}", path, sqlite3_errstr(m.rc)));
  }
  if (m.app != kApplicationId) throw InputError(path + ": not a truceline database");
  if (m.version > kSchemaVersion)
    throw InputError(fmt::format("{}: made by a newer truceline (schema {} > {})", path, m.version, kSchemaVersion));
  if (m.version < kSchemaVersion) {
    if (!ro) {
      try {
        s.migrate();  // reads the version again, under the write lock
      } catch (const StoreMoved&) {
        throw InputError(fmt::format("{}: no such database (removed by another process)", path));
      } catch (const SqliteError& e) {
        s.fail(e);
      }
    } else if (m.version == 1) {
      // A reader never writes, so a schema-1 store is read as it is: a TEMP view (in memory,
      // allowed on a read-only connection) stands in for the table with the column schema 2
      // adds, empty — versions of one source record are told apart only once `ingest` has
      // upgraded the file (docs/report-format.md, "Corrections and revisions").
      exec(db, "CREATE TEMP VIEW report AS SELECT *, NULL AS source_id FROM main.report");
    } else if (m.version == 2 || m.version == 3) {
      // Schema 3 only adds the ledger's tables, 4 the review queue's: a reader of reports needs
      // nothing more (a ledger reader finds no ledger tables and says so, ledger/log.hpp; a
      // store without the candidate table has no candidates, store/candidates.hpp).
    } else {
      throw InputError(fmt::format("{}: made by an older truceline (schema {} < {}): the next `truceline ingest "
                                   "--db {} FILE` upgrades it",
                                   path, m.version, kSchemaVersion, path));
    }
  }
  if (!ro) {
    try {
      exec(db, "PRAGMA journal_mode=WAL");
      exec(db, "PRAGMA synchronous=NORMAL");
      exec(db, "PRAGMA cache_size=-65536");
    } catch (const SqliteError& e) {
      const bool full = store_error_kind(e.extended_code(), e.system_errno()) == StoreError::Kind::full;
      if (!full && (write_refused(db) || sqlite3_db_readonly(db, "main") == 1)) throw cannot_write(path);
      s.fail(e);
    }
  }
  return s;
}

bool Store::remove_if_empty(const std::string& path) {
  if (path == ":memory:") return false;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    return false;
  }
  struct Close {
    sqlite3* db;
    ~Close() { sqlite3_close_v2(db); }
  } close{db};
  // busy_timeout 0: another process at work keeps its store (no waiting, no removal).
  sqlite3_busy_timeout(db, 0);
  // Leaving WAL mode needs the only connection: it fails at once while another is open.
  std::string mode;
  sqlite3_exec(
      db, "PRAGMA journal_mode=DELETE",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0] ? values[0] : "";
        return 0;
      },
      &mode, nullptr);
  if (mode != "delete") return false;
  // Rollback-journal mode, exclusive lock: nobody reads or writes until we are done.
  if (sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK) return false;
  bool empty = false;
  try {
    Stmt tables(db, "SELECT count(*), count(*) FILTER (WHERE name = 'batch') FROM sqlite_master");
    tables.step();
    if (tables.integer(0) == 0) {
      empty = true;  // never got a schema (its creation failed)
    } else if (tables.integer(1) == 1 && pragma_int(db, "application_id") == kApplicationId) {
      Stmt batches(db, "SELECT count(*) FROM batch");
      empty = batches.step() && batches.integer(0) == 0;
    }
  } catch (const std::exception&) {
    empty = false;  // unreadable: not ours to remove
  }
  const bool remove = empty && !has_moved(db);
  if (remove) {
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal", ""}) std::filesystem::remove(path + suffix, ec);
  }
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return remove;
}

bool Store::has_report(const std::string& id) const {
  // "r" + 20 lower-case hex digits = the first 10 bytes of the content hash: a range on its
  // unique index (the id column itself is generated, not indexed).
  const auto prefix = id_prefix(id);
  if (!prefix) return false;
  const std::string& lo = *prefix;
  // The upper bound: the prefix plus one (as a byte string); all 0xFF: longer than any hash.
  std::string hi = lo;
  std::size_t k = hi.size();
  while (k > 0 && static_cast<unsigned char>(hi[k - 1]) == 0xFF) --k;
  if (k == 0) hi.assign(40, '\xFF');
  else hi.resize(k), hi[k - 1] = static_cast<char>(static_cast<unsigned char>(hi[k - 1]) + 1);
  Stmt s(db_, "SELECT 1 FROM report WHERE content_hash >= ? AND content_hash < ? LIMIT 1");
  s.bind_blob(1, lo).bind_blob(2, hi);
  return s.step();
}

void Store::migrate() {
  // Everything under the write lock (BEGIN IMMEDIATE before the version is read): two
  // processes creating the same store at once would otherwise both read "no schema" and the
  // second fail on the first's tables (issue 16).
  exec(db_, "BEGIN IMMEDIATE");
  try {
    if (has_moved(db_)) throw StoreMoved{};
    const int app = pragma_int(db_, "application_id");
    int version = pragma_int(db_, "user_version");
    if (app != kApplicationId) {
      Stmt tables(db_, "SELECT count(*) FROM sqlite_master");
      tables.step();
      if (tables.integer(0) != 0)
        throw InputError(path_ + ": not a truceline database (an SQLite file with other tables)");
    }
    if (version > kSchemaVersion)
      throw InputError(fmt::format("{}: made by a newer truceline (schema {} > {})", path_, version, kSchemaVersion));
    const int found = version;
    if (version < 1) {
      exec(db_, kSchemaV1);
      exec(db_, fmt::format("PRAGMA application_id={}", kApplicationId).c_str());
      version = 1;
    }
    if (version < 2) {
      // Revisions (docs/report-format.md, "Revisions"): reports with the same source name and
      // source_id are versions of one record; the newest (highest rid) is current. The
      // source_id is read from the stored JSON (a virtual column: nothing is rewritten) and
      // indexed with the source name, so "is there a newer version?" is one index probe.
      exec(db_, "ALTER TABLE report ADD COLUMN source_id TEXT GENERATED ALWAYS AS "
                "(json_extract(json, '$.source_id')) VIRTUAL");
      exec(db_, "CREATE INDEX report_source_record ON report(source_name, source_id)");
      version = 2;
    }
    if (version < 3) {
      // The ledger (docs/ledger.md, "Store"): new tables only, nothing rewritten.
      exec(db_, kLedgerSchema);
      version = 3;
    }
    if (version < 4) {
      // The review queue (docs/report-format.md, "Candidate reports"): new tables and a batch
      // column (0 for every earlier batch); nothing rewritten.
      exec(db_, kCandidateSchema);
      version = 4;
    }
    // Later versions: `if (version < 5) { ALTER ...; version = 5; }`.
    if (version != found) exec(db_, fmt::format("PRAGMA user_version={}", version).c_str());
    exec(db_, "COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

BatchSummary Store::import(const ImportOptions& o, const std::function<bool(InputRow&)>& next) try {
  if (read_only_ && !o.dry_run) throw std::logic_error("Store::import: the store was opened read-only");
  const bool dry = o.dry_run;
  BatchSummary sum;
  // A dry run reads in one snapshot (a deferred transaction) and writes nothing.
  exec(db_, o.nested ? "SAVEPOINT import" : dry ? "BEGIN" : "BEGIN IMMEDIATE");
  struct Rollback {
    sqlite3* db;
    bool nested;
    bool active = true;
    ~Rollback() {
      if (active)
        sqlite3_exec(db, nested ? "ROLLBACK TO import; RELEASE import" : "ROLLBACK", nullptr, nullptr, nullptr);
    }
  } guard{db_, o.nested};
  // Cannot happen (remove_if_empty removes only a file no other connection has open), but an
  // import into a removed file would be lost without a word.
  if (!dry && has_moved(db_))
    throw InputError(path_ + ": the store was removed by another process: nothing imported; run the import again");
  if (!dry) {
    Stmt b(db_, "INSERT INTO batch(file, file_hash, importer, started_at) VALUES(?,?,?,?)");
    b.bind(1, o.file).bind(2, o.file_hash).bind(3, o.importer).bind(4, now_iso()).step();
    sum.batch_id = static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }
  std::optional<Stmt> ins, quar, exists;
  std::optional<RtreeWriter> rtree;  // the R*Tree indexes space and time together
  std::optional<DeferredIndexes> deferred;  // secondary indexes built at the end of a large batch
  if (!dry) {
    ins.emplace(db_,
                // Only a content-hash conflict is a duplicate (DO NOTHING); any other constraint
                // failure raises an error and the row is quarantined with it (take() below).
                "INSERT INTO report(content_hash, batch_id, row_number, importer, raw, json, observed_unix, "
                "time_precision, lon, lat, place, place_resolution, location_precision_m, kind, source_name, "
                "source_type, reliability, credibility, supersedes, ingested_at) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO NOTHING");
    rtree.emplace(db_);
    // rids are never reused (no report is ever deleted): the largest is the table's size.
    Stmt held(db_, "SELECT coalesce(max(rid), 0) FROM report");
    deferred.emplace(db_, held.step() ? static_cast<std::size_t>(held.integer(0)) : 0);
    // The same bad row (same key) is quarantined once.
    quar.emplace(db_,
                 "INSERT INTO quarantine(batch_id, row_number, raw, reason, raw_hash) VALUES(?,?,?,?,?) "
                 "ON CONFLICT(raw_hash) DO NOTHING");
  }
  exists.emplace(db_, "SELECT 1 FROM report WHERE content_hash = ?");
  // The review queue (schema 4; a dry run may read an older store, which has no candidates).
  std::optional<Stmt> cins, cexists;
  {
    Stmt t(db_, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'candidate'");
    if (t.step()) cexists.emplace(db_, "SELECT 1 FROM candidate WHERE content_hash = ?");
  }
  if (!dry)
    cins.emplace(db_,
                 "INSERT INTO candidate(content_hash, batch_id, row_number, importer, raw, json, place_resolution, "
                 "ingested_at) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO NOTHING");
  // A dry run's would-be reports (content hashes, ordered: an id is a hash prefix).
  std::set<std::string> taken;
  const std::string now = now_iso();

  auto quarantine = [&](const InputRow& row, const std::string& reason, const std::string& key) {
    if (o.strict) throw InputError(fmt::format("{}:{}: {} (--strict: nothing imported)", o.file, row.number, reason));
    ++sum.quarantined;
    if (dry) return;
    quar->bind(1, sum.batch_id).bind(2, static_cast<int64_t>(row.number)).bind(3, row.raw).bind(4, reason).bind(5, key);
    quar->step();
    quar->reset();
  };
  // Whether `id` names a report of the store or (already taken) of this batch.
  auto known = [&](const std::string& id) {
    if (has_report(id)) return true;  // a real import sees its own inserts
    const auto prefix = id_prefix(id);
    if (!dry || !prefix) return false;
    const auto it = taken.lower_bound(*prefix);  // a dry run: among the hashes it took
    return it != taken.end() && it->compare(0, prefix->size(), *prefix) == 0;
  };
  // A row the store itself refuses (its report is valid on its own): quarantined with the
  // reason, keyed by reason and raw text.
  auto refuse = [&](const InputRow& row, const std::string& reason) {
    std::string keyed = reason;
    keyed += '\n';
    keyed += row.raw;
    quarantine(row, reason, sha256_hex(keyed));
    if (o.on_store_quarantine) o.on_store_quarantine(row, reason);
  };
  // Corrections taken in this batch: superseded id -> the correction's id.
  std::map<std::string, std::string> batch_corrections;
  // Source records (source name, source_id) taken in this batch (a dry run's revisions).
  std::set<std::pair<std::string, std::string>> batch_records;
  Stmt correction_of(db_, "SELECT id FROM report WHERE supersedes = ? ORDER BY rid LIMIT 1");
  Stmt newer_version_of(db_,
                        "SELECT v.id FROM report x JOIN report v ON v.source_name = x.source_name AND v.source_id = "
                        "x.source_id AND v.rid > x.rid WHERE x.content_hash >= ? AND x.content_hash < ? AND "
                        "x.source_id IS NOT NULL ORDER BY v.rid DESC LIMIT 1");
  Stmt older_version(db_, "SELECT 1 FROM report WHERE source_name = ? AND source_id = ? AND rid < ? LIMIT 1");
  // Why a correction of `id` is refused: `id` is no longer current (docs/report-format.md,
  // "Corrections"); "" when it is.
  auto already_superseded = [&](const std::string& id) -> std::string {
    if (const auto it = batch_corrections.find(id); it != batch_corrections.end())
      return fmt::format("supersedes {}: already corrected by {} (correct the current version)", id, it->second);
    // A store empty at the start of the batch holds only this batch's corrections (all in
    // batch_corrections), and may have no supersedes index meanwhile (DeferredIndexes).
    std::string by;
    if (!deferred || !deferred->started_empty()) {
      correction_of.bind(1, id);
      by = correction_of.step() ? correction_of.text(0) : "";
      correction_of.reset();
    }
    if (!by.empty()) return fmt::format("supersedes {}: already corrected by {} (correct the current version)", id, by);
    if (const auto range = hash_range(id)) {
      newer_version_of.bind_blob(1, range->first).bind_blob(2, range->second);
      by = newer_version_of.step() ? newer_version_of.text(0) : "";
      newer_version_of.reset();
      if (!by.empty())
        return fmt::format("supersedes {}: already superseded by {}, a newer version of the same source record "
                           "(correct the current version)",
                           id, by);
    }
    return "";
  };
  // After a report was taken: whether it is a new version of a source record already held.
  auto count_revision = [&](const Report& r, std::optional<int64_t> rid) {
    if (r.source_id.empty()) return;
    bool older = batch_records.count({r.source_name, r.source_id}) > 0;
    if (!older) {
      older_version.bind(1, r.source_name).bind(2, r.source_id).bind(3, rid.value_or(INT64_MAX));
      older = older_version.step();
      older_version.reset();
    }
    if (older) ++sum.revisions;
    if (dry) batch_records.insert({r.source_name, r.source_id});
  };
  // The place resolution recorded for a report without coordinates, reports and candidates
  // alike: a report that states its place is no point ("unlocated": REASON, e.g. a region named
  // like a town; store/candidates.hpp) is recorded unlocated with that reason, not looked up;
  // else the resolution its row carries, else the resolver's answer. nullopt: none (coordinates,
  // no place, nothing to resolve with), or `skip()` said so before anything was looked up.
  auto place_resolution = [&](const Report& r, const InputRow& row, const auto& skip) -> std::optional<nlohmann::json> {
    const std::optional<nlohmann::json> stated = r.lon ? std::nullopt : stated_unlocated(r);
    if (r.lon || r.place.empty() || !(stated || !row.place_resolution.is_null() || o.resolve_place)) return std::nullopt;
    if (skip()) return std::nullopt;
    return stated ? *stated : row.place_resolution.is_null() ? o.resolve_place(r) : row.place_resolution;
  };
  auto take = [&](const PreparedRow& p) {
    const InputRow& row = p.row;
    const Report& r = *row.outcome.report;
    std::optional<double> lon = r.lon, lat = r.lat;
    std::optional<std::string> resolution;
    auto duplicate = [&] {
      exists->bind_blob(1, p.hash);
      const bool dup = exists->step() || taken.count(p.hash);
      exists->reset();
      return dup;
    };
    if (!r.supersedes.empty()) {
      // A correction of a report that is no longer current would leave two current versions.
      if (duplicate()) {
        ++sum.duplicates;
        return;
      }
      if (const std::string why = already_superseded(r.supersedes); !why.empty()) {
        refuse(row, why);
        return;
      }
    }
    auto taken_as = [&] {
      if (!r.supersedes.empty()) batch_corrections[r.supersedes] = "r" + hash_prefix_hex(p.hash);
    };
    // A duplicate is not looked up again (its place was resolved when it was stored).
    bool dup = false;
    if (const auto res = place_resolution(r, row, [&] { return dup = duplicate(); })) {
      resolution = res->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      // Coordinates only for a resolved place (an ambiguous or out-of-scope one has none).
      if (res->is_object() && res->value("resolved", false) && res->contains("lon") && res->contains("lat")) {
        lon = (*res)["lon"].get<double>();
        lat = (*res)["lat"].get<double>();
      }
    }
    if (dup) {
      ++sum.duplicates;
      return;
    }
    if (dry) {
      if (duplicate()) {
        ++sum.duplicates;
      } else {
        taken.insert(p.hash);
        ++sum.imported;
        taken_as();
        count_revision(r, std::nullopt);
      }
      return;
    }
    // Every parameter is bound for every row (bind_opt binds null), without copies: the
    // strings live in the row and the report until the step below.
    ins->bind_static_blob(1, p.hash)
        .bind(2, sum.batch_id)
        .bind(3, static_cast<int64_t>(row.number))
        .bind_static(4, o.importer)
        .bind_static(5, row.raw)
        .bind_static(6, p.canonical)
        .bind(7, r.observed_unix)
        .bind_static(8, r.time_precision)
        .bind_opt(9, lon)
        .bind_opt(10, lat)
        .bind_static(11, r.place)
        .bind_opt(12, resolution)
        .bind(13, r.location_precision_m)
        .bind_static(14, r.kind)
        .bind_static(15, r.source_name)
        .bind_static(16, r.source_type)
        .bind_static(17, r.reliability)
        .bind(18, static_cast<int64_t>(r.credibility))
        .bind_static(19, r.supersedes)
        .bind_static(20, now);
    try {
      ins->step();
    } catch (const std::runtime_error& e) {
      if ((sqlite3_errcode(db_) & 0xff) != SQLITE_CONSTRAINT) throw;  // I/O, full disk, ...: the batch fails
      // Not a duplicate: the store refused the row (a constraint other than the content hash).
      // SQLite undid the statement; the batch goes on and the row is quarantined with why.
      ins->reset();
      const std::string reason = fmt::format("the store refused the report ({})", e.what());
      quarantine(row, reason, sha256_hex(reason + '\n' + row.raw));
      if (o.on_store_quarantine) o.on_store_quarantine(row, reason);
      return;
    }
    ins->rewind();
    if (sqlite3_changes(db_) == 0) {
      ++sum.duplicates;
      return;
    }
    ++sum.imported;
    const int64_t rid = sqlite3_last_insert_rowid(db_);
    if (lon) rtree->add(rid, *lon, *lat, r.observed_unix);
    taken_as();
    count_revision(r, rid);
    deferred->taken(sum.imported);
  };

  // A candidate report (docs/report-format.md, "Candidate reports"): into the review queue, not
  // the reports. Its content already a report (assessed) or a candidate: a duplicate. Its place
  // is resolved now, as a report's would be (kept for the day it is accepted). `supersedes` is
  // checked when it is accepted (then the report joins the store through import()).
  auto take_candidate = [&](const PreparedRow& p) {
    const InputRow& row = p.row;
    const Report& r = *row.outcome.report;
    exists->bind_blob(1, p.hash);
    bool dup = exists->step() || taken.count(p.hash);
    exists->reset();
    if (!dup && cexists) {
      cexists->bind_blob(1, p.hash);
      dup = cexists->step();
      cexists->reset();
    }
    if (dup) {
      ++sum.duplicates;
      return;
    }
    std::optional<std::string> resolution;
    if (const auto res = place_resolution(r, row, [] { return false; }))
      resolution = res->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (dry) {
      taken.insert(p.hash);
      ++sum.candidates;
      return;
    }
    cins->bind_static_blob(1, p.hash)
        .bind(2, sum.batch_id)
        .bind(3, static_cast<int64_t>(row.number))
        .bind_static(4, o.importer)
        .bind_static(5, row.raw)
        .bind_static(6, p.canonical)
        .bind_opt(7, resolution)
        .bind_static(8, now);
    cins->step();
    cins->rewind();
    if (sqlite3_changes(db_) == 0) {
      ++sum.duplicates;
      return;
    }
    ++sum.candidates;
  };
  // Marks the rows that go to the review queue (on the pipeline's thread, before the row is
  // hashed): a candidate's "status" is not part of the report it proposes.
  const std::function<bool(InputRow&)> marked = [&](InputRow& row) {
    if (!next(row)) return false;
    if (auto& r = row.outcome.report) {
      const auto it = r->extra.find("status");
      const bool says = it != r->extra.end() && it->is_string() && it->get_ref<const std::string&>() == "candidate";
      if (says) r->extra.erase("status");
      row.candidate = o.candidates || says;
    }
    return true;
  };

  // Corrections whose report is not (yet) known: they may precede it in the file.
  std::vector<PreparedRow> waiting;
  {
    RowPipeline pipeline(marked);
    for (std::vector<PreparedRow> batch; !(batch = pipeline.pop()).empty();) {
      if (o.interruption_point) o.interruption_point();
      for (PreparedRow& p : batch) {
        if (p.error) std::rethrow_exception(p.error);
        ++sum.rows;
        if (o.progress && sum.rows % 65536 == 0) o.progress(sum.rows);
        if (!p.row.outcome.report) {
          quarantine(p.row, p.row.outcome.error, p.hash);
          continue;
        }
        if (p.row.candidate) {
          take_candidate(p);
          continue;
        }
        const std::string& supersedes = p.row.outcome.report->supersedes;
        if (!supersedes.empty() && !known(supersedes)) {
          waiting.push_back(std::move(p));
          continue;
        }
        take(p);
      }
    }
  }
  for (bool progress = true; progress && !waiting.empty();) {
    progress = false;
    for (auto it = waiting.begin(); it != waiting.end();) {
      if (known(it->row.outcome.report->supersedes)) {
        take(*it);
        it = waiting.erase(it);
        progress = true;
      } else {
        ++it;
      }
    }
  }
  for (const PreparedRow& p : waiting) {
    const std::string& id = p.row.outcome.report->supersedes;
    const std::string reason =
        id_prefix(id) ? fmt::format("supersedes {}: no such report", id)
                    : fmt::format("supersedes '{}': no such report (a report id is r and 20 hex digits, as "
                                  "`truceline reports` prints it)",
                                  id);
    refuse(p.row, reason);
  }
  if (dry || sum.took_nothing()) {
    sum.batch_id = 0;
    return sum;  // the guard rolls back
  }
  rtree->finish();
  deferred->finish();
  {
    Stmt b(db_,
           "UPDATE batch SET finished_at=?, rows=?, imported=?, duplicates=?, quarantined=?, file_hash=?, candidates=? "
           "WHERE id=?");
    b.bind(1, now_iso())
        .bind(2, static_cast<int64_t>(sum.rows))
        .bind(3, static_cast<int64_t>(sum.imported))
        .bind(4, static_cast<int64_t>(sum.duplicates))
        .bind(5, static_cast<int64_t>(sum.quarantined))
        .bind(6, o.final_file_hash ? o.final_file_hash() : o.file_hash)
        .bind(7, static_cast<int64_t>(sum.candidates))
        .bind(8, sum.batch_id)
        .step();
  }
  if (o.interruption_point) o.interruption_point();
  exec(db_, o.nested ? "RELEASE import" : "COMMIT");
  guard.active = false;
  sum.written = true;
  return sum;
} catch (const SqliteError& e) {
  fail(e);
}

BatchSummary Store::append(const std::string& origin, const std::vector<NewReport>& reports) {
  std::string all;
  std::vector<std::string> raws;
  for (const auto& n : reports) {
    raws.push_back(n.report.canonical_json());
    all += raws.back() + "\n";
  }
  ImportOptions o;
  o.file = origin;
  o.file_hash = sha256_hex(all);
  o.importer = origin;
  std::size_t i = 0;
  return import(o, [&](InputRow& row) {
    if (i == reports.size()) return false;
    row.number = i + 1;
    row.raw = raws[i];
    row.outcome = RowOutcome{reports[i].report, ""};
    row.place_resolution = reports[i].place_resolution;
    ++i;
    return true;
  });
}

void Store::query(const Query& q, const std::function<void(const StoredReport&)>& each) const try {
  // Columns 9-13 are for the damage checks below (store/integrity.hpp).
  std::string sql = "SELECT r.id, r.json, r.batch_id, r.row_number, r.importer, " + superseded_by_expression("r") +
                    ", r.lon, r.lat, r.place_resolution, r.content_hash, r.observed_unix, r.kind, r.source_name, "
                    "r.rid ";
  std::vector<std::string> where;
  if (q.bbox) {
    // R*Tree prefilter (float32, rounded outwards: widen by a hair), then exact values. CROSS
    // JOIN fixes the R*Tree as the outer loop: left to itself the planner walks the time
    // index instead (every report of the window, then a tree lookup each: 72 ms instead of a
    // few for a week x 0.4 degree box over 1 M reports).
    sql += "FROM report_rtree t CROSS JOIN report r ON r.rid = t.rid";
    where.push_back("t.max_lon >= ?1 - 1e-4 AND t.min_lon <= ?3 + 1e-4 AND t.max_lat >= ?2 - 1e-4 AND t.min_lat <= ?4 + 1e-4");
    where.push_back("r.lon >= ?1 AND r.lon <= ?3 AND r.lat >= ?2 AND r.lat <= ?4");
    if (q.since) where.push_back("t.max_t >= ?5 - 600");
    if (q.until) where.push_back("t.min_t < ?6 + 600");
  } else {
    sql += "FROM report r";
  }
  if (q.since) where.push_back("r.observed_unix >= ?5");
  if (q.until) where.push_back("r.observed_unix < ?6");
  if (!q.kind.empty()) where.push_back("r.kind = ?7");
  if (!q.source.empty()) where.push_back("r.source_name = ?8");
  if (!q.history) where.push_back(current_condition("r"));
  for (std::size_t i = 0; i < where.size(); ++i) sql += (i ? " AND " : " WHERE ") + where[i];
  sql += " ORDER BY r.observed_unix, r.rid";
  Stmt s(db_, sql.c_str());
  if (q.bbox) s.bind(1, (*q.bbox)[0]).bind(2, (*q.bbox)[1]).bind(3, (*q.bbox)[2]).bind(4, (*q.bbox)[3]);
  if (q.since) s.bind(5, *q.since);
  if (q.until) s.bind(6, *q.until);
  if (!q.kind.empty()) s.bind(7, q.kind);
  if (!q.source.empty()) s.bind(8, q.source);
  // Damage is detected, never read as truth (store/integrity.hpp): a row whose JSON does not
  // hash to its content hash, or whose indexed columns (which chose and ordered it) disagree
  // with that verified JSON, stops the query with DamagedError; so does SQLite's "malformed".
  auto step = [&] { return step_or_damaged(s, db_, path_); };
  std::optional<std::pair<int64_t, int64_t>> previous;  // (observed_unix, rid) of the last row
  while (step()) {
    StoredReport r;
    r.id = s.text(0);
    auto damaged = [&](const std::string& what) {
      throw DamagedError(path_, fmt::format("report {} (batch {} row {}): {}", r.id, s.integer(2), s.integer(3), what));
    };
    const std::string json = s.text(1);
    if (sha256_bytes(json) != s.blob(9)) damaged("content does not match its hash");
    try {
      r.report = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception&) {
      damaged("its JSON does not parse");
    }
    const int64_t rid = s.integer(13);
    // The JSON's time was written by format_iso8601_utc(observed_unix): compared that way round,
    // it holds for any year (parse_iso_time reads four-digit years only).
    const int64_t t = s.integer(10);
    if (r.report.value("observed_at", std::string()) != format_iso8601_utc(t))
      damaged("its time in the table or the time index does not match its content");
    if ((q.since && t < *q.since) || (q.until && t >= *q.until))
      damaged("outside the time range asked for (a damaged index)");
    if (previous && std::pair{t, rid} <= *previous) damaged("out of order (a damaged index)");
    previous = std::pair{t, rid};
    const std::string kind = r.report.value("kind", std::string());
    if (kind != s.text(11) || (!q.kind.empty() && kind != q.kind))
      damaged("its kind in the table or an index does not match its content");
    const std::string source = r.report.contains("source") ? r.report["source"].value("name", std::string()) : "";
    if (source != s.text(12) || (!q.source.empty() && source != q.source))
      damaged("its source in the table or an index does not match its content");
    r.batch_id = s.integer(2);
    r.row_number = static_cast<std::size_t>(s.integer(3));
    r.importer = s.text(4);
    r.superseded_by = s.text(5);
    if (!s.is_null(6)) {
      r.lon = s.real(6);
      r.lat = s.real(7);
    }
    if (r.report.contains("lon") &&
        (!r.lon || r.report["lon"].get<double>() != *r.lon || r.report["lat"].get<double>() != *r.lat))
      damaged("its coordinates in the table do not match its content");
    if (q.bbox && (!r.lon || *r.lon < (*q.bbox)[0] || *r.lon > (*q.bbox)[2] || *r.lat < (*q.bbox)[1] ||
                   *r.lat > (*q.bbox)[3]))
      damaged("outside the box asked for (a damaged index)");
    if (!s.is_null(8)) {
      try {
        r.place_resolution = nlohmann::json::parse(s.text(8));
      } catch (const nlohmann::json::exception&) {
        damaged("its place resolution does not parse");
      }
    }
    each(r);
  }
} catch (const SqliteError& e) {
  fail(e);
}

std::vector<QuarantinedRow> Store::quarantine(std::optional<int64_t> batch) const try {
  std::vector<QuarantinedRow> out;
  if (batch) {
    std::vector<int64_t> ids;
    Stmt b(db_, "SELECT id FROM batch ORDER BY id");
    while (step_or_damaged(b, db_, path_)) ids.push_back(b.integer(0));
    if (!std::binary_search(ids.begin(), ids.end(), *batch))
      throw InputError(fmt::format("{}: no batch {} ({})", path_, *batch,
                                   ids.empty() ? "the store has no batches" : "batches: " + id_ranges(ids)));
  }
  Stmt s(db_, batch ? "SELECT q.batch_id, b.file, q.row_number, q.raw, q.reason, q.raw_hash FROM quarantine q JOIN "
                      "batch b ON b.id = q.batch_id WHERE q.batch_id = ? ORDER BY q.id"
                    : "SELECT q.batch_id, b.file, q.row_number, q.raw, q.reason, q.raw_hash FROM quarantine q JOIN "
                      "batch b ON b.id = q.batch_id ORDER BY q.id");
  if (batch) s.bind(1, *batch);
  while (step_or_damaged(s, db_, path_)) {
    out.push_back({s.integer(0), s.text(1), static_cast<std::size_t>(s.integer(2)), s.text(3), s.text(4)});
    // A quarantined row is keyed by the hash of its reason and raw text (import()): checked
    // like a report's content hash (store/integrity.hpp).
    std::string keyed = out.back().reason;
    keyed += '\n';
    keyed += out.back().raw;
    if (sha256_hex(keyed) != s.text(5))
      throw DamagedError(path_, fmt::format("quarantined row (batch {} row {}): content does not match its hash",
                                            out.back().batch_id, out.back().row_number));
  }
  return out;
} catch (const SqliteError& e) {
  fail(e);
}

nlohmann::json Store::stats() const try {
  nlohmann::json j;
  auto counts = [&](const char* sql) {
    nlohmann::json o = nlohmann::json::object();
    Stmt s(db_, sql);
    while (step_or_damaged(s, db_, path_)) o[s.text(0)] = s.integer(1);
    return o;
  };
  {
    const std::string sql = "SELECT count(*), (SELECT count(*) FROM report r WHERE " + current_condition("r") +
                            "), (SELECT count(*) FROM quarantine) FROM report";
    Stmt s(db_, sql.c_str());
    step_or_damaged(s, db_, path_);
    j["reports"] = s.integer(0);
    j["current"] = s.integer(1);
    j["quarantined"] = s.integer(2);
  }
  j["by_kind"] = counts("SELECT kind, count(*) FROM report GROUP BY kind ORDER BY kind");
  j["by_source"] = counts("SELECT source_name, count(*) FROM report GROUP BY source_name ORDER BY source_name");
  j["by_grading"] =
      counts("SELECT reliability || credibility, count(*) FROM report GROUP BY 1 ORDER BY 1");
  nlohmann::json batches = nlohmann::json::array();
  Stmt s(db_, "SELECT id, file, importer, started_at, finished_at, rows, imported, duplicates, quarantined FROM batch "
              "ORDER BY id");
  while (step_or_damaged(s, db_, path_))
    batches.push_back({{"id", s.integer(0)},
                       {"file", s.text(1)},
                       {"importer", s.text(2)},
                       {"started_at", s.text(3)},
                       {"finished_at", s.text(4)},
                       {"rows", s.integer(5)},
                       {"imported", s.integer(6)},
                       {"duplicates", s.integer(7)},
                       {"quarantined", s.integer(8)}});
  j["batches"] = batches;
  return j;
} catch (const SqliteError& e) {
  fail(e);
}

}  // namespace truceline::store

namespace truceline::store {

double default_precision_m(const std::string& source_type) {
  if (source_type == "monitor") return 500;
  if (source_type == "party" || source_type == "ngo") return 2000;
  return 5000;  // media, social, other: coordinates are usually a named place's
}

EffectiveLocation effective_location(const StoredReport& r) {
  const nlohmann::json& j = r.report;
  EffectiveLocation l;
  l.place = j.value("place", std::string());
  const double own = j.value("location_precision_m", 0.0);
  const nlohmann::json& res = r.place_resolution;
  if (j.contains("lon") && j.contains("lat")) {
    l.method = "coordinates";
    l.lon = j["lon"].get<double>();
    l.lat = j["lat"].get<double>();
    if (own > 0) {
      l.precision_m = own;
      l.precision_from = "report";
    } else {
      const std::string type = j.contains("source") ? j["source"].value("type", std::string("other")) : "other";
      l.precision_m = default_precision_m(type);
      l.precision_from = "default";
    }
    return l;
  }
  if (r.lon && r.lat) {
    l.method = "place";
    l.lon = r.lon;
    l.lat = r.lat;
    l.precision_m = std::max(own, kPlacePrecisionM);
    l.precision_from = own > kPlacePrecisionM ? "report" : "place";
    if (res.is_object()) {
      l.matched = res.value("name", std::string());
      l.match = res.value("match", std::string());
      if (res.contains("score") && res["score"].is_number()) {
        l.score = res["score"].get<double>();
      } else if (res.contains("candidates") && res["candidates"].is_array() && !res["candidates"].empty() &&
                 res["candidates"][0].contains("score")) {
        l.score = res["candidates"][0]["score"].get<double>();
      }
    }
    return l;
  }
  l.method = "unresolved";
  if (l.place.empty()) {
    l.reason = "no location given";
  } else if (res.is_object() && res.contains("reason") && res["reason"].is_string()) {
    l.reason = res["reason"].get<std::string>();
  } else {
    l.reason = "place not resolved";
  }
  return l;
}

nlohmann::json to_json(const EffectiveLocation& l) {
  nlohmann::json j{{"method", l.method}};
  j["lon"] = l.lon ? nlohmann::json(*l.lon) : nlohmann::json(nullptr);
  j["lat"] = l.lat ? nlohmann::json(*l.lat) : nlohmann::json(nullptr);
  if (l.method != "unresolved") {
    j["precision_m"] = l.precision_m;
    j["precision_from"] = l.precision_from;
  }
  if (!l.place.empty()) j["place"] = l.place;
  if (!l.matched.empty()) j["matched"] = l.matched;
  if (!l.match.empty()) j["match"] = l.match;
  if (l.score) j["score"] = *l.score;
  if (!l.reason.empty()) j["reason"] = l.reason;
  return j;
}

nlohmann::json to_flat_json(const EffectiveLocation& l) {
  const nlohmann::json j = to_json(l);
  nlohmann::json out = nlohmann::json::object();
  for (const std::string& column : effective_location_columns()) {
    const std::string key = column.substr(std::string("effective_").size());
    out[column] = j.contains(key) ? j[key] : nlohmann::json(nullptr);
  }
  return out;
}

}  // namespace truceline::store
