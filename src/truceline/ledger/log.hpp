// The ledger: one append-only log inside the report store (same SQLite file; docs/ledger.md).
//
// Promises (each pinned by tests/ledger/log_test.cpp):
// - append() validates every envelope (entry.hpp: 400/401/403, or a duplicate: the first index)
//   and appends the accepted ones in ONE transaction, committed with synchronous=FULL: when it
//   returns, they are durable (fsync'd). A refused envelope changes nothing and does not affect
//   the others. Appends are serialised by SQLite's write lock: concurrent writers never fork.
// - A `report` entry's body also lands in the report store in the same transaction: one batch
//   (file and importer "ledger") whose row number is the entry's index (`reports` prints it as
//   "ledger_index"). A report the store refuses (e.g. it supersedes an unknown report) refuses
//   the entry (400). A report whose content the store already holds is not stored again.
// - When a server key is given, every append that grows the log also stores a checkpoint (a
//   C2SP signed note) for the new size in the same transaction.
// - The tables are append-only by triggers (UPDATE/DELETE refused; entries only in index
//   order); perfect subtree hashes are stored, so roots and proofs cost O(log² n) lookups.
// Units: times are unix seconds UTC.
// Errors: InputError for a file that cannot be opened; store::StoreError for SQLite failures
// (the transaction is rolled back: nothing of the call is written).
// Thread safety: one Log = one SQLite connection = one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "truceline/ledger/checkpoint.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/merkle.hpp"
#include "truceline/ledger/parties.hpp"
#include "truceline/store/store.hpp"

namespace truceline::ledger {

class Log {
 public:
  // Opens (creating it if missing, migrating an older store) for appending. `server_key`
  // signs checkpoints; when the parties file names a [log] public_key, it must be that key.
  static Log open(const std::string& db_path, const Parties& parties, std::optional<KeyPair> server_key);
  // Opens an existing store read-only (never writes; a store without ledger tables, schema 2,
  // reads as an empty log). append() and signing checkpoints are refused (std::logic_error).
  static Log open_read_only(const std::string& db_path, const Parties& parties);
  Log(Log&&) noexcept;
  Log& operator=(Log&&) noexcept;
  ~Log();

  struct Outcome {
    int status = 200;  // 200 accepted or duplicate; 400, 401, 403 refused
    bool duplicate = false;
    uint64_t index = 0;  // accepted or duplicate: the entry's index
    Hash leaf_hash{};
    std::string reason;  // refused: one line naming the field
  };
  std::vector<Outcome> append(const std::vector<nlohmann::json>& envelopes, int64_t now_unix);

  uint64_t size();
  Hash root(uint64_t size);
  Hash root() { return root(size()); }
  // REQUIRES index < size <= size(); old_size <= new_size <= size() (std::invalid_argument).
  std::vector<Hash> inclusion_proof(uint64_t index, uint64_t size);
  std::vector<Hash> consistency_proof(uint64_t old_size, uint64_t new_size);

  struct StoredEntry {
    uint64_t index = 0;
    nlohmann::json envelope;
    Hash leaf_hash{};
    int64_t received_unix = 0;
  };
  std::vector<StoredEntry> entries(uint64_t start, uint64_t end);  // [start, min(end, size))
  // The raw rows in index order, as stored (for verification: nothing is trusted).
  struct RawEntry {
    int64_t index = 0;
    std::string envelope;  // as stored
    std::string leaf_hash;  // as stored (bytes)
    int64_t received_unix = 0;
  };
  void for_each_raw_entry(const std::function<void(const RawEntry&)>& each);
  struct StoredCheckpoint {
    uint64_t size = 0;
    std::string note;
    int64_t signed_unix = 0;
  };
  std::vector<StoredCheckpoint> checkpoints();  // by size

  // The signed note for the current size: the stored one, or (with a server key) a new one,
  // signed and stored now. std::logic_error without a key and no stored note for this size.
  std::string checkpoint();
  const std::string& origin() const;
  std::optional<PublicKey> log_public_key() const;  // the server key's, else the parties file's
  store::Store& store();

 private:
  struct Impl;
  explicit Log(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::ledger
