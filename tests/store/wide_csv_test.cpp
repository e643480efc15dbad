// Issue 16 item 8: a CSV with 10,000 columns. Memory for an import must be bounded by the row
// (a bounded number of rows' text in flight), not by columns × rows.
//
// The measure is the peak resident set (VmHWM in /proc/self/status) of a forked child that
// imports N rows, minus its resident set before the import: independent of wall-clock time and
// of how the allocator is instrumented. The import is a dry run, so SQLite's page cache (which
// grows with the rows written, up to its own fixed bound) stays out of the figure. With memory
// bounded by the row, 200 rows cost about what 40 rows cost; when every row in flight is kept
// (the old pipeline kept up to 2,048 rows of ~2 MB each for such a file), 200 rows cost five
// times as much.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "support/child_memory.hpp"
#include "support/temp_dir.hpp"
#include "truceline/store/importers.hpp"
#include "truceline/store/store.hpp"

namespace truceline::store {
namespace {

constexpr int kColumns = 10000;

void write_wide_csv(const std::string& path, int rows) {
  std::ofstream out(path, std::ios::binary);
  out << "observed_at,kind,lon,lat,source";
  for (int c = 5; c < kColumns; ++c) out << ",col" << c;
  out << "\n";
  for (int r = 0; r < rows; ++r) {
    out << "2024-03-" << (1 + r % 28 < 10 ? "0" : "") << 1 + r % 28 << "T10:00:00Z,shelling," << 36 + r * 0.001
        << ",48.1,Wide Monitor";
    for (int c = 5; c < kColumns; ++c) out << ",v" << r << "_" << c;
    out << "\n";
  }
}

// Imports `csv` (a dry run) in a forked child; the peak resident set the import added, in kB
// (-1 on failure).
long import_growth_kb(const std::string& db, const std::string& csv, std::size_t expect_rows) {
  return test::peak_growth_kb_in_child([&] {
    Store s = Store::create_or_open(db);
    std::ifstream in(csv, std::ios::binary);
    const auto reader = open_reader(Format::csv, in);
    ImportOptions o;
    o.file = csv;
    o.file_hash.assign(1, '0');  // (not = "0": GCC 12 warns falsely, -Wrestrict, in this lambda)
    o.importer = "csv";
    o.dry_run = true;
    RawRow raw;
    const BatchSummary sum = s.import(o, [&](InputRow& row) {
      if (!reader->next(raw)) return false;
      row.number = raw.number;
      row.raw = std::move(raw.raw);
      row.outcome = std::move(raw.outcome);
      return true;
    });
    return sum.imported == expect_rows;
  });
}

TEST(WideCsv, MemoryIsBoundedByTheRowNotColumnsTimesRows) {
  TRUCELINE_SKIP_UNLESS_MEMORY_MEASURABLE();
  test::TempDir t("truceline-wide");
  write_wide_csv(t / "w40.csv", 40);
  write_wide_csv(t / "w200.csv", 200);
  // The child's peak includes the rows before the first one is written, so the first import
  // (a fresh store each) is measured the same way as the second.
  const long small = import_growth_kb(t / "a.db", t / "w40.csv", 40);
  const long large = import_growth_kb(t / "b.db", t / "w200.csv", 200);
  ASSERT_GT(small, 0) << "the 40-row import failed";
  ASSERT_GT(large, 0) << "the 200-row import failed";
  // Five times the rows: well under twice the memory (it was about five times).
  EXPECT_LT(large, 2 * small) << "40 rows: +" << small / 1024 << " MB, 200 rows: +" << large / 1024 << " MB";
  RecordProperty("growth_40_rows_kb", std::to_string(small));
  RecordProperty("growth_200_rows_kb", std::to_string(large));
}

// The bound is not bought by dropping data: every column of a wide row is still kept (as an
// extra field, docs/importers.md).
TEST(WideCsv, EveryRowKeepsEveryColumnAsAnExtraField) {
  test::TempDir t("truceline-wide");
  write_wide_csv(t / "w3.csv", 3);
  std::ifstream in(t / "w3.csv", std::ios::binary);
  const auto reader = open_reader(Format::csv, in);
  RawRow row;
  int n = 0;
  while (reader->next(row)) {
    ++n;
    ASSERT_TRUE(row.outcome.report) << row.outcome.error;
    EXPECT_EQ(row.outcome.report->extra.size(), static_cast<std::size_t>(kColumns - 5));
    std::string want = "v";  // (in steps: GCC 12 warns falsely, -Wrestrict, on "v" + a + "_9999")
    want += std::to_string(n - 1);
    want += "_9999";
    EXPECT_EQ(row.outcome.report->extra.value("col9999", ""), want);
    EXPECT_EQ(row.number, static_cast<std::size_t>(n + 1));
  }
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace truceline::store
