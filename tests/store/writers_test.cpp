// Writers under faults (issue 16, items 1, 2 and 7), with the real `truceline` binary in child
// processes: several `ingest` creating one store at once, an import waiting for the write lock
// (and giving up after --wait), and a disk that fills up (a small tmpfs).
// Every child is bounded: one that has not ended after kChildLimit is killed and the test fails.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"
#include "truceline/error.hpp"
#include "truceline/store/sqlite_error.hpp"
#include "truceline/store/store.hpp"

extern char** environ;

namespace truceline::store {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

// Not a measurement: a hung child must not hang the test run.
constexpr auto kChildLimit = std::chrono::seconds(60);

// `n` JSONL reports, distinct for each (tag, i).
std::string reports(const std::string& tag, int n, std::size_t padding = 0) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += fmt::format(
        R"({{"observed_at":"2018-10-{:02}T08:00:00Z","lon":{:.5f},"lat":35.5,"kind":"shelling","source":{{"name":"{}"}},"summary":"{} {}{}"}})"
        "\n",
        1 + i % 28, 36.0 + i * 1e-4, tag, tag, i, std::string(padding, 'x'));
  return out;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Child {
  pid_t pid = -1;
  std::string out, err;  // files
};

// Starts `truceline ARGS` with stdout and stderr to files in `dir` (stderr to `err_fd` when
// given: a terminal).
Child spawn(const TempDir& dir, const std::string& name, const std::vector<std::string>& args, int err_fd = -1) {
  Child c{-1, dir / (name + ".out"), dir / (name + ".err")};
  std::vector<std::string> argv_s{TRUCELINE_BIN};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, c.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
  else posix_spawn_file_actions_addopen(&fa, 2, c.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (posix_spawn(&c.pid, TRUCELINE_BIN, &fa, nullptr, argv.data(), environ) != 0) c.pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return c;
}

// The child's exit status (-1: killed after kChildLimit, or not started).
int finish(const Child& c) {
  if (c.pid < 0) return -1;
  const auto end = std::chrono::steady_clock::now() + kChildLimit;
  int status = 0;
  while (waitpid(c.pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > end) {
      kill(c.pid, SIGKILL);
      waitpid(c.pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int64_t count(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close_v2(h);
  return n;
}

std::string integrity(const std::string& db) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW) out += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close_v2(h);
  return out;
}

// Issue 16, item 1: 1-3 of 2-4 creators failed with "not a truceline database (table batch
// already exists | database is locked | an SQLite file with other tables)": the schema version
// was read before the write transaction.
TEST(Writers, ConcurrentCreatorsAllSucceed) {
  TempDir t;
  constexpr int kWriters = 4, kRepetitions = 20, kRows = 50;
  for (int w = 0; w < kWriters; ++w) write(t / fmt::format("f{}.jsonl", w), reports(fmt::format("w{}", w), kRows));
  int failures = 0;
  for (int rep = 0; rep < kRepetitions; ++rep) {
    const std::string db = t / fmt::format("r{}/s.db", rep);  // its folder does not exist either
    std::vector<Child> children;
    for (int w = 0; w < kWriters; ++w)
      children.push_back(
          spawn(t, fmt::format("c{}-{}", rep, w), {"ingest", "--db", db, t / fmt::format("f{}.jsonl", w)}));
    for (int w = 0; w < kWriters; ++w) {
      const int status = finish(children[w]);
      const std::string err = slurp(children[w].err);
      if (status != 0 || !err.empty()) ++failures;
      EXPECT_EQ(status, 0) << "repetition " << rep << ", writer " << w << ": " << err;
      EXPECT_EQ(err, "") << "repetition " << rep << ", writer " << w;
      EXPECT_EQ(slurp(children[w].out),
                fmt::format("{}: imported {}, duplicates 0, quarantined 0\n", t / fmt::format("f{}.jsonl", w), kRows));
    }
    EXPECT_EQ(count(db, "SELECT count(*) FROM report"), kWriters * kRows) << "repetition " << rep;
    EXPECT_EQ(count(db, "SELECT count(*) FROM batch WHERE finished_at IS NOT NULL"), kWriters);
    EXPECT_EQ(integrity(db), "ok");
  }
  EXPECT_EQ(failures, 0) << "of " << kRepetitions * kWriters << " imports";
}

// A creator whose file gives nothing removes the store it created only if nobody else wrote into
// it (before: it removed the file under the other creators, their imports lost).
TEST(Writers, FailedCreatorKeepsTheOthersStore) {
  TempDir t;
  write(t / "good.jsonl", reports("g", 20));
  write(t / "bad.jsonl", "{\"no\":\"report\"}\n");
  for (int rep = 0; rep < 5; ++rep) {
    const std::string db = t / fmt::format("s{}.db", rep);
    Child good = spawn(t, "good", {"ingest", "--db", db, t / "good.jsonl"});
    Child bad = spawn(t, "bad", {"ingest", "--db", db, t / "bad.jsonl"});
    EXPECT_EQ(finish(good), 0) << slurp(good.err);
    EXPECT_EQ(finish(bad), 1) << slurp(bad.err);
    EXPECT_EQ(count(db, "SELECT count(*) FROM report"), 20) << "repetition " << rep;
  }
  // Alone, it leaves no file.
  Child bad = spawn(t, "bad", {"ingest", "--db", t / "none.db", t / "bad.jsonl"});
  EXPECT_EQ(finish(bad), 1);
  EXPECT_FALSE(fs::exists(t / "none.db"));
  EXPECT_FALSE(fs::exists(t / "none.db-wal"));
}

// Holds the store's write lock as another import would (BEGIN IMMEDIATE).
struct LockHolder {
  sqlite3* db = nullptr;
  explicit LockHolder(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    EXPECT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  void release() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
  ~LockHolder() { sqlite3_close_v2(db); }
};

// Issue 16, item 2: a second import failed after 10 s with "internal error: database is
// locked" (exit 1).
TEST(Writers, ImportWaitsForTheWriteLockOrGivesUpAfterWait) {
  TempDir t;
  const std::string db = t / "s.db";
  write(t / "a.jsonl", reports("a", 10));
  write(t / "b.jsonl", reports("b", 10));
  ASSERT_EQ(finish(spawn(t, "first", {"ingest", "--db", db, t / "a.jsonl"})), 0);
  LockHolder lock(db);
  // --wait 1 and --wait 0: exit 2, the store unchanged.
  for (const char* wait : {"1", "0"}) {
    Child c = spawn(t, "limited", {"ingest", "--db", db, "--wait", wait, t / "b.jsonl"});
    EXPECT_EQ(finish(c), 2);
    EXPECT_EQ(slurp(c.err),
              fmt::format("truceline: error: {}: store busy: another process is writing (waited {} s)\n", db, wait));
    EXPECT_EQ(slurp(c.out), "");
  }
  // Readers do not wait for a writer.
  Child reader = spawn(t, "reader", {"stats", "--db", db, "--json"});
  EXPECT_EQ(finish(reader), 0) << slurp(reader.err);
  // Without --wait it waits, says so once on a terminal, and imports once the lock is free.
  int master = -1, slave = -1;
  ASSERT_EQ(openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
  Child waiting = spawn(t, "waiting", {"ingest", "--db", db, t / "b.jsonl"}, slave);
  close(slave);
  std::string said;
  const std::string expected = fmt::format("truceline: {}: waiting for another import to finish", db);
  char buf[512];
  while (said.find('\n') == std::string::npos) {  // the child is now waiting
    const ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;
    said.append(buf, static_cast<std::size_t>(n));
  }
  EXPECT_EQ(said.rfind(expected, 0), 0u) << said;
  EXPECT_EQ(count(db, "SELECT count(*) FROM report"), 10);
  lock.release();
  EXPECT_EQ(finish(waiting), 0);
  for (ssize_t n; (n = read(master, buf, sizeof buf)) > 0;) said.append(buf, static_cast<std::size_t>(n));
  close(master);
  EXPECT_EQ(said.rfind(expected + " (--wait SECONDS limits the wait)\r\n", 0), 0u) << said;
  EXPECT_EQ(said.find("waiting", said.find("waiting") + 1), std::string::npos) << said;  // once
  EXPECT_EQ(slurp(waiting.out), t / "b.jsonl" + ": imported 10, duplicates 0, quarantined 0\n");
  EXPECT_EQ(count(db, "SELECT count(*) FROM report"), 20);
}

// `relocate` writes the store too: it waits for the lock like ingest, --wait bounds the wait
// (QA: it had no --wait and failed after SQLite's 10 s busy timeout).
TEST(Writers, RelocateGivesUpAfterWait) {
  TempDir t;
  const std::string db = t / "s.db";
  write(t / "a.jsonl", reports("a", 10));
  ASSERT_EQ(finish(spawn(t, "first", {"ingest", "--db", db, t / "a.jsonl"})), 0);
  LockHolder lock(db);
  Child c = spawn(t, "relocate", {"relocate", "--db", db, "--wait", "0"});
  EXPECT_EQ(finish(c), 2);
  EXPECT_EQ(slurp(c.err), fmt::format("truceline: error: {}: store busy: another process is writing (waited 0 s)\n", db));
  lock.release();
  Child again = spawn(t, "again", {"relocate", "--db", db, "--wait", "0"});
  EXPECT_EQ(finish(again), 0) << slurp(again.err);
}

// The same in the library: on_wait is called once; wait_s bounds the wait.
TEST(Writers, StoreWaitsAndTellsOnce) {
  TempDir t;
  const std::string db = t / "s.db";
  { Store::create_or_open(db); }
  LockHolder lock(db);
  WriterOptions now;
  now.wait_s = 0;
  std::atomic<int> told{0};
  now.on_wait = [&] { ++told; };
  try {
    Store::create_or_open(db, now);
    ADD_FAILURE() << "no StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::busy);
    EXPECT_EQ(std::string(e.what()), db + ": store busy: another process is writing (waited 0 s)");
  }
  EXPECT_EQ(told, 0);  // --wait 0 does not wait
  std::thread release([&] {
    // Released once the writer below has started to wait (it told), so the wait is real.
    while (told == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    lock.release();
  });
  WriterOptions forever;
  std::atomic<int> calls{0};
  forever.on_wait = [&] {
    ++calls;
    told = 1;
  };
  EXPECT_NO_THROW(Store::create_or_open(db, forever));
  release.join();
  EXPECT_EQ(calls.load(), 1);
}

TEST(SqliteError, EveryFailureOfTheFileIsAUserError) {
  using K = StoreError::Kind;
  EXPECT_EQ(store_error_kind(SQLITE_BUSY, 0), K::busy);
  EXPECT_EQ(store_error_kind(SQLITE_FULL, 0), K::full);
  EXPECT_EQ(store_error_kind(SQLITE_IOERR_WRITE, ENOSPC), K::full);
  EXPECT_EQ(store_error_kind(SQLITE_READONLY, 0), K::read_only);
  EXPECT_EQ(store_error_kind(SQLITE_CANTOPEN, EACCES), K::read_only);
  EXPECT_EQ(store_error_kind(SQLITE_CORRUPT, 0), K::damaged);
  EXPECT_EQ(store_error_kind(SQLITE_NOTADB, 0), K::damaged);
  EXPECT_EQ(store_error_kind(SQLITE_IOERR_READ, EIO), K::io);
  EXPECT_EQ(store_error_kind(SQLITE_NOMEM, 0), K::out_of_memory);
  EXPECT_FALSE(store_error_kind(SQLITE_ERROR, 0));  // bugs stay internal errors
  EXPECT_FALSE(store_error_kind(SQLITE_MISUSE, 0));
  EXPECT_FALSE(store_error_kind(SQLITE_CONSTRAINT, 0));
  auto message = [](int rc, const char* text) {
    try {
      throw_store_error("x.db", SqliteError(nullptr, rc, text), 3);
    } catch (const StoreError& e) {
      return std::string(e.what());
    } catch (const std::exception& e) {
      return std::string("internal: ") + e.what();
    }
  };
  EXPECT_EQ(message(SQLITE_BUSY, "database is locked"), "x.db: store busy: another process is writing (waited 3 s)");
  EXPECT_EQ(message(SQLITE_FULL, "database or disk is full"),
            "x.db: disk full: cannot write the store (database or disk is full)");
  EXPECT_EQ(message(SQLITE_CORRUPT, "database disk image is malformed"),
            "x.db: store is damaged: database disk image is malformed; run truceline verify-store --db x.db");
  EXPECT_EQ(message(SQLITE_READONLY, "attempt to write a readonly database"),
            "x.db: cannot write the store: permission denied (a read-only file or folder)");
  EXPECT_EQ(message(SQLITE_ERROR, "no such table: x"), "internal: x.db: SQLite: no such table: x");
}

// Issue 16, item 7: a full disk gave exit 1 "internal error: SQLite: database or disk is full"
// without the store's path, then "not a truceline database" while the disk stayed full.
class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    mnt_ = t_ / "mnt";
    fs::create_directories(mnt_);
    if (::geteuid() != 0 || ::mount("tmpfs", mnt_.c_str(), "tmpfs", 0, "size=2m") != 0)
      GTEST_SKIP() << "cannot mount a 2 MiB tmpfs here (needs root and mount permission): " << std::strerror(errno);
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount2(mnt_.c_str(), MNT_DETACH);
  }
  TempDir t_;
  std::string mnt_;
  bool mounted_ = false;
};

TEST_F(FullDisk, IngestSaysDiskFullAndTheStoreStillReads) {
  const std::string db = mnt_ + "/s.db";
  constexpr int kRows = 300, kMaxBatches = 100;  // ~45 KB of reports per batch: full well before 100
  int imported = 0, status = 0;
  std::string err;
  for (int b = 0; b < kMaxBatches; ++b) {
    const std::string file = t_ / fmt::format("b{}.jsonl", b);
    write(file, reports(fmt::format("b{}", b), kRows, 100));
    Child c = spawn(t_, "ingest", {"ingest", "--db", db, file});
    status = finish(c);
    err = slurp(c.err);
    if (status != 0) break;
    ++imported;
  }
  ASSERT_GT(imported, 0);
  ASSERT_EQ(status, 2) << err;
  EXPECT_NE(err.find(db + ": disk full: cannot write the store"), std::string::npos) << err;
  EXPECT_EQ(err.find("internal error"), std::string::npos) << err;
  // While the disk is still full: the store reads, with every earlier batch, and another import
  // fails for the same reason (not "not a truceline database").
  Child stats = spawn(t_, "stats", {"stats", "--db", db, "--json"});
  EXPECT_EQ(finish(stats), 0) << slurp(stats.err);
  Child reading = spawn(t_, "reports", {"reports", "--db", db});
  EXPECT_EQ(finish(reading), 0) << slurp(reading.err);
  const std::string out = slurp(reading.out);
  EXPECT_EQ(static_cast<int>(std::count(out.begin(), out.end(), '\n')), imported * kRows);
  Child again = spawn(t_, "again", {"ingest", "--db", db, t_ / "b0.jsonl", t_ / fmt::format("b{}.jsonl", imported)});
  EXPECT_EQ(finish(again), 2);
  const std::string again_err = slurp(again.err);
  EXPECT_NE(again_err.find(db + ": disk full"), std::string::npos) << again_err;
  EXPECT_EQ(again_err.find("not a truceline database"), std::string::npos) << again_err;
  EXPECT_EQ(count(db, "SELECT count(*) FROM report"), imported * kRows);
}

// A store on a read-only mount: the cause is the file system, not permissions (QA: it said
// "permission denied (a read-only file or folder)" for EROFS). Readers still work.
TEST_F(FullDisk, ReadOnlyFileSystemIsNamed) {
  const std::string db = mnt_ + "/s.db";
  const std::string file = t_ / "r.jsonl";
  write(file, reports("ro", 20, 100));
  Child first = spawn(t_, "first", {"ingest", "--db", db, file});
  ASSERT_EQ(finish(first), 0) << slurp(first.err);
  ASSERT_EQ(::mount("tmpfs", mnt_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr), 0) << std::strerror(errno);
  const std::string more = t_ / "more.jsonl";
  write(more, reports("ro2", 5, 100));
  Child c = spawn(t_, "ingest", {"ingest", "--db", db, more});
  EXPECT_EQ(finish(c), 2);
  const std::string err = slurp(c.err);
  EXPECT_NE(err.find(db + ": cannot write the store: read-only file system"), std::string::npos) << err;
  Child reading = spawn(t_, "reports", {"reports", "--db", db});
  EXPECT_EQ(finish(reading), 0) << slurp(reading.err);
}

}  // namespace
}  // namespace truceline::store
