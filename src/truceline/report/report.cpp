// The daily monitoring report (docs/daily-report.md): the summary as data (summary.json), then
// the same content as HTML (inline CSS and SVG) and Markdown, the day's incidents as GeoJSON.
// Everything is rendered from the summary and the assessment with fixed number formatting and
// stable order: the same input gives byte-identical files.
#include "truceline/report/report.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "truceline/agreement/query.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/report/svg.hpp"
#include "truceline/store/report.hpp"
#include "truceline/store/store.hpp"
#include "truceline/time.hpp"

namespace truceline::report {

using detail::fixed;
using detail::geometry_note;
using detail::length_text;
using detail::xml_escape;
using nlohmann::json;

namespace {

constexpr int64_t kDay = 86400;
constexpr const char* kLocationUnknown = "location unknown";

// A double rounded to `decimals` places: nlohmann prints the shortest representation, so the
// JSON shows e.g. 36.123456 rather than 36.123455999999997.
double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(v * f) / f;
  return r == 0 ? 0.0 : r;  // no -0
}

std::string iso(int64_t unix_seconds) { return format_iso8601_utc(unix_seconds); }

bool in_day(int64_t t, int64_t start) { return t >= start && t < start + kDay; }

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A report about harm to civilians: of kind civilian_harm, tagged civilian(s) or
// civilian_targeting (ACLED), or naming civilians as the target. Only such reports' casualty
// counts are civilian casualties: an armed clash's count (ACLED's battle fatalities) is not.
bool civilian(const assess::ReportView& r) {
  if (r.kind == "civilian_harm") return true;
  for (const auto& t : r.tags)
    if (lower(t) == "civilian" || lower(t) == "civilians" || lower(t) == "civilian_targeting") return true;
  return lower(r.target).find("civilian") != std::string::npos;
}

const char* compass(double azimuth) {
  static const std::array<const char*, 8> names{"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
  double a = std::fmod(azimuth + 360.0, 360.0);
  return names[static_cast<std::size_t>(std::floor((a + 22.5) / 45.0)) % 8];
}

json claims_json(const std::vector<assess::Claim>& cs) {
  json out = json::array();
  for (const auto& c : cs) out.push_back({{"value", c.value}, {"sources", c.sources}, {"reports", c.reports}});
  return out;
}

// When a report was observed: the instant, and whether it gives only a date (then `time` is
// 00:00 local of that date, not a time of day).
json time_fields(const assess::ReportView& r) {
  return {{"time", iso(r.observed_unix)}, {"date_only", r.date_only}, {"time_precision", r.time_precision}};
}

// An incident's time span: first and last observation, whether every report gives only a
// date, the span of the reports that give a time of day, and how many give only a date.
json time_fields(const assess::Incident& i, const assess::Assessment& s) {
  int date_only = 0;
  for (std::size_t m : i.reports) date_only += s.reports[m].date_only ? 1 : 0;
  auto opt = [](const std::optional<int64_t>& t) { return t ? json(iso(*t)) : json(nullptr); };
  return {{"first", iso(i.first_unix)},
          {"last", iso(i.last_unix)},
          {"date_only", i.date_only},
          {"first_timed", opt(i.timed_first_unix)},
          {"last_timed", opt(i.timed_last_unix)},
          {"date_only_reports", date_only}};
}

// A sighting's status for people: the verdict and what decided it ("within extended deadline
// (to 2018-11-15 23:59)", "indeterminate (location uncertain)", "not applicable (group not
// designated)").
std::string sighting_status(const assess::VerdictRecord& v, int utc_offset_minutes) {
  std::vector<std::string> why;
  auto has = [&](std::string_view code) {
    return std::any_of(v.reasons.begin(), v.reasons.end(), [&](const assess::Reason& x) { return code == x.code; });
  };
  auto add_if = [&](std::string_view code, const char* text) {
    if (has(code)) why.emplace_back(text);
  };
  auto joined = [&](const char* head) {
    std::string out = head;
    for (std::size_t k = 0; k < why.size(); ++k) out += (k ? ", " : " (") + why[k];
    return why.empty() ? out : out + ")";
  };
  switch (v.verdict) {
    case assess::Verdict::violation:
      return v.when.status == assess::TimeStatus::after_deadline ? "violation (after the deadline)" : "violation";
    case assess::Verdict::compliant:
      if (v.when.status == assess::TimeStatus::within_extension)
        return v.when.effective_deadline
                   ? "within extended deadline (to " +
                         detail::local_time(agreement::unix_seconds(*v.when.effective_deadline), utc_offset_minutes) +
                         ")"
                   : "within extended deadline";
      if (v.when.status == assess::TimeStatus::before_deadline) return "before deadline";
      return "compliant";
    case assess::Verdict::indeterminate:
      add_if("no_location", "location unknown");
      add_if("place_ambiguous", "ambiguous place name");
      add_if("location_indeterminate", "location uncertain");
      add_if("time_straddles_deadline", "time straddles the deadline");
      add_if("time_straddles_validity", "time straddles the obligation's validity");
      add_if("actor_unresolved", "actor unresolved");
      add_if("weapon_class_missing", "weapon not stated");
      add_if("weapon_class_unknown", "weapon unknown");
      add_if("weapon_class_too_general", "weapon too general");
      return joined("indeterminate");
    case assess::Verdict::not_applicable:
      add_if("not_in_force", "obligation not in force");
      add_if("no_zone", "no zone");
      add_if("not_designated", "group not designated");
      add_if("actor_not_bound", "actor not bound");
      add_if("weapon_class_not_covered", "weapon class not covered");
      return joined("not applicable");
  }
  return detail::verdict_name(v.verdict);
}

// Everything the report needs, computed once.
struct Digest {
  const agreement::Agreement& a;
  const assess::Assessment& s;
  const DailyOptions& o;
  std::vector<const assess::Incident*> day, previous;
  std::map<std::size_t, std::size_t> incident_of_report;     // report -> index in s.incidents
  std::map<const assess::Incident*, std::size_t> number;     // day incidents: 1..n
  std::map<std::string, const agreement::Obligation*> obligation;

  Digest(const agreement::Agreement& a_, const assess::Assessment& s_, const DailyOptions& o_)
      : a(a_), s(s_), o(o_) {
    day = detail::incidents_in(s, o.day_start, o.day_end);
    previous = detail::incidents_in(s, o.day_start - kDay, o.day_start);
    for (std::size_t i = 0; i < s.incidents.size(); ++i)
      for (std::size_t r : s.incidents[i].reports) incident_of_report[r] = i;
    for (std::size_t i = 0; i < day.size(); ++i) number[day[i]] = i + 1;
    for (const auto& ob : a.obligations) obligation[ob.id] = &ob;
  }

  const assess::Incident* incident_of(std::size_t report) const {
    auto it = incident_of_report.find(report);
    return it == incident_of_report.end() ? nullptr : &s.incidents[it->second];
  }
  std::string incident_id(std::size_t report) const {
    const auto* i = incident_of(report);
    return i ? i->id : std::string();
  }
  std::string zone_of(const std::string& obligation_id) const {
    auto it = obligation.find(obligation_id);
    return it == obligation.end() || it->second->zone.empty() ? std::string("(no zone)") : it->second->zone;
  }
  std::string obligation_kind(const std::string& id) const {
    auto it = obligation.find(id);
    return it == obligation.end() ? std::string() : it->second->kind;
  }

  // "8 km NE of Surman" from the nearest active observation post; "" when there is none.
  std::string area(double lon, double lat) const {
    const agreement::Instant t{std::chrono::seconds(std::max(o.day_start, o.day_end - 1))};
    const agreement::Post* best = nullptr;
    double best_d = 0, best_az = 0;
    for (const auto& p : a.posts) {
      if (!agreement::post_active(p, t)) continue;
      double d = 0, az1 = 0, az2 = 0;
      GeographicLib::Geodesic::WGS84().Inverse(p.position.lat_deg, p.position.lon_deg, lat, lon, d, az1, az2);
      if (!best || d < best_d) best = &p, best_d = d, best_az = az1;
    }
    if (!best) return "";
    const std::string name = best->name.empty() ? best->id : best->name;
    if (best_d < 1000) return "at " + name;
    return fmt::format("{} km {} of {}", fixed(best_d / 1000, 0), compass(best_az), name);
  }

  // The area of a report or incident with a location; "location unknown" without one (never
  // measured from 0°, 0°).
  std::string area_of(const assess::ReportView& r) const {
    return r.has_location ? area(r.lon_deg, r.lat_deg) : std::string(kLocationUnknown);
  }
  std::string area_of(const assess::Incident& i) const {
    return i.has_location ? area(i.lon_deg, i.lat_deg) : std::string(kLocationUnknown);
  }

  std::string place_of(const assess::ReportView& r) const {
    if (!r.place.empty()) return r.place;
    if (r.has_location) return fmt::format("{}°N {}°E", fixed(r.lat_deg, 4), fixed(r.lon_deg, 4));
    return "";
  }
};

json headline(const Digest& d, int64_t start, const std::vector<const assess::Incident*>& incs) {
  int violations = 0, corroborated = 0, single = 0, indeterminate = 0, compliant = 0, contested = 0;
  for (const auto* i : incs) {
    if (i->verdict == assess::Verdict::violation) {
      ++violations;
      ++(i->corroborated ? corroborated : single);
    } else if (i->verdict == assess::Verdict::indeterminate) {
      ++indeterminate;
    } else if (i->verdict == assess::Verdict::compliant) {
      ++compliant;
    }
    if (i->contested) ++contested;
  }
  int reports = 0, location_unknown = 0;
  std::set<std::string> sources;
  for (const auto& r : d.s.reports)
    if (in_day(r.observed_unix, start)) {
      ++reports;
      location_unknown += r.has_location ? 0 : 1;
      sources.insert(r.source_name);
    }
  // Civilian casualties: per incident the lowest and highest count claimed, summed; reports in
  // no incident count on their own.
  int64_t fat_min = 0, fat_max = 0, inj_min = 0, inj_max = 0;
  auto add = [](const std::vector<int64_t>& v, int64_t& lo, int64_t& hi) {
    if (v.empty()) return;
    lo += *std::min_element(v.begin(), v.end());
    hi += *std::max_element(v.begin(), v.end());
  };
  std::set<std::size_t> seen;
  for (const auto* i : incs) {
    std::vector<int64_t> f, in;
    for (std::size_t m : i->reports) {
      const auto& r = d.s.reports[m];
      seen.insert(m);
      if (!civilian(r)) continue;  // a combatant or unstated count is not a civilian count
      if (r.fatalities) f.push_back(*r.fatalities);
      if (r.injured) in.push_back(*r.injured);
    }
    add(f, fat_min, fat_max);
    add(in, inj_min, inj_max);
  }
  for (std::size_t m = 0; m < d.s.reports.size(); ++m) {
    const auto& r = d.s.reports[m];
    if (seen.count(m) || d.incident_of(m) || !in_day(r.observed_unix, start) || !civilian(r)) continue;
    if (r.fatalities) fat_min += *r.fatalities, fat_max += *r.fatalities;
    if (r.injured) inj_min += *r.injured, inj_max += *r.injured;
  }
  return {{"incidents", static_cast<int>(incs.size())},
          {"violations", violations},
          {"violations_corroborated", corroborated},
          {"violations_single_source", single},
          {"indeterminate", indeterminate},
          {"compliant", compliant},
          {"contested", contested},
          {"civilian_fatalities", {{"min", fat_min}, {"max", fat_max}}},
          {"civilian_injured", {{"min", inj_min}, {"max", inj_max}}},
          {"reports", reports},
          {"location_unknown", location_unknown},
          {"sources", static_cast<int>(sources.size())}};
}

json counts_entry() {
  return {{"violations", 0}, {"corroborated", 0}, {"single_source", 0}, {"indeterminate", 0}};
}

void count_into(json& e, const assess::Incident& i) {
  if (i.verdict == assess::Verdict::violation) {
    e["violations"] = e["violations"].get<int>() + 1;
    const char* k = i.corroborated ? "corroborated" : "single_source";
    e[k] = e[k].get<int>() + 1;
  } else {
    e["indeterminate"] = e["indeterminate"].get<int>() + 1;
  }
}

json summary_of(const Digest& d) {
  const auto& a = d.a;
  const auto& s = d.s;
  const auto& o = d.o;
  json j;
  j["date"] = o.date;
  j["agreement"] = a.id;
  j["agreement_title"] = a.title;
  j["title"] = o.title.empty() ? a.title + " — daily monitoring report" : o.title;
  j["data_note"] = o.data_note;
  j["timezone"] = detail::utc_offset_text(a.utc_offset_minutes);
  j["period"] = {{"start", iso(o.day_start)}, {"end", iso(o.day_end)}};
  j["window"] = {{"start", iso(o.day_start - 29 * kDay)}, {"end", iso(o.day_end)}, {"days", 30}};
  j["headline"] = {{"current", headline(d, o.day_start, d.day)}, {"previous", headline(d, o.day_start - kDay, d.previous)}};

  // The day's incidents.
  json incs = json::array();
  for (const auto* i : d.day) {
    std::vector<std::string> labels;
    for (std::size_t m : i->reports) labels.push_back(s.reports[m].label);
    json e = {{"number", d.number.at(i)},
                    {"id", i->id},
                    {"kind", i->kind},
                    {"kinds", i->kinds},
                    {"lon", i->has_location ? json(rounded(i->lon_deg, 6)) : json(nullptr)},
                    {"lat", i->has_location ? json(rounded(i->lat_deg, 6)) : json(nullptr)},
                    {"precision_m", i->has_location ? json(rounded(i->precision_m, 0)) : json(nullptr)},
                    {"effective_location", assess::location_json(s.reports.at(i->anchor))},
                    {"area", d.area_of(*i)},
                    {"verdict", detail::verdict_name(i->verdict)},
                    {"obligations", i->obligations},
                    {"corroborated", i->corroborated},
                    {"independent_sources", i->independent_sources},
                    {"confidence", rounded(i->confidence, 3)},
                    {"confidence_label", i->confidence_label},
                    {"source_groups", i->source_groups},
                    {"sources", i->sources},
                    {"reports", labels},
                    {"contested", i->contested}};
    if (!i->confidence_note.empty()) e["confidence_note"] = i->confidence_note;
    e.update(time_fields(*i, s));
    incs.push_back(std::move(e));
  }
  j["incidents"] = incs;

  // Violations (and indeterminate incidents) by kind and by zone.
  json by_kind = json::object(), by_zone = json::object();
  for (const auto* i : d.day) {
    if (i->verdict != assess::Verdict::violation && i->verdict != assess::Verdict::indeterminate) continue;
    if (!by_kind.contains(i->kind)) by_kind[i->kind] = counts_entry();
    count_into(by_kind[i->kind], *i);
    std::set<std::string> zones;
    for (const auto& ob : i->obligations) zones.insert(d.zone_of(ob));
    if (zones.empty()) zones.insert("(no zone)");
    for (const auto& z : zones) {
      if (!by_zone.contains(z)) by_zone[z] = counts_entry();
      count_into(by_zone[z], *i);
    }
  }
  j["violations_by_kind"] = by_kind;
  j["violations_by_zone"] = by_zone;

  // Weapons and groups: every sighting in a withdrawal zone on the report day — the verdicts
  // of withdraw-weapons / withdraw-groups obligations on the day's sightings (every kind but
  // `withdrawal`, which is evidence of compliance) not wholly outside the zone, whatever the
  // verdict: a sighting within an extended deadline, or of a group not bound, is listed with
  // its status, never hidden. A sighting that some obligation applies to is not listed again
  // as "not applicable" under the others (a tank under the artillery obligation); one that no
  // obligation applies to (an ATGM, a group nobody designated) is listed once, with why.
  auto listed = [&](const assess::VerdictRecord& v) {
    const auto& r = s.reports.at(v.report);
    if (!in_day(r.observed_unix, o.day_start)) return false;
    if (r.kind == "withdrawal" || v.where.status == assess::WhereStatus::outside) return false;
    const std::string kind = d.obligation_kind(v.obligation);
    return kind == "withdraw-weapons" || kind == "withdraw-groups";
  };
  std::set<std::pair<std::size_t, std::string>> applicable, shown_not_applicable;  // (report, obligation kind)
  for (const auto& v : s.verdicts)
    if (listed(v) && v.verdict != assess::Verdict::not_applicable)
      applicable.insert({v.report, d.obligation_kind(v.obligation)});
  json weapons = json::array(), groups = json::array();
  for (const auto& v : s.verdicts) {
    if (!listed(v)) continue;
    const auto& r = s.reports.at(v.report);
    const std::string kind = d.obligation_kind(v.obligation);
    if (v.verdict == assess::Verdict::not_applicable &&
        (applicable.count({v.report, kind}) || !shown_not_applicable.insert({v.report, kind}).second))
      continue;
    const auto* inc = d.incident_of(v.report);
    std::vector<std::string> reasons;
    for (const auto& x : v.reasons) reasons.push_back(x.code);
    const json unmeasured(nullptr);
    json e = {{"report", r.label},
              {"incident", inc ? inc->id : std::string()},
              {"verdict", detail::verdict_name(v.verdict)},
              {"status", sighting_status(v, a.utc_offset_minutes)},
              {"obligation", v.obligation},
              {"zone", v.where.zone.empty() ? d.zone_of(v.obligation) : v.where.zone},
              {"place", d.place_of(r)},
              {"area", d.area_of(r)},
              {"effective_location", assess::location_json(r)},
              {"margin_m", v.where.measured ? json(rounded(v.where.margin_m, 0)) : unmeasured},
              {"distance_m", v.where.measured ? json(rounded(v.where.distance_m, 0)) : unmeasured},
              {"depth_m", rounded(v.where.depth_m, 0)},
              {"precision_m", r.has_location ? json(rounded(v.where.precision_m, 0)) : unmeasured},
              {"where", assess::to_string(v.where.status)},
              {"when", assess::to_string(v.when.status)},
              {"actor", r.actor},
              {"source", r.source_name},
              {"sources", inc ? inc->sources : std::vector<std::string>{r.source_name}},
              {"reasons", reasons}};
    e.update(time_fields(r));
    if (kind == "withdraw-weapons") {
      e["weapon"] = v.what.text.empty() ? r.weapon_class : v.what.text;
      e["weapon_class"] = v.what.weapon_class;
      e["count"] = r.weapon_count ? json(*r.weapon_count) : json(nullptr);
      weapons.push_back(e);
    } else {
      const auto* actor = v.who.id.empty() ? nullptr : d.a.actor(v.who.id);
      e["group"] = v.who.id;
      e["group_name"] = actor ? actor->name : std::string();
      e["designations"] = v.who.designations;
      e["contested"] = v.who.contested;
      e["contested_by"] = v.who.contested_by;
      groups.push_back(e);
    }
  }
  j["weapons_in_zone"] = weapons;
  j["group_presence"] = groups;

  // Civilian harm: the day's incidents with casualty counts, each count with its sources.
  {
    json entries = json::array();
    auto entry_for = [&](const std::vector<std::size_t>& members, const assess::Incident* inc) {
      // Civilian counts (reports about civilians) apart from the other counts of the same
      // incident (e.g. a clash's dead): never mixed into one "differing" civilian figure.
      std::map<std::string, assess::Claim> fat, inj, other_fat, other_inj;  // keyed by zero-padded value
      bool civ = false;
      std::string kind;
      for (std::size_t m : members) {
        const auto& r = s.reports[m];
        const bool about_civilians = civilian(r);
        civ = civ || about_civilians;
        auto add = [&](std::map<std::string, assess::Claim>& to, int64_t n) {
          auto& c = to[fmt::format("{:020d}", n)];
          c.value = std::to_string(n);
          if (std::find(c.sources.begin(), c.sources.end(), r.source_name) == c.sources.end())
            c.sources.push_back(r.source_name);
          c.reports.push_back(r.label);
        };
        if (r.fatalities) add(about_civilians ? fat : other_fat, *r.fatalities);
        if (r.injured) add(about_civilians ? inj : other_inj, *r.injured);
        if (kind.empty()) kind = r.kind;
      }
      if (fat.empty() && inj.empty() && other_fat.empty() && other_inj.empty()) return;
      auto list = [](std::map<std::string, assess::Claim>& m) {
        std::vector<assess::Claim> v;
        for (auto& [k, c] : m) {
          std::sort(c.sources.begin(), c.sources.end());
          v.push_back(c);
        }
        return claims_json(v);
      };
      const auto& first = s.reports[members.front()];
      json e = {{"incident", inc ? inc->id : std::string()},
                {"number", inc && d.number.count(inc) ? json(d.number.at(inc)) : json(nullptr)},
                {"kind", inc ? inc->kind : kind},
                {"place", d.place_of(first)},
                {"area", inc ? d.area_of(*inc) : d.area_of(first)},
                {"civilian", civ},
                {"fatalities", list(fat)},
                {"injured", list(inj)},
                {"other_fatalities", list(other_fat)},
                {"other_injured", list(other_inj)},
                {"differing", fat.size() > 1 || inj.size() > 1}};
      // "time" is the incident's first observation (or the report's); the rest of its span.
      if (inc) {
        const json t = time_fields(*inc, s);
        e.update(t);
        e["time"] = t["first"];
      } else {
        e.update(time_fields(first));
      }
      entries.push_back(std::move(e));
    };
    for (const auto* i : d.day) entry_for(i->reports, i);
    for (std::size_t m = 0; m < s.reports.size(); ++m)
      if (!d.incident_of(m) && in_day(s.reports[m].observed_unix, o.day_start)) entry_for({m}, nullptr);
    const json& h = j["headline"]["current"];
    j["civilian_harm"] = {{"fatalities", h["civilian_fatalities"]}, {"injured", h["civilian_injured"]}, {"entries", entries}};
  }

  // Restrictions on the monitors' freedom of movement.
  {
    json rs = json::array();
    for (std::size_t m = 0; m < s.reports.size(); ++m) {
      const auto& r = s.reports[m];
      if (r.kind != "movement_restriction" || !in_day(r.observed_unix, o.day_start)) continue;
      json e = {{"report", r.label},
                {"incident", d.incident_id(m)},
                {"place", d.place_of(r)},
                {"area", d.area_of(r)},
                {"actor", r.actor},
                {"target", r.target},
                {"summary", r.summary},
                {"source", r.source_name},
                {"source_type", r.source_type}};
      e.update(time_fields(r));
      rs.push_back(std::move(e));
    }
    j["restrictions"] = rs;
  }

  // Observation coverage.
  {
    int clear = 0, viol = 0, unobs = 0;
    json lines = json::array();
    std::string last_key;
    for (const auto& sec : s.sectors) {
      if (sec.status == "clear") ++clear;
      else if (sec.status == "violations") ++viol;
      else ++unobs;
      const std::string key = sec.id.substr(0, sec.id.rfind('/'));
      if (lines.empty() || key != last_key) {
        lines.push_back({{"id", key}, {"zone", sec.zone}, {"line", sec.line}, {"sectors", 0}, {"clear", 0},
                         {"violations", 0}, {"unobserved", 0}, {"length_km", 0.0}});
        last_key = key;
      }
      json& l = lines.back();
      l["sectors"] = l["sectors"].get<int>() + 1;
      const char* k = sec.status == "clear" ? "clear" : sec.status == "violations" ? "violations" : "unobserved";
      l[k] = l[k].get<int>() + 1;
      l["length_km"] = rounded(sec.to_km, 1);
    }
    j["coverage"] = {{"sectors", static_cast<int>(s.sectors.size())},
                     {"clear", clear},
                     {"violations", viol},
                     {"unobserved", unobs},
                     {"lines", lines}};
  }

  // Contested claims.
  {
    json cs = json::array();
    for (const auto* i : d.day) {
      if (!i->contested) continue;
      json e = {{"incident", i->id},
                {"number", d.number.at(i)},
                {"kind", i->kind},
                {"area", d.area_of(*i)},
                {"attribution", claims_json(i->attribution)},
                {"fatalities", claims_json(i->fatalities)}};
      const json t = time_fields(*i, s);
      e.update(t);
      e["time"] = t["first"];
      cs.push_back(std::move(e));
    }
    j["contested"] = cs;
  }

  // Where each of the day's reports was placed, and how (docs/report-format.md, "Effective
  // location"); those without a location are counted as "location unknown", never drawn.
  {
    json entries = json::array();
    int unknown = 0;
    for (std::size_t m = 0; m < s.reports.size(); ++m) {
      const auto& r = s.reports[m];
      if (!in_day(r.observed_unix, o.day_start)) continue;
      unknown += r.has_location ? 0 : 1;
      const auto* inc = d.incident_of(m);
      json e = {{"report", r.label},
                {"incident", inc ? inc->id : std::string()},
                {"number", inc && d.number.count(inc) ? json(d.number.at(inc)) : json(nullptr)},
                {"kind", r.kind},
                {"source", r.source_name},
                {"area", d.area_of(r)},
                {"effective_location", assess::location_json(r)}};
      e.update(time_fields(r));
      entries.push_back(std::move(e));
    }
    j["report_locations"] = {{"reports", static_cast<int>(entries.size())}, {"location_unknown", unknown},
                             {"entries", entries}};
  }

  // Obligation status. The assessment's violation counts are incidents; its `indeterminate`
  // counts verdicts (reports): the report counts indeterminate incidents too, so that a row of
  // the table counts one unit (incidents) throughout.
  {
    std::map<std::string, int> indeterminate_incidents;
    for (const auto& inc : s.incidents)
      if (inc.verdict == assess::Verdict::indeterminate)
        for (const auto& ob : inc.obligations) ++indeterminate_incidents[ob];
    json obs = json::array();
    for (const auto& st : s.obligations) {
      json e = assess::obligation_json(st);
      e["indeterminate_incidents"] = indeterminate_incidents[st.id];
      obs.push_back(std::move(e));
    }
    j["obligations"] = obs;
  }

  // The parameters the method text states, as the assessment used them (assess::Options and
  // the store's precision rules): the text is written from these, never from constants of its own.
  {
    json def = json::object();
    for (const char* type : {"monitor", "party", "ngo", "media", "social", "other"})
      def[type] = store::default_precision_m(type);
    json uncertain = json::array();
    for (const auto& l : a.lines)
      if (l.uncertainty_m > 0) uncertain.push_back({{"line", l.id}, {"uncertainty_m", l.uncertainty_m}});
    j["method"] = {{"fusion_distance_m", s.options.fusion_distance_m},
                   {"fusion_window_s", s.options.fusion_window_s},
                   {"observation_reach_m", s.options.observation_reach_m},
                   {"sector_length_m", s.options.sector_length_m},
                   {"place_precision_m", store::kPlacePrecisionM},
                   {"default_precision_m", def},
                   {"uncertain_lines", uncertain}};
  }
  return j;
}

// ---------------------------------------------------------------------------------------------
// Text helpers shared by HTML and Markdown.

std::string str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  return v.dump();
}

std::string join(const json& arr, const char* sep = ", ") {
  std::string out;
  for (const auto& x : arr) {
    if (!out.empty()) out += sep;
    out += str(x);
  }
  return out;
}

// "2018-10-12T05:30:00Z" -> local "2018-10-12 08:30".
std::string local(const json& iso_text, int offset) {
  if (!iso_text.is_string()) return "";
  const auto t = parse_iso8601(iso_text.get<std::string>());
  return t ? detail::local_time(t->unix_seconds, offset) : iso_text.get<std::string>();
}

// A report's time for people: "2018-10-12 08:30" local; a report giving only a date prints
// as that date ("2018-10-12 (date only)"), never as 00:00; week/month precision is said.
std::string report_time_text(const json& e, int offset) {
  const std::string p = str(e.value("time_precision", json("minute")));
  const std::string coarse = p == "week" ? "within a week" : p == "month" ? "within a month" : "";
  if (e.value("date_only", false)) {
    const auto t = parse_iso8601(str(e["time"]));
    const std::string date = t ? detail::local_date(t->unix_seconds, offset) : str(e["time"]);
    return date + " (date only" + (coarse.empty() ? std::string() : ", " + coarse) + ")";
  }
  const std::string t = local(e["time"], offset);
  return coarse.empty() ? t : t + " (" + coarse + ")";
}

// An incident's time span for people: "2018-10-12 08:30", "2018-10-12 08:30–09:10", dates for
// incidents of date-only reports, and "+ date-only report" when such a report joined timed
// ones (its 00:00 is not a time).
std::string incident_time_text(const json& i, int offset) {
  auto unix_of = [](const json& v) -> std::optional<int64_t> {
    if (!v.is_string()) return std::nullopt;
    const auto t = parse_iso8601(v.get<std::string>());
    return t ? std::optional<int64_t>(t->unix_seconds) : std::nullopt;
  };
  const auto first = unix_of(i["first"]), last = unix_of(i["last"]);
  if (!first || !last) return str(i["first"]);
  if (i.value("date_only", false)) {
    const std::string d1 = detail::local_date(*first, offset), d2 = detail::local_date(*last, offset);
    return d1 == d2 ? d1 + " (date only)" : d1 + " – " + d2 + " (dates only)";
  }
  const auto tf = unix_of(i.value("first_timed", json())), tl = unix_of(i.value("last_timed", json()));
  if (!tf || !tl) return local(i["first"], offset);
  std::string text = detail::local_time(*tf, offset);
  if (*tl != *tf) {
    const std::string end = detail::local_time(*tl, offset);
    text += detail::local_date(*tf, offset) == detail::local_date(*tl, offset) ? "–" + end.substr(11) : " – " + end;
  }
  if (i.value("date_only_reports", 0) > 0) {
    // The date-only reports' dates are first..last minus the timed span; name them when they
    // differ from the timed span's date.
    const std::string d = detail::local_date(*first, offset);
    text += d == detail::local_date(*tf, offset) ? " (+ date-only report)" : " (+ date-only report of " + d + ")";
  }
  return text;
}

// "35.4400°N 36.6400°E ±500 m" and how it was obtained ("coordinates", "place 'Kafr Zeita' →
// Kafr Zita (fuzzy, 0.86)"), or "location unknown" and why.
std::pair<std::string, std::string> location_text(const json& loc) {
  const std::string method = str(loc["method"]);
  if (method == "unresolved" || !loc["lon"].is_number())
    return {kLocationUnknown, str(loc.value("place", json())).empty()
                                  ? str(loc.value("reason", json("no location given")))
                                  : "place '" + str(loc["place"]) + "' not resolved: " +
                                        str(loc.value("reason", json("not resolved")))};
  const double prec = loc.value("precision_m", 0.0);
  std::string where = fixed(loc["lat"].get<double>(), 4) + "°N " + fixed(loc["lon"].get<double>(), 4) + "°E ±" +
                      (prec >= 1000 ? fixed(prec / 1000, 1) + " km" : fixed(prec, 0) + " m");
  const std::string from = str(loc.value("precision_from", json()));
  if (from == "default") where += " (default for the source type)";
  if (method == "place") {
    std::string how = "place '" + str(loc.value("place", json())) + "'";
    if (!str(loc.value("matched", json())).empty()) how += " → " + str(loc["matched"]);
    std::string detail;
    if (!str(loc.value("match", json())).empty()) detail = str(loc["match"]);
    if (loc.contains("score") && loc["score"].is_number())
      detail += (detail.empty() ? "score " : ", ") + fixed(loc["score"].get<double>(), 2);
    if (!detail.empty()) how += " (" + detail + ")";
    return {where, how};
  }
  return {where, "coordinates"};
}

std::string km(const json& metres) {
  if (!metres.is_number()) return "";
  return fixed(metres.get<double>() / 1000, 1) + " km";
}

// "4 (previous day 2, +2)".
std::string delta(long long cur, long long prev) {
  const long long dd = cur - prev;
  return dd == 0 ? "±0" : (dd > 0 ? "+" : "−") + std::to_string(dd > 0 ? dd : -dd);
}

std::string range(const json& mm) {
  const auto lo = mm["min"].get<long long>(), hi = mm["max"].get<long long>();
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi);
}

std::string claims_text(const json& claims) {
  std::string out;
  for (const auto& c : claims) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{} ({})", str(c["value"]), join(c["sources"]));
  }
  return out;
}

// Counts from reports that do not say the victims were civilians (a clash's dead).
std::string other_casualties_text(const json& h) {
  std::string out;
  if (!h["other_fatalities"].empty()) out = "killed " + claims_text(h["other_fatalities"]);
  if (!h["other_injured"].empty()) out += (out.empty() ? "" : "; ") + std::string("injured ") + claims_text(h["other_injured"]);
  return out;
}

std::string designations_text(const json& m) {
  std::string out;
  for (const auto& [by, status] : m.items()) {
    if (!out.empty()) out += ", ";
    out += by + ": " + str(status);
  }
  return out;
}

std::string trend_arrow(const std::string& t) {
  return t == "up" ? "▲ up" : t == "down" ? "▼ down" : t == "flat" ? "= flat" : t;
}

std::string deadline_text(const json& dl, int offset) {
  if (dl["original"].is_null()) return "none";
  std::string out = local(dl["original"], offset);
  if (dl["extended"].get<bool>()) out += " → " + local(dl["effective"], offset) + " (extended)";
  if (dl["passed"].get<bool>()) out += ", passed";
  return out;
}

// "Kafr Zita — 9 km W of Morek"; the area alone when the place is its post.
std::string place_area(const json& e) {
  const std::string place = str(e["place"]), area = str(e["area"]);
  if (area.empty() || area == "at " + place) return place.empty() ? area : place;
  return place.empty() ? area : place + " — " + area;
}

// A duration for the method text: "6 hours", "90 minutes", "45 seconds".
std::string duration_text(int64_t s) {
  if (s % 3600 == 0) return std::to_string(s / 3600) + (s == 3600 ? " hour" : " hours");
  if (s % 60 == 0) return std::to_string(s / 60) + (s == 60 ? " minute" : " minutes");
  return std::to_string(s) + " seconds";
}

// The "Method and caveats" paragraphs, written from the parameters the assessment used
// (summary.json "method": assess::Options and the store's precision rules) and the agreement's
// lines: no number in them is a constant of the renderer.
std::vector<std::string> method_text(const json& p) {
  const json& def = p["default_precision_m"];
  auto dp = [&](const char* type) { return length_text(def[type].get<double>()); };
  // Source types sharing a default are named together ("party or NGO 2 km").
  std::vector<std::pair<std::string, std::string>> groups;  // (radius, types)
  for (const auto& [type, label] : std::vector<std::pair<const char*, const char*>>{
           {"monitor", "monitor"}, {"party", "party"}, {"ngo", "NGO"}, {"media", "media"}, {"social", "social"},
           {"other", "other"}}) {
    const std::string r = dp(type);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == r; });
    if (it == groups.end()) groups.push_back({r, label});
    else it->second += std::string(" or ") + label;
  }
  std::string defaults;
  for (const auto& [r, types] : groups) defaults += (defaults.empty() ? "" : ", ") + types + " " + r;
  std::string lines;
  for (const auto& l : p["uncertain_lines"])
    lines += (lines.empty() ? "" : ", ") + str(l["line"]) + " ±" + length_text(l["uncertainty_m"].get<double>());
  const std::string fd = length_text(p["fusion_distance_m"].get<double>());
  const std::string fw = duration_text(p["fusion_window_s"].get<int64_t>());
  return {
      "Every report is compared with every obligation it bears on: where (exact geodesic distance to the "
      "zone on the WGS84 ellipsoid), when (the report's time window against deadlines and extensions), who "
      "(the actor resolved to a party or group, with the group's designations at that time) and what (the "
      "weapon resolved to a weapon class).",
      "Location uncertainty is carried through: a report is inside a zone only when its whole precision disc "
      "lies inside, outside only when the whole disc lies outside, and indeterminate otherwise. A report "
      "located by a place name gets at least a " + length_text(p["place_precision_m"].get<double>()) +
          " radius (a town centroid); coordinates given without a precision get a default radius by source "
          "type (" + defaults + "). A report whose location is unknown (no coordinates, place not resolved) "
          "is never drawn or measured; its verdicts are indeterminate and it is counted as \"location "
          "unknown\".",
      lines.empty()
          ? std::string("No line of this agreement is drawn with an uncertainty: zone boundaries are taken as drawn.")
          : "Approximate lines (" + lines + "): a zone built on such a line is uncertain by that much along "
                "its line-derived boundary, so a report is inside or outside only when its margin clears its "
                "precision plus the line's uncertainty; nearer, it is indeterminate (line uncertainty).",
      "Evidence reach: a report outside a zone counts as evidence about it (a patrol along it, a weapon "
      "withdrawn just beyond it) only when its whole disc is within " +
          length_text(p["observation_reach_m"].get<double>()) + " of the zone's boundary.",
      "Reports describing the same event (discs within " + fd + ", times within " + fw +
          ") are fused into one incident; an incident takes the strongest verdict of its reports. Reports "
          "that give only a date are fused after the timed ones: one that matches several timed incidents "
          "of its day could describe any of them, so it stands alone and names them.",
      "Confidence rule: a violation is corroborated when at least two independent sources (sharing no "
      "witness, of different source types or one of them a monitor) report it; otherwise it is single "
      "source. A report's witnesses are the outlets it rests on: a compiled report (an ACLED row, a digest) "
      "rests on the outlets it cites and is not independent of them; a witness is known by its name, its "
      "initials and an abbreviation in parentheses. Confidence combines the sources' reliability and "
      "credibility grades.",
      "Counts compare the report day with the previous day; an incident counts on the local day of its "
      "first report. Violations are counted as incidents throughout the report. Civilian casualty figures "
      "come only from reports about civilians (kind civilian_harm, tagged civilian(s) or civilian_targeting, "
      "or a target naming civilians); other counts (a clash's dead) are shown apart. They are the lowest "
      "and highest claims, summed over incidents; differing claims are shown side by side, never averaged.",
      "Contested designations: when the designators an obligation names disagree about a group, its "
      "verdict is marked contested and the designators are named.",
      "Coverage: each zone's line is cut into sectors of " + length_text(p["sector_length_m"].get<double>()) +
          "; a sector is observed by a patrol, UAV or post report, or by any report of a monitor (whatever it "
          "saw), within " + length_text(p["observation_reach_m"].get<double>()) +
          " beyond the zone's depth; sectors with no observation in the day are unobserved; absence of "
          "reports there is not evidence of compliance.",
      "Every sighting of weapons or groups inside a withdrawal zone is listed with its status, whether a "
      "violation, within an extended deadline, indeterminate or not applicable: none is hidden.",
      "Reports that give only a date are printed as dates, never as 00:00.",
  };
}

// A table as rows of plain-text cells; rendered by html_table / md_table.
struct Table {
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row_class;  // optional CSS class per row (HTML)
};

struct Sections {
  Table headline, incidents, by_kind, by_zone, weapons, groups, harm, restrictions, coverage, contested, obligations,
      locations;
  std::string locations_note;
  std::vector<std::string> method;
  std::vector<std::string> attribution;
};

Sections sections_of(const json& j, const agreement::Agreement& a) {
  const int off = a.utc_offset_minutes;
  Sections x;
  const json& cur = j["headline"]["current"];
  const json& prev = j["headline"]["previous"];
  x.headline.head = {"", "report day", "previous day", "change"};
  auto num_row = [&](const char* label, const char* key) {
    const auto c = cur[key].get<long long>(), p = prev[key].get<long long>();
    x.headline.rows.push_back({label, std::to_string(c), std::to_string(p), delta(c, p)});
  };
  num_row("Incidents", "incidents");
  num_row("Violations, corroborated (incidents)", "violations_corroborated");
  num_row("Violations, single source (incidents)", "violations_single_source");
  num_row("Indeterminate (incidents)", "indeterminate");
  {
    const auto c = cur["civilian_fatalities"], p = prev["civilian_fatalities"];
    x.headline.rows.push_back({"Civilian fatalities (lowest–highest claim)", range(c), range(p),
                               delta(c["max"].get<long long>(), p["max"].get<long long>())});
    const auto ci = cur["civilian_injured"], pi = prev["civilian_injured"];
    x.headline.rows.push_back({"Civilians injured (lowest–highest claim)", range(ci), range(pi),
                               delta(ci["max"].get<long long>(), pi["max"].get<long long>())});
  }
  num_row("Reports received", "reports");
  num_row("Reports with location unknown (not on the map)", "location_unknown");
  num_row("Sources", "sources");

  x.incidents.head = {"#", "incident", "time (local)", "kind", "area", "verdict", "obligations", "sources",
                      "confidence", "contested"};
  for (const auto& i : j["incidents"]) {
    x.incidents.rows.push_back({str(i["number"]), str(i["id"]), incident_time_text(i, off), str(i["kind"]),
                                str(i["area"]), str(i["verdict"]), join(i["obligations"]),
                                fmt::format("{} ({} independent{})", join(i["sources"]),
                                            str(i["independent_sources"]),
                                            i["corroborated"].get<bool>() ? ", corroborated" : ", single source"),
                                fmt::format("{} ({}){}", str(i["confidence_label"]),
                                            fixed(i["confidence"].get<double>(), 2),
                                            i.contains("confidence_note") ? ": " + str(i["confidence_note"]) : ""),
                                i["contested"].get<bool>() ? "contested" : ""});
    x.incidents.row_class.push_back(str(i["verdict"]));
  }
  auto counts_table = [&](Table& t, const char* first, const json& m) {
    t.head = {first, "violations (incidents)", "corroborated (incidents)", "single source (incidents)",
              "indeterminate (incidents)"};
    for (const auto& [k, v] : m.items())
      t.rows.push_back({k, str(v["violations"]), str(v["corroborated"]), str(v["single_source"]),
                        str(v["indeterminate"])});
  };
  counts_table(x.by_kind, "kind", j["violations_by_kind"]);
  counts_table(x.by_zone, "zone (area)", j["violations_by_zone"]);

  // How far inside the zone, with the report's precision ("uncertain" when not clearly inside).
  // (Not measured: the report has no location.)
  const auto inside_by = [&](const json& e) {
    if (!e["margin_m"].is_number()) return std::string(kLocationUnknown);
    const std::string inside = e["margin_m"].get<double>() > 0 ? km(e["margin_m"]) : "uncertain";
    return inside + " (±" + km(e["precision_m"]) + ")";
  };
  x.weapons.head = {"time (local)", "weapon", "class", "count", "place", "zone", "inside by", "verdict", "status",
                    "obligation", "sources"};
  for (const auto& w : j["weapons_in_zone"]) {
    x.weapons.rows.push_back({report_time_text(w, off), str(w["weapon"]), str(w["weapon_class"]), str(w["count"]),
                              place_area(w), str(w["zone"]), inside_by(w), str(w["verdict"]), str(w["status"]),
                              str(w["obligation"]), join(w["sources"])});
    x.weapons.row_class.push_back(str(w["verdict"]));
  }
  x.groups.head = {"time (local)", "group", "as reported", "place", "zone", "inside by", "designations", "verdict",
                   "status", "contested", "sources"};
  for (const auto& g : j["group_presence"]) {
    std::string group = str(g["group_name"]).empty() ? str(g["group"]) : str(g["group_name"]);
    x.groups.rows.push_back({report_time_text(g, off), group, str(g["actor"]), place_area(g), str(g["zone"]),
                             inside_by(g), designations_text(g["designations"]), str(g["verdict"]), str(g["status"]),
                             g["contested"].get<bool>() ? "contested by " + join(g["contested_by"]) : "",
                             join(g["sources"])});
    x.groups.row_class.push_back(str(g["verdict"]));
  }
  x.harm.head = {"#", "time (local)", "kind", "place", "civilian", "fatalities (sources)", "injured (sources)",
                 "counts differ", "casualties not stated as civilian"};
  for (const auto& h : j["civilian_harm"]["entries"]) {
    const std::string place = place_area(h);
    x.harm.rows.push_back({str(h["number"]), h.contains("first") ? incident_time_text(h, off) : report_time_text(h, off),
                           str(h["kind"]), place,
                           h["civilian"].get<bool>() ? "yes" : "not stated", claims_text(h["fatalities"]),
                           claims_text(h["injured"]), h["differing"].get<bool>() ? "yes" : "",
                           other_casualties_text(h)});
  }
  x.restrictions.head = {"time (local)", "place", "by", "restricted", "summary", "source"};
  for (const auto& r : j["restrictions"]) {
    const std::string place = place_area(r);
    x.restrictions.rows.push_back({report_time_text(r, off), place, str(r["actor"]), str(r["target"]),
                                   str(r["summary"]), fmt::format("{} ({})", str(r["source"]), str(r["source_type"]))});
  }
  x.coverage.head = {"zone, line (sector group)", "length", "sectors", "clear (sectors)", "with violations (sectors)",
                     "unobserved (sectors)"};
  for (const auto& l : j["coverage"]["lines"])
    x.coverage.rows.push_back({str(l["zone"]) + " along " + str(l["line"]) + " (" + str(l["id"]) + ")", fixed(l["length_km"].get<double>(), 0) + " km", str(l["sectors"]),
                               str(l["clear"]), str(l["violations"]), str(l["unobserved"])});
  {
    const json& c = j["coverage"];
    x.coverage.rows.push_back({"all", "", str(c["sectors"]), str(c["clear"]), str(c["violations"]),
                               str(c["unobserved"])});
  }
  x.contested.head = {"#", "incident", "time (local)", "kind", "attribution claims (sources)",
                      "fatality claims (sources)"};
  for (const auto& c : j["contested"])
    x.contested.rows.push_back({str(c["number"]), str(c["incident"]), incident_time_text(c, off), str(c["kind"]),
                                claims_text(c["attribution"]), claims_text(c["fatalities"])});
  x.locations.head = {"time (local)", "report", "kind", "source", "location used", "how it was obtained", "area",
                      "incident"};
  for (const auto& e : j["report_locations"]["entries"]) {
    const auto [where, how] = location_text(e["effective_location"]);
    x.locations.rows.push_back({report_time_text(e, off), str(e["report"]), str(e["kind"]), str(e["source"]), where,
                                how, str(e["area"]), e["number"].is_null() ? str(e["incident"]) : "#" + str(e["number"])});
    x.locations.row_class.push_back(e["effective_location"]["lon"].is_number() ? "" : "unknown");
  }
  {
    const int n = j["report_locations"]["location_unknown"].get<int>();
    x.locations_note = n == 0 ? "Every report of the day has a location."
                              : fmt::format("{} report{} of the day with location unknown: not drawn on the map, not "
                                            "measured against any zone (their verdicts are indeterminate).",
                                            n, n == 1 ? "" : "s");
  }
  x.obligations.head = {"obligation", "kind", "zone", "in force", "deadline (local)",
                        "violations, corroborated (incidents, 30 days)", "single source (incidents, 30 days)",
                        "contested (incidents, 30 days)", "indeterminate (incidents, 30 days)",
                        "violations report day / previous (incidents)", "trend", "latest evidence"};
  for (const auto& ob : j["obligations"]) {
    std::string latest;
    if (ob["latest"].is_object())
      latest = str(ob["latest"]["report"]) + " (" +
               report_time_text({{"time", ob["latest"]["observed_at"]}, {"date_only", ob["latest"].value("date_only", false)}},
                                off) +
               ")";
    x.obligations.rows.push_back({str(ob["id"]), str(ob["kind"]), str(ob["zone"]),
                                  ob["in_force"].get<bool>() ? "yes" : "no", deadline_text(ob["deadline"], off),
                                  str(ob["violations_corroborated"]), str(ob["violations_single_source"]),
                                  str(ob["violations_contested"]), str(ob["indeterminate_incidents"]),
                                  fmt::format("{} / {}", str(ob["period_violations"]),
                                              str(ob["previous_period_violations"])),
                                  trend_arrow(str(ob["trend"])), latest});
  }
  x.method = method_text(j["method"]);
  x.attribution = {"Place names: GeoNames (CC BY 4.0).", geometry_note(a),
                   "Map: display projection (equirectangular), not for measurement; the scale bar is computed "
                   "geodesically."};
  if (!j["data_note"].get<std::string>().empty()) x.attribution.push_back("Data: " + str(j["data_note"]));
  return x;
}

// ---------------------------------------------------------------------------------------------
// HTML

std::string html_table(const Table& t, const char* empty_text) {
  if (t.rows.empty()) return fmt::format("<p class=\"none\">{}</p>\n", xml_escape(empty_text));
  std::string out = "<table>\n<thead><tr>";
  for (const auto& h : t.head) out += "<th>" + xml_escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string cls = r < t.row_class.size() ? t.row_class[r] : std::string();
    out += cls.empty() ? "<tr>" : "<tr class=\"" + xml_escape(cls) + "\">";
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const std::string& v = t.rows[r][c];
      if (t.head[c] == "verdict" && !v.empty())
        out += "<td><span class=\"badge " + xml_escape(v) + "\">" + xml_escape(v) + "</span></td>";
      else
        out += "<td>" + xml_escape(v) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

const char* kCss = R"(body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#1d232a;margin:0;background:#fff;font-size:14px;line-height:1.4}
main{max-width:1160px;margin:0 auto;padding:16px 20px 40px}
h1{font-size:22px;margin:4px 0 2px}
h2{font-size:17px;margin:26px 0 8px;padding-bottom:3px;border-bottom:2px solid #d9dee4}
h3{font-size:14px;margin:14px 0 6px}
.meta{color:#4a5560;margin:2px 0 10px}
.note{background:#fff4ce;border:1px solid #e5c44a;border-left:6px solid #e0a800;padding:8px 12px;margin:10px 0;font-weight:bold}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.card{border:1px solid #d9dee4;border-radius:6px;padding:8px 12px;min-width:150px;background:#fafbfc}
.card .v{font-size:24px;font-weight:bold}
.card .l{font-size:12px;color:#4a5560}
.card .p{font-size:12px;color:#4a5560}
.card.violation .v{color:#b81f20}
.card.indeterminate .v{color:#a86d00}
table{border-collapse:collapse;margin:6px 0 10px;font-size:12.5px;width:100%}
th,td{border:1px solid #d9dee4;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef1f4}
tr.violation td:first-child{border-left:4px solid #d62728}
tr.indeterminate td:first-child{border-left:4px solid #f0a202}
tr.unknown td{color:#8a4b00}
.badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:11.5px;white-space:nowrap}
.badge.violation{background:#d62728}.badge.indeterminate{background:#c98500}
.badge.compliant{background:#2ca02c}.badge.not_applicable{background:#8c8c8c}
.none{color:#5f6b76;font-style:italic}
svg{max-width:100%;height:auto;display:block}
figure{margin:6px 0}
figcaption{font-size:12px;color:#4a5560}
.small{font-size:12px;color:#4a5560}
)";

std::string html_of(const json& j, const Sections& x, const std::string& map, const std::string& chart,
                    const std::string& strip) {
  const std::string title = str(j["title"]);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + xml_escape(title) + " — " + xml_escape(str(j["date"])) + "</title>\n";
  h += "<style>\n" + std::string(kCss) + "</style>\n</head>\n<body>\n<main>\n";
  h += "<h1>" + xml_escape(title) + "</h1>\n";
  h += fmt::format("<p class=\"meta\">Report for <strong>{}</strong> (local day, {}; {} to {}) · agreement <code>{}</code> · "
                   "assessment window 30 days</p>\n",
                   xml_escape(str(j["date"])), xml_escape(str(j["timezone"])), xml_escape(str(j["period"]["start"])),
                   xml_escape(str(j["period"]["end"])), xml_escape(str(j["agreement"])));
  if (!str(j["data_note"]).empty()) h += "<p class=\"note\">" + xml_escape(str(j["data_note"])) + "</p>\n";

  h += "<h2 id=\"headline\">Headline numbers</h2>\n<div class=\"cards\">\n";
  {
    const json& c = j["headline"]["current"];
    const json& p = j["headline"]["previous"];
    auto card = [&](const char* cls, const std::string& value, const char* label, const std::string& prev) {
      h += fmt::format("<div class=\"card {}\"><div class=\"v\">{}</div><div class=\"l\">{}</div><div class=\"p\">"
                       "previous day {}</div></div>\n",
                       cls, xml_escape(value), label, xml_escape(prev));
    };
    auto n = [&](const char* k) { return std::to_string(c[k].get<long long>()); };
    auto pn = [&](const char* k) {
      return std::to_string(p[k].get<long long>()) + " (" + delta(c[k].get<long long>(), p[k].get<long long>()) + ")";
    };
    card("", n("incidents"), "incidents", pn("incidents"));
    card("violation", n("violations_corroborated"), "violations, corroborated (incidents)",
         pn("violations_corroborated"));
    card("violation", n("violations_single_source"), "violations, single source (incidents)",
         pn("violations_single_source"));
    card("indeterminate", n("indeterminate"), "indeterminate (incidents)", pn("indeterminate"));
    card("", range(c["civilian_fatalities"]), "civilian fatalities", range(p["civilian_fatalities"]));
    card("", range(c["civilian_injured"]), "civilians injured", range(p["civilian_injured"]));
    card("", n("reports"), "reports received", pn("reports"));
    card(c["location_unknown"].get<long long>() > 0 ? "indeterminate" : "", n("location_unknown"),
         "reports with location unknown (not on the map)", pn("location_unknown"));
    card("", n("sources"), "sources", pn("sources"));
  }
  h += "</div>\n";

  h += "<h2 id=\"map\">Map</h2>\n<figure>\n" + map +
       "<figcaption>Zones in force on the report day, the agreement's lines, active observation posts and the day's "
       "incidents (numbers as in the table below). Also as <a href=\"map.svg\">map.svg</a>.</figcaption>\n</figure>\n";

  h += "<h2 id=\"incidents\">Incidents of the day</h2>\n";
  h += html_table(x.incidents, "No incidents on the report day.");
  h += "<h2 id=\"violations\">Violations by kind and area</h2>\n<h3>By kind</h3>\n";
  h += html_table(x.by_kind, "No violations or indeterminate incidents on the report day.");
  h += "<h3>By zone</h3>\n" + html_table(x.by_zone, "No violations or indeterminate incidents on the report day.");
  h += "<h2 id=\"weapons\">Weapons sighted inside withdrawal zones</h2>\n";
  h += "<p class=\"small\">Every sighting not wholly outside the zone, with its status: violation, within an extended "
       "deadline, before the deadline, indeterminate or not applicable.</p>\n";
  h += html_table(x.weapons, "No weapons reported inside a withdrawal zone on the report day.");
  h += "<h2 id=\"groups\">Group presence inside withdrawal zones</h2>\n";
  h += html_table(x.groups, "No group presence reported inside a withdrawal zone on the report day.");
  h += "<h2 id=\"harm\">Civilian harm</h2>\n";
  h += fmt::format("<p>Civilian fatalities: <strong>{}</strong>; injured: <strong>{}</strong> (lowest–highest claim "
                   "per incident, summed). Counts as reported; differing counts are shown side by side.</p>\n",
                   xml_escape(range(j["civilian_harm"]["fatalities"])), xml_escape(range(j["civilian_harm"]["injured"])));
  h += html_table(x.harm, "No casualties reported on the report day.");
  h += "<h2 id=\"restrictions\">Restrictions on monitors</h2>\n";
  h += html_table(x.restrictions, "No restrictions of movement reported on the report day.");
  h += "<h2 id=\"coverage\">Observation coverage</h2>\n";
  h += "<p class=\"small\">Sectors of the zone lines with at least one observation on the report day (clear), with a "
       "violation, or without any observation (unobserved: no evidence either way).</p>\n";
  h += html_table(x.coverage, "") + strip;
  h += "<h2 id=\"contested\">Contested claims</h2>\n";
  h += html_table(x.contested, "No contested attribution or counts on the report day.");
  h += "<h2 id=\"locations\">Report locations</h2>\n";
  h += "<p class=\"small\">Where each report of the day was placed and how: its own coordinates, its place name "
       "resolved through the gazetteer, or unknown. " + xml_escape(x.locations_note) + "</p>\n";
  h += html_table(x.locations, "No reports on the report day.");
  h += "<h2 id=\"obligations\">Obligation status</h2>\n";
  h += "<p class=\"small\">Every count is of incidents: over the 30-day window, and on the report day against the "
       "previous day.</p>\n";
  h += html_table(x.obligations, "No obligations.");
  h += "<h2 id=\"trend\">30-day trend</h2>\n<figure>\n" + chart +
       "<figcaption>Also as <a href=\"chart.svg\">chart.svg</a>.</figcaption>\n</figure>\n";
  h += "<h2 id=\"method\">Method and caveats</h2>\n<ul>\n";
  for (const auto& m : x.method) h += "<li>" + xml_escape(m) + "</li>\n";
  h += "</ul>\n<h2 id=\"attribution\">Attribution</h2>\n<ul>\n";
  for (const auto& m : x.attribution) h += "<li>" + xml_escape(m) + "</li>\n";
  h += "</ul>\n<p class=\"small\">Data files: <a href=\"summary.json\">summary.json</a>, <a "
       "href=\"incidents.geojson\">incidents.geojson</a>, <a href=\"report.md\">report.md</a>.</p>\n";
  h += "</main>\n</body>\n</html>\n";
  return h;
}

// ---------------------------------------------------------------------------------------------
// Markdown

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '*': case '_': case '`': case '[': case ']': case '#':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string md_table(const Table& t, const char* empty_text) {
  if (t.rows.empty()) return std::string("_") + md_escape(empty_text) + "_\n\n";
  std::string out = "|";
  for (const auto& h : t.head) {
    out += ' ';
    out += md_escape(h);
    out += " |";
  }
  out += "\n|";
  for (std::size_t i = 0; i < t.head.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : t.rows) {
    out += "|";
    for (const auto& c : r) {
      out += ' ';
      out += md_escape(c);
      out += " |";
    }
    out += "\n";
  }
  return out + "\n";
}

std::string md_of(const json& j, const Sections& x) {
  std::string m = "# " + md_escape(str(j["title"])) + "\n\n";
  m += fmt::format("Report for **{}** (local day, {}; {} to {}) · agreement `{}` · assessment window 30 days\n\n",
                   md_escape(str(j["date"])), str(j["timezone"]), str(j["period"]["start"]), str(j["period"]["end"]),
                   md_escape(str(j["agreement"])));
  if (!str(j["data_note"]).empty()) m += "> **" + md_escape(str(j["data_note"])) + "**\n\n";
  m += "## Headline numbers\n\n" + md_table(x.headline, "");
  m += "## Map\n\n![Map of the zones, posts and the day's incidents](map.svg)\n\n";
  m += "## Incidents of the day\n\n" + md_table(x.incidents, "No incidents on the report day.");
  m += "## Violations by kind and area\n\n### By kind\n\n" +
       md_table(x.by_kind, "No violations or indeterminate incidents on the report day.");
  m += "### By zone\n\n" + md_table(x.by_zone, "No violations or indeterminate incidents on the report day.");
  m += "## Weapons sighted inside withdrawal zones\n\nEvery sighting not wholly outside the zone, with its status: "
       "violation, within an extended deadline, before the deadline, indeterminate or not applicable.\n\n" +
       md_table(x.weapons, "No weapons reported inside a withdrawal zone on the report day.");
  m += "## Group presence inside withdrawal zones\n\n" +
       md_table(x.groups, "No group presence reported inside a withdrawal zone on the report day.");
  m += fmt::format("## Civilian harm\n\nCivilian fatalities: **{}**; injured: **{}** (lowest–highest claim per "
                   "incident, summed).\n\n",
                   range(j["civilian_harm"]["fatalities"]), range(j["civilian_harm"]["injured"]));
  m += md_table(x.harm, "No casualties reported on the report day.");
  m += "## Restrictions on monitors\n\n" + md_table(x.restrictions, "No restrictions of movement reported on the report day.");
  m += "## Observation coverage\n\n" + md_table(x.coverage, "");
  m += "## Contested claims\n\n" + md_table(x.contested, "No contested attribution or counts on the report day.");
  m += "## Report locations\n\nWhere each report of the day was placed and how: its own coordinates, its place name "
       "resolved through the gazetteer, or unknown. " + md_escape(x.locations_note) + "\n\n" +
       md_table(x.locations, "No reports on the report day.");
  m += "## Obligation status\n\nEvery count is of incidents: over the 30-day window, and on the report day against "
       "the previous day.\n\n" + md_table(x.obligations, "No obligations.");
  m += "## 30-day trend\n\n![Incidents per day over 30 days](chart.svg)\n\n";
  m += "## Method and caveats\n\n";
  for (const auto& s : x.method) m += "- " + md_escape(s) + "\n";
  m += "\n## Attribution\n\n";
  for (const auto& s : x.attribution) m += "- " + md_escape(s) + "\n";
  m += "\nData files: [summary.json](summary.json), [incidents.geojson](incidents.geojson), [report.html](report.html).\n";
  return m;
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

std::string geojson_of(const Digest& d) {
  json features = json::array();
  for (const auto* i : d.day) {
    std::vector<std::string> labels;
    for (std::size_t m : i->reports) labels.push_back(d.s.reports[m].label);
    json props = {{"id", i->id},
                  {"number", d.number.at(i)},
                  {"kind", i->kind},
                  {"kinds", i->kinds},
                  {"first_time", iso(i->first_unix)},
                  {"last_time", iso(i->last_unix)},
                  {"precision_m", i->has_location ? json(rounded(i->precision_m, 0)) : json(nullptr)},
                  {"area", d.area_of(*i)},
                  {"verdict", detail::verdict_name(i->verdict)},
                  {"obligations", i->obligations},
                  {"confidence", rounded(i->confidence, 3)},
                  {"confidence_label", i->confidence_label},
                  {"corroborated", i->corroborated},
                  {"independent_sources", i->independent_sources},
                  {"source_groups", i->source_groups},
                  {"reports", labels},
                  {"sources", i->sources},
                  {"contested", i->contested},
                  {"attribution", claims_json(i->attribution)},
                  {"fatalities", claims_json(i->fatalities)}};
    const json t = time_fields(*i, d.s);
    for (const char* k : {"date_only", "first_timed", "last_timed", "date_only_reports"}) props[k] = t[k];
    // How its location was obtained (its anchor report's effective location), as the flat
    // effective_* properties of `truceline reports --format geojson`; the point is the geometry.
    const json loc = assess::location_json(d.s.reports.at(i->anchor));
    for (const auto& c : store::effective_location_columns()) {
      const std::string key = c.substr(std::string("effective_").size());
      if (key != "lon" && key != "lat") props[c] = loc.contains(key) ? loc[key] : json(nullptr);
    }
    // An incident without a location has a null geometry: never a point at 0°, 0°.
    const json geometry = i->has_location ? json{{"type", "Point"},
                                                 {"coordinates", {rounded(i->lon_deg, 6), rounded(i->lat_deg, 6)}}}
                                          : json(nullptr);
    features.push_back({{"type", "Feature"}, {"id", i->id}, {"geometry", geometry}, {"properties", props}});
  }
  const json fc = {{"type", "FeatureCollection"}, {"features", features}};
  return fc.dump(2) + "\n";
}

}  // namespace

nlohmann::json daily_summary(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o) {
  const Digest d(a, s, o);
  return summary_of(d);
}

void write_daily_report(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o,
                        const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(dir);
  if (fs::exists(p, ec) && !fs::is_directory(p, ec))
    throw InputError(fmt::format("{}: cannot write the report: exists and is not a directory", dir));

  const Digest d(a, s, o);
  const json j = summary_of(d);
  const Sections x = sections_of(j, a);
  const std::string map = map_svg(a, s, o);
  const std::string chart = chart_svg(s, o);
  const std::string strip = detail::coverage_strip_svg(s);
  // One set: a reader of `dir` sees the previous day's six files or these six, never a mix.
  io::write_file_set(dir, {{"map.svg", map},
                           {"chart.svg", chart},
                           {"incidents.geojson", geojson_of(d)},
                           {"summary.json", j.dump(2) + "\n"},
                           {"report.md", md_of(j, x)},
                           {"report.html", html_of(j, x, map, chart, strip)}});
}

}  // namespace truceline::report
