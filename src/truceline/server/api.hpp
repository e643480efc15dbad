// The /v1/ HTTP API of `truceline serve` (docs/api.md, docs/openapi.yaml): routes a Request to
// the library and answers with a Response. Transport-free (http.hpp carries the bytes), so
// tests can call it directly too.
//
// Read endpoints over the report store (reports, assessment, daily report) run on a small pool
// of worker threads, never on the io threads; each opens the store read-only for its request
// (SQLite WAL: readers never wait for the writer). The ledger endpoints go through the Ledger
// (ledger_service.hpp): one thread owns the log's connection and gathers concurrent POSTs into
// one append (group commit).
//
// Status codes: 200; 400 a bad parameter or body (the reason names it); 401/403 as the ledger
// decides; 404 an unknown path; 405 a known path with another method; 500 the store failed
// (the reason says how); 503 shutting down. Every non-200 body is {"error": reason}.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "truceline/agreement/agreement.hpp"
#include "truceline/server/http.hpp"

namespace truceline::server {

class Ledger;

struct ApiOptions {
  std::string db;     // the report store (SQLite), which also holds the log
  int workers = 2;    // DEFAULT 2: threads for the store's read endpoints; REQUIRES >= 1
  std::string gazetteer;  // the places file of GET /v1/app/towns; "" = gazetteer::default_data_file()
  std::string web_root;  // the web app's /assets/ from this directory; empty: the embedded copy

  // A constructor (not an aggregate): `{db, workers, gazetteer}` stays valid, without a
  // missing-initializer warning, as members are added.
  ApiOptions(std::string db_ = {}, int workers_ = 2, std::string gazetteer_ = {}, std::string web_root_ = {})
      : db(std::move(db_)), workers(workers_), gazetteer(std::move(gazetteer_)), web_root(std::move(web_root_)) {}
};

class Api {
 public:
  // `agreement` must outlive the Api; `ledger` may be null (the ledger endpoints then answer 503).
  Api(const agreement::Agreement& agreement, ApiOptions options, Ledger* ledger);
  ~Api();  // waits for the read requests in progress
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // The Handler for HttpServer: `reply` is called once, from a worker or the ledger thread.
  void handle(Request request, Reply reply);

  // The read endpoints, synchronously (on the caller's thread): path and query as sent.
  Response get(const std::string& target);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::server
