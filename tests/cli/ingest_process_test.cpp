// `truceline ingest` as a process (the real binary): signals during an import, and the batch's
// file hash of an input read through a pipe (issue 16, items 5 and 6). The golden cases
// ingest_pipes, ingest_fifo, ingest_fifo_silent, ingest_devices and ingest_nul_bytes cover
// the messages; these tests need process control (a signal at a chosen moment) or a look into
// the store.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"
#include "truceline/store/record.hpp"

extern char** environ;

namespace truceline {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using namespace std::chrono_literals;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A child process with stdout and stderr in files, SIGINT/SIGTERM/SIGHUP at their defaults
// (a test runner started in the background may ignore SIGINT; the child must not inherit that).
struct Child {
  pid_t pid = -1;
  std::string out_path, err_path;

  Child(const std::vector<std::string>& argv, const TempDir& t, const std::string& tag)
      : out_path(t / (tag + ".out")), err_path(t / (tag + ".err")) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults, none;
    sigemptyset(&defaults);
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, s);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  ~Child() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }

  // The wait status, or nullopt when the child is still running after `limit` (then killed).
  std::optional<int> wait(std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    for (;;) {
      int status = 0;
      const pid_t r = waitpid(pid, &status, WNOHANG);
      if (r == pid) {
        pid = -1;
        return status;
      }
      if (std::chrono::steady_clock::now() > end) return std::nullopt;  // the destructor kills it
      std::this_thread::sleep_for(10ms);
    }
  }
  std::string out() const { return slurp(out_path); }
  std::string err() const { return slurp(err_path); }
};

// How far the child has read `file` (its descriptor's offset, from /proc); nullopt when the
// child has the file not open (yet, or any more) or /proc is not there.
std::optional<long long> read_offset(pid_t pid, const std::string& file) {
  std::error_code ec;
  const fs::path fd_dir = fs::path("/proc") / std::to_string(pid) / "fd";
  for (const auto& e : fs::directory_iterator(fd_dir, ec)) {
    std::error_code ec2;
    if (fs::read_symlink(e.path(), ec2) != fs::path(file)) continue;
    std::ifstream info(fs::path("/proc") / std::to_string(pid) / "fdinfo" / e.path().filename());
    std::string key;
    long long pos = 0;
    if (info >> key >> pos && key == "pos:") return pos;
  }
  return std::nullopt;
}

// One SQL value as text (the first column of the first row), or "" when there is none.
std::string sql_value(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string v;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      if (const unsigned char* t = sqlite3_column_text(s, 0)) v = reinterpret_cast<const char*>(t);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return v;
}

std::string report_line(int i) {
  const int day = 1 + i % 28;
  return R"({"observed_at":"2020-03-)" + std::string(day < 10 ? "0" : "") + std::to_string(day) + R"(T10:00:00Z","lon":)" +
         std::to_string(36 + (i % 1000) / 1000.0) + R"(,"lat":)" + std::to_string(35 + (i % 997) / 1000.0) +
         R"(,"kind":"shelling","source_id":"s)" + std::to_string(i) + R"(","source":{"name":"Mon","type":"monitor"}})" +
         "\n";
}

// The store holds what it held before: 12 reports in one batch, consistent, no side files.
void expect_store_unchanged(const std::string& db) {
  EXPECT_EQ(sql_value(db, "SELECT count(*) FROM report"), "12");
  EXPECT_EQ(sql_value(db, "SELECT count(*) FROM batch"), "1");
  EXPECT_EQ(sql_value(db, "PRAGMA integrity_check"), "ok");
  for (const char* side : {"-wal", "-shm", "-journal"}) EXPECT_FALSE(fs::exists(db + side)) << db << side;
}

class IngestSignal : public ::testing::TestWithParam<int> {
 protected:
  // ~200 k rows (about 30 MB), written once for the three signals.
  static void SetUpTestSuite() {
    dir_ = new TempDir("truceline-signal");
    std::ofstream big(*dir_ / "big.jsonl", std::ios::binary);
    for (int i = 0; i < 200000; ++i) big << report_line(i);
    std::ofstream small(*dir_ / "small.jsonl", std::ios::binary);
    for (int i = 0; i < 12; ++i) small << report_line(1000000 + i);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
};
TempDir* IngestSignal::dir_ = nullptr;

// Issue 16, item 6: a signal during an import rolls it back, says so, exits 128 + signal and
// leaves no -wal behind. (Before: the process died of the signal, printed nothing and left a
// -wal file of up to 170 MB.)
TEST_P(IngestSignal, RollsBackSaysSoAndLeavesNoWal) {
  const int sig = GetParam();
  if (!fs::exists("/proc/self/fdinfo")) GTEST_SKIP() << "no /proc: cannot tell when the import has begun";
  const std::string tag = std::to_string(sig);
  const std::string db = *dir_ / ("store" + tag + ".db"), big = *dir_ / "big.jsonl";
  {
    Child setup({TRUCELINE_BIN, "ingest", "--db", db, *dir_ / "small.jsonl"}, *dir_, "setup" + tag);
    const auto status = setup.wait(60s);
    ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << setup.err();
  }
  Child c({TRUCELINE_BIN, "ingest", "--db", db, big}, *dir_, "ingest" + tag);
  ASSERT_GT(c.pid, 0);
  // The import has begun once more than 1 MiB of the file was read: the reader runs at most
  // 8 × 256 rows (~0.3 MB) and two 64 KiB buffers ahead of the writer, which works inside
  // the batch's transaction. Bounded wait: 60 s.
  const long long size = static_cast<long long>(fs::file_size(big));
  std::optional<long long> at;
  for (const auto end = std::chrono::steady_clock::now() + 60s; std::chrono::steady_clock::now() < end;) {
    at = read_offset(c.pid, big);
    if (at && *at > (1 << 20)) break;
    std::this_thread::sleep_for(2ms);
  }
  ASSERT_TRUE(at && *at > (1 << 20)) << "the import did not begin within 60 s";
  ASSERT_LT(*at, size) << "the whole file was read before the signal: make it larger";
  ASSERT_EQ(kill(c.pid, sig), 0);
  const auto status = c.wait(60s);
  ASSERT_TRUE(status.has_value()) << "no exit within 60 s of the signal";
  ASSERT_TRUE(WIFEXITED(*status)) << "died of signal " << (WIFSIGNALED(*status) ? WTERMSIG(*status) : 0);
  EXPECT_EQ(WEXITSTATUS(*status), 128 + sig);
  EXPECT_NE(c.err().find("truceline: interrupted: nothing imported from " + big), std::string::npos) << c.err();
  EXPECT_EQ(c.out(), big + ": imported 0, duplicates 0, quarantined 0 (interrupted: nothing written)\n");
  expect_store_unchanged(db);
  RecordProperty("read_bytes_at_signal", std::to_string(*at));
}

INSTANTIATE_TEST_SUITE_P(Signals, IngestSignal, ::testing::Values(SIGINT, SIGTERM, SIGHUP),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return p.param == SIGINT ? "SIGINT" : p.param == SIGTERM ? "SIGTERM" : "SIGHUP";
                         });

// A signal also ends a read blocked on a FIFO nobody writes to (the wait polls a pipe the
// signal handler writes to), well before --input-timeout. (Before: the open() itself blocked
// until a writer came; the signal killed the process.)
TEST(IngestSignalOnFifo, WakesABlockedRead) {
  if (!fs::exists("/proc/self/fdinfo")) GTEST_SKIP() << "no /proc: cannot tell when the FIFO is open";
  TempDir t;
  const std::string fifo = t / "in.jsonl", db = t / "s.db";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Child c({TRUCELINE_BIN, "ingest", "--db", db, "--input-timeout", "600", fifo}, t, "fifo");
  ASSERT_GT(c.pid, 0);
  bool open = false;
  for (const auto end = std::chrono::steady_clock::now() + 60s; !open && std::chrono::steady_clock::now() < end;) {
    open = read_offset(c.pid, fifo).has_value();
    if (!open) std::this_thread::sleep_for(2ms);
  }
  ASSERT_TRUE(open) << "the FIFO was not opened within 60 s";
  ASSERT_EQ(kill(c.pid, SIGINT), 0);
  const auto status = c.wait(60s);
  ASSERT_TRUE(status.has_value()) << "no exit within 60 s of the signal";
  ASSERT_TRUE(WIFEXITED(*status)) << "died of signal " << (WIFSIGNALED(*status) ? WTERMSIG(*status) : 0);
  EXPECT_EQ(WEXITSTATUS(*status), 130);
  EXPECT_EQ(c.err(), "truceline: interrupted: nothing imported from " + fifo + " (SIGINT)\n");
  EXPECT_FALSE(fs::exists(db)) << "a store this run created and wrote nothing into is removed";
}

// Issue 16, item 5: a process substitution is read once, parsed and hashed in the same pass:
// every row is imported and the batch records the SHA-256 of the bytes read. (Before: the
// file was read to hash it, reopened empty, "imported 0".)
TEST(IngestPipe, ProcessSubstitutionImportsEveryRowAndRecordsItsHash) {
  if (::access("/bin/bash", X_OK) != 0) GTEST_SKIP() << "no /bin/bash for a process substitution";
  TempDir t;
  const std::string file = t / "reports.jsonl", db = t / "s.db";
  {
    std::ofstream f(file, std::ios::binary);
    for (int i = 0; i < 3000; ++i) f << report_line(i);  // 3000 rows: several 64 KiB reads
  }
  const std::string script = "exec \"$0\" ingest --db \"$1\" <(cat \"$2\")";
  for (int run = 0; run < 2; ++run) {
    Child c({"/bin/bash", "-c", script, TRUCELINE_BIN, db, file}, t, "run" + std::to_string(run));
    const auto status = c.wait(60s);
    ASSERT_TRUE(status && WIFEXITED(*status)) << c.err();
    EXPECT_EQ(WEXITSTATUS(*status), 0) << c.err();
    // The second run reads the same content again: every report is a duplicate.
    EXPECT_NE(c.out().find(run == 0 ? ": imported 3000, duplicates 0, quarantined 0\n"
                                    : ": imported 0, duplicates 3000, quarantined 0\n"),
              std::string::npos)
        << c.out() << c.err();
  }
  const std::string expected = store::sha256_hex(slurp(file));
  EXPECT_EQ(sql_value(db, "SELECT group_concat(file_hash) FROM batch"), expected + "," + expected);
  EXPECT_EQ(sql_value(db, "SELECT count(*) FROM report"), "3000");
}

}  // namespace
}  // namespace truceline
