// The section "Communication mechanism" of the daily report (docs/daily-report.md): the
// parties' signed log seen from the report day. Data first (communication_summary, the
// "communication" object of summary.json), then its tables (communication_sections) that the
// HTML and Markdown renderers print like every other section.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "truceline/geo/polyline.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/report/detail/format.hpp"
#include "truceline/report/detail/sections.hpp"
#include "truceline/report/report.hpp"
#include "truceline/time.hpp"

namespace truceline::report {

using nlohmann::json;

namespace {

constexpr const char* kTypes[] = {"report", "ack", "dispute", "notification", "review", "correction"};

std::optional<int64_t> unix_of(const json& v) {
  if (!v.is_string()) return std::nullopt;
  const auto t = parse_iso8601(v.get<std::string>());
  if (!t) return std::nullopt;
  return t->unix_seconds;
}

// body[key], or null when the body is not an object or has no such key.
json field(const json& body, const char* key) {
  if (!body.is_object()) return nullptr;
  const auto it = body.find(key);
  return it == body.end() ? json() : *it;
}

std::string text_of(const json& body, const char* key) {
  if (!body.is_object() || !body.contains(key) || !body[key].is_string()) return "";
  return body[key].get<std::string>();
}

// How long a report's stated time lasts: its time_precision, else a day for a date and a
// minute for a date-time (docs/report-format.md).
int64_t precision_s(const json& body, bool date_only) {
  const std::string p = text_of(body, "time_precision");
  if (p == "minute") return 60;
  if (p == "hour") return 3600;
  if (p == "day") return 86400;
  if (p == "week") return 7 * 86400;
  if (p == "month") return 31 * 86400;
  return date_only ? 86400 : 60;
}

// The notified route as a geodesic polyline (GeoJSON LineString or MultiLineString).
geo::GeodesicPolyline route_of(const json& g) {
  if (!g.is_object() || !g.contains("type") || !g.contains("coordinates"))
    throw geo::GeometryError("route: expected a GeoJSON LineString");
  const std::string type = g["type"].is_string() ? g["type"].get<std::string>() : "";
  auto part_of = [](const json& coords) {
    std::vector<LonLat> part;
    if (!coords.is_array()) throw geo::GeometryError("route: coordinates must be an array");
    for (const auto& c : coords) {
      if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number())
        throw geo::GeometryError("route: each position must be [lon, lat]");
      part.push_back({c[0].get<double>(), c[1].get<double>()});
    }
    return part;
  };
  geo::MultiLine line;
  if (type == "LineString") {
    line.parts.push_back(part_of(g["coordinates"]));
  } else if (type == "MultiLineString") {
    if (!g["coordinates"].is_array()) throw geo::GeometryError("route: coordinates must be an array");
    for (const auto& p : g["coordinates"]) line.parts.push_back(part_of(p));
  } else {
    throw geo::GeometryError("route: expected a GeoJSON LineString, got '" + type + "'");
  }
  return geo::GeodesicPolyline(geo::validated(line));
}

json patrol_check(const LedgerEntry& n, const std::vector<const LedgerEntry*>& known, const DailyOptions& o) {
  json out = json::object();
  const json& b = n.body;
  const auto from = unix_of(field(b, "from")), until = unix_of(field(b, "until"));
  out["from"] = from ? json(detail::iso(*from)) : json();
  out["until"] = until ? json(detail::iso(*until)) : json();
  out["route_km"] = nullptr;
  out["candidates"] = json::array();
  out["matches"] = json::array();
  auto uncheckable = [&](const std::string& why) {
    out["outcome"] = "not_checkable";
    out["reason"] = why;
    return out;
  };
  if (!from || !until) return uncheckable("the notification has no valid 'from' and 'until' (ISO 8601)");
  if (*until <= *from) return uncheckable("'until' is not after 'from'");
  std::optional<geo::GeodesicPolyline> route;
  try {
    route.emplace(route_of(field(b, "route")));
  } catch (const geo::GeometryError& e) {
    return uncheckable(e.what());
  }
  double len = 0;
  for (std::size_t p = 0; p < route->line().parts.size(); ++p) len += route->part_length_m(p);
  out["route_km"] = detail::rounded(len / 1000, 1);
  bool unplaced = false;
  for (const LedgerEntry* e : known) {
    if (e->type != "report" || e->party != n.party || text_of(e->body, "kind") != "patrol") continue;
    const auto t = parse_iso8601(text_of(e->body, "observed_at"));
    if (!t) continue;
    const int64_t end = t->unix_seconds + precision_s(e->body, t->date_only);
    if (!(t->unix_seconds < *until && end > *from)) continue;  // [t, end) meets [from, until)
    json c = {{"index", e->index}, {"observed_at", detail::iso(t->unix_seconds)}};
    const auto lon = e->body.find("lon"), lat = e->body.find("lat");
    if (lon == e->body.end() || lat == e->body.end() || !lon->is_number() || !lat->is_number()) {
      c["distance_m"] = nullptr;
      c["matched"] = false;
      c["reason"] = "no coordinates";
      unplaced = true;
    } else {
      const double d = route->nearest({lon->get<double>(), lat->get<double>()}).distance_m;
      const auto pit = e->body.find("location_precision_m");
      const double prec = pit != e->body.end() && pit->is_number() ? pit->get<double>() : 0.0;
      const bool ok = d <= kPatrolMatchDistanceM + prec;
      c["distance_m"] = detail::rounded(d, 0);
      c["precision_m"] = prec;
      c["matched"] = ok;
      if (ok) out["matches"].push_back(e->index);
    }
    out["candidates"].push_back(std::move(c));
  }
  if (!out["matches"].empty())
    out["outcome"] = "followed";
  else if (unplaced)
    out["outcome"] = "unconfirmed";
  else if (*until > o.day_end)
    out["outcome"] = "window_open";
  else
    out["outcome"] = "not_followed";
  return out;
}

}  // namespace

std::optional<Communication> load_communication(const std::string& db_path) {
  // Read-only; the parties file is not needed to read entries (nothing is verified here).
  ledger::Log log = ledger::Log::open_read_only(db_path, ledger::Parties{});
  const uint64_t n = log.size();
  if (n == 0) return std::nullopt;
  Communication c;
  for (auto& e : log.entries(0, n)) {
    const json& en = e.envelope["entry"];
    LedgerEntry x;
    x.index = e.index;
    x.party = text_of(en, "party");
    x.type = text_of(en, "type");
    if (const json ref = field(en, "ref"); ref.is_number_unsigned()) x.ref = ref.get<uint64_t>();
    x.body = field(en, "body");
    const auto t = parse_iso8601(text_of(en, "timestamp"));
    x.time_unix = t ? t->unix_seconds : e.received_unix;  // the log accepted only valid timestamps
    c.entries.push_back(std::move(x));
  }
  return c;
}

json communication_summary(const Communication& c, const DailyOptions& o) {
  std::vector<const LedgerEntry*> known;  // what the log held at the day's end
  std::map<uint64_t, const LedgerEntry*> by_index;
  for (const auto& e : c.entries)
    if (e.time_unix < o.day_end) {
      known.push_back(&e);
      by_index[e.index] = &e;
    }
  std::sort(known.begin(), known.end(), [](auto* a, auto* b) { return a->index < b->index; });
  auto in_day = [&](const LedgerEntry& e) { return e.time_unix >= o.day_start && e.time_unix < o.day_end; };

  json j = json::object();
  std::map<std::string, std::map<std::string, int>> counts;
  int day_total = 0;
  for (const LedgerEntry* e : known)
    if (in_day(*e)) {
      ++counts[e->party][e->type];
      ++day_total;
    }
  j["entries_of_day"] = day_total;
  json by_party = json::array();
  for (const auto& [party, types] : counts) {
    json row = {{"party", party}};
    int total = 0;
    for (const char* t : kTypes) {
      const auto it = types.find(t);
      row[t] = it == types.end() ? 0 : it->second;
      total += it == types.end() ? 0 : it->second;
    }
    row["total"] = total;
    by_party.push_back(std::move(row));
  }
  j["by_party"] = by_party;

  // Reports of the day, and earlier reports answered on the day, with every answer known.
  std::map<uint64_t, std::vector<const LedgerEntry*>> answers;
  std::set<uint64_t> listed;
  for (const LedgerEntry* e : known) {
    if (e->type == "report" && in_day(*e)) listed.insert(e->index);
    if ((e->type == "ack" || e->type == "dispute") && e->ref) {
      const auto it = by_index.find(*e->ref);
      if (it == by_index.end() || it->second->type != "report") continue;
      answers[*e->ref].push_back(e);
      if (in_day(*e)) listed.insert(*e->ref);
    }
  }
  json reports = json::array();
  for (uint64_t idx : listed) {
    const LedgerEntry& r = *by_index.at(idx);
    json acks = json::array(), disputes = json::array();
    for (const LedgerEntry* a : answers[idx]) {
      json x = {{"index", a->index}, {"party", a->party}, {"time", detail::iso(a->time_unix)}};
      if (a->type == "ack") {
        x["note"] = text_of(a->body, "note");
        acks.push_back(std::move(x));
      } else {
        x["reason"] = text_of(a->body, "reason");
        disputes.push_back(std::move(x));
      }
    }
    const json& b = r.body;
    json row = {{"index", r.index},
                {"party", r.party},
                {"time", detail::iso(r.time_unix)},
                {"kind", text_of(b, "kind")},
                {"observed_at", text_of(b, "observed_at")},
                {"summary", text_of(b, "summary")},
                {"place", text_of(b, "place")},
                {"lon", b.is_object() && b.contains("lon") ? b["lon"] : json()},
                {"lat", b.is_object() && b.contains("lat") ? b["lat"] : json()},
                {"status", !disputes.empty() ? "disputed" : !acks.empty() ? "acknowledged" : "unanswered"},
                {"acknowledgements", acks},
                {"disputes", disputes}};
    reports.push_back(std::move(row));
  }
  j["reports"] = reports;

  // Notifications made on the day or whose window meets the day.
  json notes = json::array();
  for (const LedgerEntry* e : known) {
    if (e->type != "notification") continue;
    const json& b = e->body;
    const auto from = unix_of(field(b, "from")), until = unix_of(field(b, "until"));
    const bool meets = from && until && *from < o.day_end && *until > o.day_start;
    if (!in_day(*e) && !meets) continue;
    json row = {{"index", e->index}, {"party", e->party}, {"time", detail::iso(e->time_unix)},
                {"kind", text_of(b, "kind")}};
    // Announced in advance, or only once the window had opened (or closed): by the notice's
    // signed timestamp. Null without a valid window.
    row["notified"] = !(from && until && *until > *from) ? json()
                      : e->time_unix < *from             ? json("in_advance")
                      : e->time_unix < *until            ? json("after_start")
                                                         : json("after_end");
    if (text_of(b, "kind") == "patrol") {
      row.update(patrol_check(*e, known, o));
    } else {
      row["from"] = from ? json(detail::iso(*from)) : json();
      row["until"] = until ? json(detail::iso(*until)) : json();
      row["outcome"] = nullptr;
    }
    notes.push_back(std::move(row));
  }
  j["notifications"] = notes;
  j["patrol_match_distance_m"] = kPatrolMatchDistanceM;
  return j;
}

}  // namespace truceline::report

namespace truceline::report::detail {

namespace {

std::string local_or_empty(const json& iso_text, int off) {
  const auto t = unix_of(iso_text);
  return t ? local_time(*t, off) : "";
}

std::string report_text(const json& r, int off) {
  std::vector<std::string> parts;
  if (!str(r["kind"]).empty()) parts.push_back(str(r["kind"]));
  const auto obs = parse_iso8601(str(r["observed_at"]));
  if (obs) parts.push_back(obs->date_only ? local_date(obs->unix_seconds, off) : local_time(obs->unix_seconds, off));
  if (r["lon"].is_number() && r["lat"].is_number())
    parts.push_back(fixed(r["lat"].get<double>(), 4) + "°N " + fixed(r["lon"].get<double>(), 4) + "°E");
  else if (!str(r["place"]).empty())
    parts.push_back(str(r["place"]));
  if (!str(r["summary"]).empty()) parts.push_back(str(r["summary"]));
  return truceline::join(parts, " · ");
}

std::string outcome_text(const json& n) {
  const std::string o = str(n["outcome"]);
  auto cands = [&](bool matched) {
    std::vector<std::string> out;
    for (const auto& c : n["candidates"])
      if (c["matched"].get<bool>() == matched && c["distance_m"].is_number())
        out.push_back(fmt::format("entry {}, {} from the route", str(c["index"]),
                                  length_text(c["distance_m"].get<double>())));
    return out;
  };
  if (o == "followed") return "followed (" + truceline::join(cands(true), "; ") + ")";
  if (o == "unconfirmed") {
    std::vector<std::string> idx;
    for (const auto& c : n["candidates"])
      if (c["distance_m"].is_null()) idx.push_back("entry " + str(c["index"]));
    return "unconfirmed: patrol report in the window without coordinates (" + truceline::join(idx, ", ") + ")";
  }
  if (o == "window_open") return "window still open, no matching patrol report yet";
  if (o == "not_followed") {
    const auto far = cands(false);
    return far.empty() ? "not followed: no patrol report by the party in the window"
                       : "not followed: no patrol report near the route (" + truceline::join(far, "; ") + ")";
  }
  if (o == "not_checkable") return "not checkable: " + str(n["reason"]);
  return "";
}

}  // namespace

void communication_sections(const json& c, int off, Sections& x) {
  x.communication = true;
  x.comm_note = fmt::format(
      "Entries of the parties' signed log, timed by their signed timestamps, on the report day ({} entries). A "
      "report is shown with every acknowledgement and dispute the log held at the day's end; a disputed report "
      "stays disputed. A notified patrol counts as followed when a patrol report by the same party, observed "
      "within the notified window, lies within {} of the route plus the report's location precision; a notice "
      "signed after its window opened is marked as not made in advance.",
      str(c["entries_of_day"]), length_text(c["patrol_match_distance_m"].get<double>()));
  x.comm_by_party.head = {"party", "report", "ack", "dispute", "notification", "review", "correction", "total"};
  for (const auto& r : c["by_party"]) {
    std::vector<std::string> row{str(r["party"])};
    for (const char* t : kTypes) row.push_back(str(r[t]));
    row.push_back(str(r["total"]));
    x.comm_by_party.rows.push_back(std::move(row));
  }
  x.comm_by_party.empty_text = "No log entries on the report day.";

  x.comm_reports.head = {"entry", "party", "submitted (local)", "report", "status", "acknowledged by", "disputed by"};
  for (const auto& r : c["reports"]) {
    std::vector<std::string> acks, disputes;
    for (const auto& a : r["acknowledgements"])
      acks.push_back(fmt::format("{} (entry {}{})", str(a["party"]), str(a["index"]),
                                 str(a["note"]).empty() ? "" : ": " + str(a["note"])));
    for (const auto& d : r["disputes"])
      disputes.push_back(fmt::format("{} (entry {}): {}", str(d["party"]), str(d["index"]), str(d["reason"])));
    x.comm_reports.rows.push_back({str(r["index"]), str(r["party"]), local_or_empty(r["time"], off),
                                   report_text(r, off), str(r["status"]), truceline::join(acks, "; "),
                                   truceline::join(disputes, "; ")});
    x.comm_reports.row_class.push_back(str(r["status"]) == "disputed" ? "disputed" : "");
  }
  x.comm_reports.empty_text = "No reports submitted or answered on the report day.";

  x.comm_notifications.head = {"entry", "party", "notified (local)", "kind", "window (local)", "route", "outcome"};
  for (const auto& n : c["notifications"]) {
    const std::string from = local_or_empty(n["from"], off), until = local_or_empty(n["until"], off);
    const std::string when = str(n["notified"]);
    std::string notified = local_or_empty(n["time"], off);
    if (when == "after_start") notified += " (after the window opened: not in advance)";
    if (when == "after_end") notified += " (after the window closed: not in advance)";
    x.comm_notifications.rows.push_back(
        {str(n["index"]), str(n["party"]), notified, str(n["kind"]),
         from.empty() && until.empty() ? "" : from + " – " + until,
         field(n, "route_km").is_number() ? fixed(n["route_km"].get<double>(), 1) + " km" : "",
         outcome_text(n)});
  }
  x.comm_notifications.empty_text = "No notifications made for or on the report day.";
}

}  // namespace truceline::report::detail
