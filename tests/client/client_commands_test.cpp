// The client commands (submit, ack, dispute, notify, ledger log, ledger verify --server) in
// process, against a loopback Beast server written here that plays the API of docs/api.md over
// the ledger's own Log (ledger/log.hpp) in a temporary store. The real `truceline serve` is
// exercised by serve_e2e_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "client/fake_server.hpp"
#include "ledger/fixture.hpp"
#include "support/run_cli.hpp"
#include "truceline/ledger/log.hpp"

namespace truceline {
namespace {

using ledger::testing::Cast;
using ledger::testing::TempDir;
using nlohmann::json;
using test::FakeRequest;
using test::FakeResponse;
using test::FakeServer;
using test::run_cli;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> query(const std::string& target, const std::string& key) {
  const auto q = target.find('?');
  if (q == std::string::npos) return std::nullopt;
  std::istringstream ss(target.substr(q + 1));
  std::string kv;
  while (std::getline(ss, kv, '&'))
    if (kv.rfind(key + "=", 0) == 0) return kv.substr(key.size() + 1);
  return std::nullopt;
}

// The API of docs/api.md over a Log, on the server's thread (a Log is used by one thread).
// `tamper`: an index whose envelope GET /v1/entries serves with its body edited.
struct LedgerServer {
  TempDir dir;
  Cast cast;
  std::string parties_path = dir.write("parties.toml", cast.parties_toml());
  std::optional<ledger::Log> log;
  std::optional<uint64_t> tamper;
  std::function<std::optional<FakeResponse>(const FakeRequest&)> override_;
  std::mutex m;
  FakeServer srv{[this](const FakeRequest& r) { return handle(r); }};

  FakeResponse handle(const FakeRequest& r) {
    std::lock_guard<std::mutex> l(m);
    if (override_)
      if (auto o = override_(r)) return *o;
    if (!log) log.emplace(ledger::Log::open(dir.file("store.db"), cast.parties(), cast.log));
    const std::string path = r.target.substr(0, r.target.find('?'));
    if (r.method == "POST" && path == "/v1/entries") {
      json env;
      try {
        env = json::parse(r.body);
      } catch (const json::exception&) {
        return {400, R"({"error":"malformed JSON"})"};
      }
      const auto out = log->append({env}, now_unix()).at(0);
      if (out.status != 200) return {out.status, json{{"error", out.reason}}.dump()};
      return {200, json{{"index", out.index},
                        {"leaf_hash", ledger::to_hex(out.leaf_hash)},
                        {"duplicate", out.duplicate},
                        {"tree_size", log->size()},
                        {"checkpoint", log->checkpoint()}}
                       .dump()};
    }
    if (r.method == "GET" && path == "/v1/entries") {
      const uint64_t a = std::stoull(query(r.target, "start").value_or("0"));
      const uint64_t b = std::min<uint64_t>(std::stoull(query(r.target, "end").value_or("0")), a + 1000);
      json es = json::array();
      for (auto& e : log->entries(a, b)) {
        json env = e.envelope;
        if (tamper && e.index == *tamper) env["entry"]["body"]["summary"] = "edited by the operator";
        es.push_back({{"index", e.index}, {"envelope", env}, {"leaf_hash", ledger::to_hex(e.leaf_hash)},
                      {"received", "2023-11-14T22:13:20Z"}});
      }
      return {200, json{{"entries", es}}.dump()};
    }
    if (r.method == "GET" && path == "/v1/checkpoint") return {200, log->checkpoint(), "text/plain"};
    return {404, R"({"error":"no such endpoint"})"};
  }

  std::string key_file(const ledger::KeyPair& k, const std::string& name) {
    const std::string p = dir.file(name);
    ledger::write_key_file(p, k, true);
    return p;
  }
  uint64_t size() {
    std::lock_guard<std::mutex> l(m);
    if (!log) log.emplace(ledger::Log::open(dir.file("store.db"), cast.parties(), cast.log));
    return log->size();
  }
  std::string root_hex() {
    std::lock_guard<std::mutex> l(m);
    return ledger::to_hex(log->root());
  }
};

const char* kReports =
    R"({"observed_at":"2020-02-20T10:00:00+03:00","lon":36.25,"lat":35.545,"kind":"shelling","summary":"one","source":{"name":"JMM","type":"monitor"}})"
    "\n\n"
    R"({"observed_at":"2020-02-20T11:00:00+03:00","lon":36.26,"lat":35.546,"kind":"patrol","summary":"two","source":{"name":"JMM","type":"monitor"}})"
    "\n";

TEST(ClientCommands, SubmitSignsEachLineAndWritesReceipts) {
  LedgerServer s;
  const std::string key = s.key_file(s.cast.jmm, "jmm.key");
  const std::string file = s.dir.write("r.jsonl", kReports);
  const std::string receipts = s.dir.file("receipts.jsonl");
  const auto r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, file, "--receipts",
                          receipts});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "submitted 2, duplicates 0, rejected 0\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(s.size(), 2u);
  std::istringstream lines(read(receipts));
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    const json j = json::parse(line);
    EXPECT_EQ(j["index"], n);
    EXPECT_EQ(j["leaf_hash"].get<std::string>().size(), 64u);
    EXPECT_GE(j["tree_size"].get<int>(), n + 1);
    EXPECT_EQ(j["checkpoint"].get<std::string>().rfind("truceline/test\n", 0), 0u);
    ++n;
  }
  EXPECT_EQ(n, 2);
  // The receipts check out against the server's log.
  const auto v = run_cli({"ledger", "verify", "--server", s.srv.url(), "--parties", s.parties_path, "--receipts",
                          receipts});
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  EXPECT_EQ(v.out, "ok: 2 entries, root " + s.root_hex() + "\n");
}

TEST(ClientCommands, SubmitCountsDuplicatesAndRejectionsWithTheServersReason) {
  LedgerServer s;
  s.override_ = [](const FakeRequest& r) -> std::optional<FakeResponse> {
    if (r.body.find("\"summary\":\"two\"") != std::string::npos)
      return FakeResponse{400, R"({"error":"entry.body.kind: not accepted here"})"};
    if (r.body.find("\"summary\":\"three\"") != std::string::npos)
      return FakeResponse{200, R"({"index":0,"leaf_hash":"00","duplicate":true,"tree_size":1,"checkpoint":"x"})"};
    return std::nullopt;
  };
  const std::string key = s.key_file(s.cast.jmm, "jmm.key");
  std::string text = kReports;
  text += R"({"observed_at":"2020-02-20","place":"Saraqib","kind":"other","summary":"three","source":{"name":"JMM"}})"
          "\n";
  const std::string file = s.dir.write("r.jsonl", text);
  const auto r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, file});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "submitted 1, duplicates 1, rejected 1\n");
  EXPECT_EQ(r.err, file + ":3: rejected (400): entry.body.kind: not accepted here\n");
}

// Receipts are the evidence a party keeps: a second run with the same --receipts adds to the
// file (it never replaces the earlier receipts, not even when the server cannot be reached), and
// a file that is not a receipts file is refused before anything is sent.
TEST(ClientCommands, SubmitAddsToAnExistingReceiptsFile) {
  LedgerServer s;
  const std::string key = s.key_file(s.cast.jmm, "jmm.key");
  const std::string file = s.dir.write("r.jsonl", kReports);
  const std::string receipts = s.dir.file("receipts.jsonl");
  auto r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, file, "--receipts", receipts});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string first = read(receipts);
  const std::string url = "http://127.0.0.1:" + std::to_string(test::refused_port());
  r = run_cli({"submit", "--server", url, "--party", "jmm", "--key", key, file, "--receipts", receipts});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(read(receipts), first);
  r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, file, "--receipts", receipts});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string both = read(receipts);
  ASSERT_EQ(both.substr(0, first.size()), first);
  EXPECT_EQ(std::count(both.begin(), both.end(), '\n'), 4);
  const auto v = run_cli({"ledger", "verify", "--server", s.srv.url(), "--parties", s.parties_path, "--receipts",
                          receipts});
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  // --receipts naming the reports file by mistake: refused, the file untouched, nothing sent.
  const std::size_t sent = s.srv.requests().size();
  r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, file, "--receipts", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("truceline: error: --receipts " + file + ": not a receipts file ("), std::string::npos)
      << r.err;
  EXPECT_EQ(read(file), kReports);
  EXPECT_EQ(s.srv.requests().size(), sent);
}

// A server shutting down (503) or failing (5xx) appended nothing: the entry is not "rejected"
// (it is fine, the server is not); submit stops there and says which lines are left to send.
TEST(ClientCommands, SubmitStopsAtAServerShuttingDownAndNamesTheLinesLeft) {
  LedgerServer s;
  s.override_ = [](const FakeRequest& r) -> std::optional<FakeResponse> {
    if (r.body.find("\"summary\":\"two\"") != std::string::npos)
      return FakeResponse{503, R"({"error":"the server is shutting down"})"};
    return std::nullopt;
  };
  const std::string key = s.key_file(s.cast.jmm, "jmm.key");
  std::string text = kReports;
  text += R"({"observed_at":"2020-02-20","place":"Saraqib","kind":"other","summary":"three","source":{"name":"JMM"}})"
          "\n";
  const std::string file = s.dir.write("r.jsonl", text);
  const std::string receipts = s.dir.file("receipts.jsonl");
  const auto r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, file, "--receipts",
                          receipts});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "submitted 1, duplicates 0, rejected 0 (stopped: the server answered 503)\n");
  EXPECT_EQ(r.err, file + ":3: stopped here: this line and the 1 after it were not submitted (503 Service "
                   "Unavailable: the server is shutting down); once the server is back, submit them: tail -n +3 " +
                   file + "\ntruceline: error: " + s.srv.url() +
                   ": 503 Service Unavailable: the server is shutting down\n");
  EXPECT_EQ(s.size(), 1u);
  // Only the second request was answered 503: the third line was not sent.
  EXPECT_EQ(s.srv.requests().size(), 2u);
  const std::string written = read(receipts);
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 1);
}

TEST(ClientCommands, SubmitReportsUnknownPartyAndBadSignatureAsTheServerRefusesThem) {
  LedgerServer s;
  // 403: a party the parties file does not list.
  const auto stranger = ledger::testing::test_key("stranger", 7);
  const std::string file = s.dir.write("r.jsonl", kReports);
  auto r = run_cli({"submit", "--server", s.srv.url(), "--party", "stranger", "--key",
                    s.key_file(stranger, "stranger.key"), file});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "submitted 0, duplicates 0, rejected 2\n");
  EXPECT_NE(r.err.find(file + ":1: rejected (403): "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":3: rejected (403): "), std::string::npos) << r.err;
  // 401: a key file named for jmm whose key is not jmm's.
  const auto forged = ledger::testing::test_key("jmm", 8);
  r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", s.key_file(forged, "forged.key"), file});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(file + ":1: rejected (401): "), std::string::npos) << r.err;
  EXPECT_EQ(s.size(), 0u);
}

TEST(ClientCommands, SubmitRefusesAKeyOfAnotherPartyAndInvalidLinesBeforeSending) {
  LedgerServer s;
  const std::string key = s.key_file(s.cast.jmm, "jmm.key");
  const std::string file = s.dir.write("r.jsonl", kReports);
  auto r = run_cli({"submit", "--server", s.srv.url(), "--party", "north-force", "--key", key, file});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "truceline: error: " + key + ": the key is party 'jmm''s (kid), not --party 'north-force'\n"
                   "Run 'truceline submit --help' for usage.\n");
  const std::string bad = s.dir.write("bad.jsonl", std::string(kReports) + R"({"kind":"shelling"})" + "\n");
  r = run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", key, bad});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(bad + ":4: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truceline: error: " + bad + ": 1 invalid line: nothing submitted\n"), std::string::npos);
  EXPECT_TRUE(s.srv.requests().empty());
}

TEST(ClientCommands, ConnectionRefusedIsAUserErrorNamingTheServer) {
  Cast cast;
  TempDir dir;
  const std::string key = dir.file("jmm.key");
  ledger::write_key_file(key, cast.jmm);
  const std::string file = dir.write("r.jsonl", kReports);
  const std::string url = "http://127.0.0.1:" + std::to_string(test::refused_port());
  const auto r = run_cli({"submit", "--server", url, "--party", "jmm", "--key", key, file});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "submitted 0, duplicates 0, rejected 0 (stopped: the server cannot be reached)\n");
  EXPECT_EQ(r.err, file + ":1: stopped here: this line and the 1 after it were not submitted (the server cannot be "
                   "reached); once the server is back, submit them: tail -n +1 " + file + "\n"
                   "truceline: error: cannot reach " + url + ": Connection refused\n");
  const auto l = run_cli({"ledger", "log", "--server", url});
  EXPECT_EQ(l.status, 2);
  EXPECT_EQ(l.err, "truceline: error: cannot reach " + url + ": Connection refused\n");
}

TEST(ClientCommands, AckDisputeNotifyAndTheLogListingThem) {
  LedgerServer s;
  const std::string jmm = s.key_file(s.cast.jmm, "jmm.key"), north = s.key_file(s.cast.north, "north.key");
  ASSERT_EQ(run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", jmm,
                     s.dir.write("r.jsonl", kReports)})
                .status,
            0);
  auto r = run_cli({"ack", "--server", s.srv.url(), "--party", "north-force", "--key", north, "--entry", "0",
                    "--note", "seen"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "ack: index 2\n");
  r = run_cli({"dispute", "--server", s.srv.url(), "--party", "north-force", "--key", north, "--entry", "1",
               "--reason", "no patrol\tthere"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "dispute: index 3\n");
  // A dispute needs its reason; a blank one is refused before anything is sent.
  r = run_cli({"dispute", "--server", s.srv.url(), "--party", "north-force", "--key", north, "--entry", "1"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--reason is required"), std::string::npos) << r.err;
  r = run_cli({"dispute", "--server", s.srv.url(), "--party", "north-force", "--key", north, "--entry", "1",
               "--reason", "  "});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--reason: a dispute says why"), std::string::npos) << r.err;
  // An answer to an entry the log does not hold: the server's 400, exit 1.
  r = run_cli({"ack", "--server", s.srv.url(), "--party", "north-force", "--key", north, "--entry", "99"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("truceline: error: rejected (400): ", 0), 0u) << r.err;
  // A patrol notification, checked locally first.
  const std::string plan = s.dir.write(
      "plan.json",
      R"({"kind":"patrol","from":"2020-02-21T06:00:00Z","until":"2020-02-21T09:00:00Z","route":{"type":"LineString","coordinates":[[36.5,35.5],[36.5,35.8]]}})");
  r = run_cli({"notify", "--server", s.srv.url(), "--party", "north-force", "--key", north, plan});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "notification: index 4\n");
  const std::string bad_plan =
      s.dir.write("bad.json", R"({"kind":"patrol","from":"2020-02-21","until":"2020-02-21T09:00:00Z"})");
  r = run_cli({"notify", "--server", s.srv.url(), "--party", "north-force", "--key", north, bad_plan});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(bad_plan + ": from: expected an ISO 8601 date-time with offset or Z"), std::string::npos)
      << r.err;

  const auto l = run_cli({"ledger", "log", "--server", s.srv.url(), "--from", "1"});
  EXPECT_EQ(l.status, 0) << l.err;
  std::istringstream lines(l.out);
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  ASSERT_EQ(got.size(), 4u) << l.out;
  auto fields = [](const std::string& line) {
    std::vector<std::string> f;
    std::istringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    return f;
  };
  auto f = fields(got[0]);
  ASSERT_EQ(f.size(), 6u);
  EXPECT_EQ(f[0], "1");
  EXPECT_EQ(f[2], "jmm");
  EXPECT_EQ(f[3], "report");
  EXPECT_EQ(f[4], "-");
  EXPECT_EQ(f[5], "patrol 2020-02-20T11:00:00+03:00 at 35.546,36.26: two");
  f = fields(got[2]);
  EXPECT_EQ(f[3], "dispute");
  EXPECT_EQ(f[4], "1");
  EXPECT_EQ(f[5], "reason: no patrol there");  // the tab printed as a space
  EXPECT_EQ(fields(got[3])[5], "patrol 2020-02-21T06:00:00Z to 2020-02-21T09:00:00Z");
}

TEST(ClientCommands, VerifyNamesATamperedEntryTheServerServes) {
  LedgerServer s;
  const std::string jmm = s.key_file(s.cast.jmm, "jmm.key");
  ASSERT_EQ(run_cli({"submit", "--server", s.srv.url(), "--party", "jmm", "--key", jmm,
                     s.dir.write("r.jsonl", kReports)})
                .status,
            0);
  ASSERT_EQ(run_cli({"ledger", "verify", "--server", s.srv.url(), "--parties", s.parties_path}).status, 0);
  s.tamper = 1;
  const auto v = run_cli({"ledger", "verify", "--server", s.srv.url(), "--parties", s.parties_path});
  EXPECT_EQ(v.status, 1);
  EXPECT_EQ(v.out.rfind("entry 1", 0), 0u) << v.out;
  EXPECT_EQ(v.err, "truceline: error: " + s.srv.url() + ": the ledger does not verify\n");
}

TEST(ClientCommands, VerifyRefusesACheckpointSignedByAnotherKey) {
  LedgerServer s;
  s.override_ = [&s](const FakeRequest& r) -> std::optional<FakeResponse> {
    if (r.target != "/v1/checkpoint") return std::nullopt;
    const ledger::Checkpoint c{"truceline/test", 0, ledger::empty_root()};
    return FakeResponse{200, ledger::sign_checkpoint(c, s.cast.south), "text/plain"};
  };
  const auto v = run_cli({"ledger", "verify", "--server", s.srv.url(), "--parties", s.parties_path});
  EXPECT_EQ(v.status, 1);
  EXPECT_EQ(v.out.rfind("the server's checkpoint: ", 0), 0u) << v.out;
  // --db and --server together are a usage error.
  const auto both = run_cli({"ledger", "verify", "--server", s.srv.url(), "--db", "x.db", "--parties",
                             s.parties_path});
  EXPECT_EQ(both.status, 2);
  EXPECT_NE(both.err.find("give --db DB or --server URL, not both"), std::string::npos);
}

}  // namespace
}  // namespace truceline
