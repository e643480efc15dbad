// Files: reading whole text files, and outputs that are never half-written. Every command
// reads its inputs and writes its outputs through these (one reader, one atomic writer).
// Linux (renameat2, flock); the writes are fsync'd, so cost one disk flush per file.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <streambuf>
#include <string>
#include <utility>

#include "truceline/error.hpp"

namespace truceline::io {

// Reads the whole file ("-" = stdin). Throws InputError when it cannot be read.
std::string read_text(const std::string& path);

// Outputs that are never half-written, also across a crash or a power cut (docs/errors.md,
// "Output files"):
// - the bytes go to a temporary name in the same directory, are fsync'd, renamed over the
//   final name, and the directory is fsync'd after the rename;
// - a temporary name carries the writer's process id, PATH.tmp-PID (a file) or DIR.tmp-PID (a
//   directory of files); before writing PATH (or DIR), temporaries of that name left by dead
//   processes are removed: a process that no longer exists (kill(PID, 0) fails with ESRCH) and
//   holds no lock on the temporary (every writer holds flock(2) on it while it writes; a lock
//   dies with its process, so a live writer in another PID namespace is not mistaken for dead);
// - on SIGINT, SIGTERM or SIGHUP, when the signal would end the process anyway (its action is
//   the default one), the temporaries being written are unlinked by the handler (unlink and
//   rmdir of precomputed paths, async-signal-safe) and the signal is raised again with its
//   default action; a process killed by SIGKILL or a power cut leaves its temporaries to the
//   next writer of the same path;
// - failures throw InputError naming the final path and the reason from errno, e.g.
//   "out.csv: cannot write: No space left on device"; nothing is left behind then.

// A stream buffer over a file descriptor (not owned) that keeps the errno of its first failed
// write, which std::ofstream and std::cout lose. main() puts standard output on one, so that
// a full disk or a closed pipe on stdout is reported with its reason. Not thread-safe.
class FdOutBuf : public std::streambuf {
 public:
  explicit FdOutBuf(int fd);
  // Does not write what is still buffered when destroyed (the descriptor may be closed by
  // then): flush the stream first.
  FdOutBuf(const FdOutBuf&) = delete;
  FdOutBuf& operator=(const FdOutBuf&) = delete;
  int error() const { return error_; }  // errno of the first failed write, 0 if none

 protected:
  int overflow(int c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();
  int fd_;
  int error_ = 0;
  char buf_[1 << 16];
};

// "cannot write to standard output: REASON" for a stream that failed (REASON from its
// FdOutBuf; without one, the reason is not known and not guessed).
std::string stdout_failure(const std::ostream& os);

// One output file. "-" or "" is `stdout_stream`, written directly (and only checked). The
// temporary file is removed when commit() is not reached (an error, an exception).
// Not thread-safe (one writer per object); distinct objects may be used from distinct threads.
class AtomicOutput {
 public:
  AtomicOutput(const std::string& path, std::ostream& stdout_stream);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  std::ostream& stream();
  // The temporary file being written (PATH.tmp-PID), for a writer that needs a path rather
  // than a stream (SQLite, io/geopackage.hpp): it writes the file by its path and closes it
  // before commit(); nothing is written to stream() then. Empty for standard output and for
  // a device or FIFO written in place.
  const std::string& temp_path() const;
  // Flushes, fsyncs, closes, renames over PATH and fsyncs PATH's directory.
  void commit();

 private:
  struct File;
  std::string path_;
  std::unique_ptr<File> file_;  // null for stdout
  std::ostream& stdout_;
};

// Writes `content` through an AtomicOutput.
void write_file_atomic(const std::string& path, const std::string& content, std::ostream& stdout_stream);

// A set of files (file name -> content) that replaces directory DIR as one: a reader of DIR
// sees either the complete previous set or the complete new one, never a mix, also after a
// crash or a power cut at any moment.
// - The files are written into DIR.tmp-PID (a sibling of DIR), each fsync'd, then that
//   directory is fsync'd and swapped with DIR in one step: rename(2) when DIR does not exist,
//   renameat2(RENAME_EXCHANGE) when it does; the previous set (now under DIR.tmp-PID) is then
//   removed and DIR's parent fsync'd. Missing parent directories are created.
// - An existing DIR may hold only files of the set (a previous run's output) and temporaries of
//   the form NAME.tmp-PID: anything else (another file, a sub-directory) is not ours and is never
//   deleted, so the call refuses: InputError "DIR: cannot replace the directory: it holds
//   ENTRY, which is not one of the files written there; give a new or empty directory".
// - DIR as a symbolic link: the directory it points to is replaced, the link stays. DIR may not
//   be the current directory (the shell would be left in a deleted directory). DIR's permission
//   bits are kept. A file system without RENAME_EXCHANGE (some network file systems) gets an
//   InputError naming it rather than a non-atomic fallback.
// - Failures (ENOSPC, EACCES, ...) throw InputError "DIR/NAME: cannot write: reason" (or
//   "DIR: ...") after removing DIR.tmp-PID; DIR is then untouched.
// File names must be plain names (no '/'), not starting with '.'.
void write_file_set(const std::string& dir, const std::map<std::string, std::string>& files);

namespace detail {
// TEST ONLY: when set, called at each step of write_file_set and AtomicOutput::commit with
// the step's name ("file written", "files synced", "swapped", ...), so that a test can kill
// the process (SIGKILL) at every moment. Not thread-safe; set it before writing.
using FaultHook = void (*)(const char* step);
void set_fault_hook(FaultHook hook);
}  // namespace detail

// Parses JSON; a syntax error becomes InputError "NAME:LINE:COLUMN: invalid JSON: reason",
// the column being where the offending token starts.
nlohmann::json parse_json(const std::string& text, const std::string& name);

// Throws InputError "PATH: cannot read: Is a directory" when path names a directory.
void reject_directory(const std::string& path);

// "line 3, column 14" from a byte offset into text.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte_offset);

}  // namespace truceline::io
