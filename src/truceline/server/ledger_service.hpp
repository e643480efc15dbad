// The ledger behind the /v1/ entry, checkpoint and proof endpoints (docs/api.md).
//
// Promises (tests/server/ pins each):
// - A 200 to POST /v1/entries means the entry is durable: the transaction that holds it was
//   committed with synchronous=FULL (fsync'd) before the response is handed to the transport.
// - Group commit: one thread owns the log's connection. Entries POSTed while it commits are
//   queued; when the commit ends it takes every queued entry (at most kMaxBatch) and appends
//   them in ONE Log::append call (one transaction, one fsync). A refused entry does not affect
//   the others of its batch.
// - Serialised appends: only that thread appends, so concurrent writers never fork the tree;
//   the indexes it hands out are contiguous.
// - stop(): entries already queued are appended and answered; later ones get 503.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/parties.hpp"
#include "truceline/server/http.hpp"

namespace truceline::server {

using Params = std::map<std::string, std::string>;

class Ledger {
 public:
  virtual ~Ledger() = default;
  // POST /v1/entries with `body` (one envelope, JSON). `reply` is called from the ledger's thread.
  virtual void submit(std::string body, Reply reply) = 0;
  // GET of a ledger path ("/v1/entries", "/v1/checkpoint", "/v1/log-key", "/v1/proof/inclusion",
  // "/v1/proof/consistency", "/v1/health") with its decoded query parameters.
  virtual void get(const std::string& path, Params params, Reply reply) = 0;
};

// The Ledger over a ledger::Log in the report store.
class LogLedger final : public Ledger {
 public:
  struct Options {
    std::string db;
    ledger::Parties parties;
    ledger::KeyPair key;  // the server's checkpoint key
    // DEFAULT 1024: the most entries one transaction takes (a bound on one commit's latency;
    // more wait for the next one).
    std::size_t max_batch = 1024;
    std::function<int64_t()> now_unix;  // DEFAULT: the system clock (tests may fix it)
    // TEST ONLY: called on the writer thread with each batch's size, before its append.
    std::function<void(std::size_t)> before_batch;
  };
  // Opens the log (ledger::Log::open: creates or migrates the store; InputError for a key that
  // is not the parties file's [log] public_key) and starts the writer thread.
  explicit LogLedger(Options options);
  ~LogLedger() override;  // stop()

  void submit(std::string body, Reply reply) override;
  void get(const std::string& path, Params params, Reply reply) override;
  // Appends and answers what was queued, then ends the writer thread and closes the store.
  // Entries submitted later are answered 503. Idempotent.
  void stop();

  std::string vkey() const;       // C2SP verifier key of the checkpoints
  uint64_t size() const;          // entries in the log (as of the last commit)
  uint64_t commits() const;       // transactions committed by append (for the bench and tests)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::server
