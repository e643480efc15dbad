// The agreement model: loading, validation (every problem, with its place), time queries.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/query.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
#include "../support/temp_dir.hpp"

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

// A small valid agreement (one line, one area) followed by `extra` TOML, written in `dir`.
const char* kHead = R"(
[agreement]
id = "t"
title = "T"
signed = 2020-01-01
sources = ["text"]

[[source]]
id = "text"
title = "Text"
publisher = "P"
date = 2020-01-01

[[party]]
id = "east"
name = "East"

[[zone]]
id = "area"
kind = "de-escalation-area"
coordinates = [[[36.0, 35.0], [36.8, 35.0], [36.8, 35.8], [36.0, 35.8], [36.0, 35.0]]]
)";

std::string write_agreement(const test::TempDir& dir, const std::string& extra) {
  const std::string path = dir / "agreement.toml";
  std::ofstream(path) << kHead << extra;
  return path;
}

std::vector<std::string> messages(const Loaded& l) {
  std::vector<std::string> out;
  for (const auto& p : l.problems) out.push_back(fmt::format("{}:{}: {}", p.at.line, p.at.column, p.message));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& needle) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& m) { return m.find(needle) != std::string::npos; });
}

TEST(Agreement, OneSidedZoneOnASelfCrossingLineFailsCheck) {
  for (const char* coords : {"[[36.1, 35.1], [36.5, 35.1], [36.5, 35.4], [36.3, 35.4], [36.3, 34.9]]",  // crosses
                             "[[36.1, 35.1], [36.5, 35.1], [36.5, 35.4], [36.3, 35.4], [36.3, 35.1]]",  // touches
                             "[[36.1, 35.1], [36.5, 35.1], [36.3, 35.1]]"}) {                          // overlaps
    SCOPED_TRACE(coords);
    const test::TempDir dir;
    const std::string path = write_agreement(dir, std::string(R"(
[[line]]
id = "front"
coordinates = )") + coords + R"(

[[zone]]
id = "dmz"
kind = "demilitarized"
line = "front"
depth = "5km"
side = "left"
readings = [{ source = "text", depth = "9km" }]
)");
    const Loaded l = load(path);
    const auto m = messages(l);
    ASSERT_EQ(m.size(), 1u) << (m.empty() ? "" : m[0]);
    EXPECT_EQ(m[0].substr(0, 5), "27:1:") << m[0];  // the [[zone]] table
    EXPECT_TRUE(has(m, "zone dmz: the line crosses itself") || has(m, "zone dmz: the line touches itself") ||
                has(m, "zone dmz: the line overlaps itself"))
        << m[0];
    EXPECT_THROW(load_valid(path), InputError);
  }
}

TEST(Agreement, ZoneReachingAPoleFailsCheck) {
  const test::TempDir dir;
  const std::string path = write_agreement(dir, R"(
[[line]]
id = "polar"
coordinates = [[0.0, 89.9], [90.0, 89.9]]

[[zone]]
id = "cap"
kind = "demilitarized"
line = "polar"
depth = "5km"
side = "both"
readings = [{ source = "text", depth = "15km" }]

[[zone]]
id = "cap-area"
kind = "holding-area"
coordinates = [[[0.0, 80.0], [90.0, 80.0], [90.0, 90.0], [0.0, 80.0]]]
)");
  const auto m = messages(load(path));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(has(m, "zone cap: the zone reaches the north pole")) << m[0];  // under the 15 km reading
  EXPECT_TRUE(has(m, "zone cap-area: polygon 1, ring 1: a vertex at a pole")) << m[1];
}

TEST(Agreement, UnknownKeysAreErrorsWithAHint) {
  const test::TempDir dir;
  const std::string path = write_agreement(dir, R"(
[[line]]
id = "front"
coordinates = [[36.1, 35.1], [36.5, 35.2]]
sources = ["text"]

[[zone]]
id = "dmz"
kind = "demilitarized"
line = "front"
depth = "5km"
side = "left"
clip_file = "area.geojson"
min_width = "1km"
readings = [{ source = "text", dpeth = "9km" }]

[[obligation]]
id = "o1"
text = "Weapons leave."
kind = "withdraw-weapon"
binds = { parties = ["east"], grups = ["x"] }
line = "front"
renewal = 2020-03-01

[[amendment]]
id = "a1"
title = "A"
in_force = 2020-02-01
timezone = "+03:00"

[[zones]]
id = "z"
)");
  const auto m = messages(load(path));
  std::string all;
  for (const auto& x : m) all += x + "\n";
  SCOPED_TRACE(all);
  const std::vector<std::string> expected{
      "34:1: unknown key \"clip_file\" in [[zone]] — did you mean \"clip\"? (keys: id, kind, title, line, depth,",
      "35:1: unknown key \"min_width\" in [[zone]] (keys: ",
      "36:13: missing key \"depth\"",
      "36:32: unknown key \"dpeth\" in \"readings\" — did you mean \"depth\"? (keys: source, depth)",
      "41:8: \"kind\" = \"withdraw-weapon\": unknown obligation kind — did you mean \"withdraw-weapons\"? (kinds: "
      "withdraw-weapons, withdraw-groups, cease-fire, patrol, monitor, open-route, keep-post, reaffirm, other)",
      "42:31: unknown key \"grups\" in \"binds\" — did you mean \"groups\"?",
      "43:1: unknown key \"line\" in [[obligation]] (keys: ",
      "44:1: unknown key \"renewal\" in [[obligation]] (keys: ",
      "50:1: unknown key \"timezone\" in [[amendment]] (keys: ",
      "52:1: unknown table \"zones\" — did you mean \"zone\"?",
  };
  for (const auto& e : expected) EXPECT_TRUE(has(m, e)) << "missing: " << e;
  EXPECT_EQ(m.size(), expected.size());
  // `sources` is documented wherever `source` is taken.
  EXPECT_FALSE(has(m, "unknown key \"sources\""));
}

TEST(Agreement, ClipIsAZoneIdOrAGeoJsonFile) {
  const test::TempDir dir;
  // A clip area with a hole around (36.4, 35.2), which is 3 km from the line.
  std::ofstream(dir / "clip.geojson") << R"({"type": "Polygon", "coordinates": [
    [[36.2, 35.0], [36.8, 35.0], [36.8, 35.8], [36.2, 35.8], [36.2, 35.0]],
    [[36.39, 35.19], [36.39, 35.21], [36.41, 35.21], [36.41, 35.19], [36.39, 35.19]]]})";
  for (const char* clip : {R"("clip.geojson")", R"({ file = "clip.geojson" })"}) {
    SCOPED_TRACE(clip);
    const std::string path = write_agreement(dir, std::string(R"(
[[line]]
id = "front"
coordinates = [[36.1, 35.17], [36.7, 35.17]]

[[zone]]
id = "dmz"
kind = "demilitarized"
line = "front"
depth = "10km"
side = "both"
clip = )") + clip + "\n");
    const Loaded l = load(path);
    for (const auto& p : l.problems) ADD_FAILURE() << p.str();
    const Zone& z = *l.agreement.zone("dmz");
    EXPECT_EQ(z.clip_file, "clip.geojson");
    const ZoneInstance zi(l.agreement, z);
    EXPECT_FALSE(zi.locate({36.4, 35.2}).inside);   // in the clip's hole
    EXPECT_TRUE(zi.locate({36.45, 35.2}).inside);
    EXPECT_FALSE(zi.locate({36.15, 35.17}).inside);  // in the buffer, outside the clip area
    // The drawing keeps the hole, as locate does.
    const geo::Zone drawn = zi.render();
    std::size_t holes = 0;
    for (const auto& poly : drawn.polygons) holes += poly.size() - 1;
    EXPECT_EQ(holes, 1u);
  }
  // An id that names no zone and no file is an unknown zone, with the area zones listed.
  const std::string path = write_agreement(dir, R"(
[[line]]
id = "front"
coordinates = [[36.1, 35.17], [36.7, 35.17]]

[[zone]]
id = "dmz"
kind = "demilitarized"
line = "front"
depth = "10km"
side = "both"
clip = "aera"
)");
  const auto m = messages(load(path));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(has(m, "\"clip\": unknown zone \"aera\" — did you mean \"area\"? (area zones: area;")) << m[0];
  const std::string missing = write_agreement(dir, R"(
[[line]]
id = "front"
coordinates = [[36.1, 35.17], [36.7, 35.17]]

[[zone]]
id = "dmz"
kind = "demilitarized"
line = "front"
depth = "10km"
side = "both"
clip = "nowhere.geojson"
)");
  const auto m2 = messages(load(missing));
  ASSERT_EQ(m2.size(), 1u);
  EXPECT_TRUE(has(m2, "zone dmz: clip: ")) << m2[0];
  EXPECT_TRUE(has(m2, "nowhere.geojson")) << m2[0];
}

}  // namespace
// A weapon class attributed to one party (barrel bombs): the party and the source must exist, and
// the source is required with the party.
TEST(Agreement, AWeaponClassAttributedToAPartyNamesItsSource) {
  {
    const test::TempDir dir;
    const auto l = load(write_agreement(dir, R"(
[[weapon_class]]
id = "barrel_bomb"
name = "barrel bomb"
attributed_to = "east"
attribution_source = "text"
)"));
    for (const auto& p : l.problems) ADD_FAILURE() << p.str();
    ASSERT_NE(l.agreement.weapon_class("barrel_bomb"), nullptr);
    EXPECT_EQ(l.agreement.weapon_class("barrel_bomb")->attributed_to, "east");
    EXPECT_EQ(l.agreement.weapon_class("barrel_bomb")->attribution_source, "text");
  }
  {
    const test::TempDir dir;
    const auto m = messages(load(write_agreement(dir, R"(
[[weapon_class]]
id = "barrel_bomb"
name = "barrel bomb"
attributed_to = "west"

[[weapon_class]]
id = "other_bomb"
name = "other bomb"
attributed_to = "east"
attribution_source = "nowhere"

[[weapon_class]]
id = "third_bomb"
name = "third bomb"
attribution_source = "text"
)")));
    std::string all;
    for (const auto& x : m) all += x + "\n";
    SCOPED_TRACE(all);
    EXPECT_TRUE(has(m, "missing key \"attribution_source\""));
    EXPECT_TRUE(has(m, "\"attributed_to\": unknown party \"west\""));
    EXPECT_TRUE(has(m, "\"attribution_source\": unknown source \"nowhere\""));
    EXPECT_TRUE(has(m, "\"attribution_source\" without \"attributed_to\""));
    EXPECT_EQ(m.size(), 4u);
  }
}

}  // namespace truceline::agreement
