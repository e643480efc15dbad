// Store/*: ingest 1 M synthetic JSONL reports, against the floor a user would otherwise have —
// SQLite's own `.import` of the same rows as CSV into a plain table (no validation, no
// hashing, no index) — and time/bbox queries over the result.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

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
