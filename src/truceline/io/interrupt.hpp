// SIGINT, SIGTERM and SIGHUP while a command writes the store (`truceline ingest`,
// docs/cli.md "Signals"): the signal must not kill the process in the middle of a
// transaction (SQLite would roll it back on the next open, but the process would print
// nothing and leave a -wal file of up to the whole import's size). Instead the handler only
// records the signal (an atomic store and a write() to a pipe, both async-signal-safe); the
// import checks it between rows and before its COMMIT, a blocked read of a pipe wakes up on
// the pipe, the transaction is rolled back, the store closed cleanly (no -wal left) and the
// command exits 128 + the signal number (130, 143, 129).
//
// One InterruptScope at a time per process (the state is process-wide, as signal
// dispositions are). A signal that was ignored when the scope began (SIG_IGN: e.g. SIGINT of
// a background job in a non-interactive shell, SIGHUP under nohup) stays ignored. The handler
// is installed with SA_RESETHAND: a second signal of the same kind ends the process at once
// (the store stays consistent, SQLite rolls the open transaction back on the next open).
#pragma once

#include <stdexcept>
#include <string>

namespace truceline::io {

// Thrown where work stops because a signal asked for it; not an InputError (the input is
// fine) and not an internal error: the CLI prints "interrupted: ..." and exits 128 + signal.
class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(int signal) : std::runtime_error("interrupted by a signal"), signal_(signal) {}
  int signal() const { return signal_; }

 private:
  int signal_;
};

class InterruptScope {
 public:
  InterruptScope();   // installs the handlers, clears any earlier signal
  ~InterruptScope();  // restores the dispositions found
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  // The signal caught in the active scope (SIGINT, SIGTERM, SIGHUP); 0 when none (or no scope).
  static int caught();
  // Throws Interrupted when a signal was caught.
  static void check();
  // A file descriptor that becomes readable (and stays so) once a signal was caught: poll()
  // it next to a blocking read. -1 without an active scope.
  static int wake_fd();
  // "SIGINT", "SIGTERM", "SIGHUP" (or "signal N").
  static std::string name(int signal);
};

}  // namespace truceline::io
