// io/file: outputs that are never half-written (issue 16 item 3): fsync'd temporaries renamed
// into place, file sets swapped in as one directory, temporaries of dead processes removed,
// temporaries unlinked on SIGTERM, the reason of a failed write (ENOSPC) in the message.
// Processes are forked and killed at named steps (io::detail::set_fault_hook); tmpfs tests
// need root and are skipped with a message elsewhere.
#include "truceline/io/file.hpp"

#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace truceline::io {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::temp_directory_path() / ("truceline_io_file_" + std::to_string(::getpid()));
struct RemoveRoot {
  ~RemoveRoot() {
    std::error_code ec;
    fs::remove_all(kRoot, ec);  // at exit of the test process (forked children use _exit)
  }
} remove_root;

fs::path fresh_dir(const std::string& name) {
  const fs::path d = kRoot / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::set<std::string> entries(const fs::path& d) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(d)) names.insert(e.path().filename().string());
  return names;
}

std::map<std::string, std::string> contents(const fs::path& d) {
  std::map<std::string, std::string> m;
  for (const auto& e : fs::directory_iterator(d)) m[e.path().filename().string()] = read(e.path());
  return m;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// A PID that no process has: a child that has exited and been reaped.
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

// Runs `f` in a child process that is killed with SIGKILL at the `kill_at`-th fault step
// (1-based). Returns true when the child was killed, false when it finished first.
int g_steps_left = 0;
bool run_killed_at(int kill_at, const std::function<void()>& f) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    g_steps_left = kill_at;
    detail::set_fault_hook([](const char*) {
      if (--g_steps_left == 0) ::raise(SIGKILL);
    });
    try {
      f();
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return WTERMSIG(status) == SIGKILL;
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the child failed";
  return false;
}

const std::map<std::string, std::string> kSetA = {
    {"report.md", "# Day 2020-03-01\n"}, {"summary.json", "{\"date\": \"2020-03-01\"}\n"}, {"map.svg", "<svg>A</svg>\n"}};
const std::map<std::string, std::string> kSetB = {
    {"report.md", "# Day 2020-03-02\n"}, {"summary.json", "{\"date\": \"2020-03-02\"}\n"}, {"map.svg", "<svg>B</svg>\n"}};

// `-o /dev/null` or a FIFO: written in place, never replaced by a regular file (as root, a
// rename over /dev/null replaced the system's /dev/null with a file).
TEST(AtomicOutput, WritesADeviceOrAFifoInPlace) {
  const fs::path d = fresh_dir("in_place");
  const fs::path fifo = d / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
  std::string got;
  std::thread reader([&] {
    std::ifstream in(fifo);
    got.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  {
    std::ostringstream unused;
    AtomicOutput out(fifo.string(), unused);
    out.stream() << "through the pipe\n";
    out.commit();
  }
  reader.join();
  EXPECT_EQ(got, "through the pipe\n");
  struct stat st {};
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator()), 1) << "a temporary was left";

  // A character device (a private copy of /dev/null: major 1, minor 3), when we may make one.
  const fs::path dev = d / "null";
  if (::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "cannot make a device node here (" << std::strerror(errno) << "); the FIFO case passed";
  std::ostringstream unused;
  write_file_atomic(dev.string(), "discarded\n", unused);
  ASSERT_EQ(::stat(dev.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device node was replaced by a regular file";
}

// A symbolic link stays a link: the file it names gets the new content.
TEST(AtomicOutput, ReplacesTheFileASymbolicLinkNames) {
  const fs::path d = fresh_dir("symlink");
  std::ofstream(d / "real.json") << "old\n";
  fs::create_symlink("real.json", d / "link.json");
  std::ostringstream unused;
  write_file_atomic((d / "link.json").string(), "new\n", unused);
  EXPECT_TRUE(fs::is_symlink(d / "link.json"));
  EXPECT_EQ(read(d / "real.json"), "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator()), 2) << "a temporary was left";
}

TEST(AtomicOutput, WritesRenamesAndLeavesNoTemporary) {
  const fs::path d = fresh_dir("plain");
  write_file_atomic((d / "a.csv").string(), "x,y\n1,2\n", std::cout);
  EXPECT_EQ(read(d / "a.csv"), "x,y\n1,2\n");
  {
    AtomicOutput out((d / "a.csv").string(), std::cout);
    out.stream() << "replaced but not committed";
  }
  EXPECT_EQ(read(d / "a.csv"), "x,y\n1,2\n");
  EXPECT_EQ(entries(d), (std::set<std::string>{"a.csv"}));
  // Large writes go past the buffer straight to the file.
  const std::string big(300000, 'z');
  write_file_atomic((d / "a.csv").string(), big, std::cout);
  EXPECT_EQ(read(d / "a.csv"), big);
  EXPECT_EQ(error_of([&] { write_file_atomic((d / "missing" / "b.csv").string(), "x", std::cout); }),
            (d / "missing" / "b.csv").string() + ": cannot write: No such file or directory");
}

// Before: PATH.tmp-PID of a killed process stayed for ever (142 MB for a killed `assess -o`).
TEST(AtomicOutput, RemovesTemporariesOfDeadProcessesOnly) {
  const fs::path d = fresh_dir("stale");
  const pid_t dead = dead_pid(), dead_locked = dead_pid();
  const std::string stale = "a.csv.tmp-" + std::to_string(dead);
  const std::string alive = "a.csv.tmp-" + std::to_string(::getppid());  // our parent is alive
  const std::string locked = "a.csv.tmp-" + std::to_string(dead_locked);
  for (const auto& n : {stale, alive, locked, std::string("a.csv.tmp-x1"), std::string("b.csv.tmp-1")})
    std::ofstream(d / n) << "partial";
  // A live writer in another PID namespace: its PID means nothing here, but it holds the lock.
  const int fd = ::open((d / locked).c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  const pid_t holder = ::fork();  // flock locks belong to the open file: a child keeps it held
  if (holder == 0) {
    ::pause();
    ::_exit(0);
  }
  ::close(fd);
  write_file_atomic((d / "a.csv").string(), "new", std::cout);
  EXPECT_EQ(entries(d), (std::set<std::string>{"a.csv", alive, locked, "a.csv.tmp-x1", "b.csv.tmp-1"}));
  ::kill(holder, SIGKILL);
  ::waitpid(holder, nullptr, 0);
  write_file_atomic((d / "a.csv").string(), "newer", std::cout);  // the lock died with its holder
  EXPECT_EQ(entries(d), (std::set<std::string>{"a.csv", alive, "a.csv.tmp-x1", "b.csv.tmp-1"}));
}

TEST(AtomicOutput, KilledAtAnyStepLeavesTheOldOrTheNewFile) {
  const fs::path d = fresh_dir("kill_file");
  const std::string path = (d / "a.geojson").string();
  write_file_atomic(path, "old", std::cout);
  int killed = 0;
  for (int k = 1; k < 10; ++k) {
    if (!run_killed_at(k, [&] { write_file_atomic(path, "new", std::cout); })) break;
    ++killed;
    const std::string now = read(path);
    EXPECT_TRUE(now == "old" || now == "new") << "step " << k << ": " << now;
    write_file_atomic(path, "old", std::cout);  // the next writer removes the dead one's temporary
    EXPECT_EQ(entries(d), (std::set<std::string>{"a.geojson"})) << "step " << k;
  }
  EXPECT_EQ(killed, 3);  // file written, file synced, renamed
}

// Before: SIGTERM while writing left PATH.tmp-PID behind.
TEST(AtomicOutput, SigtermUnlinksTheTemporary) {
  const fs::path d = fresh_dir("sigterm");
  const std::string path = (d / "out.csv").string();
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      AtomicOutput out(path, std::cout);
      out.stream() << std::string(100000, 'x');
      out.stream().flush();
      ::raise(sig);
      ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << "signal " << sig << " status " << status;
    EXPECT_TRUE(entries(d).empty()) << "signal " << sig;
  }
  // A process that handles the signal itself keeps its handler: nothing is changed then.
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::signal(SIGTERM, [](int) { ::_exit(7); });
    AtomicOutput out(path, std::cout);
    out.stream() << "x";
    out.stream().flush();
    ::raise(SIGTERM);
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 7);
  EXPECT_EQ(entries(d).size(), 1u);  // its temporary: removed by the next writer (process gone)
  write_file_atomic(path, "y", std::cout);
  EXPECT_EQ(entries(d), (std::set<std::string>{"out.csv"}));
}

TEST(FileSet, CreatesReplacesAndKeepsNothingElse) {
  const fs::path root = fresh_dir("set");
  const fs::path d = root / "nested" / "out";
  write_file_set(d.string(), kSetA);
  EXPECT_EQ(contents(d), kSetA);
  ::chmod(d.c_str(), 0750);
  write_file_set(d.string() + "/", kSetB);  // a trailing slash names the same directory
  EXPECT_EQ(contents(d), kSetB);
  struct stat st {};
  ASSERT_EQ(::stat(d.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0750u);  // the directory's permissions are kept
  EXPECT_EQ(entries(root / "nested"), (std::set<std::string>{"out"}));
  // A set without map.svg: the map.svg there is not one of its files, so it is not replaced.
  EXPECT_NE(error_of([&] { write_file_set(d.string(), {{"report.md", "only"}}); }).find("it holds map.svg"),
            std::string::npos);
  EXPECT_EQ(contents(d), kSetB);
  // A symbolic link: the directory it points to is replaced, the link stays.
  fs::create_directory_symlink(d, root / "link");
  write_file_set((root / "link").string(), kSetA);
  EXPECT_TRUE(fs::is_symlink(root / "link"));
  EXPECT_EQ(contents(d), kSetA);
}

TEST(FileSet, RefusesADirectoryHoldingOtherFiles) {
  const fs::path d = fresh_dir("foreign") / "out";
  write_file_set(d.string(), kSetA);
  std::ofstream(d / "notes.txt") << "mine";
  fs::create_directory(d / "archive");
  EXPECT_EQ(error_of([&] { write_file_set(d.string(), kSetB); }),
            d.string() + ": cannot replace the directory: it holds archive (and 1 more), which is not one of the files "
                         "written there; give a new or empty directory");
  auto expected = kSetA;
  expected["notes.txt"] = "mine";
  expected["archive"] = "";
  EXPECT_EQ(contents(d), expected);
  EXPECT_EQ(entries(d.parent_path()), (std::set<std::string>{"out"}));
  const fs::path file = d / "notes.txt";
  EXPECT_EQ(error_of([&] { write_file_set(file.string(), kSetB); }),
            file.string() + ": cannot write: exists and is not a directory");
}

TEST(FileSet, RemovesTemporaryDirectoriesOfDeadProcesses) {
  const fs::path root = fresh_dir("stale_set");
  const fs::path stale = root / ("out.tmp-" + std::to_string(dead_pid()));
  fs::create_directory(stale);
  std::ofstream(stale / "report.md") << "partial";
  const fs::path alive = root / ("out.tmp-" + std::to_string(::getppid()));
  fs::create_directory(alive);
  // A file we did not write, in a dead process's folder: kept, and the folder with it.
  const fs::path odd = root / ("out.tmp-" + std::to_string(dead_pid()));
  fs::create_directory(odd);
  std::ofstream(odd / "report.md") << "partial";
  std::ofstream(odd / "mine.txt") << "mine";
  write_file_set((root / "out").string(), kSetA);
  EXPECT_EQ(entries(root), (std::set<std::string>{"out", alive.filename().string(), odd.filename().string()}));
  EXPECT_EQ(entries(odd), (std::set<std::string>{"mine.txt"}));
}

// Before: six files renamed one by one; killed between two renames, the directory held files of
// two days. Now a reader sees one complete set at every step.
TEST(FileSet, KilledAtAnyStepLeavesOneCompleteSet) {
  for (const bool first_time : {true, false}) {
    const fs::path root = fresh_dir(first_time ? "kill_set_new" : "kill_set_old");
    const fs::path d = root / "out";
    int killed = 0;
    for (int k = 1; k < 20; ++k) {
      fs::remove_all(d);
      if (!first_time) write_file_set(d.string(), kSetA);
      if (!run_killed_at(k, [&] { write_file_set(d.string(), kSetB); })) break;
      ++killed;
      if (fs::exists(d)) {
        const auto now = contents(d);
        EXPECT_TRUE(now == kSetA || now == kSetB) << "step " << k;
        if (first_time) {
          EXPECT_EQ(now, kSetB) << "step " << k;
        }
      } else {
        EXPECT_TRUE(first_time) << "step " << k << ": the directory vanished";
      }
      write_file_set(d.string(), kSetB);  // the next run cleans up the dead one's temporaries
      EXPECT_EQ(entries(root), (std::set<std::string>{"out"})) << "step " << k;
      EXPECT_EQ(contents(d), kSetB);
    }
    EXPECT_EQ(killed, 5) << "3 files written, synced, swapped";
  }
}

// --- A full disk (tmpfs of a few pages; needs root) --------------------------------------------

class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    mnt_ = fresh_dir("tmpfs");
    if (::mount("tmpfs", mnt_.c_str(), "tmpfs", 0, "size=64k") != 0)
      GTEST_SKIP() << "cannot mount a tmpfs (" << std::strerror(errno) << "): the full-disk tests need root";
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount(mnt_.c_str());
  }
  fs::path mnt_;
  bool mounted_ = false;
};

// Before: "PATH: cannot write" without the reason.
TEST_F(FullDisk, AFileSaysNoSpaceAndLeavesNothing) {
  const std::string path = (mnt_ / "zone.geojson").string();
  write_file_atomic(path, "previous", std::cout);
  EXPECT_EQ(error_of([&] { write_file_atomic(path, std::string(200000, 'x'), std::cout); }),
            path + ": cannot write: No space left on device");
  EXPECT_EQ(read(path), "previous");
  EXPECT_EQ(entries(mnt_), (std::set<std::string>{"zone.geojson"}));
}

TEST_F(FullDisk, ASetSaysNoSpaceAndKeepsThePreviousSet) {
  const fs::path d = mnt_ / "out";
  write_file_set(d.string(), kSetA);
  auto big = kSetB;
  big["report.html"] = std::string(100000, 'x');
  EXPECT_EQ(error_of([&] { write_file_set(d.string(), big); }),
            (d / "report.html").string() + ": cannot write: No space left on device");
  EXPECT_EQ(contents(d), kSetA);
  EXPECT_EQ(entries(mnt_), (std::set<std::string>{"out"}));
}

}  // namespace
}  // namespace truceline::io
