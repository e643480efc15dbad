// The agreement model: loading, validation (every problem, with its place), time queries.
#include <gtest/gtest.h>

#include <algorithm>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/query.hpp"
#include "truceline/error.hpp"

namespace truceline::agreement {
namespace {

const std::string kData = TRUCELINE_TEST_DATA "/agreements/";

Instant at(const char* text) { return *parse_instant(text, 180); }

TEST(Agreement, MinimalLoadsClean) {
  const Loaded l = load(kData + "minimal.toml");
  for (const auto& p : l.problems) ADD_FAILURE() << p.str();
  const Agreement& a = l.agreement;
  EXPECT_EQ(a.id, "test-accord");
  EXPECT_EQ(a.utc_offset_minutes, 180);
  ASSERT_EQ(a.zones.size(), 2u);
  EXPECT_EQ(a.zone("dmz")->depth_m, 15000);
  EXPECT_EQ(a.zone("dmz")->side, geo::ZoneSide::left);
  EXPECT_TRUE(a.zone("area")->is_area);
  EXPECT_EQ(a.line("front")->geometry.parts[0].size(), 4u);
  EXPECT_EQ(a.actor("band")->aliases.at(1), "الفرقة");
}

TEST(Agreement, LocalDatesAreReadInTheAgreementsTimezone) {
  const Agreement a = load_valid(kData + "minimal.toml");
  // valid_from = 2020-01-10 at +03:00 is 2020-01-09T21:00:00Z.
  EXPECT_EQ(format_instant(*a.zone("dmz")->valid.from), "2020-01-09T21:00:00Z");
  // A date as a deadline is the end of that day, local time.
  EXPECT_EQ(format_instant(*a.obligations[0].deadline), "2020-02-01T20:59:59Z");
  EXPECT_EQ(format_instant(*parse_instant("2020-02-01T12:00:00Z", 180)), "2020-02-01T12:00:00Z");
  EXPECT_EQ(format_instant(*parse_instant("2020-02-01T12:00:00-05:00", 180)), "2020-02-01T17:00:00Z");
  EXPECT_FALSE(parse_instant("2020-02-30", 0));
  EXPECT_FALSE(parse_instant("1 Feb 2020", 0));
}

TEST(Agreement, DesignationsDependOnDesignatorAndDate) {
  const Agreement a = load_valid(kData + "minimal.toml");
  auto statuses = [&](const char* when) {
    std::vector<std::string> out;
    for (const auto* d : designations_at(a, at(when))) out.push_back(d->by + ":" + d->status);
    std::sort(out.begin(), out.end());
    return out;
  };
  // Before: nothing; then East and West disagree on the same day; from June only East's stands.
  EXPECT_TRUE(statuses("2019-12-31").empty());
  EXPECT_EQ(statuses("2020-03-01"), (std::vector<std::string>{"east:terrorist", "west:moderate"}));
  EXPECT_EQ(statuses("2020-06-01"), (std::vector<std::string>{"east:terrorist"}));
}

TEST(Agreement, ExtensionsMoveTheEffectiveDeadline) {
  const Agreement a = load_valid(kData + "minimal.toml");
  const Obligation& o = a.obligations.at(0);
  const auto before = deadline_at(o, at("2020-01-20"));
  EXPECT_FALSE(before.passed);
  EXPECT_TRUE(before.extended);
  EXPECT_EQ(format_instant(*before.original), "2020-02-01T20:59:59Z");
  EXPECT_EQ(format_instant(*before.effective), "2020-03-01T20:59:59Z");
  EXPECT_FALSE(deadline_at(o, at("2020-02-15")).passed) << "past the original, within the extension";
  EXPECT_TRUE(deadline_at(o, at("2020-03-02")).passed);
}

TEST(Agreement, ZonesInForceAndReadings) {
  const Agreement a = load_valid(kData + "minimal.toml");
  EXPECT_EQ(zones_in_force(a, at("2020-01-05")).size(), 1u);  // the area only
  EXPECT_EQ(zones_in_force(a, at("2020-01-10")).size(), 2u);
  EXPECT_EQ(depth_for(*a.zone("dmz"), ""), 15000);
  EXPECT_EQ(depth_for(*a.zone("dmz"), "text"), 15000);
  EXPECT_EQ(depth_for(*a.zone("dmz"), "east-news"), 20000);
  EXPECT_THROW(depth_for(*a.zone("dmz"), "nobody"), InputError);
  // The zone made concrete: within 15 km on the left, and inside the clip area.
  const ZoneInstance dmz(a, *a.zone("dmz"));
  EXPECT_TRUE(dmz.locate({36.45, 35.70}).inside);
  EXPECT_FALSE(dmz.locate({36.20, 35.50}).inside) << "right of the line";
  const ZoneInstance wide(a, *a.zone("dmz"), "east-news");
  EXPECT_EQ(wide.depth_m(), 20000);
  const ZoneInstance area(a, *a.zone("area"));
  EXPECT_TRUE(area.locate({36.5, 35.5}).inside);
  EXPECT_FALSE(area.locate({37.5, 35.5}).inside);
  EXPECT_NEAR(area.locate({36.5, 35.5}).distance_m, 22'000, 2'000);  // to the nearest edge (35.3 N)
}

TEST(Agreement, EveryProblemIsListedWithItsPlace) {
  const Loaded l = load(kData + "problems.toml");
  std::vector<std::string> got;
  for (const auto& p : l.problems) got.push_back(p.str().substr(p.str().find("problems.toml")));
  const std::vector<std::string> expected{
      "problems.toml:1:1: \"signatories\": unknown party \"nobody\"",
      "problems.toml:19:1: duplicate id \"east\" ([[party]]); first defined at line 15",
      "problems.toml:25:15: line front: part 1: fewer than two distinct vertices",
      "problems.toml:25:32: line front, position 2: [36.3, 95.8] is out of range (lon in [-180, 180], lat in [-90, 90])",
      "problems.toml:27:15: \"valid_until\" is not after \"valid_from\"",
      "problems.toml:31:8: line missing-file: " + kData.substr(kData.find("tests/")) + "no/such/line.geojson: cannot open: No such file or directory",
      "problems.toml:37:9: \"depth\" = \"15\": expected a number with a unit, m or km (e.g. \"15km\")",
      "problems.toml:38:8: \"side\" = \"up\": expected left, right or both",
      "problems.toml:42:1: \"line\": unknown line \"nowhere\"",
      "problems.toml:46:9: \"depth\" needs a unit: write \"15km\" or \"15m\"",
      "problems.toml:49:1: \"source\": unknown source \"unknown-source\"",
      "problems.toml:49:1: obligation o1: deadline 2021-02-01T20:59:59Z is outside the validity of zone dmz",
  };
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (expected[i].find("line missing-file") != std::string::npos) {
      EXPECT_NE(got[i].find("no/such/line.geojson: cannot open: No such file or directory"), std::string::npos) << got[i];
      continue;
    }
    EXPECT_EQ(got[i], expected[i]);
  }
  EXPECT_THROW(load_valid(kData + "problems.toml"), InputError);
}

TEST(Agreement, TomlSyntaxErrorHasItsPlace) {
  const Loaded l = load(kData + "syntax.toml");
  ASSERT_EQ(l.problems.size(), 1u);
  EXPECT_EQ(l.problems[0].at.line, 3);
  EXPECT_NE(l.problems[0].message.find("TOML syntax"), std::string::npos);
}

TEST(Agreement, UnreadableFileIsAnInputError) { EXPECT_THROW(load(kData + "nope.toml"), InputError); }

}  // namespace
}  // namespace truceline::agreement
