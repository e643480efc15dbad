// Damage detection for the report store (docs/store-integrity.md): a damaged store is detected,
// never read as truth.
//
// Three levels, from cheap to full:
// - Every read (Store::query, Store::quarantine): each report's stored canonical JSON is hashed
//   again and compared with its content hash (SHA-256, the report's identity); the columns the
//   query filtered and ordered on (observed time, kind, source name, coordinates) are compared
//   with that verified JSON, so a damaged index key or column cannot bring a wrong report into
//   an answer. A quarantined row is checked against its key the same way. SQLite's own
//   "malformed" errors become DamagedError too.
// - check_counts(), before `reports`, `stats`, `assess` and `report` print anything: the number
//   of reports the batches recorded equals the table's last row id (reports are never deleted)
//   and the entries of every index a reading query uses, each index walked in its own order; a
//   damaged index page that drops entries from a scan, or a damaged key that stops a range scan
//   early (the "602 of 39,731" case), is caught there. What it cannot see (an index key changed
//   within its neighbours' order) is listed in docs/store-integrity.md.
// - check_before_write(), `ingest`: PRAGMA quick_check and the counts of every index; verify(),
//   `truceline verify-store`: PRAGMA integrity_check, every content hash and derived column,
//   per-batch counts, the R*Tree, the schema's triggers and indexes.
#pragma once

#include <string>
#include <vector>

#include "truceline/error.hpp"

struct sqlite3;

namespace truceline::store {

class Store;

// The store's content is not what was written: a damaged page, a truncated file, a row edited
// behind truceline's back. what(): "PATH: store is damaged: WHAT; run truceline verify-store --db PATH"
// (the same text as SQLITE_CORRUPT's message in store/sqlite_error.hpp). An InputError: the
// CLI prints it on one line and exits 2.
class DamagedError : public InputError {
 public:
  DamagedError(const std::string& path, const std::string& what);
  const std::string& what_damaged() const { return what_; }

 private:
  std::string what_;
};

// True for an SQLite (extended) result code that means the file's content is damaged:
// SQLITE_CORRUPT, SQLITE_NOTADB (once a file was opened as a store), SQLITE_IOERR_SHORT_READ
// (a truncated file).
bool is_damage_code(int rc);

// Throws DamagedError when `db`'s last error is a damage code (is_damage_code), naming
// SQLite's message; returns otherwise. For read paths that catch an SQLite failure.
void throw_if_damaged(sqlite3* db, const std::string& path);

// The cross-check run before a reading command prints (see above): the batches' recorded
// count against the table's last row id and against the entries of every index a reading
// query uses, each walked in its own order (the table itself is not read). Cost: one step per
// index entry, about 0.5 s of CPU for 1 M reports (docs/store-integrity.md, "Costs"). Throws
// DamagedError naming the first disagreement, e.g. "index report_time has 602 entries, the
// batches recorded 39731 reports" or "index report_time is out of order at its entry 326 (row
// 874)".
void check_counts(const Store& store);

// Before `ingest` opens a store to write: PRAGMA quick_check (every page's structure; not
// index contents) and check_counts(), on a read-only connection of its own, so that a refused
// store is left byte for byte as it was. Throws DamagedError with the first problem. Returns
// without a word for a file that is not a store, or that SQLite cannot open for another
// reason: opening it for writing says why.
void check_before_write(const std::string& path);

// The full check of `truceline verify-store`: every problem found, one line each (at most
// `limit` lines from integrity_check, and as many per other check); empty = no damage found.
// Reads the whole file. Throws InputError for a missing file or a file that is not a
// truceline store; damage that stops the store from being opened at all is a problem line.
std::vector<std::string> verify(const std::string& path, int limit = 100);

}  // namespace truceline::store
