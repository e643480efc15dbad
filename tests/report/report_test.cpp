// The daily report (docs/daily-report.md): a small hand-made assessment over the Idlib
// scenario, its summary numbers, the HTML/Markdown/SVG/GeoJSON files, determinism, errors, and
// a headless Chromium screenshot of report.html checked pixel by pixel.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <png.h>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/error.hpp"
#include "truceline/report/report.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/store.hpp"

namespace truceline::report {
namespace {

namespace fs = std::filesystem;
using assess::Verdict;

const agreement::Agreement& idlib() {
  static const agreement::Agreement a =
      agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  return a;
}

int64_t local(const char* text) {
  return static_cast<int64_t>(agreement::parse_instant(text, 180)->time_since_epoch().count());
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t i = hay.find(needle); i != std::string::npos; i = hay.find(needle, i + needle.size())) ++n;
  return n;
}

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::path(::testing::TempDir()) / ("truceline-report-test-" + name);
  fs::remove_all(d);
  return d;
}

assess::ReportView report(const std::string& label, const char* when, double lon, double lat, const std::string& kind,
                          const std::string& source, const std::string& source_type) {
  assess::ReportView r;
  r.id = "r" + label;
  r.label = label;
  r.observed_unix = local(when);
  r.time_precision = "minute";
  r.has_location = true;
  r.lon_deg = lon;
  r.lat_deg = lat;
  r.precision_m = 500;
  r.kind = kind;
  r.source_name = source;
  r.source_type = source_type;
  return r;
}

assess::VerdictRecord verdict(std::size_t report, const std::string& obligation, Verdict v, const std::string& zone,
                              double margin_m) {
  assess::VerdictRecord x;
  x.report = report;
  x.obligation = obligation;
  x.verdict = v;
  x.where.status = margin_m > 500 ? assess::WhereStatus::inside : assess::WhereStatus::indeterminate;
  x.where.zone = zone;
  x.where.measured = true;
  x.where.margin_m = margin_m;
  x.where.precision_m = 500;
  x.where.depth_m = 15000;
  return x;
}

assess::Incident incident(const std::string& id, std::vector<std::size_t> reports, const assess::Assessment& s,
                          Verdict v, std::vector<std::string> obligations) {
  assess::Incident i;
  i.id = id;
  i.reports = reports;
  const auto& r0 = s.reports.at(reports.front());
  i.kind = r0.kind;
  i.kinds = {r0.kind};
  i.first_unix = r0.observed_unix;
  i.last_unix = s.reports.at(reports.back()).observed_unix;
  i.anchor = reports.front();
  i.has_location = r0.has_location;
  i.lon_deg = r0.lon_deg;
  i.lat_deg = r0.lat_deg;
  i.precision_m = r0.precision_m;
  i.date_only = r0.date_only;
  if (!r0.date_only) i.timed_first_unix = i.timed_last_unix = r0.observed_unix;
  std::set<std::string> sources;
  for (auto m : reports) sources.insert(s.reports.at(m).source_name);
  i.sources.assign(sources.begin(), sources.end());
  i.independent_sources = static_cast<int>(sources.size());
  i.corroborated = sources.size() >= 2;
  i.confidence = sources.size() >= 2 ? 0.85 : 0.45;
  i.confidence_label = sources.size() >= 2 ? "high" : "low";
  i.verdict = v;
  i.obligations = std::move(obligations);
  return i;
}

// The report day is 2018-10-12 (local, +03:00): after the heavy-weapons deadline (10 October),
// within the extension for radical groups (15 November).
struct Fixture {
  assess::Assessment s;
  DailyOptions o;
};

Fixture make() {
  Fixture f;
  auto& s = f.s;
  f.o.date = "2018-10-12";
  f.o.day_start = local("2018-10-12");
  f.o.day_end = f.o.day_start + 86400;
  f.o.data_note = "Reports in this test are synthetic.";
  s.options.at = agreement::Instant(std::chrono::seconds(f.o.day_end - 1));
  s.options.since = agreement::Instant(std::chrono::seconds(f.o.day_start - 29 * 86400));

  // 0: the previous day, shelling, one source.
  s.reports.push_back(report("SOHR-0", "2018-10-11T10:00", 36.70, 35.50, "shelling", "SOHR", "ngo"));
  // 1, 2: one shelling with civilian casualties, two sources disagreeing on the toll.
  s.reports.push_back(report("MON-1", "2018-10-12T08:00", 36.64, 35.44, "shelling", "Monitor A", "monitor"));
  s.reports[1].target = "civilians in the market";
  s.reports[1].fatalities = 3;
  s.reports[1].injured = 7;
  s.reports[1].actor = "SAA";
  s.reports.push_back(report("LC-2", "2018-10-12T08:30", 36.645, 35.445, "civilian_harm", "Local Council", "local"));
  s.reports[2].fatalities = 5;
  s.reports[2].actor = "Jaysh al-Izza";
  // 3: a tank inside the DMZ after the deadline.
  s.reports.push_back(report("MON-3", "2018-10-12T11:00", 36.60, 35.37, "weapon_sighting", "Monitor A", "monitor"));
  s.reports[3].weapon_class = "T-72";
  s.reports[3].weapon_count = 2;
  s.reports[3].place = "Kafr Zita";
  // 4: HTS presence near the edge of the zone: indeterminate, contested designations.
  s.reports.push_back(report("OB-4", "2018-10-12T14:00", 36.45, 35.62, "group_presence", "Observer B", "media"));
  s.reports[4].actor = "Tahrir al-Sham";
  s.reports[4].precision_m = 3000;
  // 5: monitors stopped; the summary carries markup that must be escaped.
  s.reports.push_back(
      report("MON-5", "2018-10-12T16:00", 36.70, 35.38, "movement_restriction", "Monitor A", "monitor"));
  s.reports[5].actor = "HTS";
  s.reports[5].target = "monitor patrol";
  s.reports[5].summary = "<script>alert('x')</script> Patrol stopped & turned back";
  s.reports[5].place = "Morek";
  // 6: a patrol in the north, compliant.
  s.reports.push_back(report("PL-6", "2018-10-12T18:00", 36.90, 36.20, "patrol", "Patrol log", "monitor"));

  s.verdicts.push_back(verdict(0, "sochi-2018/9", Verdict::violation, "idlib-dea", 20000));
  s.verdicts.push_back(verdict(1, "sochi-2018/9", Verdict::violation, "idlib-dea", 30000));
  s.verdicts.push_back(verdict(2, "sochi-2018/9", Verdict::violation, "idlib-dea", 30000));
  {
    auto v = verdict(3, "sochi-2018/6", Verdict::violation, "dmz", 4200);
    v.what.text = "T-72";
    v.what.weapon_class = "tank";
    v.what.matched = true;
    v.when.status = assess::TimeStatus::after_deadline;
    s.verdicts.push_back(v);
  }
  {
    auto v = verdict(4, "sochi-2018/5", Verdict::indeterminate, "dmz", -800);
    v.where.precision_m = 3000;
    v.who.text = "Tahrir al-Sham";
    v.who.id = "hts";
    v.who.is_group = true;
    v.who.designations = {{"russia", "terrorist"}, {"turkey", "terrorist"}, {"united-states", "terrorist"}};
    v.who.contested = true;
    v.who.contested_by = {"russia", "turkey"};
    v.when.status = assess::TimeStatus::within_extension;
    v.reasons.push_back({"where-indeterminate", "the report's disc straddles the zone boundary"});
    s.verdicts.push_back(v);
  }
  s.verdicts.push_back(verdict(6, "sochi-2018/7", Verdict::compliant, "dmz", 9000));

  s.incidents.push_back(incident("i000000000000", {0}, s, Verdict::violation, {"sochi-2018/9"}));
  s.incidents.push_back(incident("i111111111111", {1, 2}, s, Verdict::violation, {"sochi-2018/9"}));
  s.incidents.back().attribution = {{"jaysh-al-izza", {"Local Council"}, {"LC-2"}}, {"syria", {"Monitor A"}, {"MON-1"}}};
  s.incidents.back().fatalities = {{"3", {"Monitor A"}, {"MON-1"}}, {"5", {"Local Council"}, {"LC-2"}}};
  s.incidents.back().contested = true;
  s.incidents.push_back(incident("i222222222222", {3}, s, Verdict::violation, {"sochi-2018/6"}));
  s.incidents.push_back(incident("i333333333333", {4}, s, Verdict::indeterminate, {"sochi-2018/5"}));
  s.incidents.push_back(incident("i555555555555", {5}, s, Verdict::not_applicable, {}));
  s.incidents.push_back(incident("i666666666666", {6}, s, Verdict::compliant, {}));

  for (const auto& ob : idlib().obligations) {
    assess::ObligationStatus st;
    st.id = ob.id;
    st.kind = ob.kind;
    st.text = ob.text;
    st.zone = ob.zone;
    st.in_force = ob.valid.contains(s.options.at);
    st.deadline = agreement::deadline_at(ob, s.options.at);
    st.trend = "flat";
    if (ob.id == "sochi-2018/6") {
      st.violations = st.violations_single_source = st.period_violations = 1;
      st.trend = "up";
      st.latest_report = "MON-3";
      st.latest_unix = s.reports[3].observed_unix;
    }
    if (ob.id == "sochi-2018/9") {
      st.violations = 3;
      st.violations_corroborated = 2;
      st.violations_single_source = 1;
      st.period_violations = st.previous_period_violations = 1;
      st.latest_report = "LC-2";
      st.latest_unix = s.reports[2].observed_unix;
    }
    s.obligations.push_back(st);
  }
  const std::vector<std::string> status = {"clear", "violations", "unobserved", "unobserved"};
  for (std::size_t k = 0; k < status.size(); ++k) {
    assess::Sector sec;
    sec.id = "dmz/0/" + std::to_string(k);
    sec.zone = "dmz";
    sec.line = "contact-2018-09";
    sec.from_km = 10.0 * static_cast<double>(k);
    sec.to_km = sec.from_km + 10;
    sec.status = status[k];
    sec.observations = status[k] == "unobserved" ? 0 : 2;
    sec.violations = status[k] == "violations" ? 1 : 0;
    s.sectors.push_back(sec);
  }
  return f;
}

TEST(DailyReport, SummaryNumbersAreTheHandComputedOnes) {
  const Fixture f = make();
  const auto j = daily_summary(idlib(), f.s, f.o);
  EXPECT_EQ(j["date"], "2018-10-12");
  EXPECT_EQ(j["agreement"], "sochi-2018");
  EXPECT_EQ(j["period"]["start"], "2018-10-11T21:00:00Z");
  EXPECT_EQ(j["period"]["end"], "2018-10-12T21:00:00Z");
  const auto& c = j["headline"]["current"];
  EXPECT_EQ(c["incidents"], 5);
  EXPECT_EQ(c["violations"], 2);
  EXPECT_EQ(c["violations_corroborated"], 1);
  EXPECT_EQ(c["violations_single_source"], 1);
  EXPECT_EQ(c["indeterminate"], 1);
  EXPECT_EQ(c["compliant"], 1);
  EXPECT_EQ(c["contested"], 1);
  EXPECT_EQ(c["civilian_fatalities"]["min"], 3);
  EXPECT_EQ(c["civilian_fatalities"]["max"], 5);
  EXPECT_EQ(c["civilian_injured"]["min"], 7);
  EXPECT_EQ(c["civilian_injured"]["max"], 7);
  EXPECT_EQ(c["reports"], 6);
  EXPECT_EQ(c["sources"], 4);  // Monitor A, Local Council, Observer B, Patrol log
  const auto& p = j["headline"]["previous"];
  EXPECT_EQ(p["incidents"], 1);
  EXPECT_EQ(p["violations"], 1);
  EXPECT_EQ(p["violations_single_source"], 1);
  EXPECT_EQ(p["reports"], 1);
  EXPECT_EQ(p["sources"], 1);

  EXPECT_EQ(j["violations_by_kind"]["shelling"]["corroborated"], 1);
  EXPECT_EQ(j["violations_by_kind"]["weapon_sighting"]["single_source"], 1);
  EXPECT_EQ(j["violations_by_kind"]["group_presence"]["indeterminate"], 1);
  EXPECT_EQ(j["violations_by_kind"].size(), 3u);
  EXPECT_EQ(j["violations_by_zone"]["idlib-dea"]["violations"], 1);
  EXPECT_EQ(j["violations_by_zone"]["dmz"]["violations"], 1);
  EXPECT_EQ(j["violations_by_zone"]["dmz"]["indeterminate"], 1);

  ASSERT_EQ(j["weapons_in_zone"].size(), 1u);
  const auto& w = j["weapons_in_zone"][0];
  EXPECT_EQ(w["weapon"], "T-72");
  EXPECT_EQ(w["weapon_class"], "tank");
  EXPECT_EQ(w["count"], 2);
  EXPECT_EQ(w["place"], "Kafr Zita");
  EXPECT_EQ(w["margin_m"], 4200);
  EXPECT_EQ(w["obligation"], "sochi-2018/6");

  ASSERT_EQ(j["group_presence"].size(), 1u);
  const auto& g = j["group_presence"][0];
  EXPECT_EQ(g["group"], "hts");
  EXPECT_EQ(g["group_name"], "Hayat Tahrir al-Sham");
  EXPECT_EQ(g["verdict"], "indeterminate");
  EXPECT_TRUE(g["contested"].get<bool>());
  EXPECT_EQ(g["contested_by"], (std::vector<std::string>{"russia", "turkey"}));
  EXPECT_EQ(g["designations"]["turkey"], "terrorist");

  ASSERT_EQ(j["civilian_harm"]["entries"].size(), 1u);
  const auto& h = j["civilian_harm"]["entries"][0];
  EXPECT_TRUE(h["differing"].get<bool>());
  ASSERT_EQ(h["fatalities"].size(), 2u);
  EXPECT_EQ(h["fatalities"][0]["value"], "3");
  EXPECT_EQ(h["fatalities"][1]["sources"][0], "Local Council");

  ASSERT_EQ(j["restrictions"].size(), 1u);
  EXPECT_EQ(j["restrictions"][0]["place"], "Morek");
  EXPECT_EQ(j["coverage"]["sectors"], 4);
  EXPECT_EQ(j["coverage"]["clear"], 1);
  EXPECT_EQ(j["coverage"]["violations"], 1);
  EXPECT_EQ(j["coverage"]["unobserved"], 2);
  ASSERT_EQ(j["contested"].size(), 1u);
  EXPECT_EQ(j["contested"][0]["incident"], "i111111111111");
  EXPECT_EQ(j["contested"][0]["attribution"].size(), 2u);
  EXPECT_EQ(j["obligations"].size(), idlib().obligations.size());
  for (const auto& ob : j["obligations"])
    if (ob["id"] == "sochi-2018/5") {
      EXPECT_TRUE(ob["deadline"]["extended"].get<bool>());
      EXPECT_EQ(ob["deadline"]["original"], "2018-10-15T20:59:59Z");
    }
  ASSERT_EQ(j["incidents"].size(), 5u);
  EXPECT_EQ(j["incidents"][0]["number"], 1);
  EXPECT_NE(j["incidents"][0]["area"].get<std::string>().find("km"), std::string::npos);
}

TEST(DailyReport, HtmlHasEverySectionAndEscapesText) {
  const Fixture f = make();
  const fs::path dir = fresh_dir("html");
  write_daily_report(idlib(), f.s, f.o, dir.string());
  const std::string html = read(dir / "report.html");
  for (const char* h : {"Headline numbers", "Map", "Incidents of the day", "Violations by kind and area",
                        "Weapons sighted inside withdrawal zones", "Group presence inside withdrawal zones",
                        "Civilian harm", "Restrictions on monitors", "Observation coverage", "Contested claims",
                        "Report locations", "Obligation status", "30-day trend", "Method and caveats", "Attribution"})
    EXPECT_NE(html.find(std::string(">") + h + "</h2>"), std::string::npos) << h;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Patrol stopped &amp; turned back"),
            std::string::npos);
  EXPECT_NE(html.find("Reports in this test are synthetic."), std::string::npos);
  EXPECT_NE(html.find("Place names: GeoNames (CC BY 4.0)"), std::string::npos);
  EXPECT_NE(html.find("Geometry: as drawn in agreement sochi-2018; approximate: line contact-2018-09 (±5 km)"),
            std::string::npos);
  EXPECT_NE(html.find("contested by russia, turkey"), std::string::npos);
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\""), std::string::npos);
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""), std::string::npos);
  // Self-contained: no external resources.
  EXPECT_EQ(html.find("http://w"), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);

  const std::string md = read(dir / "report.md");
  EXPECT_NE(md.find("## Weapons sighted inside withdrawal zones"), std::string::npos);
  EXPECT_NE(md.find("](map.svg)"), std::string::npos);
  EXPECT_NE(md.find("](chart.svg)"), std::string::npos);
  EXPECT_EQ(md.find("<script"), std::string::npos);
}

TEST(DailyReport, MapHasIncidentsScaleBarAndNorthArrow) {
  const Fixture f = make();
  const std::string svg = map_svg(idlib(), f.s, f.o);
  // Only violations and indeterminate incidents are drawn (issue 13); the legend says so.
  EXPECT_EQ(count(svg, "<g class=\"incident\""), 3u);
  EXPECT_NE(svg.find("2 compliant or not"), std::string::npos);
  const std::regex dot(R"re(<g class="incident" data-incident="(i\d+)" data-verdict="(\w+)">.*?<circle class="dot"[^>]*fill="(#[0-9a-f]{6})")re");
  std::map<std::string, std::string> colour;
  for (std::sregex_iterator it(svg.begin(), svg.end(), dot), end; it != end; ++it) colour[(*it)[1]] = (*it)[3];
  EXPECT_EQ(colour["i111111111111"], "#d62728");
  EXPECT_EQ(colour["i222222222222"], "#d62728");
  EXPECT_EQ(colour["i333333333333"], "#f0a202");
  EXPECT_EQ(colour.count("i555555555555"), 0u);  // not applicable: in the table, not on the map
  EXPECT_EQ(colour.count("i666666666666"), 0u);  // compliant: likewise
  EXPECT_EQ(colour.count("i000000000000"), 0u);  // the previous day's incident is not drawn
  EXPECT_NE(svg.find("class=\"scale-bar\""), std::string::npos);
  EXPECT_TRUE(std::regex_search(svg, std::regex(R"(>(10|20|25|50) km</text>)")));
  EXPECT_NE(svg.find("class=\"north-arrow\""), std::string::npos);
  EXPECT_NE(svg.find(">N</text>"), std::string::npos);
  EXPECT_NE(svg.find("data-zone=\"idlib-dea\""), std::string::npos);
  EXPECT_NE(svg.find("data-zone=\"dmz\""), std::string::npos);
  EXPECT_EQ(svg.find("data-zone=\"m4-corridor\""), std::string::npos);  // not in force in 2018
  EXPECT_NE(svg.find("data-line=\"contact-2018-09\""), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"post\""), 12u);
  EXPECT_NE(svg.find("not for measurement"), std::string::npos);
  EXPECT_NE(svg.find("GeoNames (CC BY 4.0)"), std::string::npos);
  // One decimal everywhere in the drawing's coordinates.
  EXPECT_FALSE(std::regex_search(svg, std::regex(R"(cx="-?\d+\.\d\d)")));

  const std::string chart = chart_svg(f.s, f.o);
  EXPECT_EQ(count(chart, "class=\"report-day\""), 1u);
  EXPECT_EQ(count(chart, "class=\"bar\""), 4u);  // previous day: violation; report day: violation, indeterminate, other
  EXPECT_NE(chart.find(">report day</text>"), std::string::npos);
  EXPECT_NE(chart.find("2018-09"), std::string::npos);
}

// Issue 13: explosions are a count apart from the incidents, per incident the lowest and highest
// claim (never averaged), summed in the headline and per area; areas are the agreement's
// sectors or the admin1 of the nearest gazetteer place.
TEST(DailyReport, ExplosionsAreLowestHighestClaimsSummedPerIncidentAndArea) {
  Fixture f = make();
  f.s.reports[1].explosions = 12;
  f.s.reports[2].explosions = 20;  // same incident (i111…): 12–20, not 16 and not 32
  f.s.reports[3].explosions = 5;
  f.s.reports[0].explosions = 3;   // the previous day
  f.o.towns = {{"Kafr Nabl", 36.56, 35.61, 30000, "Idlib", "SY"}, {"Morek", 36.68, 35.37, 15000, "Hama", "SY"}};
  const auto j = daily_summary(idlib(), f.s, f.o);
  const auto& c = j["headline"]["current"];
  EXPECT_EQ(c["explosions"]["min"], 17);
  EXPECT_EQ(c["explosions"]["max"], 25);
  EXPECT_EQ(c["explosions_in_violations"]["max"], 25);
  EXPECT_EQ(c["incidents_with_explosions"], 2);
  EXPECT_EQ(j["headline"]["previous"]["explosions"]["max"], 3);
  EXPECT_EQ(j["incidents"][0]["explosions"]["min"], 12);
  EXPECT_EQ(j["incidents"][0]["explosions"]["max"], 20);
  // Every incident of the day and of the previous day is in exactly one area row.
  long long cur = 0, prev = 0, ex_max = 0;
  for (const auto& r : j["areas"]["rows"]) {
    cur += r["current"]["incidents"].get<long long>();
    prev += r["previous"]["incidents"].get<long long>();
    ex_max += r["current"]["explosions"]["max"].get<long long>();
    EXPECT_TRUE(r["basis"] == "sector" || r["basis"] == "admin1" || r["basis"] == "unknown") << r.dump();
  }
  EXPECT_EQ(cur, 5);
  EXPECT_EQ(prev, 1);
  EXPECT_EQ(ex_max, 25);
  const std::string md = daily_report_files(idlib(), f.s, f.o).at("report.md");
  EXPECT_NE(md.find("| Explosions (lowest–highest claim) | 17–25 | 3 | +22 |"), std::string::npos);
  EXPECT_NE(md.find("### By area, against the previous day"), std::string::npos);
  EXPECT_NE(md.find("admin1 of the nearest gazetteer place"), std::string::npos);
}

// Issue 13: a report over several days compares with the previous period of the same length.
TEST(DailyReport, SeveralDaysCompareWithThePreviousPeriodOfTheSameLength) {
  Fixture f = make();
  f.o.date = "2018-10-11";
  f.o.date_to = "2018-10-12";
  f.o.days = 2;
  f.o.day_start = local("2018-10-11");
  f.o.day_end = f.o.day_start + 2 * 86400;
  // A report three days before the end: in the previous period (9–10 October), not this one.
  f.s.reports.push_back(report("OLD-7", "2018-10-10T09:00", 36.70, 35.50, "shelling", "SOHR", "ngo"));
  f.s.incidents.insert(f.s.incidents.begin(), incident("i777777777777", {7}, f.s, Verdict::violation, {"sochi-2018/9"}));
  const auto j = daily_summary(idlib(), f.s, f.o);
  EXPECT_EQ(j["period"]["from"], "2018-10-11");
  EXPECT_EQ(j["period"]["to"], "2018-10-12");
  EXPECT_EQ(j["period"]["days"], 2);
  EXPECT_EQ(j["previous_period"]["from"], "2018-10-09");
  EXPECT_EQ(j["previous_period"]["to"], "2018-10-10");
  EXPECT_EQ(j["headline"]["current"]["incidents"], 6);  // the day before joined the period
  EXPECT_EQ(j["headline"]["previous"]["incidents"], 1);
  EXPECT_EQ(j["title"], "Memorandum on Stabilization of the Situation in the Idlib De-escalation Area — monitoring report");
  const std::string para = j["summary_paragraph"];
  EXPECT_EQ(para.rfind("Between 11 and 12 October 2018 the mission recorded 3 ceasefire violations", 0), 0u) << para;
  EXPECT_NE(para.find("In the previous period (9–10 October 2018) the mission recorded 1 ceasefire violation"),
            std::string::npos)
      << para;
  const auto files = daily_report_files(idlib(), f.s, f.o);
  EXPECT_NE(files.at("report.md").find("|  | report period | previous period | change |"), std::string::npos);
  EXPECT_NE(files.at("report.html").find("2018-10-11 to 2018-10-12"), std::string::npos);
  EXPECT_NE(files.at("chart.svg").find(">report period</text>"), std::string::npos);
}

// Issue 13: the summary paragraph is filled from the figures: change a figure, the text changes.
TEST(DailyReport, SummaryParagraphIsFilledFromTheFigures) {
  Fixture f = make();
  const std::string before = daily_summary(idlib(), f.s, f.o)["summary_paragraph"];
  EXPECT_NE(before.find("On 12 October 2018 the mission recorded 2 ceasefire violations (1 corroborated, 1 from a "
                        "single source) and 1 indeterminate incident, among 5 incidents in all."),
            std::string::npos)
      << before;
  EXPECT_NE(before.find("No report counted explosions."), std::string::npos);
  EXPECT_NE(before.find("Reports about civilians gave 3–5 killed and 7 injured"), std::string::npos) << before;
  f.s.reports[3].explosions = 4;
  const std::string after = daily_summary(idlib(), f.s, f.o)["summary_paragraph"];
  EXPECT_NE(after.find("Reports counted 4 explosions in 1 incident (4 in violations;"), std::string::npos) << after;
  const auto files = daily_report_files(idlib(), f.s, f.o);
  EXPECT_NE(files.at("report.html").find("<p class=\"summary\">On 12 October 2018"), std::string::npos);
  EXPECT_NE(files.at("report.md").find("## Summary\n\nOn 12 October 2018"), std::string::npos);
  EXPECT_EQ(before.find("no report was received"), std::string::npos) << before;
}

// A day without any report: the paragraph says nothing is known before it gives its zeros
// (found by the QA pass: "/report/2030-01-01" read "the mission recorded 0 ceasefire violations").
TEST(DailyReport, ADayWithoutReportsSaysNothingIsKnown) {
  Fixture f = make();
  f.o.date = "2018-10-20";
  f.o.day_start = local("2018-10-20");
  f.o.day_end = f.o.day_start + 86400;
  const std::string text = daily_summary(idlib(), f.s, f.o)["summary_paragraph"];
  EXPECT_EQ(text.rfind("On 20 October 2018 no report was received: a count of 0 below means nothing is known, "
                       "not that nothing happened. On 20 October 2018 the mission recorded 0 ceasefire violations",
                       0),
            0u)
      << text;
}

// Issue 13: readers see source ids (or the source and time), never the store's content hashes or
// incident hashes; summary.json keeps the machine ids in their own fields.
TEST(DailyReport, ReadersSeeSourceIdsNeverHashes) {
  Fixture f = make();
  f.s.reports[3].id = "r0123456789abcdef0123";
  f.s.reports[3].label = f.s.reports[3].id;  // no source id: the assessment labels it by its hash
  const auto files = daily_report_files(idlib(), f.s, f.o);
  for (const char* name : {"report.html", "report.md"}) {
    const std::string& t = files.at(name);
    EXPECT_EQ(t.find("r0123456789abcdef0123"), std::string::npos) << name;
    EXPECT_EQ(count(t, "i111111111111"), count(t, "data-incident=\"i111111111111\""))
        << name << ": no incident hash outside the map's machine attributes";
    EXPECT_NE(t.find("Monitor A 2018-10-12 11:00"), std::string::npos) << name;
  }
  // In report.html the incident hash appears only as the map's data-incident attribute.
  const std::string& html = files.at("report.html");
  EXPECT_EQ(count(html, "i222222222222"), count(html, "data-incident=\"i222222222222\""));
  const auto j = nlohmann::json::parse(files.at("summary.json"));
  EXPECT_EQ(j["weapons_in_zone"][0]["report"], "Monitor A 2018-10-12 11:00");
  EXPECT_EQ(j["weapons_in_zone"][0]["report_id"], "r0123456789abcdef0123");
  EXPECT_EQ(j["weapons_in_zone"][0]["incident"], "i222222222222");
  EXPECT_EQ(j["weapons_in_zone"][0]["number"], 2);
}

// Issue 13: beyond a few dozen incidents the map groups nearby ones into counted circles, and
// every incident is in one (none dropped).
TEST(DailyReport, MapClustersBeyondAFewDozenAndDropsNone) {
  Fixture f = make();
  for (int k = 0; k < 60; ++k) {
    f.s.reports.push_back(report("CL-" + std::to_string(k), "2018-10-12T12:00", 36.60 + 0.001 * (k % 10),
                                 35.40 + 0.001 * (k / 10), "shelling", "Monitor A", "monitor"));
    f.s.incidents.push_back(incident(fmt::format("ic{:011d}", k), {f.s.reports.size() - 1}, f.s, Verdict::violation,
                                     {"sochi-2018/9"}));
  }
  const std::string svg = map_svg(idlib(), f.s, f.o);
  const std::regex group(R"re(<g class="cluster" data-count="(\d+)")re");
  std::size_t clustered = 0, clusters = 0;
  for (std::sregex_iterator it(svg.begin(), svg.end(), group), end; it != end; ++it, ++clusters)
    clustered += std::stoul((*it)[1]);
  EXPECT_GE(clusters, 1u);
  EXPECT_EQ(clustered + count(svg, "<g class=\"incident\""), 63u);  // 60 + 2 violations + 1 indeterminate
  EXPECT_NE(svg.find("circle with a count:"), std::string::npos);
  // A few incidents are never grouped.
  EXPECT_EQ(count(map_svg(idlib(), make().s, make().o), "class=\"cluster\""), 0u);
}

// Issue 13: printable on A4, nothing fetched.
TEST(DailyReport, HtmlPrintsOnA4AndFetchesNothing) {
  const Fixture f = make();
  const std::string html = daily_report_files(idlib(), f.s, f.o).at("report.html");
  EXPECT_NE(html.find("@page{size:A4;"), std::string::npos);
  EXPECT_NE(html.find("tr,td,th{break-inside:avoid"), std::string::npos);
  EXPECT_NE(html.find("figure,svg,"), std::string::npos);
  EXPECT_NE(html.find("h2,h3,.keep{break-after:avoid"), std::string::npos);
  EXPECT_NE(html.find("thead{display:table-header-group}"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
}

TEST(DailyReport, TwoRunsGiveIdenticalBytes) {
  const Fixture f = make();
  const fs::path d1 = fresh_dir("det1"), d2 = fresh_dir("det2");
  write_daily_report(idlib(), f.s, f.o, d1.string());
  const Fixture g = make();
  write_daily_report(idlib(), g.s, g.o, d2.string());
  for (const char* name :
       {"report.html", "report.md", "map.svg", "chart.svg", "incidents.geojson", "summary.json"}) {
    const std::string a = read(d1 / name), b = read(d2 / name);
    EXPECT_FALSE(a.empty()) << name;
    EXPECT_TRUE(a == b) << name << " differs between two runs";
  }
  // No temporary files left behind.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(d1)) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 6u);
}

TEST(DailyReport, IncidentsGeoJson) {
  const Fixture f = make();
  const fs::path dir = fresh_dir("geojson");
  write_daily_report(idlib(), f.s, f.o, (dir / "nested" / "out").string());  // created if missing
  const auto j = nlohmann::json::parse(read(dir / "nested" / "out" / "incidents.geojson"));
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 5u);
  const auto& f1 = j["features"][0];
  EXPECT_EQ(f1["geometry"]["type"], "Point");
  EXPECT_EQ(f1["geometry"]["coordinates"][0], 36.64);
  EXPECT_EQ(f1["properties"]["id"], "i111111111111");
  EXPECT_EQ(f1["properties"]["verdict"], "violation");
  EXPECT_EQ(f1["properties"]["first_time"], "2018-10-12T05:00:00Z");
  EXPECT_EQ(f1["properties"]["reports"], (std::vector<std::string>{"MON-1", "LC-2"}));
  EXPECT_EQ(f1["properties"]["fatalities"].size(), 2u);
  EXPECT_TRUE(f1["properties"]["contested"].get<bool>());
  EXPECT_EQ(f1["properties"]["confidence_label"], "high");
  const auto s = nlohmann::json::parse(read(dir / "nested" / "out" / "summary.json"));
  EXPECT_EQ(s, daily_summary(idlib(), f.s, f.o));
}

TEST(DailyReport, EmptyDayStillWritesEverything) {
  Fixture f = make();
  f.o.date = "2018-10-20";
  f.o.day_start = local("2018-10-20");
  f.o.day_end = f.o.day_start + 86400;
  const fs::path dir = fresh_dir("empty");
  write_daily_report(idlib(), f.s, f.o, dir.string());
  const auto j = nlohmann::json::parse(read(dir / "summary.json"));
  EXPECT_EQ(j["headline"]["current"]["incidents"], 0);
  EXPECT_NE(read(dir / "report.html").find("No incidents on the report day."), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(read(dir / "incidents.geojson"))["features"].size(), 0u);
}

TEST(DailyReport, DirectoryThatIsAFileIsAnInputError) {
  const Fixture f = make();
  const fs::path dir = fresh_dir("file");
  fs::create_directories(dir);
  const fs::path file = dir / "not-a-dir";
  std::ofstream(file) << "x";
  try {
    write_daily_report(idlib(), f.s, f.o, file.string());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("not-a-dir"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a directory"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read(file), "x");
}

// ---------------------------------------------------------------------------------------------
// Headless Chromium: the page renders and the map is not blank.

std::string chromium_path() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (fs::exists(p)) return p;
  return "";
}

struct Image {
  unsigned width = 0, height = 0;
  std::vector<unsigned char> rgb;
};

// libpng's simplified API (PNG::PNG).
bool decode_png(const std::string& path, Image& out, std::string& error) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str())) {
    error = std::string("png: ") + img.message;
    return false;
  }
  img.format = PNG_FORMAT_RGB;
  out.width = img.width;
  out.height = img.height;
  out.rgb.assign(PNG_IMAGE_SIZE(img), 0);
  const bool ok = png_image_finish_read(&img, nullptr, out.rgb.data(), 0, nullptr) != 0;
  if (!ok) error = std::string("png: ") + img.message;
  png_image_free(&img);
  return ok;
}

// --- issue 10: real assessments over the Idlib scenario ------------------------------------------

// A report day's options and the assessment the CLI would make for it.
struct Day {
  DailyOptions o;
  assess::Assessment s;
};

Day assess_day(const char* date, std::vector<assess::ReportView> reports, assess::Options o = {}) {
  Day d;
  d.o.date = date;
  d.o.day_start = local(date);
  d.o.day_end = d.o.day_start + 86400;
  o.at = agreement::Instant(std::chrono::seconds(d.o.day_end - 1));
  o.since = agreement::Instant(std::chrono::seconds(d.o.day_start - 29 * 86400));
  d.s = assess::assess(idlib(), std::move(reports), o);
  return d;
}

// Defect 6: a monitor (A2) reports an HTS checkpoint 6.8 km inside the DMZ on 1 November 2018,
// after the 15 October deadline but within its reported extension to 15 November: the verdict
// is compliant, and the report must still list the sighting, with its status.
TEST(DailyReport, ASightingWithinTheExtensionIsListedWithItsStatus) {
  auto r = report("MON-HTS", "2018-11-01T10:00", 36.555, 35.456, "group_presence", "Monitor A", "monitor");
  r.actor = "HTS";
  r.reliability = "A";
  r.credibility = 2;
  r.precision_m = 100;
  r.summary = "HTS checkpoint on the road.";
  const Day d = assess_day("2018-11-01", {r});
  const auto j = daily_summary(idlib(), d.s, d.o);
  ASSERT_EQ(j["group_presence"].size(), 1u) << j["group_presence"].dump();
  const auto& g = j["group_presence"][0];
  EXPECT_EQ(g["report"], "MON-HTS");
  EXPECT_EQ(g["group"], "hts");
  EXPECT_EQ(g["verdict"], "compliant");
  EXPECT_EQ(g["when"], "within_extension");
  EXPECT_EQ(g["where"], "inside");
  EXPECT_EQ(g["status"], "within extended deadline (to 2018-11-15 23:59)");
  EXPECT_GT(g["margin_m"].get<double>(), 6000);
  const fs::path dir = fresh_dir("extension");
  write_daily_report(idlib(), d.s, d.o, dir.string());
  for (const char* name : {"report.html", "report.md"}) {
    const std::string text = read(dir / name);
    EXPECT_EQ(text.find("No group presence"), std::string::npos) << name;
    EXPECT_EQ(text.find("No presence of bound groups"), std::string::npos) << name;
    EXPECT_NE(text.find("within extended deadline (to 2018-11-15 23:59)"), std::string::npos) << name;
  }
  // Outside the zone (45 km north of the line), nothing to list, and the report says so.
  auto far = r;
  far.lon_deg = 36.64;
  far.lat_deg = 35.93;
  const Day e = assess_day("2018-11-01", {far});
  EXPECT_EQ(daily_summary(idlib(), e.s, e.o)["group_presence"].size(), 0u);
  const fs::path dir2 = fresh_dir("extension-far");
  write_daily_report(idlib(), e.s, e.o, dir2.string());
  EXPECT_NE(read(dir2 / "report.md").find("No group presence reported inside a withdrawal zone"), std::string::npos);
}

// Defect 3: a report without a location is never drawn at 0°, 0° ("6029 km SW of Taza"): null
// geometry and coordinates, not on the map, counted as location unknown.
TEST(DailyReport, AnUnlocatedReportIsNeverDrawnAndCountedAsLocationUnknown) {
  auto located = report("MON-1", "2018-11-24T08:00", 36.64, 35.44, "shelling", "Monitor A", "monitor");
  auto lost = report("OUT-2", "2018-11-24T09:00", 0, 0, "shelling", "Outlet", "media");
  lost.has_location = false;
  lost.location_method = "unresolved";
  lost.place = "Xyzzyq";
  lost.location_reason = "no match";
  const Day d = assess_day("2018-11-24", {located, lost});
  ASSERT_EQ(d.s.incidents.size(), 2u);
  const auto j = daily_summary(idlib(), d.s, d.o);
  EXPECT_EQ(j["headline"]["current"]["location_unknown"], 1);
  EXPECT_EQ(j["report_locations"]["location_unknown"], 1);
  int unknown = 0;
  for (const auto& i : j["incidents"]) {
    if (!i["lon"].is_null()) continue;
    ++unknown;
    EXPECT_TRUE(i["lat"].is_null());
    EXPECT_TRUE(i["precision_m"].is_null());
    EXPECT_EQ(i["area"], "location unknown");
    EXPECT_EQ(i["effective_location"]["method"], "unresolved");
    EXPECT_EQ(i["effective_location"]["reason"], "no match");
  }
  EXPECT_EQ(unknown, 1);
  const fs::path dir = fresh_dir("unlocated");
  write_daily_report(idlib(), d.s, d.o, dir.string());
  const auto g = nlohmann::json::parse(read(dir / "incidents.geojson"));
  ASSERT_EQ(g["features"].size(), 2u);
  int null_geometry = 0;
  for (const auto& f : g["features"]) {
    if (f["geometry"].is_null()) {
      ++null_geometry;
      EXPECT_EQ(f["properties"]["effective_method"], "unresolved");
    } else {
      EXPECT_EQ(f["properties"]["effective_method"], "coordinates");
      EXPECT_NE(f["geometry"]["coordinates"][0], 0.0);
    }
  }
  EXPECT_EQ(null_geometry, 1);
  const std::string svg = read(dir / "map.svg");
  EXPECT_EQ(count(svg, "<g class=\"incident\""), 1u);
  EXPECT_NE(svg.find(">1 not drawn: location unknown<"), std::string::npos);
  for (const char* name : {"report.html", "report.md", "summary.json"}) {
    const std::string text = read(dir / name);
    // Nothing measured from 0°, 0°: the farthest post in the scenario is ~100 km away.
    EXPECT_FALSE(std::regex_search(text, std::regex(R"(\d{4} km [NSEW]{1,2} of)"))) << name;
  }
  const std::string md = read(dir / "report.md");
  EXPECT_NE(md.find("| Reports with location unknown (not on the map) | 1 |"), std::string::npos);
  EXPECT_NE(read(dir / "report.html")
                .find("<div class=\"v\">1</div><div class=\"l\">reports with location unknown (not on the map)</div>"),
            std::string::npos);
  EXPECT_NE(md.find("place 'Xyzzyq' not resolved: no match"), std::string::npos);
}

// Defect 10: a report giving only a date prints as that date, never as 00:00, alone or fused
// with a report at 07:30.
TEST(DailyReport, DateOnlyReportsPrintAsDates) {
  auto day = report("DAY-1", "2018-11-24", 36.64, 35.44, "shelling", "Outlet", "media");
  day.date_only = true;
  day.time_precision = "day";
  day.observed_unix = *store::parse_iso_time("2018-11-24");  // the store's 00:00 UTC
  auto timed = report("MON-2", "2018-11-24T07:30", 36.641, 35.441, "shelling", "Monitor A", "monitor");
  auto sighting = report("DAY-3", "2018-11-24", 36.555, 35.456, "group_presence", "Outlet", "media");
  sighting.date_only = true;
  sighting.time_precision = "day";
  sighting.observed_unix = *store::parse_iso_time("2018-11-24");
  sighting.actor = "HTS";
  const Day d = assess_day("2018-11-24", {day, timed, sighting});
  const assess::Incident* fused = nullptr;
  for (const auto& i : d.s.incidents)
    if (i.reports.size() == 2) fused = &i;
  ASSERT_NE(fused, nullptr);
  const fs::path dir = fresh_dir("date-only");
  write_daily_report(idlib(), d.s, d.o, dir.string());
  for (const char* name : {"report.html", "report.md"}) {
    const std::string text = read(dir / name);
    EXPECT_EQ(text.find("2018-11-24 00:00"), std::string::npos) << name;
    EXPECT_NE(text.find("2018-11-24 07:30 (+ date-only report)"), std::string::npos) << name;
    EXPECT_NE(text.find("2018-11-24 (date only)"), std::string::npos) << name;
  }
  const auto j = daily_summary(idlib(), d.s, d.o);
  ASSERT_EQ(j["group_presence"].size(), 1u);
  EXPECT_TRUE(j["group_presence"][0]["date_only"].get<bool>());
  for (const auto& i : j["incidents"])
    if (i["reports"].size() == 2) {
      EXPECT_FALSE(i["date_only"].get<bool>());
      EXPECT_EQ(i["first_timed"], "2018-11-24T04:30:00Z");
      EXPECT_EQ(i["date_only_reports"], 1);
    }
}

TEST(DailyReport, HeadlessChromiumScreenshot) {
  const std::string chromium = chromium_path();
  if (chromium.empty()) {
    if (std::getenv("CI")) FAIL() << "chromium is not installed (scripts/setup-deps installs it); CI is set";
    GTEST_SKIP() << "chromium not installed";
  }
  const Fixture f = make();
  const fs::path dir = fresh_dir("screenshot");
  write_daily_report(idlib(), f.s, f.o, dir.string());
  const fs::path png = dir / "report.png";
  const fs::path profile = dir / "chromium-profile";
  // --headless is the new headless mode since Chromium 132 (--headless=new before); both accept
  // --screenshot. --no-sandbox: containers and root; own profile: no clash with a running one.
  const std::string cmd = "timeout 120 '" + chromium +
                          "' --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
                          "--hide-scrollbars --force-device-scale-factor=1 --user-data-dir='" +
                          profile.string() + "' --window-size=1200,1600 --screenshot='" + png.string() + "' 'file://" +
                          (dir / "report.html").string() + "' > '" + (dir / "chromium.log").string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  ASSERT_EQ(rc, 0) << cmd << "\n" << read(dir / "chromium.log");
  ASSERT_TRUE(fs::exists(png)) << read(dir / "chromium.log");
  Image img;
  std::string error;
  ASSERT_TRUE(decode_png(png.string(), img, error)) << error;
  EXPECT_EQ(img.width, 1200u);
  EXPECT_EQ(img.height, 1600u);
  std::set<unsigned> colours;
  std::size_t non_white = 0, red = 0, amber = 0, zone = 0;
  for (std::size_t i = 0; i + 2 < img.rgb.size(); i += 3) {
    const int r = img.rgb[i], g = img.rgb[i + 1], b = img.rgb[i + 2];
    colours.insert(static_cast<unsigned>(r << 16 | g << 8 | b));
    if (r < 245 || g < 245 || b < 245) ++non_white;
    if (std::abs(r - 0xd6) < 12 && std::abs(g - 0x27) < 12 && std::abs(b - 0x28) < 12) ++red;
    if (std::abs(r - 0xf0) < 14 && std::abs(g - 0xa2) < 14 && std::abs(b - 0x02) < 14) ++amber;
    if (g > r + 5 && g > b + 5 && r > 200) ++zone;  // the de-escalation area's pale green
  }
  const double total = static_cast<double>(img.width) * img.height;
  std::cout << "screenshot: " << png.string() << " (" << colours.size() << " colours, "
            << 100.0 * static_cast<double>(non_white) / total << "% non-white, " << red << " red, " << amber
            << " amber, " << zone << " zone pixels)\n";
  EXPECT_GT(colours.size(), 200u);
  EXPECT_GT(static_cast<double>(non_white) / total, 0.15);
  EXPECT_GT(red, 100u);   // violation circles (and badges)
  EXPECT_GT(amber, 20u);  // the indeterminate incident
  EXPECT_GT(zone, 20000u);
}

// --- issue 11: figures anyone can reproduce ------------------------------------------------------

// The "Method and caveats" text states the parameters the assessment used (assess::Options, the
// store's precision rules, the agreement's line uncertainties), never numbers of its own: change
// the options and the text changes with them.
TEST(DailyReport, MethodTextReadsTheAssessmentsParameters) {
  const auto r = report("MON-1", "2018-11-24T07:30", 36.64, 35.44, "shelling", "Monitor A", "monitor");
  const Day base = assess_day("2018-11-24", {r});
  assess::Options changed;
  changed.fusion_distance_m = 4500;
  changed.fusion_window_s = 2 * 3600;
  changed.observation_reach_m = 7000;
  changed.sector_length_m = 5000;
  const Day other = assess_day("2018-11-24", {r}, changed);
  const fs::path d1 = fresh_dir("method-default"), d2 = fresh_dir("method-changed");
  write_daily_report(idlib(), base.s, base.o, d1.string());
  write_daily_report(idlib(), other.s, other.o, d2.string());
  const std::string md1 = read(d1 / "report.md"), md2 = read(d2 / "report.md");
  const assess::Options defaults;
  EXPECT_NE(md1.find(fmt::format("discs within {} km, times within {} hours", defaults.fusion_distance_m / 1000,
                                 defaults.fusion_window_s / 3600)),
            std::string::npos);
  EXPECT_NE(md2.find("discs within 4.5 km, times within 2 hours"), std::string::npos);
  EXPECT_EQ(md2.find(fmt::format("discs within {} km", defaults.fusion_distance_m / 1000)), std::string::npos);
  EXPECT_NE(md1.find(fmt::format("whole disc is within {} km of the zone's boundary",
                                 defaults.observation_reach_m / 1000)),
            std::string::npos);
  EXPECT_NE(md2.find("whole disc is within 7 km of the zone's boundary"), std::string::npos);
  EXPECT_NE(md1.find(fmt::format("sectors of {} km", defaults.sector_length_m / 1000)), std::string::npos);
  EXPECT_NE(md2.find("sectors of 5 km"), std::string::npos);
  // The store's precision rules and the agreement's approximate line, as the code has them.
  for (const std::string& md : {md1, md2}) {
    EXPECT_NE(md.find(fmt::format("at least a {} km radius", store::kPlacePrecisionM / 1000)), std::string::npos);
    EXPECT_NE(md.find(fmt::format("monitor {} m", store::default_precision_m("monitor"))), std::string::npos);
    EXPECT_NE(md.find(fmt::format("party or NGO {} km", store::default_precision_m("party") / 1000)),
              std::string::npos);
    EXPECT_NE(md.find(fmt::format("contact-2018-09 ±{} km", idlib().line("contact-2018-09")->uncertainty_m / 1000)),
              std::string::npos);
  }
  const auto j = daily_summary(idlib(), other.s, other.o);
  EXPECT_EQ(j["method"]["fusion_distance_m"].get<double>(), 4500);
  EXPECT_EQ(j["method"]["fusion_window_s"].get<int64_t>(), 7200);
  EXPECT_EQ(j["method"]["observation_reach_m"].get<double>(), 7000);
  EXPECT_EQ(j["method"]["sector_length_m"].get<double>(), 5000);
  // And the options really were the assessment's: 4 km apart fuse under 4.5 km, not under 3 km.
  const auto a = report("MON-A", "2018-11-24T07:30", 36.64, 35.44, "shelling", "Monitor A", "monitor");
  auto b = report("MED-B", "2018-11-24T08:00", 36.64, 35.44 + 4500 / 110900.0, "shelling", "Outlet", "media");
  EXPECT_EQ(assess_day("2018-11-24", {a, b}).s.incidents.size(), 2u);
  EXPECT_EQ(assess_day("2018-11-24", {a, b}, changed).s.incidents.size(), 1u);
}

// Units: every violation count of the report is of incidents. Two sightings of one event fused
// into one indeterminate incident count 1 in the obligation table (the assessment's verdict
// count is 2), and every count column names its unit.
TEST(DailyReport, TableCountsAreIncidentsAndSayWhat) {
  // About 1.5 km on the DMZ side of the contact line, drawn to ±5 km.
  auto a = report("MON-1", "2018-11-24T07:30", 36.58, 35.38, "weapon_sighting", "Monitor A", "monitor");
  auto b = report("MED-2", "2018-11-24T07:50", 36.581, 35.381, "weapon_sighting", "Outlet", "media");
  for (auto* r : {&a, &b}) {
    r->weapon_class = "tank";
    r->actor = "NLF";
  }
  const Day d = assess_day("2018-11-24", {a, b});
  ASSERT_EQ(d.s.incidents.size(), 1u);
  ASSERT_EQ(d.s.incidents[0].verdict, Verdict::indeterminate) << "near the ±5 km contact line";
  const auto j = daily_summary(idlib(), d.s, d.o);
  bool seen = false;
  for (const auto& ob : j["obligations"]) {
    int incidents = 0, verdicts = 0;
    for (const auto& i : d.s.incidents)
      if (i.verdict == Verdict::indeterminate &&
          std::find(i.obligations.begin(), i.obligations.end(), ob["id"].get<std::string>()) != i.obligations.end())
        ++incidents;
    for (const auto& v : d.s.verdicts) verdicts += v.obligation == ob["id"] && v.verdict == Verdict::indeterminate;
    EXPECT_EQ(ob["indeterminate_incidents"].get<int>(), incidents) << ob["id"];
    if (incidents == 1 && verdicts == 2) seen = true;
  }
  EXPECT_TRUE(seen) << "an obligation with 2 indeterminate verdicts in 1 incident";
  const fs::path dir = fresh_dir("units");
  write_daily_report(idlib(), d.s, d.o, dir.string());
  const std::string md = read(dir / "report.md");
  for (const char* label :
       {"| Violations, corroborated (incidents) |", "| Indeterminate (incidents) | 1 |", "| kind | violations (incidents) |",
        "| zone (area) | violations (incidents) |", "indeterminate (incidents, 30 days)",
        "violations report day / previous (incidents)", "clear (sectors)"})
    EXPECT_NE(md.find(label), std::string::npos) << label;
  EXPECT_EQ(md.find("verdicts over the 30-day window"), std::string::npos);
  // The obligation rows count incidents in every column: the indeterminate column holds 1.
  std::istringstream lines(md);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("| sochi-2018/", 0) != 0) continue;
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream cs(line.substr(1));
    while (std::getline(cs, cell, '|')) cells.push_back(cell.substr(1, cell.size() - 2));
    const std::string id = cells.at(0);
    for (const auto& ob : j["obligations"])
      if (ob["id"] == id) {
        EXPECT_EQ(cells.at(8), std::to_string(ob["indeterminate_incidents"].get<int>())) << line;
        ++rows;
      }
  }
  EXPECT_GT(rows, 0);
}

// Scenario-specific captions come from the agreement, not the renderer: no scenario README, no
// "contact line" of the renderer's own; the approximate line and posts the agreement marks.
TEST(DailyReport, CaptionsComeFromTheAgreement) {
  const auto r = report("MON-1", "2018-11-24T07:30", 36.64, 35.44, "shelling", "Monitor A", "monitor");
  const Day d = assess_day("2018-11-24", {r});
  const fs::path dir = fresh_dir("captions");
  write_daily_report(idlib(), d.s, d.o, dir.string());
  std::size_t approx_posts = 0;
  for (const auto& p : idlib().posts) approx_posts += p.approximate ? 1 : 0;
  for (const char* name : {"report.html", "report.md", "map.svg"}) {
    const std::string text = read(dir / name);
    EXPECT_EQ(text.find("scenario README"), std::string::npos) << name;
    EXPECT_EQ(text.find("the contact line"), std::string::npos) << name;
    EXPECT_NE(text.find("agreement " + idlib().id), std::string::npos) << name;
    if (std::string(name) != "map.svg") {  // the map wraps its notes
      EXPECT_NE(text.find("approximate: line contact-2018-09 (±5 km)"), std::string::npos) << name;
      EXPECT_NE(text.find(fmt::format("{} of {} observation posts", approx_posts, idlib().posts.size())),
                std::string::npos)
          << name;
    }
  }
  // Another agreement, no approximate geometry: the note says so, naming that agreement.
  agreement::Agreement plain = idlib();
  plain.id = "plain";
  for (auto& l : plain.lines) l.approximate = false, l.uncertainty_m = 0;
  for (auto& p : plain.posts) p.approximate = false;
  const auto j = daily_summary(plain, d.s, d.o);
  const fs::path dir2 = fresh_dir("captions-plain");
  write_daily_report(plain, d.s, d.o, dir2.string());
  const std::string md = read(dir2 / "report.md");
  EXPECT_NE(md.find("Geometry: as drawn in agreement plain."), std::string::npos);
  EXPECT_NE(md.find("No line of this agreement is drawn with an uncertainty"), std::string::npos);
  EXPECT_TRUE(j["method"]["uncertain_lines"].empty());
}

}  // namespace
}  // namespace truceline::report
