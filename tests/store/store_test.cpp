// The report store: idempotency, supersession, quarantine, append-only enforcement, and the
// kill-and-retry property (a child process really killed with SIGKILL mid-import).
#include "truceline/store/store.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/temp_dir.hpp"
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <map>
#include <random>
#include <sstream>

#include "truceline/error.hpp"
#include "truceline/store/record.hpp"

namespace truceline::store {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

std::string report_line(int i, const std::string& extra = "") {
  return "{\"observed_at\":\"2018-10-" + std::to_string(1 + i % 28) +
         (i % 28 < 9 ? "" : "") + "T08:00:00+03:00\",\"lon\":" + std::to_string(36.0 + (i % 100) * 0.01) +
         ",\"lat\":" + std::to_string(35.0 + (i % 97) * 0.01) +
         ",\"kind\":\"shelling\",\"source\":{\"name\":\"monitor-" + std::to_string(i % 5) +
         "\",\"type\":\"monitor\"},\"summary\":\"report " + std::to_string(i) + "\"" + extra + "}";
}

// Day numbers must be two digits in ISO 8601.
std::string fixed_line(int i) {
  std::string s = report_line(i);
  const auto p = s.find("2018-10-");
  const int day = 1 + i % 28;
  s.replace(p + 8, day < 10 ? 1 : 2, (day < 10 ? "0" : "") + std::to_string(day));
  return s;
}

std::string fmt_line(double lon, double lat, const char* ts, int i) {
  char buf[300];
  std::snprintf(buf, sizeof buf,
                R"({"observed_at":"%s","lon":%.6f,"lat":%.6f,"kind":"shelling","source":{"name":"m"},"summary":"%d"})",
                ts, lon, lat, i);
  return buf;
}

BatchSummary import_lines(Store& s, const std::vector<std::string>& lines, const std::string& file = "test.jsonl",
                          bool strict = false) {
  ImportOptions o;
  o.file = file;
  o.file_hash = "h";
  o.importer = "jsonl";
  o.strict = strict;
  std::size_t i = 0;
  return s.import(o, [&](InputRow& row) {
    if (i >= lines.size()) return false;
    row.number = i + 1;
    row.raw = lines[i];
    row.outcome = report_from_jsonl(lines[i]);
    ++i;
    return true;
  });
}

std::size_t count_reports(const Store& s, bool history = false) {
  std::size_t n = 0;
  Query q;
  q.history = history;
  s.query(q, [&](const StoredReport&) { ++n; });
  return n;
}

TEST(ReportModel, ValidationReasons) {
  EXPECT_EQ(report_from_jsonl("{\"kind\":\"shelling\"}").error, "missing observed_at");
  EXPECT_EQ(report_from_jsonl("not json").error.rfind("invalid JSON", 0), 0u);
  EXPECT_EQ(report_from_jsonl("\xff\xfe").error, "invalid UTF-8");
  // Regression (found by fuzz/fuzz_jsonl.cpp): a number too large for a double made the
  // JSON library throw out_of_range, which escaped; it is now a quarantine reason.
  EXPECT_EQ(report_from_jsonl(R"({"lon": 36e4444444444})").error.rfind("invalid JSON: number overflow", 0), 0u)
      << report_from_jsonl(R"({"lon": 36e4444444444})").error;
  const std::string base = R"({"observed_at":"2018-10-12","lon":36.5,"lat":35.5,"source":{"name":"m"},)";
  EXPECT_EQ(report_from_jsonl(base + R"("kind":"party"})").error.rfind("kind 'party' is not one of", 0), 0u);
  EXPECT_EQ(report_from_jsonl(base + R"("kind":"patrol","reliability":"G"})").error,
            "reliability 'G' is not an Admiralty grade A-F");
  EXPECT_EQ(report_from_jsonl(base + R"("kind":"patrol","credibility":7})").error,
            "credibility 7 is not an Admiralty grade 1-6");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","lon":36.5,"lat":95,"kind":"patrol","source":{"name":"m"}})").error,
            "lat 95 is outside [-90, 90]");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"12/10/2018","place":"Morek","kind":"patrol","source":{"name":"m"}})")
                .error.rfind("observed_at '12/10/2018': dates with slashes or dots are not read", 0),
            0u);
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","kind":"patrol","source":{"name":"m"}})").error,
            "missing location: lon and lat, or place");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","place":"Morek","kind":"patrol"})").error,
            "missing source.name");
  const auto ok = report_from_jsonl(base + R"("kind":"patrol","x_custom":{"a":1}})");
  ASSERT_TRUE(ok.report) << ok.error;
  EXPECT_EQ(ok.report->time_precision, "day");
  EXPECT_EQ(ok.report->extra["x_custom"]["a"], 1) << "unknown fields are kept";
  // The normalized JSON round-trips to the same content.
  const auto again = report_from_json(ok.report->to_json());
  ASSERT_TRUE(again.report);
  EXPECT_EQ(again.report->to_json().dump(), ok.report->to_json().dump());
  EXPECT_EQ(format_iso8601_utc(*parse_iso_time("2018-10-12T08:30:00+03:00")), "2018-10-12T05:30:00Z");
  EXPECT_FALSE(parse_iso_time("2018-10-12T08:30:00")) << "a time without offset is ambiguous";
}

TEST(Store, IdempotentImportAndQuarantine) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  std::vector<std::string> lines;
  for (int i = 0; i < 100; ++i) lines.push_back(fixed_line(i));
  lines.push_back("{broken");
  lines.push_back(R"({"observed_at":"2018-10-12","lon":36,"lat":35,"kind":"bombing","source":{"name":"m"}})");
  auto first = import_lines(s, lines);
  EXPECT_EQ(first.imported, 100u);
  EXPECT_EQ(first.quarantined, 2u);
  auto second = import_lines(s, lines);
  EXPECT_EQ(second.imported, 0u);
  EXPECT_EQ(second.duplicates, 100u);
  EXPECT_EQ(count_reports(s), 100u);
  const auto q = s.quarantine(std::nullopt);
  ASSERT_EQ(q.size(), 2u) << "re-importing a bad row does not store it twice";
  EXPECT_EQ(q[0].row_number, 101u);
  EXPECT_EQ(q[0].raw, "{broken");
  EXPECT_EQ(q[1].reason.rfind("kind 'bombing' is not one of", 0), 0u);
  EXPECT_EQ(s.stats()["batches"].size(), 2u);
}

// WAL: a reader on its own connection sees the store as it was before an import while the
// import's transaction is open (rows already inserted by the writer), and all of it after.
TEST(Store, ReadersSeeBeforeOrAfterNeverHalf) {
  TempDir t;
  const std::string db = t / "r.db";
  Store s = Store::create_or_open(db);
  std::vector<std::string> base, more;
  for (int i = 0; i < 100; ++i) base.push_back(fixed_line(i));
  for (int i = 100; i < 6100; ++i) more.push_back(fixed_line(i));
  ASSERT_EQ(import_lines(s, base).imported, 100u);
  ImportOptions o;
  o.file = "more.jsonl";
  o.file_hash = "h2";
  o.importer = "jsonl";
  std::size_t i = 0, seen_mid = 0;
  std::string mid_error;
  const auto sum = s.import(o, [&](InputRow& row) {
    if (i >= more.size()) return false;
    if (i == 5000) {
      // Thousands of rows are in the open transaction by now (at most 2 048 wait in the queue).
      try {
        const Store reader = Store::open_existing(db);
        seen_mid = count_reports(reader);
      } catch (const std::exception& e) {
        mid_error = e.what();
      }
    }
    row.number = i + 1;
    row.raw = more[i];
    row.outcome = report_from_jsonl(more[i]);
    ++i;
    return true;
  });
  EXPECT_EQ(mid_error, "");
  EXPECT_EQ(seen_mid, 100u) << "a reader saw part of an import in progress";
  EXPECT_EQ(sum.imported, 6000u);
  const Store reader = Store::open_existing(db);
  EXPECT_EQ(count_reports(reader), 6100u);
}

TEST(Store, StrictAndDryRunWriteNothing) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  std::vector<std::string> lines{fixed_line(1), "{broken", fixed_line(2)};
  try {
    import_lines(s, lines, "bad.jsonl", true);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("bad.jsonl:2: invalid JSON", 0), 0u) << e.what();
  }
  EXPECT_EQ(count_reports(s), 0u);
  EXPECT_EQ(s.stats()["batches"].size(), 0u);
}

TEST(Store, SupersessionCurrentViewAndHistory) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  import_lines(s, {fixed_line(1)});
  std::string id;
  s.query({}, [&](const StoredReport& r) { id = r.id; });
  ASSERT_FALSE(id.empty());
  // A correction of the same event: fatalities added, naming the report it supersedes.
  std::string correction = fixed_line(1);
  correction.pop_back();
  correction += ",\"supersedes\":\"" + id + "\",\"fatalities\":2}";
  import_lines(s, {correction});
  std::size_t current = 0, history = 0;
  std::string superseded_by;
  s.query({}, [&](const StoredReport&) { ++current; });
  Query h;
  h.history = true;
  s.query(h, [&](const StoredReport& r) {
    ++history;
    if (r.id == id) superseded_by = r.superseded_by;
  });
  EXPECT_EQ(current, 1u);
  EXPECT_EQ(history, 2u);
  EXPECT_FALSE(superseded_by.empty());
}

TEST(Store, WindowAndBboxQueriesMatchBruteForce) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> lon(36.0, 37.0), lat(35.0, 36.0);
  std::uniform_int_distribution<int> day(1, 28), hour(0, 23);
  struct R {
    double lon, lat;
    int64_t t;
  };
  std::vector<R> truth;
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) {
    const double x = lon(rng), y = lat(rng);
    char ts[40];
    std::snprintf(ts, sizeof ts, "2019-05-%02dT%02d:00:00Z", day(rng), hour(rng));
    truth.push_back({x, y, *parse_iso_time(ts)});
    lines.push_back(fmt_line(x, y, ts, i));
  }
  ASSERT_EQ(import_lines(s, lines).imported, 3000u);
  for (int k = 0; k < 25; ++k) {
    const double w = lon(rng) - 0.3, so = lat(rng) - 0.3, e = w + 0.4, n = so + 0.35;
    const int64_t since = *parse_iso_time("2019-05-" + std::string(k % 2 ? "05" : "10")), until = since + 7 * 86400;
    Query q;
    q.bbox = std::array<double, 4>{w, so, e, n};
    q.since = since;
    q.until = until;
    std::size_t got = 0, expected = 0;
    s.query(q, [&](const StoredReport&) { ++got; });
    for (const auto& r : truth) expected += r.lon >= w && r.lon <= e && r.lat >= so && r.lat <= n && r.t >= since && r.t < until;
    EXPECT_EQ(got, expected) << "seed 11 query " << k;
  }
}

TEST(Store, AppendOnlyIsEnforced) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  import_lines(s, {fixed_line(1), "{broken"});
  for (const char* sql : {"UPDATE report SET kind='other'", "DELETE FROM report", "UPDATE quarantine SET reason='x'",
                          "DELETE FROM quarantine", "DELETE FROM batch", "UPDATE batch SET rows=0"}) {
    char* err = nullptr;
    EXPECT_NE(sqlite3_exec(s.handle(), sql, nullptr, nullptr, &err), SQLITE_OK) << sql;
    sqlite3_free(err);
  }
  EXPECT_EQ(count_reports(s), 1u);
}

TEST(Store, OpenExistingRejectsWhatIsNotAStore) {
  TempDir t;
  EXPECT_THROW(Store::open_existing(t / "missing.db"), InputError);
  EXPECT_FALSE(fs::exists(t / "missing.db")) << "never creates a database";
  { std::ofstream(t / "text.db") << "hello, not a database\n"; }
  EXPECT_THROW(Store::open_existing(t / "text.db"), InputError);
  sqlite3* db = nullptr;
  sqlite3_open((t / "other.db").c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE x(a)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THROW(Store::open_existing(t / "other.db"), InputError);
  EXPECT_THROW(Store::create_or_open(t / "other.db"), InputError);
  Store::create_or_open(t / "ok.db");
  EXPECT_NO_THROW(Store::open_existing(t / "ok.db"));
}

// Issue 11: a store made by a newer truceline (a higher schema version) is refused by the
// writer too, before it changes anything (no migration, no journal-mode change, no batch).
TEST(Store, WriterRefusesANewerSchema) {
  TempDir t;
  const std::string db = t / "new.db";
  {
    Store s = Store::create_or_open(db);
    import_lines(s, {fixed_line(1)});
  }
  {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    const std::string newer = "PRAGMA user_version=" + std::to_string(kSchemaVersion + 1);
    ASSERT_EQ(sqlite3_exec(h, newer.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(h);
  }
  const auto size = fs::file_size(db);
  const auto mtime = fs::last_write_time(db);
  try {
    Store::create_or_open(db);
    FAIL() << "a store of a newer schema was opened for writing";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fmt::format("made by a newer truceline (schema {} > {})", kSchemaVersion + 1, kSchemaVersion)), std::string::npos) << e.what();
  }
  EXPECT_THROW(Store::open_existing(db), InputError);
  EXPECT_EQ(fs::file_size(db), size);
  EXPECT_EQ(fs::last_write_time(db), mtime);
  EXPECT_FALSE(fs::exists(db + "-wal"));
  EXPECT_FALSE(fs::exists(db + "-journal"));
}

// Issue 11: only a content-hash conflict is a duplicate. Another constraint failure (here a
// UNIQUE index on row_number added to the store from outside, standing for any constraint the
// store may enforce) used to be counted as a duplicate by INSERT OR IGNORE, the row silently
// lost; it is now quarantined with SQLite's reason, and the rest of the batch is kept.
TEST(Store, OnlyContentHashConflictsAreDuplicates) {
  TempDir t;
  Store s = Store::create_or_open(t / "c.db");
  ASSERT_EQ(import_lines(s, {fixed_line(1), fixed_line(2)}, "a.jsonl").imported, 2u);
  ASSERT_EQ(sqlite3_exec(s.handle(), "CREATE UNIQUE INDEX test_row_number ON report(row_number)", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  // Row 1 repeats a stored report (a true duplicate); row 2 is new but its row number collides.
  const std::vector<std::string> lines = {fixed_line(1), fixed_line(3)};
  std::vector<std::string> told;
  ImportOptions o;
  o.file = "b.jsonl";
  o.file_hash = "h2";
  o.importer = "jsonl";
  o.on_store_quarantine = [&](const InputRow& row, const std::string& reason) {
    told.push_back(std::to_string(row.number) + ": " + reason);
  };
  std::size_t i = 0;
  const BatchSummary b = s.import(o, [&](InputRow& row) {
    if (i >= lines.size()) return false;
    row.number = i + 1;
    row.raw = lines[i];
    row.outcome = report_from_jsonl(lines[i]);
    ++i;
    return true;
  });
  EXPECT_EQ(b.duplicates, 1u);
  EXPECT_EQ(b.quarantined, 1u);
  EXPECT_EQ(b.imported, 0u);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].rfind("2: the store refused the report (SQLite: UNIQUE constraint failed: report.row_number)", 0), 0u)
      << told[0];
  const auto q = s.quarantine(std::nullopt);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].row_number, 2u);
  EXPECT_EQ(q[0].raw, lines[1]);
  EXPECT_EQ(count_reports(s), 2u);
  // --strict: the same refusal fails the batch instead.
  EXPECT_THROW(import_lines(s, {fixed_line(4)}, "c.jsonl", true), InputError);
}

// --- refusals (issue 10, defect 8) ----------------------------------------------------------

// Counts beyond 2^53 or negative, and precisions beyond 1 000 km, are refused by both JSON
// paths (simdjson's fast path and nlohmann's reference) and as CSV text. Before, 2^64-1 was
// stored as -1 ("civilian fatalities -1") and 1e300 m was accepted.
TEST(ReportModel, CountsAndPrecisionBeyondTheirLimitsAreRefused) {
  const std::string base = R"({"observed_at":"2018-10-12","lon":36.5,"lat":35.5,"kind":"shelling","source":{"name":"m"},)";
  auto error = [&](const std::string& tail) { return report_from_jsonl(base + tail + "}").error; };
  EXPECT_EQ(error(R"("fatalities":18446744073709551615)"),
            "fatalities 18446744073709551615 is too large (at most 2^53 = 9007199254740992)");
  EXPECT_EQ(error(R"("injured":9007199254740993)"), "injured 9007199254740993 is too large (at most 2^53 = 9007199254740992)")
      << "between 2^53 and 2^63: the simdjson path reads it as int64 and must refuse it too";
  EXPECT_EQ(error(R"("weapon_count":"99999999999999999999999")"),
            "weapon_count 99999999999999999999999 is too large (at most 2^53 = 9007199254740992)");
  EXPECT_EQ(error(R"("fatalities":-1)"), "fatalities must be a whole number >= 0 (got -1)");
  EXPECT_EQ(error(R"("fatalities":"-1")"), "fatalities must be a whole number >= 0 (got \"-1\")");
  EXPECT_EQ(error(R"("fatalities":2.5)"), "fatalities must be a whole number >= 0 (got 2.5)");
  EXPECT_EQ(error(R"("location_precision_m":1e300)"), "location_precision_m 1e+300 is more than 1 000 km (at most 1000000 m)");
  EXPECT_EQ(error(R"("location_precision_m":1000000.5)"),
            "location_precision_m 1000000.5 is more than 1 000 km (at most 1000000 m)");
  EXPECT_EQ(error(R"("location_precision_m":"1e999")"), "location_precision_m must be a finite number (got \"1e999\")");
  // The limits themselves are accepted, by both paths (the fast one takes this line whole).
  const auto at = report_from_jsonl(base + R"("fatalities":9007199254740992,"weapon_count":0,"location_precision_m":1000000})");
  ASSERT_TRUE(at.report) << at.error;
  EXPECT_EQ(*at.report->fatalities, int64_t{1} << 53);
  EXPECT_EQ(at.report->location_precision_m, 1e6);
  const auto text = report_from_json(nlohmann::json::parse(base + R"("fatalities":"9007199254740992"})"));
  ASSERT_TRUE(text.report) << text.error;
  EXPECT_EQ(*text.report->fatalities, int64_t{1} << 53);
}

// `explosions` (issue 13) is a count like fatalities: the same limits on both JSON paths and as
// text, kept as a field (not an unknown one) and printed back; before, it was an unknown field
// kept as written, so "explosions": -3 or "many" was stored and summed by nobody.
TEST(ReportModel, ExplosionsIsACountWithTheLimitsOfOtherCounts) {
  const std::string base = R"({"observed_at":"2018-10-12","lon":36.5,"lat":35.5,"kind":"shelling","source":{"name":"m"},)";
  auto error = [&](const std::string& tail) { return report_from_jsonl(base + tail + "}").error; };
  EXPECT_EQ(error(R"("explosions":-3)"), "explosions must be a whole number >= 0 (got -3)");
  EXPECT_EQ(error(R"("explosions":"many")"), "explosions must be a whole number >= 0 (got \"many\")");
  EXPECT_EQ(error(R"("explosions":2.5)"), "explosions must be a whole number >= 0 (got 2.5)");
  EXPECT_EQ(error(R"("explosions":9007199254740993)"),
            "explosions 9007199254740993 is too large (at most 2^53 = 9007199254740992)");
  const auto ok = report_from_jsonl(base + R"("explosions":40})");
  ASSERT_TRUE(ok.report) << ok.error;
  ASSERT_TRUE(ok.report->explosions);
  EXPECT_EQ(*ok.report->explosions, 40);
  EXPECT_TRUE(ok.report->extra.empty()) << "a field of the model, not an unknown one";
  EXPECT_EQ(ok.report->to_json()["explosions"], 40);
  EXPECT_EQ(ok.report->canonical_json(), ok.report->to_json().dump());
  const auto text = report_from_json(nlohmann::json::parse(base + R"("explosions":"12"})"));
  ASSERT_TRUE(text.report) << text.error;
  EXPECT_EQ(*text.report->explosions, 12);
  // The same content hash as when the count was an unknown field kept as written: a store
  // written before keeps its ids (the canonical text puts the key in the same place).
  Report before = *report_from_jsonl(base + "\"kind2\":1}").report;
  before.extra = nlohmann::json{{"explosions", 40}};
  EXPECT_EQ(before.canonical_json(), ok.report->canonical_json());
}

// --source gives a source to rows without one; rows with their own keep it.
TEST(ReportModel, DefaultSourceOnlyForRowsWithoutOne) {
  ReadOptions o;
  o.default_source = "Field team 3";
  const std::string base = R"({"observed_at":"2018-10-12","lon":36.5,"lat":35.5,"kind":"shelling")";
  EXPECT_EQ(report_from_jsonl(base + "}").error, "missing source.name");
  const auto none = report_from_jsonl(base + "}", o);
  ASSERT_TRUE(none.report) << none.error;
  EXPECT_EQ(none.report->source_name, "Field team 3");
  const auto typed = report_from_jsonl(base + R"(,"source":{"type":"monitor"}})", o);
  ASSERT_TRUE(typed.report) << typed.error;
  EXPECT_EQ(typed.report->source_name, "Field team 3");
  EXPECT_EQ(typed.report->source_type, "monitor");
  const auto own = report_from_jsonl(base + R"(,"source":{"name":"UAV 2"}})", o);
  ASSERT_TRUE(own.report) << own.error;
  EXPECT_EQ(own.report->source_name, "UAV 2");
}

// A report that supersedes an id the store does not hold is quarantined; a correction placed
// before the report it corrects in the same file waits for it; a dry run counts the same.
TEST(Store, SupersedesMustNameAKnownReport) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  ASSERT_EQ(import_lines(s, {fixed_line(1)}).imported, 1u);
  std::string id;
  s.query({}, [&](const StoredReport& r) { id = r.id; });
  auto correcting = [](int i, const std::string& target) {
    std::string l = fixed_line(i);
    l.pop_back();
    return l + ",\"supersedes\":\"" + target + "\"}";
  };
  // The id fixed_line(2) will get, to be superseded before it appears.
  const std::string id2 = "r" + sha256_hex(report_from_jsonl(fixed_line(2)).report->canonical_json()).substr(0, 20);
  const std::vector<std::string> lines{
      correcting(3, id),                        // known: in the store
      correcting(4, "r00000000000000000000"),   // unknown
      correcting(5, id2),                       // corrects a report later in this file
      fixed_line(2),
      correcting(6, "R0123"),                   // not an id at all
  };
  for (const bool dry : {true, false}) {
    ImportOptions o;
    o.file = "c.jsonl";
    o.file_hash = "h";
    o.importer = "jsonl";
    o.dry_run = dry;
    std::vector<std::pair<std::size_t, std::string>> store_quarantined;
    o.on_store_quarantine = [&](const InputRow& row, const std::string& reason) {
      store_quarantined.emplace_back(row.number, reason);
    };
    std::size_t i = 0;
    const BatchSummary sum = s.import(o, [&](InputRow& row) {
      if (i >= lines.size()) return false;
      row.number = i + 1;
      row.raw = lines[i];
      row.outcome = report_from_jsonl(lines[i]);
      ++i;
      return true;
    });
    EXPECT_EQ(sum.imported, 3u) << (dry ? "dry run" : "import");
    EXPECT_EQ(sum.quarantined, 2u);
    EXPECT_EQ(sum.written, !dry);
    ASSERT_EQ(store_quarantined.size(), 2u);
    EXPECT_EQ(store_quarantined[0], std::make_pair(std::size_t{2}, std::string("supersedes r00000000000000000000: no such report")));
    EXPECT_EQ(store_quarantined[1].first, 5u);
    EXPECT_EQ(store_quarantined[1].second.rfind("supersedes 'R0123': no such report (a report id is r and 20 hex digits", 0), 0u)
        << store_quarantined[1].second;
  }
  EXPECT_EQ(count_reports(s, true), 4u);
  EXPECT_EQ(count_reports(s), 2u) << "fixed_line(1) and fixed_line(2) are superseded";
  const auto q = s.quarantine(std::nullopt);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].reason, "supersedes r00000000000000000000: no such report");
  EXPECT_TRUE(s.has_report(id2));
  EXPECT_FALSE(s.has_report("r00000000000000000000"));
  EXPECT_FALSE(s.has_report(id2.substr(0, 20)));
}

// A batch that took no report (no rows, or every row quarantined) is not written, not even
// its batch or quarantine rows; a batch of duplicates only is (re-ingest stays a success).
TEST(Store, BatchThatTookNothingIsNotWritten) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  const auto bad = import_lines(s, {"{broken", R"({"observed_at":"2018-10-12T08:30"})"});
  EXPECT_EQ(bad.quarantined, 2u);
  EXPECT_TRUE(bad.took_nothing());
  EXPECT_FALSE(bad.written);
  EXPECT_EQ(bad.batch_id, 0);
  const auto empty = import_lines(s, {});
  EXPECT_TRUE(empty.took_nothing());
  EXPECT_FALSE(empty.written);
  EXPECT_EQ(s.stats()["batches"].size(), 0u);
  EXPECT_EQ(s.quarantine(std::nullopt).size(), 0u);
  ASSERT_TRUE(import_lines(s, {fixed_line(1), "{broken"}).written);
  const auto again = import_lines(s, {fixed_line(1)});
  EXPECT_FALSE(again.took_nothing());
  EXPECT_TRUE(again.written) << "all duplicates: a success, recorded as a batch";
  EXPECT_EQ(s.stats()["batches"].size(), 2u);
}

// --- reading never writes (issue 10, defect 9) -----------------------------------------------

struct FileState {
  std::string bytes;
  struct timespec mtime {};
  bool operator==(const FileState& o) const {
    return bytes == o.bytes && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
  }
};
FileState file_state(const std::string& path) {
  FileState f;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  f.bytes = s.str();
  struct stat st {};
  ::stat(path.c_str(), &st);
  f.mtime = st.st_mtim;
  return f;
}

std::vector<std::string> dir_listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Everything a reader does: queries, quarantine, stats, a dry run.
std::size_t read_everything(const Store& s) {
  std::size_t n = count_reports(s, true);
  n += s.quarantine(std::nullopt).size();
  n += static_cast<std::size_t>(s.stats()["reports"].get<int64_t>());
  return n;
}

// A writer leaves the file in rollback-journal mode (byte 18 of the header: 1 = legacy, 2 =
// WAL); a reader opens it with SQLITE_OPEN_READONLY and leaves the file, its mtime and the
// folder exactly as they were: no -wal, no -shm. Before, readers opened read-write, and a
// store at rest in WAL mode made every reader create -wal/-shm (left behind when it cannot
// checkpoint, e.g. read-only).
TEST(Store, ReadersLeaveNoFilesAndChangeNothing) {
  TempDir t;
  const std::string db = t / "a.db";
  {
    Store s = Store::create_or_open(db);
    import_lines(s, {fixed_line(1), fixed_line(2), "{broken"});
  }
  EXPECT_EQ(dir_listing(t.dir), std::vector<std::string>{"a.db"});
  const FileState before = file_state(db);
  ASSERT_GT(before.bytes.size(), 100u);
  EXPECT_EQ(before.bytes[18], 1) << "left in rollback-journal mode";
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // an mtime change would show
  {
    Store r = Store::open_existing(db);
    EXPECT_TRUE(r.read_only());
    EXPECT_EQ(sqlite3_db_readonly(r.handle(), "main"), 1);
    EXPECT_EQ(read_everything(r), 2u + 1u + 2u);  // reports, quarantined rows, stats
    ImportOptions o;
    o.file = "x.jsonl";
    o.importer = "jsonl";
    EXPECT_THROW(r.import(o, [](InputRow&) { return false; }), std::logic_error) << "a reader never writes";
    o.dry_run = true;
    std::size_t i = 0;
    const auto dry = r.import(o, [&](InputRow& row) {
      if (i++ == 2) return false;
      row.number = i;
      row.raw = fixed_line(static_cast<int>(i + 1));
      row.outcome = report_from_jsonl(row.raw);
      return true;
    });
    EXPECT_EQ(dry.imported, 1u);
    EXPECT_EQ(dry.duplicates, 1u);
    EXPECT_FALSE(dry.written);
    EXPECT_EQ(dir_listing(t.dir), std::vector<std::string>{"a.db"}) << "no -wal/-shm while reading";
  }
  EXPECT_EQ(dir_listing(t.dir), std::vector<std::string>{"a.db"});
  EXPECT_TRUE(file_state(db) == before) << "the file's bytes or mtime changed";
}

// In a read-only folder, as a user who may not write the file: root ignores permissions, so
// as root the reader runs in a child process that drops to nobody (uid 65534) first. Both a
// store at rest (rollback journal) and one left in WAL mode without its -shm (as an older
// truceline left them) are read, without a write.
TEST(Store, ReadOnlyFolderAsAnotherUser) {
  TempDir t;
  const fs::path dir = t.dir / "ro";
  fs::create_directories(dir);
  const std::string rollback = (dir / "rollback.db").string(), wal = (dir / "wal.db").string();
  for (const auto& db : {rollback, wal}) {
    Store s = Store::create_or_open(db);
    import_lines(s, {fixed_line(1), fixed_line(2), "{broken"});
  }
  {  // an older store: WAL mode at rest (SQLite deletes -wal/-shm when the last connection closes)
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(wal.c_str(), &raw), SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  ASSERT_EQ(file_state(wal).bytes[18], 2);
  ASSERT_EQ(dir_listing(dir), (std::vector<std::string>{"rollback.db", "wal.db"}));
  const FileState before_rollback = file_state(rollback), before_wal = file_state(wal);
  fs::permissions(t.dir, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec);
  for (const auto& db : {rollback, wal})
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  // 0: read; 1: failed; the counts come back through the exit status.
  auto read_as_reader = [&](const std::string& db) -> int {
    const pid_t pid = fork();
    if (pid == 0) {
      try {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) _exit(3);
        const Store r = Store::open_existing(db);
        _exit(read_everything(r) == 5 ? 0 : 1);
      } catch (...) {
        _exit(2);
      }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
  };
  EXPECT_EQ(read_as_reader(rollback), 0) << "rollback-journal store in a read-only folder";
  EXPECT_EQ(read_as_reader(wal), 0) << "WAL store without -shm in a read-only folder (immutable=1)";
  EXPECT_EQ(dir_listing(dir), (std::vector<std::string>{"rollback.db", "wal.db"}));
  EXPECT_TRUE(file_state(rollback) == before_rollback);
  EXPECT_TRUE(file_state(wal) == before_wal);
  fs::permissions(dir, fs::perms::owner_all);
}

// Revisions: the same source name and source_id are versions of one record; the newest is
// current, the older ones are superseded by it (query, stats); re-importing changes nothing.
TEST(Store, RevisionsOfOneSourceRecord) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  auto line = [](const std::string& id, int fatalities, const std::string& source = "ACLED") {
    return R"({"observed_at":"2018-11-10","lon":36.6,"lat":35.3,"kind":"shelling","source_id":")" + id +
           R"(","fatalities":)" + std::to_string(fatalities) + R"(,"source":{"name":")" + source + R"("}})";
  };
  const auto first = import_lines(s, {line("SYR1", 2), line("SYR2", 0), line("SYR1", 2, "Other outlet")});
  EXPECT_EQ(first.imported, 3u);
  EXPECT_EQ(first.revisions, 0u) << "another source's SYR1 is another record";
  const auto second = import_lines(s, {line("SYR1", 4), line("SYR2", 1)}, "b.jsonl");
  EXPECT_EQ(second.imported, 2u);
  EXPECT_EQ(second.revisions, 2u);
  EXPECT_EQ(count_reports(s), 3u);
  EXPECT_EQ(count_reports(s, true), 5u);
  EXPECT_EQ(s.stats()["current"], 3);
  std::map<std::string, std::string> superseded;  // fatalities@source -> superseded_by
  std::string newest_syr1;
  Query q;
  q.history = true;
  s.query(q, [&](const StoredReport& r) {
    if (r.report["source_id"] == "SYR1" && r.report["source"]["name"] == "ACLED") {
      if (r.superseded_by.empty()) newest_syr1 = r.id;
      else EXPECT_EQ(r.report["fatalities"], 2);
    }
    superseded[r.report["source_id"].get<std::string>() + "/" + std::to_string(r.report["fatalities"].get<int>()) +
               "/" + r.report["source"]["name"].get<std::string>()] = r.superseded_by;
  });
  EXPECT_FALSE(superseded["SYR1/2/ACLED"].empty());
  EXPECT_EQ(superseded["SYR1/2/ACLED"], newest_syr1);
  EXPECT_TRUE(superseded["SYR1/4/ACLED"].empty());
  EXPECT_TRUE(superseded["SYR1/2/Other outlet"].empty());
  // Idempotent: the same files again add nothing and change nothing.
  const auto again = import_lines(s, {line("SYR1", 2), line("SYR2", 0), line("SYR1", 2, "Other outlet")});
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.duplicates, 3u);
  EXPECT_EQ(again.revisions, 0u);
  EXPECT_EQ(count_reports(s), 3u);
  // A correction of a superseded version is refused; of the current one, taken.
  std::string old_syr1;
  s.query(q, [&](const StoredReport& r) {
    if (r.superseded_by == newest_syr1) old_syr1 = r.id;
  });
  const auto late = import_lines(s, {R"({"observed_at":"2018-11-10","lon":36.6,"lat":35.3,"kind":"shelling","source":{"name":"me"},"supersedes":")" + old_syr1 + "\"}", fixed_line(9)}, "c.jsonl");
  EXPECT_EQ(late.quarantined, 1u);
  const auto rows = s.quarantine(std::nullopt);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().reason, "supersedes " + old_syr1 + ": already superseded by " + newest_syr1 +
                                    ", a newer version of the same source record (correct the current version)");
}

// Two corrections of one report: the second (in the same batch or a later one) is refused.
TEST(Store, OneCorrectionPerReport) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  import_lines(s, {fixed_line(1)});
  std::string id;
  s.query({}, [&](const StoredReport& r) { id = r.id; });
  auto fix = [&](int n, const std::string& of) { return fixed_line(n).insert(1, "\"supersedes\":\"" + of + "\","); };
  // The second correction comes first in the file, before the report it corrects is known.
  const auto b = import_lines(s, {fix(2, id), fix(3, id)});
  EXPECT_EQ(b.imported, 1u);
  EXPECT_EQ(b.quarantined, 1u);
  std::string by;
  Query q;
  q.history = true;
  s.query(q, [&](const StoredReport& r) {
    if (r.id == id) by = r.superseded_by;
  });
  EXPECT_EQ(s.quarantine(std::nullopt).back().reason,
            "supersedes " + id + ": already corrected by " + by + " (correct the current version)");
  const auto c = import_lines(s, {fix(4, id), fix(5, by)}, "later.jsonl");
  EXPECT_EQ(c.imported, 1u) << "the current version can be corrected";
  EXPECT_EQ(c.quarantined, 1u);
  EXPECT_EQ(count_reports(s), 1u);
  EXPECT_THROW(s.quarantine(99), InputError);
}

// Writing a store this user may not write: a clear cause, not SQLite's "attempt to write a
// readonly database" (as root, the writer runs in a child that drops to nobody).
TEST(Store, WritingAReadOnlyStoreSaysPermissionDenied) {
  TempDir t;
  const fs::path dir = t.dir / "ro";
  fs::create_directories(dir);
  const std::string db = (dir / "a.db").string();
  {
    Store s = Store::create_or_open(db);
    import_lines(s, {fixed_line(1)});
  }
  fs::permissions(t.dir, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  auto message_as_nobody = [&](bool relocate) -> std::string {
    int fds[2];
    if (pipe(fds) != 0) return "pipe";
    const pid_t pid = fork();
    if (pid == 0) {
      close(fds[0]);
      std::string what = "no error";
      try {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) _exit(3);
        if (relocate) Store::open_existing(db, Access::read_write);
        else Store::create_or_open(db);
      } catch (const InputError& e) {
        what = e.what();
      } catch (const std::exception& e) {
        what = std::string("other: ") + e.what();
      }
      if (write(fds[1], what.data(), what.size()) < 0) _exit(4);
      _exit(0);
    }
    close(fds[1]);
    std::string out;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    return out;
  };
  const std::string expected = db + ": cannot write the store: permission denied (a read-only file or folder)";
  // A read-only file in a writable folder, then a writable file in a read-only folder.
  fs::permissions(dir, fs::perms::all);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  EXPECT_EQ(message_as_nobody(false), expected);
  EXPECT_EQ(message_as_nobody(true), expected);
  fs::permissions(db, fs::perms::all);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec);
  EXPECT_EQ(message_as_nobody(false), expected);
  fs::permissions(dir, fs::perms::owner_all);
}

// A writer converts an older WAL-mode store back to rollback journal when it closes; while
// another connection is open it cannot, and leaves that to the last writer.
TEST(Store, WriterLeavesRollbackJournalModeWhenLast) {
  TempDir t;
  const std::string db = t / "a.db";
  {
    Store w = Store::create_or_open(db);
    import_lines(w, {fixed_line(1)});
    {
      Store w2 = Store::open_existing(db, Access::read_write);
      EXPECT_EQ(count_reports(w2), 1u);
    }  // w2 closes while w is open: the file stays in WAL mode for now
    EXPECT_TRUE(fs::exists(db + "-wal"));
  }
  EXPECT_EQ(file_state(db).bytes[18], 1);
  EXPECT_EQ(dir_listing(t.dir), std::vector<std::string>{"a.db"});
}

// The kill-and-retry property: a child imports 60 000 reports in one transaction and is
// killed with SIGKILL at a random moment; the store must pass integrity_check, hold either
// nothing or everything of that import, and a re-run must end in the same state as one
// uninterrupted run.
// Rows of an SQL query, each as its columns joined by '|'.
std::vector<std::string> sql_rows(sqlite3* db, const char* sql) {
  std::vector<std::string> out;
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sql;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* v = sqlite3_column_text(st, i);
      if (i) row += '|';
      row += v ? reinterpret_cast<const char*>(v) : "NULL";
    }
    out.push_back(row);
  }
  sqlite3_finalize(st);
  return out;
}

// A large batch packs the R*Tree (store.cpp, RtreeWriter): the packed tree must hold exactly
// the entries SQLite's own inserts make (same rowids, same float32 boxes rounded outwards),
// pass rtreecheck, and answer queries as a tree built by inserts does, whether the batch packs
// a new tree, goes in entry by entry (a small batch into a larger tree), or repacks a smaller
// tree with its own entries.
TEST(Store, PackedRtreeHoldsWhatInsertsWould) {
  TempDir t;
  std::mt19937_64 rng(23);
  std::uniform_real_distribution<double> lon(-179.9, 179.9), lat(-89.9, 89.9);
  std::uniform_int_distribution<int> day(1, 28), hour(0, 23);
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) {
    char ts[40];
    std::snprintf(ts, sizeof ts, "20%02d-05-%02dT%02d:00:00Z", 10 + i % 15, day(rng), hour(rng));
    lines.push_back(fmt_line(lon(rng), lat(rng), ts, i));
  }
  const std::vector<std::string> first(lines.begin(), lines.begin() + 500), rest(lines.begin() + 500, lines.end()),
      most(lines.begin(), lines.begin() + 2000), tail(lines.begin() + 2000, lines.end());
  Store packed = Store::create_or_open(t / "packed.db");  // one batch: packed
  ASSERT_EQ(import_lines(packed, lines).imported, 3000u);
  Store added = Store::create_or_open(t / "added.db");  // 2000 packed, then 1000 inserted
  ASSERT_EQ(import_lines(added, most).imported, 2000u);
  ASSERT_EQ(import_lines(added, tail, "tail.jsonl").imported, 1000u);
  Store repacked = Store::create_or_open(t / "repacked.db");  // 500 packed, then all 3000 packed
  ASSERT_EQ(import_lines(repacked, first).imported, 500u);
  ASSERT_EQ(import_lines(repacked, rest, "rest.jsonl").imported, 2500u);
  // The boxes SQLite's R*Tree module itself makes for these points, inserted one by one.
  sqlite3* mem = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &mem), SQLITE_OK);
  sqlite3_exec(mem, "CREATE VIRTUAL TABLE t USING rtree(rid, min_lon, max_lon, min_lat, max_lat, min_t, max_t)",
               nullptr, nullptr, nullptr);
  const std::string attach = "ATTACH '" + packed.path() + "' AS src";
  ASSERT_EQ(sqlite3_exec(mem, attach.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(mem,
                         "INSERT INTO t SELECT rid, lon, lon, lat, lat, observed_unix, observed_unix FROM src.report "
                         "ORDER BY rid",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  const char* entries = "SELECT * FROM report_rtree ORDER BY rid";
  const auto expected = sql_rows(mem, "SELECT * FROM t ORDER BY rid");
  sqlite3_close(mem);
  ASSERT_EQ(expected.size(), 3000u);
  for (Store* s : {&packed, &added, &repacked}) {
    EXPECT_EQ(sql_rows(s->handle(), entries), expected) << s->path();
    EXPECT_EQ(sql_rows(s->handle(), "SELECT rtreecheck('report_rtree')"), std::vector<std::string>{"ok"}) << s->path();
  }
  // Packed: full nodes (51 cells of 3 dimensions in a node), so 59 leaves, 2 inner nodes and
  // the root; SQLite's inserts split nodes half full (~90 leaves and more).
  EXPECT_EQ(sql_rows(packed.handle(), "SELECT count(*) FROM report_rtree_node"), std::vector<std::string>{"62"});
  EXPECT_EQ(sql_rows(repacked.handle(), "SELECT count(*) FROM report_rtree_node"), std::vector<std::string>{"62"});
  // The same answers from every tree.
  for (int k = 0; k < 20; ++k) {
    const double w = lon(rng), so = lat(rng);
    Query q;
    q.bbox = std::array<double, 4>{w, so, w + 40, so + 30};
    q.history = true;
    std::vector<std::string> got[3];
    int i = 0;
    for (Store* s : {&packed, &added, &repacked}) {
      s->query(q, [&](const StoredReport& r) { got[i].push_back(r.id); });
      ++i;
    }
    EXPECT_EQ(got[0], got[1]) << "seed 23 query " << k;
    EXPECT_EQ(got[0], got[2]) << "seed 23 query " << k;
  }
}

// A large batch into an empty store builds the secondary indexes at its end (store.cpp,
// DeferredIndexes): the same reports, corrections, revisions, duplicates and quarantine as the
// same rows imported in batches too small for that, the same index definitions, and a store
// that passes integrity_check (which checks every index entry against its row).
TEST(Store, DeferredIndexesGiveWhatPerRowIndexesGive) {
  TempDir t;
  auto id_of = [](const std::string& line) {
    return "r" + hash_prefix_hex(sha256_bytes(report_from_jsonl(line).report->canonical_json()));
  };
  auto with = [](std::string line, const std::string& key, const std::string& value) {
    return line.insert(1, "\"" + key + "\":\"" + value + "\",");
  };
  std::vector<std::string> lines;
  for (int i = 0; i < 9000; ++i) {
    if (i % 1000 == 500) {
      lines.push_back("{\"observed_at\":\"2018-10-01\",\"kind\":\"shelling\"}");  // bad: no location
    } else {
      // Rows 3000 apart share a source record (same source name, same source_id): revisions.
      // (fmt: GCC 12 warns falsely (-Wrestrict) on "k" + std::to_string(...) here.)
      lines.push_back(with(fixed_line(i), "source_id", fmt::format("k{}", i % 3000)));
    }
  }
  // Corrections after the indexes are dropped (row > 4096), of reports taken before: the first
  // of report 6010 (the newest version of its record) is taken, a second refused; report 20
  // has a newer version (row 3020): refused; an unknown id: refused.
  const std::string r6010 = id_of(lines[6010]), r20 = id_of(lines[20]);
  lines[7001] = with(fixed_line(90001), "supersedes", r6010);
  lines[8001] = with(fixed_line(90002), "supersedes", r6010);
  lines[8002] = with(fixed_line(90003), "supersedes", r20);
  lines[8003] = with(fixed_line(90004), "supersedes", "r0123456789abcdef0123");
  for (std::size_t i = 99; i < lines.size(); i += 100) lines[i] = lines[i - 50];  // duplicates
  Store one = Store::create_or_open(t / "one.db");
  const BatchSummary a = import_lines(one, lines);
  Store many = Store::create_or_open(t / "many.db");
  BatchSummary b;
  for (std::size_t first = 0; first < lines.size();) {
    // 2000 rows first, then 1000 at a time: never as many as the store holds.
    const std::size_t n = std::min<std::size_t>(first == 0 ? 2000 : 1000, lines.size() - first);
    const BatchSummary s = import_lines(many, {lines.begin() + static_cast<std::ptrdiff_t>(first),
                                               lines.begin() + static_cast<std::ptrdiff_t>(first + n)},
                                        "part" + std::to_string(first) + ".jsonl");
    b.imported += s.imported, b.duplicates += s.duplicates, b.quarantined += s.quarantined, b.revisions += s.revisions;
    first += n;
  }
  EXPECT_EQ(a.imported, b.imported);
  EXPECT_EQ(a.duplicates, b.duplicates);
  EXPECT_EQ(a.quarantined, b.quarantined);
  EXPECT_EQ(a.revisions, b.revisions);
  EXPECT_EQ(a.duplicates, 90u);
  EXPECT_EQ(a.quarantined, 12u) << "9 bad rows, 3 refused corrections";
  EXPECT_GT(a.revisions, 5000u);
  auto reports = [](const Store& s) {
    std::vector<std::string> out;
    Query q;
    q.history = true;
    s.query(q, [&](const StoredReport& r) { out.push_back(r.id + " " + r.superseded_by + " " + r.report.dump()); });
    return out;
  };
  const auto got = reports(one);
  EXPECT_EQ(got.size(), a.imported);
  EXPECT_EQ(got, reports(many));
  EXPECT_EQ(count_reports(one), count_reports(many));
  auto reasons = [](const Store& s) {
    std::vector<std::string> out;
    for (const auto& q : s.quarantine(std::nullopt)) out.push_back(q.reason + "\n" + q.raw);
    return out;
  };
  EXPECT_EQ(reasons(one), reasons(many));
  const auto refused = reasons(one);
  EXPECT_TRUE(std::any_of(refused.begin(), refused.end(), [&](const std::string& r) {
    return r.rfind("supersedes " + r6010 + ": already corrected by ", 0) == 0;
  }));
  EXPECT_TRUE(std::any_of(refused.begin(), refused.end(), [&](const std::string& r) {
    return r.rfind("supersedes " + r20 + ": already superseded by ", 0) == 0;
  }));
  const char* indexes = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'report' ORDER BY name";
  Store fresh = Store::create_or_open(t / "fresh.db");
  EXPECT_EQ(sql_rows(one.handle(), indexes), sql_rows(fresh.handle(), indexes));
  EXPECT_EQ(sql_rows(many.handle(), indexes), sql_rows(fresh.handle(), indexes));
  for (Store* s : {&one, &many})
    EXPECT_EQ(sql_rows(s->handle(), "PRAGMA integrity_check"), std::vector<std::string>{"ok"}) << s->path();
  // The one batch did build them at its end: made again, they come after report_source_record
  // in sqlite_schema; the batches kept them where the schema made them.
  const char* order = "SELECT name FROM sqlite_schema WHERE name IN ('report_time', 'report_source_record') ORDER BY rowid";
  EXPECT_EQ(sql_rows(one.handle(), order), (std::vector<std::string>{"report_source_record", "report_time"}));
  EXPECT_EQ(sql_rows(many.handle(), order), (std::vector<std::string>{"report_time", "report_source_record"}));
}

TEST(Store, KilledImportLeavesNoTraceAndRetryCompletes) {
  TempDir t;
  std::vector<std::string> lines;
  for (int i = 0; i < 60000; ++i) lines.push_back(fixed_line(i) .insert(1, "\"source_id\":\"" + std::to_string(i) + "\","));
  // Reference: one clean run.
  std::size_t reference = 0;
  {
    Store ref = Store::create_or_open(t / "ref.db");
    reference = import_lines(ref, lines).imported;
  }
  std::mt19937 rng(4242);
  int killed_mid = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const std::string db = t / ("kill" + std::to_string(attempt) + ".db");
    Store::create_or_open(db);  // schema first, so the child only imports
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      try {
        Store s = Store::open_existing(db, Access::read_write);
        import_lines(s, lines);
      } catch (...) {
        _exit(1);  // never back into the test runner in the child
      }
      _exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 400)(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    killed_mid += WIFSIGNALED(status);
    Store s = Store::open_existing(db, Access::read_write);
    {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(s.handle(), "PRAGMA integrity_check", -1, &st, nullptr);
      ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
      EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
      sqlite3_finalize(st);
    }
    const std::size_t after_kill = count_reports(s);
    EXPECT_TRUE(after_kill == 0 || after_kill == reference) << "seed 4242 attempt " << attempt << ": " << after_kill;
    const auto rerun = import_lines(s, lines);
    EXPECT_EQ(rerun.imported + rerun.duplicates, reference);
    EXPECT_EQ(count_reports(s), reference);
  }
  RecordProperty("killed_mid_import", killed_mid);
  EXPECT_GT(killed_mid, 0) << "at least one child was really killed";
}

}  // namespace
}  // namespace truceline::store
