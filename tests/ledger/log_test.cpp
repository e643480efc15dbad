// The log in the store: appends, refusals that change nothing, duplicates, reports landing in
// the report store with their ledger index, checkpoints, proofs, triggers, migration.
#include "truceline/ledger/log.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ledger/fixture.hpp"
#include "truceline/error.hpp"
#include "truceline/ledger/canonical.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;
using nlohmann::json;

struct State {
  uint64_t size;
  Hash root;
  std::size_t reports;
  std::size_t checkpoints;
  bool operator==(const State&) const = default;
};

State state_of(Log& log) {
  std::size_t reports = 0;
  store::Query all;
  all.history = true;
  log.store().query(all, [&](const store::StoredReport&) { ++reports; });
  return {log.size(), log.root(), reports, log.checkpoints().size()};
}

class LogTest : public ::testing::Test {
 protected:
  Cast cast;
  TempDir dir;
  std::string db = dir.file("store.db");
  Log open() { return Log::open(db, cast.parties(), cast.log); }
};

TEST_F(LogTest, AppendsReportsAndAnswersAndStoresCheckpoints) {
  Log log = open();
  EXPECT_EQ(log.size(), 0u);
  auto out = log.append({envelope(cast.north, "report", std::nullopt, report_body(1)),
                         envelope(cast.jmm, "notification", std::nullopt, {{"kind", "patrol"}})},
                        kNow);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].status, 200) << out[0].reason;
  EXPECT_EQ(out[0].index, 0u);
  EXPECT_EQ(out[1].index, 1u);
  EXPECT_FALSE(out[0].duplicate);
  out = log.append({envelope(cast.south, "dispute", 0, {{"reason", "not ours"}})}, kNow);
  EXPECT_EQ(out[0].status, 200) << out[0].reason;
  EXPECT_EQ(out[0].index, 2u);
  EXPECT_EQ(log.size(), 3u);
  // The report is in the report store: importer "ledger", row number = its ledger index.
  std::vector<store::StoredReport> reports;
  log.store().query({}, [&](const store::StoredReport& r) { reports.push_back(r); });
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].importer, "ledger");
  EXPECT_EQ(reports[0].row_number, 0u);
  EXPECT_EQ(reports[0].report["summary"], "Shelling 1");
  // Entries come back as stored.
  const auto entries = log.entries(0, 100);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].envelope["entry"]["party"], "south-force");
  EXPECT_EQ(entries[2].received_unix, kNow);
  EXPECT_EQ(entries[1].leaf_hash, leaf_hash(canonical_json(entries[1].envelope)));
  // One checkpoint per append that grew the log, each verifying with the log key, root = log's.
  const auto cps = log.checkpoints();
  ASSERT_EQ(cps.size(), 2u);
  EXPECT_EQ(cps[0].size, 2u);
  EXPECT_EQ(cps[1].size, 3u);
  const VerifierKey vk = verifier_key("truceline/test", cast.log.public_key);
  for (const auto& cp : cps) {
    std::string why;
    const auto c = verify_checkpoint(cp.note, vk, &why);
    ASSERT_TRUE(c) << why;
    EXPECT_EQ(c->size, cp.size);
    EXPECT_EQ(c->root, log.root(cp.size));
  }
  EXPECT_EQ(log.checkpoint(), cps[1].note);
  // Proofs verify against the roots.
  for (uint64_t n = 1; n <= 3; ++n)
    for (uint64_t i = 0; i < n; ++i)
      EXPECT_TRUE(verify_inclusion(i, n, entries[i].leaf_hash, log.inclusion_proof(i, n), log.root(n)));
  EXPECT_TRUE(verify_consistency(2, 3, log.root(2), log.root(3), log.consistency_proof(2, 3)));
}

TEST_F(LogTest, RefusalsAndDuplicatesLeaveTheLogUnchanged) {
  Log log = open();
  const json first = envelope(cast.north, "report", std::nullopt, report_body(1));
  ASSERT_EQ(log.append({first}, kNow)[0].status, 200);
  json tampered = envelope(cast.north, "ack", 0, json::object());
  tampered["entry"]["body"] = {{"note", "changed after signing"}};
  json bad_report = report_body(2);
  bad_report["lat"] = 123;
  json supersedes_unknown = report_body(3);
  supersedes_unknown["supersedes"] = "r00000000000000000000";
  const std::vector<std::pair<json, int>> cases{
      {json::parse(R"({"entry":1})"), 400},
      {envelope(test_key("nobody", 7), "ack", 0, json::object()), 403},
      {envelope(cast.press, "ack", 0, json::object()), 403},
      {tampered, 401},
      {sign_entry(envelope(cast.north, "ack", 0, json::object())["entry"], cast.south), 401},
      {envelope(cast.north, "ack", std::nullopt, json::object()), 400},
      {envelope(cast.north, "ack", 1, json::object()), 400},  // ref >= size
      {envelope(cast.north, "ack", 0, json::object(), kNow - 601), 400},
      {envelope(cast.north, "report", std::nullopt, bad_report), 400},
      {envelope(cast.north, "report", std::nullopt, supersedes_unknown), 400},
  };
  for (const auto& [env, status] : cases) {
    const State before = state_of(log);
    const auto out = log.append({env}, kNow);
    EXPECT_EQ(out[0].status, status) << out[0].reason << " for " << env.dump();
    EXPECT_FALSE(out[0].reason.empty());
    EXPECT_EQ(state_of(log), before) << out[0].reason;
  }
  // The same envelope again: the first index, nothing added, even after the timestamp went stale.
  const State before = state_of(log);
  auto out = log.append({first}, kNow + 3600);
  EXPECT_EQ(out[0].status, 200);
  EXPECT_TRUE(out[0].duplicate);
  EXPECT_EQ(out[0].index, 0u);
  EXPECT_EQ(state_of(log), before);
  // A refused envelope in a batch does not affect the others; duplicates inside one batch.
  const json ack = envelope(cast.south, "ack", 0, json::object());
  out = log.append({ack, envelope(cast.press, "ack", 0, json::object()), ack}, kNow);
  EXPECT_EQ(out[0].status, 200);
  EXPECT_EQ(out[0].index, 1u);
  EXPECT_EQ(out[1].status, 403);
  EXPECT_TRUE(out[2].duplicate);
  EXPECT_EQ(out[2].index, 1u);
  EXPECT_EQ(log.size(), 2u);
  // The refused report's body is not in the store; the same report content sent by another
  // party is a new entry, the report is not stored twice.
  out = log.append({envelope(cast.jmm, "report", std::nullopt, report_body(1))}, kNow);
  EXPECT_EQ(out[0].status, 200) << out[0].reason;
  EXPECT_EQ(out[0].index, 2u);
  EXPECT_EQ(state_of(log).reports, 1u);
}

TEST_F(LogTest, TheSameStatementSignedAgainIsADuplicate) {
  // A party submitting the same file twice (or retrying an answer) signs new envelopes (new
  // timestamp and nonce: new leaves); the log keeps the first statement only.
  Log log = open();
  auto out = log.append({envelope(cast.north, "report", std::nullopt, report_body(1)),
                         envelope(cast.north, "report", std::nullopt, report_body(2))},
                        kNow);
  ASSERT_EQ(out[1].status, 200) << out[1].reason;
  const auto first_leaf = log.entries(1, 2).at(0).leaf_hash;
  const State before = state_of(log);
  out = log.append({envelope(cast.north, "report", std::nullopt, report_body(2), kNow + 5)}, kNow + 5);
  EXPECT_EQ(out[0].status, 200) << out[0].reason;
  EXPECT_TRUE(out[0].duplicate);
  EXPECT_EQ(out[0].index, 1u);
  EXPECT_EQ(out[0].leaf_hash, first_leaf);  // what a receipt must name to verify
  EXPECT_EQ(state_of(log), before);
  // Answers: the same type, ref and body from the same party; another body or party is new.
  const json dispute = envelope(cast.south, "dispute", 0, {{"reason", "not ours"}});
  out = log.append({dispute}, kNow);
  ASSERT_EQ(out[0].index, 2u);
  out = log.append({envelope(cast.south, "dispute", 0, {{"reason", "not ours"}}, kNow + 1),
                    envelope(cast.south, "dispute", 0, {{"reason", "nobody's"}}),
                    envelope(cast.jmm, "dispute", 0, {{"reason", "not ours"}}),
                    envelope(cast.south, "dispute", 1, {{"reason", "not ours"}})},
                   kNow + 1);
  EXPECT_TRUE(out[0].duplicate);
  EXPECT_EQ(out[0].index, 2u);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_FALSE(out[i].duplicate) << i;
    EXPECT_EQ(out[i].index, 2u + i) << i;
  }
  // The same report content from another party is that party's own statement: a new entry.
  out = log.append({envelope(cast.jmm, "report", std::nullopt, report_body(1))}, kNow);
  EXPECT_FALSE(out[0].duplicate);
  EXPECT_EQ(out[0].index, 6u);
}

TEST_F(LogTest, AReportCorrectionThroughTheLog) {
  Log log = open();
  ASSERT_EQ(log.append({envelope(cast.jmm, "report", std::nullopt, report_body(1))}, kNow)[0].status, 200);
  std::string id;
  log.store().query({}, [&](const store::StoredReport& r) { id = r.id; });
  json fix = report_body(1);
  fix["summary"] = "Shelling 1 (corrected)";
  fix["supersedes"] = id;
  const auto out = log.append({envelope(cast.jmm, "report", std::nullopt, fix)}, kNow);
  ASSERT_EQ(out[0].status, 200) << out[0].reason;
  // A second correction of the superseded report: the store refuses it, so does the log.
  fix["summary"] = "again";
  const auto again = log.append({envelope(cast.jmm, "report", std::nullopt, fix)}, kNow);
  EXPECT_EQ(again[0].status, 400);
  EXPECT_NE(again[0].reason.find("entry.body: the store refused the report: supersedes"), std::string::npos)
      << again[0].reason;
  EXPECT_EQ(log.size(), 2u);
}

TEST_F(LogTest, TablesAreAppendOnly) {
  Log log = open();
  log.append({envelope(cast.north, "report", std::nullopt, report_body(1)),
              envelope(cast.south, "ack", 0, json::object())},
             kNow);
  sqlite3* db = log.store().handle();
  for (const char* sql : {"UPDATE ledger_entry SET party = 'x' WHERE idx = 0", "DELETE FROM ledger_entry WHERE idx = 1",
                          "UPDATE ledger_node SET hash = x'00'", "DELETE FROM ledger_node",
                          "UPDATE ledger_checkpoint SET note = ''", "DELETE FROM ledger_checkpoint",
                          "INSERT INTO ledger_entry(idx, leaf_hash, envelope, party, type, timestamp, received_unix) "
                          "VALUES(5, x'01', '{}', 'p', 'ack', 't', 0)",
                          "INSERT INTO ledger_entry(idx, leaf_hash, envelope, party, type, timestamp, received_unix) "
                          "VALUES(1, x'02', '{}', 'p', 'ack', 't', 0)"}) {
    char* err = nullptr;
    EXPECT_NE(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << sql;
    EXPECT_NE(err, nullptr) << sql;
    sqlite3_free(err);
  }
  EXPECT_EQ(log.size(), 2u);
}

TEST_F(LogTest, ReopenedLogKeepsEverythingAndReadOnlyReads) {
  Hash root{};
  {
    Log log = open();
    log.append({envelope(cast.north, "report", std::nullopt, report_body(1))}, kNow);
    log.append({envelope(cast.south, "ack", 0, json::object())}, kNow);
    root = log.root();
  }
  Log again = open();
  EXPECT_EQ(again.size(), 2u);
  EXPECT_EQ(again.root(), root);
  auto out = again.append({envelope(cast.jmm, "ack", 1, json::object())}, kNow);
  EXPECT_EQ(out[0].index, 2u);
  const std::string cp = again.checkpoint();
  Log ro = Log::open_read_only(db, cast.parties());
  EXPECT_EQ(ro.size(), 3u);
  EXPECT_EQ(ro.checkpoint(), cp);
  EXPECT_THROW(ro.append({}, kNow), std::logic_error);
}

TEST_F(LogTest, ServerKeyMustBeThePartiesFilesLogKey) {
  EXPECT_THROW(Log::open(db, cast.parties(), cast.north), InputError);
}

TEST_F(LogTest, CheckpointOfAnEmptyLogIsSignedOnDemand) {
  Log log = open();
  const auto c = verify_checkpoint(log.checkpoint(), verifier_key("truceline/test", cast.log.public_key));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->size, 0u);
  EXPECT_EQ(c->root, empty_root());
}

// A store of schema 2 (as the previous release left it) opens, migrates to 4 and takes entries;
// a read-only reader of a schema-2 file reads its reports and an empty log.
TEST_F(LogTest, Schema2StoreMigrates) {
  {
    store::Store s = store::Store::create_or_open(db);
    s.append("test", {{*store::report_from_json(report_body(7)).report, nullptr}});
    for (const char* sql : {"DROP TABLE ledger_entry", "DROP TABLE ledger_node", "DROP TABLE ledger_checkpoint",
                            "DROP TABLE candidate_decision", "DROP TABLE candidate",
                            "ALTER TABLE batch DROP COLUMN candidates", "PRAGMA user_version=2"})
      ASSERT_EQ(sqlite3_exec(s.handle(), sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  {
    Log ro = Log::open_read_only(db, cast.parties());
    EXPECT_EQ(ro.size(), 0u);
    EXPECT_TRUE(ro.checkpoints().empty());
    std::size_t n = 0;
    ro.store().query({}, [&](const store::StoredReport&) { ++n; });
    EXPECT_EQ(n, 1u);
  }
  Log log = open();
  EXPECT_EQ(log.append({envelope(cast.north, "ack", std::nullopt, json::object())}, kNow)[0].status, 400);
  EXPECT_EQ(log.append({envelope(cast.north, "report", std::nullopt, report_body(1))}, kNow)[0].status, 200);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(log.store().handle(), "PRAGMA user_version", -1, &st, nullptr);
  sqlite3_step(st);
  EXPECT_EQ(sqlite3_column_int(st, 0), store::kSchemaVersion);
  sqlite3_finalize(st);
  std::size_t n = 0;
  log.store().query({}, [&](const store::StoredReport&) { ++n; });
  EXPECT_EQ(n, 2u);
}

}  // namespace
}  // namespace truceline::ledger
