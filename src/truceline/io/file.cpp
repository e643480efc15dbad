#include "truceline/io/file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <vector>

namespace truceline::io {

using nlohmann::json;

void reject_directory(const std::string& path) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec))
    throw InputError(fmt::format("{}: cannot read: Is a directory", path));
}

std::string read_text(const std::string& path) {
  reject_directory(path);
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(fmt::format("{}: cannot read", path));
  return text;
}

std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte_offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

json parse_json(const std::string& text, const std::string& name) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based position of the last character read: step back to the start of
    // the offending token (a number or a literal) so the column points at it.
    std::size_t pos = e.byte == 0 ? 0 : e.byte - 1;
    auto token_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; };
    if (pos < text.size() && token_char(text[pos]))
      while (pos > 0 && token_char(text[pos - 1])) --pos;
    const auto [line, col] = line_column(text, pos);
    std::string what = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
    if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError(fmt::format("{}:{}:{}: invalid JSON: {}", name, line, col, what));
  } catch (const json::exception& e) {
    throw InputError(fmt::format("{}: invalid JSON: {}", name, e.what()));
  }
}

// ---------------------------------------------------------------------------------------------
// Atomic outputs. Hand-written on POSIX calls: std::ofstream cannot fsync, does not say why a
// write failed (errno is lost after its buffer flush), and the standard library has no
// renameat2(RENAME_EXCHANGE), flock or async-signal-safe cleanup.

namespace detail {
namespace {
FaultHook g_fault_hook = nullptr;
}  // namespace
void set_fault_hook(FaultHook hook) { g_fault_hook = hook; }
}  // namespace detail

namespace {

namespace fs = std::filesystem;

void fault_point(const char* step) {
  if (detail::g_fault_hook) detail::g_fault_hook(step);
}

[[noreturn]] void fail(const std::string& what, int err) {
  throw InputError(fmt::format("{}: cannot write: {}", what, std::strerror(err)));
}

// --- Unlinking temporaries on SIGINT/SIGTERM/SIGHUP ------------------------------------------
// A fixed table of precomputed paths: the handler may only use async-signal-safe calls (CAS on
// lock-free atomics, unlink, rmdir, sigaction, raise). A slot is 0 free, 1 being filled, 2
// registered, 3 taken by the handler (the process is then ending: the slot is never reused).
constexpr std::size_t kSlots = 32;
constexpr std::size_t kMaxPath = 4096;
struct Slot {
  std::atomic<int> state{0};
  bool is_dir = false;
  char path[kMaxPath] = {};
};
Slot g_slots[kSlots];
std::mutex g_slots_mutex;
int g_registered = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
bool g_handler_installed[std::size(kSignals)] = {};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void unlink_temporaries(int sig) {
  for (const bool dirs : {false, true}) {  // files first, then their (now empty) directories
    for (Slot& s : g_slots) {
      if (s.state.load(std::memory_order_acquire) != 2 || s.is_dir != dirs) continue;
      int expected = 2;
      if (!s.state.compare_exchange_strong(expected, 3)) continue;
      if (dirs)
        ::rmdir(s.path);
      else
        ::unlink(s.path);
    }
  }
  // Installed only where the action was the default one: end the process as it would have.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  ::sigaction(sig, &dfl, nullptr);
  ::raise(sig);
}

// Registers a temporary to unlink on a signal; -1 when the table is full or the path too long
// (then the next writer's stale-temporary cleanup removes it).
int register_temporary(const std::string& path, bool is_dir) {
  if (path.size() >= kMaxPath) return -1;
  std::lock_guard lock(g_slots_mutex);
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].is_dir = is_dir;
    g_slots[i].state.store(2, std::memory_order_release);
    if (g_registered++ == 0) {
      for (std::size_t k = 0; k < std::size(kSignals); ++k) {
        struct sigaction old {};
        if (::sigaction(kSignals[k], nullptr, &old) != 0 || (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL)
          continue;  // someone handles (or ignores) it: not ours to change
        struct sigaction act {};
        act.sa_handler = unlink_temporaries;
        sigemptyset(&act.sa_mask);
        for (int other : kSignals) sigaddset(&act.sa_mask, other);
        g_handler_installed[k] = ::sigaction(kSignals[k], &act, nullptr) == 0;
      }
    }
    return static_cast<int>(i);
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot < 0) return;
  std::lock_guard lock(g_slots_mutex);
  int expected = 2;
  if (!g_slots[slot].state.compare_exchange_strong(expected, 0)) return;  // the handler has it
  if (--g_registered > 0) return;
  for (std::size_t k = 0; k < std::size(kSignals); ++k) {
    if (!g_handler_installed[k]) continue;
    g_handler_installed[k] = false;
    struct sigaction cur {};
    if (::sigaction(kSignals[k], nullptr, &cur) != 0 || cur.sa_handler != unlink_temporaries) continue;
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    ::sigaction(kSignals[k], &dfl, nullptr);
  }
}

// --- Stale temporaries ------------------------------------------------------------------------

// PID of "NAME.tmp-PID" when `entry` is that for `name`, else 0.
pid_t temporary_pid(const std::string& entry, const std::string& name) {
  const std::string prefix = name + ".tmp-";
  if (entry.size() <= prefix.size() || entry.size() > prefix.size() + 10 || entry.compare(0, prefix.size(), prefix) != 0)
    return 0;
  long pid = 0;
  for (std::size_t i = prefix.size(); i < entry.size(); ++i) {
    if (entry[i] < '0' || entry[i] > '9') return 0;
    pid = pid * 10 + (entry[i] - '0');
  }
  return pid > 0 && pid <= std::numeric_limits<pid_t>::max() ? static_cast<pid_t>(pid) : 0;
}

bool is_temporary_of(const std::string& entry, const std::map<std::string, std::string>& files) {
  const auto dot = entry.rfind(".tmp-");
  return dot != std::string::npos && files.count(entry.substr(0, dot)) && temporary_pid(entry, entry.substr(0, dot)) != 0;
}

// Removes from directory `dir` (a temporary directory of ours) the regular files of the set
// `files` and their temporaries, then the directory; anything else there keeps it (a file put
// there by someone else is never deleted).
void remove_temporary_dir(const std::string& dir, const std::map<std::string, std::string>& files) {
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      struct stat st {};
      const std::string name = e->d_name;
      if (!files.count(name) && !is_temporary_of(name, files)) continue;
      if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
        ::unlinkat(::dirfd(d), e->d_name, 0);
    }
    ::closedir(d);
  }
  ::rmdir(dir.c_str());  // fails, and leaves it, when it holds anything else
}

// Removes TARGET.tmp-PID (a file, or a directory holding the set `files`) left by processes
// that no longer exist.
void remove_stale_temporaries(const fs::path& target, const std::map<std::string, std::string>& files = {}) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string name = target.filename().string();
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    const pid_t pid = temporary_pid(entry, name);
    if (pid == 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to signal)
    const std::string path = it->path().string();
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) continue;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (S_ISDIR(st.st_mode) ? O_DIRECTORY : 0));
    if (fd < 0) continue;
    // A writer holds flock(2) on its temporary: a live one in another PID namespace keeps it.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK) {
      if (S_ISDIR(st.st_mode))
        remove_temporary_dir(path, files);
      else
        ::unlink(path.c_str());
    }
    ::close(fd);
  }
}

bool write_all(int fd, const char* data, std::size_t n, int& err) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

// fsync of a directory, so that a rename or a new entry in it survives a power cut.
int sync_directory(const fs::path& dir) {
  const std::string d = dir.empty() ? "." : dir.string();
  const int fd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int r = ::fsync(fd) == 0 || errno == EINVAL ? 0 : errno;  // EINVAL: cannot sync dirs here
  ::close(fd);
  return r;
}

}  // namespace

// FdOutBuf: write(2) in 64 KiB chunks, keeping the errno of the first failed write.
FdOutBuf::FdOutBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }

int FdOutBuf::overflow(int c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdOutBuf::xsputn(const char* s, std::streamsize n) {
  if (n < static_cast<std::streamsize>(sizeof buf_)) return std::streambuf::xsputn(s, n);
  if (!drain() || !write_all(fd_, s, static_cast<std::size_t>(n), error_)) return 0;
  return n;
}

int FdOutBuf::sync() { return drain() ? 0 : -1; }

bool FdOutBuf::drain() {
  if (error_ != 0) return false;
  const auto n = static_cast<std::size_t>(pptr() - pbase());
  if (n > 0 && !write_all(fd_, pbase(), n, error_)) return false;
  setp(buf_, buf_ + sizeof buf_);
  return true;
}

std::string stdout_failure(const std::ostream& os) {
  const auto* buf = dynamic_cast<const FdOutBuf*>(os.rdbuf());
  const int err = buf ? buf->error() : 0;
  return err != 0 ? fmt::format("cannot write to standard output: {}", std::strerror(err))
                  : std::string("cannot write to standard output");
}

struct AtomicOutput::File {
  std::string tmp;   // empty: written in place (a device, a FIFO: not a file to replace)
  std::string target;  // the file replaced: the path, or the file a symbolic link names
  int fd = -1;
  int slot = -1;
  bool committed = false;
  std::unique_ptr<FdOutBuf> buf;
  std::unique_ptr<std::ostream> os;
};

AtomicOutput::AtomicOutput(const std::string& path, std::ostream& stdout_stream) : path_(path), stdout_(stdout_stream) {
  if (path_.empty() || path_ == "-") return;
  std::error_code ec;
  if (fs::is_directory(path_, ec)) throw InputError(fmt::format("{}: cannot write: Is a directory", path_));
  // `-o /dev/null`, `-o /dev/stdout`, a FIFO: written in place. Renaming a file over them
  // would replace the device node with a regular file (as root, /dev/null itself), and there
  // is no half-written state to avoid in a stream.
  if (struct stat st {}; ::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    auto f = std::make_unique<File>();
    f->fd = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (f->fd < 0) fail(path_, errno);
    f->buf = std::make_unique<FdOutBuf>(f->fd);
    f->os = std::make_unique<std::ostream>(f->buf.get());
    file_ = std::move(f);
    return;
  }
  auto f = std::make_unique<File>();
  // A symbolic link keeps being a link: the file it names is replaced (next to it).
  f->target = path_;
  if (struct stat lst {}; ::lstat(path_.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    const fs::path resolved = fs::weakly_canonical(path_, ec);
    if (!ec) f->target = resolved.string();
  }
  remove_stale_temporaries(fs::path(f->target));
  f->tmp = f->target + ".tmp-" + std::to_string(::getpid());
  f->fd = ::open(f->tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (f->fd < 0) fail(path_, errno);
  f->slot = register_temporary(f->tmp, false);
  ::flock(f->fd, LOCK_EX | LOCK_NB);  // marks it live for other writers' cleanup (best effort)
  f->buf = std::make_unique<FdOutBuf>(f->fd);
  f->os = std::make_unique<std::ostream>(f->buf.get());
  file_ = std::move(f);
}

AtomicOutput::~AtomicOutput() {
  if (!file_ || file_->committed) return;
  if (file_->fd >= 0) ::close(file_->fd);
  if (file_->tmp.empty()) return;  // written in place
  ::unlink(file_->tmp.c_str());
  unregister_temporary(file_->slot);
}

std::ostream& AtomicOutput::stream() { return file_ ? *file_->os : stdout_; }

const std::string& AtomicOutput::temp_path() const {
  static const std::string none;
  return file_ ? file_->tmp : none;
}

void AtomicOutput::commit() {
  if (!file_) {
    stdout_.flush();
    if (!stdout_) throw InputError(stdout_failure(stdout_));
    return;
  }
  File& f = *file_;
  f.os->flush();
  if (f.buf->error() != 0) fail(path_, f.buf->error());
  if (!*f.os) fail(path_, EIO);
  fault_point("file written");
  if (f.tmp.empty()) {  // a device or FIFO written in place: nothing to sync or rename
    const int fd = f.fd;
    f.fd = -1;
    f.committed = true;
    if (::close(fd) != 0) fail(path_, errno);
    return;
  }
  if (::fsync(f.fd) != 0) fail(path_, errno);
  const int fd = f.fd;
  f.fd = -1;
  if (::close(fd) != 0) fail(path_, errno);
  fault_point("file synced");
  if (::rename(f.tmp.c_str(), f.target.c_str()) != 0) fail(path_, errno);
  f.committed = true;
  unregister_temporary(f.slot);
  fault_point("renamed");
  if (const int err = sync_directory(fs::path(f.target).parent_path())) fail(path_, err);
}

void write_file_atomic(const std::string& path, const std::string& content, std::ostream& stdout_stream) {
  AtomicOutput out(path, stdout_stream);
  out.stream() << content;
  out.commit();
}

namespace {

// The temporary directory of write_file_set: removed with its files unless swapped in.
struct TempDir {
  explicit TempDir(const std::map<std::string, std::string>& set) : files(set) {}
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::map<std::string, std::string>& files;
  std::string path;
  int fd = -1;
  std::vector<int> slots;
  bool keep = false;
  ~TempDir() {
    if (fd >= 0) ::close(fd);
    if (!keep && !path.empty()) remove_temporary_dir(path, files);
    for (int s : slots) unregister_temporary(s);
  }
};

}  // namespace

void write_file_set(const std::string& dir, const std::map<std::string, std::string>& files) {
  for (const auto& [name, content] : files)
    if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos)
      throw std::invalid_argument("write_file_set: not a plain file name: " + name);
  std::error_code ec;
  fs::path d(dir);
  if (fs::is_symlink(d, ec)) {
    d = fs::canonical(d, ec);
    if (ec) throw InputError(fmt::format("{}: cannot write: {}", dir, ec.message()));
  }
  d = fs::absolute(d, ec).lexically_normal();
  if (ec) throw InputError(fmt::format("{}: cannot write: {}", dir, ec.message()));
  if (!d.has_filename()) d = d.parent_path();  // "out/" -> "out"
  const fs::file_status st = fs::symlink_status(d, ec);
  const bool exists = fs::exists(st);
  if (exists && !fs::is_directory(st))
    throw InputError(fmt::format("{}: cannot write: exists and is not a directory", dir));
  if (exists) {
    if (fs::equivalent(d, fs::current_path(ec), ec))
      throw InputError(fmt::format("{}: cannot replace the current directory; give another directory", dir));
    std::vector<std::string> foreign;
    for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const bool ours = (files.count(name) && it->symlink_status().type() == fs::file_type::regular) ||
                        (is_temporary_of(name, files) && it->symlink_status().type() == fs::file_type::regular);
      if (!ours) foreign.push_back(name);
    }
    if (ec) throw InputError(fmt::format("{}: cannot read the directory: {}", dir, ec.message()));
    if (!foreign.empty()) {
      std::sort(foreign.begin(), foreign.end());
      throw InputError(fmt::format(
          "{}: cannot replace the directory: it holds {}{}, which is not one of the files written there; give a "
          "new or empty directory",
          dir, foreign.front(), foreign.size() > 1 ? fmt::format(" (and {} more)", foreign.size() - 1) : ""));
    }
  } else {
    fs::create_directories(d.parent_path(), ec);
    if (ec) throw InputError(fmt::format("{}: cannot create the directory: {}", dir, ec.message()));
  }
  remove_stale_temporaries(d, files);

  TempDir tmp(files);
  tmp.path = d.string() + ".tmp-" + std::to_string(::getpid());
  if (::mkdir(tmp.path.c_str(), 0777) != 0) {
    if (errno != EEXIST) fail(dir, errno);
    remove_temporary_dir(tmp.path, files);  // left by an earlier process that had our PID
    if (::mkdir(tmp.path.c_str(), 0777) != 0) fail(dir, errno);
  }
  tmp.slots.push_back(register_temporary(tmp.path, true));
  tmp.fd = ::open(tmp.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (tmp.fd < 0) fail(dir, errno);
  ::flock(tmp.fd, LOCK_EX | LOCK_NB);  // marks it live for other writers' cleanup
  if (exists) {
    struct stat old {};
    if (::stat(d.c_str(), &old) == 0) ::fchmod(tmp.fd, old.st_mode & 07777);
  }
  for (const auto& [name, content] : files) {
    const std::string shown = (fs::path(dir) / name).string();
    tmp.slots.push_back(register_temporary(tmp.path + "/" + name, false));
    const int fd = ::openat(tmp.fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) fail(shown, errno);
    int err = 0;
    if (!write_all(fd, content.data(), content.size(), err) || ::fsync(fd) != 0) {
      if (err == 0) err = errno;
      ::close(fd);
      fail(shown, err);
    }
    if (::close(fd) != 0) fail(shown, errno);
    fault_point("file written");
  }
  if (::fsync(tmp.fd) != 0) fail(dir, errno);
  fault_point("files synced");
  if (!exists) {
    if (::rename(tmp.path.c_str(), d.c_str()) != 0) fail(dir, errno);
    tmp.keep = true;
  } else if (::renameat2(AT_FDCWD, tmp.path.c_str(), AT_FDCWD, d.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    if (err == EINVAL || err == ENOSYS)
      throw InputError(fmt::format(
          "{}: cannot replace the directory in one step on this file system (renameat2 RENAME_EXCHANGE: {}); give "
          "a new directory",
          dir, std::strerror(err)));
    fail(dir, err);
  }
  // tmp.path now holds the previous set (or nothing): the destructor removes our files in it.
  fault_point("swapped");
  if (const int err = sync_directory(d.parent_path())) fail(dir, err);
}

}  // namespace truceline::io
