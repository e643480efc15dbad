// The tamper matrix (issue 12): a log of five entries and three checkpoints is edited with raw
// SQLite — the append-only triggers dropped first, as an attacker with the file would — and
// verify_store() must name the entry or checkpoint that gives it away. Plus a fork: a different
// log of the same size, caught by a receipt's (earlier) checkpoint.
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <regex>

#include "ledger/fixture.hpp"
#include "truceline/ledger/canonical.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/verify.hpp"
#include "truceline/store/record.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;
using nlohmann::json;

class TamperTest : public ::testing::Test {
 protected:
  Cast cast;
  TempDir dir;
  std::string db = dir.file("store.db");
  std::vector<Receipt> receipts;
  std::vector<json> prefix;  // entries 0 and 1, shared by the fork
  VerifierKey key = verifier_key("truceline/test", cast.log.public_key);

  void SetUp() override { build(db, /*fork=*/false); }

  // Entries: 0 north report, 1 jmm report, 2 south ack of 0, 3 jmm notification, 4 north
  // dispute of 1; checkpoints at sizes 2, 4, 5. `fork`: entries 2 and 3 differ.
  void build(const std::string& path, bool fork) {
    Log log = Log::open(path, cast.parties(), cast.log);
    auto keep = [&](const std::vector<Log::Outcome>& out) {
      const std::string cp = log.checkpoint();
      for (const auto& o : out) {
        ASSERT_EQ(o.status, 200) << o.reason;
        if (!fork) receipts.push_back({o.index, o.leaf_hash, log.size(), cp, "receipts:" + std::to_string(o.index + 1)});
      }
    };
    if (prefix.empty())
      prefix = {envelope(cast.north, "report", std::nullopt, report_body(1)),
                envelope(cast.jmm, "report", std::nullopt, report_body(2))};
    keep(log.append(prefix, kNow));
    keep(log.append({envelope(cast.south, fork ? "dispute" : "ack", 0,
                              fork ? json{{"reason", "forked"}} : json::object()),
                     envelope(cast.jmm, "notification", std::nullopt, {{"kind", fork ? "fork" : "patrol"}})},
                    kNow));
    keep(log.append({envelope(cast.north, "dispute", 1, {{"reason", "wrong place"}})}, kNow));
  }

  void sql(const std::string& path, const std::string& statements) {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
    const std::string all =
        "DROP TRIGGER ledger_entry_in_order; DROP TRIGGER ledger_entry_no_update; DROP TRIGGER ledger_entry_no_delete;"
        "DROP TRIGGER ledger_checkpoint_no_update; DROP TRIGGER ledger_checkpoint_no_delete;" +
        statements;
    char* err = nullptr;
    const int rc = sqlite3_exec(h, all.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << " in " << statements;
    sqlite3_free(err);
    sqlite3_close(h);
  }
  std::string envelope_text(int64_t idx) {
    Log log = Log::open_read_only(db, cast.parties());
    return canonical_json(log.entries(static_cast<uint64_t>(idx), static_cast<uint64_t>(idx) + 1).at(0).envelope);
  }
  static std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("''") : std::string(1, c);
    return q + "'";
  }
  VerifyResult verify(const std::vector<Receipt>& r = {}) {
    return verify_store(db, cast.parties(), key, r, VerifyOptions{2});
  }
  void expect_problem(const std::string& part, const std::vector<Receipt>& r = {}) {
    const VerifyResult v = verify(r);
    EXPECT_FALSE(v.ok);
    EXPECT_NE(v.problem.find(part), std::string::npos) << v.problem;
    EXPECT_EQ(v.problem.find('\n'), std::string::npos) << v.problem;
  }
};

TEST_F(TamperTest, UntouchedLogVerifiesWithItsReceipts) {
  const VerifyResult v = verify(receipts);
  ASSERT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 5u);
  Log log = Log::open_read_only(db, cast.parties());
  EXPECT_EQ(v.root, log.root());
  EXPECT_EQ(v.summary(), "ok: 5 entries, root " + to_hex(log.root()));
  // One thread or many: the same answer.
  EXPECT_TRUE(verify_store(db, cast.parties(), key, receipts, VerifyOptions{1}).ok);
}

TEST_F(TamperTest, EditedBody) {
  std::string e = envelope_text(2);
  json j = json::parse(e);
  j["entry"]["body"] = {{"note", "we agree"}};
  sql(db, "UPDATE ledger_entry SET envelope = " + quote(canonical_json(j)) + " WHERE idx = 2");
  expect_problem("entry 2 (party south-force): signature: does not verify");
}

TEST_F(TamperTest, EditedBodyWithMatchingLeafHash) {
  json j = json::parse(envelope_text(3));
  j["entry"]["body"]["kind"] = "none";
  const std::string text = canonical_json(j);
  const Hash h = leaf_hash(text);
  sql(db, "UPDATE ledger_entry SET envelope = " + quote(text) + ", leaf_hash = x'" + to_hex(h) + "' WHERE idx = 3");
  expect_problem("entry 3 (party jmm): signature: does not verify");
}

TEST_F(TamperTest, StoredLeafHashEdited) {
  sql(db, "UPDATE ledger_entry SET leaf_hash = zeroblob(32) WHERE idx = 1");
  expect_problem("entry 1 (party jmm): the stored leaf hash 0000");
}

TEST_F(TamperTest, StoredReportEditedWithItsHashRecomputed) {
  // The report store is what assess and report read. An attacker who edits the stored copy of a
  // signed report and recomputes its content hash passes the store's per-row hash check; the
  // ledger's verification must still name the entry whose signed report is no longer there.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  std::string json_text;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(h, "SELECT json FROM report WHERE importer = 'ledger' AND row_number = 1", -1, &st,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  json_text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  const std::string forged = std::regex_replace(json_text, std::regex("Shelling 2"), "Nothing happened");
  ASSERT_NE(forged, json_text);
  std::string hex;
  for (unsigned char c : store::sha256_bytes(forged)) hex += fmt::format("{:02x}", c);
  std::string drop;
  {
    sqlite3* g = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &g), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(g, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'report'", -1,
                                 &q, nullptr),
              SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW)
      drop += std::string("DROP TRIGGER ") + reinterpret_cast<const char*>(sqlite3_column_text(q, 0)) + ";";
    sqlite3_finalize(q);
    sqlite3_close(g);
  }
  sql(db, drop + "UPDATE report SET json = " + quote(forged) + ", content_hash = X'" + hex +
              "' WHERE importer = 'ledger' AND row_number = 1;");
  expect_problem("entry 1 (party jmm): the report it signed is not in the report store as signed");
}

TEST_F(TamperTest, DeletedEntry) {
  sql(db, "DELETE FROM ledger_entry WHERE idx = 1");
  expect_problem("entry 1: missing (the log goes on with index 2");
}

TEST_F(TamperTest, SwappedEntries) {
  sql(db, "UPDATE ledger_entry SET idx = 100 WHERE idx = 1; UPDATE ledger_entry SET idx = 1 WHERE idx = 3;"
          "UPDATE ledger_entry SET idx = 3 WHERE idx = 100");
  expect_problem("stored checkpoint (size 2): its root");
}

TEST_F(TamperTest, SwappedAnsweringEntriesBreakTheirRefs) {
  // Entry 4 (a dispute of 1) moved before entry 1: its ref no longer points back.
  sql(db, "UPDATE ledger_entry SET idx = 100 WHERE idx = 1; UPDATE ledger_entry SET idx = 1 WHERE idx = 4;"
          "UPDATE ledger_entry SET idx = 4 WHERE idx = 100");
  expect_problem("entry 1 (party north-force): entry.ref: 1 is not an entry of the log");
}

TEST_F(TamperTest, InsertedEntry) {
  // A validly signed entry slipped in at index 2; the later ones moved up.
  const json extra = envelope(cast.jmm, "ack", 0, json::object());
  const std::string text = canonical_json(extra);
  sql(db, "UPDATE ledger_entry SET idx = -idx WHERE idx >= 2; UPDATE ledger_entry SET idx = 1 - idx WHERE idx < 0;"
          "INSERT INTO ledger_entry(idx, leaf_hash, envelope, party, type, ref, timestamp, received_unix) VALUES(2, x'" +
              to_hex(leaf_hash(text)) + "', " + quote(text) + ", 'jmm', 'ack', 0, 't', 0)");
  expect_problem("stored checkpoint (size 4): its root");
  expect_problem("an entry from index 2 to 3 was changed, removed, reordered or inserted");
}

TEST_F(TamperTest, Truncated) {
  sql(db, "DELETE FROM ledger_entry WHERE idx >= 3");
  expect_problem("stored checkpoint (size 4): the log has only 3 entries (truncated");
}

TEST_F(TamperTest, TruncatedWithItsCheckpointsRemovedIsCaughtByAReceipt) {
  sql(db, "DELETE FROM ledger_entry WHERE idx >= 3; DELETE FROM ledger_checkpoint WHERE size > 3");
  expect_problem("receipt receipts:3 (entry 2): its checkpoint has 4 entries, the log only 3", receipts);
}

TEST_F(TamperTest, SignatureSwappedForAnotherPartys) {
  const json one = json::parse(envelope_text(1));
  json two = json::parse(envelope_text(2));
  two["signature"] = one["signature"];
  const std::string text = canonical_json(two);
  sql(db, "UPDATE ledger_entry SET envelope = " + quote(text) + ", leaf_hash = x'" + to_hex(leaf_hash(text)) +
              "' WHERE idx = 2");
  expect_problem("entry 2 (party south-force): signature: does not verify");
}

TEST_F(TamperTest, CheckpointResignedWithAnotherKey) {
  Log log = Log::open_read_only(db, cast.parties());
  const Checkpoint c{"truceline/test", 4, log.root(4)};
  const std::string forged = sign_checkpoint(c, test_key("mallory", 66));
  sql(db, "DELETE FROM ledger_checkpoint WHERE size = 4; INSERT INTO ledger_checkpoint(size, root, note, signed_unix) "
          "VALUES(4, x'00', " +
              quote(forged) + ", 0)");
  expect_problem("stored checkpoint: no signature by the log key truceline/test+");
}

TEST_F(TamperTest, ForkCaughtByAnEarlierCheckpoint) {
  // The operator rebuilds the log (same first two entries, then different ones) and re-signs
  // every checkpoint with the real log key: the store alone is consistent with itself...
  const std::string forked = dir.file("forked.db");
  build(forked, /*fork=*/true);
  EXPECT_TRUE(verify_store(forked, cast.parties(), key, {}, VerifyOptions{2}).ok);
  // The receipts of the shared prefix (size 2) hold on both.
  EXPECT_TRUE(verify_store(forked, cast.parties(), key, {receipts[0], receipts[1]}, VerifyOptions{2}).ok);
  // ...but a receipt the party kept (checkpoint of size 4 of the real log) shows the fork.
  const VerifyResult v = verify_store(forked, cast.parties(), key, {receipts[2]}, VerifyOptions{2});
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.problem.find("receipt receipts:3 (entry 2): the log at size 4 has root"), std::string::npos)
      << v.problem;
  EXPECT_NE(v.problem.find("a fork"), std::string::npos) << v.problem;
  // And the real log's checkpoint of size 4, fed as a checkpoint seen earlier.
  Verifier ver(cast.parties(), key, VerifyOptions{2});
  Log log = Log::open_read_only(forked, cast.parties());
  log.for_each_raw_entry([&](const Log::RawEntry& e) { ver.add_entry(e.index, e.envelope); });
  ver.add_checkpoint(receipts[2].checkpoint, "checkpoint seen earlier");
  const VerifyResult w = ver.finish();
  EXPECT_FALSE(w.ok);
  EXPECT_NE(w.problem.find("checkpoint seen earlier (size 4): its root"), std::string::npos) << w.problem;
}

TEST_F(TamperTest, ReceiptsAreCheckedToo) {
  auto bad = receipts;
  bad[0].leaf_hash[0] ^= 1;
  EXPECT_NE(verify(bad).problem.find("receipt receipts:1 (entry 0): the log's entry 0 has leaf hash"),
            std::string::npos);
  bad = receipts;
  bad[1].checkpoint = sign_checkpoint({"truceline/test", 2, Hash{}}, cast.log);
  EXPECT_NE(verify(bad).problem.find("the log at size 2 has root"), std::string::npos) << verify(bad).problem;
  bad = receipts;
  bad[1].tree_size = 3;
  EXPECT_NE(verify(bad).problem.find("tree_size 3 but its checkpoint is of size 2"), std::string::npos);
}

}  // namespace
}  // namespace truceline::ledger
