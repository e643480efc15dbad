// The daily report's figures as data (summary.json): the day's selection of incidents and
// reports (Digest), the headline numbers against the previous day, the tables' rows as JSON.
// Every renderer works from this summary (and the Digest); nothing here formats for people
// beyond the status texts summary.json itself carries.
#include "truceline/report/detail/summary.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <string>
#include <vector>

#include "truceline/agreement/query.hpp"
#include "truceline/report/detail/format.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/store.hpp"
#include "truceline/text.hpp"

namespace truceline::report::detail {

using nlohmann::json;

namespace {

constexpr int64_t kDay = 86400;

bool in_day(int64_t t, int64_t start) { return t >= start && t < start + kDay; }

// A report about harm to civilians: of kind civilian_harm, tagged civilian(s) or
// civilian_targeting (ACLED), or naming civilians as the target. Only such reports' casualty
// counts are civilian casualties: an armed clash's count (ACLED's battle fatalities) is not.
bool civilian(const assess::ReportView& r) {
  if (r.kind == "civilian_harm") return true;
  for (const auto& t : r.tags)
    if (ascii_lower(t) == "civilian" || ascii_lower(t) == "civilians" || ascii_lower(t) == "civilian_targeting") return true;
  return ascii_lower(r.target).find("civilian") != std::string::npos;
}

const char* compass(double azimuth) {
  static const std::array<const char*, 8> names{"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
  double a = std::fmod(azimuth + 360.0, 360.0);
  return names[static_cast<std::size_t>(std::floor((a + 22.5) / 45.0)) % 8];
}

}  // namespace

std::vector<const assess::Incident*> incidents_in(const assess::Assessment& s, int64_t start, int64_t end) {
  std::vector<const assess::Incident*> out;
  for (const auto& i : s.incidents)
    if (i.first_unix >= start && i.first_unix < end) out.push_back(&i);
  return out;
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

namespace {

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

}  // namespace

Digest::Digest(const agreement::Agreement& a_, const assess::Assessment& s_, const DailyOptions& o_)
    : a(a_), s(s_), o(o_) {
  day = detail::incidents_in(s, o.day_start, o.day_end);
  previous = detail::incidents_in(s, o.day_start - kDay, o.day_start);
  for (std::size_t i = 0; i < s.incidents.size(); ++i)
    for (std::size_t r : s.incidents[i].reports) incident_of_report[r] = i;
  for (std::size_t i = 0; i < day.size(); ++i) number[day[i]] = i + 1;
  for (const auto& ob : a.obligations) obligation[ob.id] = &ob;
}

const assess::Incident* Digest::incident_of(std::size_t report) const {
  auto it = incident_of_report.find(report);
  return it == incident_of_report.end() ? nullptr : &s.incidents[it->second];
}

std::string Digest::incident_id(std::size_t report) const {
  const auto* i = incident_of(report);
  return i ? i->id : std::string();
}

std::string Digest::zone_of(const std::string& obligation_id) const {
  auto it = obligation.find(obligation_id);
  return it == obligation.end() || it->second->zone.empty() ? std::string("(no zone)") : it->second->zone;
}

std::string Digest::obligation_kind(const std::string& id) const {
  auto it = obligation.find(id);
  return it == obligation.end() ? std::string() : it->second->kind;
}

std::string Digest::area(double lon, double lat) const {
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

std::string Digest::area_of(const assess::ReportView& r) const {
  return r.has_location ? area(r.lon_deg, r.lat_deg) : std::string(kLocationUnknown);
}

std::string Digest::area_of(const assess::Incident& i) const {
  return i.has_location ? area(i.lon_deg, i.lat_deg) : std::string(kLocationUnknown);
}

std::string Digest::place_of(const assess::ReportView& r) const {
  if (!r.place.empty()) return r.place;
  if (r.has_location) return fmt::format("{}°N {}°E", fixed(r.lat_deg, 4), fixed(r.lon_deg, 4));
  return "";
}

namespace {

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

}  // namespace

json incident_json(const Digest& d, const assess::Incident& i) {
  std::vector<std::string> labels;
  for (std::size_t m : i.reports) labels.push_back(d.s.reports[m].label);
  return {{"id", i.id},
          {"number", d.number.at(&i)},
          {"kind", i.kind},
          {"kinds", i.kinds},
          {"precision_m", i.has_location ? json(rounded(i.precision_m, 0)) : json(nullptr)},
          {"area", d.area_of(i)},
          {"verdict", detail::verdict_name(i.verdict)},
          {"obligations", i.obligations},
          {"corroborated", i.corroborated},
          {"independent_sources", i.independent_sources},
          {"confidence", rounded(i.confidence, 3)},
          {"confidence_label", i.confidence_label},
          {"source_groups", i.source_groups},
          {"sources", i.sources},
          {"reports", labels},
          {"contested", i.contested}};
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
    json e = incident_json(d, *i);
    e["lon"] = i->has_location ? json(rounded(i->lon_deg, 6)) : json(nullptr);
    e["lat"] = i->has_location ? json(rounded(i->lat_deg, 6)) : json(nullptr);
    e["effective_location"] = assess::location_json(s.reports.at(i->anchor));
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
  // Only with a ledger: a store without one reads exactly as before it existed.
  if (o.communication) j["communication"] = communication_summary(*o.communication, o);
  return j;
}

}  // namespace truceline::report::detail

namespace truceline::report {

nlohmann::json daily_summary(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o) {
  const detail::Digest d(a, s, o);
  return detail::summary_of(d);
}

}  // namespace truceline::report
