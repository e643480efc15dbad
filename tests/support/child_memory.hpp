// Memory of a piece of work, measured in a forked child (tests of bounded memory: the work is
// run on N and on 4N items and the growths compared; no wall-clock involved).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <string>

namespace truceline::test {

// Whether this build's resident set says what the code costs: under AddressSanitizer freed
// memory is held in its quarantine (256 MB by default) and every allocation has red zones, so
// growth comparisons measure the sanitizer, not the code. The bounded-memory tests skip there
// (they run in the release build of `make test`).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitizedAllocator = true;
#else
inline constexpr bool kSanitizedAllocator = false;
#endif

}  // namespace truceline::test

// First statement of a bounded-memory test.
#define TRUCELINE_SKIP_UNLESS_MEMORY_MEASURABLE()                                                   \
  do {                                                                                              \
    if (::truceline::test::kSanitizedAllocator)                                                     \
      GTEST_SKIP() << "memory growth is not measurable under AddressSanitizer (its quarantine "     \
                      "keeps freed memory); measured in the release build";                         \
    if (::truceline::test::status_kb("VmHWM") < 0) GTEST_SKIP() << "no /proc/self/status VmHWM on this system"; \
  } while (0)

namespace truceline::test {

// kB from a "Name:   123 kB" line of /proc/self/status (VmRSS, VmHWM); -1 if absent.
inline long status_kb(const char* name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  std::string prefix = name;  // (appended: GCC 12 warns falsely, -Wrestrict, on name + ":")
  prefix += ':';
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
  return -1;
}

// Runs `work` in a forked child: the peak resident set it added to the child (VmHWM after
// minus VmRSS before), in kB; -1 when `work` returns false or throws, or /proc lacks the lines.
inline long peak_growth_kb_in_child(const std::function<bool()>& work) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    ::close(fds[0]);
    long growth = -1;
    try {
      const long before = status_kb("VmRSS");
      const bool ok = work();
      const long peak = status_kb("VmHWM");
      if (ok && before > 0 && peak > 0) growth = peak - before;
    } catch (...) {
    }
    const auto n = ::write(fds[1], &growth, sizeof growth);
    ::_exit(n == sizeof growth ? 0 : 1);
  }
  ::close(fds[1]);
  long growth = -1;
  if (::read(fds[0], &growth, sizeof growth) != sizeof growth) growth = -1;
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return growth;
}

}  // namespace truceline::test
