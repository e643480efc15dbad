// Issue 15, "Streaming everywhere": `assess` writes its verdicts as it goes, so its memory does
// not grow with the reports it assesses (docs/assessment.md, "Memory"); `reports` writes its
// output to disk as it reads (docs/cli.md), so neither does its.
//
// The measure is the peak resident set (VmHWM in /proc/self/status) of a forked child that
// runs `truceline assess` (in process, through cli::run) on a store of N reports and on one of
// 4N, minus its resident set before: independent of wall-clock time. The reports are patrols
// along the Idlib line, one verdict each (the patrol obligation), and not events: the streamed
// assessment keeps nothing of them once their verdicts are written (event reports are kept,
// reduced, for incident fusion: that share still grows, and is measured in docs/assessment.md).
// The whole-document assessment held every report, every verdict and the whole JSON tree
// (~14 kB a verdict): four times the reports took about four times the memory.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.hpp"
#include "support/child_memory.hpp"
#include "support/temp_dir.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/cli/app.hpp"

namespace truceline::cli {
namespace {

using test::TempDir;

const std::string kAgreement = TRUCELINE_TEST_DATA "/../../data/scenarios/idlib-2018/agreement.toml";

using Result = test::CliResult;
using test::run_cli;

// `n` patrols near the line south-west of Aleppo, over November 2018, minute precision.
std::string patrols(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    char line[400];
    const int minute = i % (30 * 24 * 60);
    std::snprintf(line, sizeof line,
                  R"({"observed_at":"2018-11-%02dT%02d:%02d:00Z","time_precision":"minute","lon":%.4f,"lat":%.4f,)"
                  R"("location_precision_m":500,"kind":"patrol","actor":"Russian military police",)"
                  R"("source":{"name":"Synthetic Monitor Patrol Team","type":"monitor"},"reliability":"B",)"
                  R"("credibility":2,"source_id":"mem-%d","summary":"synthetic patrol %d"})"
                  "\n",
                  1 + minute / (24 * 60), minute / 60 % 24, minute % 60, 36.95 + (i % 101) * 0.001,
                  35.75 + (i % 89) * 0.001, i, i);
    out += line;
  }
  return out;
}

std::string store_of(const TempDir& t, int n) {
  std::string name = "p";  // (in steps: GCC 12 warns falsely, -Wrestrict, on "p" + a + ".db")
  name += std::to_string(n);
  const std::string input = t / (name + ".jsonl"), db = t / (name + ".db");
  std::ofstream(input, std::ios::binary) << patrols(n);
  const Result r = run_cli({"ingest", "--db", db, input});
  EXPECT_EQ(r.status, 0) << r.err;
  return db;
}

// Runs `assess` in a forked child; the peak resident set it added, in kB (-1 on failure, or
// when the output does not hold `verdicts` verdicts).
long assess_growth_kb(const std::string& db, const std::string& format, const std::string& out, int verdicts) {
  return test::peak_growth_kb_in_child([&] {
    const Result r = run_cli({"assess", "--agreement", kAgreement, "--db", db, "--at", "2018-12-01", "--format", format,
                              "-o", out});
    return r.status == 0 && r.err.find(std::to_string(verdicts) + " verdicts") != std::string::npos;
  });
}

class AssessMemory : public ::testing::TestWithParam<const char*> {};

TEST_P(AssessMemory, DoesNotGrowWithTheReports) {
  TRUCELINE_SKIP_UNLESS_MEMORY_MEASURABLE();
  // Both sizes well past a batch (assess::kStreamBatch reports are in memory at a time).
  constexpr int kSmall = 3 * static_cast<int>(assess::kStreamBatch) / 2, kLarge = 4 * kSmall;
  static TempDir t("truceline-assess-mem");
  static const std::string small_db = store_of(t, kSmall), large_db = store_of(t, kLarge);
  const std::string format = GetParam();
  const long small = assess_growth_kb(small_db, format, t / (std::string("small.") += format), kSmall);
  const long large = assess_growth_kb(large_db, format, t / (std::string("large.") += format), kLarge);
  ASSERT_GT(small, 0) << "assessing " << kSmall << " reports failed";
  ASSERT_GT(large, 0) << "assessing " << kLarge << " reports failed";
  // Four times the reports: well under twice the memory (it was about four times).
  EXPECT_LT(large, 2 * small) << kSmall << " reports: +" << small / 1024 << " MB, " << kLarge << " reports: +"
                              << large / 1024 << " MB";
  RecordProperty("growth_small_kb", std::to_string(small));
  RecordProperty("growth_large_kb", std::to_string(large));
}

INSTANTIATE_TEST_SUITE_P(Formats, AssessMemory, ::testing::Values("json", "csv", "geojson"));

// `n` shelling reports (event reports: fused into incidents) near the Idlib line, 1 024 a day
// from 1 November 2018, hour precision, on a grid of 2 km steps (some fuse, most stand alone).
std::string shellings(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    char line[500];
    const int day = i / 1024, minute = (i % 1024) * 24 * 60 / 1024;
    std::snprintf(line, sizeof line,
                  R"({"observed_at":"2018-11-%02dT%02d:%02d:00Z","time_precision":"hour","lon":%.4f,"lat":%.4f,)"
                  R"("location_precision_m":1000,"kind":"shelling","actor":"Syrian Arab Army","fatalities":%d,)"
                  R"("source":{"name":"Synthetic Monitor Team %d","type":"monitor"},"reliability":"B",)"
                  R"("credibility":2,"source_id":"ev-%d","summary":"synthetic shelling %d"})"
                  "\n",
                  1 + day, minute / 60, minute % 60, 36.60 + (i % 37) * 0.02, 35.50 + (i / 37 % 41) * 0.02, i % 4,
                  i % 3, i, i);
    out += line;
  }
  return out;
}

// Event reports: fusion reads them in time order and holds only the incidents a later report
// can still join (a day and some hours of them), writing the others out through a spool. It
// kept every event report (reduced) and every incident until the end: measured with the
// `truceline` binary on these stores, a peak resident set of 50 MB for 6 144 events and 98 MB
// for 24 576 before; 41 and 46 MB now (here: +21.0 and +21.6 MB).
TEST(AssessMemory, EventReportsDoNotGrowIt) {
  TRUCELINE_SKIP_UNLESS_MEMORY_MEASURABLE();
  constexpr int kSmall = 6144, kLarge = 4 * kSmall;  // 6 and 24 days
  static TempDir t("truceline-assess-events-mem");
  auto store = [&](int n) {
    std::string name = "e";  // (in steps: GCC 12 warns falsely, -Wrestrict, on "e" + a + ".db")
    name += std::to_string(n);
    const std::string input = t / (name + ".jsonl"), db = t / (name + ".db");
    std::ofstream(input, std::ios::binary) << shellings(n);
    const Result r = run_cli({"ingest", "--db", db, input});
    EXPECT_EQ(r.status, 0) << r.err;
    return db;
  };
  const std::string small_db = store(kSmall), large_db = store(kLarge);
  auto growth_kb = [&](const std::string& db, int n) {
    return test::peak_growth_kb_in_child([&] {
      const Result r = run_cli({"assess", "--agreement", kAgreement, "--db", db, "--at", "2018-12-01", "-o", t / "e.json"});
      std::string said = ": ";
      said += std::to_string(n);
      said += " reports";
      return r.status == 0 && r.err.find(said) != std::string::npos;
    });
  };
  const long small = growth_kb(small_db, kSmall), large = growth_kb(large_db, kLarge);
  ASSERT_GT(small, 0) << "assessing " << kSmall << " event reports failed";
  ASSERT_GT(large, 0) << "assessing " << kLarge << " event reports failed";
  EXPECT_LT(large, small + small / 2) << kSmall << " event reports: +" << small / 1024 << " MB, " << kLarge
                                      << " event reports: +" << large / 1024 << " MB";
  RecordProperty("growth_small_kb", std::to_string(small));
  RecordProperty("growth_large_kb", std::to_string(large));
}

// `reports -o FILE` on N and 4N reports (about 0.7 kB of JSON Lines each: 4 and 17 MB). It held
// its output in memory up to 64 MiB: four times the reports took about four times the memory.
TEST(ReportsMemory, DoesNotGrowWithTheOutput) {
  TRUCELINE_SKIP_UNLESS_MEMORY_MEASURABLE();
  constexpr int kSmall = 6000, kLarge = 4 * kSmall;
  static TempDir t("truceline-reports-mem");
  const std::string small_db = store_of(t, kSmall), large_db = store_of(t, kLarge);
  auto growth_kb = [&](const std::string& db, int n) {
    return test::peak_growth_kb_in_child([&] {
      const std::string out = t / "out.jsonl";
      const Result r = run_cli({"reports", "--db", db, "-o", out});
      std::ifstream in(out);
      int lines = 0;
      for (std::string line; std::getline(in, line);) ++lines;
      return r.status == 0 && lines == n;
    });
  };
  const long small = growth_kb(small_db, kSmall), large = growth_kb(large_db, kLarge);
  ASSERT_GT(small, 0) << "reports on " << kSmall << " reports failed";
  ASSERT_GT(large, 0) << "reports on " << kLarge << " reports failed";
  EXPECT_LT(large, small + small / 2 + 2048) << kSmall << " reports: +" << small / 1024 << " MB, " << kLarge
                                             << " reports: +" << large / 1024 << " MB";
  RecordProperty("growth_small_kb", std::to_string(small));
  RecordProperty("growth_large_kb", std::to_string(large));
}

}  // namespace
}  // namespace truceline::cli
