// GET /v1/app/export: see export_api.hpp.
#include "truceline/server/export_api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "truceline/app/view.hpp"
#include "truceline/io/geopackage.hpp"
#include "truceline/server/app_api.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/listing.hpp"
#include "truceline/store/store.hpp"
#include "truceline/text.hpp"
#include "truceline/time.hpp"

namespace truceline::server {

namespace {

using nlohmann::json;
using Params = std::map<std::string, std::string>;
using Rows = std::vector<const app::IncidentRow*>;

// The reports of the selected incidents, in their order (incident by incident, each by time),
// read from the store by id. A report's id never changes and the store is append-only, so
// superseded ones are looked for too (the view may predate the correction); one that is not
// found is an error, never a silent gap.
std::vector<store::StoredReport> reports_of(const std::string& db, const Rows& rows) {
  std::vector<std::string> ids;
  int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
  for (const auto* r : rows) {
    ids.insert(ids.end(), r->report_ids.begin(), r->report_ids.end());
    lo = std::min(lo, r->first_unix);
    hi = std::max(hi, r->last_unix);
  }
  std::vector<store::StoredReport> out;
  if (ids.empty()) return out;
  std::unordered_map<std::string, store::StoredReport> found;
  const std::set<std::string> wanted(ids.begin(), ids.end());
  const store::Store s = store::Store::open_existing(db);
  store::check_counts(s);
  auto read = [&](const store::Query& q) {
    s.query(q, [&](const store::StoredReport& r) {
      if (wanted.count(r.id)) found.emplace(r.id, r);
    });
  };
  // An incident's first/last are observation instants; a bare date is 00:00 local in the view
  // and 00:00 UTC in the store: two days either side hold every report of the window.
  store::Query q;
  q.history = true;
  q.since = lo - 2 * 86400;
  q.until = hi + 2 * 86400 + 1;
  read(q);
  if (found.size() < wanted.size()) {  // the whole store, to be sure
    store::Query all;
    all.history = true;
    read(all);
  }
  for (const auto& id : ids) {
    const auto it = found.find(id);
    if (it == found.end())
      throw std::runtime_error(fmt::format("export: report {} of the view is not in the store {}", id, db));
    out.push_back(it->second);
  }
  return out;
}

// The incident's fields as the CSV and the GeoPackage give them, in column order.
const std::vector<std::pair<const char*, io::GpkgType>>& incident_columns() {
  using T = io::GpkgType;
  static const std::vector<std::pair<const char*, io::GpkgType>> c{
      {"id", T::text},           {"n", T::integer},          {"day", T::text},
      {"first", T::datetime},    {"last", T::datetime},      {"kind", T::text},
      {"verdict", T::text},      {"corroborated", T::integer}, {"lon", T::real},
      {"lat", T::real},          {"precision_m", T::real},   {"area", T::text},
      {"source_types", T::text}, {"actors", T::text},        {"fatalities_min", T::integer},
      {"fatalities_max", T::integer}, {"explosions_min", T::integer}, {"explosions_max", T::integer}, {"report_count", T::integer},
      {"reports", T::text},      {"report_ids", T::text}};
  return c;
}

std::vector<io::GpkgValue> incident_values(const app::IncidentRow& r) {
  const json j = app::incident_row_json(r);  // the rounding of GET /v1/app/incidents
  auto num = [&](const char* k) -> io::GpkgValue {
    return j[k].is_null() ? io::GpkgValue{} : io::GpkgValue{j[k].get<double>()};
  };
  using Range = std::optional<std::pair<int64_t, int64_t>>;
  auto low = [](const Range& v) { return v ? io::GpkgValue{v->first} : io::GpkgValue{}; };
  auto high = [](const Range& v) { return v ? io::GpkgValue{v->second} : io::GpkgValue{}; };
  auto text = [](const std::string& s) -> io::GpkgValue { return s.empty() ? io::GpkgValue{} : io::GpkgValue{s}; };
  return {r.id,
          int64_t{r.n},
          r.day,
          format_iso8601_utc(r.first_unix),
          format_iso8601_utc(r.last_unix),
          r.kind,
          r.verdict,
          int64_t{r.corroborated ? 1 : 0},
          num("lon"),
          num("lat"),
          num("precision_m"),
          text(r.area),
          text(join(r.source_types, ";")),
          text(join(r.actors, ";")),
          low(r.fatalities),
          high(r.fatalities),
          low(r.explosions),
          high(r.explosions),
          static_cast<int64_t>(r.report_ids.size()),
          text(join(r.source_ids, ";")),
          text(join(r.report_ids, ";"))};
}

std::string csv_of(const Rows& rows) {
  std::string out;
  for (const auto& [name, type] : incident_columns()) out += (out.empty() ? "" : ",") + std::string(name);
  out += "\n";
  for (const auto* r : rows) {
    bool first = true;
    for (const auto& v : incident_values(*r)) {
      if (!first) out += ",";
      first = false;
      if (const auto* s = std::get_if<std::string>(&v)) out += csv_field(*s);
      else if (const auto* n = std::get_if<int64_t>(&v)) out += std::to_string(*n);
      else if (const auto* d = std::get_if<double>(&v)) out += json(*d).dump();  // shortest round-trip form
    }
    out += "\n";
  }
  return out;
}

std::string geojson_of(const Rows& rows, const std::vector<store::StoredReport>& reports,
                       const std::map<std::string, std::string>& incident_of) {
  json features = json::array();
  for (const auto* r : rows) {
    json props = app::incident_row_json(*r);
    props["feature"] = "incident";
    props["report_ids"] = r->report_ids;
    json geometry = nullptr;
    if (r->has_location) geometry = {{"type", "Point"}, {"coordinates", {props["lon"], props["lat"]}}};
    features.push_back({{"type", "Feature"}, {"id", r->id}, {"properties", props}, {"geometry", geometry}});
  }
  for (const auto& rep : reports) {
    json f = store::report_geojson_feature(rep);
    f["properties"]["feature"] = "report";
    f["properties"]["incident"] = incident_of.at(rep.id);
    features.push_back(std::move(f));
  }
  return json{{"type", "FeatureCollection"}, {"features", std::move(features)}}.dump() + "\n";
}

std::string gpkg_of(const app::View& view, const Rows& rows, const std::vector<store::StoredReport>& reports,
                    const std::map<std::string, std::string>& incident_of) {
  std::string last_change = format_iso8601_utc(view.at_unix);  // the data's time: same store, same bytes
  return io::geopackage_bytes("export", {last_change}, [&](io::GeoPackage& g) {
    io::GpkgLayer il;
    il.name = "incidents";
    il.description = "truceline incidents: reports fused into events, with the assessment's verdict";
    for (const auto& [name, type] : incident_columns()) il.columns.push_back({name, type});
    const int incidents = g.add_layer(il);
    for (const auto* r : rows) {
      // The point GET /v1/app/incidents and the GeoJSON give (rounded to 1e-6 degrees, 0.1 m).
      const json j = app::incident_row_json(*r);
      std::optional<io::GpkgPoint> p;
      if (r->has_location) p = io::GpkgPoint{j["lon"].get<double>(), j["lat"].get<double>()};
      g.add(incidents, p, incident_values(*r));
    }
    io::GpkgLayer rl = store::reports_gpkg_layer("reports");
    rl.columns.push_back({"incident", io::GpkgType::text});
    const int layer = g.add_layer(rl);
    for (const auto& rep : reports) store::add_report_feature(g, layer, rep, {incident_of.at(rep.id)});
  });
}

}  // namespace

Response export_download(AppApi& app, const std::string& db, const Params& params) {
  try {
    for (const auto& [k, v] : params) {
      const auto& known = app::filter_parameters();
      if (k != "format" && std::find(known.begin(), known.end(), k) == known.end())
        return error_response(400, fmt::format("unknown parameter '{}' (this endpoint takes: format, {})", k,
                                               join(known, ", ")));
    }
    const auto f = params.find("format");
    if (f == params.end()) return error_response(400, "missing parameter 'format' (geojson, csv or gpkg)");
    const std::string& format = f->second;
    if (format != "geojson" && format != "csv" && format != "gpkg")
      return error_response(400, fmt::format("format '{}': expected geojson, csv or gpkg", format));
    const app::Filter filter = app::parse_filter(params);
    const auto view = app.view();
    app::check_filter_names(filter, app.agreement(), *view);
    const Rows rows = app::select(*view, filter);

    const std::string from = filter.from ? *filter.from : view->first_day.value_or("none");
    const std::string to = filter.to ? *filter.to : view->last_day.value_or("none");
    const std::string ext = format == "gpkg" ? "gpkg" : format;
    Headers headers{{"Content-Disposition", fmt::format("attachment; filename=\"truceline-{}-{}.{}\"", from, to, ext)}};
    if (format == "csv") return {200, "text/csv; charset=utf-8", csv_of(rows), std::move(headers)};

    const auto reports = reports_of(db, rows);
    std::map<std::string, std::string> incident_of;
    for (const auto* r : rows)
      for (const auto& id : r->report_ids) incident_of[id] = r->id;
    if (format == "geojson")
      return {200, "application/geo+json", geojson_of(rows, reports, incident_of), std::move(headers)};
    return {200, "application/geopackage+sqlite3", gpkg_of(*view, rows, reports, incident_of), std::move(headers)};
  } catch (const app::BadParameter& e) {
    return error_response(400, e.what());
  }
}

}  // namespace truceline::server
