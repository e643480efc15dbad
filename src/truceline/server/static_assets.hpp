// The web app's files and pages, served by `truceline serve` next to the /v1/ API
// (docs/api.md "The web app"): everything that is not under /v1/.
//
// - GET /assets/PATH: the file web/PATH. The embedded copy (compiled into the binary by
//   cmake/embed_web.cmake at build time: no file is read at run time), or, with
//   `serve --web-root DIR`, DIR/PATH read from disk on every request (development: edit,
//   reload). Content-Type by extension, ETag = "SHA-256 of the bytes" with 304 on a matching
//   If-None-Match, Cache-Control: no-cache (revalidate every time: a new binary's files are
//   never shadowed by a cached old copy).
// - GET /, /incident/ID, /review: web/index.html (the single-page app; its router picks the
//   page from the path).
// - GET /report/DATE: the daily report's report.html for that local day — served by api.cpp
//   (it needs the store), with app_headers() added here.
// Every response of the app carries the Content-Security-Policy of app_headers() (no request
// can leave the server's origin) and X-Content-Type-Options: nosniff. An unknown path under
// /assets/ is 404 {"error": ...} as everywhere in the API.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/server/http.hpp"

namespace truceline::server {

// One embedded file: path relative to web/ ("src/app.js"), its bytes (static storage) and
// the lowercase hex SHA-256 of the bytes (computed at build time).
struct EmbeddedAsset {
  std::string_view path;
  std::string_view bytes;
  std::string_view sha256;
};

// The files of web/ as compiled in (generated source; sorted by path).
std::vector<EmbeddedAsset> embedded_assets();

// "text/javascript; charset=utf-8" for "src/app.js", ...: by extension, lowercase;
// "application/octet-stream" for an unknown one (and nosniff keeps browsers from guessing).
std::string content_type_for(std::string_view path);

// Content-Security-Policy and X-Content-Type-Options, for every response of the app.
Headers app_headers();

// The content-security policy of the app (docs/api.md).
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'";

class StaticAssets {
 public:
  // `web_root` empty: the embedded copy; else a directory read on every request.
  explicit StaticAssets(std::string web_root = {});

  // The app's answer for a non-/v1/ request (`path` percent-decoded, without the query), or
  // nullopt when the path is not one of the app's (the caller answers 404). /report/DATE is
  // not answered here (see above).
  std::optional<Response> get(const std::string& path, const Request& request) const;

  // True for the paths get() answers (any method): the caller answers 405 for a non-GET.
  static bool is_app_path(const std::string& path);

 private:
  std::optional<Response> file(const std::string& rel, const Request& request) const;
  std::string web_root_;
  std::vector<EmbeddedAsset> embedded_;
};

}  // namespace truceline::server
