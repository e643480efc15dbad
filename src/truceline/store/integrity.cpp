#include "truceline/store/integrity.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "truceline/store/record.hpp"
#include "truceline/store/store.hpp"

namespace truceline::store {

namespace {

constexpr int kApplicationId = 0x74726c6e;  // "trln" (store.cpp)

// A prepared statement whose SQLite failures are damage (DamagedError) or internal errors.
class Sql {
 public:
  Sql(sqlite3* db, const std::string& path, const std::string& sql) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) {
      throw_if_damaged(db, path);
      throw std::runtime_error(fmt::format("SQLite: {} in: {}", sqlite3_errmsg(db), sql));
    }
  }
  ~Sql() { sqlite3_finalize(s_); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_if_damaged(db_, path_);
    throw std::runtime_error(fmt::format("SQLite: {}", sqlite3_errmsg(db_)));
  }
  int64_t integer(int i) const { return sqlite3_column_int64(s_, i); }
  double real(int i) const { return sqlite3_column_double(s_, i); }
  bool is_null(int i) const { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  std::string text(int i) const {
    const auto* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }
  std::string blob(int i) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(s_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }

 private:
  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* s_ = nullptr;
};

// The indexes of schema 2 (store.cpp) and the column each leads with: the count of a scan of
// the index (covering, so the table is not read) is its number of entries.
// `read`: a reading query walks or probes it (the time range and order, the current view's
// supersedes and source-record probes, --kind, --source); the content-hash index serves only
// imports (duplicates, `supersedes` look-ups), so readers skip it.
struct IndexSpec {
  const char* name;
  const char* columns_sql;  // its key columns, in order
  int columns;
  bool read;
};
constexpr IndexSpec kIndexes[] = {{"sqlite_autoindex_report_1", "content_hash", 1, false},
                                  {"report_time", "observed_unix", 1, true},
                                  {"report_supersedes", "supersedes", 1, true},
                                  {"report_kind", "kind", 1, true},
                                  {"report_source", "source_name", 1, true},
                                  {"report_source_record", "source_name, source_id", 2, true}};

// The append-only triggers of schema 1 (store.cpp): name, table, event.
struct TriggerSpec {
  const char* name;
  const char* table;
  const char* event;
};
constexpr TriggerSpec kTriggers[] = {
    {"report_append_only_update", "report", "BEFORE UPDATE"},
    {"report_append_only_delete", "report", "BEFORE DELETE"},
    {"quarantine_append_only_update", "quarantine", "BEFORE UPDATE"},
    {"quarantine_append_only_delete", "quarantine", "BEFORE DELETE"},
    {"batch_finished_is_final", "batch", "BEFORE UPDATE"},
    {"batch_no_delete", "batch", "BEFORE DELETE"}};
// The ledger's (schema 3; docs/ledger.md, "Store").
constexpr TriggerSpec kLedgerTriggers[] = {
    {"ledger_entry_in_order", "ledger_entry", "BEFORE INSERT"},
    {"ledger_entry_no_update", "ledger_entry", "BEFORE UPDATE"},
    {"ledger_entry_no_delete", "ledger_entry", "BEFORE DELETE"},
    {"ledger_node_no_update", "ledger_node", "BEFORE UPDATE"},
    {"ledger_node_no_delete", "ledger_node", "BEFORE DELETE"},
    {"ledger_checkpoint_no_update", "ledger_checkpoint", "BEFORE UPDATE"},
    {"ledger_checkpoint_no_delete", "ledger_checkpoint", "BEFORE DELETE"}};

// The review queue's (schema 4; store/candidates.hpp).
constexpr TriggerSpec kCandidateTriggers[] = {
    {"candidate_no_update", "candidate", "BEFORE UPDATE"},
    {"candidate_no_delete", "candidate", "BEFORE DELETE"},
    {"candidate_decision_no_update", "candidate_decision", "BEFORE UPDATE"},
    {"candidate_decision_no_delete", "candidate_decision", "BEFORE DELETE"}};

struct Counts {
  int64_t recorded = 0;  // sum of batch.imported
  int64_t max_rid = 0;
  std::vector<std::pair<std::string, int64_t>> index_entries;  // indexes the file has
  std::string disorder;  // the first index entry found out of order, "" when none
};

bool has_index(sqlite3* db, const std::string& path, const char* name) {
  Sql q(db, path,
        fmt::format("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = '{}'", name));
  return q.step();
}

// An index key value as SQLite orders it (BINARY collation): NULL < numbers < text < blobs;
// numbers by value (an integer and a real compare numerically), text and blobs by memcmp, then
// length.
struct Value {
  int type = SQLITE_NULL;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;
  int rank() const {
    return type == SQLITE_NULL                              ? 0
           : type == SQLITE_INTEGER || type == SQLITE_FLOAT ? 1
           : type == SQLITE_TEXT                            ? 2
                                                            : 3;
  }
  void read(sqlite3_stmt* st, int i) {
    type = sqlite3_column_type(st, i);
    if (type == SQLITE_INTEGER) {
      integer = sqlite3_column_int64(st, i);
      real = static_cast<double>(integer);
    } else if (type == SQLITE_FLOAT) {
      real = sqlite3_column_double(st, i);
    } else if (type != SQLITE_NULL) {
      const auto* p = static_cast<const char*>(
          type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_column_text(st, i))
                              : sqlite3_column_blob(st, i));
      bytes.assign(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
    }
  }
  // -1, 0, 1.
  int compare(const Value& o) const {
    if (rank() != o.rank()) return rank() < o.rank() ? -1 : 1;
    if (rank() == 1) {
      if (type == SQLITE_INTEGER && o.type == SQLITE_INTEGER)
        return integer < o.integer ? -1 : integer > o.integer ? 1 : 0;
      return real < o.real ? -1 : real > o.real ? 1 : 0;
    }
    if (rank() >= 2) return bytes.compare(o.bytes) < 0 ? -1 : bytes.compare(o.bytes) > 0 ? 1 : 0;
    return 0;
  }
};

// An index entry: its key columns, then the row id; the entries of an index are unique and
// ascend.
struct Key {
  std::vector<Value> columns;
  int64_t rid = 0;
  bool before(const Key& o) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (const int c = columns[i].compare(o.columns[i]); c != 0) return c < 0;
    return rid < o.rid;
  }
};

// Walks every index of the report table in its own order (covering: the table is not read),
// counting its entries and checking that (key, rowid) ascends: a damaged key (the scan of a
// time range stops at a key beyond it) or a damaged page pointer shows as disorder or as a
// count that differs from the batches'.
// One read transaction: every count of a check comes from the same snapshot, so an import
// committed by another process between two statements is not taken for damage.
struct ReadSnapshot {
  sqlite3* db;
  bool open = false;
  explicit ReadSnapshot(sqlite3* d) : db(d) {
    open = sqlite3_get_autocommit(db) && sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~ReadSnapshot() {
    if (open) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
};

Counts count(sqlite3* db, const std::string& path, bool all_indexes) {
  const ReadSnapshot snapshot(db);
  Counts c;
  {
    Sql q(db, path, "SELECT coalesce(sum(imported), 0) FROM batch");
    q.step();
    c.recorded = q.integer(0);
  }
  // main.report: a reader of a schema-1 store sees a TEMP view named report (store.cpp).
  {
    Sql q(db, path, "SELECT coalesce(max(rid), 0) FROM main.report");
    q.step();
    c.max_rid = q.integer(0);
  }
  for (const IndexSpec& ix : kIndexes) {
    if (!all_indexes && !ix.read) continue;
    if (!has_index(db, path, ix.name)) continue;  // schema 1 lacks report_source_record
    // count(*) would walk the smallest index whatever INDEXED BY says; selecting the key
    // under INDEXED BY scans this index in its order.
    sqlite3_stmt* st = nullptr;
    const std::string sql =
        fmt::format("SELECT {1}, rid FROM main.report INDEXED BY {0}", ix.name, ix.columns_sql);
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      throw_if_damaged(db, path);
      throw std::runtime_error(fmt::format("SQLite: {} in: {}", sqlite3_errmsg(db), sql));
    }
    struct Finalize {
      sqlite3_stmt* st;
      ~Finalize() { sqlite3_finalize(st); }
    } finalize{st};
    int64_t n = 0;
    Key previous, key;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      key.columns.resize(ix.columns);
      for (int i = 0; i < ix.columns; ++i) key.columns[static_cast<std::size_t>(i)].read(st, i);
      key.rid = sqlite3_column_int64(st, ix.columns);
      if (n > 0 && !previous.before(key) && c.disorder.empty())
        c.disorder = fmt::format("index {} is out of order at its entry {} (row {})", ix.name,
                                 n + 1, key.rid);
      std::swap(previous, key);
      ++n;
    }
    if (rc != SQLITE_DONE) {
      throw_if_damaged(db, path);
      throw std::runtime_error(fmt::format("SQLite: {}", sqlite3_errmsg(db)));
    }
    c.index_entries.emplace_back(ix.name, n);
  }
  return c;
}

// The first disagreement between the counts, "" when they agree.
std::string disagreement(const Counts& c) {
  if (c.max_rid != c.recorded)
    return fmt::format("the report table ends at row {}, the batches recorded {} reports",
                       c.max_rid, c.recorded);
  for (const auto& [name, n] : c.index_entries)
    if (n != c.recorded)
      return fmt::format("index {} has {} entries, the batches recorded {} reports", name, n,
                         c.recorded);
  return c.disorder;
}

}  // namespace

DamagedError::DamagedError(const std::string& path, const std::string& what)
    : InputError(fmt::format("{}: store is damaged: {}; run truceline verify-store --db {}", path, what, path)),
      what_(what) {}

bool is_damage_code(int rc) {
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ||
         rc == SQLITE_IOERR_SHORT_READ;
}

void throw_if_damaged(sqlite3* db, const std::string& path) {
  const int rc = sqlite3_extended_errcode(db);
  if (is_damage_code(rc)) throw DamagedError(path, sqlite3_errmsg(db));
}

void check_counts(const Store& store) {
  if (const std::string why = disagreement(count(store.handle(), store.path(), false));
      !why.empty())
    throw DamagedError(store.path(), why);
}

void check_before_write(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  struct Close {
    sqlite3* db;
    ~Close() { sqlite3_close_v2(db); }
  } close{db};
  if (rc != SQLITE_OK) return;
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* st = nullptr;
  int app = 0;
  int step = sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr);
  if (step == SQLITE_OK && (step = sqlite3_step(st)) == SQLITE_ROW) app = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (step != SQLITE_ROW) {
    if (is_damage_code(sqlite3_extended_errcode(db))) throw DamagedError(path, sqlite3_errmsg(db));
    return;
  }
  if (app != kApplicationId) return;
  {
    Sql q(db, path, "PRAGMA quick_check(1)");
    if (q.step() && q.text(0) != "ok") throw DamagedError(path, q.text(0));
  }
  if (const std::string why = disagreement(count(db, path, true)); !why.empty())
    throw DamagedError(path, why);
}

std::vector<std::string> verify(const std::string& path, int limit) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError(fmt::format("{}: no such database (truceline ingest --db {} FILE creates one)",
                                 path, path));
  if (std::filesystem::is_directory(path, ec))
    throw InputError(path + ": is a directory, not a database");
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    const std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close_v2(db);
    throw InputError(fmt::format("{}: cannot open the database: {}", path, msg));
  }
  struct Close {
    sqlite3* db;
    ~Close() { sqlite3_close_v2(db); }
  } close{db};
  sqlite3_busy_timeout(db, 10000);
  // The writer's page cache (64 MiB, store.cpp) instead of SQLite's 2 MB: integrity_check
  // probes every index for every row, at random places of the content-hash index; with 2 MB
  // nearly every probe read its leaf page again from the OS.
  sqlite3_exec(db, "PRAGMA cache_size=-65536", nullptr, nullptr, nullptr);
  const ReadSnapshot snapshot(db);  // the whole check on one state of the store
  std::vector<std::string> problems;
  // A check that SQLite cannot even run on this file is itself a problem line.
  auto guarded = [&](const char* what, auto&& check) {
    try {
      check();
    } catch (const DamagedError& e) {
      problems.push_back(fmt::format("{}: {}", what, e.what_damaged()));
    }
  };

  // The file's marks: a file that is not a store is a user error, unless it cannot be read.
  int app = 0, version = 0;
  bool readable = true;
  guarded("header", [&] {
    try {
      Sql a(db, path, "PRAGMA application_id");
      a.step();
      app = static_cast<int>(a.integer(0));
      Sql v(db, path, "PRAGMA user_version");
      v.step();
      version = static_cast<int>(v.integer(0));
    } catch (...) {
      readable = false;
      throw;
    }
  });
  if (!readable) return problems;
  if (app != kApplicationId) throw InputError(path + ": not a truceline database");
  if (version > kSchemaVersion)
    throw InputError(fmt::format("{}: made by a newer truceline (schema {} > {})", path, version,
                                 kSchemaVersion));

  // 1. SQLite's own check: every page, every index against its table, UNIQUE and NOT NULL.
  guarded("integrity_check", [&] {
    Sql q(db, path, fmt::format("PRAGMA integrity_check({})", limit));
    while (q.step())
      if (q.text(0) != "ok") problems.push_back("integrity_check: " + q.text(0));
  });

  // 2. The schema's guards: the append-only triggers and the indexes queries rely on.
  guarded("schema", [&] {
    std::vector<TriggerSpec> triggers(std::begin(kTriggers), std::end(kTriggers));
    if (version >= 3) triggers.insert(triggers.end(), std::begin(kLedgerTriggers), std::end(kLedgerTriggers));
    if (version >= 4)
      triggers.insert(triggers.end(), std::begin(kCandidateTriggers), std::end(kCandidateTriggers));
    for (const TriggerSpec& t : triggers) {
      Sql q(db, path,
            fmt::format(
                "SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND name = '{}'",
                t.name));
      if (!q.step()) {
        problems.push_back(
            fmt::format("schema: trigger {} is missing (the {} table is no longer append-only)",
                        t.name, t.table));
        continue;
      }
      const std::string sql = q.text(1);
      if (q.text(0) != t.table || sql.find(t.event) == std::string::npos ||
          sql.find("RAISE(ABORT") == std::string::npos)
        problems.push_back(fmt::format("schema: trigger {} is not the store's ({})", t.name, sql));
    }
    for (const IndexSpec& ix : kIndexes) {
      if (version < 2 && std::string(ix.name) == "report_source_record") continue;
      if (!has_index(db, path, ix.name))
        problems.push_back(fmt::format("schema: index {} is missing", ix.name));
    }
  });

  // 3. Every report: its JSON against its content hash, the columns derived from it against
  //    the JSON; rows per batch against what the batch recorded.
  std::map<int64_t, int64_t> rows_of_batch;
  int64_t rows = 0, located = 0;
  guarded("reports", [&] {
    Sql q(db, path,
          "SELECT rid, id, batch_id, row_number, content_hash, json, observed_unix, kind, "
          "source_name, lon, lat, "
          "supersedes FROM main.report NOT INDEXED ORDER BY rid");
    int reported = 0;
    auto problem = [&](const std::string& line) {
      if (reported++ < limit) problems.push_back(line);
    };
    while (q.step()) {
      ++rows;
      ++rows_of_batch[q.integer(2)];
      if (!q.is_null(9)) ++located;
      const std::string where = fmt::format("report {} (row {}, batch {} row {})", q.text(1),
                                            q.integer(0), q.integer(2), q.integer(3));
      const std::string json = q.text(5);
      if (sha256_bytes(json) != q.blob(4)) {
        problem(where + ": content does not match its hash");
        continue;
      }
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(json);
      } catch (const nlohmann::json::exception&) {
        problem(where + ": its JSON does not parse");
        continue;
      }
      if (j.value("observed_at", std::string()) != format_iso8601_utc(q.integer(6)))
        problem(where + ": observed_unix does not match its JSON");
      if (j.value("kind", std::string()) != q.text(7))
        problem(where + ": kind does not match its JSON");
      if (!j.contains("source") || j["source"].value("name", std::string()) != q.text(8))
        problem(where + ": source_name does not match its JSON");
      if (j.value("supersedes", std::string()) != q.text(11))
        problem(where + ": supersedes does not match its JSON");
      if (j.contains("lon") && j.contains("lat") &&
          (q.is_null(9) || j["lon"].get<double>() != q.real(9) ||
           j["lat"].get<double>() != q.real(10)))
        problem(where + ": lon/lat do not match its JSON");
    }
    if (reported > limit)
      problems.push_back(fmt::format("reports: {} more problems not listed", reported - limit));
  });

  guarded("quarantine", [&] {
    Sql q(db, path,
          "SELECT id, batch_id, row_number, raw, reason, raw_hash FROM quarantine NOT INDEXED "
          "ORDER BY id");
    int reported = 0;
    while (q.step()) {
      std::string keyed = q.text(4);
      keyed += '\n';
      keyed += q.text(3);
      if (sha256_hex(keyed) != q.text(5) && reported++ < limit)
        problems.push_back(
            fmt::format("quarantined row {} (batch {} row {}): content does not match its hash",
                        q.integer(0), q.integer(1), q.integer(2)));
    }
  });

  if (version >= 4)
    guarded("candidates", [&] {
      // The review queue (store/candidates.hpp): each candidate's JSON against its hash.
      Sql q(db, path, "SELECT id, batch_id, row_number, json, content_hash FROM candidate NOT INDEXED ORDER BY cid");
      int reported = 0;
      while (q.step())
        if (sha256_bytes(q.text(3)) != q.blob(4) && reported++ < limit)
          problems.push_back(fmt::format("candidate {} (batch {} row {}): content does not match its hash",
                                         q.text(0), q.integer(1), q.integer(2)));
    });

  guarded("batches", [&] {
    // Quarantined rows stored per batch: at most what the batch counted (the same bad row
    // is stored once, under its first batch, and counted by every batch that read it).
    std::map<int64_t, int64_t> quarantined_of_batch;
    {
      Sql qq(db, path, "SELECT batch_id, count(*) FROM quarantine NOT INDEXED GROUP BY batch_id");
      while (qq.step()) quarantined_of_batch[qq.integer(0)] = qq.integer(1);
    }
    // Candidates per batch (schema 4): stored against recorded, and part of the rows' sum.
    std::map<int64_t, int64_t> candidates_of_batch;
    if (version >= 4) {
      Sql qc(db, path, "SELECT batch_id, count(*) FROM candidate NOT INDEXED GROUP BY batch_id");
      while (qc.step()) candidates_of_batch[qc.integer(0)] = qc.integer(1);
    }
    Sql q(db, path,
          version >= 4 ? "SELECT id, imported, finished_at, rows, duplicates, quarantined, candidates FROM batch "
                         "NOT INDEXED ORDER BY id"
                       : "SELECT id, imported, finished_at, rows, duplicates, quarantined, 0 FROM batch NOT INDEXED "
                         "ORDER BY id");
    std::set<int64_t> seen;
    while (q.step()) {
      const int64_t id = q.integer(0);
      seen.insert(id);
      if (q.is_null(2) || q.is_null(1)) {
        problems.push_back(fmt::format("batch {}: not finished (no counts recorded)", id));
        continue;
      }
      const int64_t found = rows_of_batch.count(id) ? rows_of_batch[id] : 0;
      if (found != q.integer(1))
        problems.push_back(
            fmt::format("batch {}: {} reports found, {} recorded", id, found, q.integer(1)));
      // Every row read is imported, a duplicate or quarantined (Store::import): a changed
      // byte in any of the four counts breaks the sum.
      if (!q.is_null(3) && !q.is_null(4) && !q.is_null(5) &&
          q.integer(3) != q.integer(1) + q.integer(4) + q.integer(5) + q.integer(6))
        problems.push_back(q.integer(6) == 0
                               ? fmt::format("batch {}: {} rows recorded, but imported {} + duplicates {} + "
                                             "quarantined {} = {}",
                                             id, q.integer(3), q.integer(1), q.integer(4), q.integer(5),
                                             q.integer(1) + q.integer(4) + q.integer(5))
                               : fmt::format("batch {}: {} rows recorded, but imported {} + duplicates {} + "
                                             "quarantined {} + candidates {} = {}",
                                             id, q.integer(3), q.integer(1), q.integer(4), q.integer(5),
                                             q.integer(6), q.integer(1) + q.integer(4) + q.integer(5) + q.integer(6)));
      const int64_t cands = candidates_of_batch.count(id) ? candidates_of_batch[id] : 0;
      if (cands != q.integer(6))
        problems.push_back(fmt::format("batch {}: {} candidates found, {} recorded", id, cands, q.integer(6)));
      const int64_t stored = quarantined_of_batch.count(id) ? quarantined_of_batch[id] : 0;
      if (!q.is_null(5) && stored > q.integer(5))
        problems.push_back(fmt::format("batch {}: {} quarantined rows stored, {} recorded", id,
                                       stored, q.integer(5)));
    }
    for (const auto& [id, n] : quarantined_of_batch)
      if (!seen.count(id))
        problems.push_back(
            fmt::format("batch {}: {} quarantined rows name it, the batch is missing", id, n));
    for (const auto& [id, n] : rows_of_batch)
      if (!seen.count(id))
        problems.push_back(
            fmt::format("batch {}: {} reports name it, the batch is missing", id, n));
  });

  guarded("indexes", [&] {
    const Counts c = count(db, path, true);
    if (c.max_rid != rows)
      problems.push_back(fmt::format("indexes: the report table ends at row {} but holds {} rows",
                                     c.max_rid, rows));
    for (const auto& [name, n] : c.index_entries)
      if (n != rows)
        problems.push_back(
            fmt::format("indexes: index {} has {} entries, the table {} rows", name, n, rows));
    if (!c.disorder.empty()) problems.push_back("indexes: " + c.disorder);
    Sql r(db, path, "SELECT count(*) FROM report_rtree");
    r.step();
    if (r.integer(0) != located)
      problems.push_back(
          fmt::format("indexes: report_rtree has {} entries, the table {} located reports",
                      r.integer(0), located));
    Sql check(db, path, "SELECT rtreecheck('report_rtree')");
    if (check.step() && check.text(0) != "ok")
      problems.push_back("indexes: report_rtree: " + check.text(0));
  });
  return problems;
}

}  // namespace truceline::store
