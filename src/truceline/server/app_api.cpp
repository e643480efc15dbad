// The web app's endpoints: see app_api.hpp.
#include "truceline/server/app_api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "truceline/agreement/query.hpp"
#include "truceline/app/view.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/report/report.hpp"
#include "truceline/store/candidates.hpp"
#include "truceline/store/listing.hpp"
#include "truceline/store/store.hpp"
#include "truceline/time.hpp"

namespace truceline::server {

namespace ag = agreement;
using nlohmann::json;
using Params = std::map<std::string, std::string>;

namespace {

constexpr int64_t kDay = 86400;
// Days of layers kept (a slider played over a year asks for each day once).
constexpr std::size_t kLayerDaysKept = 400;

Response json_response(const json& j) { return {200, "application/json", j.dump() + "\n"}; }

// Refuses parameters the endpoint does not take (as api.cpp's only(): a misspelt filter must
// not silently select more).
void only(const Params& p, const std::vector<std::string>& known) {
  for (const auto& [k, v] : p)
    if (std::find(known.begin(), known.end(), k) == known.end()) {
      std::string list;
      for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
      throw app::BadParameter(k, fmt::format("unknown parameter '{}' (this endpoint takes: {})", k,
                                             list.empty() ? std::string("none") : list));
    }
}

json optional_iso(const std::optional<ag::Instant>& t) { return t ? json(format_iso8601_utc(ag::unix_seconds(*t))) : json(); }

int verdict_rank(assess::Verdict v) {  // as the incident's verdict is chosen (assess/incidents.cpp)
  switch (v) {
    case assess::Verdict::violation: return 3;
    case assess::Verdict::indeterminate: return 2;
    case assess::Verdict::compliant: return 1;
    case assess::Verdict::not_applicable: return 0;
  }
  return 0;
}

// A notified patrol's route: a GeoJSON LineString or MultiLineString with [lon, lat] positions
// (validated by the geometry reader); nullopt with the reason otherwise.
std::optional<json> route_geometry(const json& route, std::string& why) {
  if (!route.is_object()) {
    why = "the notification has no 'route'";
    return std::nullopt;
  }
  try {
    return geo::line_geometry(geo::parse_line(route.dump(), "route"));
  } catch (const std::exception& e) {
    why = e.what();
    return std::nullopt;
  }
}

std::optional<int64_t> iso_unix(const json& v) {
  if (!v.is_string()) return std::nullopt;
  const auto t = parse_iso8601(v.get<std::string>());
  return t ? std::optional<int64_t>(t->unix_seconds) : std::nullopt;
}

}  // namespace

struct AppApi::Impl {
  const ag::Agreement& a;
  std::string db, gazetteer_path;

  std::mutex m;  // guards everything below
  std::string fingerprint;
  std::shared_ptr<const app::View> view;
  int builds = 0;
  std::map<std::string, std::shared_ptr<const std::string>> layers;  // date -> body
  std::shared_ptr<const std::string> towns;
  // The unfiltered GET /v1/app/incidents of the current view (what the map loads: 9 MB and
  // 0.3 s of CPU to write for 100 k reports, so written once per view).
  std::shared_ptr<const std::string> all_incidents;

  Impl(const ag::Agreement& a_, std::string db_, std::string g) : a(a_), db(std::move(db_)), gazetteer_path(std::move(g)) {}

  // The view, rebuilt when the store changed since it was built. Built under the lock: a
  // second request waits for the first build instead of starting its own.
  std::shared_ptr<const app::View> current() {
    std::lock_guard lock(m);
    const std::string now = app::store_fingerprint(db);
    if (!view || now != fingerprint) {
      view = app::build_view(a, db);
      fingerprint = now;
      ++builds;
      layers.clear();  // ledger notifications may have come
      all_incidents.reset();
    }
    return view;
  }

  // 00:00 local of a "YYYY-MM-DD" parameter, unix seconds.
  int64_t day_param(const std::string& name, const std::string& text) const {
    const auto t = text.size() == 10 ? ag::parse_instant(text, a.utc_offset_minutes) : std::nullopt;
    const auto iso = parse_iso8601(text);
    if (!t || !iso || !iso->date_only)
      throw app::BadParameter(name, fmt::format("{} '{}': expected YYYY-MM-DD (the agreement's local date)", name, text));
    return ag::unix_seconds(*t);
  }

  Response meta(const Params& p) {
    only(p, {});
    const auto v = current();
    return json_response(app::meta_json(a, *v));
  }

  Response incidents(const Params& p) {
    only(p, app::filter_parameters());
    const app::Filter f = app::parse_filter(p);
    const auto v = current();
    app::check_filter_names(f, a, *v);
    if (!p.empty()) return json_response(app::incidents_json(a, *v, app::select(*v, f)));
    {
      std::lock_guard lock(m);
      if (all_incidents && view == v) return {200, "application/json", *all_incidents};
    }
    auto body = std::make_shared<const std::string>(app::incidents_json(a, *v, app::select(*v, f)).dump() + "\n");
    std::lock_guard lock(m);
    if (view == v) all_incidents = body;
    return {200, "application/json", *body};
  }

  Response layers_of(const Params& p) {
    only(p, {"date"});
    const auto it = p.find("date");
    if (it == p.end()) throw app::BadParameter("date", "missing parameter 'date' (the local day, e.g. date=2018-10-12)");
    const int64_t start = day_param("date", it->second);
    current();  // refreshes the cache of layers when the store (its ledger) changed
    {
      std::lock_guard lock(m);
      if (const auto c = layers.find(it->second); c != layers.end()) return {200, "application/geo+json", *c->second};
    }
    auto body = std::make_shared<const std::string>(build_layers(it->second, start).dump() + "\n");
    std::lock_guard lock(m);
    if (layers.size() >= kLayerDaysKept) layers.clear();
    layers[it->second] = body;
    return {200, "application/geo+json", *body};
  }

  // The agreement's objects in force at the day's last second (as the daily report's map draws
  // them), and the patrols notified in the ledger whose window meets the day.
  json build_layers(const std::string& date, int64_t start) {
    const int64_t end = start + kDay;
    const ag::Instant t{std::chrono::seconds(end - 1)};
    json features = json::array();
    json not_drawn = json::array();
    std::vector<const ag::Zone*> zones = ag::zones_in_force(a, t);
    std::stable_sort(zones.begin(), zones.end(), [](const ag::Zone* x, const ag::Zone* y) {
      if (x->is_area != y->is_area) return x->is_area;
      return x->id < y->id;
    });
    for (const ag::Zone* z : zones) {
      // The agreed zone, then one feature per reading of its depth by another source.
      std::vector<std::string> readings{""};
      for (const auto& r : z->readings) readings.push_back(r.source);
      for (const auto& reading : readings) {
        try {
          const ag::ZoneInstance zi(a, *z, reading);
          const geo::Zone g = zi.render();
          if (g.polygons.empty()) continue;
          json props{{"layer", "zone"},
                     {"id", z->id},
                     {"name", z->title.empty() ? z->id : z->title},
                     {"kind", z->kind},
                     {"reading", reading.empty() ? json(nullptr) : json(reading)},
                     {"disputed", !reading.empty()},
                     {"area", z->is_area}};
          if (!z->is_area) {
            props["depth_m"] = zi.depth_m();
            props["side"] = geo::to_string(z->side);
          }
          features.push_back({{"type", "Feature"}, {"properties", props}, {"geometry", geo::polygon_geometry(g)}});
        } catch (const std::exception& e) {
          not_drawn.push_back({{"id", z->id}, {"reading", reading.empty() ? json(nullptr) : json(reading)}, {"reason", e.what()}});
        }
      }
    }
    for (const auto& l : a.lines) {
      if (!ag::line_in_force(l, t)) continue;
      features.push_back({{"type", "Feature"},
                          {"properties",
                           {{"layer", "line"},
                            {"id", l.id},
                            {"name", l.id},
                            {"approximate", l.approximate},
                            {"uncertainty_m", l.uncertainty_m}}},
                          {"geometry", geo::line_geometry(l.geometry)}});
    }
    for (const auto& p : a.posts) {
      if (!ag::post_active(p, t)) continue;
      const ag::Actor* op = a.actor(p.operator_id);
      features.push_back({{"type", "Feature"},
                          {"properties",
                           {{"layer", "post"},
                            {"id", p.id},
                            {"name", p.name.empty() ? p.id : p.name},
                            {"operator", p.operator_id},
                            {"operator_name", op && !op->name.empty() ? op->name : p.operator_id},
                            {"precision_m", p.precision_m},
                            {"approximate", p.approximate}}},
                          {"geometry", {{"type", "Point"}, {"coordinates", {p.position.lon_deg, p.position.lat_deg}}}}});
    }
    for (const auto& r : a.patrol_routes) {
      if (!r.valid.contains(t)) continue;
      features.push_back({{"type", "Feature"},
                          {"properties",
                           {{"layer", "patrol"},
                            {"id", r.id},
                            {"name", r.name.empty() ? r.id : r.name},
                            {"origin", "agreement"},
                            {"party", r.operators.size() == 1 ? json(r.operators[0]) : json(nullptr)},
                            {"operators", r.operators},
                            {"from", optional_iso(r.valid.from)},
                            {"until", optional_iso(r.valid.until)},
                            {"ledger_index", nullptr}}},
                          {"geometry", geo::line_geometry(r.route)}});
    }
    if (const auto comm = report::load_communication(db)) {
      for (const auto& e : comm->entries) {
        if (e.type != "notification" || !e.body.is_object()) continue;
        const auto kind = e.body.find("kind");
        if (kind != e.body.end() && kind->is_string() && *kind != "patrol") continue;
        if (!e.body.contains("route")) continue;
        const auto from = iso_unix(e.body.value("from", json())), until = iso_unix(e.body.value("until", json()));
        const std::string id = fmt::format("ledger-{}", e.index);
        if (!from || !until || *until <= *from) {
          not_drawn.push_back({{"id", id}, {"reading", nullptr}, {"reason", "the notification has no valid 'from' and 'until'"}});
          continue;
        }
        if (!(*from < end && *until > start)) continue;  // [from, until) meets the day
        std::string why;
        const auto g = route_geometry(e.body["route"], why);
        if (!g) {
          not_drawn.push_back({{"id", id}, {"reading", nullptr}, {"reason", why}});
          continue;
        }
        features.push_back({{"type", "Feature"},
                            {"properties",
                             {{"layer", "patrol"},
                              {"id", id},
                              {"name", fmt::format("patrol notified by {} (entry {})", e.party, e.index)},
                              {"origin", "ledger"},
                              {"party", e.party},
                              {"operators", {e.party}},
                              {"from", format_iso8601_utc(*from)},
                              {"until", format_iso8601_utc(*until)},
                              {"ledger_index", e.index}}},
                            {"geometry", *g}});
      }
    }
    return {{"type", "FeatureCollection"},
            {"properties",
             {{"agreement", a.id}, {"date", date}, {"at", format_iso8601_utc(end - 1)}, {"not_drawn", not_drawn}}},
            {"features", features}};
  }

  Response incident(const std::string& id, const Params& p) {
    only(p, {});
    const auto v = current();
    const auto it = v->by_id.find(id);
    if (it == v->by_id.end()) return error_response(404, fmt::format("no incident {}", id));
    const app::IncidentRow& row = v->incidents[it->second];
    const assess::Assessment& s = v->assessment;
    const assess::Incident& inc = s.incidents[row.index];

    json out;
    json i = app::incident_row_json(row);
    const json full = assess::incident_json(inc, s.reports);
    for (const auto& [k, val] : full.items())
      if (!i.contains(k)) i[k] = val;
    i["assessment"] = full;  // the assessment's incident object whole (its "reports" are labels)
    out["incident"] = std::move(i);

    // The stored reports, as GET /v1/reports prints them (store/listing.hpp), read over the
    // incident's time span (widened by the offset a bare date moves by, and a day).
    std::set<std::string> ids(row.report_ids.begin(), row.report_ids.end());
    std::map<std::string, json> stored;
    // Reports that joined through the review queue: the review entry that admitted each (and
    // the candidate's own report entry when it came through the log) are entries about it.
    std::map<std::string, json> reviewed;  // report id -> {"index","party","decision","candidate"}
    std::set<uint64_t> review_indexes;
    {
      const store::Store st = store::Store::open_existing(db);
      for (const store::Candidate& c : store::list_candidates(st, "decided"))
        for (const store::CandidateDecision& d : c.decisions)
          if (!d.report_id.empty() && ids.count(d.report_id)) {
            reviewed[d.report_id] = {{"index", d.index}, {"party", d.party}, {"decision", d.decision}, {"candidate", c.id}};
            review_indexes.insert(d.index);
            if (c.ledger_index) review_indexes.insert(*c.ledger_index);
          }
      store::Query q;
      const int64_t slack = std::abs(a.utc_offset_minutes) * 60LL + kDay;
      q.since = inc.first_unix - slack;
      q.until = inc.last_unix + slack;
      std::ostringstream lines;
      store::write_listing(st, q, "jsonl", lines);
      std::istringstream in(lines.str());
      for (std::string line; std::getline(in, line);) {
        json r = json::parse(line);
        const std::string rid = r.value("id", "");
        if (ids.count(rid)) stored[rid] = std::move(r);
      }
    }
    std::set<uint64_t> ledger_indexes;
    json reports = json::array();
    std::map<std::string, std::pair<assess::Verdict, json>> by_obligation;  // strongest verdict, its reasons
    std::map<std::string, std::string> titles;
    json injured = json::array();
    std::map<std::string, std::pair<std::set<std::string>, std::vector<std::string>>> injured_claims;
    for (std::size_t m : inc.reports) {
      const assess::ReportView& r = s.reports[m];
      json e;
      const auto st = stored.find(r.id);
      e["report"] = st == stored.end() ? json(nullptr) : st->second;
      json ledger_index = nullptr;
      if (st != stored.end() && st->second.contains("ledger_index")) {
        ledger_index = st->second["ledger_index"];
        ledger_indexes.insert(ledger_index.get<uint64_t>());
      }
      e["ledger_index"] = ledger_index;
      const auto rv = reviewed.find(r.id);
      e["review"] = rv == reviewed.end() ? json(nullptr) : rv->second;
      json verdicts = json::array();
      // The verdicts are in report order: the range of report m.
      auto lo = std::lower_bound(s.verdicts.begin(), s.verdicts.end(), m,
                                 [](const assess::VerdictRecord& x, std::size_t k) { return x.report < k; });
      for (; lo != s.verdicts.end() && lo->report == m; ++lo) {
        const assess::VerdictRecord& vr = *lo;
        json reasons = json::array();
        for (const auto& x : vr.reasons) reasons.push_back({{"code", x.code}, {"message", assess::reason_message(x, r, vr)}});
        const std::string title = vr.ob ? vr.ob->text : vr.obligation;
        titles[vr.obligation] = title;
        verdicts.push_back({{"obligation", vr.obligation},
                            {"title", title},
                            {"verdict", assess::to_string(vr.verdict)},
                            {"reasons", reasons}});
        auto& best = by_obligation[vr.obligation];
        if (best.second.is_null() || verdict_rank(vr.verdict) > verdict_rank(best.first)) {
          best.first = vr.verdict;
          best.second = json::array();
        }
        if (vr.verdict == best.first)
          for (const auto& x : reasons)
            if (std::find(best.second.begin(), best.second.end(), x) == best.second.end()) best.second.push_back(x);
      }
      e["verdicts"] = std::move(verdicts);
      reports.push_back(std::move(e));
      if (r.injured) {
        auto& c = injured_claims[std::to_string(*r.injured)];
        c.first.insert(r.source_name);
        c.second.push_back(r.label);
      }
    }
    out["reports"] = std::move(reports);
    json obligations = json::array();
    for (const auto& [ob, best] : by_obligation)
      obligations.push_back(
          {{"id", ob}, {"title", titles[ob]}, {"verdict", assess::to_string(best.first)}, {"reasons", best.second}});
    out["obligations"] = std::move(obligations);
    auto claims = [](const std::vector<assess::Claim>& cs) {
      json arr = json::array();
      for (const auto& c : cs) arr.push_back({{"value", c.value}, {"reports", c.reports}, {"sources", c.sources}});
      return arr;
    };
    for (const auto& [value, c] : injured_claims) injured.push_back({{"value", value}, {"reports", c.second}, {"sources", c.first}});
    out["claims"] = {{"fatalities", claims(inc.fatalities)}, {"injured", injured}, {"actor", claims(inc.attribution)}};

    // The ledger entries about it: its reports' entries and every entry answering one of them.
    json ledger = json::array();
    ledger_indexes.insert(review_indexes.begin(), review_indexes.end());
    if (!ledger_indexes.empty())
      if (const auto comm = report::load_communication(db))
        for (const auto& le : comm->entries) {
          const bool about = ledger_indexes.count(le.index) || (le.ref && ledger_indexes.count(*le.ref));
          if (!about) continue;
          ledger.push_back({{"index", le.index},
                            {"party", le.party},
                            {"type", le.type},
                            {"ref", le.ref ? json(*le.ref) : json(nullptr)},
                            {"timestamp", format_iso8601_utc(le.time_unix)},
                            {"body", le.body}});
        }
    out["ledger"] = std::move(ledger);
    return json_response(out);
  }

  // Towns of the gazetteer within the agreement's bbox widened by 0.5°, largest first.
  Response towns_of(const Params& p) {
    only(p, {});
    {
      std::lock_guard lock(m);
      if (towns) return {200, "application/json", *towns};
    }
    const auto v = current();
    const json meta = app::meta_json(a, *v);
    json list = json::array();
    if (meta["bbox"].is_array()) {
      const double w = meta["bbox"][0].get<double>() - 0.5, s = meta["bbox"][1].get<double>() - 0.5,
                   e = meta["bbox"][2].get<double>() + 0.5, n = meta["bbox"][3].get<double>() + 0.5;
      const gazetteer::Gazetteer g =
          gazetteer::Gazetteer::load(gazetteer_path.empty() ? gazetteer::default_data_file() : gazetteer_path);
      std::vector<const gazetteer::Place*> in;
      for (const auto& pl : g.places())
        if (pl.lon >= w && pl.lon <= e && pl.lat >= s && pl.lat <= n) in.push_back(&pl);
      std::stable_sort(in.begin(), in.end(), [](auto* x, auto* y) {
        return x->population != y->population ? x->population > y->population : x->name < y->name;
      });
      for (const auto* pl : in)
        list.push_back({{"name", pl->name},
                        {"lon", pl->lon},
                        {"lat", pl->lat},
                        {"population", pl->population > 0 ? json(pl->population) : json(nullptr)},
                        {"admin1", pl->admin1()},
                        {"country", pl->country},
                        {"feature_code", pl->feature_code}});
    }
    auto body = std::make_shared<const std::string>(json{{"towns", list}}.dump() + "\n");
    std::lock_guard lock(m);
    towns = body;
    return {200, "application/json", *body};
  }
};

AppApi::AppApi(const ag::Agreement& agreement, std::string db, std::string gazetteer)
    : impl_(std::make_unique<Impl>(agreement, std::move(db), std::move(gazetteer))) {}

AppApi::~AppApi() = default;

bool AppApi::handles(const std::string& path) {
  return path == "/v1/app/meta" || path == "/v1/app/layers" || path == "/v1/app/incidents" ||
         path == "/v1/app/towns" || path.starts_with("/v1/app/incident/");
}

Response AppApi::get(const std::string& path, const Params& params) {
  try {
    if (path == "/v1/app/meta") return impl_->meta(params);
    if (path == "/v1/app/layers") return impl_->layers_of(params);
    if (path == "/v1/app/incidents") return impl_->incidents(params);
    if (path == "/v1/app/towns") return impl_->towns_of(params);
    if (path.starts_with("/v1/app/incident/")) {
      const std::string id = path.substr(std::string("/v1/app/incident/").size());
      if (id.empty()) return error_response(404, "no incident given: GET /v1/app/incident/ID");
      return impl_->incident(id, params);
    }
  } catch (const app::BadParameter& e) {
    return error_response(400, e.what());
  }
  return error_response(404, fmt::format("no such endpoint: GET {}", path));
}

std::shared_ptr<const app::View> AppApi::view() { return impl_->current(); }
const agreement::Agreement& AppApi::agreement() const { return impl_->a; }

void AppApi::warm() noexcept {
  try {
    impl_->current();
  } catch (const std::exception&) {
    // The first request builds it again and answers the failure.
  }
}

int AppApi::builds() const {
  std::lock_guard lock(impl_->m);
  return impl_->builds;
}

}  // namespace truceline::server
