// The ledger endpoints (docs/api.md): refusals leave the log unchanged, duplicates return the
// first index, concurrent writers never fork, group commit, and kill -9 during a burst loses
// no entry a client got a 200 for. The server runs as a real process (the built binary),
// except for the group-commit test (in-process, to see the batches).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "server/client.hpp"
#include "server/serve_process.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/server/ledger_service.hpp"

namespace truceline {
namespace {

using nlohmann::json;
using test::HttpClient;
using test::HttpResult;
using test::run_cli;
using test::ServeProcess;
using test::TempDir;
using namespace std::chrono_literals;

const std::string kAgreement = std::string(TRUCELINE_SCENARIO_DIR) + "/idlib-2018/agreement.toml";

ledger::KeyPair key(const std::string& id, unsigned char n) {
  ledger::Seed s{};
  s.fill(n);
  return ledger::key_from_seed(id, s);
}

struct Cast {
  ledger::KeyPair russia = key("russia", 1), turkey = key("turkey", 2), un = key("un", 3), press = key("press", 4),
                  ghost = key("ghost", 5), log = key("log", 9);
  std::string parties_toml() const {
    std::string t = "[log]\norigin = \"truceline/test-server\"\npublic_key = \"" +
                    ledger::public_key_text(log.public_key) + "\"\n";
    for (const auto& [k, role] : {std::pair{&russia, "guarantor"}, {&turkey, "guarantor"}, {&un, "monitor"},
                                  {&press, "observer"}})
      t += "\n[[party]]\nid = \"" + k->id + "\"\npublic_key = \"" + ledger::public_key_text(k->public_key) +
           "\"\nrole = \"" + role + "\"\n";
    return t;
  }
};

int64_t now() { return static_cast<int64_t>(std::time(nullptr)); }

json report_body(const std::string& tag) {
  return json::parse(R"({"observed_at":"2018-10-10T10:00:00+03:00","lon":36.62,"lat":35.93,)"
                     R"("kind":"shelling","summary":"Shelling )" + tag + R"(","source":{"name":"JMM","type":"monitor"}})");
}

json envelope(const ledger::KeyPair& k, const std::string& type, std::optional<uint64_t> ref, json body,
              int64_t t = now()) {
  return ledger::sign_entry(ledger::make_entry(k.id, type, ref, std::move(body), t), k);
}

struct Fixture {
  TempDir t{"truceline-ledger-api"};
  Cast cast;
  std::string db = t / "r.db", parties = t / "parties.toml", server_key = t / "server.key";
  Fixture() {
    std::ofstream(parties) << cast.parties_toml();
    ledger::write_key_file(server_key, cast.log);
  }
  std::vector<std::string> args() const {
    return {"serve", "--db", db, "--agreement", kAgreement, "--parties", parties, "--listen", "127.0.0.1:0",
            "--key", server_key};
  }
  // `ledger verify --db` on the stopped server's store.
  test::CliResult verify() const { return run_cli({"ledger", "verify", "--db", db, "--parties", parties}); }
};

// Size and root of the log, from its checkpoint (lines 2 and 3 of the note).
std::pair<std::string, std::string> head(HttpClient& c) {
  const HttpResult r = c.request("GET", "/v1/checkpoint");
  EXPECT_EQ(r.status, 200u) << r.body;
  std::istringstream in(r.body);
  std::string origin, size, root;
  std::getline(in, origin);
  std::getline(in, size);
  std::getline(in, root);
  return {size, root};
}

std::string error_of(const HttpResult& r) {
  try {
    return json::parse(r.body).at("error").get<std::string>();
  } catch (const std::exception&) {
    return "(no JSON error: " + r.body + ")";
  }
}

TEST(LedgerApi, EachRefusalLeavesTheLogUnchangedAndADuplicateReturnsTheFirstIndex) {
  Fixture f;
  ServeProcess p(TRUCELINE_BIN, f.args(), f.t.dir.string());
  ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
  EXPECT_NE(test::slurp(p.out_path).find("log key truceline/test-server+"), std::string::npos);
  HttpClient c(p.port);

  const json first = envelope(f.cast.russia, "report", std::nullopt, report_body("first"));
  const HttpResult ok = c.request("POST", "/v1/entries", first.dump());
  ASSERT_EQ(ok.status, 200u) << ok.body;
  const json receipt = json::parse(ok.body);
  EXPECT_EQ(receipt.at("index"), 0);
  EXPECT_EQ(receipt.at("duplicate"), false);
  EXPECT_EQ(receipt.at("tree_size"), 1);
  EXPECT_NE(receipt.at("checkpoint").get<std::string>().find("truceline/test-server\n1\n"), std::string::npos);
  const auto before = head(c);
  EXPECT_EQ(before.first, "1");

  json bad_sig = envelope(f.cast.turkey, "notification", std::nullopt, {{"kind", "patrol"}});
  {
    std::string s = bad_sig["signature"];
    s[5] = s[5] == 'A' ? 'B' : 'A';
    bad_sig["signature"] = s;
  }
  json other_key = ledger::sign_entry(
      ledger::make_entry("russia", "notification", std::nullopt, {{"kind", "patrol"}}, now()), f.cast.turkey);
  json missing = ledger::make_entry("turkey", "notification", std::nullopt, {{"kind", "patrol"}}, now());
  missing.erase("nonce");
  const json missing_env = {{"entry", missing}, {"signature", ledger::base64(std::string(64, 'x'))}};
  struct Case {
    std::string name, body;
    unsigned status;
    std::string reason;  // a part of the error
  } cases[] = {
      {"unknown party", envelope(f.cast.ghost, "notification", std::nullopt, {{"kind", "patrol"}}).dump(), 403,
       "ghost"},
      {"observer", envelope(f.cast.press, "dispute", 0, {{"reason", "no"}}).dump(), 403, "observer"},
      {"bad signature", bad_sig.dump(), 401, "signature"},
      {"party is not the key's", other_key.dump(), 401, "signature"},
      {"malformed JSON", "{\"entry\": {", 400, "malformed JSON"},
      {"not an object", "[1,2]", 400, "JSON object"},
      {"missing field", missing_env.dump(), 400, "nonce"},
      {"stale timestamp", envelope(f.cast.turkey, "ack", 0, json::object(), now() - 3600).dump(), 400, "timestamp"},
      {"future timestamp", envelope(f.cast.turkey, "ack", 0, json::object(), now() + 3600).dump(), 400, "timestamp"},
      {"ref beyond the log", envelope(f.cast.turkey, "ack", 7, json::object()).dump(), 400, "ref"},
      {"oversize body", json{{"entry", {{"pad", std::string((1u << 20) + 10, 'x')}}}}.dump(), 400, "1 MiB"},
  };
  for (const auto& k : cases) {
    HttpClient one(p.port);
    const HttpResult r = one.request("POST", "/v1/entries", k.body);
    EXPECT_EQ(r.status, k.status) << k.name << ": " << r.body << r.error;
    EXPECT_NE(error_of(r).find(k.reason), std::string::npos) << k.name << ": " << r.body;
    EXPECT_EQ(head(c), before) << k.name << " changed the log";
  }

  const HttpResult dup = c.request("POST", "/v1/entries", first.dump());
  ASSERT_EQ(dup.status, 200u) << dup.body;
  EXPECT_EQ(json::parse(dup.body).at("index"), 0);
  EXPECT_EQ(json::parse(dup.body).at("duplicate"), true);
  EXPECT_EQ(head(c), before);

  // An answer to it is accepted, with its proofs.
  const HttpResult ack = c.request("POST", "/v1/entries", envelope(f.cast.turkey, "ack", 0, json::object()).dump());
  ASSERT_EQ(ack.status, 200u) << ack.body;
  EXPECT_EQ(json::parse(ack.body).at("index"), 1);
  const json incl = json::parse(c.request("GET", "/v1/proof/inclusion?index=0&size=2").body);
  EXPECT_EQ(incl.at("leaf_hash"), receipt.at("leaf_hash"));
  EXPECT_EQ(incl.at("hashes").size(), 1u);
  const json cons = json::parse(c.request("GET", "/v1/proof/consistency?old=1&new=2").body);
  EXPECT_EQ(cons.at("hashes").size(), 1u);
  const json entries = json::parse(c.request("GET", "/v1/entries?start=0&end=10").body);
  ASSERT_EQ(entries.at("entries").size(), 2u);
  EXPECT_EQ(entries["entries"][0].at("envelope"), first);
  EXPECT_EQ(c.request("GET", "/v1/log-key").body.rfind("truceline/test-server+", 0), 0u);
  EXPECT_EQ(c.request("GET", "/v1/proof/inclusion?index=2&size=2").status, 400u);
  EXPECT_EQ(c.request("GET", "/v1/proof/consistency?old=3").status, 400u);
  EXPECT_EQ(c.request("GET", "/v1/entries?start=x").status, 400u);
  // The report entry is in the report store, with its ledger index.
  const HttpResult reports = c.request("GET", "/v1/reports");
  EXPECT_NE(reports.body.find("\"ledger_index\":0"), std::string::npos) << reports.body;
  EXPECT_EQ(json::parse(c.request("GET", "/v1/health").body).at("size"), 2);

  EXPECT_EQ(p.stop(SIGTERM), 0) << test::slurp(p.err_path);
  const auto v = f.verify();
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  EXPECT_EQ(v.out.rfind("ok: 2 entries", 0), 0u) << v.out;
}

TEST(LedgerApi, EightConcurrentClientsNeverFork) {
  Fixture f;
  ServeProcess p(TRUCELINE_BIN, f.args(), f.t.dir.string());
  ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
  constexpr int kClients = 8, kEach = 25;
  const ledger::KeyPair* keys[] = {&f.cast.russia, &f.cast.turkey, &f.cast.un};
  std::mutex m;
  std::vector<uint64_t> indexes;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int c = 0; c < kClients; ++c)
    threads.emplace_back([&, c] {
      HttpClient client(p.port);
      for (int i = 0; i < kEach; ++i) {
        const auto& k = *keys[(c + i) % 3];
        const HttpResult r = client.request(
            "POST", "/v1/entries",
            envelope(k, "report", std::nullopt, report_body(std::to_string(c) + "-" + std::to_string(i))).dump());
        if (r.status != 200) {
          ++failures;
          continue;
        }
        std::lock_guard lock(m);
        indexes.push_back(json::parse(r.body).at("index").get<uint64_t>());
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  std::sort(indexes.begin(), indexes.end());
  ASSERT_EQ(indexes.size(), static_cast<std::size_t>(kClients * kEach));
  for (std::size_t i = 0; i < indexes.size(); ++i) ASSERT_EQ(indexes[i], i) << "indexes not contiguous";
  HttpClient c(p.port);
  EXPECT_EQ(head(c).first, std::to_string(kClients * kEach));
  EXPECT_EQ(p.stop(SIGTERM), 0);
  const auto v = f.verify();
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  EXPECT_EQ(v.out.rfind("ok: " + std::to_string(kClients * kEach) + " entries", 0), 0u) << v.out;
}

// Group commit, deterministically: the writer is held inside its first batch while 40 more
// entries arrive; they must all go into the next single append (one transaction).
TEST(LedgerApi, EntriesQueuedDuringACommitGoIntoOneTransaction) {
  Fixture f;
  std::promise<void> in_first;
  std::atomic<bool> go{false};
  std::vector<std::size_t> batches;
  std::mutex m;
  server::LogLedger::Options o;
  o.db = f.db;
  const agreement::Agreement a = agreement::load_valid(kAgreement);
  o.parties = ledger::Parties::load(f.parties, &a);
  o.key = f.cast.log;
  o.before_batch = [&](std::size_t n) {
    std::lock_guard lock(m);
    batches.push_back(n);
    if (batches.size() == 1) {
      in_first.set_value();
      while (!go) std::this_thread::sleep_for(1ms);
    }
  };
  server::LogLedger l(std::move(o));
  std::atomic<int> answered{0}, accepted{0};
  auto reply = [&](server::Response r) {
    if (r.status == 200) ++accepted;
    ++answered;
  };
  l.submit(envelope(f.cast.russia, "report", std::nullopt, report_body("lead")).dump(), reply);
  in_first.get_future().wait();
  for (int i = 0; i < 40; ++i)
    l.submit(envelope(f.cast.turkey, "report", std::nullopt, report_body(std::to_string(i))).dump(), reply);
  go = true;
  l.stop();  // appends what is queued, then returns
  EXPECT_EQ(answered.load(), 41);
  EXPECT_EQ(accepted.load(), 41);
  EXPECT_EQ(batches, (std::vector<std::size_t>{1, 40}));
  EXPECT_EQ(l.commits(), 2u);
  EXPECT_EQ(l.size(), 41u);
  // After stop: 503.
  server::Response late;
  l.submit(envelope(f.cast.turkey, "report", std::nullopt, report_body("late")).dump(),
           [&](server::Response r) { late = std::move(r); });
  EXPECT_EQ(late.status, 503u);
}

// kill -9 of the server at random moments during a burst from several clients: every entry a
// client got a 200 for is in the log after a restart, at the index it was given, and the log
// verifies. Bounded: 5 rounds, each killed within 0.1-0.8 s of the burst's start.
TEST(LedgerApi, KillNineDuringABurstLosesNoAcknowledgedEntry) {
  Fixture f;
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  const ledger::KeyPair* keys[] = {&f.cast.russia, &f.cast.turkey, &f.cast.un};
  std::map<uint64_t, std::string> acknowledged;  // index -> leaf hash
  std::mutex m;
  int counter = 0;
  for (int round = 0; round < 5; ++round) {
    ServeProcess p(TRUCELINE_BIN, f.args(), f.t.dir.string(), "round" + std::to_string(round));
    ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
    {
      // Everything acknowledged so far survived the previous kill, at its index.
      HttpClient c(p.port);
      for (const auto& [index, leaf] : acknowledged) {
        const json e = json::parse(c.request("GET", fmt::format("/v1/entries?start={}&end={}", index, index + 1)).body);
        ASSERT_EQ(e.at("entries").size(), 1u) << "entry " << index << " lost after kill -9 (round " << round << ")";
        ASSERT_EQ(e["entries"][0].at("leaf_hash"), leaf) << "entry " << index;
      }
    }
    std::atomic<bool> dead{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      std::vector<json> mine;
      for (int i = 0; i < 400; ++i) {
        const auto& k = *keys[(c + i) % 3];
        mine.push_back(envelope(k, "report", std::nullopt, report_body(fmt::format("k{}-{}", round, counter++))));
      }
      clients.emplace_back([&, mine = std::move(mine)] {
        HttpClient client(p.port);
        for (const auto& e : mine) {
          const HttpResult r = client.request("POST", "/v1/entries", e.dump());
          if (r.status == 0) {
            if (dead) return;
            continue;
          }
          if (r.status == 200) {
            const json j = json::parse(r.body);
            std::lock_guard lock(m);
            acknowledged[j.at("index").get<uint64_t>()] = j.at("leaf_hash").get<std::string>();
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 800)(rng)));
    dead = true;
    p.stop(SIGKILL);
    for (auto& t : clients) t.join();
  }
  ASSERT_FALSE(acknowledged.empty());
  // A last start: everything is there; then the offline verification of the store.
  {
    ServeProcess p(TRUCELINE_BIN, f.args(), f.t.dir.string(), "final");
    ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
    HttpClient c(p.port);
    for (const auto& [index, leaf] : acknowledged) {
      const json e = json::parse(c.request("GET", fmt::format("/v1/entries?start={}&end={}", index, index + 1)).body);
      ASSERT_EQ(e.at("entries").size(), 1u) << "entry " << index << " lost";
      ASSERT_EQ(e["entries"][0].at("leaf_hash"), leaf);
    }
    EXPECT_EQ(p.stop(SIGTERM), 0);
  }
  const auto v = f.verify();
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  EXPECT_EQ(v.out.rfind("ok: ", 0), 0u) << v.out;
}

}  // namespace
}  // namespace truceline
