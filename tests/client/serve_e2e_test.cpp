// The client commands end to end against the real `truceline serve` (the server of issue 12,
// built on another branch): skipped with "truceline serve not built" while the binary has no
// `serve` command. Starts the server on a loopback port, submits, answers, notifies, verifies
// over HTTP, stops it, verifies the store offline and writes the daily report from it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "client/fake_server.hpp"
#include "ledger/fixture.hpp"
#include "support/run_cli.hpp"
#include "truceline/net/http_client.hpp"
#include "truceline/time.hpp"

namespace truceline {
namespace {

using ledger::testing::TempDir;
using test::run_cli;

bool serve_built() {
  const std::string cmd = std::string("\"") + TRUCELINE_BIN + "\" serve --help >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Server {
  pid_t pid = -1;
  ~Server() { stop(); }
  void stop() {
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    int st = 0;
    ::waitpid(pid, &st, 0);
    pid = -1;
  }
};

TEST(ServeEndToEnd, SubmitAnswerNotifyVerifyAndReport) {
  if (!serve_built()) GTEST_SKIP() << "truceline serve not built";
  TempDir dir;
  const auto russia = ledger::testing::test_key("russia", 1), turkey = ledger::testing::test_key("turkey", 2),
             log = ledger::testing::test_key("log", 9);
  const std::string rk = dir.file("russia.key"), tk = dir.file("turkey.key"), sk = dir.file("server.key");
  ledger::write_key_file(rk, russia);
  ledger::write_key_file(tk, turkey);
  ledger::write_key_file(sk, log);
  const std::string parties = dir.write(
      "parties.toml", "[log]\norigin = \"truceline/idlib-2018\"\npublic_key = \"" +
                          ledger::public_key_text(log.public_key) + "\"\n\n[[party]]\nid = \"russia\"\npublic_key = \"" +
                          ledger::public_key_text(russia.public_key) +
                          "\"\nrole = \"guarantor\"\n\n[[party]]\nid = \"turkey\"\npublic_key = \"" +
                          ledger::public_key_text(turkey.public_key) + "\"\nrole = \"guarantor\"\n");
  const std::string agreement = TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml";
  const std::string db = dir.file("store.db");
  const unsigned short port = test::refused_port();
  const std::string url = "http://127.0.0.1:" + std::to_string(port);

  Server server;
  server.pid = ::fork();
  ASSERT_GE(server.pid, 0);
  if (server.pid == 0) {
    const std::string out = dir.file("serve.log");
    FILE* f = std::freopen(out.c_str(), "w", stdout);
    (void)f;
    f = std::freopen(out.c_str(), "a", stderr);
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    ::execl(TRUCELINE_BIN, TRUCELINE_BIN, "serve", "--db", db.c_str(), "--agreement", agreement.c_str(), "--parties",
            parties.c_str(), "--listen", listen.c_str(), "--key", sk.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Up within 20 s (health answers).
  bool up = false;
  for (int k = 0; k < 200 && !up; ++k) {
    try {
      net::Options o;
      o.timeout = std::chrono::milliseconds(500);
      net::HttpClient c(net::parse_url(url), o);
      up = c.get("/v1/health").ok();
    } catch (const net::NetError&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ASSERT_TRUE(up) << read(dir.file("serve.log"));

  const std::string today = format_iso8601_utc(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  const std::string reports = dir.write(
      "r.jsonl",
      R"({"observed_at":")" + today + R"(","lon":36.64,"lat":35.44,"kind":"shelling","summary":"shells","source":{"name":"TAF","type":"party"}})"
      "\n" R"({"observed_at":")" + today + R"(","lon":36.65,"lat":35.45,"kind":"patrol","summary":"patrol","source":{"name":"TAF","type":"party"}})" "\n");
  const std::string receipts = dir.file("receipts.jsonl");
  auto r = run_cli({"submit", "--server", url, "--party", "turkey", "--key", tk, reports, "--receipts", receipts});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "submitted 2, duplicates 0, rejected 0\n");
  r = run_cli({"ack", "--server", url, "--party", "russia", "--key", rk, "--entry", "1"});
  EXPECT_EQ(r.status, 0) << r.err;
  r = run_cli({"dispute", "--server", url, "--party", "russia", "--key", rk, "--entry", "0", "--reason",
               "no shelling there"});
  EXPECT_EQ(r.status, 0) << r.err;
  // A party the parties file does not list: 403, nothing appended.
  const auto iran = ledger::testing::test_key("iran", 5);
  ledger::write_key_file(dir.file("iran.key"), iran);
  r = run_cli({"ack", "--server", url, "--party", "iran", "--key", dir.file("iran.key"), "--entry", "0"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("truceline: error: rejected (403): ", 0), 0u) << r.err;

  r = run_cli({"ledger", "verify", "--server", url, "--parties", parties, "--receipts", receipts});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("ok: 4 entries, root ", 0), 0u) << r.out;
  const std::string root_line = r.out;
  r = run_cli({"ledger", "log", "--server", url});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);

  server.stop();
  r = run_cli({"ledger", "verify", "--db", db, "--parties", parties, "--receipts", receipts});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, root_line);
  // The daily report of today (the agreement's local day) shows the disputed report.
  const std::string date = format_iso8601_utc(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() +
      3 * 3600).substr(0, 10);
  r = run_cli({"report", "--agreement", agreement, "--db", db, "--date", date, "-o", dir.file("report")});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string md = read(dir.file("report") + "/report.md");
  EXPECT_NE(md.find("## Communication mechanism"), std::string::npos);
  EXPECT_NE(md.find("| disputed |"), std::string::npos) << md;
  EXPECT_NE(md.find("russia (entry 3): no shelling there"), std::string::npos) << md;
}

}  // namespace
}  // namespace truceline
