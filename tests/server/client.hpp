// A minimal synchronous HTTP/1.1 client for the server tests and the bench (Boost.Beast):
// one keep-alive connection, plain or TLS (certificate not verified: the tests' self-signed
// one). Test-only: the real client commands are helper C's (src/truceline/net/).
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>
#include <string>

namespace truceline::test {

struct HttpResult {
  unsigned status = 0;  // 0: the connection failed (see error)
  std::string body, content_type, error;
  bool keep_alive = false;
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port, bool tls = false) : port_(port), tls_(tls) {}

  // One request on the kept-alive connection (reconnects when the server closed it).
  HttpResult request(const std::string& method, const std::string& target, const std::string& body = "",
                     const std::string& content_type = "application/json") {
    namespace http = boost::beast::http;
    HttpResult r;
    try {
      connect();
      http::request<http::string_body> req{http::string_to_verb(method), target, 11};
      req.set(http::field::host, "127.0.0.1");
      req.keep_alive(true);
      if (!body.empty() || method == "POST") {
        req.set(http::field::content_type, content_type);
        req.body() = body;
        req.prepare_payload();
      }
      http::response_parser<http::string_body> parser;
      parser.body_limit(std::size_t{256} << 20);
      if (tls_) {
        http::write(*tls_stream_, req);
        http::read(*tls_stream_, buffer_, parser);
      } else {
        http::write(*stream_, req);
        http::read(*stream_, buffer_, parser);
      }
      auto res = parser.release();
      r.status = res.result_int();
      r.body = std::move(res.body());
      r.content_type = std::string(res[http::field::content_type]);
      r.keep_alive = res.keep_alive();
      if (!r.keep_alive) close();
    } catch (const std::exception& e) {
      r.status = 0;
      r.error = e.what();
      close();
    }
    return r;
  }

  // Raw bytes, then the response (for malformed requests).
  HttpResult raw(const std::string& bytes) {
    namespace http = boost::beast::http;
    HttpResult r;
    try {
      connect();
      boost::asio::write(stream_->socket(), boost::asio::buffer(bytes));
      http::response<http::string_body> res;
      http::read(*stream_, buffer_, res);
      r.status = res.result_int();
      r.body = res.body();
    } catch (const std::exception& e) {
      r.error = e.what();
    }
    close();
    return r;
  }

  void close() {
    stream_.reset();
    tls_stream_.reset();
    buffer_.clear();
  }

 private:
  void connect() {
    using tcp = boost::asio::ip::tcp;
    if (stream_ || tls_stream_) return;
    const tcp::endpoint ep(boost::asio::ip::make_address("127.0.0.1"), port_);
    if (tls_) {
      ctx_.set_verify_mode(boost::asio::ssl::verify_none);
      tls_stream_.emplace(ioc_, ctx_);
      boost::beast::get_lowest_layer(*tls_stream_).connect(ep);
      tls_stream_->handshake(boost::asio::ssl::stream_base::client);
    } else {
      stream_.emplace(ioc_);
      stream_->connect(ep);
      stream_->socket().set_option(tcp::no_delay(true));
    }
  }

  uint16_t port_;
  bool tls_;
  boost::asio::io_context ioc_;
  boost::asio::ssl::context ctx_{boost::asio::ssl::context::tls_client};
  std::optional<boost::beast::tcp_stream> stream_;
  std::optional<boost::beast::ssl_stream<boost::beast::tcp_stream>> tls_stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace truceline::test
