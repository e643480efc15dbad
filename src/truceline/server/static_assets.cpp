// The web app's static files and pages: see static_assets.hpp.
#include "truceline/server/static_assets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

#include "truceline/ledger/crypto.hpp"
#include "truceline/text.hpp"

namespace truceline::server {

namespace {

constexpr std::string_view kAssetsPrefix = "/assets/";

// The web path of an /assets/ request, or nullopt when it could step outside web/ or name a
// hidden file: every segment non-empty, not "." or "..", not starting with '.', no
// backslash or NUL (the path is already percent-decoded, so "%2e%2e" arrives as "..").
std::optional<std::string> safe_relative(std::string_view rel) {
  if (rel.empty() || rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos)
    return std::nullopt;
  std::size_t start = 0;
  while (start <= rel.size()) {
    const std::size_t slash = std::min(rel.find('/', start), rel.size());
    const std::string_view seg = rel.substr(start, slash - start);
    if (seg.empty() || seg.front() == '.') return std::nullopt;
    start = slash + 1;
  }
  return std::string(rel);
}

// "If-None-Match: "a", W/"b"" holds `etag` (weak comparison, RFC 9110 13.1.2), or is "*".
bool none_match_hits(const std::string& header, const std::string& etag) {
  std::size_t start = 0;
  while (start <= header.size()) {
    const std::size_t comma = std::min(header.find(',', start), header.size());
    std::string_view item = std::string_view(header).substr(start, comma - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == "*" || item == etag) return true;
    start = comma + 1;
  }
  return false;
}

// The answer for a file's bytes: 200 with them, or 304 when the client holds this version.
Response file_response(const std::string& rel, std::string bytes, const std::string& sha256, const Request& request) {
  const std::string etag = "\"" + sha256 + "\"";
  Headers headers = app_headers();
  headers.emplace_back("ETag", etag);
  headers.emplace_back("Cache-Control", "no-cache");
  if (const std::string* inm = request.header("If-None-Match"); inm && none_match_hits(*inm, etag))
    return Response{304, content_type_for(rel), "", std::move(headers)};
  return Response{200, content_type_for(rel), std::move(bytes), std::move(headers)};
}

bool is_index_path(const std::string& path) {
  if (path == "/" || path == "/review") return true;
  constexpr std::string_view incident = "/incident/";
  return path.starts_with(incident) && path.size() > incident.size() &&
         path.find('/', incident.size()) == std::string::npos;
}

}  // namespace

std::string content_type_for(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  // LICENSE, NOTICE, README ... (the vendored libraries' licence files): plain text.
  if (dot == std::string_view::npos) return "text/plain; charset=utf-8";
  const std::string ext = ascii_lower(name.substr(dot + 1));
  static const std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json"},
      {"geojson", "application/geo+json"},
      {"topojson", "application/json"},
      {"map", "application/json"},
      {"png", "image/png"},
      {"svg", "image/svg+xml"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"wasm", "application/wasm"},
  }};
  for (const auto& [e, type] : kTypes)
    if (e == ext) return std::string(type);
  return "application/octet-stream";
}

Headers app_headers() {
  return {{"Content-Security-Policy", std::string(kContentSecurityPolicy)}, {"X-Content-Type-Options", "nosniff"}};
}

StaticAssets::StaticAssets(std::string web_root) : web_root_(std::move(web_root)), embedded_(embedded_assets()) {}

// Browsers ask every origin for /favicon.ico, also on pages that link no icon (the daily report's
// report.html): the app's icon, not a 404 that Chromium logs as a console error.
constexpr std::string_view kFaviconIco = "/favicon.ico";

bool StaticAssets::is_app_path(const std::string& path) {
  return path.starts_with(kAssetsPrefix) || is_index_path(path) || path == kFaviconIco;
}

std::optional<Response> StaticAssets::file(const std::string& rel, const Request& request) const {
  if (web_root_.empty()) {
    const auto it = std::lower_bound(embedded_.begin(), embedded_.end(), rel,
                                     [](const EmbeddedAsset& a, const std::string& p) { return a.path < p; });
    if (it == embedded_.end() || it->path != rel) return std::nullopt;
    return file_response(rel, std::string(it->bytes), std::string(it->sha256), request);
  }
  const std::filesystem::path p = std::filesystem::path(web_root_) / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return error_response(500, fmt::format("{}: cannot read", p.string()));
  std::string data = std::move(bytes).str();
  const std::string hash = ledger::to_hex(ledger::sha256(data));
  return file_response(rel, std::move(data), hash, request);
}

std::optional<Response> StaticAssets::get(const std::string& path, const Request& request) const {
  if (is_index_path(path)) {
    if (auto r = file("index.html", request)) return r;
    return error_response(500, web_root_.empty() ? "index.html is not embedded in this binary (built without web/)"
                                                 : fmt::format("{}/index.html: no such file (--web-root)", web_root_));
  }
  if (path == kFaviconIco) {
    if (auto r = file("favicon.svg", request)) return r;
    return error_response(404, "no such asset: favicon.svg");
  }
  if (!path.starts_with(kAssetsPrefix)) return std::nullopt;
  const auto rel = safe_relative(std::string_view(path).substr(kAssetsPrefix.size()));
  if (rel) {
    if (auto r = file(*rel, request)) return r;
  }
  return error_response(404, fmt::format("no such asset: {}", path));
}

}  // namespace truceline::server
