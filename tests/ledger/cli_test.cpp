// The CLI part of the ledger: `keygen` (its output is random: its shape is checked here) and
// the fixture store of the `ledger verify` golden cases (tests/data/ledger/), which this test
// regenerates deterministically and compares with the committed files (set
// TRUCELINE_WRITE_FIXTURES=1 to rewrite them).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "ledger/fixture.hpp"
#include "support/run_cli.hpp"
#include "truceline/io/file.hpp"
#include "truceline/ledger/canonical.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/verify.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;
using nlohmann::json;

TEST(Keygen, PrintsIdAndPublicKeyAndWritesTheKeyFile) {
  TempDir d;
  const std::string path = d.file("north.jwk");
  const auto r = test::run_cli({"keygen", "--party", "north-force", "-o", path});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(r.out, m, std::regex("north-force (ed25519:[A-Za-z0-9+/]{43}=)\n"))) << r.out;
  const KeyPair k = read_key_file(path);
  EXPECT_EQ(k.id, "north-force");
  EXPECT_EQ(public_key_text(k.public_key), m[1].str());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // Two runs, two keys.
  const auto again = test::run_cli({"keygen", "--party", "north-force", "-o", path, "--force"});
  ASSERT_EQ(again.status, 0);
  EXPECT_NE(again.out, r.out);
  EXPECT_EQ(public_key_text(read_key_file(path).public_key), again.out.substr(12, again.out.size() - 13));
}

// --- The fixture of the golden cases: deterministic keys, nonces and timestamps.
constexpr const char* kOrigin = "truceline/golden";

json fixed_envelope(const KeyPair& k, const std::string& type, std::optional<uint64_t> ref, json body, int n) {
  json e = make_entry(k.id, type, ref, std::move(body), kNow);
  std::string nonce(16, '\0');
  nonce[15] = static_cast<char>(n);
  e["nonce"] = base64(nonce);
  return sign_entry(e, k);
}

std::string parties_text(const Cast& c) {
  std::string t = c.parties_toml();
  return std::regex_replace(t, std::regex("truceline/test"), kOrigin);
}

struct Built {
  std::string parties, receipts;
};

Built build_fixture(const std::string& db) {
  const Cast c;
  const Parties parties = Parties::parse(parties_text(c), "parties.toml");
  Log log = Log::open(db, parties, c.log);
  Built b{parties_text(c), ""};
  auto keep = [&](const std::vector<Log::Outcome>& out) {
    const std::string cp = log.checkpoint();
    for (const auto& o : out) {
      if (o.status != 200) throw std::runtime_error(o.reason);
      b.receipts += canonical_json(json{{"index", o.index},
                                        {"leaf_hash", to_hex(o.leaf_hash)},
                                        {"tree_size", log.size()},
                                        {"checkpoint", cp}}) +
                    "\n";
    }
  };
  keep(log.append({fixed_envelope(c.north, "report", std::nullopt, report_body(1), 1),
                   fixed_envelope(c.jmm, "report", std::nullopt, report_body(2), 2)},
                  kNow));
  keep(log.append({fixed_envelope(c.south, "ack", 0, json::object(), 3),
                   fixed_envelope(c.jmm, "notification", std::nullopt, {{"kind", "patrol"}}, 4)},
                  kNow));
  keep(log.append({fixed_envelope(c.north, "dispute", 1, {{"reason", "wrong place"}}, 5)}, kNow));
  return b;
}

TEST(LedgerFixture, CommittedFilesAreTheGeneratorsOutput) {
  const std::string data = TRUCELINE_TEST_DATA "/ledger";
  TempDir d;
  const std::string db = d.file("ledger.db");
  const Built b = build_fixture(db);
  if (const char* w = std::getenv("TRUCELINE_WRITE_FIXTURES"); w && std::string(w) == "1") {
    std::filesystem::create_directories(data);
    std::filesystem::copy_file(db, data + "/ledger.db", std::filesystem::copy_options::overwrite_existing);
    std::ofstream(data + "/parties.toml") << b.parties;
    std::ofstream(data + "/receipts.jsonl") << b.receipts;
  }
  EXPECT_EQ(io::read_text(data + "/parties.toml"), b.parties);
  EXPECT_EQ(io::read_text(data + "/receipts.jsonl"), b.receipts);
  const Parties parties = Parties::load(data + "/parties.toml");
  Log fresh = Log::open_read_only(db, parties), committed = Log::open_read_only(data + "/ledger.db", parties);
  ASSERT_EQ(committed.size(), fresh.size());
  EXPECT_EQ(committed.root(), fresh.root());
  ASSERT_EQ(committed.checkpoints().size(), fresh.checkpoints().size());
  for (std::size_t i = 0; i < fresh.checkpoints().size(); ++i)
    EXPECT_EQ(committed.checkpoints()[i].note, fresh.checkpoints()[i].note);
  const auto v = verify_store(data + "/ledger.db", parties, verifier_key(kOrigin, *parties.log_key),
                              read_receipts(data + "/receipts.jsonl"));
  EXPECT_TRUE(v.ok) << v.problem;
}

}  // namespace
}  // namespace truceline::ledger
