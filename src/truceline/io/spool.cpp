// io::Spool (spool.hpp).
#include "truceline/io/spool.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <vector>

#include "truceline/error.hpp"

namespace truceline::io {

namespace {
[[noreturn]] void fail(const std::string& name, int err) {
  throw InputError(fmt::format("{}: cannot write: {}", name, std::strerror(err)));
}
}  // namespace

// A buffered streambuf over the file descriptor (the standard library has none over an fd).
struct Spool::Impl : std::streambuf {
  int fd = -1;
  std::string name;
  std::vector<char> buf = std::vector<char>(std::size_t{1} << 16);
  std::size_t written = 0;

  Impl() { setp(buf.data(), buf.data() + buf.size()); }
  ~Impl() override {
    if (fd >= 0) ::close(fd);
  }
  void drain() {
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(name, errno);
      p += n;
      written += static_cast<std::size_t>(n);
    }
    setp(buf.data(), buf.data() + buf.size());
  }
  int_type overflow(int_type c) override {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    drain();
    return 0;
  }
};

Spool::Spool(const std::string& dir, const std::string& name) : impl_(std::make_unique<Impl>()) {
  impl_->name = name;
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {  // no O_TMPFILE there
    std::string path = (std::filesystem::path(dir) / ".truceline-spool-XXXXXX").string();
    fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(path.c_str());
  }
  if (fd < 0) fail(name, errno);
  impl_->fd = fd;
}

Spool::~Spool() = default;

std::ostream& Spool::stream() {
  if (!os_) {
    os_ = std::make_unique<std::ostream>(impl_.get());
    os_->exceptions(std::ios::badbit);  // a failed write rethrows the spool's InputError
  }
  return *os_;
}

std::size_t Spool::size() const {
  if (os_) os_->flush();
  return impl_->written;
}

void Spool::copy_to(std::ostream& out) {
  if (os_) os_->flush();
  impl_->drain();
  std::vector<char> block(std::size_t{1} << 20);
  for (off_t at = 0; at < static_cast<off_t>(impl_->written);) {
    const ssize_t n = ::pread(impl_->fd, block.data(), block.size(), at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw InputError(fmt::format("{}: cannot read back its spool: {}", impl_->name, n < 0 ? std::strerror(errno) : "file shrank"));
    out.write(block.data(), n);
    at += n;
  }
}

std::string spool_dir(const std::string& path) {
  if (path.empty() || path == "-") {
    std::error_code ec;  // TMPDIR naming no directory: /tmp
    const std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
    return ec ? std::string("/tmp") : tmp.string();
  }
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace truceline::io
