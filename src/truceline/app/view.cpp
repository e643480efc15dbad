// The web app's view of a store: see view.hpp.
#include "truceline/app/view.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "truceline/report/detail/format.hpp"
#include "truceline/report/detail/summary.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/store.hpp"
#include "truceline/text.hpp"
#include "truceline/time.hpp"

namespace truceline::app {

using nlohmann::json;

namespace {

constexpr int64_t kDay = 86400;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The local day number (days since 1970-01-01 local) of a unix instant.
int64_t local_day(int64_t unix, int utc_offset_minutes) { return floor_div(unix + utc_offset_minutes * 60LL, kDay); }

std::string day_text(int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// 00:00 local of a local day, unix seconds.
int64_t day_start(int64_t day, int utc_offset_minutes) { return day * kDay - utc_offset_minutes * 60LL; }

std::string offset_text(int m) {
  const int a = std::abs(m);
  return fmt::format("{}{:02d}:{:02d}", m < 0 ? '-' : '+', a / 60, a % 60);
}

// To `decimals` places, as the nearest double to the decimal (prints as the short decimal).
double rounded(double v, int decimals) {
  const double k = std::pow(10.0, decimals);
  return std::round(v * k) / k;
}

// A fatality claim's value is the count as text (assess/incidents.cpp: std::to_string).
std::optional<int64_t> count_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::shared_ptr<const View> build_view(const agreement::Agreement& a, const std::string& db) {
  auto v = std::make_shared<View>();
  const int off = a.utc_offset_minutes;
  // The store's current view, every time; read once (the assessment's reports, which carry each
  // report's `explosions`: assess::from_stored counts only a whole number >= 0).
  std::vector<assess::ReportView> reports;
  {
    const store::Store st = store::Store::open_existing(db);
    store::check_counts(st);
    st.query(store::Query{}, [&](const store::StoredReport& r) {
      reports.push_back(assess::from_stored(r));
    });
  }
  v->store_reports = reports.size();
  // The span: local days of the observed reports (a bare date is that local day, as the
  // assessment reads it).
  std::optional<int64_t> first, last;
  for (const auto& r : reports) {
    const int64_t t = r.date_only ? r.observed_unix - off * 60LL : r.observed_unix;
    const int64_t d = local_day(t, off);
    if (!first || d < *first) first = d;
    if (!last || d > *last) last = d;
  }
  assess::Options o;
  o.period_s = kDay;
  // At the last second of the last local day (as the daily report of that day assesses).
  v->at_unix = last ? day_start(*last + 1, off) - 1 : 0;
  o.at = agreement::Instant(std::chrono::seconds(v->at_unix));
  v->assessment = assess::assess(a, std::move(reports), o);
  const assess::Assessment& s = v->assessment;
  if (first) {
    v->first_day = day_text(*first);
    v->last_day = day_text(*last);
    v->histogram.resize(static_cast<std::size_t>(*last - *first + 1));
    for (int64_t d = *first; d <= *last; ++d) v->histogram[static_cast<std::size_t>(d - *first)].date = day_text(d);
    for (const auto& r : s.reports) ++v->histogram[static_cast<std::size_t>(local_day(r.observed_unix, off) - *first)].reports;
  }

  // The area wording is the daily report's (nearest active post on the incident's day): one
  // Digest per day over an empty assessment (it reads only the agreement and the day).
  const assess::Assessment none;
  std::map<int64_t, std::pair<report::DailyOptions, std::unique_ptr<report::detail::Digest>>> digests;
  auto area = [&](const assess::Incident& inc, int64_t day) -> std::string {
    if (!inc.has_location) return report::detail::kLocationUnknown;
    auto& slot = digests[day];
    if (!slot.second) {
      slot.first.date = day_text(day);
      slot.first.day_start = day_start(day, off);
      slot.first.day_end = slot.first.day_start + kDay;
      slot.second = std::make_unique<report::detail::Digest>(a, none, slot.first);
    }
    return slot.second->area_of(inc);
  };

  v->incidents.reserve(s.incidents.size());
  for (std::size_t i = 0; i < s.incidents.size(); ++i) {
    const assess::Incident& inc = s.incidents[i];
    IncidentRow row;
    row.index = i;
    row.id = inc.id;
    row.n = static_cast<int>(i + 1);
    const int64_t d = local_day(inc.first_unix, off);
    row.day = day_text(d);
    row.first_unix = inc.first_unix;
    row.last_unix = inc.last_unix;
    row.kind = inc.kind;
    row.verdict = assess::to_string(inc.verdict);
    row.corroborated = inc.corroborated;
    row.has_location = inc.has_location;
    row.lon = inc.lon_deg;
    row.lat = inc.lat_deg;
    row.precision_m = inc.precision_m;
    std::set<std::string> types;
    // Explosions: the lowest and highest count its reports claim, never added (two reports of one
    // event would count its explosions twice), as the daily report counts them.
    std::optional<std::pair<int64_t, int64_t>> explosions;
    for (std::size_t m : inc.reports) {
      const assess::ReportView& r = s.reports[m];
      if (!r.source_type.empty()) types.insert(r.source_type);
      row.report_ids.push_back(r.id);
      row.source_ids.push_back(r.label);
      v->incident_of_report[m] = i;
      if (const auto e = r.explosions) {
        if (!explosions) explosions = std::pair{*e, *e};
        explosions->first = std::min(explosions->first, *e);
        explosions->second = std::max(explosions->second, *e);
      }
    }
    row.source_types.assign(types.begin(), types.end());
    for (const auto& c : inc.attribution)
      if (a.actor(c.value)) row.actors.push_back(c.value);
    std::sort(row.actors.begin(), row.actors.end());
    for (const auto& c : inc.fatalities)
      if (const auto n = count_of(c.value)) {
        if (!row.fatalities) row.fatalities = std::pair{*n, *n};
        row.fatalities->first = std::min(row.fatalities->first, *n);
        row.fatalities->second = std::max(row.fatalities->second, *n);
      }
    row.explosions = explosions;
    row.area = area(inc, d);
    if (first && d >= *first && d <= *last) ++v->histogram[static_cast<std::size_t>(d - *first)].incidents;
    v->by_id[row.id] = i;
    v->incidents.push_back(std::move(row));
  }
  return v;
}

std::string store_fingerprint(const std::string& db) {
  const store::Store st = store::Store::open_existing(db);
  // Reports and ledger entries are only ever inserted (triggers refuse the rest): the count and
  // the largest rowid of each change with every write that adds something.
  std::string out;
  for (const char* sql : {"SELECT count(*), coalesce(max(rowid), 0) FROM report",
                          "SELECT count(*), coalesce(max(idx), -1) FROM ledger_entry"}) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(st.handle(), sql, -1, &stmt, nullptr) != SQLITE_OK) {
      sqlite3_finalize(stmt);
      out += "-;";  // a store from before the ledger (schema 2): no such table
      continue;
    }
    if (sqlite3_step(stmt) == SQLITE_ROW)
      out += fmt::format("{},{};", sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1));
    sqlite3_finalize(stmt);
  }
  return out;
}

json incident_row_json(const IncidentRow& r) {
  json j = {{"id", r.id},
            {"n", r.n},
            {"day", r.day},
            {"first", format_iso8601_utc(r.first_unix)},
            {"last", format_iso8601_utc(r.last_unix)},
            {"kind", r.kind},
            {"verdict", r.verdict},
            {"corroborated", r.corroborated},
            {"lon", r.has_location ? json(rounded(r.lon, 6)) : json(nullptr)},
            {"lat", r.has_location ? json(rounded(r.lat, 6)) : json(nullptr)},
            {"precision_m", r.has_location ? json(rounded(r.precision_m, 1)) : json(nullptr)},
            {"source_types", r.source_types},
            {"actors", r.actors},
            {"reports", r.report_ids.size()},
            {"source_ids", r.source_ids},
            {"area", r.area},
            {"fatalities", r.fatalities ? json::array({r.fatalities->first, r.fatalities->second}) : json(nullptr)},
            {"explosions", r.explosions ? json::array({r.explosions->first, r.explosions->second}) : json(nullptr)}};
  return j;
}

json incidents_json(const agreement::Agreement& a, const View& v, const std::vector<const IncidentRow*>& rows) {
  json list = json::array();
  for (const IncidentRow* r : rows) list.push_back(incident_row_json(*r));
  return {{"at", v.first_day ? json(format_iso8601_utc(v.at_unix)) : json(nullptr)},
          {"timezone", offset_text(a.utc_offset_minutes)},
          {"incidents", std::move(list)}};
}

namespace {

// [W, S, E, N] of everything the agreement draws: lines (widened by the deepest depth of the
// zones along them, every reading and weapon class counted), area zones, clips, posts, patrol
// routes, the explicit area of interest. Validity ignored (the agreement's whole life).
json bbox_of(const agreement::Agreement& a) {
  double w = 180, s = 90, e = -180, n = -90;
  bool any = false;
  auto add = [&](const geo::LonLat& p, double margin_m) {
    const double dlat = margin_m / 111'320.0;
    const double c = std::max(0.01, std::cos(p.lat_deg * M_PI / 180));
    const double dlon = dlat / c;
    w = std::min(w, p.lon_deg - dlon);
    e = std::max(e, p.lon_deg + dlon);
    s = std::min(s, p.lat_deg - dlat);
    n = std::max(n, p.lat_deg + dlat);
    any = true;
  };
  auto add_polys = [&](const std::vector<geo::Polygon>& ps) {
    for (const auto& poly : ps)
      for (const auto& ring : poly)
        for (const auto& p : ring) add(p, 0);
  };
  for (const auto& l : a.lines) {
    double depth = l.uncertainty_m;
    for (const auto& z : a.zones) {
      if (z.is_area || z.line != l.id) continue;
      depth = std::max(depth, z.depth_m + l.uncertainty_m);
      for (const auto& r : z.readings) depth = std::max(depth, r.depth_m + l.uncertainty_m);
      for (const auto& c : z.depth_by_class) depth = std::max(depth, c.depth_m + l.uncertainty_m);
    }
    for (const auto& part : l.geometry.parts)
      for (const auto& p : part) add(p, depth);
  }
  for (const auto& z : a.zones) {
    add_polys(z.area);
    add_polys(z.clip_area);
  }
  add_polys(a.area_of_interest);
  for (const auto& p : a.posts) add(p.position, p.precision_m);
  for (const auto& r : a.patrol_routes)
    for (const auto& part : r.route.parts)
      for (const auto& p : part) add(p, 0);
  if (!any) return nullptr;
  return json::array({rounded(w, 6), rounded(s, 6), rounded(e, 6), rounded(n, 6)});
}

}  // namespace

json meta_json(const agreement::Agreement& a, const View& v) {
  json histogram = json::array();
  for (const auto& d : v.histogram) histogram.push_back({{"date", d.date}, {"reports", d.reports}, {"incidents", d.incidents}});
  // What the filter acts on: the incidents' kinds and their reports' source types.
  std::set<std::string> kinds, types;
  for (const auto& r : v.incidents) {
    if (!r.kind.empty()) kinds.insert(r.kind);
    types.insert(r.source_types.begin(), r.source_types.end());
  }
  json actors = json::array();
  for (const auto& x : a.actors)
    actors.push_back({{"id", x.id}, {"name", x.name.empty() ? x.id : x.name}, {"role", x.is_group ? "group" : "party"}});
  json readings = json::array();
  for (const auto& z : a.zones)
    for (const auto& r : z.readings) {
      const agreement::Source* src = a.source(r.source);
      std::string label = src && !src->title.empty() ? src->title : r.source;
      readings.push_back({{"zone", z.id},
                          {"id", r.source},
                          {"label", label},
                          {"depth_m", r.depth_m},
                          {"disputed", true}});
    }
  json span = nullptr;
  if (v.first_day) span = {{"first", *v.first_day}, {"last", *v.last_day}};
  return {{"agreement", {{"id", a.id}, {"title", a.title}, {"timezone", offset_text(a.utc_offset_minutes)}}},
          {"bbox", bbox_of(a)},
          {"span", span},
          {"at", v.first_day ? json(format_iso8601_utc(v.at_unix)) : json(nullptr)},
          {"histogram", histogram},
          {"kinds", kinds},
          {"source_types", types},
          {"verdicts", {"violation", "indeterminate", "compliant", "not_applicable"}},
          {"actors", actors},
          {"readings", readings},
          {"store", {{"reports", v.store_reports}, {"incidents", v.incidents.size()}}}};
}

// --- the filter ---

namespace {

bool valid_day(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  const auto t = parse_iso8601(d);
  return t && t->date_only;
}

std::set<std::string> list_of(const std::string& name, const std::string& text) {
  std::set<std::string> out;
  std::size_t at = 0;
  while (true) {
    const std::size_t comma = text.find(',', at);
    const std::string item = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (item.empty())
      throw BadParameter(name, fmt::format("{} '{}': an empty item (expected a comma-separated list, e.g. {}=a,b)", name,
                                           text, name));
    out.insert(item);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& filter_parameters() {
  static const std::vector<std::string> k{"from", "to", "kind", "verdict", "source_type", "actor", "corroborated"};
  return k;
}

void check_filter_names(const Filter& f, const agreement::Agreement& a, const View& v) {
  const auto& kinds = store::report_kinds();
  for (const auto& k : f.kinds)
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end() &&
        std::none_of(v.incidents.begin(), v.incidents.end(), [&](const IncidentRow& r) { return r.kind == k; }))
      throw BadParameter("kind", fmt::format("kind '{}': not a report kind (expected {})", k, join(kinds, ", ")));
  const auto& types = store::source_types();
  for (const auto& t : f.source_types)
    if (std::find(types.begin(), types.end(), t) == types.end())
      throw BadParameter("source_type", fmt::format("source_type '{}': not a source type (expected {})", t, join(types, ", ")));
  for (const auto& x : f.actors)
    if (!a.actor(x)) {
      std::vector<std::string> ids;
      for (const auto& y : a.actors) ids.push_back(y.id);
      throw BadParameter("actor", fmt::format("actor '{}': not a party or group of the agreement (ids: {})", x, join(ids, ", ")));
    }
}

Filter parse_filter(const std::map<std::string, std::string>& params) {
  Filter f;
  auto get = [&](const char* k) -> const std::string* {
    const auto it = params.find(k);
    return it == params.end() ? nullptr : &it->second;
  };
  for (const char* k : {"from", "to"})
    if (const auto* v = get(k)) {
      if (!valid_day(*v))
        throw BadParameter(k, fmt::format("{} '{}': expected a local day YYYY-MM-DD (the agreement's timezone)", k, *v));
      (std::string_view(k) == "from" ? f.from : f.to) = *v;
    }
  if (f.from && f.to && *f.from > *f.to) throw BadParameter("from", fmt::format("from {} is after to {}", *f.from, *f.to));
  if (const auto* v = get("kind")) f.kinds = list_of("kind", *v);
  if (const auto* v = get("source_type")) f.source_types = list_of("source_type", *v);
  if (const auto* v = get("actor")) f.actors = list_of("actor", *v);
  if (const auto* v = get("verdict")) {
    f.verdicts = list_of("verdict", *v);
    for (const auto& x : f.verdicts)
      if (x != "violation" && x != "indeterminate" && x != "compliant" && x != "not_applicable")
        throw BadParameter("verdict", fmt::format("verdict '{}': expected violation, indeterminate, compliant or "
                                                  "not_applicable (comma-separated)",
                                                  x));
  }
  if (const auto* v = get("corroborated")) {
    if (*v == "true" || *v == "1" || v->empty())
      f.corroborated_only = true;
    else if (*v != "false" && *v != "0")
      throw BadParameter("corroborated", fmt::format("corroborated '{}': expected true or false", *v));
  }
  return f;
}

bool matches(const IncidentRow& r, const Filter& f) {
  if (f.from && r.day < *f.from) return false;
  if (f.to && r.day > *f.to) return false;
  if (!f.kinds.empty() && !f.kinds.count(r.kind)) return false;
  if (!f.verdicts.empty() && !f.verdicts.count(r.verdict)) return false;
  if (f.corroborated_only && !r.corroborated) return false;
  auto any_of = [](const std::set<std::string>& want, const std::vector<std::string>& have) {
    return want.empty() || std::any_of(have.begin(), have.end(), [&](const std::string& x) { return want.count(x) > 0; });
  };
  return any_of(f.source_types, r.source_types) && any_of(f.actors, r.actors);
}

std::vector<const IncidentRow*> select(const View& v, const Filter& f) {
  std::vector<const IncidentRow*> out;
  for (const auto& r : v.incidents)
    if (matches(r, f)) out.push_back(&r);
  return out;
}

}  // namespace truceline::app
