// Files: reading whole text files, and outputs that are never half-written. Every command
// reads its inputs and writes its outputs through these (one reader, one atomic writer).
#pragma once

#include <cstddef>
#include <fstream>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "truceline/error.hpp"

namespace truceline::io {

// Reads the whole file ("-" = stdin). Throws InputError when it cannot be read.
std::string read_text(const std::string& path);

// An output that is never half-written: a file is written to PATH.tmp-PID in the same
// directory and renamed over PATH by commit(); if commit() is not reached (an error, an
// exception) the temporary file is removed. "-" or "" is `stdout_stream`, written directly.
// Throws InputError ("PATH: cannot write: reason") when the file cannot be written.
class AtomicOutput {
 public:
  AtomicOutput(const std::string& path, std::ostream& stdout_stream);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  std::ostream& stream() { return to_file_ ? static_cast<std::ostream&>(file_) : stdout_; }
  void commit();

 private:
  std::string path_, tmp_;
  bool to_file_ = false, committed_ = false;
  std::ofstream file_;
  std::ostream& stdout_;
};

// Writes `content` through an AtomicOutput.
void write_file_atomic(const std::string& path, const std::string& content, std::ostream& stdout_stream);

// Parses JSON; a syntax error becomes InputError "NAME:LINE:COLUMN: invalid JSON: reason",
// the column being where the offending token starts.
nlohmann::json parse_json(const std::string& text, const std::string& name);

// Throws InputError "PATH: cannot read: Is a directory" when path names a directory.
void reject_directory(const std::string& path);

// "line 3, column 14" from a byte offset into text.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte_offset);

}  // namespace truceline::io
