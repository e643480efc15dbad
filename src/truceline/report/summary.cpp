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
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "truceline/agreement/query.hpp"
#include "truceline/geo/polyline.hpp"
#include "truceline/report/detail/format.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/store.hpp"
#include "truceline/text.hpp"

namespace truceline::report::detail {

using nlohmann::json;

namespace {

constexpr int64_t kDay = 86400;

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

json claims_json(const Digest& d, const std::vector<assess::Claim>& cs) {
  json out = json::array();
  for (const auto& c : cs) {
    std::vector<std::string> reports;
    for (const auto& label : c.reports) reports.push_back(d.reader_label(label));
    out.push_back({{"value", c.value}, {"sources", c.sources}, {"reports", reports}});
  }
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

struct Digest::SectorZone {
  std::string zone, line;
  geo::GeodesicPolyline polyline;
  double depth_m = 0;
  std::vector<const assess::Sector*> sectors;  // in order: part, then index
};

Digest::Digest(const agreement::Agreement& a_, const assess::Assessment& s_, const DailyOptions& o_)
    : a(a_), s(s_), o(o_) {
  day = detail::incidents_in(s, o.day_start, o.day_end);
  previous = detail::incidents_in(s, o.day_start - length(), o.day_start);
  for (std::size_t i = 0; i < s.incidents.size(); ++i)
    for (std::size_t r : s.incidents[i].reports) incident_of_report[r] = i;
  for (std::size_t i = 0; i < day.size(); ++i) number[day[i]] = i + 1;
  for (const auto& ob : a.obligations) obligation[ob.id] = &ob;
  for (std::size_t m = 0; m < s.reports.size(); ++m) report_of_label.emplace(s.reports[m].label, m);
  // The zones the coverage sectors were cut along, with their lines and depths (as
  // assess/coverage.cpp cuts them: sector k of a part covers [k, k+1) x sector_length_m along it).
  std::set<std::string> unusable;
  for (const auto& sec : s.sectors) {
    if (unusable.count(sec.zone)) continue;
    if (sector_zones.empty() || sector_zones.back()->zone != sec.zone) {
      const agreement::Zone* z = a.zone(sec.zone);
      const agreement::Line* l = z ? a.line(z->line) : nullptr;
      double depth = 0;
      try {
        if (l) depth = agreement::ZoneInstance(a, *z).depth_m();
      } catch (const std::exception&) {
        l = nullptr;  // a zone that cannot be built covers nothing (the map lists it as not drawn)
      }
      if (!l) {
        unusable.insert(sec.zone);
        continue;
      }
      sector_zones.push_back(
          std::make_shared<SectorZone>(SectorZone{sec.zone, l->id, geo::GeodesicPolyline(l->geometry), depth, {}}));
    }
    sector_zones.back()->sectors.push_back(&sec);
  }
}

std::string Digest::reader_label(std::size_t report) const {
  const auto& r = s.reports.at(report);
  if (r.label != r.id) return r.label;  // the source's own id
  const std::string when = r.date_only ? local_date(r.observed_unix, a.utc_offset_minutes)
                                       : local_time(r.observed_unix, a.utc_offset_minutes);
  return r.source_name + " " + when;
}

std::string Digest::reader_label(const std::string& label) const {
  auto it = report_of_label.find(label);
  return it == report_of_label.end() ? label : reader_label(it->second);
}

Digest::Area Digest::area_key(const assess::Incident& i) const {
  if (!i.has_location) return {kLocationUnknown, "unknown"};
  for (const auto& z : sector_zones) {
    const geo::Nearest n = z->polyline.nearest({i.lon_deg, i.lat_deg});
    if (n.distance_m > z->depth_m) continue;
    const std::string prefix = fmt::format("{}/{}/", z->zone, n.part);
    const assess::Sector* best = nullptr;
    for (const auto* sec : z->sectors)
      if (sec->id.rfind(prefix, 0) == 0 && (!best || n.along_m >= sec->from_km * 1000)) best = sec;
    if (best) return {fmt::format("{} (km {}–{} along {})", best->id, fixed(best->from_km, 0), fixed(best->to_km, 0), z->line), "sector"};
  }
  if (o.towns.empty()) return {"(no gazetteer)", "admin1"};
  // The nearest place, geodesically; a planar estimate (x scaled by cos latitude, within 1 %
  // over a few hundred km at these latitudes) first keeps the candidates within twice the
  // nearest estimate, so that only a few geodesic inverses run per incident.
  const double kx = std::cos(i.lat_deg * 3.14159265358979323846 / 180);
  auto planar = [&](const Town& t) { return std::hypot((t.lon - i.lon_deg) * kx, t.lat - i.lat_deg); };
  double least = std::numeric_limits<double>::infinity();
  for (const auto& t : o.towns) least = std::min(least, planar(t));
  const Town* near = nullptr;
  double best_d = 0;
  for (const auto& t : o.towns) {
    if (planar(t) > 2 * least + 1e-9) continue;
    double d = 0;
    GeographicLib::Geodesic::WGS84().Inverse(i.lat_deg, i.lon_deg, t.lat, t.lon, d);
    if (!near || d < best_d) near = &t, best_d = d;
  }
  return {(near->admin1.empty() ? std::string("(admin1 unknown)") : near->admin1) + " (" + near->country + ")", "admin1"};
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

// The lowest and highest of the counts claimed ({"min", "max"}), added over incidents: claims
// are never averaged (docs/daily-report.md).
struct Range {
  int64_t lo = 0, hi = 0;
  void add(const std::vector<int64_t>& v) {
    if (v.empty()) return;
    lo += *std::min_element(v.begin(), v.end());
    hi += *std::max_element(v.begin(), v.end());
  }
  json to_json() const { return {{"min", lo}, {"max", hi}}; }
};

// The explosions an incident's reports count, one value per report that gives a count.
std::vector<int64_t> explosion_claims(const Digest& d, const assess::Incident& i) {
  std::vector<int64_t> v;
  for (std::size_t m : i.reports)
    if (d.s.reports[m].explosions) v.push_back(*d.s.reports[m].explosions);
  return v;
}

// Civilian fatalities claimed in an incident (reports about civilians only).
std::vector<int64_t> civilian_fatality_claims(const Digest& d, const assess::Incident& i) {
  std::vector<int64_t> v;
  for (std::size_t m : i.reports)
    if (civilian(d.s.reports[m]) && d.s.reports[m].fatalities) v.push_back(*d.s.reports[m].fatalities);
  return v;
}

json headline(const Digest& d, int64_t start, int64_t end, const std::vector<const assess::Incident*>& incs) {
  auto in_day = [&](int64_t t, int64_t) { return t >= start && t < end; };
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
  // Explosions: counted apart from the incidents (a shelling incident may count 40), per
  // incident the lowest and highest count claimed, summed; also within violation incidents.
  Range explosions, explosions_violations;
  int with_explosions = 0;
  for (const auto* i : incs) {
    const auto claims = explosion_claims(d, *i);
    explosions.add(claims);
    if (i->verdict == assess::Verdict::violation) explosions_violations.add(claims);
    with_explosions += claims.empty() ? 0 : 1;
  }
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
  for (std::size_t m = 0; m < d.s.reports.size(); ++m) {
    const auto& r = d.s.reports[m];
    if (seen.count(m) || d.incident_of(m) || !in_day(r.observed_unix, start) || !r.explosions) continue;
    explosions.add({*r.explosions});
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
          {"explosions", explosions.to_json()},
          {"explosions_in_violations", explosions_violations.to_json()},
          {"incidents_with_explosions", with_explosions},
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
  std::vector<std::string> labels, ids;
  for (std::size_t m : i.reports) labels.push_back(d.reader_label(m)), ids.push_back(d.s.reports[m].id);
  const auto claims = explosion_claims(d, i);
  Range ex;
  ex.add(claims);
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
          {"report_ids", ids},
          {"explosions", claims.empty() ? json(nullptr) : ex.to_json()},
          {"counted_in", d.area_key(i).name},
          {"contested", i.contested}};
}

namespace {

// "24 November 2018" from "2018-11-24".
std::string long_date(const std::string& ymd, bool with_year = true, bool with_month = true) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  int y = 0, m = 0, dd = 0;
  if (std::sscanf(ymd.c_str(), "%d-%d-%d", &y, &m, &dd) != 3 || m < 1 || m > 12) return ymd;
  std::string out = std::to_string(dd);
  if (with_month) out += std::string(" ") + months[m - 1];
  if (with_year) out += " " + std::to_string(y);
  return out;
}

// "On 24 November 2018" / "Between 22 and 24 November 2018" / "Between 30 November and
// 2 December 2018" / "… 2018 and … 2019".
std::string period_phrase(const json& p, const char* one_day, const char* between) {
  const std::string from = p["from"].get<std::string>(), to = p["to"].get<std::string>();
  if (from == to) return std::string(one_day) + " " + long_date(from);
  const bool same_year = from.substr(0, 4) == to.substr(0, 4), same_month = same_year && from.substr(0, 7) == to.substr(0, 7);
  return std::string(between) + " " + long_date(from, !same_year, !same_month) + " and " + long_date(to);
}

std::string plural(long long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// {"min", "max"} as "4" or "2–5".
std::string range_text(const json& mm) {
  const auto lo = mm["min"].get<long long>(), hi = mm["max"].get<long long>();
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi);
}

std::string signed_change(long long cur, long long prev) {
  const long long dd = cur - prev;
  return dd == 0 ? "no change" : (dd > 0 ? "+" : "−") + std::to_string(dd > 0 ? dd : -dd);
}

}  // namespace

// The summary paragraph: every sentence is a template filled with figures of the summary (no
// other text), so that it says nothing the tables do not (docs/daily-report.md, "Summary").
std::string summary_paragraph(const json& j) {
  const json& c = j["headline"]["current"];
  const json& p = j["headline"]["previous"];
  auto n = [](const json& x, const char* k) { return x[k].get<long long>(); };
  std::vector<std::string> sentences;
  // No report at all: the zeros below are the absence of information, not a quiet period.
  if (n(c, "reports") == 0)
    sentences.push_back(period_phrase(j["period"], "On", "Between") +
                        " no report was received: a count of 0 below means nothing is known, not that nothing happened.");
  {
    std::string t = period_phrase(j["period"], "On", "Between") + " the mission recorded " +
                    plural(n(c, "violations"), "ceasefire violation", "ceasefire violations") + " (" +
                    std::to_string(n(c, "violations_corroborated")) + " corroborated, " +
                    std::to_string(n(c, "violations_single_source")) + " from a single source) and " +
                    plural(n(c, "indeterminate"), "indeterminate incident", "indeterminate incidents") + ", among " +
                    plural(n(c, "incidents"), "incident", "incidents") + " in all";
    sentences.push_back(t + ".");
  }
  if (c["explosions"]["max"].get<long long>() > 0)
    sentences.push_back("Reports counted " + range_text(c["explosions"]) + " explosions in " +
                        plural(n(c, "incidents_with_explosions"), "incident", "incidents") + " (" +
                        range_text(c["explosions_in_violations"]) + " in violations; lowest–highest claim per "
                        "incident, summed).");
  else
    sentences.push_back("No report counted explosions.");
  if (c["civilian_fatalities"]["max"].get<long long>() > 0 || c["civilian_injured"]["max"].get<long long>() > 0)
    sentences.push_back("Reports about civilians gave " + range_text(c["civilian_fatalities"]) + " killed and " +
                        range_text(c["civilian_injured"]) + " injured (lowest–highest claim).");
  else
    sentences.push_back("No civilian casualties were reported.");
  {
    // The area(s) with the most violations, every one of them on a tie (in the table's order).
    long long most = 0;
    for (const auto& r : j["areas"]["rows"]) most = std::max(most, r["current"]["violations"].get<long long>());
    std::vector<std::string> top;
    for (const auto& r : j["areas"]["rows"])
      if (most > 0 && r["current"]["violations"].get<long long>() == most) top.push_back(r["area"].get<std::string>());
    std::string names;
    for (std::size_t k = 0; k < top.size(); ++k)
      names += (k == 0 ? "" : k + 1 == top.size() ? " and " : ", ") + top[k];
    if (top.size() == 1)
      sentences.push_back("The most violations in one area, " + std::to_string(most) + ", were in " + names + ".");
    else if (top.size() > 1)
      sentences.push_back("The most violations in one area, " + std::to_string(most) + " each, were in " + names + ".");
  }
  {
    const json& pp = j["previous_period"];
    const std::string from = pp["from"].get<std::string>(), to = pp["to"].get<std::string>();
    std::string dates = long_date(to);
    if (from != to) {
      const bool same_year = from.substr(0, 4) == to.substr(0, 4), same_month = same_year && from.substr(0, 7) == to.substr(0, 7);
      dates = same_month ? long_date(from, false, false) + "–" + long_date(to)
                         : long_date(from, !same_year, true) + " – " + long_date(to);
    }
    sentences.push_back("In the previous period (" + dates + ") the mission recorded " +
                        plural(n(p, "violations"), "ceasefire violation", "ceasefire violations") +
                        " and reports counted " + range_text(p["explosions"]) + " explosions; the change in violations is " +
                        signed_change(n(c, "violations"), n(p, "violations")) + ".");
  }
  if (n(c, "location_unknown") > 0)
    sentences.push_back(std::to_string(n(c, "location_unknown")) + " of the " +
                        plural(n(c, "reports"), "report", "reports") + " received could not be located.");
  std::string out;
  for (const auto& t : sentences) out += (out.empty() ? "" : " ") + t;
  return out;
}

json summary_of(const Digest& d) {
  const auto& a = d.a;
  const auto& s = d.s;
  const auto& o = d.o;
  json j;
  j["date"] = o.date;
  j["agreement"] = a.id;
  j["agreement_title"] = a.title;
  const int days = std::max(1, o.days);
  j["title"] = o.title.empty() ? a.title + (days == 1 ? " — daily monitoring report" : " — monitoring report") : o.title;
  j["data_note"] = o.data_note;
  j["timezone"] = detail::utc_offset_text(a.utc_offset_minutes);
  const int off = a.utc_offset_minutes;
  // The period: its local days, first and last, and its instants; the previous period has the
  // same length and ends where this one starts.
  j["period"] = {{"start", iso(o.day_start)},
                 {"end", iso(o.day_end)},
                 {"from", local_date(o.day_start, off)},
                 {"to", local_date(o.day_end - 1, off)},
                 {"days", days}};
  j["previous_period"] = {{"start", iso(o.day_start - d.length())},
                          {"end", iso(o.day_start)},
                          {"from", local_date(o.day_start - d.length(), off)},
                          {"to", local_date(o.day_start - 1, off)},
                          {"days", days}};
  const int window = std::max(o.window_days, 1);
  j["window"] = {{"start", iso(o.day_end - window * kDay)}, {"end", iso(o.day_end)}, {"days", window}};
  j["headline"] = {{"current", headline(d, o.day_start, o.day_end, d.day)},
                   {"previous", headline(d, o.day_start - d.length(), o.day_start, d.previous)}};

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
    if (!d.in_period(r.observed_unix)) return false;
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
    json e = {{"report", d.reader_label(v.report)},
              {"report_id", r.id},
              {"incident", inc ? inc->id : std::string()},
              {"number", inc && d.number.count(inc) ? json(d.number.at(inc)) : json(nullptr)},
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
      auto list = [&d](std::map<std::string, assess::Claim>& m) {
        std::vector<assess::Claim> v;
        for (auto& [k, c] : m) {
          std::sort(c.sources.begin(), c.sources.end());
          v.push_back(c);
        }
        return claims_json(d, v);
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
      if (!d.incident_of(m) && d.in_period(s.reports[m].observed_unix)) entry_for({m}, nullptr);
    const json& h = j["headline"]["current"];
    j["civilian_harm"] = {{"fatalities", h["civilian_fatalities"]}, {"injured", h["civilian_injured"]}, {"entries", entries}};
  }

  // Restrictions on the monitors' freedom of movement.
  {
    json rs = json::array();
    for (std::size_t m = 0; m < s.reports.size(); ++m) {
      const auto& r = s.reports[m];
      if (r.kind != "movement_restriction" || !d.in_period(r.observed_unix)) continue;
      const auto* inc = d.incident_of(m);
      json e = {{"report", d.reader_label(m)},
                {"report_id", r.id},
                {"incident", d.incident_id(m)},
                {"number", inc && d.number.count(inc) ? json(d.number.at(inc)) : json(nullptr)},
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
                {"attribution", claims_json(d, i->attribution)},
                {"fatalities", claims_json(d, i->fatalities)}};
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
      if (!d.in_period(r.observed_unix)) continue;
      unknown += r.has_location ? 0 : 1;
      const auto* inc = d.incident_of(m);
      json e = {{"report", d.reader_label(m)},
                {"report_id", r.id},
                {"incident", inc ? inc->id : std::string()},
                {"incident_began", inc && !d.number.count(inc) ? json(local_date(inc->first_unix, a.utc_offset_minutes)) : json(nullptr)},
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
      // Readers see the report's source id (or source and time), machines its store id.
      if (e.contains("latest") && e["latest"].is_object() && e["latest"].contains("report")) {
        const std::string label = e["latest"]["report"].get<std::string>();
        const auto it = d.report_of_label.find(label);
        e["latest"]["report"] = d.reader_label(label);
        e["latest"]["report_id"] = it == d.report_of_label.end() ? json(nullptr) : json(s.reports[it->second].id);
      }
      obs.push_back(std::move(e));
    }
    j["obligations"] = obs;
  }

  // Areas: the period's and the previous period's incidents by the area they are counted in
  // (a sector of the agreement's line zones, else the admin1 of the nearest gazetteer place).
  {
    struct Tally {
      int incidents = 0, violations = 0, corroborated = 0, indeterminate = 0;
      Range explosions, fatalities;
      json to_json() const {
        return {{"incidents", incidents},
                {"violations", violations},
                {"violations_corroborated", corroborated},
                {"indeterminate", indeterminate},
                {"explosions", explosions.to_json()},
                {"civilian_fatalities", fatalities.to_json()}};
      }
    };
    auto rank = [](const std::string& basis) { return basis == "sector" ? 0 : basis == "admin1" ? 1 : 2; };
    std::map<std::pair<int, std::string>, std::pair<Tally, Tally>> rows;
    std::map<std::pair<int, std::string>, std::string> basis_of;
    auto add = [&](const assess::Incident* i, bool current) {
      const Digest::Area ar = d.area_key(*i);
      const std::pair<int, std::string> key{rank(ar.basis), ar.name};
      basis_of[key] = ar.basis;
      Tally& t = current ? rows[key].first : rows[key].second;
      ++t.incidents;
      if (i->verdict == assess::Verdict::violation) {
        ++t.violations;
        t.corroborated += i->corroborated ? 1 : 0;
      } else if (i->verdict == assess::Verdict::indeterminate) {
        ++t.indeterminate;
      }
      t.explosions.add(explosion_claims(d, *i));
      t.fatalities.add(civilian_fatality_claims(d, *i));
    };
    for (const auto* i : d.day) add(i, true);
    for (const auto* i : d.previous) add(i, false);
    json area_rows = json::array();
    for (const auto& [key, t] : rows)
      area_rows.push_back({{"area", key.second},
                           {"basis", basis_of[key]},
                           {"current", t.first.to_json()},
                           {"previous", t.second.to_json()}});
    j["areas"] = {{"rows", area_rows}};
  }

  j["summary_paragraph"] = summary_paragraph(j);

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
