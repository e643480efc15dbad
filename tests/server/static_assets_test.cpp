// The web app's static serving (server/static_assets.hpp) without a browser: the embedded
// table, content types, ETag/304, refused paths, --web-root; and the transport's header lists
// (Request::headers in, Response::headers out).
#include "truceline/server/static_assets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <filesystem>
#include <fstream>

#include "truceline/ledger/crypto.hpp"

namespace truceline::server {
namespace {

const std::string* find_header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return &v;
  return nullptr;
}

TEST(StaticAssets, EmbeddedTableHoldsWebSortedWithTheirHashes) {
  const auto assets = embedded_assets();
  ASSERT_FALSE(assets.empty());
  EXPECT_TRUE(std::is_sorted(assets.begin(), assets.end(),
                             [](const EmbeddedAsset& a, const EmbeddedAsset& b) { return a.path < b.path; }));
  bool index = false, app = false, licence = false;
  for (const auto& a : assets) {
    index = index || a.path == "index.html";
    app = app || a.path == "src/app.js";
    licence = licence || a.path == "vendor/leaflet/LICENSE";
    EXPECT_FALSE(a.path.ends_with(".map")) << a.path;
    EXPECT_EQ(a.path.find("/."), std::string_view::npos) << a.path;
    EXPECT_EQ(a.sha256, ledger::to_hex(ledger::sha256(a.bytes))) << a.path;
  }
  EXPECT_TRUE(index && app && licence);
}

TEST(StaticAssets, ContentTypesByExtension) {
  EXPECT_EQ(content_type_for("src/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("app.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("i18n/en.json"), "application/json");
  EXPECT_EQ(content_type_for("vendor/leaflet/images/layers.png"), "image/png");
  EXPECT_EQ(content_type_for("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("fonts/x.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("vendor/leaflet/LICENSE"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("x.bin"), "application/octet-stream");
}

TEST(StaticAssets, ServesWithEtagAnd304) {
  const StaticAssets s;
  const Request plain("GET", "/assets/src/app.js");
  const auto r = s.get("/assets/src/app.js", plain);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  ASSERT_NE(find_header(*r, "ETag"), nullptr);
  const std::string etag = *find_header(*r, "ETag");
  EXPECT_EQ(etag, "\"" + ledger::to_hex(ledger::sha256(r->body)) + "\"");
  ASSERT_NE(find_header(*r, "Content-Security-Policy"), nullptr);
  EXPECT_EQ(*find_header(*r, "Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(*find_header(*r, "X-Content-Type-Options"), "nosniff");

  const Request cached("GET", "/assets/src/app.js", "", "", {{"if-none-match", "W/" + etag}});
  const auto again = s.get("/assets/src/app.js", cached);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304u);
  EXPECT_TRUE(again->body.empty());
  const Request other("GET", "/assets/src/app.js", "", "", {{"If-None-Match", "\"abc\""}});
  EXPECT_EQ(s.get("/assets/src/app.js", other)->status, 200u);
}

TEST(StaticAssets, PagesServeIndexAndRefusedPathsAre404) {
  const StaticAssets s;
  const Request q("GET", "/");
  for (const std::string p : {"/", "/review", "/incident/17", "/incident/a%20b"}) {
    const auto r = s.get(p, q);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 200u) << p;
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8") << p;
    EXPECT_TRUE(StaticAssets::is_app_path(p)) << p;
  }
  for (const std::string p : {"/assets/../CMakeLists.txt", "/assets/src/../../x", "/assets/", "/assets/.hidden",
                              "/assets/src//app.js", "/assets/./app.css", "/assets/src\\app.js", "/assets/nothing.js"}) {
    const auto r = s.get(p, q);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 404u) << p;
    EXPECT_NE(r->body.find("no such asset"), std::string::npos) << p;
  }
  EXPECT_FALSE(s.get("/v1/reports", q));
  EXPECT_FALSE(s.get("/incident/1/2", q));
  EXPECT_FALSE(StaticAssets::is_app_path("/incident/"));
  EXPECT_FALSE(StaticAssets::is_app_path("/reviews"));
}

// A browser asks every page's origin for /favicon.ico; the daily report (/report/DATE, the bytes
// of `truceline report`, which link no icon) got a 404 and Chromium logged a console error.
TEST(StaticAssets, FaviconIcoIsTheAppsIcon) {
  const StaticAssets s;
  const Request q("GET", "/favicon.ico");
  EXPECT_TRUE(StaticAssets::is_app_path("/favicon.ico"));
  const auto r = s.get("/favicon.ico", q);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->content_type, "image/svg+xml");
  const auto svg = s.get("/assets/favicon.svg", q);
  ASSERT_TRUE(svg);
  EXPECT_EQ(r->body, svg->body);
}

TEST(StaticAssets, WebRootReadsFromDiskOnEveryRequest) {
  const auto dir = std::filesystem::temp_directory_path() / ("truceline-webroot-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "src");
  std::ofstream(dir / "index.html") << "<!doctype html><title>x</title>";
  std::ofstream(dir / "src" / "app.js") << "one";
  const StaticAssets s(dir.string());
  const Request q("GET", "/assets/src/app.js");
  EXPECT_EQ(s.get("/assets/src/app.js", q)->body, "one");
  std::ofstream(dir / "src" / "app.js") << "two";
  const auto r = s.get("/assets/src/app.js", q);
  EXPECT_EQ(r->body, "two");
  EXPECT_EQ(*find_header(*r, "ETag"), "\"" + ledger::to_hex(ledger::sha256("two")) + "\"");
  EXPECT_EQ(s.get("/", q)->body, "<!doctype html><title>x</title>");
  EXPECT_EQ(s.get("/assets/src", q)->status, 404u);  // a directory
  EXPECT_EQ(s.get("/assets/../index.html", q)->status, 404u);
  std::filesystem::remove_all(dir);
}

// The transport: request header fields reach the handler, response header fields are written
// (replacing the transport's Cache-Control).
TEST(StaticAssets, TransportCarriesHeaderLists) {
  HttpOptions o;
  o.address = "127.0.0.1";
  o.port = 0;
  HttpServer srv(o, [](Request r, Reply reply) {
    const std::string* v = r.header("x-probe");
    reply(Response{200, "text/plain", v ? *v : "none", {{"ETag", "\"e\""}, {"Cache-Control", "no-cache"}}});
  });
  namespace net = boost::asio;
  net::io_context ioc;
  net::ip::tcp::socket sock(ioc);
  sock.connect({net::ip::make_address("127.0.0.1"), srv.port()});
  const std::string req = "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Probe: hello\r\nConnection: close\r\n\r\n";
  net::write(sock, net::buffer(req));
  std::string out;
  boost::system::error_code ec;
  char buf[4096];
  for (;;) {
    const std::size_t n = sock.read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
  }
  EXPECT_NE(out.find("ETag: \"e\"\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Cache-Control: no-cache\r\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("no-store"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("\r\n\r\nhello")) << out;
}

}  // namespace
}  // namespace truceline::server
