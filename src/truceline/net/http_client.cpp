// The synchronous HTTP/1.1 client (http_client.hpp). Beast's synchronous calls have no
// timeouts, so every step is Beast's asynchronous operation run to completion on the client's
// own io_context, with the tcp_stream's expiry as the step's deadline.
#include "truceline/net/http_client.hpp"

#include <fmt/format.h>
#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>

namespace truceline::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

std::string Url::origin() const {
  const bool v6 = host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}", tls ? "https" : "http", v6 ? "[" : "", host, v6 ? "]" : "", port);
}

Url parse_url(std::string_view text) {
  auto bad = [&](std::string_view why) { return InputError(fmt::format("URL '{}': {}", text, why)); };
  Url u;
  std::string_view rest;
  if (text.starts_with("http://")) {
    rest = text.substr(7);
  } else if (text.starts_with("https://")) {
    u.tls = true;
    rest = text.substr(8);
  } else {
    throw bad("expected http://HOST[:PORT] or https://HOST[:PORT]");
  }
  if (rest.find_first_of("?#") != std::string_view::npos) throw bad("a query or fragment is not allowed");
  const std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) throw bad("user information is not allowed");
  std::string_view port_text;
  if (authority.starts_with("[")) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) throw bad("unclosed '[' in the host");
    u.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') throw bad("expected ':PORT' after ']'");
      port_text = after.substr(1);
      if (port_text.empty()) throw bad("empty port");
    }
  } else {
    const std::size_t colon = authority.find(':');
    u.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) throw bad("empty port");
    }
  }
  if (u.host.empty()) throw bad("no host");
  if (port_text.empty()) {
    u.port = u.tls ? 443 : 80;
  } else {
    unsigned v = 0;
    const auto [p, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), v);
    if (ec != std::errc() || p != port_text.data() + port_text.size() || v < 1 || v > 65535)
      throw bad(fmt::format("port '{}' is not a number from 1 to 65535", port_text));
    u.port = static_cast<uint16_t>(v);
  }
  while (path.ends_with("/")) path.remove_suffix(1);
  u.prefix = std::string(path);
  return u;
}

std::string Response::error_message() const {
  try {
    const auto j = nlohmann::json::parse(body);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) return j["error"].get<std::string>();
  } catch (const std::exception&) {
  }
  std::string line = body.substr(0, body.find('\n'));
  if (line.size() > 200) line = line.substr(0, 200) + "…";
  return line;
}

std::string Response::status_text() const {
  std::string t = std::to_string(status);
  if (!reason.empty()) t += " " + reason;
  const std::string m = error_message();
  if (!m.empty()) t += ": " + m;
  return t;
}

struct HttpClient::Impl {
  Url url;
  Options o;
  asio::io_context ioc;
  ssl::context tls_ctx{ssl::context::tls_client};
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;
  int opened = 0;

  Impl(Url u, Options opt) : url(std::move(u)), o(opt) {
    if (url.tls) {
      tls_ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                          ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
      if (o.insecure) {
        tls_ctx.set_verify_mode(ssl::verify_none);
      } else {
        tls_ctx.set_default_verify_paths();
        tls_ctx.set_verify_mode(ssl::verify_peer);
      }
    }
  }

  [[noreturn]] void fail(const std::string& why) {
    close();
    throw NetError(fmt::format("cannot reach {}: {}", url.origin(), why));
  }

  std::string reason_of(const beast::error_code& ec) {
    if (ec == beast::error::timeout) return fmt::format("timed out after {} ms", o.timeout.count());
    if (ec.category() == asio::error::get_ssl_category() || ec.category() == asio::ssl::error::get_stream_category()) {
      const long v = secure ? SSL_get_verify_result(secure->native_handle()) : X509_V_OK;
      if (v != X509_V_OK)
        return fmt::format("TLS certificate verification failed: {} (--insecure skips the check)",
                           X509_verify_cert_error_string(v));
      return "TLS: " + ec.message();
    }
    return ec.message();
  }

  beast::tcp_stream& tcp() { return url.tls ? beast::get_lowest_layer(*secure) : *plain; }

  // Runs the queued asynchronous operation to completion.
  void run() {
    ioc.restart();
    ioc.run();
  }

  void close() {
    beast::error_code ignored;
    if (secure) beast::get_lowest_layer(*secure).socket().close(ignored);
    if (plain) plain->socket().close(ignored);
    secure.reset();
    plain.reset();
    buffer.clear();
  }

  bool connected() const { return plain.has_value() || secure.has_value(); }

  void connect() {
    close();
    tcp::resolver resolver(ioc);
    beast::error_code ec;
    tcp::resolver::results_type endpoints;
    resolver.async_resolve(url.host, std::to_string(url.port),
                           [&](beast::error_code e, tcp::resolver::results_type r) {
                             ec = e;
                             endpoints = std::move(r);
                           });
    run();
    if (ec) fail(fmt::format("cannot resolve host '{}': {}", url.host, ec.message()));
    if (url.tls) {
      secure.emplace(ioc, tls_ctx);
      if (!o.insecure) {
        secure->set_verify_callback(ssl::host_name_verification(url.host));
      }
      // SNI for names, not for address literals (RFC 6066 §3).
      beast::error_code aec;
      asio::ip::make_address(url.host, aec);
      if (aec && !SSL_set_tlsext_host_name(secure->native_handle(), url.host.c_str()))
        fail("TLS: cannot set the server name");
    } else {
      plain.emplace(ioc);
    }
    tcp().expires_after(o.timeout);
    tcp().async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) { ec = e; });
    run();
    if (ec) fail(reason_of(ec));
    ++opened;
    if (url.tls) {
      tcp().expires_after(o.timeout);
      secure->async_handshake(ssl::stream_base::client, [&](beast::error_code e) { ec = e; });
      run();
      if (ec) fail(reason_of(ec));
    }
  }

  template <class Stream>
  beast::error_code exchange(Stream& s, http::request<http::string_body>& req, Response& out, bool& got_bytes) {
    beast::error_code ec;
    tcp().expires_after(o.timeout);
    http::async_write(s, req, [&](beast::error_code e, std::size_t) { ec = e; });
    run();
    if (ec) return ec;
    http::response_parser<http::string_body> parser;
    parser.body_limit(o.max_body_bytes);
    tcp().expires_after(o.timeout);
    std::size_t read = 0;
    http::async_read(s, buffer, parser, [&](beast::error_code e, std::size_t n) {
      ec = e;
      read = n;
    });
    run();
    got_bytes = read > 0 || parser.got_some();
    if (ec) return ec;
    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    out.reason = std::string(res.reason());
    if (auto it = res.find(http::field::content_type); it != res.end()) out.content_type = std::string(it->value());
    out.body = std::move(res.body());
    if (!res.keep_alive()) close();
    return {};
  }

  Response request(http::verb verb, std::string_view target, std::string body, std::string_view content_type) {
    http::request<http::string_body> req{verb, url.prefix + std::string(target), 11};
    req.set(http::field::host, url.host.find(':') != std::string::npos
                                   ? fmt::format("[{}]:{}", url.host, url.port)
                                   : fmt::format("{}:{}", url.host, url.port));
    req.set(http::field::user_agent, "truceline");
    req.keep_alive(true);
    if (verb == http::verb::post) {
      req.set(http::field::content_type, content_type);
      req.body() = std::move(body);
      req.prepare_payload();
    }
    for (int attempt = 0;; ++attempt) {
      const bool reused = connected();
      if (!reused) connect();
      Response out;
      bool got_bytes = false;
      const beast::error_code ec =
          url.tls ? exchange(*secure, req, out, got_bytes) : exchange(*plain, req, out, got_bytes);
      if (!ec) return out;
      if (reused && !got_bytes && attempt == 0 && ec != beast::error::timeout) {
        close();  // the server closed the idle connection: once more on a fresh one
        continue;
      }
      if (ec == http::error::body_limit)
        fail(fmt::format("the response is larger than {} bytes", o.max_body_bytes));
      if (ec == http::error::end_of_stream || ec == asio::error::eof)
        fail("the server closed the connection before answering");
      fail(reason_of(ec));
    }
  }
};

HttpClient::HttpClient(Url url, Options o) : impl_(std::make_unique<Impl>(std::move(url), o)) {}
HttpClient::~HttpClient() = default;

Response HttpClient::get(std::string_view target) { return impl_->request(http::verb::get, target, {}, {}); }
Response HttpClient::post(std::string_view target, std::string body, std::string_view content_type) {
  return impl_->request(http::verb::post, target, std::move(body), content_type);
}
const Url& HttpClient::url() const { return impl_->url; }
int HttpClient::connections_opened() const { return impl_->opened; }

}  // namespace truceline::net
