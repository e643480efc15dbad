// Store/*: ingest 1 M synthetic JSONL reports, against the floor a user would otherwise have —
// SQLite's own `.import` of the same rows as CSV into a plain table (no validation, no
// hashing, no index) — and time/bbox queries over the result.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "truceline/store/integrity.hpp"
#include "truceline/store/store.hpp"

namespace {

using namespace truceline;
namespace fs = std::filesystem;

constexpr std::size_t kRows = 1'000'000;

struct Data {
  fs::path dir = fs::temp_directory_path() / ("truceline-bench-store-" + std::to_string(::getpid()));
  std::string jsonl = (dir / "reports.jsonl").string(), csv = (dir / "reports.csv").string();
  Data() {
    fs::create_directories(dir);
    std::ofstream j(jsonl), c(csv);
    c << "observed_at,lon,lat,kind,source,source_type,reliability,credibility,summary\n";
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> lon(35.5, 37.5), lat(34.8, 36.6);
    std::uniform_int_distribution<int> day(1, 28), hour(0, 23), kind(0, 3), src(0, 49);
    const char* kinds[] = {"shelling", "airstrike", "armed_clash", "weapon_sighting"};
    for (std::size_t i = 0; i < kRows; ++i) {
      char t[32];
      std::snprintf(t, sizeof t, "2019-%02d-%02dT%02d:00:00Z", 1 + static_cast<int>(i % 12), day(rng), hour(rng));
      const double x = lon(rng), y = lat(rng);
      const char* k = kinds[kind(rng)];
      const int s = src(rng);
      j << "{\"observed_at\":\"" << t << "\",\"lon\":" << x << ",\"lat\":" << y << ",\"kind\":\"" << k
        << "\",\"source\":{\"name\":\"source-" << s << "\",\"type\":\"media\"},\"reliability\":\"C\",\"credibility\":3,"
        << "\"summary\":\"synthetic report " << i << "\"}\n";
      c << t << "," << x << "," << y << "," << k << ",source-" << s << ",media,C,3,synthetic report " << i << "\n";
    }
  }
  ~Data() { fs::remove_all(dir); }
};

Data& data() {
  static Data d;
  return d;
}

// Resident memory from /proc/self/status (kB → MB): VmRSS now, VmHWM the peak since start or
// since the last reset_peak_rss(). -1 when unreadable.
double status_mb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::strtod(line.c_str() + std::strlen(key), nullptr) / 1024.0;
  return -1;
}

// Linux ≥ 4.0: writing 5 to clear_refs resets VmHWM to the current RSS, so the peak after it is
// the peak of what runs next. False when not permitted.
bool reset_peak_rss() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
  f.flush();
  return static_cast<bool>(f);
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void Store_ingest_jsonl(benchmark::State& state) {
  auto& d = data();
  int run = 0;
  // The ingest's own memory: the peak resident set during the ingest minus the resident set
  // before it (the bench process holds other suites' data), when the peak can be reset.
  const bool reset = reset_peak_rss();
  const double rss_before = status_mb("VmRSS:");
  for (auto _ : state) {
    const std::string db = (d.dir / ("ingest" + std::to_string(run++) + ".db")).string();
    store::Store s = store::Store::create_or_open(db);
    std::ifstream in(d.jsonl);
    std::string line;
    std::size_t n = 0;
    store::ImportOptions o;
    o.file = d.jsonl;
    o.file_hash = store::sha256_file(d.jsonl);
    o.importer = "jsonl";
    const auto sum = s.import(o, [&](store::InputRow& row) {
      if (!std::getline(in, line)) return false;
      row.number = ++n;
      row.raw = line;
      row.outcome = store::report_from_jsonl(line);
      return true;
    });
    if (sum.imported != kRows) state.SkipWithError("not every row was imported");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
  if (reset && rss_before >= 0) state.counters["ingest_peak_rss_mb"] = status_mb("VmHWM:") - rss_before;
  state.counters["process_peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(Store_ingest_jsonl)->Name("Store/ingest_jsonl")->Unit(benchmark::kSecond)->Iterations(1);

void Store_sqlite_import_floor(benchmark::State& state) {
  auto& d = data();
  int run = 0;
  for (auto _ : state) {
    const std::string db = (d.dir / ("floor" + std::to_string(run++) + ".db")).string();
    const std::string cmd = "sqlite3 " + db + " '.mode csv' '.import " + d.csv + " reports' 2>/dev/null";
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    const auto t1 = std::chrono::steady_clock::now();
    if (rc != 0) state.SkipWithError("sqlite3 .import failed (is the sqlite3 CLI installed?)");
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(Store_sqlite_import_floor)->Name("Store/sqlite3_import_floor")->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

// The 1 M-report store Store/ingest_jsonl leaves behind; "" (and the benchmark skipped) when
// that benchmark has not run in this process's data folder.
std::string ingested_store(benchmark::State& state) {
  const std::string db = (data().dir / "ingest0.db").string();
  if (fs::exists(db)) return db;
  state.SkipWithError("run Store/ingest_jsonl first");
  return "";
}

// Store/lower_bound_*: what SQLite alone costs to write the rows Store/ingest_jsonl wrote, the
// rows already prepared in memory (read back from its store: the same content hashes, raw
// lines, canonical JSON and columns), nothing parsed, validated or hashed — so a lower bound for
// any ingest that keeps the store's guarantees, to set beside Store/sqlite3_import_floor
// (issue 15; docs/performance.md, "Ingest against SQLite's own import"). Only the writing is
// timed (manual time): opening, the batch's transaction, the rows, the index builds, the
// packed R*Tree, COMMIT and the checkpoint that leaves the file in rollback-journal mode.
//
// - store_format: the store's own schema through Store::create_or_open (its page size, WAL, page
//   cache) and the very INSERT import() runs, the four deferred indexes built at the end as
//   import() builds them (DeferredIndexes), the R*Tree's shadow tables written packed (as
//   RtreeWriter::rebuild does, without its sort);
// - minimal_format: a table of only what the guarantees need (rowid, content hash, canonical
//   JSON, the indexed columns: no raw text, no generated column, no source-record index), the
//   unique content-hash index and the time, kind and source indexes built once at the end (so
//   idempotency within the batch is not even checked), the same R*Tree writing, WAL.
struct PreparedRow {
  std::string hash, raw, json, time_precision, kind, source_name, source_type, reliability;
  int64_t row_number = 0, observed_unix = 0, credibility = 0;
  double lon = 0, lat = 0, location_precision_m = 0;
};

void exec_or_throw(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(msg + " in: " + sql);
  }
}

// Loaded once for both benchmarks (~0.8 GB for 1 M rows), freed by the last one
// (release_prepared_rows) so that the benchmarks after it run without them.
std::vector<PreparedRow> prepared;

// malloc_trim: glibc keeps the freed ~0.8 GB in its arenas, fragmented; the benchmarks after
// these (Assess/verdicts_1M: 5.3 s after them against 2.9-3.4 s alone, 2 Dec 2026) then paid
// for it in page faults and free-list walks. Handing it back to the system first measures each
// benchmark as if it ran alone.
void release_prepared_rows() {
  std::vector<PreparedRow>().swap(prepared);
  ::malloc_trim(0);
}

const std::vector<PreparedRow>* prepared_rows(benchmark::State& state) {
  std::vector<PreparedRow>& rows = prepared;
  if (!rows.empty()) return &rows;
  const std::string db = ingested_store(state);
  if (db.empty()) return nullptr;
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h,
                     "SELECT content_hash, raw, json, time_precision, kind, source_name, source_type, reliability, "
                     "row_number, observed_unix, credibility, lon, lat, location_precision_m FROM report ORDER BY rid",
                     -1, &s, nullptr);
  auto text = [&](int i) {
    return std::string(static_cast<const char*>(sqlite3_column_blob(s, i)), static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
  };
  while (sqlite3_step(s) == SQLITE_ROW) {
    PreparedRow r{text(0), text(1), text(2), text(3), text(4), text(5), text(6), text(7),
                  sqlite3_column_int64(s, 8), sqlite3_column_int64(s, 9), sqlite3_column_int64(s, 10),
                  sqlite3_column_double(s, 11), sqlite3_column_double(s, 12), sqlite3_column_double(s, 13)};
    rows.push_back(std::move(r));
  }
  sqlite3_finalize(s);
  sqlite3_close_v2(h);
  if (rows.size() != kRows) state.SkipWithError("the ingested store does not hold every row");
  return &rows;
}

// The R*Tree's shadow tables as RtreeWriter::rebuild writes them for `n` reports: leaf nodes of
// the root's size, one rowid entry per report (in rid order), one parent entry per node; the
// boxes' bytes are not computed (a lower bound).
void write_packed_rtree(sqlite3* db, std::size_t n) {
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT length(data) FROM report_rtree_node WHERE nodeno = 1", -1, &s, nullptr);
  sqlite3_step(s);
  const int node_size = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  const auto fanout = static_cast<std::size_t>((node_size - 4) / 32);
  exec_or_throw(db, "DELETE FROM report_rtree_node; DELETE FROM report_rtree_rowid; DELETE FROM report_rtree_parent");
  sqlite3_stmt *node = nullptr, *rowid = nullptr, *parent = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO report_rtree_node(nodeno, data) VALUES(?,?)", -1, &node, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO report_rtree_rowid(rowid, nodeno) VALUES(?,?)", -1, &rowid, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO report_rtree_parent(nodeno, parentnode) VALUES(?,?)", -1, &parent, nullptr);
  const std::string blob(static_cast<std::size_t>(node_size), '\0');
  const auto leaves = static_cast<int64_t>((n + fanout - 1) / fanout);
  for (int64_t l = 0; l < leaves; ++l) {
    sqlite3_bind_int64(node, 1, 2 + l);
    sqlite3_bind_blob(node, 2, blob.data(), node_size, SQLITE_STATIC);
    sqlite3_step(node);
    sqlite3_reset(node);
    sqlite3_bind_int64(parent, 1, 2 + l);
    sqlite3_bind_int64(parent, 2, 1);
    sqlite3_step(parent);
    sqlite3_reset(parent);
  }
  for (int64_t i = 1; i <= static_cast<int64_t>(n); ++i) {
    sqlite3_bind_int64(rowid, 1, i);
    sqlite3_bind_int64(rowid, 2, 2 + (i * 7919) % leaves);
    sqlite3_step(rowid);
    sqlite3_reset(rowid);
  }
  sqlite3_finalize(node);
  sqlite3_finalize(rowid);
  sqlite3_finalize(parent);
}

void Store_lower_bound_store_format(benchmark::State& state) {
  const auto* rows = prepared_rows(state);
  if (!rows) return;
  int run = 0;
  for (auto _ : state) {
    const std::string path = (data().dir / ("lb-store" + std::to_string(run++) + ".db")).string();
    const auto t0 = std::chrono::steady_clock::now();
    {
      store::Store s = store::Store::create_or_open(path);
      sqlite3* db = s.handle();
      exec_or_throw(db, "BEGIN IMMEDIATE");
      exec_or_throw(db, "INSERT INTO batch(file, file_hash, importer, started_at) VALUES('bench', '', 'jsonl', '')");
      std::vector<std::string> indexes;
      {
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name IN ('report_time', "
                           "'report_kind', 'report_source', 'report_supersedes')",
                           -1, &q, nullptr);
        while (sqlite3_step(q) == SQLITE_ROW) indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
        sqlite3_finalize(q);
      }
      exec_or_throw(db, "DROP INDEX report_time; DROP INDEX report_kind; DROP INDEX report_source; DROP INDEX report_supersedes");
      sqlite3_stmt* ins = nullptr;
      sqlite3_prepare_v2(db,
                         "INSERT INTO report(content_hash, batch_id, row_number, importer, raw, json, observed_unix, "
                         "time_precision, lon, lat, place, place_resolution, location_precision_m, kind, source_name, "
                         "source_type, reliability, credibility, supersedes, ingested_at) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO NOTHING",
                         -1, &ins, nullptr);
      const int64_t batch = sqlite3_last_insert_rowid(db);
      auto text = [&](int i, const std::string& v) { sqlite3_bind_text(ins, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC); };
      for (const PreparedRow& r : *rows) {
        sqlite3_bind_blob(ins, 1, r.hash.data(), static_cast<int>(r.hash.size()), SQLITE_STATIC);
        sqlite3_bind_int64(ins, 2, batch);
        sqlite3_bind_int64(ins, 3, r.row_number);
        sqlite3_bind_text(ins, 4, "jsonl", 5, SQLITE_STATIC);
        text(5, r.raw);
        text(6, r.json);
        sqlite3_bind_int64(ins, 7, r.observed_unix);
        text(8, r.time_precision);
        sqlite3_bind_double(ins, 9, r.lon);
        sqlite3_bind_double(ins, 10, r.lat);
        sqlite3_bind_text(ins, 11, "", 0, SQLITE_STATIC);
        sqlite3_bind_null(ins, 12);
        sqlite3_bind_double(ins, 13, r.location_precision_m);
        text(14, r.kind);
        text(15, r.source_name);
        text(16, r.source_type);
        text(17, r.reliability);
        sqlite3_bind_int64(ins, 18, r.credibility);
        sqlite3_bind_text(ins, 19, "", 0, SQLITE_STATIC);
        sqlite3_bind_text(ins, 20, "2026-12-02T00:00:00Z", 20, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
        sqlite3_reset(ins);
      }
      sqlite3_finalize(ins);
      for (const std::string& sql : indexes) exec_or_throw(db, sql);
      write_packed_rtree(db, rows->size());
      exec_or_throw(db, "COMMIT");
    }  // ~Store: checkpoint, rollback-journal mode
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(Store_lower_bound_store_format)->Name("Store/lower_bound_store_format")->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

void Store_lower_bound_minimal_format(benchmark::State& state) {
  const auto* rows = prepared_rows(state);
  if (!rows) return;
  int run = 0;
  for (auto _ : state) {
    const std::string path = (data().dir / ("lb-minimal" + std::to_string(run++) + ".db")).string();
    const auto t0 = std::chrono::steady_clock::now();
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    exec_or_throw(db, "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536");
    exec_or_throw(db, "BEGIN IMMEDIATE; CREATE TABLE report(rid INTEGER PRIMARY KEY, content_hash BLOB NOT NULL, "
                      "json TEXT NOT NULL, observed_unix INTEGER NOT NULL, lon REAL, lat REAL, kind TEXT NOT NULL, "
                      "source_name TEXT NOT NULL); CREATE VIRTUAL TABLE report_rtree USING rtree(rid, min_lon, "
                      "max_lon, min_lat, max_lat, min_t, max_t)");
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO report(content_hash, json, observed_unix, lon, lat, kind, source_name) VALUES(?,?,?,?,?,?,?)",
                       -1, &ins, nullptr);
    for (const PreparedRow& r : *rows) {
      sqlite3_bind_blob(ins, 1, r.hash.data(), static_cast<int>(r.hash.size()), SQLITE_STATIC);
      sqlite3_bind_text(ins, 2, r.json.data(), static_cast<int>(r.json.size()), SQLITE_STATIC);
      sqlite3_bind_int64(ins, 3, r.observed_unix);
      sqlite3_bind_double(ins, 4, r.lon);
      sqlite3_bind_double(ins, 5, r.lat);
      sqlite3_bind_text(ins, 6, r.kind.data(), static_cast<int>(r.kind.size()), SQLITE_STATIC);
      sqlite3_bind_text(ins, 7, r.source_name.data(), static_cast<int>(r.source_name.size()), SQLITE_STATIC);
      if (sqlite3_step(ins) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    exec_or_throw(db, "CREATE UNIQUE INDEX report_hash ON report(content_hash); CREATE INDEX report_time ON "
                      "report(observed_unix); CREATE INDEX report_kind ON report(kind); CREATE INDEX report_source ON "
                      "report(source_name)");
    write_packed_rtree(db, rows->size());
    exec_or_throw(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE");
    sqlite3_close_v2(db);
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
  release_prepared_rows();
}
BENCHMARK(Store_lower_bound_minimal_format)->Name("Store/lower_bound_minimal_format")->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

void Store_query_window_bbox(benchmark::State& state) {
  const std::string db = ingested_store(state);
  if (db.empty()) return;
  const store::Store s = store::Store::open_existing(db);
  std::size_t found = 0;
  for (auto _ : state) {
    store::Query q;
    q.since = store::parse_iso_time("2019-03-01");
    q.until = store::parse_iso_time("2019-03-08");
    q.bbox = std::array<double, 4>{36.4, 35.3, 36.8, 35.7};
    found = 0;
    s.query(q, [&](const store::StoredReport&) { ++found; });
  }
  state.counters["reports_found"] = static_cast<double>(found);
}
BENCHMARK(Store_query_window_bbox)->Name("Store/query_week_bbox_1M")->Unit(benchmark::kMillisecond);

// Every report, as `truceline reports` reads them (no output): each one's content hash and
// indexed columns checked against its JSON (store/integrity.hpp, docs/store-integrity.md).
void Store_query_all(benchmark::State& state) {
  const std::string db = ingested_store(state);
  if (db.empty()) return;
  const store::Store s = store::Store::open_existing(db);
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    s.query(store::Query{}, [&](const store::StoredReport&) { ++found; });
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * found));
  state.counters["reports_found"] = static_cast<double>(found);
}
BENCHMARK(Store_query_all)->Name("Store/query_all_1M")->Unit(benchmark::kSecond)->Iterations(1);

// The checks of a store's integrity over 1 M reports: the counts and index order every reading
// command checks first, `ingest`'s quick_check plus counts, and the full `verify-store`.
void Store_check_counts(benchmark::State& state) {
  const std::string db = ingested_store(state);
  if (db.empty()) return;
  const store::Store s = store::Store::open_existing(db);
  for (auto _ : state) store::check_counts(s);
}
BENCHMARK(Store_check_counts)->Name("Store/check_counts_1M")->Unit(benchmark::kMillisecond);

void Store_check_before_write(benchmark::State& state) {
  const std::string db = ingested_store(state);
  if (db.empty()) return;
  for (auto _ : state) store::check_before_write(db);
}
BENCHMARK(Store_check_before_write)->Name("Store/check_before_write_1M")->Unit(benchmark::kSecond)->Iterations(1);

void Store_verify(benchmark::State& state) {
  const std::string db = ingested_store(state);
  if (db.empty()) return;
  std::size_t problems = 0;
  for (auto _ : state) problems = store::verify(db).size();
  if (problems != 0) state.SkipWithError("verify found problems in a fresh store");
}
BENCHMARK(Store_verify)->Name("Store/verify_store_1M")->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
