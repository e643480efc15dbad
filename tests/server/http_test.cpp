// The transport (server/http.hpp) in-process, with a test handler: body limit, malformed
// requests, idle timeout, draining on stop(), concurrency without a thread per connection.
#include "truceline/server/http.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "server/client.hpp"

namespace truceline::server {
namespace {

using test::HttpClient;
using namespace std::chrono_literals;

HttpOptions loopback() {
  HttpOptions o;
  o.address = "127.0.0.1";
  o.port = 0;
  return o;
}

Handler echo() {
  return [](Request r, Reply reply) { reply({200, "text/plain", r.method + " " + r.target + " " + r.body}); };
}

TEST(Http, PortZeroPicksAFreePortAndServes) {
  HttpServer s(loopback(), echo());
  ASSERT_NE(s.port(), 0);
  HttpClient c(s.port());
  const auto r = c.request("POST", "/x?a=1", "hello");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "POST /x?a=1 hello");
  EXPECT_TRUE(r.keep_alive);
  EXPECT_EQ(c.request("GET", "/y").body, "GET /y ");  // same connection, kept alive
}

TEST(Http, BodyOverOneMebibyteIs400WithReasonAndNeverReachesTheHandler) {
  std::atomic<int> called{0};
  HttpServer s(loopback(), [&](Request, Reply reply) {
    ++called;
    reply({200, "text/plain", "ok"});
  });
  HttpClient c(s.port());
  const auto over = c.request("POST", "/v1/entries", std::string((1u << 20) + 1, 'x'));
  EXPECT_EQ(over.status, 400u) << over.error;
  EXPECT_NE(over.body.find("larger than 1048576 bytes (1 MiB)"), std::string::npos) << over.body;
  EXPECT_EQ(over.content_type, "application/json");
  EXPECT_FALSE(over.keep_alive);
  EXPECT_EQ(called.load(), 0);
  // Exactly 1 MiB is allowed.
  HttpClient c2(s.port());
  EXPECT_EQ(c2.request("POST", "/v1/entries", std::string(1u << 20, 'x')).status, 200u);
  EXPECT_EQ(called.load(), 1);
}

TEST(Http, MalformedRequestIs400) {
  HttpServer s(loopback(), echo());
  HttpClient c(s.port());
  const auto r = c.raw("GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: banana\r\n\r\n");
  EXPECT_EQ(r.status, 400u) << r.error;
  EXPECT_NE(r.body.find("malformed HTTP request"), std::string::npos) << r.body;
}

TEST(Http, SilentConnectionIsClosedAfterTheIdleTimeout) {
  HttpOptions o = loopback();
  o.idle_timeout = 1s;
  HttpServer s(o, echo());
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket sock(ioc);
  sock.connect({boost::asio::ip::make_address("127.0.0.1"), s.port()});
  char byte = 0;
  boost::system::error_code ec;
  const auto t0 = std::chrono::steady_clock::now();
  sock.read_some(boost::asio::buffer(&byte, 1), ec);  // blocks until the server closes
  EXPECT_TRUE(ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset) << ec.message();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 30s);  // bounded, not a timing claim
}

TEST(Http, StopLetsTheRequestInFlightFinishAndRefusesNewOnes) {
  std::promise<void> entered;
  std::atomic<bool> release{false};
  auto s = std::make_unique<HttpServer>(loopback(), [&](Request, Reply reply) {
    // The reply comes from another thread, later (as the ledger's writer answers).
    std::thread([&, reply] {
      entered.set_value();
      while (!release) std::this_thread::sleep_for(5ms);
      reply({200, "text/plain", "done"});
    }).detach();
  });
  const uint16_t port = s->port();
  auto result = std::async(std::launch::async, [port] { return HttpClient(port).request("POST", "/slow", "x"); });
  entered.get_future().wait();
  auto stopping = std::async(std::launch::async, [&] { s->stop(); });
  EXPECT_EQ(stopping.wait_for(200ms), std::future_status::timeout);  // stop() waits for the request
  release = true;
  stopping.wait();
  const auto r = result.get();
  EXPECT_EQ(r.status, 200u) << r.error;
  EXPECT_EQ(r.body, "done");
  EXPECT_EQ(HttpClient(port).request("GET", "/after").status, 0u);  // no longer listening
}

TEST(Http, ManyConnectionsOnTwoIoThreads) {
  HttpOptions o = loopback();
  o.io_threads = 2;
  HttpServer s(o, echo());
  // 64 connections open at once, each kept alive over several requests: with a thread per
  // connection this would need 64 threads; here two serve them all.
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < 64; ++i) clients.push_back(std::make_unique<HttpClient>(s.port()));
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 64; ++i) ASSERT_EQ(clients[i]->request("GET", "/" + std::to_string(i)).status, 200u);
}

}  // namespace
}  // namespace truceline::server
