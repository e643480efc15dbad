// Ledger/verify_1M: offline verification (ledger::verify_store, what `truceline ledger verify
// --db` runs) of a log of 1 M signed entries: every signature, the tree, the checkpoints.
// The log is built once per run (signed in parallel, appended in batches of 10,000 through
// ledger::Log, the server's path) in a temporary file, removed at exit. Target: < 10 s.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>

#include <filesystem>
#include <thread>

#include "truceline/ledger/log.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/verify.hpp"

namespace {

using namespace truceline;
namespace fs = std::filesystem;

// TRUCELINE_BENCH_LEDGER_ENTRIES overrides the size (a reduced run on a loaded machine).
const std::size_t kEntries = [] {
  const char* e = std::getenv("TRUCELINE_BENCH_LEDGER_ENTRIES");
  return e ? static_cast<std::size_t>(std::stoull(e)) : std::size_t{1'000'000};
}();
constexpr std::size_t kBatch = 10'000;
constexpr int64_t kNow = 1700000000;

struct LedgerData {
  fs::path dir = fs::temp_directory_path() / ("truceline-bench-ledger-" + std::to_string(::getpid()));
  std::string db = (dir / "ledger.db").string();
  std::vector<ledger::KeyPair> keys;
  ledger::KeyPair log_key;
  ledger::Parties parties;
  LedgerData() {
    fs::create_directories(dir);
    for (unsigned char i = 0; i < 8; ++i) {
      ledger::Seed s{};
      s.fill(static_cast<unsigned char>(i + 1));
      keys.push_back(ledger::key_from_seed("party-" + std::to_string(i), s));
      parties.parties.push_back({keys.back().id, "guarantor", keys.back().public_key});
    }
    ledger::Seed s{};
    s.fill(99);
    log_key = ledger::key_from_seed("log", s);
    parties.origin = "truceline/bench";
    parties.log_key = log_key.public_key;
    ledger::Log log = ledger::Log::open(db, parties, log_key);
    std::vector<nlohmann::json> batch(kBatch);
    for (std::size_t start = 0; start < kEntries; start += kBatch) {
      batch.resize(std::min(kBatch, kEntries - start));
      // Acks of earlier entries and patrol notifications, signed on all cores.
      auto sign = [&](std::size_t from, std::size_t step) {
        for (std::size_t i = from; i < batch.size(); i += step) {
          const std::size_t n = start + i;
          const auto& k = keys[n % keys.size()];
          nlohmann::json e = n % 3 == 0
                                 ? ledger::make_entry(k.id, "notification", std::nullopt,
                                                      {{"kind", "patrol"}, {"seq", n}}, kNow)
                                 : ledger::make_entry(k.id, "ack", n - 1, {{"note", "seen"}}, kNow);
          batch[i] = ledger::sign_entry(e, k);
        }
      };
      const unsigned t = std::max(1u, std::thread::hardware_concurrency());
      std::vector<std::thread> pool;
      for (unsigned w = 1; w < t; ++w) pool.emplace_back(sign, w, t);
      sign(0, t);
      for (auto& th : pool) th.join();
      log.append(batch, kNow);
    }
  }
  ~LedgerData() { fs::remove_all(dir); }
};

LedgerData& ledger_data() {
  static LedgerData d;
  return d;
}

void Ledger_verify_1M(benchmark::State& state) {
  LedgerData& d = ledger_data();
  const auto key = ledger::verifier_key(d.parties.origin, d.log_key.public_key);
  // CPU seconds of all threads (Google Benchmark's CPU time is the main thread's only): on a
  // loaded machine, cpu_s / cores is the wall time the run would take on idle cores.
  auto cpu_s = [] {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  double used = 0;
  for (auto _ : state) {
    const double before = cpu_s();
    const ledger::VerifyResult r = ledger::verify_store(d.db, d.parties, key);
    used += cpu_s() - before;
    if (!r.ok || r.entries != kEntries) state.SkipWithError(("verify failed: " + r.problem).c_str());
  }
  state.counters["cpu_s_all_threads"] = used / static_cast<double>(state.iterations());
  state.counters["entries"] = static_cast<double>(kEntries);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kEntries));
  state.counters["threads"] = std::max(1u, std::thread::hardware_concurrency());
}
BENCHMARK(Ledger_verify_1M)->Name("Ledger/verify_1M")->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
