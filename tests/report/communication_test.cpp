// The daily report's section "Communication mechanism" (docs/daily-report.md): the parties'
// log on the report day, answers per report, notified patrols and their matching reports.
// Entries here are in-memory (report::Communication); tests/client/report_ledger_test.cpp builds them
// through the ledger's Log.
#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/report/report.hpp"

namespace truceline::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const agreement::Agreement& idlib() {
  static const agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
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

DailyOptions day(const char* date) {
  DailyOptions o;
  o.date = date;
  o.day_start = local(date);
  o.day_end = o.day_start + 86400;
  return o;
}

LedgerEntry entry(uint64_t index, std::string party, std::string type, std::optional<uint64_t> ref, json body,
                  const char* when) {
  return {index, std::move(party), std::move(type), ref, std::move(body), local(when)};
}

// The route of the notified patrol: along the meridian 36.5°E from 35.5°N to 35.8°N.
const json kRoute = {{"type", "LineString"}, {"coordinates", {{36.5, 35.5}, {36.5, 35.8}}}};

// A point `east_m` metres due east of (36.5°E, 35.6°N) on WGS84, by GeographicLib's direct
// problem (independent of the section's nearest-point search). Its distance to the route is
// east_m to within a few metres (the route is a meridian; the point's foot is at ~35.6°N).
std::pair<double, double> east_of_route(double east_m) {
  double lat = 0, lon = 0;
  GeographicLib::Geodesic::WGS84().Direct(35.6, 36.5, 90, east_m, lat, lon);
  return {lon, lat};
}

json patrol_report(const char* observed_at, std::optional<double> east_m, double precision_m = 0) {
  json b = {{"kind", "patrol"}, {"observed_at", observed_at}, {"source", {{"name", "x"}}}};
  if (east_m) {
    const auto [lon, lat] = east_of_route(*east_m);
    b["lon"] = lon;
    b["lat"] = lat;
  } else {
    b["place"] = "Saraqib";
  }
  if (precision_m > 0) b["location_precision_m"] = precision_m;
  return b;
}

json patrol_notice(const char* from, const char* until, json route = kRoute) {
  return {{"kind", "patrol"}, {"from", from}, {"until", until}, {"route", std::move(route)}};
}

assess::Assessment empty_assessment(const DailyOptions& o) {
  assess::Assessment s;
  s.options.at = agreement::Instant(std::chrono::seconds(o.day_end));
  return s;
}

TEST(CommunicationSection, AbsentWithoutALedger) {
  const DailyOptions o = day("2018-10-12");
  const auto s = empty_assessment(o);
  const json j = daily_summary(idlib(), s, o);
  EXPECT_FALSE(j.contains("communication"));
  const fs::path dir = fs::path(::testing::TempDir()) / "truceline-comm-none";
  fs::remove_all(dir);
  write_daily_report(idlib(), s, o, dir.string());
  EXPECT_EQ(read(dir / "report.html").find("Communication mechanism"), std::string::npos);
  EXPECT_EQ(read(dir / "report.md").find("Communication mechanism"), std::string::npos);
}

TEST(CommunicationSection, EntriesByPartyAndTypeCountOnlyTheDay) {
  Communication c;
  c.entries = {
      entry(0, "turkey", "report", std::nullopt, {{"kind", "shelling"}}, "2018-10-11T23:59:59"),  // day before
      entry(1, "turkey", "report", std::nullopt, {{"kind", "shelling"}}, "2018-10-12T00:00:00"),
      entry(2, "russia", "ack", 1, json::object(), "2018-10-12T09:00:00"),
      entry(3, "russia", "notification", std::nullopt, {{"kind", "meeting"}}, "2018-10-12T10:00:00"),
      entry(4, "russia", "report", std::nullopt, {{"kind", "patrol"}}, "2018-10-13T00:00:00"),  // day after
  };
  DailyOptions o = day("2018-10-12");
  o.communication = c;
  const json j = communication_summary(c, o);
  EXPECT_EQ(j["entries_of_day"], 3);
  ASSERT_EQ(j["by_party"].size(), 2u);
  EXPECT_EQ(j["by_party"][0]["party"], "russia");
  EXPECT_EQ(j["by_party"][0]["ack"], 1);
  EXPECT_EQ(j["by_party"][0]["notification"], 1);
  EXPECT_EQ(j["by_party"][0]["report"], 0);
  EXPECT_EQ(j["by_party"][0]["total"], 2);
  EXPECT_EQ(j["by_party"][1]["party"], "turkey");
  EXPECT_EQ(j["by_party"][1]["report"], 1);
  EXPECT_EQ(j["by_party"][1]["total"], 1);
}

TEST(CommunicationSection, ADisputedReportIsShownDisputedWithReasonAndParty) {
  Communication c;
  c.entries = {
      entry(0, "turkey", "report", std::nullopt,
            {{"kind", "shelling"}, {"observed_at", "2018-10-11T22:00:00Z"}, {"summary", "shells on Kafr Nabl"}},
            "2018-10-11T23:00:00"),  // submitted the day before, answered on the day
      entry(1, "russia", "dispute", 0, {{"reason", "no artillery there <that night>"}}, "2018-10-12T08:00:00"),
      entry(2, "iran", "ack", 0, {{"note", "seen"}}, "2018-10-12T09:00:00"),
      entry(3, "russia", "report", std::nullopt, {{"kind", "patrol"}}, "2018-10-12T10:00:00"),
      entry(4, "turkey", "ack", 3, json::object(), "2018-10-12T11:00:00"),
      entry(5, "turkey", "dispute", 3, {{"reason", "too late"}}, "2018-10-13T01:00:00"),  // after the day
  };
  DailyOptions o = day("2018-10-12");
  o.communication = c;
  const json j = communication_summary(c, o);
  ASSERT_EQ(j["reports"].size(), 2u);
  const json& r0 = j["reports"][0];
  EXPECT_EQ(r0["index"], 0);
  EXPECT_EQ(r0["status"], "disputed");
  ASSERT_EQ(r0["disputes"].size(), 1u);
  EXPECT_EQ(r0["disputes"][0]["party"], "russia");
  EXPECT_EQ(r0["disputes"][0]["reason"], "no artillery there <that night>");
  EXPECT_EQ(r0["acknowledgements"][0]["party"], "iran");
  const json& r3 = j["reports"][1];
  EXPECT_EQ(r3["index"], 3);
  EXPECT_EQ(r3["status"], "acknowledged");  // the dispute of the next day is not known yet
  EXPECT_TRUE(r3["disputes"].empty());

  const auto s = empty_assessment(o);
  const fs::path dir = fs::path(::testing::TempDir()) / "truceline-comm-disputed";
  fs::remove_all(dir);
  write_daily_report(idlib(), s, o, dir.string());
  const std::string html = read(dir / "report.html"), md = read(dir / "report.md");
  EXPECT_NE(html.find("<h2 id=\"communication\">Communication mechanism</h2>"), std::string::npos);
  EXPECT_NE(html.find("<td>disputed</td><td>iran (entry 2: seen)</td><td>russia (entry 1): no artillery there "
                      "&lt;that night&gt;</td>"),
            std::string::npos);
  EXPECT_NE(md.find("## Communication mechanism"), std::string::npos);
  EXPECT_NE(md.find("| disputed | iran (entry 2: seen) | russia (entry 1): no artillery there &lt;that night&gt; |"),
            std::string::npos)
      << md;
  EXPECT_EQ(json::parse(read(dir / "summary.json"))["communication"], j);
}

json notification_outcome(const std::vector<LedgerEntry>& entries) {
  Communication c;
  c.entries = entries;
  DailyOptions o = day("2018-10-12");
  const json j = communication_summary(c, o);
  EXPECT_EQ(j["notifications"].size(), 1u);
  return j["notifications"].empty() ? json() : j["notifications"][0];
}

TEST(CommunicationSection, APatrolReportNearTheRouteInTheWindowFollowsTheNotice) {
  const auto notice = entry(0, "russia", "notification", std::nullopt,
                            patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z"), "2018-10-11T12:00:00");
  // 1 km from the route, in the window: followed.
  json n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                              patrol_report("2018-10-12T07:00:00Z", 1000), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "followed");
  EXPECT_EQ(n["matches"], json::array({1}));
  EXPECT_NEAR(n["candidates"][0]["distance_m"].get<double>(), 1000, 5);
  EXPECT_NEAR(n["route_km"].get<double>(), 33.3, 0.1);
  // 3 km away, precision 500 m: 3 km > 2 km + 0.5 km, not followed (the window is over).
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                          patrol_report("2018-10-12T07:00:00Z", 3000, 500), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "not_followed");
  // 3 km away, precision 1.5 km: the uncertainty disk reaches the 2 km band.
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                          patrol_report("2018-10-12T07:00:00Z", 3000, 1500), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "followed");
  // Just inside and outside 2 km (no precision).
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                          patrol_report("2018-10-12T07:00:00Z", 1980), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "followed");
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                          patrol_report("2018-10-12T07:00:00Z", 2020), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "not_followed");
}

TEST(CommunicationSection, OnlyThePartysOwnPatrolReportsInTheWindowCount) {
  const auto notice = entry(0, "russia", "notification", std::nullopt,
                            patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z"), "2018-10-11T12:00:00");
  // Another party's patrol report on the route does not follow russia's notice.
  json n = notification_outcome({notice, entry(1, "turkey", "report", std::nullopt,
                                              patrol_report("2018-10-12T07:00:00Z", 100), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "not_followed");
  EXPECT_TRUE(n["candidates"].empty());
  // A report observed after the window does not either.
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                          patrol_report("2018-10-12T09:00:00Z", 100), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "not_followed");
  // A shelling report at the route is not a patrol report.
  json shelling = patrol_report("2018-10-12T07:00:00Z", 100);
  shelling["kind"] = "shelling";
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt, shelling, "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "not_followed");
  // A date-only report of the day meets the window (its day overlaps it).
  n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt, patrol_report("2018-10-12", 100),
                                          "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "followed");
}

TEST(CommunicationSection, UnplacedOpenAndUncheckableNoticesSaySo) {
  // A patrol report without coordinates in the window: unconfirmed, never guessed.
  const auto notice = entry(0, "russia", "notification", std::nullopt,
                            patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z"), "2018-10-11T12:00:00");
  json n = notification_outcome({notice, entry(1, "russia", "report", std::nullopt,
                                              patrol_report("2018-10-12T07:00:00Z", std::nullopt), "2018-10-12T10:30:00")});
  EXPECT_EQ(n["outcome"], "unconfirmed");
  // A window that runs past the day's end with no report yet.
  n = notification_outcome({entry(0, "russia", "notification", std::nullopt,
                                  patrol_notice("2018-10-12T20:00:00Z", "2018-10-13T02:00:00Z"), "2018-10-12T08:00:00")});
  EXPECT_EQ(n["outcome"], "window_open");
  // A route that is not a line.
  n = notification_outcome({entry(0, "russia", "notification", std::nullopt,
                                  patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z",
                                                {{"type", "Point"}, {"coordinates", {36.5, 35.5}}}),
                                  "2018-10-12T08:00:00")});
  EXPECT_EQ(n["outcome"], "not_checkable");
  EXPECT_EQ(n["reason"], "route: expected a GeoJSON LineString, got 'Point'");
  n = notification_outcome({entry(0, "russia", "notification", std::nullopt,
                                  patrol_notice("2018-10-12T09:00:00Z", "2018-10-12T06:00:00Z"), "2018-10-12T08:00:00")});
  EXPECT_EQ(n["outcome"], "not_checkable");
  EXPECT_EQ(n["reason"], "'until' is not after 'from'");
}

// "Announced in advance" is what a notification is for: a notice signed after its window
// opened (or closed) is said to be so, whatever the outcome of the patrol.
TEST(CommunicationSection, ANoticeSignedAfterItsWindowOpenedIsNotInAdvance) {
  const json early = notification_outcome(
      {entry(0, "russia", "notification", std::nullopt, patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z"),
             "2018-10-12T08:59:00"),  // 05:59Z: one minute before the window
       entry(1, "russia", "report", std::nullopt, patrol_report("2018-10-12T07:00:00Z", 100), "2018-10-12T10:30:00")});
  EXPECT_EQ(early["outcome"], "followed");
  EXPECT_EQ(early["notified"], "in_advance");
  const auto late_notice = entry(0, "russia", "notification", std::nullopt,
                                 patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z"),
                                 "2018-10-12T09:30:00");  // 06:30Z: the patrol had started
  const auto report = entry(1, "russia", "report", std::nullopt, patrol_report("2018-10-12T07:00:00Z", 100),
                            "2018-10-12T10:30:00");
  const json late = notification_outcome({late_notice, report});
  EXPECT_EQ(late["outcome"], "followed");
  EXPECT_EQ(late["notified"], "after_start");
  const json after = notification_outcome(
      {entry(0, "russia", "notification", std::nullopt, patrol_notice("2018-10-12T06:00:00Z", "2018-10-12T09:00:00Z"),
             "2018-10-12T13:00:00"),  // 10:00Z: the window was over
       report});
  EXPECT_EQ(after["notified"], "after_end");
  // Without a valid window nothing can be said.
  const json none = notification_outcome({entry(0, "russia", "notification", std::nullopt,
                                                patrol_notice("2018-10-12T09:00:00Z", "bad"), "2018-10-12T08:00:00")});
  EXPECT_TRUE(none["notified"].is_null());

  Communication c;
  c.entries = {late_notice, report};
  DailyOptions o = day("2018-10-12");
  o.communication = c;
  const auto s = empty_assessment(o);
  const fs::path dir = fs::path(::testing::TempDir()) / "truceline-comm-late";
  fs::remove_all(dir);
  write_daily_report(idlib(), s, o, dir.string());
  const std::string md = read(dir / "report.md");
  EXPECT_NE(md.find("| 0 | russia | 2018-10-12 09:30 (after the window opened: not in advance) | patrol | "
                    "2018-10-12 09:00 – 2018-10-12 12:00 |"),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace truceline::report
