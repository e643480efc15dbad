#include "truceline/io/interrupt.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cassert>
#include <cerrno>
#include <csignal>

namespace truceline::io {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// Process-wide, touched by the handler: lock-free atomics only (async-signal-safe).
std::atomic<int> g_caught{0};
std::atomic<int> g_wake_read{-1}, g_wake_write{-1};
std::atomic<bool> g_active{false};
static_assert(std::atomic<int>::is_always_lock_free);

struct sigaction g_previous[3];
bool g_installed[3] = {false, false, false};

extern "C" void on_signal(int signal) {
  const int saved = errno;
  int expected = 0;
  g_caught.compare_exchange_strong(expected, signal);  // the first signal is the one reported
  if (const int fd = g_wake_write.load(); fd >= 0) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);  // a full pipe is readable already
  }
  errno = saved;
}

}  // namespace

InterruptScope::InterruptScope() {
  assert(!g_active.load() && "one InterruptScope at a time");
  g_caught = 0;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
    g_wake_read = fds[0];
    g_wake_write = fds[1];
  }
  g_active = true;
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction now {};
    if (::sigaction(kSignals[i], nullptr, &now) != 0 || now.sa_handler == SIG_IGN) continue;  // stays ignored
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    // SA_RESTART: SQLite, ICU and the streams go on as if nothing happened (a read blocked
    // on a pipe polls the wake pipe instead; poll() is never restarted anyway).
    sa.sa_flags = SA_RESTART | SA_RESETHAND;
    g_installed[i] = ::sigaction(kSignals[i], &sa, &g_previous[i]) == 0;
  }
}

InterruptScope::~InterruptScope() {
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    if (g_installed[i]) {
      ::sigaction(kSignals[i], &g_previous[i], nullptr);
      g_installed[i] = false;
    }
  const int r = g_wake_read.exchange(-1), w = g_wake_write.exchange(-1);
  if (r >= 0) ::close(r);
  if (w >= 0) ::close(w);
  g_active = false;
}

int InterruptScope::caught() { return g_caught.load(); }

void InterruptScope::check() {
  if (const int s = g_caught.load()) throw Interrupted(s);
}

int InterruptScope::wake_fd() { return g_wake_read.load(); }

std::string InterruptScope::name(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "signal " + std::to_string(signal);
  }
}

}  // namespace truceline::io
