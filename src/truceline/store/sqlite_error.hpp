// SQLite failures as the user reads them (docs/errors.md, "The store").
//
// Two layers:
// - SqliteError: what SQLite said, raw (result code, extended code, errno, message, the file
//   of the connection). Thrown by the store's statement helpers; a std::runtime_error whose
//   what() is "SQLite: <message>" (as before: an uncaught one is an internal error, exit 1).
// - StoreError: a failure of the store that is not a bug — busy, disk full, read-only,
//   damaged, I/O, out of memory, cannot open — with the store's path (as the user gave it)
//   and the cause. An InputError: the CLI prints it on one line and exits 2.
// store_error() turns the first into the second; codes that can only come from a bug (an SQL
// error, misuse, a constraint, a range, ...) stay internal errors.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "truceline/error.hpp"

struct sqlite3;

namespace truceline::store {

class SqliteError : public std::runtime_error {
 public:
  // What the connection says about its last failure (rc: the result code returned; the
  // extended code and errno are read from `db`, which may be null).
  SqliteError(sqlite3* db, int rc);
  SqliteError(sqlite3* db, int rc, const std::string& message);
  int code() const { return rc_ & 0xff; }  // primary result code (SQLITE_BUSY, ...)
  int extended_code() const { return rc_; }
  int system_errno() const { return errno_; }  // sqlite3_system_errno(), 0 when unknown
  const std::string& message() const { return message_; }  // sqlite3_errmsg()

 private:
  int rc_ = 0, errno_ = 0;
  std::string message_;
};

class StoreError : public InputError {
 public:
  enum class Kind {
    busy,          // SQLITE_BUSY / SQLITE_LOCKED: another process holds the write lock
    full,          // SQLITE_FULL, ENOSPC, EDQUOT
    read_only,     // SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH, EACCES, EROFS, EPERM
    damaged,       // SQLITE_CORRUPT, SQLITE_NOTADB
    io,            // SQLITE_IOERR (other than the above), SQLITE_PROTOCOL
    cannot_open,   // SQLITE_CANTOPEN
    out_of_memory  // SQLITE_NOMEM
  };
  StoreError(Kind kind, int sqlite_code, const std::string& what)
      : InputError(what), kind_(kind), sqlite_code_(sqlite_code) {}
  Kind kind() const { return kind_; }
  int sqlite_code() const { return sqlite_code_; }  // extended result code

 private:
  Kind kind_;
  int sqlite_code_;
};

// Which StoreError kind a failure is; nullopt for a code only a bug produces.
std::optional<StoreError::Kind> store_error_kind(int extended_code, int system_errno);

// The user's message for a failure of the store at `path`; `waited_s` is the time spent
// waiting for the lock (busy only). Messages (docs/errors.md):
//   PATH: store busy: another process is writing (waited N s)
//   PATH: disk full: cannot write the store (<SQLite message>)
//   PATH: cannot write the store: permission denied (a read-only file or folder)
//   PATH: store is damaged: <SQLite message>; run truceline verify-store --db PATH
//   PATH: I/O error on the store: <strerror or SQLite message>
//   PATH: cannot open the store: <strerror or SQLite message>
//   PATH: out of memory while using the store
// A code only a bug produces gives a plain std::runtime_error ("PATH: SQLite: <message>"):
// an internal error.
[[noreturn]] void throw_store_error(const std::string& path, const SqliteError& e, double waited_s = 0);

// The damaged-store message alone (for readers that find damage SQLite does not see, e.g. a
// content hash that does not match): "PATH: store is damaged: WHAT; run truceline
// verify-store --db PATH".
StoreError damaged_store(const std::string& path, const std::string& what);

}  // namespace truceline::store
