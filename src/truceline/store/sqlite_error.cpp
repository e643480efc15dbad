#include "truceline/store/sqlite_error.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace truceline::store {

namespace {

std::string message_of(sqlite3* db, int rc) {
  // The connection's message describes its last failure; without one, the code's own text.
  if (db && sqlite3_errcode(db) != SQLITE_OK) return sqlite3_errmsg(db);
  return sqlite3_errstr(rc);
}

int extended_of(sqlite3* db, int rc) {
  // A statement returns the primary code; the connection knows the extended one.
  if (db && (sqlite3_extended_errcode(db) & 0xff) == (rc & 0xff)) return sqlite3_extended_errcode(db);
  return rc;
}

}  // namespace

SqliteError::SqliteError(sqlite3* db, int rc) : SqliteError(db, rc, message_of(db, rc)) {}

SqliteError::SqliteError(sqlite3* db, int rc, const std::string& message)
    : std::runtime_error("SQLite: " + message),
      rc_(extended_of(db, rc)),
      errno_(db ? sqlite3_system_errno(db) : 0),
      message_(message) {}

std::optional<StoreError::Kind> store_error_kind(int extended_code, int system_errno) {
  using K = StoreError::Kind;
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return K::busy;
    case SQLITE_FULL:
      return K::full;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return K::read_only;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return K::damaged;
    case SQLITE_NOMEM:
      return K::out_of_memory;
    case SQLITE_CANTOPEN:
      if (system_errno == EACCES || system_errno == EROFS || system_errno == EPERM) return K::read_only;
      return K::cannot_open;
    case SQLITE_IOERR:
    case SQLITE_PROTOCOL:
      // SQLite reports some out-of-space failures as I/O errors (a -shm it cannot grow, an
      // fsync on a full file system): the errno says what happened.
      if (system_errno == ENOSPC || system_errno == EDQUOT) return K::full;
      if (system_errno == EACCES || system_errno == EROFS || system_errno == EPERM) return K::read_only;
      if (extended_code == SQLITE_IOERR_NOMEM) return K::out_of_memory;
      return K::io;
    default:
      return std::nullopt;  // SQLITE_ERROR, MISUSE, CONSTRAINT, RANGE, ...: a bug
  }
}

void throw_store_error(const std::string& path, const SqliteError& e, double waited_s) {
  using K = StoreError::Kind;
  const auto kind = store_error_kind(e.extended_code(), e.system_errno());
  if (!kind) throw std::runtime_error(fmt::format("{}: SQLite: {}", path, e.message()));
  const std::string cause = e.system_errno() != 0 ? std::strerror(e.system_errno()) : e.message();
  std::string what;
  switch (*kind) {
    case K::busy:
      what = fmt::format("{}: store busy: another process is writing (waited {:g} s)", path, waited_s);
      break;
    case K::full:
      what = fmt::format("{}: disk full: cannot write the store ({})", path, e.message());
      break;
    case K::read_only:
      what = fmt::format("{}: cannot write the store: permission denied (a read-only file or folder)", path);
      break;
    case K::damaged:
      throw damaged_store(path, e.message());
    case K::io:
      what = fmt::format("{}: I/O error on the store: {}", path, cause);
      break;
    case K::cannot_open:
      what = fmt::format("{}: cannot open the store: {}", path, cause);
      break;
    case K::out_of_memory:
      what = fmt::format("{}: out of memory while using the store", path);
      break;
  }
  throw StoreError(*kind, e.extended_code(), what);
}

StoreError damaged_store(const std::string& path, const std::string& what) {
  return StoreError(StoreError::Kind::damaged, SQLITE_CORRUPT,
                    fmt::format("{}: store is damaged: {}; run truceline verify-store --db {}", path, what, path));
}

}  // namespace truceline::store
