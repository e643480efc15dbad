// net::HttpClient over TLS: a loopback Beast server with a self-signed certificate made here
// (OpenSSL): refused by default (not in the system's trust store), accepted with `insecure`.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <thread>

#include "truceline/net/http_client.hpp"

namespace truceline {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

// A self-signed P-256 certificate for CN=localhost, IP 127.0.0.1, valid for an hour.
struct SelfSigned {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  X509* cert = X509_new();
  SelfSigned() {
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
                               0);
    X509_set_issuer_name(cert, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
    X509_add_ext(cert, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(cert, key, EVP_sha256());
  }
  ~SelfSigned() {
    X509_free(cert);
    EVP_PKEY_free(key);
  }
};

class TlsServer {
 public:
  TlsServer() : acceptor_(ioc_, {asio::ip::make_address("127.0.0.1"), 0}) {
    SSL_CTX_use_certificate(ctx_.native_handle(), cert_.cert);
    SSL_CTX_use_PrivateKey(ctx_.native_handle(), cert_.key);
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { serve(); });
  }
  ~TlsServer() {
    stopping_ = true;
    boost::system::error_code ec;
    asio::io_context ioc;
    tcp::socket wake(ioc);
    wake.connect({asio::ip::make_address("127.0.0.1"), port_}, ec);  // wakes accept(2)
    wake.close(ec);
    thread_.join();
  }
  unsigned short port() const { return port_; }

 private:
  void serve() {
    while (!stopping_) {
      tcp::socket sock(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(sock, ec);
      if (ec || stopping_) return;
      beast::ssl_stream<tcp::socket> s(std::move(sock), ctx_);
      s.handshake(ssl::stream_base::server, ec);
      if (ec) continue;  // the client refused the certificate
      beast::flat_buffer buf;
      http::request<http::string_body> req;
      http::read(s, buf, req, ec);
      if (ec) continue;
      http::response<http::string_body> res{http::status::ok, 11};
      res.set(http::field::content_type, "application/json");
      res.keep_alive(false);
      res.body() = R"({"ok":true,"size":0})";
      res.prepare_payload();
      http::write(s, res, ec);
      s.shutdown(ec);
    }
  }
  SelfSigned cert_;
  asio::io_context ioc_;
  ssl::context ctx_{ssl::context::tls_server};
  tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

TEST(HttpClientTls, ASelfSignedCertificateIsRefusedUnlessInsecure) {
  TlsServer srv;
  const std::string url = "https://127.0.0.1:" + std::to_string(srv.port());
  net::Options o;
  o.timeout = std::chrono::milliseconds(5000);
  {
    net::HttpClient c(net::parse_url(url), o);
    try {
      c.get("/v1/health");
      FAIL() << "a self-signed certificate was accepted";
    } catch (const net::NetError& e) {
      const std::string w = e.what();
      EXPECT_EQ(w.rfind("cannot reach " + url + ": TLS certificate verification failed: ", 0), 0u) << w;
      EXPECT_NE(w.find("(--insecure skips the check)"), std::string::npos) << w;
    }
  }
  o.insecure = true;
  net::HttpClient c(net::parse_url(url), o);
  const auto r = c.get("/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"ok":true,"size":0})");
}

}  // namespace
}  // namespace truceline
