// `truceline serve` as a real process: the read endpoints give the CLI's bytes, the refusals
// of the command line, TLS, a clean stop on SIGTERM.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "truceline/ledger/log.hpp"

#include "ledger/fixture.hpp"
#include "server/client.hpp"
#include "server/serve_process.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace truceline {
namespace {

using test::HttpClient;
using test::run_cli;
using test::ServeProcess;
using test::TempDir;

const std::string kScenario = std::string(TRUCELINE_SCENARIO_DIR) + "/idlib-2018";
const std::string kAgreement = kScenario + "/agreement.toml";

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A store with the scenario's synthetic reports, and a parties file (no party: reads only).
struct Served {
  TempDir t{"truceline-serve"};
  std::string db = t / "r.db";
  std::string parties = t / "parties.toml";
  Served() {
    const auto r = run_cli({"ingest", "--db", db, kScenario + "/synthetic/reports.jsonl"});
    EXPECT_EQ(r.status, 0) << r.err;
    write(parties, "[log]\norigin = \"truceline/test-read\"\n");
  }
  std::vector<std::string> args(std::vector<std::string> extra = {}) const {
    std::vector<std::string> a{"serve", "--db", db, "--agreement", kAgreement, "--parties", parties,
                               "--listen", "127.0.0.1:0", "--key", t / "server.key"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
};

TEST(Serve, ReadEndpointsGiveTheBytesOfTheCli) {
  Served s;
  ServeProcess p(TRUCELINE_BIN, s.args(), s.t.dir.string());
  ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
  HttpClient c(p.port);
  // No key file yet: the server made one, mode 0600, and said so.
  EXPECT_EQ(std::filesystem::status(s.t / "server.key").permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_NE(test::slurp(p.err_path).find("new server key ed25519:"), std::string::npos);
  EXPECT_NE(test::slurp(p.out_path).find("\nlog key truceline/test-read+"), std::string::npos);

  const auto health = c.request("GET", "/v1/health");
  EXPECT_EQ(health.status, 200u);
  EXPECT_TRUE(nlohmann::json::parse(health.body).at("ok").get<bool>());

  for (const std::string format : {"jsonl", "csv", "geojson"}) {
    const auto r = c.request("GET", "/v1/reports?kind=shelling&since=2018-10-05&format=" + format);
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto cli = run_cli({"reports", "--db", s.db, "--kind", "shelling", "--since", "2018-10-05", "--format", format});
    ASSERT_EQ(cli.status, 0);
    EXPECT_FALSE(cli.out.empty());
    EXPECT_EQ(r.body, cli.out) << format;
  }
  // bbox with percent-encoded commas (Boost.URL decodes them).
  const auto bbox = c.request("GET", "/v1/reports?bbox=36.5%2C35.5%2C37%2C36");
  const auto bbox_cli = run_cli({"reports", "--db", s.db, "--bbox", "36.5,35.5,37,36"});
  EXPECT_EQ(bbox.body, bbox_cli.out);

  const auto a = c.request("GET", "/v1/assessment?at=2018-10-15T12:00:00Z");
  ASSERT_EQ(a.status, 200u) << a.body;
  const auto a_cli = run_cli({"assess", "--agreement", kAgreement, "--db", s.db, "--at", "2018-10-15T12:00:00Z",
                              "--format", "json"});
  EXPECT_EQ(a.body, a_cli.out);

  const auto md = c.request("GET", "/v1/report/2018-10-15?format=markdown");
  ASSERT_EQ(md.status, 200u) << md.body;
  EXPECT_EQ(md.content_type, "text/markdown; charset=utf-8");
  const auto rep = run_cli({"report", "--agreement", kAgreement, "--db", s.db, "--date", "2018-10-15", "-o",
                            s.t / "daily"});
  ASSERT_EQ(rep.status, 0) << rep.err;
  EXPECT_EQ(md.body, test::slurp(s.t / "daily/report.md"));
  EXPECT_EQ(c.request("GET", "/v1/report/2018-10-15?format=json").body, test::slurp(s.t / "daily/summary.json"));
  EXPECT_EQ(c.request("GET", "/v1/report/2018-10-15").body, test::slurp(s.t / "daily/report.html"));

  EXPECT_EQ(p.stop(SIGTERM), 0);  // a clean stop: exit status 0
  EXPECT_NE(test::slurp(p.err_path).find("stopped"), std::string::npos);
}

TEST(Serve, BadParametersAre400WithTheReason) {
  Served s;
  ServeProcess p(TRUCELINE_BIN, s.args(), s.t.dir.string());
  ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
  HttpClient c(p.port);
  struct Case {
    std::string target, reason;
  } cases[] = {
      {"/v1/reports?since=yesterday", "since 'yesterday': expected a date"},
      {"/v1/reports?kind=x&kind=y", "parameter 'kind' given twice"},
      {"/v1/reports?knd=shelling", "unknown parameter 'knd'"},
      {"/v1/reports?bbox=1,2,3", "bbox '1,2,3': expected WEST,SOUTH,EAST,NORTH"},
      {"/v1/reports?format=xml", "format 'xml': expected jsonl, csv or geojson"},
      {"/v1/assessment", "missing parameter 'at'"},
      {"/v1/assessment?at=2018-10-15&since=2018-10-16", "since 2018-10-16 is after at 2018-10-15"},
      {"/v1/report/15-10-2018", "date '15-10-2018': expected YYYY-MM-DD"},
      {"/v1/report/2018-10-15?format=pdf", "format 'pdf': expected html, markdown or json"},
  };
  for (const auto& k : cases) {
    const auto r = c.request("GET", k.target);
    EXPECT_EQ(r.status, 400u) << k.target;
    EXPECT_NE(nlohmann::json::parse(r.body).at("error").get<std::string>().find(k.reason), std::string::npos)
        << k.target << ": " << r.body;
  }
  EXPECT_EQ(c.request("GET", "/v1/nothing").status, 404u);
  EXPECT_EQ(c.request("DELETE", "/v1/reports").status, 405u);
}

TEST(Serve, NonLoopbackWithoutTlsIsRefused) {
  Served s;
  for (const std::string listen : {"0.0.0.0:0", "192.0.2.1:8787", "[::]:0"}) {
    auto a = s.args();
    a[8] = listen;
    const auto r = run_cli(a);
    EXPECT_EQ(r.status, 2) << listen;
    EXPECT_NE(r.err.find("is not a loopback address and the server has no TLS"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--insecure"), std::string::npos);
  }
  auto half = s.args({"--tls-cert", s.t / "c.pem"});
  EXPECT_EQ(run_cli(half).status, 2);
}

// A missing key file is generated only for a new log that names no key: when the parties file
// has a [log] public_key, or the log already holds checkpoints, a new key could never match them
// (and "put it in the parties file" would break every earlier checkpoint), so serve refuses and
// says which key file to give, writing nothing.
TEST(Serve, AMissingKeyFileIsNotReplacedByANewKeyWhenAKeyIsKnown) {
  Served s;
  const ledger::KeyPair server = ledger::testing::test_key("log", 9);
  write(s.parties, "[log]\norigin = \"truceline/test-read\"\npublic_key = \"" +
                       ledger::public_key_text(server.public_key) + "\"\n");
  auto r = run_cli(s.args());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "truceline: error: " + (s.t / "server.key") + ": no such key file, and " + s.parties +
                       " names the server's key ([log] public_key " + ledger::public_key_text(server.public_key) +
                       "): give --key the file of that key (a new key would not match it)\n");
  EXPECT_FALSE(std::filesystem::exists(s.t / "server.key"));

  // No [log] public_key, but the log already has entries and checkpoints signed by a key.
  const ledger::KeyPair jmm = ledger::testing::test_key("jmm", 3);
  write(s.parties, "[log]\norigin = \"truceline/test-read\"\n\n[[party]]\nid = \"jmm\"\npublic_key = \"" +
                       ledger::public_key_text(jmm.public_key) + "\"\nrole = \"monitor\"\n");
  {
    ledger::Log log = ledger::Log::open(s.db, ledger::Parties::load(s.parties), server);
    const auto out = log.append({ledger::testing::envelope(jmm, "notification", std::nullopt, {{"kind", "meeting"}})},
                                ledger::testing::kNow);
    ASSERT_EQ(out.at(0).status, 200) << out.at(0).reason;
  }
  r = run_cli(s.args());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("truceline: error: " + (s.t / "server.key") + ": no such key file, and the log in " + s.db +
                       " has checkpoints signed by key id "),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(s.t / "server.key"));
}

TEST(Serve, TlsSmoke) {
  if (std::system("command -v openssl >/dev/null 2>&1") != 0) GTEST_SKIP() << "no openssl binary to make a certificate";
  Served s;
  const std::string cert = s.t / "cert.pem", key = s.t / "key.pem";
  const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + key + "' -out '" + cert +
                          "' -days 1 -subj /CN=127.0.0.1 >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  ServeProcess p(TRUCELINE_BIN, s.args({"--tls-cert", cert, "--tls-key", key}), s.t.dir.string());
  ASSERT_NE(p.port, 0) << test::slurp(p.err_path);
  EXPECT_NE(test::slurp(p.out_path).find("listening on https://127.0.0.1:"), std::string::npos);
  HttpClient c(p.port, /*tls=*/true);
  const auto r = c.request("GET", "/v1/health");
  EXPECT_EQ(r.status, 200u) << r.error;
  EXPECT_EQ(c.request("GET", "/v1/reports?kind=shelling").status, 200u);  // same connection
  // Plain HTTP to the TLS port gets no answer.
  EXPECT_EQ(HttpClient(p.port).request("GET", "/v1/health").status, 0u);
  EXPECT_EQ(p.stop(SIGINT), 0);
}

}  // namespace
}  // namespace truceline
