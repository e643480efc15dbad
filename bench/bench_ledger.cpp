// Ledger/verify_1M: offline verification (ledger::verify_store, what `truceline ledger verify
// --db` runs) of a log of 1 M signed entries: every signature, the tree, the checkpoints.
// The log is built once per run (signed in parallel, appended in batches of 10,000 through
// ledger::Log, the server's path) in a temporary file, removed at exit. Target: < 10 s.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "truceline/ledger/log.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/verify.hpp"

namespace {

using namespace truceline;
namespace fs = std::filesystem;

constexpr std::size_t kEntries = 1'000'000;
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
      // Acks of earlier entries and patrol notifications, signed on all cores.
      auto sign = [&](std::size_t from, std::size_t step) {
        for (std::size_t i = from; i < kBatch; i += step) {
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
  for (auto _ : state) {
    const ledger::VerifyResult r = ledger::verify_store(d.db, d.parties, key);
    if (!r.ok || r.entries != kEntries) state.SkipWithError(("verify failed: " + r.problem).c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kEntries));
  state.counters["threads"] = std::max(1u, std::thread::hardware_concurrency());
}
BENCHMARK(Ledger_verify_1M)->Name("Ledger/verify_1M")->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
