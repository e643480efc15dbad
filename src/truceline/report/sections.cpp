// Section builders shared by the renderers: from summary.json, each table of the daily report
// as rows of plain-text cells (times in local time, places with their area, claims with their
// sources), the method paragraphs and the attribution. HTML and Markdown render these tables;
// neither computes a figure of its own.
#include "truceline/report/detail/sections.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

#include "truceline/report/detail/format.hpp"
#include "truceline/time.hpp"

namespace truceline::report::detail {

using nlohmann::json;

// The geometry note: the agreement's own statement of what is approximate (lines and posts
// marked approximate), never a scenario named by the renderer.
std::string geometry_note(const agreement::Agreement& a) {
  std::vector<std::string> approx;
  for (const auto& l : a.lines)
    if (l.approximate || l.uncertainty_m > 0)
      approx.push_back("line " + l.id + (l.uncertainty_m > 0 ? " (±" + length_text(l.uncertainty_m) + ")" : ""));
  std::size_t posts = 0;
  for (const auto& p : a.posts) posts += p.approximate ? 1 : 0;
  if (posts) approx.push_back(fmt::format("{} of {} observation posts", posts, a.posts.size()));
  std::string out = "Geometry: as drawn in agreement " + a.id;
  if (approx.empty()) return out + ".";
  out += "; approximate: ";
  for (std::size_t k = 0; k < approx.size(); ++k) out += (k ? ", " : "") + approx[k];
  return out + " (see the agreement's sources).";
}

namespace {

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

}  // namespace

// "4 (previous day 2, +2)".
std::string delta(long long cur, long long prev) {
  const long long dd = cur - prev;
  return dd == 0 ? "±0" : (dd > 0 ? "+" : "−") + std::to_string(dd > 0 ? dd : -dd);
}

std::string range(const json& mm) {
  const auto lo = mm["min"].get<long long>(), hi = mm["max"].get<long long>();
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi);
}

namespace {

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

}  // namespace

Sections sections_of(const json& j, const agreement::Agreement& a) {
  const int off = a.utc_offset_minutes;
  Sections x;
  const json& cur = j["headline"]["current"];
  const json& prev = j["headline"]["previous"];
  const bool one_day = j["period"].value("days", 1) == 1;
  x.period_name = one_day ? "report day" : "report period";
  x.previous_name = one_day ? "previous day" : "previous period";
  x.period_dates = one_day ? str(j["period"].value("from", j["date"]))
                           : str(j["period"]["from"]) + " to " + str(j["period"]["to"]);
  x.window_days = j["window"].value("days", 30);
  x.summary = str(j.value("summary_paragraph", json("")));
  const std::string P = x.period_name;
  const std::string W = std::to_string(x.window_days) + " days";
  x.headline.head = {"", P, x.previous_name, "change"};
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
    // Explosions: counted apart from the incidents (docs/daily-report.md, "Explosions").
    const auto ce = cur["explosions"], pe = prev["explosions"];
    x.headline.rows.push_back({"Explosions (lowest–highest claim)", range(ce), range(pe),
                               delta(ce["max"].get<long long>(), pe["max"].get<long long>())});
    const auto cv = cur["explosions_in_violations"], pv = prev["explosions_in_violations"];
    x.headline.rows.push_back({"Explosions in violations (lowest–highest claim)", range(cv), range(pv),
                               delta(cv["max"].get<long long>(), pv["max"].get<long long>())});
  }
  num_row("Reports received", "reports");
  num_row("Reports with location unknown (not on the map)", "location_unknown");
  num_row("Sources", "sources");

  x.incidents.head = {"#", "reports", "time (local)", "kind", "area", "verdict", "obligations", "explosions",
                      "sources", "confidence", "contested"};
  for (const auto& i : j["incidents"]) {
    x.incidents.rows.push_back({str(i["number"]), join(i["reports"]), incident_time_text(i, off), str(i["kind"]),
                                str(i["area"]), str(i["verdict"]), join(i["obligations"]),
                                i["explosions"].is_object() ? range(i["explosions"]) : "",
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

  // By area, with the previous period and the change.
  x.areas.head = {"area", "area from", "incidents", "violations (incidents)", "corroborated (incidents)",
                  "indeterminate (incidents)", "explosions", "civilian fatalities", "violations, " + x.previous_name,
                  "change", "explosions, " + x.previous_name};
  for (const auto& r : j["areas"]["rows"]) {
    const json& c = r["current"];
    const json& p = r["previous"];
    const std::string basis = str(r["basis"]);
    x.areas.rows.push_back({str(r["area"]),
                            basis == "sector"   ? "sector of the agreement's line zone"
                            : basis == "admin1" ? "admin1 of the nearest gazetteer place"
                                                : "no location",
                            str(c["incidents"]), str(c["violations"]), str(c["violations_corroborated"]),
                            str(c["indeterminate"]), range(c["explosions"]), range(c["civilian_fatalities"]),
                            str(p["violations"]),
                            delta(c["violations"].get<long long>(), p["violations"].get<long long>()),
                            range(p["explosions"])});
  }

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
  x.contested.head = {"#", "time (local)", "kind", "attribution claims (sources)", "fatality claims (sources)"};
  for (const auto& c : j["contested"])
    x.contested.rows.push_back({str(c["number"]), incident_time_text(c, off), str(c["kind"]),
                                claims_text(c["attribution"]), claims_text(c["fatalities"])});
  x.locations.head = {"time (local)", "report", "kind", "source", "location used", "how it was obtained", "area",
                      "incident"};
  for (const auto& e : j["report_locations"]["entries"]) {
    const auto [where, how] = location_text(e["effective_location"]);
    x.locations.rows.push_back({report_time_text(e, off), str(e["report"]), str(e["kind"]), str(e["source"]), where,
                                how, str(e["area"]),
                                !e["number"].is_null()         ? "#" + str(e["number"])
                                : !e["incident_began"].is_null() ? "began " + str(e["incident_began"]) + " (before the " +
                                                                     P.substr(P.find(' ') + 1) + ")"
                                                                 : ""});
    x.locations.row_class.push_back(e["effective_location"]["lon"].is_number() ? "" : "unknown");
  }
  {
    const int n = j["report_locations"]["location_unknown"].get<int>();
    const std::string of = one_day ? "of the day" : "of the period";
    x.locations_note = n == 0 ? "Every report " + of + " has a location."
                              : fmt::format("{} report{} {} with location unknown: not drawn on the map, not "
                                            "measured against any zone (their verdicts are indeterminate).",
                                            n, n == 1 ? "" : "s", of);
  }
  x.obligations.head = {"obligation", "kind", "zone", "in force", "deadline (local)",
                        "violations, corroborated (incidents, " + W + ")", "single source (incidents, " + W + ")",
                        "contested (incidents, " + W + ")", "indeterminate (incidents, " + W + ")",
                        "violations " + P + " / previous (incidents)", "trend", "latest evidence"};
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
  // What the renderers print instead of an empty table.
  const std::string on = (one_day ? " on the " : " in the ") + P + ".";
  x.incidents.empty_text = "No incidents" + on;
  x.by_kind.empty_text = "No violations or indeterminate incidents" + on;
  x.by_zone.empty_text = "No violations or indeterminate incidents" + on;
  x.areas.empty_text = "No incidents in the " + P + " or the " + x.previous_name + ".";
  x.weapons.empty_text = "No weapons reported inside a withdrawal zone" + on;
  x.groups.empty_text = "No group presence reported inside a withdrawal zone" + on;
  x.harm.empty_text = "No casualties reported" + on;
  x.restrictions.empty_text = "No restrictions of movement reported" + on;
  x.contested.empty_text = "No contested attribution or counts" + on;
  x.locations.empty_text = "No reports" + on;
  x.obligations.empty_text = "No obligations.";
  if (j.contains("communication")) communication_sections(j["communication"], off, x);
  x.method = method_text(j["method"]);
  if (!one_day)
    for (auto& m : x.method) {
      auto swap = [&](const std::string& from, const std::string& to) {
        if (const auto k = m.find(from); k != std::string::npos) m.replace(k, from.size(), to);
      };
      swap("Counts compare the report day with the previous day",
           "Counts compare the report period (" + std::to_string(j["period"]["days"].get<int>()) +
               " days) with the previous period of the same length");
      swap("sectors with no observation in the day", "sectors with no observation in the period");
    }
  x.attribution = {"Place names: GeoNames (CC BY 4.0).", geometry_note(a),
                   "Map: display projection (equirectangular), not for measurement; the scale bar is computed "
                   "geodesically."};
  if (!j["data_note"].get<std::string>().empty()) x.attribution.push_back("Data: " + str(j["data_note"]));
  return x;
}

}  // namespace truceline::report::detail
