// What the client commands share (cmd_client.cpp: submit, ack, dispute, notify; cmd_ledger.cpp:
// ledger log and ledger verify --server): the --server connection options and reading a page
// of the log over HTTP. Parsing and printing only; HTTP is net/http_client.hpp, the ledger's
// rules ledger/.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "truceline/net/http_client.hpp"

namespace truceline::cli {

struct ServerArgs {
  std::string url;
  bool insecure = false;
  double timeout_s = 30;
};

// --server URL (required when `required`), --insecure, --timeout SECONDS.
void add_server_options(CLI::App* cmd, ServerArgs& s, bool required = true);
// A client for s.url (InputError for a bad URL, --timeout not > 0).
net::HttpClient connect(const ServerArgs& s);

// "SERVER: 400 Bad Request: REASON" for an unexpected answer.
std::string server_error(const net::HttpClient& c, const net::Response& r);

// One entry as GET /v1/entries returns it.
struct RemoteEntry {
  uint64_t index = 0;
  nlohmann::json envelope;
  std::string leaf_hash;  // hex, as the server states it
  std::string received;
};
// GET /v1/entries?start=A&end=B; InputError naming the server for an error status or a body
// that is not the documented shape.
std::vector<RemoteEntry> fetch_entries(net::HttpClient& c, uint64_t start, uint64_t end);

}  // namespace truceline::cli
