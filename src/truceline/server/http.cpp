// Boost.Beast sessions (plain and TLS) for HttpServer: see http.hpp.
#include "truceline/server/http.hpp"

#include <fmt/format.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "truceline/error.hpp"

namespace truceline::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

const std::string* Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && beast::iequals(k, name)) return &v;
  }
  return nullptr;
}

Response error_response(unsigned status, const std::string& reason) {
  return {status, "application/json", nlohmann::json{{"error", reason}}.dump() + "\n"};
}

namespace {

// What every session shares with the server.
struct Shared {
  Handler handler;
  HttpOptions options;
  std::atomic<bool> stopping{false};
  std::mutex m;
  std::condition_variable cv;
  std::size_t in_flight = 0;  // requests read whose response is not yet written (guarded by m)

  void begin() {
    std::lock_guard lock(m);
    ++in_flight;
  }
  void end() {
    std::lock_guard lock(m);
    if (--in_flight == 0) cv.notify_all();
  }
};

constexpr std::size_t kHeaderLimit = 16 * 1024;

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(Stream stream, std::shared_ptr<Shared> shared, std::string remote)
      : stream_(std::move(stream)), shared_(std::move(shared)), remote_(std::move(remote)) {}

  void start() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      read();
    } else {
      lowest().expires_after(shared_->options.idle_timeout);
      stream_.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (!ec) self->read();
      });
    }
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void read() {
    parser_.emplace();
    parser_->body_limit(shared_->options.body_limit_bytes);
    parser_->header_limit(kHeaderLimit);
    lowest().expires_after(shared_->options.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return close();
    if (ec == http::error::body_limit) {
      return send(error_response(400, fmt::format("request body larger than {} bytes (1 MiB): refused",
                                                  shared_->options.body_limit_bytes)),
                  false, false);
    }
    if (ec && ec.category() == beast::error_code(http::error::end_of_stream).category()) {
      // Beast's parser refused the request (a bad request line, header, chunk...).
      return send(error_response(400, "malformed HTTP request: " + ec.message()), false, false);
    }
    if (ec) return;  // timeout, reset: the connection is dropped (the stream is closed)
    http::request<http::string_body> req = parser_->release();
    keep_alive_ = req.keep_alive();
    shared_->begin();
    if (shared_->stopping) {
      return send(error_response(503, "the server is shutting down"), false, true);
    }
    Headers headers;
    for (const auto& field : req) headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    Request r{std::string(req.method_string()), std::string(req.target()), std::move(req.body()), remote_,
              std::move(headers)};
    auto self = this->shared_from_this();
    try {
      shared_->handler(std::move(r), [self](Response response) {
        net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
          self->send(std::move(response), self->keep_alive_, true);
        });
      });
    } catch (const std::exception& e) {
      send(error_response(500, std::string("internal error: ") + e.what()), false, true);
    }
  }

  void send(Response r, bool keep_alive, bool counted) {
    res_ = {};
    res_.version(11);
    res_.result(static_cast<http::status>(r.status));
    res_.set(http::field::server, "truceline");
    res_.set(http::field::content_type, r.content_type);
    res_.set(http::field::cache_control, "no-store");
    for (const auto& [name, value] : r.headers) res_.set(name, value);  // replaces a field of that name
    res_.body() = std::move(r.body);
    keep_alive = keep_alive && !shared_->stopping;
    res_.keep_alive(keep_alive);
    res_.prepare_payload();
    lowest().expires_after(shared_->options.idle_timeout);
    http::async_write(stream_, res_,
                      [self = this->shared_from_this(), keep_alive, counted](beast::error_code ec, std::size_t) {
                        if (counted) self->shared_->end();
                        if (ec) return;
                        if (keep_alive) return self->read();
                        self->close();
                      });
  }

  // Closes after a response: the client may still be sending a body we refused (e.g. > 1 MiB);
  // closing a socket with unread data makes the kernel send a reset, which can destroy the
  // response before the client reads it. So: half-close, read and discard until the client
  // closes (bounded by the idle timeout), then close.
  void close() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      drain();
    } else {
      lowest().expires_after(std::chrono::seconds(2));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    }
  }

  void drain() {
    lowest().expires_after(std::chrono::seconds(2));
    lowest().async_read_some(net::buffer(discard_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec) self->drain();
    });
  }

  Stream stream_;
  std::shared_ptr<Shared> shared_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  bool keep_alive_ = false;
  std::array<char, 16384> discard_{};
};

}  // namespace

struct HttpServer::Impl {
  std::shared_ptr<Shared> shared = std::make_shared<Shared>();
  net::io_context ioc;
  // Keeps ioc.run() going while no operation is pending: after stop() closed the acceptor, a
  // request in flight may have no I/O pending while the ledger prepares its reply.
  net::executor_work_guard<net::io_context::executor_type> work{ioc.get_executor()};
  std::optional<ssl::context> tls;
  tcp::acceptor acceptor{net::make_strand(ioc)};
  std::vector<std::thread> threads;
  uint16_t port = 0;
  bool stopped = false;

  void accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec) {
        beast::error_code ep_ec;
        const auto ep = socket.remote_endpoint(ep_ec);
        std::string remote = ep_ec ? "?" : fmt::format("{}:{}", ep.address().to_string(), ep.port());
        socket.set_option(tcp::no_delay(true), ep_ec);
        if (tls) {
          std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
              beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls), shared,
              std::move(remote))
              ->start();
        } else {
          std::make_shared<Session<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared, std::move(remote))
              ->start();
        }
      }
      // An accept error (e.g. too many open files) must not end the server: try again.
      accept();
    });
  }
};

HttpServer::HttpServer(HttpOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.shared->handler = std::move(handler);
  m.shared->options = options;
  if (!options.tls_cert.empty() || !options.tls_key.empty()) {
    m.tls.emplace(ssl::context::tls_server);
    m.tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    beast::error_code ec;
    m.tls->use_certificate_chain_file(options.tls_cert, ec);
    if (ec) throw InputError(fmt::format("{}: cannot use as the TLS certificate (PEM): {}", options.tls_cert, ec.message()));
    m.tls->use_private_key_file(options.tls_key, ssl::context::pem, ec);
    if (ec) throw InputError(fmt::format("{}: cannot use as the TLS private key (PEM): {}", options.tls_key, ec.message()));
  }
  beast::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) throw InputError(fmt::format("--listen {}: not an IP address", options.address));
  const tcp::endpoint endpoint(address, options.port);
  const std::string where = fmt::format("{}:{}", options.address, options.port);
  m.acceptor.open(endpoint.protocol(), ec);
  if (!ec) m.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) m.acceptor.bind(endpoint, ec);
  if (!ec) m.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw InputError(fmt::format("--listen {}: cannot listen: {}", where, ec.message()));
  m.port = m.acceptor.local_endpoint().port();
  m.accept();
  const int n = std::max(1, options.io_threads);
  for (int i = 0; i < n; ++i) m.threads.emplace_back([&m] { m.ioc.run(); });
}

HttpServer::~HttpServer() { stop(); }

uint16_t HttpServer::port() const { return impl_->port; }
bool HttpServer::tls() const { return impl_->tls.has_value(); }

std::size_t HttpServer::in_flight() const {
  std::lock_guard lock(impl_->shared->m);
  return impl_->shared->in_flight;
}

void HttpServer::stop() {
  Impl& m = *impl_;
  if (m.stopped) return;
  m.stopped = true;
  m.shared->stopping = true;
  net::post(m.acceptor.get_executor(), [&m] {
    beast::error_code ec;
    m.acceptor.close(ec);
  });
  {
    std::unique_lock lock(m.shared->m);
    m.shared->cv.wait_for(lock, m.shared->options.drain_timeout, [&] { return m.shared->in_flight == 0; });
  }
  m.work.reset();
  m.ioc.stop();
  for (auto& t : m.threads) t.join();
  m.threads.clear();
}

}  // namespace truceline::server
