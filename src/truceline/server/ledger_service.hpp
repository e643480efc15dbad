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
#include <map>
#include <string>

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

}  // namespace truceline::server
