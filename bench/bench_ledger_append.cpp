// Ledger/append: durable signed appends per second through the HTTP API (issue 12; target
// >= 1,000/s on 2 cores; Trillian v1: ~60/s), with 8 concurrent client connections (keep-alive,
// one thread each), beside floors measured in the same run on the same disk:
//   floor_sqlite_per_s   raw SQLite inserts of the same rows (envelope text, leaf hash, time),
//                        WAL, synchronous=FULL, ONE transaction per insert (a durable insert
//                        each: what a server without group commit could do at best)
//   floor_batched_per_s  the same rows, 64 per transaction (what batching buys the raw store)
// Counters: appends_per_s, the floors, ratio = appends_per_s / floor_sqlite_per_s, and
// rows_per_commit (entries per transaction the server's group commit achieved).
// The server is in-process (server::HttpServer + Api + LogLedger, as `truceline serve` wires
// them) on 127.0.0.1, port chosen by the system; envelopes are signed before the clock starts.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "../tests/server/client.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/server/api.hpp"
#include "truceline/server/http.hpp"
#include "truceline/server/ledger_service.hpp"

namespace {

using namespace truceline;
namespace fs = std::filesystem;

constexpr int kClients = 8;
constexpr int kPerClient = 400;  // 3,200 appends
constexpr int kFloorRows = 400;  // fsync'd one by one: the slow floor
constexpr int kBatchedRows = 3200;

ledger::KeyPair bench_key(const std::string& id, unsigned char n) {
  ledger::Seed s{};
  s.fill(n);
  return ledger::key_from_seed(id, s);
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string what = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(what);
  }
}

// Inserts `rows` into a fresh WAL store with synchronous=FULL, `per_txn` rows per transaction;
// rows per second.
double sqlite_floor(const fs::path& dir, const std::vector<std::string>& rows, int per_txn) {
  const std::string path = (dir / ("floor-" + std::to_string(per_txn) + ".db")).string();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
           "CREATE TABLE entry(idx INTEGER PRIMARY KEY, envelope TEXT NOT NULL, leaf_hash BLOB NOT NULL UNIQUE, "
           "received INTEGER NOT NULL)");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO entry(idx, envelope, leaf_hash, received) VALUES (?,?,?,?)", -1, &st, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i % per_txn == 0) exec(db, "BEGIN IMMEDIATE");
    const ledger::Hash h = ledger::sha256(rows[i]);
    sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_text(st, 2, rows[i].data(), static_cast<int>(rows[i].size()), SQLITE_STATIC);
    sqlite3_bind_blob(st, 3, h.data(), 32, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, 1700000000);
    if (sqlite3_step(st) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    sqlite3_reset(st);
    if ((i + 1) % per_txn == 0 || i + 1 == rows.size()) exec(db, "COMMIT");
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  sqlite3_finalize(st);
  sqlite3_close(db);
  return static_cast<double>(rows.size()) / s;
}

void BM_LedgerAppend(benchmark::State& state) {
  const fs::path dir = fs::temp_directory_path() / ("truceline-bench-append-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const agreement::Agreement agreement =
      agreement::load_valid(std::string(TRUCELINE_SCENARIO_DIR) + "/idlib-2018/agreement.toml");
  std::vector<ledger::KeyPair> keys;
  ledger::Parties parties;
  parties.origin = "truceline/bench";
  for (int i = 0; i < kClients; ++i) {
    keys.push_back(bench_key("monitor-" + std::to_string(i), static_cast<unsigned char>(i + 1)));
    parties.parties.push_back({keys.back().id, "monitor", keys.back().public_key});
  }
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  // Signed before timing: notifications (the body is not a report: the append path measured is
  // the ledger's own; a report entry adds the report store's insert to the same transaction).
  std::vector<std::vector<std::string>> bodies(kClients);
  std::vector<std::string> all_rows;
  for (int c = 0; c < kClients; ++c)
    for (int i = 0; i < kPerClient; ++i) {
      const auto env = ledger::sign_entry(
          ledger::make_entry(keys[c].id, "notification", std::nullopt,
                             {{"kind", "patrol"}, {"seq", i}, {"from", "2018-10-10T06:00:00Z"}}, now),
          keys[c]);
      bodies[c].push_back(env.dump());
      all_rows.push_back(env.dump());
    }
  for (auto _ : state) {
    const std::string db = (dir / "ledger.db").string();
    fs::remove(db);
    server::LogLedger::Options lo;
    lo.db = db;
    lo.parties = parties;
    lo.key = bench_key("log", 99);
    server::LogLedger ledger(std::move(lo));
    server::ApiOptions ao;
    ao.db = db;
    server::Api api(agreement, ao, &ledger);
    server::HttpOptions ho;
    ho.address = "127.0.0.1";
    ho.port = 0;
    server::HttpServer http(ho, [&api](server::Request r, server::Reply reply) { api.handle(std::move(r), std::move(reply)); });
    std::atomic<int> failed{0};
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c)
      clients.emplace_back([&, c] {
        test::HttpClient client(http.port());
        for (const auto& b : bodies[c])
          if (client.request("POST", "/v1/entries", b).status != 200) ++failed;
      });
    for (auto& t : clients) t.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    state.SetIterationTime(s);
    if (failed) state.SkipWithError("some appends were not accepted");
    const double rate = kClients * kPerClient / s;
    state.counters["appends_per_s"] = rate;
    state.counters["rows_per_commit"] = static_cast<double>(kClients * kPerClient) / static_cast<double>(ledger.commits());
    http.stop();
    ledger.stop();
    const std::vector<std::string> floor_rows(all_rows.begin(), all_rows.begin() + kFloorRows);
    const double floor = sqlite_floor(dir, floor_rows, 1);
    const std::vector<std::string> batched_rows(all_rows.begin(), all_rows.begin() + kBatchedRows);
    const double batched = sqlite_floor(dir, batched_rows, 64);
    state.counters["floor_sqlite_per_s"] = floor;
    state.counters["floor_batched_per_s"] = batched;
    state.counters["ratio"] = rate / floor;
  }
  fs::remove_all(dir);
}
BENCHMARK(BM_LedgerAppend)->Name("Ledger/append")->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
