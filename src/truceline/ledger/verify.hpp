// Offline verification of a log (docs/ledger.md, "Verification"): `truceline ledger verify`.
//
// What is checked, from the envelopes alone (nothing stored beside them is trusted):
// - every entry: well-formed (entry.hpp), its party in the parties file and not an observer
//   (but for a candidate report), its signature valid with that party's key (libsodium's
//   rule), its ref < its own index; indices
//   0, 1, 2, ... without gaps; no envelope twice; the stored leaf hash (when the source gives
//   one) equal to the envelope's;
// - the tree recomputed from the envelopes (RFC 6962);
// - every checkpoint given: signed by the log key, its size <= the log's, its root equal to the
//   recomputed root at its size, and each consistent with the previous one (RFC 9162 proof
//   over the recomputed tree);
// - every receipt: its checkpoint signed by the log key, the log at its size has that root,
//   the entry at its index has its leaf hash and is included (inclusion proof verified).
// The first problem ends the check (entries first, in index order; then checkpoints by size;
// then receipts in the order given): VerifyResult::problem names it — the entry's index and
// party, or the checkpoint's size, or the receipt's line — in one line.
//
// Cost: linear in the log, ~59 µs of CPU per entry (85 % of it libsodium's signature check;
// docs/ledger.md "Verification"); the per-entry checks run on
// VerifyOptions::threads threads; memory ~150 bytes per entry (the tree and the duplicate
// check) plus one chunk of
// envelopes. Thread safety: a Verifier is used by one thread (it runs its own workers).
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "truceline/ledger/checkpoint.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/parties.hpp"

namespace truceline::ledger {

// One JSON line of `submit --receipts`: {"index","leaf_hash","tree_size","checkpoint"}.
struct Receipt {
  uint64_t index = 0;
  Hash leaf_hash{};
  uint64_t tree_size = 0;
  std::string checkpoint;  // the signed note the server returned with the entry
  std::string where;       // "FILE:LINE", for messages
};
std::optional<Receipt> parse_receipt(const nlohmann::json& j, std::string* why);
// Every non-blank line; InputError "FILE:LINE: receipt: ..." for a malformed one.
std::vector<Receipt> read_receipts(const std::string& path);

struct VerifyOptions {
  // Threads for signature checks. DEFAULT 0 = std::thread::hardware_concurrency().
  unsigned threads = 0;
};

struct VerifyResult {
  bool ok = true;
  uint64_t entries = 0;  // entries checked (the log's size when ok)
  Hash root{};           // the recomputed root (ok only)
  std::string problem;   // the first problem (not ok)
  // verify_store: one line per review entry whose decision was found applied in the store
  // ("review entry 7 (party russia): accept c… -> report r…: verified"), in index order.
  std::vector<std::string> reviews;
  // "ok: N entries, root HEX" or the problem.
  std::string summary() const;
};

class Verifier {
 public:
  Verifier(const Parties& parties, const VerifierKey& log_key, VerifyOptions options = {});
  ~Verifier();
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;
  // Entries in the order the source gives them (by index). `index`: the index the source
  // states for it; `envelope`: its JSON text; `stored_leaf_hash`: the hash the source states.
  // False once a problem is known (feeding more is useless).
  bool add_entry(int64_t index, std::string envelope, std::optional<Hash> stored_leaf_hash = std::nullopt);
  // `where` names it in messages ("stored checkpoint", "the server's checkpoint").
  void add_checkpoint(std::string note, std::string where);
  void add_receipt(Receipt receipt);
  VerifyResult finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The log in a store (read-only): every entry and stored checkpoint, and `receipts`.
VerifyResult verify_store(const std::string& db_path, const Parties& parties, const VerifierKey& log_key,
                          const std::vector<Receipt>& receipts = {}, VerifyOptions options = {});

}  // namespace truceline::ledger
