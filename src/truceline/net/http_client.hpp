// A small synchronous HTTP/1.1 client (Boost.Beast over Asio; TLS through OpenSSL), for the
// client commands of the communication mechanism (submit, ack, dispute, notify, ledger log,
// ledger verify --server; docs/cli.md). No hand-written HTTP: Beast parses and serialises.
//
// Promises:
// - URLs: `http://HOST[:PORT][/PREFIX]` and `https://HOST[:PORT][/PREFIX]`; HOST may be a name,
//   an IPv4 address or a bracketed IPv6 address ("[::1]"). Default ports 80 and 443. A PREFIX
//   is put in front of every request target (a server behind a reverse proxy under a path).
//   Anything else (another scheme, user info, a query or fragment, an empty host, a port that
//   is not 1..65535) is an InputError naming the URL.
// - TLS: the server's certificate is verified against the system's trust store
//   (SSL_CTX_set_default_verify_paths) and its name against HOST (RFC 6125 through OpenSSL's
//   X509_check_host); SNI is sent for names. `insecure` skips both checks (a self-signed test
//   server); the link is still encrypted but the server is not authenticated.
// - Keep-alive: one connection is kept and reused for the next request while the server keeps
//   it open. A request on a REUSED connection that fails before any byte of the response
//   arrived (the server closed the idle connection) is sent once more on a fresh connection;
//   this may repeat a POST, which is harmless for the ledger (the same signed envelope is a
//   duplicate and returns the first index). A failure on a fresh connection is not retried.
// - Timeouts: each step (resolve+connect, TLS handshake, writing the request, reading the
//   response) must finish within `Options::timeout`; otherwise NetError "... timed out".
// - Errors: a server that cannot be reached (refused, unknown host, timeout, TLS failure, the
//   connection dropped mid-response) is a NetError (an InputError: the CLI exits 2) reading
//   "cannot reach SERVER: REASON", SERVER being the URL's scheme://host:port. An HTTP status
//   is NOT an error here: the caller gets every response and decides (status_text() names it).
// - Response bodies larger than Options::max_body_bytes are refused (NetError), never cut.
//
// Thread safety: one HttpClient per thread (it owns its io_context and connection).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "truceline/error.hpp"

namespace truceline::net {

// A server that could not be reached or answered with something that is not HTTP.
class NetError : public InputError {
 public:
  using InputError::InputError;
};

struct Url {
  bool tls = false;
  std::string host;     // without brackets for IPv6
  uint16_t port = 0;
  std::string prefix;   // "" or "/path" without a trailing slash
  // "https://host:port" (IPv6 hosts in brackets): how messages name the server.
  std::string origin() const;
};

// Throws InputError "URL 'TEXT': REASON" (e.g. "expected http:// or https://").
Url parse_url(std::string_view text);

struct Options {
  // Limit on each step (connect, handshake, write, read). DEFAULT: 30 s.
  std::chrono::milliseconds timeout{30'000};
  // Skip the TLS certificate and host-name checks. DEFAULT: false.
  bool insecure = false;
  // Largest response body accepted. DEFAULT: 256 MiB (1000 entries of a large log page).
  uint64_t max_body_bytes = 256ull << 20;
};

struct Response {
  int status = 0;
  std::string reason;        // "Bad Request"
  std::string content_type;  // as sent, may be ""
  std::string body;
  bool ok() const { return status >= 200 && status < 300; }
  // The server's own reason: the "error" string of a JSON error body ({"error": "..."}),
  // else the body's first line (at most 200 bytes), else "".
  std::string error_message() const;
  // "400 Bad Request: missing field entry.ref" (status, reason phrase, error_message()).
  std::string status_text() const;
};

class HttpClient {
 public:
  explicit HttpClient(Url url, Options o = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // `target` starts with '/' and may hold a query ("/v1/entries?start=0&end=10"); the URL's
  // prefix is put in front. Throws NetError (see above).
  Response get(std::string_view target);
  Response post(std::string_view target, std::string body, std::string_view content_type = "application/json");

  const Url& url() const;
  // How many TCP connections were opened so far (tests check the reuse).
  int connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::net
