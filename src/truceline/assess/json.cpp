// The assessment as JSON (schema: docs/assessment.md) and its verdicts as CSV.
#include <fmt/format.h>

#include <cmath>

#include "truceline/assess/assess.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/store.hpp"

namespace truceline::assess {

namespace {

using nlohmann::json;

// Metres to 0.1 m: deterministic text, and finer than any report's precision.
double metres(double v) { return std::round(v * 10) / 10; }

std::string iso(int64_t t) { return format_iso8601_utc(t); }
std::string iso(Instant t) { return agreement::format_instant(t); }

json claims(const std::vector<Claim>& cs) {
  json out = json::array();
  for (const auto& c : cs) out.push_back({{"value", c.value}, {"sources", c.sources}, {"reports", c.reports}});
  return out;
}

double degrees(double v) { return std::round(v * 1e6) / 1e6; }

json optional_iso(const std::optional<int64_t>& t) { return t ? json(iso(*t)) : json(nullptr); }

// The view's location as the store's EffectiveLocation (rounded as printed).
store::EffectiveLocation store_location(const ReportView& r) {
  store::EffectiveLocation l;
  l.method = !r.has_location ? "unresolved" : r.location_method.empty() ? "coordinates" : r.location_method;
  if (r.has_location) {
    l.lon = degrees(r.lon_deg);
    l.lat = degrees(r.lat_deg);
    l.precision_m = metres(r.precision_m);
    l.precision_from = r.precision_from.empty() ? "report" : r.precision_from;
  }
  l.place = r.place;
  l.matched = r.place_matched;
  l.match = r.place_match;
  l.score = r.place_score;
  l.reason = r.location_reason;
  if (!r.has_location && l.reason.empty()) l.reason = r.place.empty() ? "no location given" : "place not resolved";
  return l;
}

}  // namespace

nlohmann::json location_json(const ReportView& r) { return store::to_json(store_location(r)); }

nlohmann::json obligation_json(const ObligationStatus& o) {
  const auto& d = o.deadline;
  return {{"id", o.id},
          {"kind", o.kind},
          {"zone", o.zone},
          {"in_force", o.in_force},
          {"deadline",
           {{"original", d.original ? json(iso(*d.original)) : json(nullptr)},
            {"effective", d.effective ? json(iso(*d.effective)) : json(nullptr)},
            {"extended", d.extended},
            {"passed", d.passed}}},
          {"violations", o.violations},
          {"violations_corroborated", o.violations_corroborated},
          {"violations_single_source", o.violations_single_source},
          {"violations_contested", o.violations_contested},
          {"indeterminate", o.indeterminate},
          {"compliant", o.compliant},
          {"period_violations", o.period_violations},
          {"previous_period_violations", o.previous_period_violations},
          {"trend", o.trend},
          {"latest", o.latest_report.empty() ? json(nullptr)
                                             : json{{"report", o.latest_report},
                                                    {"observed_at", iso(o.latest_unix)},
                                                    {"date_only", o.latest_date_only}}}};
}

nlohmann::json verdict_json(const ReportView& r, const VerdictRecord& v) {
  json reasons = json::array();
  for (const auto& x : v.reasons) reasons.push_back({{"code", x.code}, {"message", reason_message(x, r, v)}});
  const json unmeasured(nullptr);
  json loc = {{"status", to_string(v.where.status)},
              {"zone", v.where.zone},
              {"distance_m", v.where.measured ? json(metres(v.where.distance_m)) : unmeasured},
              {"margin_m", v.where.measured ? json(metres(v.where.margin_m)) : unmeasured},
              {"precision_m", r.has_location ? json(metres(v.where.precision_m)) : unmeasured}};
  if (v.where.depth_m > 0) loc["depth_m"] = metres(v.where.depth_m);
  json time = {{"status", to_string(v.when.status)}, {"observed_at", iso(r.observed_unix)},
               {"time_precision", r.time_precision}, {"date_only", r.date_only},
               {"window", {iso(v.when.window_start), iso(v.when.window_end)}}};
  if (v.when.deadline) time["deadline"] = iso(*v.when.deadline);
  if (v.when.effective_deadline && v.when.effective_deadline != v.when.deadline)
    time["effective_deadline"] = iso(*v.when.effective_deadline);
  json actor = {{"text", v.who.text}, {"group", v.who.id.empty() ? json(nullptr) : json(v.who.id)},
                {"designations", v.who.designations}};
  if (v.who.contested) actor["contested_by"] = v.who.contested_by;
  if (!v.who.how.empty()) actor["resolved_by"] = v.who.how;
  if (!v.who.category.empty()) actor["category"] = v.who.category;
  if (!v.who.stripped.empty()) actor["qualifier"] = v.who.stripped;
  if (v.who.category == "several" || v.who.category == "qualified") actor["matched"] = v.who.matched;
  json item = {{"report", r.label},
               {"report_id", r.id},
               {"obligation", v.obligation},
               {"verdict", to_string(v.verdict)},
               {"contested", v.who.contested},
               {"kind", r.kind},
               {"location", loc},
               {"effective_location", location_json(r)},
               {"time", time},
               {"actor", actor},
               {"reasons", reasons},
               {"source", {{"name", r.source_name}, {"type", r.source_type}}},
               {"grading", r.reliability + std::to_string(r.credibility)}};
  if (!v.what.text.empty() || !v.what.weapon_class.empty())
    item["weapon"] = {{"text", v.what.text},
                      {"class", v.what.weapon_class.empty() ? json(nullptr) : json(v.what.weapon_class)},
                      {"matched", v.what.matched}};
  return item;
}

nlohmann::json incident_json(const Incident& inc, const std::vector<ReportView>& views) {
  json reports = json::array();
  for (std::size_t m : inc.reports) reports.push_back(views[m].label);
  json item = {{"id", inc.id},
               {"kind", inc.kind},
               {"kinds", inc.kinds},
               {"first", iso(inc.first_unix)},
               {"last", iso(inc.last_unix)},
               {"date_only", inc.date_only},
               {"first_timed", optional_iso(inc.timed_first_unix)},
               {"last_timed", optional_iso(inc.timed_last_unix)},
               {"lon", inc.has_location ? json(degrees(inc.lon_deg)) : json(nullptr)},
               {"lat", inc.has_location ? json(degrees(inc.lat_deg)) : json(nullptr)},
               {"precision_m", inc.has_location ? json(metres(inc.precision_m)) : json(nullptr)},
               {"effective_location", location_json(views.at(inc.anchor))},
               {"reports", reports},
               {"sources", inc.sources},
               {"independent_sources", inc.independent_sources},
               {"source_groups", inc.source_groups},
               {"corroborated", inc.corroborated},
               {"confidence", inc.confidence},
               {"confidence_label", inc.confidence_label},
               {"verdict", to_string(inc.verdict)},
               {"obligations", inc.obligations},
               {"contested", inc.contested},
               {"attribution", claims(inc.attribution)},
               {"fatalities", claims(inc.fatalities)}};
  if (!inc.confidence_note.empty()) item["confidence_note"] = inc.confidence_note;
  if (!inc.possibly_same_as.empty()) item["possibly_same_as"] = inc.possibly_same_as;
  return item;
}

nlohmann::json summary_json(const agreement::Agreement& a, const Assessment& s, std::size_t report_count) {
  json j;
  j["agreement"] = a.id;
  j["at"] = iso(s.options.at);
  j["since"] = s.options.since ? json(iso(*s.options.since)) : json(nullptr);
  j["period"] = {{"start", iso(agreement::unix_seconds(s.options.at) - s.options.period_s)},
                 {"end", iso(s.options.at)}};
  j["reports"] = report_count;
  json incidents = json::array();
  for (const auto& inc : s.incidents) incidents.push_back(incident_json(inc, s.reports));
  j["incidents"] = std::move(incidents);

  json obligations = json::array();
  for (const auto& o : s.obligations) obligations.push_back(obligation_json(o));
  j["obligations"] = std::move(obligations);

  json sectors = json::array();
  for (const auto& sec : s.sectors)
    sectors.push_back({{"id", sec.id},
                       {"zone", sec.zone},
                       {"line", sec.line},
                       {"from_km", std::round(sec.from_km * 1e4) / 1e4},
                       {"to_km", std::round(sec.to_km * 1e4) / 1e4},
                       {"start", {std::round(sec.start.lon_deg * 1e6) / 1e6, std::round(sec.start.lat_deg * 1e6) / 1e6}},
                       {"end", {std::round(sec.end.lon_deg * 1e6) / 1e6, std::round(sec.end.lat_deg * 1e6) / 1e6}},
                       {"observations", sec.observations},
                       {"violations", sec.violations},
                       {"status", sec.status}});
  j["sectors"] = std::move(sectors);
  return j;
}

nlohmann::json to_json(const agreement::Agreement& a, const Assessment& s) {
  json j = summary_json(a, s, s.reports.size());
  json verdicts = json::array();
  for (const auto& v : s.verdicts) verdicts.push_back(verdict_json(s.reports[v.report], v));
  j["verdicts"] = std::move(verdicts);
  return j;
}

namespace {
std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

std::string verdicts_csv_header() {
  std::string out =
      "report,report_id,obligation,verdict,kind,observed_at,location_status,zone,distance_m,margin_m,precision_m,"
      "time_status,actor,group,contested,weapon_class,source,reasons,time_precision,date_only,place";
  for (const auto& c : store::effective_location_columns()) {
    out += ',';
    out += c;
  }
  out += ",lon,lat\n";  // the effective location again, under the names GIS tools look for
  return out;
}

std::string verdict_csv_line(const ReportView& r, const VerdictRecord& v) {
  std::string out;
  std::string reasons;
  for (const auto& x : v.reasons) {
    if (!reasons.empty()) reasons += ';';
    reasons += x.code;
  }
  const auto m = [&](double x) { return v.where.measured ? fmt::format("{:.1f}", x) : std::string(); };
  out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}", csv_field(r.label), r.id,
                     csv_field(v.obligation), to_string(v.verdict), r.kind, iso(r.observed_unix),
                     to_string(v.where.status), csv_field(v.where.zone), m(v.where.distance_m), m(v.where.margin_m),
                     r.has_location ? fmt::format("{:.1f}", v.where.precision_m) : std::string(), to_string(v.when.status), csv_field(v.who.text), csv_field(v.who.id),
                     v.who.contested ? "true" : "false", csv_field(v.what.weapon_class), csv_field(r.source_name),
                     reasons);
  // How the report was located (the same columns as `truceline reports --format csv`).
  out += fmt::format(",{},{},{}", r.time_precision, r.date_only ? "true" : "false", csv_field(r.place));
  const json flat = store::to_flat_json(store_location(r));
  for (const auto& c : store::effective_location_columns()) {
    const json& x = flat[c];
    out += ',';
    if (!x.is_null()) out += csv_field(x.is_string() ? x.get<std::string>() : x.dump());
  }
  for (const char* c : {"effective_lon", "effective_lat"}) out += "," + (flat[c].is_null() ? "" : flat[c].dump());
  out += "\n";
  return out;
}

std::string verdicts_csv(const Assessment& s) {
  std::string out = verdicts_csv_header();
  for (const auto& v : s.verdicts) out += verdict_csv_line(s.reports[v.report], v);
  return out;
}

}  // namespace truceline::assess
