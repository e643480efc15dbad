// The review queue (store/candidates.hpp, docs/ledger.md "Review"): candidates are stored apart
// from the reports and never assessed until a `review` entry accepts them; accept / reject /
// correct take effect in the log's transaction; refusals (bad body, unknown candidate, wrong
// role, wrong ref, a second decision) change nothing; the same decision signed again is a
// duplicate; schema 3 stores migrate; `ledger verify --db` names the reviews and checks them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ledger/fixture.hpp"
#include "truceline/error.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/verify.hpp"
#include "truceline/store/candidates.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/listing.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;
using nlohmann::json;

// Two synthetic candidate rows (JSON Lines), as `ingest --candidate` reads them.
const std::vector<std::string> kRows = {
    R"({"observed_at":"2020-02-21T06:00:00Z","lon":36.3,"lat":35.6,"kind":"shelling","actor":"unknown gunners","source":{"name":"Outlet A","type":"media"}})",
    R"({"observed_at":"2020-02-21T09:00:00Z","lon":36.4,"lat":35.7,"kind":"armed_clash","source":{"name":"Outlet B","type":"media"}})"};

class ReviewTest : public ::testing::Test {
 protected:
  Cast cast;
  TempDir dir;
  std::string db = dir.file("store.db");
  Log open() { return Log::open(db, cast.parties(), cast.log); }

  // Imports rows into the store; `candidates`: as `ingest --candidate`.
  store::BatchSummary ingest(const std::vector<std::string>& rows, bool candidates) {
    store::Store s = store::Store::create_or_open(db);
    store::ImportOptions o;
    o.file = "c.jsonl";
    o.file_hash = store::sha256_hex("c.jsonl");
    o.importer = "jsonl";
    o.candidates = candidates;
    std::size_t i = 0;
    return s.import(o, [&](store::InputRow& row) {
      if (i == rows.size()) return false;
      row.number = i + 1;
      row.raw = rows[i];
      row.outcome = store::report_from_jsonl(rows[i]);
      ++i;
      return true;
    });
  }
  std::vector<store::Candidate> candidates(Log& log, const std::string& status = "all") {
    return store::list_candidates(log.store(), status);
  }
  std::vector<store::StoredReport> reports(Log& log) {
    std::vector<store::StoredReport> out;
    store::Query all;
    all.history = true;
    log.store().query(all, [&](const store::StoredReport& r) { out.push_back(r); });
    return out;
  }
  json review(const std::string& id, const std::string& decision, json extra = json::object()) {
    json b = {{"candidate", id}, {"decision", decision}};
    b.update(extra);
    return b;
  }
};

TEST_F(ReviewTest, CandidatesAreStoredApartAndNotAssessed) {
  const auto sum = ingest(kRows, true);
  EXPECT_EQ(sum.candidates, 2u);
  EXPECT_EQ(sum.imported, 0u);
  EXPECT_TRUE(sum.written);
  // A normal import: a row saying "status": "candidate" goes to the queue, the other to the reports.
  const auto mixed = ingest({R"({"observed_at":"2020-02-22","lon":36.5,"lat":35.5,"kind":"shelling","source":{"name":"M","type":"monitor"}})",
                             R"({"observed_at":"2020-02-22","lon":36.6,"lat":35.5,"kind":"shelling","status":"candidate","source":{"name":"P","type":"media"}})"},
                            false);
  EXPECT_EQ(mixed.imported, 1u);
  EXPECT_EQ(mixed.candidates, 1u);
  // The same candidates again: duplicates.
  EXPECT_EQ(ingest(kRows, true).duplicates, 2u);
  Log log = open();
  const auto rs = reports(log);
  ASSERT_EQ(rs.size(), 1u);  // only the monitor's report is a report (what assess reads)
  EXPECT_EQ(rs[0].report["source"]["name"], "M");
  const auto cs = candidates(log, "pending");
  ASSERT_EQ(cs.size(), 3u);
  EXPECT_EQ(cs[0].id.substr(0, 1), "c");
  EXPECT_EQ(cs[0].status, "pending");
  EXPECT_FALSE(cs[2].report.contains("status"));  // the marker is not part of the report
  EXPECT_TRUE(candidates(log, "decided").empty());
  EXPECT_TRUE(store::verify(db).empty());
}

TEST_F(ReviewTest, AcceptJoinsTheReportsUnderTheSameDigits) {
  ingest(kRows, true);
  Log log = open();
  const std::string id = candidates(log)[0].id;
  const auto out = log.append({envelope(cast.jmm, "review", std::nullopt, review(id, "accept"))}, kNow);
  ASSERT_EQ(out[0].status, 200) << out[0].reason;
  const auto rs = reports(log);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].id, "r" + id.substr(1));  // accepted unchanged: the same content hash
  EXPECT_EQ(rs[0].importer, "review");
  EXPECT_EQ(rs[0].row_number, out[0].index);
  const auto decided = candidates(log, "decided");
  ASSERT_EQ(decided.size(), 1u);
  EXPECT_EQ(decided[0].status, "accepted");
  ASSERT_EQ(decided[0].decisions.size(), 1u);
  EXPECT_EQ(decided[0].decisions[0].party, "jmm");
  EXPECT_EQ(decided[0].decisions[0].report_id, rs[0].id);
  EXPECT_EQ(candidates(log, "pending").size(), 1u);
  // `reports` says how it reached the store: the review entry that accepted it (an accepted
  // report printed without it reads as imported outside the log).
  for (const char* format : {"jsonl", "geojson"}) {
    std::ostringstream listing;
    store::write_listing(log.store(), store::Query{}, format, listing);
    EXPECT_NE(listing.str().find("\"review_index\":" + std::to_string(out[0].index)), std::string::npos)
        << format << ": " << listing.str();
    EXPECT_EQ(listing.str().find("\"ledger_index\""), std::string::npos) << format;
  }
}

TEST_F(ReviewTest, RejectStaysVisibleWithItsReasonAndIsNeverAssessed) {
  ingest(kRows, true);
  Log log = open();
  const std::string id = candidates(log)[1].id;
  const auto out =
      log.append({envelope(cast.north, "review", std::nullopt, review(id, "reject", {{"reason", "a duplicate claim"}}))},
                 kNow);
  ASSERT_EQ(out[0].status, 200) << out[0].reason;
  EXPECT_TRUE(reports(log).empty());
  const auto decided = candidates(log, "decided");
  ASSERT_EQ(decided.size(), 1u);
  EXPECT_EQ(decided[0].status, "rejected");
  EXPECT_EQ(decided[0].decisions[0].reason, "a duplicate claim");
  EXPECT_EQ(decided[0].decisions[0].report_id, "");
  EXPECT_EQ(store::to_json(decided[0])["decisions"][0]["reason"], "a duplicate claim");
}

TEST_F(ReviewTest, CorrectJoinsTheCorrectedReportAndKeepsTheOriginal) {
  ingest(kRows, true);
  Log log = open();
  const std::string id = candidates(log)[0].id;
  const json changes = {{"lon", 36.35}, {"lat", 35.65}, {"actor", "north-force"}, {"observed_at", "2020-02-21T05:30:00Z"}};
  const auto out = log.append({envelope(cast.jmm, "review", std::nullopt, review(id, "correct", {{"changes", changes}}))}, kNow);
  ASSERT_EQ(out[0].status, 200) << out[0].reason;
  const auto rs = reports(log);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].report["lon"], 36.35);
  EXPECT_EQ(rs[0].report["actor"], "north-force");
  EXPECT_EQ(rs[0].report["observed_at"], "2020-02-21T05:30:00Z");
  EXPECT_NE(rs[0].id, "r" + id.substr(1));
  const auto c = candidates(log, "decided").at(0);
  EXPECT_EQ(c.status, "corrected");
  EXPECT_EQ(c.report["lon"], 36.3);  // the original, as proposed
  EXPECT_EQ(c.report["actor"], "unknown gunners");
  EXPECT_EQ(c.decisions[0].changes, changes);
  EXPECT_EQ(c.decisions[0].report_id, rs[0].id);
}

TEST_F(ReviewTest, RefusalsChangeNothing) {
  ingest(kRows, true);
  Log log = open();
  const std::string id = candidates(log)[0].id;
  auto refused = [&](const json& env, int status, const std::string& words) {
    const uint64_t size = log.size();
    const auto out = log.append({env}, kNow);
    EXPECT_EQ(out[0].status, status) << out[0].reason;
    EXPECT_NE(out[0].reason.find(words), std::string::npos) << out[0].reason;
    EXPECT_EQ(log.size(), size);
  };
  // Bad bodies: each names the field.
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "reject")), 400, "entry.body.reason");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "reject", {{"reason", "  "}})), 400, "entry.body.reason");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "maybe")), 400, "entry.body.decision");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "accept", {{"colour", 1}})), 400, "entry.body.colour");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "accept", {{"changes", {{"lon", 1}}}})), 400,
          "entry.body.changes");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "correct")), 400, "entry.body.changes");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "correct", {{"changes", {{"lon", 36.0}}}})), 400,
          "lon and lat");
  refused(envelope(cast.jmm, "review", std::nullopt, review(id, "correct", {{"changes", {{"kind", "other"}}}})), 400,
          "entry.body.changes.kind");
  refused(envelope(cast.jmm, "review", std::nullopt,
                   review(id, "correct", {{"changes", {{"lon", 36.0}, {"lat", 95.0}}}})),
          400, "the corrected report is not valid");
  // An unknown candidate; a ref for an ingested candidate.
  refused(envelope(cast.jmm, "review", std::nullopt, review("c00000000000000000000", "accept")), 400,
          "no candidate c00000000000000000000");
  log.append({envelope(cast.jmm, "notification", std::nullopt, {{"kind", "patrol"}})}, kNow);  // entry 0
  refused(envelope(cast.jmm, "review", 0, review(id, "accept")), 400, "ref must be null");
  // The wrong role: an observer reads, and may only propose candidates.
  refused(envelope(cast.press, "review", std::nullopt, review(id, "accept")), 403, "observer");
  refused(envelope(cast.press, "report", std::nullopt, report_body(1)), 403, "observer");
  // Nothing was decided by any of them.
  EXPECT_EQ(candidates(log, "pending").size(), 2u);
  EXPECT_TRUE(reports(log).empty());
  // A second decision on a decided candidate is refused; the same one signed again is a duplicate.
  const auto first = log.append({envelope(cast.jmm, "review", std::nullopt, review(id, "accept"))}, kNow);
  ASSERT_EQ(first[0].status, 200) << first[0].reason;
  refused(envelope(cast.north, "review", std::nullopt, review(id, "reject", {{"reason", "no"}})), 400,
          "already decided by entry 1 (accept)");
  const auto again = log.append({envelope(cast.jmm, "review", std::nullopt, review(id, "accept"), kNow + 5)}, kNow);
  EXPECT_EQ(again[0].status, 200) << again[0].reason;
  EXPECT_TRUE(again[0].duplicate);
  EXPECT_EQ(again[0].index, first[0].index);
  EXPECT_EQ(reports(log).size(), 1u);
}

TEST_F(ReviewTest, ObserversProposeCandidatesThroughTheLogAndTheRefIsTheirEntry) {
  Log log = open();
  json body = report_body(5);
  body["status"] = "candidate";
  const auto sub = log.append({envelope(cast.press, "report", std::nullopt, body)}, kNow);
  ASSERT_EQ(sub[0].status, 200) << sub[0].reason;
  EXPECT_TRUE(reports(log).empty());
  const auto cs = candidates(log, "pending");
  ASSERT_EQ(cs.size(), 1u);
  ASSERT_TRUE(cs[0].ledger_index);
  EXPECT_EQ(*cs[0].ledger_index, sub[0].index);
  EXPECT_EQ(cs[0].submitted_by, "press");
  // The same candidate again from the same observer: a duplicate.
  const auto dup = log.append({envelope(cast.press, "report", std::nullopt, body, kNow + 1)}, kNow);
  EXPECT_TRUE(dup[0].duplicate);
  // ref must be the candidate's report entry.
  auto out = log.append({envelope(cast.south, "review", std::nullopt, review(cs[0].id, "accept"))}, kNow);
  EXPECT_EQ(out[0].status, 400);
  EXPECT_NE(out[0].reason.find("ref must be 0"), std::string::npos) << out[0].reason;
  out = log.append({envelope(cast.south, "review", sub[0].index, review(cs[0].id, "accept"))}, kNow);
  ASSERT_EQ(out[0].status, 200) << out[0].reason;
  ASSERT_EQ(reports(log).size(), 1u);
  EXPECT_EQ(reports(log)[0].report["summary"], "Shelling 5");
  EXPECT_FALSE(reports(log)[0].report.contains("status"));
}

TEST_F(ReviewTest, LedgerVerifyNamesTheReviewsAndFindsADecisionMissingFromTheStore) {
  ingest(kRows, true);
  const VerifierKey vk = verifier_key("truceline/test", cast.log.public_key);
  std::string rejected;
  {
    Log log = open();
    const auto cs = candidates(log);
    rejected = cs[1].id;
    ASSERT_EQ(log.append({envelope(cast.jmm, "review", std::nullopt, review(cs[0].id, "accept"))}, kNow)[0].status, 200);
    ASSERT_EQ(log.append({envelope(cast.north, "review", std::nullopt,
                                   review(cs[1].id, "reject", {{"reason", "not in the area"}}))},
                         kNow)[0]
                  .status,
              200);
  }
  const VerifyResult ok = verify_store(db, cast.parties(), vk);
  ASSERT_TRUE(ok.ok) << ok.problem;
  ASSERT_EQ(ok.reviews.size(), 2u);
  EXPECT_NE(ok.reviews[0].find("review entry 0 (party jmm): accept c"), std::string::npos) << ok.reviews[0];
  EXPECT_NE(ok.reviews[0].find("-> report r"), std::string::npos) << ok.reviews[0];
  EXPECT_NE(ok.reviews[1].find("review entry 1 (party north-force): reject " + rejected + " (reason: not in the area)"),
            std::string::npos)
      << ok.reviews[1];
  // The decision removed behind the log's back: the review entry no longer verifies.
  {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    for (const char* sql : {"DROP TRIGGER candidate_decision_no_delete", "DELETE FROM candidate_decision WHERE ledger_index = 1"})
      ASSERT_EQ(sqlite3_exec(h, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(h);
  }
  const VerifyResult bad = verify_store(db, cast.parties(), vk);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.problem, "entry 1 (party north-force): the review of " + rejected + " is not applied in the store");
  // verify-store sees the missing trigger.
  bool trigger = false;
  for (const auto& p : store::verify(db)) trigger = trigger || p.find("candidate_decision_no_delete") != std::string::npos;
  EXPECT_TRUE(trigger);
}

// A candidate edited behind truceline's back is damage: verify-store names it, and the queue is
// not read as truth.
TEST_F(ReviewTest, AnEditedCandidateIsDamage) {
  ingest(kRows, true);
  std::string id;
  {
    Log log = open();
    id = candidates(log)[0].id;
  }
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  for (const char* sql : {"DROP TRIGGER candidate_no_update",
                          "UPDATE candidate SET json = replace(json, 'shelling', 'airstrike') WHERE cid = 1"})
    ASSERT_EQ(sqlite3_exec(h, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(h);
  // (Built in steps: GCC 12 warns falsely (-Wrestrict) on "a" + b + "c" here.)
  std::string expected = "candidate ";
  expected += id;
  expected += " (batch 1 row 1): content does not match its hash";
  bool named = false;
  for (const auto& p : store::verify(db)) named = named || p.find(expected) != std::string::npos;
  EXPECT_TRUE(named);
  const store::Store ro = store::Store::open_existing(db);
  EXPECT_THROW(store::list_candidates(ro, "all"), store::DamagedError);
}

// A store of schema 3 (the previous release) is read as it is (no candidates) and migrates to 4
// when a writer opens it; an older truceline refuses schema 4 ("made by a newer truceline",
// pinned by StoreTest for kSchemaVersion + 1).
TEST_F(ReviewTest, Schema3StoreMigrates) {
  {
    store::Store s = store::Store::create_or_open(db);
    s.append("test", {{*store::report_from_json(report_body(7)).report, nullptr}});
    for (const char* sql : {"DROP TABLE candidate_decision", "DROP TABLE candidate",
                            "ALTER TABLE batch DROP COLUMN candidates", "PRAGMA user_version=3"})
      ASSERT_EQ(sqlite3_exec(s.handle(), sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  {
    const store::Store ro = store::Store::open_existing(db);
    EXPECT_TRUE(store::list_candidates(ro, "all").empty());
    std::size_t n = 0;
    ro.query({}, [&](const store::StoredReport&) { ++n; });
    EXPECT_EQ(n, 1u);
  }
  EXPECT_TRUE(store::verify(db).empty());
  EXPECT_EQ(ingest(kRows, true).candidates, 2u);  // the writer migrated it
  {
    const store::Store ro = store::Store::open_existing(db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(ro.handle(), "PRAGMA user_version", -1, &st, nullptr);
    sqlite3_step(st);
    EXPECT_EQ(sqlite3_column_int(st, 0), 4);
    sqlite3_finalize(st);
    EXPECT_EQ(store::list_candidates(ro, "pending").size(), 2u);
  }
  EXPECT_TRUE(store::verify(db).empty());
}

}  // namespace
}  // namespace truceline::ledger
