// The HTTP/1.1 transport of `truceline serve` (docs/api.md): Boost.Beast over Boost.Asio,
// asynchronous (no thread per connection: every connection is a chain of completion handlers
// on a small fixed pool of io threads), plain TCP or TLS (Beast's ssl_stream, OpenSSL).
// No HTTP parsing here: Beast's parser reads the requests, this file only routes its results.
//
// What the transport promises (each pinned by tests/server/):
// - A request body larger than Options::body_limit_bytes (1 MiB) is answered 400 with a JSON
//   reason and the connection closed; the handler never sees it.
// - A connection that sends nothing for Options::idle_timeout (a slow or silent client) is
//   closed; a response that cannot be written within it is abandoned.
// - Every response is JSON `{"error": ...}` on failure (4xx/5xx), made by the handler or here.
// - stop(): stops accepting, lets requests in flight finish (their responses are written),
//   answers new requests on kept-alive connections 503, then returns once none is in flight
//   (or after Options::drain_timeout).
//
// Thread safety: start/stop/port from one controlling thread; the handler is called on io
// threads, concurrently; its `reply` may be called from any thread, exactly once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace truceline::server {

// Header fields as (name, value) pairs, in order.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // "/v1/entries?start=0&end=10" (path and query, as sent)
  std::string body;
  std::string remote;  // "127.0.0.1:53112" (for logs)
  // The request's header fields (names as sent). Constructors keep `Request{method, target,
  // body, remote}` valid without a missing-initializer warning.
  Headers headers;

  Request() = default;
  Request(std::string m, std::string t, std::string b = {}, std::string r = {}, Headers h = {})
      : method(std::move(m)), target(std::move(t)), body(std::move(b)), remote(std::move(r)), headers(std::move(h)) {}

  // The first field named `name` (ASCII case-insensitive), or nullptr.
  const std::string* header(std::string_view name) const;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra header fields, written after the transport's own (Server, Content-Type,
  // Cache-Control: no-store); a field named here replaces the transport's field of that name
  // (e.g. Cache-Control for the web app's assets, which revalidate by ETag).
  Headers headers;

  Response() = default;
  Response(unsigned s, std::string type, std::string b = {}, Headers h = {})
      : status(s), content_type(std::move(type)), body(std::move(b)), headers(std::move(h)) {}
};

// {"error": reason} with `status`.
Response error_response(unsigned status, const std::string& reason);

using Reply = std::function<void(Response)>;
using Handler = std::function<void(Request, Reply)>;

struct HttpOptions {
  std::string address = "127.0.0.1";  // an IP address (v4 or v6) to bind
  uint16_t port = 8787;                // 0: a free port chosen by the system (see port())
  std::string tls_cert, tls_key;       // PEM files; both empty: plain HTTP
  int io_threads = 2;                  // DEFAULT 2 (this machine's cores); REQUIRES >= 1
  std::size_t body_limit_bytes = std::size_t{1} << 20;  // DEFAULT 1 MiB (issue 12)
  std::chrono::seconds idle_timeout{30};   // DEFAULT 30 s per read or write
  std::chrono::seconds drain_timeout{10};  // DEFAULT 10 s for stop() to wait for requests in flight
};

class HttpServer {
 public:
  // Binds and listens (throws std::runtime_error naming the address on failure, e.g. "address
  // in use"; InputError for unreadable TLS files), starts the io threads.
  HttpServer(HttpOptions options, Handler handler);
  ~HttpServer();  // stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  uint16_t port() const;  // the bound port (the chosen one when Options::port was 0)
  bool tls() const;
  void stop();           // see above; idempotent
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::server
