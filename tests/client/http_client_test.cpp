// net::HttpClient (src/truceline/net/http_client.hpp) against a loopback Beast server.
#include "truceline/net/http_client.hpp"

#include <gtest/gtest.h>

#include "client/fake_server.hpp"

using namespace truceline;
using test::FakeRequest;
using test::FakeResponse;
using test::FakeServer;

TEST(Url, ParsesSchemesHostsPortsAndPrefixes) {
  auto u = net::parse_url("http://127.0.0.1:8787");
  EXPECT_FALSE(u.tls);
  EXPECT_EQ(u.host, "127.0.0.1");
  EXPECT_EQ(u.port, 8787);
  EXPECT_EQ(u.prefix, "");
  EXPECT_EQ(u.origin(), "http://127.0.0.1:8787");
  u = net::parse_url("https://ledger.example.org/truceline/");
  EXPECT_TRUE(u.tls);
  EXPECT_EQ(u.port, 443);
  EXPECT_EQ(u.prefix, "/truceline");
  EXPECT_EQ(net::parse_url("http://example.org").port, 80);
  u = net::parse_url("http://[::1]:9000");
  EXPECT_EQ(u.host, "::1");
  EXPECT_EQ(u.origin(), "http://[::1]:9000");
}

TEST(Url, RefusesWhatItCannotUse) {
  auto msg = [](const char* t) {
    try {
      net::parse_url(t);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(msg("ftp://x"), "URL 'ftp://x': expected http://HOST[:PORT] or https://HOST[:PORT]");
  EXPECT_EQ(msg("127.0.0.1:8787"), "URL '127.0.0.1:8787': expected http://HOST[:PORT] or https://HOST[:PORT]");
  EXPECT_EQ(msg("http://:80"), "URL 'http://:80': no host");
  EXPECT_EQ(msg("http://h:0"), "URL 'http://h:0': port '0' is not a number from 1 to 65535");
  EXPECT_EQ(msg("http://h:65536"), "URL 'http://h:65536': port '65536' is not a number from 1 to 65535");
  EXPECT_EQ(msg("http://h:"), "URL 'http://h:': empty port");
  EXPECT_EQ(msg("http://u@h"), "URL 'http://u@h': user information is not allowed");
  EXPECT_EQ(msg("http://h/?a=1"), "URL 'http://h/?a=1': a query or fragment is not allowed");
  EXPECT_EQ(msg("http://[::1"), "URL 'http://[::1': unclosed '[' in the host");
}

TEST(HttpClient, KeepsTheConnectionAcrossRequests) {
  FakeServer srv([](const FakeRequest& r) { return FakeResponse{200, "{\"target\":\"" + r.target + "\"}"}; });
  net::HttpClient c(net::parse_url(srv.url() + "/base"));
  for (int k = 0; k < 3; ++k) {
    const auto res = c.get("/v1/health");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "{\"target\":\"/base/v1/health\"}");
  }
  const auto p = c.post("/v1/entries", "{}");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(c.connections_opened(), 1);
  EXPECT_EQ(srv.connections(), 1);
  ASSERT_EQ(srv.requests().size(), 4u);
  EXPECT_EQ(srv.requests()[3].method, "POST");
  EXPECT_EQ(srv.requests()[3].body, "{}");
}

TEST(HttpClient, ReconnectsWhenTheServerClosedTheConnection) {
  FakeServer srv([](const FakeRequest&) {
    FakeResponse r{200, "ok", "text/plain"};
    r.close = true;
    return r;
  });
  net::HttpClient c(net::parse_url(srv.url()));
  EXPECT_EQ(c.get("/a").body, "ok");
  EXPECT_EQ(c.get("/b").body, "ok");
  EXPECT_EQ(c.connections_opened(), 2);
  EXPECT_EQ(srv.requests().size(), 2u);  // each request sent once
}

TEST(HttpClient, ResendsOnceWhenAnIdleKeptConnectionWasDropped) {
  FakeServer srv([](const FakeRequest&) {
    FakeResponse r{200, "ok", "text/plain"};
    r.drop = true;  // says keep-alive, closes anyway
    return r;
  });
  net::HttpClient c(net::parse_url(srv.url()));
  EXPECT_EQ(c.get("/a").body, "ok");
  EXPECT_EQ(c.post("/b", "x").body, "ok");
  EXPECT_EQ(c.connections_opened(), 2);
  ASSERT_EQ(srv.requests().size(), 2u);  // the dropped connection never got the second request
  EXPECT_EQ(srv.requests()[1].target, "/b");
}

TEST(HttpClient, ReturnsErrorStatusesWithTheServersReason) {
  FakeServer srv([](const FakeRequest&) { return FakeResponse{403, "{\"error\":\"unknown party 'iran'\"}"}; });
  net::HttpClient c(net::parse_url(srv.url()));
  const auto r = c.post("/v1/entries", "{}");
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_message(), "unknown party 'iran'");
  EXPECT_EQ(r.status_text(), "403 Forbidden: unknown party 'iran'");
}

TEST(HttpClient, ConnectionRefusedNamesTheServer) {
  const auto port = test::refused_port();
  net::HttpClient c(net::parse_url("http://127.0.0.1:" + std::to_string(port)));
  try {
    c.get("/v1/health");
    FAIL() << "no error";
  } catch (const net::NetError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot reach http://127.0.0.1:" + std::to_string(port) + ": Connection refused");
  }
}

TEST(HttpClient, TimesOutOnASilentServer) {
  FakeServer srv([](const FakeRequest&) {
    FakeResponse r;
    r.silent = true;
    return r;
  });
  net::Options o;
  o.timeout = std::chrono::milliseconds(300);
  net::HttpClient c(net::parse_url(srv.url()), o);
  try {
    c.get("/v1/health");
    FAIL() << "no error";
  } catch (const net::NetError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot reach " + srv.url() + ": timed out after 300 ms");
  }
}

TEST(HttpClient, TlsToAPlainServerFailsLoudly) {
  FakeServer srv([](const FakeRequest&) { return FakeResponse{200, "{}"}; });
  net::Options o;
  o.timeout = std::chrono::milliseconds(2000);
  net::HttpClient c(net::parse_url("https://127.0.0.1:" + std::to_string(srv.port())), o);
  try {
    c.get("/v1/health");
    FAIL() << "no error";
  } catch (const net::NetError& e) {
    const std::string w = e.what();
    EXPECT_EQ(w.rfind("cannot reach https://127.0.0.1:" + std::to_string(srv.port()) + ": ", 0), 0u) << w;
  }
}

TEST(HttpClient, RefusesAnOversizedBody) {
  FakeServer srv([](const FakeRequest&) { return FakeResponse{200, std::string(5000, 'x'), "text/plain"}; });
  net::Options o;
  o.max_body_bytes = 1000;
  net::HttpClient c(net::parse_url(srv.url()), o);
  try {
    c.get("/big");
    FAIL() << "no error";
  } catch (const net::NetError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot reach " + srv.url() + ": the response is larger than 1000 bytes");
  }
}
