// The /v1/ routes: see api.hpp.
#include "truceline/server/api.hpp"

#include <fmt/format.h>

#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/url/parse.hpp>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "truceline/assess/assess.hpp"
#include "truceline/error.hpp"
#include "truceline/report/report.hpp"
#include "truceline/server/app_api.hpp"
#include "truceline/server/export_api.hpp"
#include "truceline/server/ledger_service.hpp"
#include "truceline/server/review_api.hpp"
#include "truceline/server/static_assets.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/listing.hpp"
#include "truceline/store/store.hpp"

namespace truceline::server {

namespace ag = agreement;

namespace {

// A request the client got wrong (a bad parameter): 400 with the reason.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Target {
  std::string path;
  Params params;
};

// Path and query of a request target, percent-decoded (Boost.URL: no hand-written parsing).
// A parameter given twice is refused (which one would count is a guess).
Target parse_target(const std::string& target) {
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) throw BadRequest(fmt::format("request target '{}': {}", target, parsed.error().message()));
  Target t;
  t.path = std::string(parsed->path());
  for (const auto& p : parsed->params()) {
    if (!t.params.emplace(std::string(p.key), std::string(p.value)).second)
      throw BadRequest(fmt::format("parameter '{}' given twice", std::string(p.key)));
  }
  return t;
}

const std::string* param(const Params& p, const std::string& key) {
  const auto it = p.find(key);
  return it == p.end() ? nullptr : &it->second;
}

// Refuses parameters the endpoint does not know (a misspelt filter would silently select more).
void only(const Params& p, std::initializer_list<const char*> known) {
  for (const auto& [k, v] : p) {
    bool ok = false;
    for (const char* n : known) ok = ok || k == n;
    if (!ok) {
      std::string list;
      for (const char* n : known) list += (list.empty() ? "" : ", ") + std::string(n);
      throw BadRequest(fmt::format("unknown parameter '{}' (this endpoint takes: {})", k,
                                   list.empty() ? std::string("none") : list));
    }
  }
}

// An instant as the CLI's --since/--until/--at take it (cli/options.hpp, parse_instant_option).
ag::Instant instant(const std::string& name, const std::string& text, int utc_offset_minutes) {
  if (const auto t = ag::parse_instant(text, utc_offset_minutes)) return *t;
  throw BadRequest(fmt::format(
      "{} '{}': expected a date (2018-10-12) or a date-time (2018-10-12T08:00, 2018-10-12T08:00:00+03:00, "
      "2018-10-12T05:00:00Z)",
      name, text));
}

bool flag(const Params& p, const std::string& key) {
  const std::string* v = param(p, key);
  if (!v) return false;
  if (v->empty() || *v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  throw BadRequest(fmt::format("{} '{}': expected true or false", key, *v));
}

// GET /v1/reports: the same selection and bytes as `truceline reports` (store/listing.hpp).
Response reports(const std::string& db, const Params& p) {
  only(p, {"since", "until", "bbox", "kind", "source", "history", "format"});
  store::Query q;
  if (const auto* v = param(p, "since")) q.since = ag::unix_seconds(instant("since", *v, 0));
  if (const auto* v = param(p, "until")) q.until = ag::unix_seconds(instant("until", *v, 0));
  if (const auto* v = param(p, "bbox")) {
    std::array<double, 4> b{};
    char tail = 0;
    if (std::sscanf(v->c_str(), "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 || b[0] > b[2] ||
        b[1] > b[3])
      throw BadRequest(fmt::format("bbox '{}': expected WEST,SOUTH,EAST,NORTH in degrees", *v));
    q.bbox = b;
  }
  if (const auto* v = param(p, "kind")) q.kind = *v;
  if (const auto* v = param(p, "source")) q.source = *v;
  q.history = flag(p, "history");
  const std::string format = param(p, "format") ? *param(p, "format") : "jsonl";
  const char* type = format == "jsonl" ? "application/x-ndjson"
                     : format == "csv" ? "text/csv; charset=utf-8"
                     : format == "geojson" ? "application/geo+json"
                                           : nullptr;
  if (!type) throw BadRequest(fmt::format("format '{}': expected jsonl, csv or geojson", format));
  const store::Store s = store::Store::open_existing(db);
  store::check_counts(s);
  std::ostringstream out;
  store::write_listing(s, q, format, out);
  return {200, type, std::move(out).str()};
}

// GET /v1/assessment: as `truceline assess --format json --at AT [--since SINCE]`.
Response assessment(const ag::Agreement& a, const std::string& db, const Params& p) {
  only(p, {"at", "since"});
  const std::string* at = param(p, "at");
  if (!at) throw BadRequest("missing parameter 'at' (the instant of the assessment, e.g. at=2018-10-15T12:00:00Z)");
  assess::Options o;
  o.at = instant("at", *at, a.utc_offset_minutes);
  if (const auto* v = param(p, "since")) {
    o.since = instant("since", *v, a.utc_offset_minutes);
    if (*o.since > o.at) throw BadRequest(fmt::format("since {} is after at {}", *v, *at));
  }
  const assess::Assessment s = assess::assess_store(a, db, o);
  return {200, "application/json", assess::to_json(a, s).dump(2) + "\n"};
}

// GET /v1/report/DATE: one file of `truceline report --date DATE`.
Response daily(const ag::Agreement& a, const std::string& db, const std::string& date, const Params& p) {
  only(p, {"format"});
  const std::string format = param(p, "format") ? *param(p, "format") : "html";
  static const std::map<std::string, std::pair<const char*, const char*>> kFiles{
      {"html", {"report.html", "text/html; charset=utf-8"}},
      {"markdown", {"report.md", "text/markdown; charset=utf-8"}},
      {"json", {"summary.json", "application/json"}}};
  const auto f = kFiles.find(format);
  if (f == kFiles.end()) throw BadRequest(fmt::format("format '{}': expected html, markdown or json", format));
  // A day is named by its local date, strictly YYYY-MM-DD here (a path segment).
  const auto start = date.size() == 10 ? ag::parse_instant(date, a.utc_offset_minutes) : std::nullopt;
  if (!start) throw BadRequest(fmt::format("date '{}': expected YYYY-MM-DD (the agreement's local date)", date));
  const report::DailyInput in = report::assess_day(a, db, date, ag::unix_seconds(*start), "");
  auto files = report::daily_report_files(a, in.assessment, in.options);
  return {200, f->second.second, std::move(files.at(f->second.first))};
}

}  // namespace

struct Api::Impl {
  const ag::Agreement& agreement;
  ApiOptions options;
  Ledger* ledger;
  boost::asio::thread_pool pool;
  AppApi app{agreement, options.db, options.gazetteer};  // /v1/app/... (app_api.hpp)
  StaticAssets assets{options.web_root};  // the web app (static_assets.hpp)

  Impl(const ag::Agreement& a, ApiOptions o, Ledger* l)
      : agreement(a), options(std::move(o)), ledger(l), pool(static_cast<std::size_t>(std::max(1, options.workers))) {}

  Response read(const Target& t) {
    if (t.path == "/v1/reports") return reports(options.db, t.params);
    if (t.path == "/v1/assessment") return assessment(agreement, options.db, t.params);
    if (t.path.starts_with("/v1/report/")) return daily(agreement, options.db, t.path.substr(11), t.params);
    if (AppApi::handles(t.path)) return app.get(t.path, t.params);
    if (t.path == kExportPath) return export_download(app, options.db, t.params);  // export_api.hpp
    if (is_review_path(t.path)) return review_get(options.db, t.path, t.params);
    if (t.path.starts_with("/report/")) {  // the web app's daily report page (static_assets.hpp)
      Response r = daily(agreement, options.db, t.path.substr(8), t.params);
      r.headers = app_headers();
      return r;
    }
    return error_response(404, fmt::format("no such endpoint: GET {}", t.path));
  }
};

Api::Api(const ag::Agreement& agreement, ApiOptions options, Ledger* ledger)
    : impl_(std::make_unique<Impl>(agreement, std::move(options), ledger)) {
  if (impl_->options.warm_app) boost::asio::post(impl_->pool, [this] { impl_->app.warm(); });
}

Api::~Api() { impl_->pool.join(); }

namespace {

// Runs `f`, mapping its failures onto statuses.
template <class F>
Response guarded(F&& f) {
  try {
    return f();
  } catch (const BadRequest& e) {
    return error_response(400, e.what());
  } catch (const InputError& e) {
    // The store cannot be read as it should (missing, damaged, busy): the server's problem.
    return error_response(500, fmt::format("store: {}", e.what()));
  } catch (const std::exception& e) {
    return error_response(500, fmt::format("internal error: {}", e.what()));
  }
}

bool is_ledger_path(const std::string& path) {
  return path == "/v1/entries" || path == "/v1/checkpoint" || path == "/v1/log-key" ||
         path == "/v1/proof/inclusion" || path == "/v1/proof/consistency" || path == "/v1/health";
}

bool is_store_path(const std::string& path) {
  return path == "/v1/reports" || path == "/v1/assessment" || path.starts_with("/v1/report/") ||
         AppApi::handles(path) || path.starts_with("/report/") || path == kExportPath || is_review_path(path);
}

}  // namespace

Response Api::get(const std::string& target) {
  return guarded([&] { return impl_->read(parse_target(target)); });
}

void Api::handle(Request request, Reply reply) {
  Target t;
  try {
    t = parse_target(request.target);
  } catch (const BadRequest& e) {
    return reply(error_response(400, e.what()));
  }
  const bool post = request.method == "POST", get = request.method == "GET";
  if (t.path == "/v1/entries" && post) {
    if (!t.params.empty()) return reply(error_response(400, "POST /v1/entries takes no parameters"));
    if (!impl_->ledger) return reply(error_response(503, "the ledger is not available on this server"));
    return impl_->ledger->submit(std::move(request.body), std::move(reply));
  }
  if (is_ledger_path(t.path) && get) {
    if (t.path == "/v1/health" && !impl_->ledger) {
      if (!t.params.empty()) return reply(error_response(400, "GET /v1/health takes no parameters"));
      return reply({200, "application/json", nlohmann::json{{"ok", true}, {"size", nullptr}}.dump() + "\n"});
    }
    if (!impl_->ledger) return reply(error_response(503, "the ledger is not available on this server"));
    return impl_->ledger->get(t.path, std::move(t.params), std::move(reply));
  }
  if (is_store_path(t.path) && get) {
    boost::asio::post(impl_->pool, [this, t = std::move(t), reply = std::move(reply)] {
      reply(guarded([&] { return impl_->read(t); }));
    });
    return;
  }
  if (StaticAssets::is_app_path(t.path) && get) return reply(*impl_->assets.get(t.path, request));
  if (is_ledger_path(t.path) || is_store_path(t.path) || StaticAssets::is_app_path(t.path))
    return reply(error_response(405, fmt::format("{} {}: method not allowed (use {})", request.method, t.path,
                                                 t.path == "/v1/entries" ? "GET or POST" : "GET")));
  reply(error_response(404, fmt::format("no such endpoint: {} {}", request.method, t.path)));
}

}  // namespace truceline::server
