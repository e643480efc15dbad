#include "truceline/io/input.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <streambuf>

#include "truceline/io/interrupt.hpp"

namespace truceline::io {

namespace {

std::string errno_text() { return std::strerror(errno); }

bool is_dev_null(const struct stat& st) {
  struct stat null {};
  return S_ISCHR(st.st_mode) && ::stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) && null.st_rdev == st.st_rdev;
}

// What refuses `st` as an input ("" when it can be read): see check_input(). A device given
// by name is never opened to learn more (opening some devices does something).
std::string refusal(const std::string& path, const struct stat& st, bool standard_input) {
  if (S_ISDIR(st.st_mode)) return fmt::format("{}: cannot read: Is a directory", path);
  if (S_ISCHR(st.st_mode) && !is_dev_null(st)) {
    if (standard_input && ::isatty(0))
      return fmt::format("{}: standard input is a terminal: give a file, or pipe one in "
                         "(... | truceline ingest --db DB -): nothing imported",
                         path);
    return fmt::format("{}: a character device, not a file of reports (it may never end): nothing imported", path);
  }
  if (S_ISBLK(st.st_mode)) return fmt::format("{}: a block device, not a file of reports: nothing imported", path);
  if (S_ISSOCK(st.st_mode) && !standard_input)
    return fmt::format("{}: a socket, not a file of reports: nothing imported", path);
  return "";
}

std::string seconds_text(std::chrono::milliseconds ms) {
  return fmt::format("{:g}", static_cast<double>(ms.count()) / 1000);
}

}  // namespace

void check_input(const std::string& path) {
  struct stat st {};
  const bool standard_input = path == "-";
  if ((standard_input ? ::fstat(0, &st) : ::stat(path.c_str(), &st)) != 0)
    throw InputError(fmt::format("{}: cannot open: {}", path, errno_text()));
  const std::string why = refusal(path, st, standard_input);
  if (!why.empty()) throw InputFault(why);
  if (standard_input) return;
  if (S_ISREG(st.st_mode)) {
    // Opening a regular file has no side effect: the open itself is the check.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(fmt::format("{}: cannot open: {}", path, errno_text()));
    ::close(fd);
  } else if (::access(path.c_str(), R_OK) != 0) {
    // A FIFO is not opened here: a writer would see its reader come and go (SIGPIPE).
    throw InputError(fmt::format("{}: cannot open: {}", path, errno_text()));
  }
}

// The file's bytes through one 64 KiB buffer, hashed as they are read from the descriptor
// (each byte is read from it exactly once), the first 1 MiB kept for seekg(0).
class InputFile::Buf final : public std::streambuf {
 public:
  Buf(const std::string& path, const InputOptions& options)
      : name_(path), options_(options), chunk_(new char[kChunk]), sha_(EVP_MD_CTX_new()) {
    if (!sha_ || EVP_DigestInit_ex(sha_, EVP_sha256(), nullptr) != 1) {
      EVP_MD_CTX_free(sha_);
      throw std::runtime_error("OpenSSL: cannot start a SHA-256 digest");
    }
    struct stat st {};
    if (path == "-") {
      fd_ = 0;
    } else {
      if (::stat(path.c_str(), &st) != 0) {
        EVP_MD_CTX_free(sha_);
        throw InputError(fmt::format("{}: cannot open: {}", path, errno_text()));
      }
      // A FIFO opened without O_NONBLOCK blocks until a writer comes, with no way to time
      // out; opened with it, poll() waits for the writer's first bytes (or its end).
      fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | (S_ISFIFO(st.st_mode) ? O_NONBLOCK : 0));
      if (fd_ < 0) {
        EVP_MD_CTX_free(sha_);
        throw InputError(fmt::format("{}: cannot open: {}", path, errno_text()));
      }
      own_ = true;
    }
    if (::fstat(fd_, &st) == 0) stream_ = S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISCHR(st.st_mode);
  }
  ~Buf() override {
    if (own_) ::close(fd_);
    EVP_MD_CTX_free(sha_);
  }
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;

  bool is_stream() const { return stream_; }

  void forget_start() {
    keep_ = false;
    if (!in_start_) {
      std::string().swap(start_);
      return;
    }
    // Still reading the kept copy: only its unread tail is kept (it may be larger than a
    // chunk), read from where it was; underflow() frees it once it is read.
    std::string rest(gptr(), egptr());
    start_.swap(rest);
    setg(start_.data(), start_.data(), start_.data() + start_.size());
  }

  std::string sha256_hex() {
    if (hash_.empty()) {
      while (!eof_) consume(read_more(chunk_.get(), kChunk), false);
      unsigned char digest[EVP_MAX_MD_SIZE];
      unsigned int n = 0;
      EVP_DigestFinal_ex(sha_, digest, &n);
      for (unsigned int i = 0; i < n; ++i) hash_ += fmt::format("{:02x}", digest[i]);
    }
    return hash_;
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (in_start_ && !keep_) std::string().swap(start_);  // the tail kept by forget_start(), read
    in_start_ = false;
    if (eof_) return traits_type::eof();
    const std::size_t n = read_more(chunk_.get(), kChunk);
    consume(n, true);
    if (n == 0) return traits_type::eof();
    setg(chunk_.get(), chunk_.get(), chunk_.get() + n);
    return traits_type::to_int_type(*gptr());
  }

  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    if (pos != pos_type(0) || !(which & std::ios_base::in) || !keep_) return pos_type(off_type(-1));
    setg(start_.data(), start_.data(), start_.data() + start_.size());
    in_start_ = true;
    return pos;
  }
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
    if (dir == std::ios_base::beg) return seekpos(pos_type(off), which);
    return pos_type(off_type(-1));
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 16, kKeep = std::size_t{1} << 20;

  // The `n` bytes just read into chunk_: hashed, kept while the start is kept.
  void consume(std::size_t n, bool keep) {
    if (n == 0) {
      eof_ = true;
      return;
    }
    EVP_DigestUpdate(sha_, chunk_.get(), n);
    if (keep && keep_) {
      if (start_.size() + n <= kKeep) {
        start_.append(chunk_.get(), n);
      } else {
        keep_ = false;
        std::string().swap(start_);
      }
    }
  }

  // Up to `cap` bytes from the descriptor; 0 at its end.
  std::size_t read_more(char* dst, std::size_t cap) {
    for (;;) {
      InterruptScope::check();
      if (stream_) wait_readable();
      const ssize_t n = ::read(fd_, dst, cap);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      throw InputError(fmt::format("{}: cannot read: {}", name_, errno_text()));
    }
  }

  // Waits until the pipe has bytes or its end (POLLIN / POLLHUP), a signal was caught
  // (Interrupted) or idle_timeout passed (InputFault).
  void wait_readable() {
    using clock = std::chrono::steady_clock;
    const bool limited = options_.idle_timeout.count() > 0;
    const auto deadline = clock::now() + options_.idle_timeout;
    for (;;) {
      int ms = -1;
      if (limited) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) throw timed_out();
        ms = static_cast<int>(std::min<long long>(left, 1 << 30));
      }
      pollfd p[2] = {{fd_, POLLIN, 0}, {InterruptScope::wake_fd(), POLLIN, 0}};
      const int r = ::poll(p, p[1].fd >= 0 ? 2 : 1, ms);
      if (r < 0) {
        if (errno == EINTR) {
          InterruptScope::check();
          continue;
        }
        throw InputError(fmt::format("{}: cannot read: {}", name_, errno_text()));
      }
      if (r == 0) throw timed_out();
      if (p[1].fd >= 0 && p[1].revents) InterruptScope::check();
      if (p[0].revents) return;  // bytes, the end or an error: read() tells which
    }
  }

  InputFault timed_out() const {
    return InputFault(fmt::format("{}: no data for {} s from this pipe or FIFO (does anything write to it?): nothing "
                                  "imported; --input-timeout SECONDS waits longer (0: without limit)",
                                  name_, seconds_text(options_.idle_timeout)));
  }

  std::string name_;
  InputOptions options_;
  int fd_ = -1;
  bool own_ = false, stream_ = false, eof_ = false;
  std::unique_ptr<char[]> chunk_;  // not zero-filled: only what read() stores is looked at
  EVP_MD_CTX* sha_ = nullptr;
  std::string hash_;
  std::string start_;  // every byte read so far, while keep_
  bool keep_ = true, in_start_ = false;
};

InputFile::InputFile(const std::string& path, const InputOptions& options)
    : buf_(std::make_unique<Buf>(path, options)), stream_(std::make_unique<std::istream>(buf_.get())) {
  stream_->exceptions(std::ios::badbit);  // the buffer's InputFault / Interrupted reach the reader
}

InputFile::~InputFile() = default;

std::istream& InputFile::stream() { return *stream_; }
void InputFile::forget_start() { buf_->forget_start(); }
std::string InputFile::sha256_hex() { return buf_->sha256_hex(); }
bool InputFile::is_stream() const { return buf_->is_stream(); }

namespace {

class NulCheckBuf final : public std::streambuf {
 public:
  NulCheckBuf(std::istream& in, std::string file, bool decoded)
      : in_(in), file_(std::move(file)), decoded_(decoded), buf_(new char[kSize]) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!in_) return traits_type::eof();
    in_.read(buf_.get(), static_cast<std::streamsize>(kSize));
    const auto n = static_cast<std::size_t>(in_.gcount());
    if (n == 0) return traits_type::eof();
    scan(buf_.get(), n);
    setg(buf_.get(), buf_.get(), buf_.get() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kSize = std::size_t{1} << 16;

  // Counts lines as the importers do (LF, CRLF, bare CR) up to the first NUL.
  void scan(const char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const char c = p[i];
      if (c == '\n') {
        if (!cr_) ++line_;
        cr_ = false;
      } else if (c == '\r') {
        ++line_;
        cr_ = true;
      } else {
        cr_ = false;
        if (c == '\0') {
          if (decoded_)
            throw InputFault(fmt::format("{}:{}: a NUL character (U+0000) in the converted text: not text: nothing "
                                         "imported",
                                         file_, line_));
          throw InputFault(fmt::format("{}:{}: a NUL byte (byte {}): not text: nothing imported", file_, line_,
                                       offset_ + i));
        }
      }
    }
    offset_ += n;
  }

  std::istream& in_;
  std::string file_;
  bool decoded_;
  std::unique_ptr<char[]> buf_;
  std::size_t line_ = 1;
  uint64_t offset_ = 0;
  bool cr_ = false;
};

class NulCheckedStream final : public std::istream {
 public:
  NulCheckedStream(std::istream& in, std::string file, bool decoded)
      : std::istream(nullptr), buf_(in, std::move(file), decoded) {
    rdbuf(&buf_);
    exceptions(std::ios::badbit);
  }

 private:
  NulCheckBuf buf_;
};

}  // namespace

std::unique_ptr<std::istream> nul_checked_stream(std::istream& in, const std::string& file, bool decoded) {
  return std::make_unique<NulCheckedStream>(in, file, decoded);
}

}  // namespace truceline::io
