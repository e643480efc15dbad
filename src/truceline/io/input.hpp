// Reading an input file once (`truceline ingest`, docs/importers.md "Pipes, devices and
// NUL bytes"): a regular file, standard input ("-"), /dev/stdin, a pipe, a FIFO or a process
// substitution (`<(cat f.jsonl)`) are all opened once and read once from their start to their
// end. The batch's file hash (SHA-256 of the file's bytes) is computed from the bytes as they
// are read, so a pipe, whose bytes cannot be read twice, is hashed too; it is known when the
// last byte was read (the store records it when the batch finishes). Memory is bounded: 64 KiB
// buffers, and at most the first 1 MiB kept so that format detection can read the head and go
// back to the start (seekg(0)).
//
// What is not a file of reports is refused before any byte is taken as a row (InputFault,
// exit 2, nothing imported): a directory, a character device (/dev/zero, /dev/urandom, a
// terminal on standard input; /dev/null reads as an empty file), a block device, a socket by
// path; a pipe or FIFO that gives no data for `idle_timeout`; a NUL character in the text.
// A FIFO is never opened before its turn and never twice (its writer would get SIGPIPE).
#pragma once

#include <chrono>
#include <istream>
#include <memory>
#include <string>

#include "truceline/error.hpp"

namespace truceline::io {

// The input cannot be read as a file of reports at all (see above): exit 2, nothing imported
// from it. The message names the file (and the line, for a NUL character).
class InputFault : public InputError {
 public:
  using InputError::InputError;
};

struct InputOptions {
  // A pipe, FIFO or socket that gives no byte (and no end) for this long: InputFault.
  // DEFAULT: 30 s (`ingest --input-timeout SECONDS`); zero waits without limit. Regular files
  // never wait.
  std::chrono::milliseconds idle_timeout{30000};
};

// Checks `path` ("-" = standard input) without reading it, and without opening a FIFO:
// InputFault for a directory, a device (but /dev/null), a socket, a terminal on standard
// input; InputError ("cannot open: ...") for a missing or unreadable file.
void check_input(const std::string& path);

// One input, opened once. Reads throw InputFault (timeout), InputError (a read error) and
// io::Interrupted (a signal caught by an active InterruptScope: a blocked read of a pipe
// wakes up for it).
class InputFile {
 public:
  explicit InputFile(const std::string& path, const InputOptions& options = {});
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The file's bytes from its start. seekg(0) goes back to the start while no more than the
  // first 1 MiB has been read (and forget_start() was not called); it fails after that.
  std::istream& stream();
  // The start is not needed again: its copy is freed.
  void forget_start();
  // SHA-256 (lower-case hex) of every byte of the file: what the reader left unread is read
  // (and hashed) first.
  std::string sha256_hex();
  // True for a pipe, FIFO or socket (bytes that cannot be read twice).
  bool is_stream() const;

 private:
  class Buf;
  std::unique_ptr<Buf> buf_;
  std::unique_ptr<std::istream> stream_;
};

// A stream of `in`'s bytes that throws InputFault at the first NUL character:
// "FILE:LINE: a NUL byte (byte N): not text". Text formats never hold one (no format truceline
// reads allows U+0000); a file in UTF-16/32 declared with --encoding is checked after its
// conversion to UTF-8 (its own NUL bytes are not characters), then the message says "a NUL
// character (U+0000)" without a byte offset. Lines end with LF, CRLF or a bare CR (as the
// importers count them). `in` must outlive the stream.
std::unique_ptr<std::istream> nul_checked_stream(std::istream& in, const std::string& file, bool decoded);

}  // namespace truceline::io
