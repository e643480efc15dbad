// A minimal HTTP/1.1 server for the client tests: Boost.Beast, synchronous, one thread, one
// connection at a time, on 127.0.0.1 with a port chosen by the system (port 0). It plays
// whatever the test's handler answers (the contract's API for a few cases: docs/api.md); it is
// not the real `truceline serve` (tests/client/serve_e2e_test.cpp runs that one).
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace truceline::test {

struct FakeRequest {
  std::string method, target, body;
};
struct FakeResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  bool close = false;     // answer with "Connection: close" and close the connection
  bool silent = false;    // read the request, never answer (a hung server); closes at stop()
  bool drop = false;      // answer keep-alive, then close the connection anyway (an idle timeout)
};

class FakeServer {
 public:
  using Handler = std::function<FakeResponse(const FakeRequest&)>;
  explicit FakeServer(Handler h) : handler_(std::move(h)), acceptor_(ioc_) {
    namespace asio = boost::asio;
    const asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
    acceptor_.open(ep.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeServer() { stop(); }
  void stop() {
    if (stopping_.exchange(true)) return;
    boost::system::error_code ec;
    {
      std::lock_guard<std::mutex> l(m_);
      if (current_) current_->shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    }
    // Closing the acceptor does not wake a blocked accept(2) on Linux: a connection does.
    {
      boost::asio::io_context ioc;
      boost::asio::ip::tcp::socket wake(ioc);
      wake.connect({boost::asio::ip::make_address("127.0.0.1"), port_}, ec);
      if (thread_.joinable()) thread_.join();
    }
    acceptor_.close(ec);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  unsigned short port() const { return port_; }
  int connections() const { return connections_; }
  std::vector<FakeRequest> requests() {
    std::lock_guard<std::mutex> l(m_);
    return requests_;
  }

 private:
  void serve() {
    namespace beast = boost::beast;
    namespace http = beast::http;
    while (!stopping_) {
      boost::asio::ip::tcp::socket sock(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(sock, ec);
      if (ec || stopping_) return;
      ++connections_;
      {
        std::lock_guard<std::mutex> l(m_);
        current_ = &sock;
      }
      beast::flat_buffer buf;
      for (;;) {
        http::request<http::string_body> req;
        http::read(sock, buf, req, ec);
        if (ec) break;
        FakeRequest fr{std::string(req.method_string()), std::string(req.target()), req.body()};
        {
          std::lock_guard<std::mutex> l(m_);
          requests_.push_back(fr);
        }
        FakeResponse r = handler_(fr);
        if (r.silent) {
          // Wait for the client to give up (it closes) or the test to stop.
          char c;
          sock.read_some(boost::asio::buffer(&c, 1), ec);
          break;
        }
        http::response<http::string_body> res{static_cast<http::status>(r.status), 11};
        res.set(http::field::content_type, r.content_type);
        res.keep_alive(!r.close && req.keep_alive());
        res.body() = r.body;
        res.prepare_payload();
        http::write(sock, res, ec);
        if (ec || r.close || r.drop || !req.keep_alive()) break;
      }
      {
        std::lock_guard<std::mutex> l(m_);
        current_ = nullptr;
      }
      sock.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
      sock.close(ec);
    }
  }

  Handler handler_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::mutex m_;
  boost::asio::ip::tcp::socket* current_ = nullptr;
  std::vector<FakeRequest> requests_;
};

// A loopback port nobody listens on (bound, then released): connecting is refused.
inline unsigned short refused_port() {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const unsigned short p = a.local_endpoint().port();
  a.close();
  return p;
}

}  // namespace truceline::test
