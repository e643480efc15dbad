// Verdicts case by case, incident fusion, obligation status, coverage.
//
// Geometry oracle: test points are placed with GeographicLib directly — a point on the line's
// geodesic, then a geodesic of length s at right angles to it — so the point's distance to the
// line is s by construction, independently of the engine's nearest-point search.
#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <thread>
#include <fstream>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/store/store.hpp"
#include "truceline/workers.hpp"

namespace {

using namespace truceline;
using assess::ReportView;
using assess::TimeStatus;
using assess::Verdict;
using assess::WhereStatus;

const agreement::Agreement& fixture() {
  static const agreement::Agreement a = agreement::load_valid(TRUCELINE_TEST_DATA "/agreements/assess.toml");
  return a;
}

int64_t unix_of(const std::string& iso) { return *store::parse_iso_time(iso); }

agreement::Instant instant(const std::string& iso) { return agreement::Instant(std::chrono::seconds(unix_of(iso))); }

// A point `s_m` metres off the line [36.0,35.5]-[36.5,35.5], `along_m` metres from its start;
// s > 0 to the left (north, the zone's side), s < 0 to the right.
geo::LonLat off_line(double along_m, double s_m) {
  const auto& g = GeographicLib::Geodesic::WGS84();
  const GeographicLib::GeodesicLine line = g.InverseLine(35.5, 36.0, 35.5, 36.5);
  double lat = 0, lon = 0, azi = 0;
  line.Position(along_m, lat, lon, azi);
  double lat2 = 0, lon2 = 0;
  g.Direct(lat, lon, s_m >= 0 ? azi - 90 : azi + 90, std::abs(s_m), lat2, lon2);
  return {lon2, lat2};
}

ReportView report(const std::string& label, const std::string& kind, geo::LonLat p, double precision_m,
                  const std::string& observed_at, const std::string& time_precision = "minute") {
  ReportView r;
  r.id = "r-";
  r.id += label;
  r.label = label;
  r.kind = kind;
  r.has_location = true;
  r.lon_deg = p.lon_deg;
  r.lat_deg = p.lat_deg;
  r.precision_m = precision_m;
  r.observed_unix = unix_of(observed_at);
  r.time_precision = time_precision;
  r.source_name = "Test Monitor";
  r.source_type = "monitor";
  r.reliability.assign(1, 'B');  // not = "B": GCC 12 -Wrestrict false positive
  r.credibility = 2;
  return r;
}

// The verdict of one report on one obligation.
assess::VerdictRecord verdict(const ReportView& r, const std::string& obligation) {
  assess::Options o;
  o.at = instant("2021-01-01T00:00:00Z");
  const assess::Assessor as(fixture(), o);
  std::vector<assess::VerdictRecord> out;
  as.assess(r, 0, out);
  for (auto& v : out)
    if (v.obligation == obligation) return v;
  ADD_FAILURE() << r.label << " has no verdict on " << obligation;
  return {};
}

bool has_reason(const assess::VerdictRecord& v, const std::string& code) {
  for (const auto& x : v.reasons)
    if (code == x.code) return true;
  return false;
}

// --- where ---------------------------------------------------------------------------

TEST(AssessWhere, InsideWithMarginAgainstTheOracle) {
  // 4 km north of the line, 10 km deep zone: 4 km from the line (the territory line bounds
  // the margin), 6 km from the depth line.
  ReportView r = report("w1", "weapon_sighting", off_line(20000, 4000), 500, "2020-02-01T10:00:00Z");
  r.weapon_class = "T-72";
  const auto v = verdict(r, "weapons");
  EXPECT_EQ(v.where.status, WhereStatus::inside);
  EXPECT_NEAR(v.where.distance_m, 4000, 0.01);
  EXPECT_NEAR(v.where.margin_m, 4000, 0.01);
  EXPECT_EQ(v.verdict, Verdict::violation);
  EXPECT_TRUE(has_reason(v, "inside_zone"));
  // 7 km north: 3 km inside the depth line.
  r.lon_deg = off_line(20000, 7000).lon_deg;
  r.lat_deg = off_line(20000, 7000).lat_deg;
  EXPECT_NEAR(verdict(r, "weapons").where.margin_m, 3000, 0.01);
}

// Reasons are recorded as codes with their parameters; the message is made when printed
// (issue 15), from the same numbers, and a message given by hand is kept.
TEST(AssessReasons, MessagesAreMadeFromTheRecordWhenPrinted) {
  ReportView r = report("w1m", "weapon_sighting", off_line(20000, 4000), 500, "2020-02-01T10:00:00Z");
  r.weapon_class = "T-72";
  const auto v = verdict(r, "weapons");
  bool found = false;
  for (const auto& x : v.reasons) {
    EXPECT_TRUE(x.message.empty()) << x.code;  // nothing formatted while assessing
    EXPECT_FALSE(assess::reason_message(x, r, v).empty()) << x.code;
    if (std::string(x.code) != "inside_zone") continue;
    found = true;
    EXPECT_EQ(assess::reason_message(x, r, v), fmt::format("{:.0f} m inside {} (precision 500 m)", v.where.margin_m,
                                                           v.where.zone));
  }
  EXPECT_TRUE(found);
  const nlohmann::json j = assess::verdict_json(r, v);
  for (const auto& x : j["reasons"]) EXPECT_FALSE(x["message"].get<std::string>().empty());
  assess::Reason given;
  given.code = "inside_zone";
  given.message = "as written";
  EXPECT_EQ(assess::reason_message(given, r, v), "as written");
}

// Reports located through a place share its coordinates: their margins are kept by point
// (issue 15). The same point with another weapon class is measured against the other zone
// instance (depth by class), and every verdict is the one a fresh assessor gives.
TEST(AssessWhere, MarginsKeptByPlaceAreThoseMeasured) {
  std::vector<ReportView> rs;
  for (const char* cls : {"artillery-100mm", "tank", "artillery-100mm", "tank"}) {
    ReportView r = report(std::string("pl-") + cls, "weapon_sighting", off_line(20000, 15000), 500,
                          "2020-02-01T10:00:00Z");
    r.location_method = "place";
    r.place = "Somewhere";
    r.precision_from = "place";
    r.weapon_class = cls;
    rs.push_back(r);
  }
  assess::Options o;
  o.at = instant("2021-01-01T00:00:00Z");
  const assess::Assessor shared(fixture(), o);
  std::vector<assess::VerdictRecord> kept;
  for (std::size_t i = 0; i < rs.size(); ++i) shared.assess(rs[i], i, kept);
  std::vector<assess::VerdictRecord> fresh;
  for (std::size_t i = 0; i < rs.size(); ++i) assess::Assessor(fixture(), o).assess(rs[i], i, fresh);
  ASSERT_EQ(kept.size(), fresh.size());
  bool inside = false, outside = false;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    EXPECT_EQ(kept[k].obligation, fresh[k].obligation);
    EXPECT_EQ(kept[k].where.margin_m, fresh[k].where.margin_m) << k;
    EXPECT_EQ(kept[k].where.distance_m, fresh[k].where.distance_m) << k;
    EXPECT_EQ(kept[k].where.depth_m, fresh[k].where.depth_m) << k;
    EXPECT_EQ(kept[k].where.status, fresh[k].where.status) << k;
    EXPECT_EQ(kept[k].verdict, fresh[k].verdict) << k;
    inside = inside || kept[k].where.status == WhereStatus::inside;
    outside = outside || kept[k].where.status == WhereStatus::outside;
  }
  // 15 km from the line: inside the 20 km zone for heavy artillery, outside the 10 km one.
  EXPECT_TRUE(inside);
  EXPECT_TRUE(outside);
}

TEST(AssessWhere, PrecisionWiderThanTheMarginIsIndeterminate) {
  ReportView r = report("w2", "weapon_sighting", off_line(20000, 8000), 2500, "2020-02-01T10:00:00Z");
  r.weapon_class = "tank";
  const auto v = verdict(r, "weapons");
  EXPECT_NEAR(v.where.margin_m, 2000, 0.01);
  EXPECT_EQ(v.where.status, WhereStatus::indeterminate);
  EXPECT_EQ(v.verdict, Verdict::indeterminate);
  // The same point with 1.9 km precision is inside.
  r.precision_m = 1900;
  EXPECT_EQ(verdict(r, "weapons").where.status, WhereStatus::inside);
}

TEST(AssessWhere, BeyondTheDepthOrOnTheWrongSideIsOutside) {
  ReportView r = report("w3", "weapon_sighting", off_line(20000, 12000), 1000, "2020-02-01T10:00:00Z");
  r.weapon_class = "tank";
  auto v = verdict(r, "weapons");
  EXPECT_NEAR(v.where.margin_m, -2000, 0.01);
  EXPECT_EQ(v.where.status, WhereStatus::outside);
  EXPECT_EQ(v.verdict, Verdict::compliant);  // where a withdrawn weapon should be
  const geo::LonLat south = off_line(20000, -3000);
  r.lon_deg = south.lon_deg;
  r.lat_deg = south.lat_deg;
  v = verdict(r, "weapons");
  EXPECT_NEAR(v.where.margin_m, -3000, 0.01);
  EXPECT_EQ(v.where.status, WhereStatus::outside);
  // 1.5 km precision on a point 1 km south of the line: indeterminate.
  const geo::LonLat near = off_line(20000, -1000);
  r.lon_deg = near.lon_deg;
  r.lat_deg = near.lat_deg;
  r.precision_m = 1500;
  EXPECT_EQ(verdict(r, "weapons").where.status, WhereStatus::indeterminate);
}

TEST(AssessWhere, AmbiguousOrUnresolvedPlaceIsIndeterminate) {
  ReportView r = report("w4", "weapon_sighting", off_line(20000, 5000), 100, "2020-02-01T10:00:00Z");
  r.weapon_class = "tank";
  r.place = "Somewhere";
  r.place_ambiguous = true;
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::indeterminate);
  EXPECT_TRUE(has_reason(verdict(r, "weapons"), "place_ambiguous"));
  r.place_ambiguous = false;
  r.has_location = false;
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::indeterminate);
  EXPECT_TRUE(has_reason(verdict(r, "weapons"), "no_location"));
}

// --- when ----------------------------------------------------------------------------

TEST(AssessWhen, BeforeAndAfterTheDeadline) {
  // Deadline: 2020-01-10 end of day at +03:00 = 2020-01-10T20:59:59Z.
  ReportView r = report("t1", "weapon_sighting", off_line(20000, 5000), 100, "2020-01-10T20:00:00Z");
  r.weapon_class = "tank";
  auto v = verdict(r, "weapons");
  EXPECT_EQ(v.when.status, TimeStatus::before_deadline);
  EXPECT_EQ(v.verdict, Verdict::compliant);
  r.observed_unix = unix_of("2020-01-10T21:00:00Z");
  v = verdict(r, "weapons");
  EXPECT_EQ(v.when.status, TimeStatus::after_deadline);
  EXPECT_EQ(v.verdict, Verdict::violation);
}

TEST(AssessWhen, ADayOnTheDeadlineDayStraddlesIt) {
  // A bare date, as assess() reads it: 00:00 of that day at the agreement's offset (+03:00).
  ReportView r = report("t2", "weapon_sighting", off_line(20000, 5000), 100, "2020-01-10T00:00:00+03:00", "day");
  r.date_only = true;
  r.weapon_class = "tank";
  auto v = verdict(r, "weapons");
  EXPECT_EQ(v.when.status, TimeStatus::straddles);
  EXPECT_EQ(v.verdict, Verdict::indeterminate);
  // The day after is wholly after, even read in either timezone.
  r.observed_unix = unix_of("2020-01-12T00:00:00+03:00");
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::violation);
  // The day before the deadline day, by a date: wholly before.
  r.observed_unix = unix_of("2020-01-09T00:00:00+03:00");
  EXPECT_EQ(verdict(r, "weapons").when.status, TimeStatus::before_deadline);
}

TEST(AssessWhen, ABareDateCountsOnThatLocalDay) {
  // Through from_stored + assess(): "2020-01-10" (stored as 00:00 UTC) becomes 00:00 +03:00.
  store::StoredReport s;
  s.id = "r1";
  s.report = nlohmann::json::parse(
      R"({"observed_at":"2020-01-10T00:00:00Z","time_precision":"day","kind":"patrol","lon":36.2,"lat":35.55,"source":{"name":"M"}})");
  s.lon = 36.2;
  s.lat = 35.55;
  const ReportView r = assess::from_stored(s);
  EXPECT_TRUE(r.date_only);
  assess::Options o;
  o.at = instant("2020-02-01T00:00:00Z");
  const auto a = assess::assess(fixture(), {r}, o);
  ASSERT_EQ(a.reports.size(), 1u);
  EXPECT_EQ(a.reports[0].observed_unix, unix_of("2020-01-10T00:00:00+03:00"));
  // A date-time at 00:00 UTC with minute precision is not a bare date.
  s.report["time_precision"] = "minute";
  EXPECT_FALSE(assess::from_stored(s).date_only);
}

TEST(AssessWhen, AnExtensionDefersTheViolation) {
  ReportView r = report("t3", "group_presence", off_line(20000, 5000), 100, "2020-06-20T10:00:00Z");
  r.actor = "Band fighters";
  // Within the extension (original 2020-01-15, extended to 2020-02-15).
  r.observed_unix = unix_of("2020-02-01T10:00:00Z");
  auto v = verdict(r, "groups");
  EXPECT_EQ(v.when.status, TimeStatus::within_extension);
  EXPECT_EQ(v.verdict, Verdict::compliant);
  EXPECT_TRUE(has_reason(v, "within_extension"));
  // After the extension.
  r.observed_unix = unix_of("2020-03-01T10:00:00Z");
  v = verdict(r, "groups");
  EXPECT_EQ(v.when.status, TimeStatus::after_deadline);
  EXPECT_EQ(v.verdict, Verdict::violation);
}

TEST(AssessWhen, NotInForceIsNotApplicable) {
  ReportView r = report("t4", "shelling", off_line(20000, 5000), 100, "2019-12-01T10:00:00Z");
  EXPECT_EQ(verdict(r, "ceasefire").verdict, Verdict::not_applicable);
  EXPECT_EQ(verdict(r, "ceasefire").when.status, TimeStatus::not_in_force);
}

TEST(AssessWhen, ADateTimeWithItsOwnOffsetIsNotWidened) {
  // "2020-01-11T00:00:00+03:00", day precision: after the deadline (end of 10 January, +03:00)
  // in its own stated timezone; only a bare date is widened by the agreement's offset.
  ReportView r = report("t5", "weapon_sighting", off_line(20000, 5000), 100, "2020-01-11T00:00:00+03:00", "day");
  r.weapon_class = "tank";
  EXPECT_EQ(verdict(r, "weapons").when.status, TimeStatus::after_deadline);
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::violation);
}

TEST(AssessWhen, AWindowHoldingTheEndOfValidityIsIndeterminateEvenWithADeadline) {
  // `heavy` has a deadline; the fixture's `area` zone obligations have none. Use a week-long
  // window across the start of validity of the obligations (2020-01-01, +03:00 -> 2019-12-31T21Z).
  ReportView r = report("t6", "weapon_sighting", off_line(20000, 5000), 100, "2019-12-30T12:00:00Z", "week");
  r.weapon_class = "tank";
  const auto v = verdict(r, "weapons");
  EXPECT_TRUE(has_reason(v, "time_straddles_validity"));
  EXPECT_EQ(v.verdict, Verdict::compliant);  // before the deadline still settles it
  // After the deadline but straddling the end of validity: not a violation.
  agreement::Agreement a = fixture();
  for (auto& ob : a.obligations)
    if (ob.id == "weapons") ob.valid.until = instant("2020-03-01T00:00:00Z");
  r.observed_unix = unix_of("2020-02-27T12:00:00Z");
  assess::Options o;
  o.at = instant("2021-01-01T00:00:00Z");
  std::vector<assess::VerdictRecord> out;
  assess::Assessor(a, o).assess(r, 0, out);
  bool seen = false;
  for (const auto& x : out)
    if (x.obligation == "weapons") {
      seen = true;
      EXPECT_EQ(x.when.status, TimeStatus::after_deadline);
      EXPECT_TRUE(has_reason(x, "time_straddles_validity"));
      EXPECT_EQ(x.verdict, Verdict::indeterminate);
    }
  EXPECT_TRUE(seen);
}

// --- who -----------------------------------------------------------------------------

TEST(AssessWho, ContestedDesignationNamesTheDesignators) {
  ReportView r = report("g1", "group_presence", off_line(20000, 5000), 100, "2020-03-01T10:00:00Z");
  r.actor = "Band fighters";
  auto v = verdict(r, "groups");
  EXPECT_EQ(v.verdict, Verdict::violation);
  EXPECT_EQ(v.who.id, "band");
  EXPECT_TRUE(v.who.contested);
  EXPECT_EQ(v.who.contested_by, (std::vector<std::string>{"east", "west"}));
  EXPECT_EQ(v.who.designations.at("east"), "terrorist");
  EXPECT_EQ(v.who.designations.at("west"), "moderate");
  // After West's designation lapses (June 2020), only East speaks: not contested.
  r.observed_unix = unix_of("2020-07-01T10:00:00Z");
  v = verdict(r, "groups");
  EXPECT_EQ(v.verdict, Verdict::violation);
  EXPECT_FALSE(v.who.contested);
}

TEST(AssessWho, UndesignatedGroupIsNotBound) {
  ReportView r = report("g2", "group_presence", off_line(20000, 5000), 100, "2020-03-01T10:00:00Z");
  r.actor = "The League";
  const auto v = verdict(r, "groups");
  EXPECT_EQ(v.verdict, Verdict::not_applicable);
  EXPECT_TRUE(has_reason(v, "not_designated"));
  r.actor = "unknown gunmen";
  EXPECT_EQ(verdict(r, "groups").verdict, Verdict::indeterminate);
  // Evidence (a withdrawal) by nobody known is no evidence either.
  r.kind = "withdrawal";
  EXPECT_EQ(verdict(r, "groups").verdict, Verdict::indeterminate);
}

TEST(AssessWho, ActorOutsideTheBindsIsNotApplicableButMembershipBinds) {
  ReportView r = report("g3", "weapon_sighting", off_line(20000, 5000), 100, "2020-03-01T10:00:00Z");
  r.weapon_class = "tank";
  r.actor = "Westland";
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::not_applicable);
  r.actor = "The Cell";  // member of the League, which is bound
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::violation);
  r.actor = "";  // unattributed: still a weapon in the zone
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::violation);
}

// --- what ----------------------------------------------------------------------------

TEST(AssessWhat, WeaponClassMismatchAndParents) {
  ReportView r = report("c1", "weapon_sighting", off_line(20000, 5000), 100, "2020-03-01T10:00:00Z");
  r.weapon_class = "ATGM";
  auto v = verdict(r, "weapons");
  EXPECT_EQ(v.verdict, Verdict::not_applicable);
  EXPECT_TRUE(has_reason(v, "weapon_class_not_covered"));
  r.weapon_class = "D-30";  // artillery-100mm, whose parent artillery is covered
  v = verdict(r, "weapons");
  EXPECT_EQ(v.what.weapon_class, "artillery-100mm");
  EXPECT_TRUE(v.what.matched);
  EXPECT_EQ(v.verdict, Verdict::violation);
  r.weapon_class = "howitzer";  // artillery: too general for the 100 mm obligation
  EXPECT_EQ(verdict(r, "heavy").verdict, Verdict::indeterminate);
  r.weapon_class = "";
  EXPECT_EQ(verdict(r, "weapons").verdict, Verdict::indeterminate);
}

TEST(AssessWhat, ClassDependentDepth) {
  // 14 km north: outside the 10 km zone for tanks (within the 5 km evidence reach), inside the
  // 20 km one for 100 mm artillery.
  ReportView r = report("c2", "weapon_sighting", off_line(20000, 14000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  auto v = verdict(r, "weapons");
  EXPECT_EQ(v.where.status, WhereStatus::outside);
  EXPECT_EQ(v.verdict, Verdict::compliant);
  r.weapon_class = "D-30";
  v = verdict(r, "heavy");
  EXPECT_DOUBLE_EQ(v.where.depth_m, 20000);
  EXPECT_NEAR(v.where.margin_m, 6000, 0.01);
  EXPECT_EQ(v.verdict, Verdict::violation);
}

// --- evidence reach and line uncertainty (issue 11) ---------------------------------------

// A weapon outside the zone is evidence of withdrawal only within the reach (5 km) of the
// zone; farther, it says nothing of this zone: not_applicable. Before, any report outside
// counted as compliant, however far.
TEST(AssessWhere, OutsideBeyondTheReachIsNoEvidence) {
  ReportView r = report("far", "weapon_sighting", off_line(20000, 14000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  auto v = verdict(r, "weapons");  // 4 km outside: the disc reaches 4.5 km
  EXPECT_EQ(v.verdict, Verdict::compliant);
  EXPECT_TRUE(has_reason(v, "outside_zone"));
  r = report("far", "weapon_sighting", off_line(20000, 40000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  v = verdict(r, "weapons");  // 30 km outside
  EXPECT_EQ(v.where.status, WhereStatus::outside);
  EXPECT_EQ(v.verdict, Verdict::not_applicable);
  EXPECT_TRUE(has_reason(v, "far_from_zone"));
  r = report("far", "weapon_sighting", off_line(20000, 15000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  v = verdict(r, "weapons");  // 5 km outside: the disc straddles the reach
  EXPECT_EQ(v.verdict, Verdict::not_applicable);
  EXPECT_TRUE(has_reason(v, "reach_indeterminate"));
  r = report("far", "weapon_sighting", off_line(20000, -1000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  v = verdict(r, "weapons");  // 1 km on the other side of the line: withdrawn, and near
  EXPECT_EQ(v.verdict, Verdict::compliant);
}

// The two-sided synthetic scenario: a D-30 sighted in the middle of the Halden Ford
// disengagement area after its extended deadline violates orvel-addendum/1; for the Kestrel
// Bridge and Marrow Flats areas, 30 and 60 km away, it is no evidence at all (it was counted
// as compliant for both).
TEST(AssessWhere, APositionAtOneDisengagementAreaSaysNothingOfTheOthers) {
  const agreement::Agreement a =
      agreement::load_valid(TRUCELINE_SCENARIO_DIR "/two-sided-synthetic/agreement.toml");
  ReportView r = report("hf", "weapon_sighting", {-40.10, 45.02}, 500, "2025-05-25T10:00:00Z");
  r.weapon_class = "D-30";
  r.actor = "North Force";
  assess::Options o;
  o.at = instant("2025-05-26T00:00:00Z");
  const assess::Assessor as(a, o);
  std::vector<assess::VerdictRecord> out;
  as.assess(r, 0, out);
  std::map<std::string, assess::VerdictRecord> by;
  for (auto& v : out) by[v.obligation] = v;
  ASSERT_TRUE(by.count("orvel-addendum/1") && by.count("orvel-addendum/2") && by.count("orvel-addendum/3"));
  EXPECT_EQ(by["orvel-addendum/1"].verdict, Verdict::violation);
  for (const char* other : {"orvel-addendum/2", "orvel-addendum/3"}) {
    const auto& v = by[other];
    EXPECT_EQ(v.where.status, WhereStatus::outside) << other;
    EXPECT_LT(v.where.margin_m, -20000) << other;
    EXPECT_EQ(v.verdict, Verdict::not_applicable) << other;
    EXPECT_TRUE(has_reason(v, "far_from_zone")) << other;
  }
  // Counted in the obligation status too: no compliance claimed for the other two areas.
  const auto s = assess::assess(a, {r}, o);
  for (const auto& ob : s.obligations) {
    if (ob.id == "orvel-addendum/2" || ob.id == "orvel-addendum/3") {
      EXPECT_EQ(ob.compliant, 0) << ob.id;
    }
  }
}

// The fixture with the line "front" known to ± u metres, and optionally the dmz clipped by an
// area whose east edge (the meridian 36.25) cuts the zone.
agreement::Agreement uncertain_fixture(double u, bool clipped) {
  agreement::Agreement a = fixture();
  for (auto& l : a.lines)
    if (l.id == "front") {
      l.approximate = u > 0;
      l.uncertainty_m = u;
    }
  if (clipped) {
    agreement::Zone c;
    c.id = "west-half";
    c.kind = "de-escalation-area";
    c.is_area = true;
    c.area = {{{{35.5, 35.0}, {36.25, 35.0}, {36.25, 36.2}, {35.5, 36.2}, {35.5, 35.0}}}};
    a.zones.push_back(c);
    for (auto& z : a.zones)
      if (z.id == "dmz") z.clip = "west-half";
  }
  return a;
}

assess::VerdictRecord verdict_in(const agreement::Agreement& a, const ReportView& r, const std::string& obligation) {
  assess::Options o;
  o.at = instant("2021-01-01T00:00:00Z");
  const assess::Assessor as(a, o);
  std::vector<assess::VerdictRecord> out;
  as.assess(r, 0, out);
  for (auto& v : out)
    if (v.obligation == obligation) return v;
  ADD_FAILURE() << r.label << " has no verdict on " << obligation;
  return {};
}

// A line known to ± 2 km: a report clear of the zone's boundary as drawn, but within its
// precision plus 2 km of it, is indeterminate (reason line_uncertainty); farther, unchanged.
TEST(AssessWhere, WithinTheLinesUncertaintyIsIndeterminate) {
  const agreement::Agreement exact = uncertain_fixture(0, false), rough = uncertain_fixture(2000, false);
  struct Case {
    double s_m;             // metres north of the line (the zone is 0..10 km north)
    Verdict exact_verdict;  // with an exact line
    Verdict rough_verdict;  // with the line known to ± 2 km
  } cases[] = {
      {4000, Verdict::violation, Verdict::violation},        // 4 km from the line, 6 from the depth line
      {2000, Verdict::violation, Verdict::indeterminate},    // 2 km inside: < 0.5 + 2 km
      {-1500, Verdict::compliant, Verdict::indeterminate},   // 1.5 km on the other side
      {12000, Verdict::compliant, Verdict::indeterminate},   // 2 km beyond the depth line
      {13000, Verdict::compliant, Verdict::compliant},       // 3 km beyond: clear of 2.5 km
      {-3000, Verdict::compliant, Verdict::compliant},
  };
  for (const auto& c : cases) {
    ReportView r = report("u", "weapon_sighting", off_line(20000, c.s_m), 500, "2020-03-01T10:00:00Z");
    r.weapon_class = "T-72";
    const auto ve = verdict_in(exact, r, "weapons");
    const auto vr = verdict_in(rough, r, "weapons");
    EXPECT_EQ(ve.verdict, c.exact_verdict) << c.s_m;
    EXPECT_EQ(vr.verdict, c.rough_verdict) << c.s_m;
    EXPECT_FALSE(has_reason(ve, "line_uncertainty")) << c.s_m;
    EXPECT_EQ(has_reason(vr, "line_uncertainty"), c.rough_verdict == Verdict::indeterminate) << c.s_m;
    EXPECT_NEAR(vr.where.margin_m, ve.where.margin_m, 1e-6) << "the margin printed is the line's as drawn";
  }
}

// Clipped: only the line-derived part of the boundary carries the line's uncertainty; the
// clip area's edge is exact. 1 km inside the clip's edge, 5 km from the line and from the
// depth line: inside whatever the line's uncertainty (2 km); 2 km from the line: indeterminate.
TEST(AssessWhere, TheLinesUncertaintyDoesNotMoveTheClipBoundary) {
  const agreement::Agreement rough = uncertain_fixture(2000, true);
  const auto& g = GeographicLib::Geodesic::WGS84();
  auto west_of_edge = [&](double s_m) {  // s_m north of the line, 1 km west of the clip's edge
    const geo::LonLat on = off_line(0, s_m);
    double lat = 0, lon = 0;
    g.Direct(on.lat_deg, 36.25, 270, 1000, lat, lon);
    return geo::LonLat{lon, lat};
  };
  ReportView r = report("c", "weapon_sighting", west_of_edge(5000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  auto v = verdict_in(rough, r, "weapons");
  EXPECT_NEAR(v.where.margin_m, 1000, 5);  // the clip's edge is the nearest
  EXPECT_EQ(v.where.status, WhereStatus::inside);
  EXPECT_EQ(v.verdict, Verdict::violation);
  r = report("c", "weapon_sighting", west_of_edge(2000), 500, "2020-03-01T10:00:00Z");
  r.weapon_class = "T-72";
  v = verdict_in(rough, r, "weapons");
  EXPECT_EQ(v.where.status, WhereStatus::indeterminate);
  EXPECT_TRUE(has_reason(v, "line_uncertainty"));
  EXPECT_EQ(v.verdict, Verdict::indeterminate);
}

// --- cease-fire and evidence ---------------------------------------------------------

TEST(AssessCeasefire, AttacksInsideTheAreaOnly) {
  ReportView r = report("s1", "shelling", {36.2, 35.6}, 1000, "2020-03-01T10:00:00Z");
  r.actor = "Eastland";
  auto v = verdict(r, "ceasefire");
  EXPECT_EQ(v.verdict, Verdict::violation);
  EXPECT_EQ(v.who.id, "east");
  r.lon_deg = 38.0;  // far east of the area
  v = verdict(r, "ceasefire");
  EXPECT_EQ(v.where.status, WhereStatus::outside);
  EXPECT_EQ(v.verdict, Verdict::not_applicable);
}

TEST(AssessEvidence, PatrolsAlongTheZoneAreCompliance) {
  ReportView r = report("p1", "patrol", off_line(10000, -2000), 200, "2020-03-01T10:00:00Z");
  r.actor = "JPF";
  EXPECT_EQ(verdict(r, "patrols").verdict, Verdict::compliant);  // 2 km outside: within reach
  r.actor = "";
  EXPECT_EQ(verdict(r, "patrols").verdict, Verdict::indeterminate);
  r.actor = "JPF";
  // 4.5 km outside with a 2 km radius: the disc straddles the 5 km reach.
  const geo::LonLat edge = off_line(10000, -4500);
  r.lon_deg = edge.lon_deg;
  r.lat_deg = edge.lat_deg;
  r.precision_m = 2000;
  EXPECT_EQ(verdict(r, "patrols").verdict, Verdict::indeterminate);
  EXPECT_TRUE(has_reason(verdict(r, "patrols"), "reach_indeterminate"));
  r.precision_m = 200;
  const geo::LonLat far = off_line(10000, -30000);
  r.lon_deg = far.lon_deg;
  r.lat_deg = far.lat_deg;
  EXPECT_EQ(verdict(r, "patrols").verdict, Verdict::not_applicable);
}

// --- incidents ---------------------------------------------------------------------------

std::vector<ReportView> shelling_claims() {
  const geo::LonLat p = off_line(15000, 5000);
  ReportView a = report("a", "shelling", p, 1000, "2020-03-01T10:00:00Z");
  a.actor = "East army";
  a.source_name = "East News";
  a.source_type = "party";
  a.reliability = "D";
  a.credibility = 4;
  a.fatalities = 2;
  ReportView b = report("b", "shelling", off_line(16000, 5500), 2000, "2020-03-01T11:30:00Z");
  b.actor = "Band";
  b.source_name = "West Voice";
  b.source_type = "party";
  b.reliability = "D";
  b.credibility = 4;
  b.fatalities = 3;
  ReportView c = report("c", "airstrike", off_line(15200, 4800), 500, "2020-03-01T10:10:00Z");
  c.source_name = "Test Monitor";
  c.source_type = "monitor";
  ReportView d = report("d", "shelling", off_line(15000, 5000), 1000, "2020-03-01T12:00:00Z");
  d.source_name = "East News";  // the same outlet again: not independent
  d.source_type = "party";
  d.reliability = a.reliability;
  d.credibility = 4;
  d.actor = "Eastland";
  ReportView far = report("far", "shelling", off_line(40000, 5000), 1000, "2020-03-01T10:00:00Z");
  ReportView later = report("later", "shelling", p, 1000, "2020-03-02T10:00:00Z");
  ReportView sighting = report("sight", "weapon_sighting", p, 1000, "2020-03-01T10:05:00Z");
  return {a, b, c, d, far, later, sighting};
}

TEST(AssessIncidents, FusesCompatibleReportsAndKeepsClaimsApart) {
  assess::Options o;
  o.at = instant("2020-03-03T00:00:00Z");
  const auto s = assess::assess(fixture(), shelling_claims(), o);
  ASSERT_EQ(s.incidents.size(), 4u);  // a+b+c+d, far, later, sighting
  const assess::Incident* main = nullptr;
  for (const auto& inc : s.incidents)
    if (inc.reports.size() == 4) main = &inc;
  ASSERT_NE(main, nullptr);
  EXPECT_EQ(main->independent_sources, 3);  // East News counted once
  EXPECT_TRUE(main->corroborated);
  EXPECT_EQ(main->kind, "shelling");
  EXPECT_EQ(main->kinds, (std::vector<std::string>{"airstrike", "shelling"}));
  EXPECT_DOUBLE_EQ(main->precision_m, 500);  // the monitor's location
  EXPECT_TRUE(main->contested);
  ASSERT_EQ(main->attribution.size(), 2u);
  EXPECT_EQ(main->attribution[0].value, "band");
  EXPECT_EQ(main->attribution[0].sources, (std::vector<std::string>{"West Voice"}));
  EXPECT_EQ(main->attribution[1].value, "east");
  EXPECT_EQ(main->attribution[1].reports, (std::vector<std::string>{"a", "d"}));
  ASSERT_EQ(main->fatalities.size(), 2u);
  EXPECT_EQ(main->fatalities[0].value, "2");
  EXPECT_EQ(main->fatalities[1].value, "3");
  EXPECT_EQ(main->verdict, Verdict::violation);
  EXPECT_EQ(main->obligations, (std::vector<std::string>{"ceasefire"}));
  // Confidence: 1 - (1-0.4*0.4)(1-0.4*0.4)(1-0.8*0.8) = 0.746 (docs/assessment.md).
  EXPECT_NEAR(main->confidence, 1 - (1 - 0.16) * (1 - 0.16) * (1 - 0.64), 1e-3);
  EXPECT_EQ(main->confidence_label, "medium");
}

TEST(AssessIncidents, CoarseReportsStandAloneAndTakeNoOne) {
  // A week-precision claim, then a precise monitor report of the same kind 1 km away: two
  // incidents, the monitor's not corroborated by the vague claim.
  ReportView wk = report("wk", "shelling", off_line(15000, 5000), 5000, "2020-02-17T00:00:00Z", "week");
  wk.source_name = "Weekly Digest";
  wk.source_type = "media";
  ReportView m = report("m", "shelling", off_line(15500, 5300), 300, "2020-02-20T10:00:00Z");
  assess::Options o;
  o.at = instant("2020-03-01T00:00:00Z");
  const auto s = assess::assess(fixture(), {wk, m}, o);
  ASSERT_EQ(s.incidents.size(), 2u);
  for (const auto& inc : s.incidents) {
    EXPECT_EQ(inc.reports.size(), 1u);
    EXPECT_FALSE(inc.corroborated);
  }
}

TEST(AssessIncidents, TwoOutletsOfOneKindAreNotCorroboration) {
  auto rs = shelling_claims();
  rs.erase(rs.begin() + 2);  // drop the monitor
  assess::Options o;
  o.at = instant("2020-03-03T00:00:00Z");
  const auto s = assess::assess(fixture(), rs, o);
  for (const auto& inc : s.incidents)
    if (inc.reports.size() == 3) {
      EXPECT_EQ(inc.independent_sources, 2);
      EXPECT_FALSE(inc.corroborated);  // two party outlets
    }
}

TEST(AssessStatus, ObligationCountsAndTrend) {
  assess::Options o;
  o.at = instant("2020-03-02T12:00:00Z");
  const auto s = assess::assess(fixture(), shelling_claims(), o);
  const assess::ObligationStatus* cf = nullptr;
  for (const auto& st : s.obligations)
    if (st.id == "ceasefire") cf = &st;
  ASSERT_NE(cf, nullptr);
  EXPECT_TRUE(cf->in_force);
  EXPECT_EQ(cf->violations, 3);  // main, far, later
  EXPECT_EQ(cf->violations_corroborated, 1);
  EXPECT_EQ(cf->violations_single_source, 2);
  EXPECT_EQ(cf->violations_contested, 1);
  EXPECT_EQ(cf->period_violations, 1);           // later (2020-03-02T10:00)
  EXPECT_EQ(cf->previous_period_violations, 2);  // main and far
  EXPECT_EQ(cf->trend, "down");
  EXPECT_EQ(cf->latest_report, "later");
}

TEST(AssessStatus, LatestEvidenceIsTheLatest) {
  ReportView early = report("patrol-early", "patrol", off_line(10000, 2000), 200, "2020-02-10T10:00:00Z");
  ReportView late = report("patrol-late", "patrol", off_line(20000, 2000), 200, "2020-02-20T10:00:00Z");
  early.actor = late.actor = "JPF";
  assess::Options o;
  o.at = instant("2020-03-01T00:00:00Z");
  const auto s = assess::assess(fixture(), {late, early}, o);
  for (const auto& st : s.obligations)
    if (st.id == "patrols") {
      EXPECT_EQ(st.latest_report, "patrol-late");
      EXPECT_EQ(st.compliant, 2);
    }
}

// --- coverage ------------------------------------------------------------------------------

TEST(AssessCoverage, SectorsAlongTheLine) {
  // The line is ~45.4 km: 5 sectors of 10 km. A patrol in sector 1, a violation in sector 1
  // and a patrol in sector 3; sectors 0, 2, 4 unobserved.
  ReportView p1 = report("p1", "patrol", off_line(12000, 2000), 200, "2020-03-01T10:00:00Z");
  p1.actor = "JPF";
  ReportView p3 = report("p3", "uav_observation", off_line(35000, 6000), 200, "2020-03-01T11:00:00Z");
  ReportView w = report("w", "weapon_sighting", off_line(15000, 5000), 200, "2020-03-01T12:00:00Z");
  w.weapon_class = "tank";
  ReportView old = report("old", "patrol", off_line(1000, 2000), 200, "2020-02-20T12:00:00Z");
  assess::Options o;
  o.at = instant("2020-03-01T23:00:00Z");
  const auto s = assess::assess(fixture(), {p1, p3, w, old}, o);
  ASSERT_EQ(s.sectors.size(), 5u);
  EXPECT_EQ(s.sectors[0].id, "dmz/0/000");
  EXPECT_EQ(s.sectors[0].status, "unobserved");  // its patrol is older than the period
  EXPECT_EQ(s.sectors[1].status, "violations");
  EXPECT_EQ(s.sectors[1].violations, 1);
  EXPECT_EQ(s.sectors[2].status, "unobserved");
  EXPECT_EQ(s.sectors[3].status, "clear");
  EXPECT_EQ(s.sectors[4].status, "unobserved");
  const auto& g = GeographicLib::Geodesic::WGS84();
  double len = 0;
  g.Inverse(35.5, 36.0, 35.5, 36.5, len);
  EXPECT_NEAR(s.sectors[4].to_km, len / 1000, 1e-6);
}

// Defect 11 (issue 10): a monitor patrol that reports tanks was there to see; its sector is
// observed (it stayed "unobserved" when only patrol/UAV/post kinds counted).
TEST(AssessCoverage, AMonitorsSightingOfAnyKindObservesTheSector) {
  ReportView tanks = report("tanks", "weapon_sighting", off_line(25000, 5000), 200, "2020-03-01T10:00:00Z");
  tanks.weapon_class = "tank";
  tanks.source_type = "monitor";
  ReportView claim = report("claim", "shelling", off_line(5000, 5000), 200, "2020-03-01T10:00:00Z");
  claim.source_name = "East News";
  claim.source_type = "party";  // a party's claim is not the mission's observation
  assess::Options o;
  o.at = instant("2020-03-01T23:00:00Z");
  const auto s = assess::assess(fixture(), {tanks, claim}, o);
  ASSERT_EQ(s.sectors.size(), 5u);
  EXPECT_EQ(s.sectors[2].observations, 1);
  EXPECT_EQ(s.sectors[2].status, "violations");  // observed, and what was seen is a violation
  EXPECT_EQ(s.sectors[0].observations, 0);
  EXPECT_EQ(s.sectors[0].status, "unobserved");
}

// --- unlocated reports (issue 10, defect 3) ----------------------------------------------------

TEST(AssessIncidents, AnUnlocatedReportNeitherFusesNorGivesALocation) {
  // The same shelling, reported at 0.5 km from the line by a monitor and by an outlet whose
  // place name did not resolve: the unlocated claim stands alone, without coordinates.
  ReportView located = report("located", "shelling", off_line(15000, 500), 500, "2020-03-01T10:00:00Z");
  ReportView lost = report("lost", "shelling", {0, 0}, 0, "2020-03-01T10:05:00Z");
  lost.has_location = false;
  lost.location_method = "unresolved";
  lost.place = "Xyzzyq";
  lost.location_reason = "no match";
  lost.source_name = "East News";
  lost.source_type = "party";
  assess::Options o;
  o.at = instant("2020-03-02T00:00:00Z");
  const auto s = assess::assess(fixture(), {located, lost}, o);
  ASSERT_EQ(s.incidents.size(), 2u);
  for (const auto& inc : s.incidents) {
    ASSERT_EQ(inc.reports.size(), 1u);
    const bool is_lost = s.reports[inc.reports[0]].label == "lost";
    EXPECT_EQ(inc.has_location, !is_lost);
    EXPECT_EQ(inc.anchor, inc.reports[0]);
  }
  const auto j = assess::to_json(fixture(), s);
  for (const auto& inc : j["incidents"]) {
    const bool is_lost = inc["reports"][0] == "lost";
    EXPECT_EQ(inc["lon"].is_null(), is_lost) << inc.dump();
    EXPECT_EQ(inc["lat"].is_null(), is_lost);
    EXPECT_EQ(inc["precision_m"].is_null(), is_lost);
    EXPECT_EQ(inc["effective_location"]["method"], is_lost ? "unresolved" : "coordinates");
  }
  for (const auto& v : j["verdicts"])
    if (v["report"] == "lost") {
      EXPECT_EQ(v["verdict"], "indeterminate");
      EXPECT_TRUE(v["location"]["distance_m"].is_null());
      EXPECT_TRUE(v["effective_location"]["lon"].is_null());
      EXPECT_EQ(v["effective_location"]["reason"], "no match");
      EXPECT_EQ(v["effective_location"]["place"], "Xyzzyq");
    }
}

// --- date-only reports (issue 10, defect 10) ---------------------------------------------------

TEST(AssessIncidents, ADateOnlyReportJoiningATimedOneGivesNoTime) {
  // "2020-03-01" (a bare date: 00:00 local) and a 07:30 local report of the same shelling.
  ReportView day = report("day", "shelling", off_line(15000, 5000), 1000, "2020-03-01", "day");
  day.date_only = true;
  day.source_name = "East News";
  day.source_type = "party";
  ReportView timed = report("timed", "shelling", off_line(15100, 5000), 500, "2020-03-01T07:30:00+03:00");
  assess::Options o;
  o.at = instant("2020-03-02T00:00:00Z");
  const auto s = assess::assess(fixture(), {day, timed}, o);
  ASSERT_EQ(s.incidents.size(), 1u);
  const auto& inc = s.incidents[0];
  EXPECT_EQ(inc.reports.size(), 2u);
  EXPECT_FALSE(inc.date_only);
  ASSERT_TRUE(inc.timed_first_unix && inc.timed_last_unix);
  EXPECT_EQ(*inc.timed_first_unix, unix_of("2020-03-01T04:30:00Z"));
  EXPECT_EQ(*inc.timed_last_unix, unix_of("2020-03-01T04:30:00Z"));
  EXPECT_EQ(inc.first_unix, unix_of("2020-02-29T21:00:00Z"));  // the date, read at 00:00 local
  const auto j = assess::to_json(fixture(), s);
  EXPECT_EQ(j["incidents"][0]["first_timed"], "2020-03-01T04:30:00Z");
  EXPECT_EQ(j["incidents"][0]["date_only"], false);
  for (const auto& v : j["verdicts"])
    EXPECT_EQ(v["time"]["date_only"], v["report"] == "day") << v.dump();
  // Alone, the date-only report makes a date-only incident without a timed span.
  const auto alone = assess::assess(fixture(), {day}, o);
  ASSERT_EQ(alone.incidents.size(), 1u);
  EXPECT_TRUE(alone.incidents[0].date_only);
  EXPECT_FALSE(alone.incidents[0].timed_first_unix.has_value());
}

// --- the effective location (issue 10) ---------------------------------------------------------

store::StoredReport stored(const std::string& json_text) {
  store::StoredReport r;
  r.id = "rtest";
  r.report = nlohmann::json::parse(json_text);
  if (r.report.contains("lon")) {
    r.lon = r.report["lon"].get<double>();
    r.lat = r.report["lat"].get<double>();
  }
  return r;
}

TEST(AssessStore, FromStoredUsesTheEffectiveLocation) {
  // Coordinates without a precision: the default for the source type, not 0 m (exact).
  {
    const auto r = assess::from_stored(stored(
        R"({"observed_at":"2020-03-01T10:00:00Z","time_precision":"minute","lon":36.2,"lat":35.6,"location_precision_m":0,"kind":"shelling","source":{"name":"M","type":"monitor"}})"));
    EXPECT_TRUE(r.has_location);
    EXPECT_EQ(r.location_method, "coordinates");
    EXPECT_DOUBLE_EQ(r.precision_m, store::default_precision_m("monitor"));
    EXPECT_DOUBLE_EQ(r.precision_m, 500);
    EXPECT_EQ(r.precision_from, "default");
  }
  {
    const auto r = assess::from_stored(stored(
        R"({"observed_at":"2020-03-01T10:00:00Z","lon":36.2,"lat":35.6,"location_precision_m":0,"kind":"shelling","source":{"name":"X","type":"media"}})"));
    EXPECT_DOUBLE_EQ(r.precision_m, 5000);
  }
  // The defaults as documented (docs/report-format.md, the report's "Method and caveats").
  EXPECT_DOUBLE_EQ(store::default_precision_m("party"), 2000);
  EXPECT_DOUBLE_EQ(store::default_precision_m("ngo"), 2000);
  EXPECT_DOUBLE_EQ(store::default_precision_m("social"), 5000);
  EXPECT_DOUBLE_EQ(store::default_precision_m("other"), 5000);
  // A place resolved at ingest: its point, at least the town-centre radius, the match.
  {
    store::StoredReport s = stored(
        R"({"observed_at":"2020-03-01","place":"Kafr Zeita","location_precision_m":0,"kind":"shelling","source":{"name":"X","type":"media"}})");
    s.lon = 36.6017;
    s.lat = 35.3735;
    s.place_resolution = {{"resolved", true}, {"lon", 36.6017}, {"lat", 35.3735}, {"name", "Kafr Zita"},
                          {"match", "fuzzy"}, {"score", 0.86}, {"ambiguous", false}};
    const auto r = assess::from_stored(s);
    EXPECT_TRUE(r.has_location);
    EXPECT_EQ(r.location_method, "place");
    EXPECT_DOUBLE_EQ(r.lon_deg, 36.6017);
    EXPECT_DOUBLE_EQ(r.precision_m, store::kPlacePrecisionM);
    EXPECT_EQ(r.place_matched, "Kafr Zita");
    EXPECT_EQ(r.place_match, "fuzzy");
    ASSERT_TRUE(r.place_score.has_value());
    EXPECT_DOUBLE_EQ(*r.place_score, 0.86);
    const auto j = assess::location_json(r);
    EXPECT_EQ(j["method"], "place");
    EXPECT_EQ(j["matched"], "Kafr Zita");
    EXPECT_EQ(j["match"], "fuzzy");
    EXPECT_EQ(j["precision_m"], 2000.0);
  }
  // A place that did not resolve: no location at all (never 0, 0), and why.
  {
    store::StoredReport s = stored(
        R"({"observed_at":"2020-03-01","place":"Xyzzyq","location_precision_m":0,"kind":"shelling","source":{"name":"X","type":"media"}})");
    s.place_resolution = {{"resolved", false}, {"reason", "no match"}};
    const auto r = assess::from_stored(s);
    EXPECT_FALSE(r.has_location);
    EXPECT_EQ(r.location_method, "unresolved");
    EXPECT_EQ(r.location_reason, "no match");
    const auto j = assess::location_json(r);
    EXPECT_TRUE(j["lon"].is_null());
    EXPECT_TRUE(j["lat"].is_null());
    EXPECT_EQ(j["reason"], "no match");
    ReportView v = r;
    v.weapon_class = "tank";
    v.kind = "weapon_sighting";
    const auto w = verdict(v, "weapons");
    EXPECT_EQ(w.verdict, Verdict::indeterminate);
    EXPECT_FALSE(w.where.measured);
    EXPECT_TRUE(has_reason(w, "no_location"));
  }
}

// --- determinism, threads and the store ------------------------------------------------------

TEST(Assess, SameResultWithAnyThreadCount) {
  std::vector<ReportView> rs;
  for (int i = 0; i < 2000; ++i) {
    std::string label = "x";
    label += std::to_string(i);
    ReportView r = report(label, i % 2 ? "weapon_sighting" : "shelling",
                          off_line(100.0 * (i % 450), -20000 + 20.0 * i), 300, "2020-03-01T10:00:00Z");
    r.weapon_class = "tank";
    rs.push_back(r);
  }
  assess::Options o;
  o.at = instant("2020-03-03T00:00:00Z");
  o.threads = 1;
  const auto one = assess::to_json(fixture(), assess::assess(fixture(), rs, o)).dump();
  o.threads = 4;
  const auto four = assess::to_json(fixture(), assess::assess(fixture(), rs, o)).dump();
  EXPECT_EQ(one, four);
}

// Issue 15: with several workers the reports are cut into blocks that the workers take in turn
// and append in order while the other keeps assessing. The verdicts are those of one thread,
// in report order, whatever the count of workers and blocks (here 5 003 reports: 20 blocks of
// 256 and a short last one), with reports that have no verdict (a kind that bears on nothing)
// at block edges and runs of them.
TEST(Assess, VerdictsInReportOrderWhateverTheWorkersAndBlocks) {
  std::vector<ReportView> rs;
  for (int i = 0; i < 5003; ++i) {
    std::string label = "b";
    label += std::to_string(i);
    const char* kind = (i % 256 < 3 || (i / 700) % 2 == 1) && i % 5 == 0 ? "other" : i % 3 ? "weapon_sighting" : "shelling";
    ReportView r = report(label, kind, off_line(90.0 * (i % 470), -25000 + 10.0 * i), 300, "2020-03-01T10:00:00Z");
    r.weapon_class = "tank";
    rs.push_back(r);
  }
  assess::Options o;
  o.at = instant("2020-03-03T00:00:00Z");
  o.threads = 1;
  const auto one = assess::verdicts(fixture(), rs, o);
  ASSERT_GT(one.size(), 4000u);
  for (const unsigned threads : {2u, 3u, 7u}) {
    o.threads = threads;
    const auto many = assess::verdicts(fixture(), rs, o);
    ASSERT_EQ(many.size(), one.size()) << threads << " threads";
    for (std::size_t k = 0; k < one.size(); ++k) {
      ASSERT_EQ(many[k].report, one[k].report) << threads << " threads, verdict " << k;
      ASSERT_EQ(assess::verdict_json(rs[many[k].report], many[k]).dump(),
                assess::verdict_json(rs[one[k].report], one[k]).dump())
          << threads << " threads, verdict " << k;
    }
  }
}

// Issue 11: a zone that cannot be built (a one-sided zone on a line that crosses itself)
// throws in every verdict worker. With 100 reports (one worker) that reached the caller; with
// 1,200 (several workers) it called std::terminate. The agreement is made here, at the library
// level, so the test does not depend on the loader accepting such a zone.
TEST(Assess, AWorkerThatThrowsReachesTheCaller) {
  agreement::Agreement a = fixture();
  agreement::Line crossed;
  crossed.id = "crossed";
  crossed.geometry.parts = {{{36.0, 35.6}, {36.4, 35.9}, {36.4, 35.6}, {36.0, 35.9}}};  // a bow tie
  a.lines.push_back(crossed);
  agreement::Zone z = *a.zone("dmz");
  z.id = "crossed-zone";
  z.line = "crossed";
  z.depth_by_class.clear();
  a.zones.push_back(z);
  agreement::Obligation ob = a.obligations.front();
  ob.id = "crossed";
  ob.zone = "crossed-zone";
  a.obligations.push_back(ob);
  for (const std::size_t count : {100, 1200}) {
    for (const unsigned threads : {1u, 4u}) {
      std::vector<ReportView> rs;
      for (std::size_t i = 0; i < count; ++i) {
        std::string label = "x";  // not "x" + ...: GCC 12 -Wrestrict false positive
        label += std::to_string(i);
        ReportView r = report(label, "weapon_sighting", off_line(100.0 * (i % 450), 3000), 300,
                              "2020-03-01T10:00:00Z");
        r.weapon_class = "tank";
        rs.push_back(r);
      }
      assess::Options o;
      o.at = instant("2020-03-03T00:00:00Z");
      o.threads = threads;
      try {
        assess::assess(a, rs, o);
        ADD_FAILURE() << count << " reports, " << threads << " threads: no error";
      } catch (const geo::GeometryError& e) {
        EXPECT_NE(std::string(e.what()).find("crosses itself"), std::string::npos) << e.what();
      }
    }
  }
}

// Workers: the lowest-numbered failing worker's exception is rethrown after all have joined;
// failed() lets the others stop early.
TEST(Workers, TheFirstFailingWorkersExceptionIsRethrownAfterAllJoin) {
  for (int round = 0; round < 20; ++round) {
    std::atomic<int> finished{0};
    truceline::Workers w;
    try {
      w.run(6, [&](unsigned i) {
        if (i == 4) throw std::runtime_error("four");
        if (i == 2) throw std::runtime_error("two");
        for (int k = 0; k < 1000 && !w.failed(); ++k) std::this_thread::yield();
        ++finished;
      });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "two");
    }
    EXPECT_EQ(finished.load(), 4) << "every other worker finished before run() returned";
    EXPECT_TRUE(w.failed());
  }
  truceline::Workers ok;
  std::atomic<int> sum{0};
  ok.run(3, [&](unsigned i) { sum += static_cast<int>(i) + 1; });
  EXPECT_EQ(sum.load(), 6);
  EXPECT_FALSE(ok.failed());
}

// Imports one JSONL line as its own batch.
void ingest_line(const std::string& db, const std::string& file, const std::string& line) {
  store::Store st = store::Store::create_or_open(db);
  store::ImportOptions io;
  io.file = file;
  io.importer = "jsonl";
  bool done = false;
  st.import(io, [&](store::InputRow& row) {
    if (done) return false;
    row.number = 1;
    row.raw = line;
    row.outcome = store::report_from_jsonl(line);
    done = true;
    return true;
  });
}

TEST(Assess, SupersededReportsAreIgnored) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("truceline-assess-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string db = (dir / "s.db").string();
  const geo::LonLat p = off_line(20000, 5000);
  const std::string first = fmt::format(
      R"({{"source_id":"orig","observed_at":"2020-03-01T10:00:00Z","lon":{},"lat":{},"location_precision_m":200,"kind":"weapon_sighting","weapon_class":"tank","source":{{"name":"M"}}}})",
      p.lon_deg, p.lat_deg);
  ingest_line(db, "a.jsonl", first);
  std::string orig_id;
  {
    const store::Store st = store::Store::open_existing(db);
    st.query({}, [&](const store::StoredReport& r) { orig_id = r.id; });
  }
  const geo::LonLat q = off_line(20000, 14000);  // corrected: it was outside (within reach)
  const std::string fix = fmt::format(
      R"({{"source_id":"fix","observed_at":"2020-03-01T10:00:00Z","lon":{},"lat":{},"location_precision_m":200,"kind":"weapon_sighting","weapon_class":"tank","source":{{"name":"M"}},"supersedes":"{}"}})",
      q.lon_deg, q.lat_deg, orig_id);
  ingest_line(db, "b.jsonl", fix);
  assess::Options o;
  o.at = instant("2020-03-02T00:00:00Z");
  const auto s = assess::assess_store(fixture(), db, o);
  ASSERT_EQ(s.reports.size(), 1u);
  EXPECT_EQ(s.reports[0].label, "fix");
  for (const auto& v : s.verdicts) {
    if (v.obligation == "weapons") {
      EXPECT_EQ(v.verdict, Verdict::compliant);
    }
  }
  fs::remove_all(dir);
}

}  // namespace

namespace {

using assess::witnesses_of;

// Issue 10, defect 5: an ACLED row whose `source` column cites Step News, and Step News's own
// report, are one witness, not two independent sources.
TEST(AssessIndependence, AcledCitingAnOutletIsNotIndependentOfIt) {
  const nlohmann::json acled_row = {{"source", {{"name", "ACLED"}, {"type", "other"}}},
                                    {"acled", {{"source", "Step News Agency; Syrian Observatory for Human Rights"}}}};
  EXPECT_EQ(witnesses_of(acled_row), (std::vector<std::string>{"initials:sna", "initials:sohr", "step news",
                                                                "syrian observatory for human rights"}));
  const nlohmann::json cites = {{"source", {{"name", "Digest"}}}, {"cites", {"Step News", "Enab Baladi"}}};
  EXPECT_EQ(witnesses_of(cites), (std::vector<std::string>{"enab baladi", "step news"}));
  const nlohmann::json plain = {{"source", {{"name", "The Step News Channel"}}}};
  EXPECT_EQ(witnesses_of(plain), (std::vector<std::string>{"initials:snc", "step news"}));
  // QA, issue 10: the same outlet by its name, its abbreviation, or both.
  const auto sohr = assess::witness_keys("SOHR");
  const auto full = assess::witness_keys("Syrian Observatory for Human Rights");
  const auto both = assess::witness_keys("Syrian Observatory for Human Rights (SOHR)");
  auto shares = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const auto& x : a)
      if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    return false;
  };
  EXPECT_TRUE(shares(sohr, full));
  EXPECT_TRUE(shares(sohr, both));
  EXPECT_TRUE(shares(full, both));
  EXPECT_FALSE(shares(assess::witness_keys("Enab Baladi"), assess::witness_keys("Step News")));

  const auto p = off_line(15000, 5000);
  ReportView acled = report("acled", "shelling", p, 2000, "2020-03-01T00:00:00Z", "day");
  acled.source_name = "ACLED";
  acled.source_type = "other";
  acled.witnesses = witnesses_of(acled_row);
  acled.reliability = "F";
  acled.credibility = 6;
  ReportView step = report("step", "shelling", p, 2000, "2020-03-01T10:00:00Z");
  step.source_name = "Step News";
  step.source_type = "media";
  step.witnesses = witnesses_of({{"source", {{"name", "Step News"}}}});
  step.reliability = "F";
  step.credibility = 6;
  assess::Options o;
  o.at = instant("2020-03-03T00:00:00Z");
  auto s = assess::assess(fixture(), {acled, step}, o);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].independent_sources, 1);
  EXPECT_FALSE(s.incidents[0].corroborated);
  EXPECT_EQ(s.incidents[0].source_groups, (std::vector<std::vector<std::string>>{{"ACLED", "Step News"}}));
  // Before the rule (each source name its own witness) the same two reports were "corroborated".
  acled.witnesses.clear();
  step.witnesses.clear();
  s = assess::assess(fixture(), {acled, step}, o);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].independent_sources, 2);
  EXPECT_TRUE(s.incidents[0].corroborated);
  // Two ungraded (F6) independent sources of two types: corroborated, low, and it says why.
  EXPECT_EQ(s.incidents[0].confidence_label, "low");
  EXPECT_NE(s.incidents[0].confidence_note.find("F6"), std::string::npos) << s.incidents[0].confidence_note;
}

}  // namespace

namespace {

// QA, issue 10: a date-only report must not bridge two events of the same day hours apart
// (a 06:00 shelling and a 20:00 clash became one "corroborated, high" incident).
TEST(AssessIncidents, ADayReportMatchingTwoEventsJoinsNeither) {
  const auto p = off_line(15000, 5000);
  ReportView morning = report("morning", "shelling", p, 1000, "2020-03-01T06:00:00Z");
  morning.source_name = "Outlet One";
  morning.source_type = "media";
  ReportView evening = report("evening", "armed_clash", p, 1000, "2020-03-01T20:00:00Z");
  evening.source_name = "Outlet Two";
  evening.source_type = "ngo";
  ReportView digest = report("digest", "shelling", p, 500, "2020-03-01T00:00:00Z", "day");
  digest.date_only = true;
  digest.source_name = "Weekly Digest";
  digest.source_type = "other";
  assess::Options o;
  o.at = instant("2020-03-03T00:00:00Z");
  const auto s = assess::assess(fixture(), {digest, morning, evening}, o);
  ASSERT_EQ(s.incidents.size(), 3u);
  std::vector<std::string> timed_ids;
  for (const auto& inc : s.incidents) {
    EXPECT_EQ(inc.reports.size(), 1u);
    EXPECT_FALSE(inc.corroborated);
    if (s.reports[inc.reports[0]].label != "digest") timed_ids.push_back(inc.id);
  }
  std::sort(timed_ids.begin(), timed_ids.end());
  for (const auto& inc : s.incidents)
    if (s.reports[inc.reports[0]].label == "digest") {
      EXPECT_EQ(inc.possibly_same_as, timed_ids);
    }

  // The same day report with only one event that day joins it (ACLED rows do corroborate).
  const auto s1 = assess::assess(fixture(), {digest, morning}, o);
  ASSERT_EQ(s1.incidents.size(), 1u);
  EXPECT_EQ(s1.incidents[0].reports.size(), 2u);
  EXPECT_TRUE(s1.incidents[0].possibly_same_as.empty());
}

}  // namespace
