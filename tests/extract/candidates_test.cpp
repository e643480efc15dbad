// extract::assemble_candidates with mentions made by hand (the finders have their own tests):
// place, time, actor/target, offsets, counts and claims, merging, denials. Our own sentences.
#include "truceline/extract/candidates.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <string>
#include <string_view>

namespace truceline::extract {
namespace {

using nlohmann::json;
using namespace std::chrono;

struct Fixture {
  Document doc;
  Mentions m;
  std::function<bool(std::string_view)> matches;  // CandidateContext::name_matches_a_place
  explicit Fixture(std::string text) : doc(Document::make(std::move(text))) {}
  // The span of the n-th occurrence of `needle`.
  Span at(const std::string& needle, int nth = 0) const {
    std::size_t pos = doc.text().find(needle);
    for (int i = 0; i < nth; ++i) pos = doc.text().find(needle, pos + 1);
    EXPECT_NE(pos, std::string::npos) << needle;
    return doc.cp_span(pos, pos + needle.size());
  }
  void point(const std::string& name, double lon, double lat, std::uint32_t id) {
    PlaceMention p;
    p.span = at(name);
    p.text = name;
    p.kind = "point";
    p.name = name;
    p.geonameid = id;
    p.lon = lon;
    p.lat = lat;
    p.rule = "test";
    m.places.push_back(p);
  }
  void place(const std::string& text, const std::string& kind) {
    PlaceMention p;
    p.span = at(text);
    p.text = text;
    p.kind = kind;
    p.rule = "test";
    p.reason = kind == "region" ? "a province" : "no match";
    m.places.push_back(p);
  }
  void actor(const std::string& text, const std::string& id, const std::string& category = "", int nth = 0) {
    m.actors.push_back({at(text, nth), text, id, "alias", category});
  }
  void date(const std::string& text, year_month_day d, const std::string& precision = "day") {
    m.dates.push_back({at(text), text, d, "absolute", precision, ""});
  }
  void number(const std::string& text, std::uint64_t v, const std::string& counts, const std::string& q = "exact",
              int nth = 0) {
    m.numbers.push_back({at(text, nth), text, v, std::nullopt, q, counts, "", std::nullopt});
  }
  std::vector<json> run(std::optional<year_month_day> published = std::nullopt) {
    std::sort(m.places.begin(), m.places.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
    return assemble_candidates(doc, find_events(doc), m, {"t.txt", published, "Outlet", "media", matches, {}});
  }
};

TEST(Candidates, PlaceTimeActorTarget) {
  Fixture f("On 9 October government forces shelled Saraqib and HTS positions.");
  f.date("9 October", 2018y / October / 9);
  f.actor("government forces", "syria");
  f.point("Saraqib", 36.8, 35.86, 164816);
  f.actor("HTS", "hts");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["kind"], "shelling");
  EXPECT_EQ(c[0]["observed_at"], "2018-10-09");
  EXPECT_EQ(c[0]["time_precision"], "day");
  EXPECT_EQ(c[0]["place"], "Saraqib");
  EXPECT_EQ(c[0]["lon"], 36.8);
  EXPECT_EQ(c[0]["location_precision_m"], 2000.0);
  EXPECT_EQ(c[0]["actor"], "government forces");
  EXPECT_EQ(c[0]["target"], "HTS");
  EXPECT_EQ(c[0]["status"], "candidate");
  EXPECT_EQ(c[0]["claimed_by"], "Outlet");  // unattributed: the source itself
  EXPECT_EQ(c[0]["evidence"]["place"]["span"], json::array({39, 46}));
  EXPECT_EQ(c[0]["evidence"]["actor"]["id"], "syria");
  EXPECT_FALSE(c[0].contains("reported_at"));
}

TEST(Candidates, PassiveVoiceActorAfterBy) {
  Fixture f("Saraqib was shelled by government forces on 9 October.");
  f.point("Saraqib", 36.8, 35.86, 1);
  f.actor("government forces", "syria");
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["actor"], "government forces");
  EXPECT_EQ(c[0]["evidence"]["actor"]["rule"], "after_trigger:by");
}

TEST(Candidates, OffsetWidensThePrecision) {
  Fixture f("Shelling hit a farm 5 km north of Saraqib on 9 October.");
  f.point("Saraqib", 36.8, 35.86, 1);
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["location_precision_m"], 7000.0);
  EXPECT_EQ(c[0]["evidence"]["place"]["offset"]["km"], 5);
}

// What a mention's finder assumed (its `reason`) reaches the candidate's `uncertain`: a name
// that is both a city and a province, a year taken from the publication date.
TEST(Candidates, AssumptionsOfTheChosenMentionsAreSaid) {
  Fixture f("Shelling hit Latakia on 9 October.");
  f.point("Latakia", 35.79, 35.52, 173576);
  f.m.places[0].reason = "'Latakia' names both the city and the province: the city assumed, the province may be meant";
  f.m.dates.push_back({f.at("9 October"), "9 October", 2018y / October / 9, "absolute_no_year", "day",
                       "year from publication date"});
  const auto c = f.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 1u);
  const std::string u = c[0]["uncertain"].dump();
  EXPECT_NE(u.find("place: 'Latakia': 'Latakia' names both the city and the province"), std::string::npos) << u;
  EXPECT_NE(u.find("time: '9 October': year from publication date"), std::string::npos) << u;
  // The point stays the city's with a town's precision (docs/extract.md says why).
  EXPECT_EQ(c[0]["location_precision_m"], 2000.0);
}

TEST(Candidates, UnresolvedPlaceIsWrittenWithoutCoordinates) {
  Fixture f("Clashes broke out in Tell Xyzzy on 9 October.");
  f.place("Tell Xyzzy", "unresolved");
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["place"], "Tell Xyzzy");
  EXPECT_FALSE(c[0].contains("lon"));
  EXPECT_FALSE(c[0].contains("location_precision_m"));
}

TEST(Candidates, RegionIsNoPlace) {
  Fixture f("Clashes broke out in Idlib province on 9 October.");
  f.place("Idlib province", "region");
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  // Never a point; the region as written, marked `unlocated` (no matcher given: any name may be
  // a place's), so ingest keeps it in the review queue without a location (issue 14, defect 4).
  EXPECT_FALSE(c[0].contains("lon"));
  EXPECT_EQ(c[0]["place"], "Idlib province");
  EXPECT_TRUE(c[0].contains("unlocated"));
  EXPECT_NE(c[0]["uncertain"].dump().find("only a region"), std::string::npos);
}

// A sentence whose event names only a region, with an actor other than the earlier event's, is
// an event of its own (not the earlier one told again), borrows neither the point (not in the
// region) nor the day of the sentence before, and writes the region
// as `place` only when no gazetteer place matches that name.
TEST(Candidates, RegionOnlyEventIsItsOwnUnlocatedCandidate) {
  Fixture f("Government forces shelled Saraqib on 9 October. Rebel fighters fired rockets at Hama countryside "
            "villages, killing a woman.");
  f.point("Saraqib", 36.8, 35.86, 1);
  f.date("9 October", 2018y / October / 9);
  f.place("Hama countryside", "region");
  f.actor("Government forces", "syria");
  f.actor("Rebel fighters", "");
  f.matches = [](std::string_view n) { return n == "Hama"; };
  auto c = f.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1]["kind"], "shelling");
  EXPECT_FALSE(c[1].contains("lon"));
  EXPECT_FALSE(c[1].contains("location_precision_m"));
  EXPECT_EQ(c[1]["place"], "Hama countryside");
  EXPECT_EQ(c[1]["observed_at"], "2018-10-12");  // the publication date, said so; not 9 October
  const std::string u = c[1]["uncertain"].dump();
  EXPECT_NE(u.find("only a region ('Hama countryside')"), std::string::npos) << u;
  EXPECT_NE(u.find("publication date"), std::string::npos) << u;
  EXPECT_FALSE(c[1].contains("unlocated"));
  // A region whose name matches a gazetteer place is written as `place` with `unlocated` and
  // its reason (store::stated_unlocated: ingest does not resolve it to the town; it was left
  // without `place` before, and ingest quarantined it as "missing location").
  f.matches = [](std::string_view) { return true; };
  c = f.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1]["place"], "Hama countryside");
  EXPECT_FALSE(c[1].contains("lon"));
  ASSERT_TRUE(c[1].contains("unlocated"));
  EXPECT_NE(c[1]["unlocated"].get<std::string>().find("only a region ('Hama countryside')"), std::string::npos);
  EXPECT_NE(c[1]["uncertain"].dump().find("also matches a gazetteer place"), std::string::npos);
}

// Coordinated places: each candidate carries its own place's assumptions, not the first's.
TEST(Candidates, CoordinatedPlacesKeepTheirOwnAssumptions) {
  Fixture f("Militants shelled Latakia and Hama on 9 October.");
  f.point("Latakia", 35.79, 35.52, 1);
  f.point("Hama", 36.75, 35.13, 2);
  f.m.places[0].reason = "city or province: Latakia";
  f.m.places[1].reason = "city or province: Hama";
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_NE(c[0]["uncertain"].dump().find("city or province: Latakia"), std::string::npos);
  EXPECT_EQ(c[0]["uncertain"].dump().find("city or province: Hama"), std::string::npos);
  EXPECT_NE(c[1]["uncertain"].dump().find("city or province: Hama"), std::string::npos);
  EXPECT_EQ(c[1]["uncertain"].dump().find("city or province: Latakia"), std::string::npos);
}

TEST(Candidates, TimeFromPublicationOrAbsent) {
  Fixture f("Clashes broke out near the hill.");
  auto c = f.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["observed_at"], "2018-10-12");
  EXPECT_EQ(c[0]["reported_at"], "2018-10-12");
  EXPECT_NE(c[0]["uncertain"].dump().find("publication date"), std::string::npos);
  c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].contains("observed_at"));
  EXPECT_NE(c[0]["uncertain"].dump().find("observed_at is missing"), std::string::npos);
}

TEST(Candidates, ConflictingFiguresGiveClaimsAndTheLowest) {
  Fixture f("Warplanes struck Kafr Nabl on 8 October, killing five civilians, the civil defence said. "
            "The monitors said eight civilians were killed.");
  f.point("Kafr Nabl", 36.56, 35.61, 2);
  f.date("8 October", 2018y / October / 8);
  f.number("five", 5, "fatalities");
  f.number("eight", 8, "fatalities", "more_than");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);  // the airstrike; its casualties are no second event
  const json& a = c[0];
  EXPECT_EQ(a["kind"], "airstrike");
  EXPECT_EQ(a["fatalities"], 5);
  ASSERT_TRUE(a.contains("claims"));
  ASSERT_EQ(a["claims"].size(), 2u);
  EXPECT_EQ(a["claims"][0]["claimed_by"], "civil defence");
  EXPECT_EQ(a["claims"][0]["value"], 5);
  EXPECT_EQ(a["claims"][1]["claimed_by"], "monitors");
  EXPECT_EQ(a["claims"][1]["value"], 8);
  EXPECT_EQ(a["claims"][1]["qualifier"], "more_than");
  EXPECT_NE(a["summary"].get<std::string>().find("eight civilians"), std::string::npos);
}

TEST(Candidates, SameKindPlaceAndDayAreOneCandidate) {
  Fixture f("Shelling hit Saraqib on 9 October. Later the army shelled Saraqib again.");
  f.m.places.push_back({});
  f.m.places.clear();
  f.point("Saraqib", 36.8, 35.86, 1);
  PlaceMention second = f.m.places[0];
  second.span = f.at("Saraqib", 1);
  f.m.places.push_back(second);
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run(2018y / October / 9);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["evidence"]["merged"].size(), 1u);
}

TEST(Candidates, FollowingCasualtySentenceBelongsToTheEvent) {
  Fixture f("Militants attacked army positions near Morek on 9 October. Two soldiers were wounded, the ministry said.");
  f.point("Morek", 36.6, 35.37, 3);
  f.date("9 October", 2018y / October / 9);
  f.number("Two", 2, "injured");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["injured"], 2);
  EXPECT_EQ(c[0]["claims"][0]["claimed_by"], "ministry");
  EXPECT_EQ(c[0]["evidence"]["sentences"].size(), 2u);
}

TEST(Candidates, DenialBecomesAClaim) {
  Fixture f("The monitors said the army shelled Saraqib on 9 October. The army denied it.");
  f.point("Saraqib", 36.8, 35.86, 1);
  f.date("9 October", 2018y / October / 9);
  std::vector<Statement> statements;
  const auto c = assemble_candidates(f.doc, find_events(f.doc), f.m, {"t.txt", std::nullopt, "Outlet", "media", {}, {}},
                                     &statements);
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(c[0]["claims"].size(), 2u);
  EXPECT_EQ(c[0]["claims"][0]["value"], "asserted");
  EXPECT_EQ(c[0]["claims"][0]["claimed_by"], "monitors");
  EXPECT_EQ(c[0]["claims"][1]["value"], "denied");
  EXPECT_EQ(c[0]["claims"][1]["claimed_by"], "army");
  EXPECT_TRUE(statements.empty());
}

TEST(Candidates, DenialOfNothingIsAStatement) {
  Fixture f("The army denied shelling the village.");
  std::vector<Statement> statements;
  const auto c = assemble_candidates(f.doc, find_events(f.doc), f.m, {"t.txt", std::nullopt, "Outlet", "media", {}, {}},
                                     &statements);
  EXPECT_TRUE(c.empty());
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].why, "denial");
}

// Issue 14, sixth held-out set: "after" / "during" opens a clause about an earlier time only when
// the sentence tells another event before it; a sentence whose only event follows "after" tells
// it on the sentence's day. Our own text.
TEST(Candidates, AfterClauseOfTheOnlyEventKeepsTheDay) {
  Fixture f("On 2 June a bakery in Sarmin was closed after shells hit its street.");
  f.date("2 June", 2019y / June / 2);
  f.point("Sarmin", 36.72, 35.9, 1);
  auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["observed_at"], "2019-06-02") << c[0].dump();
  Fixture g("On 2 June warplanes struck Sarmin, weeks after the army shelled it.");
  g.date("2 June", 2019y / June / 2);
  g.point("Sarmin", 36.72, 35.9, 1);
  c = g.run();
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0]["observed_at"], "2019-06-02");
}

// Issue 14, sixth held-out set: return fire with no day of its own answered the fire told before
// it, in another paragraph (a ministry's numbered posts): its day, not the publication's. Our
// own text.
TEST(Candidates, ReturnFireTakesTheDayOfTheFireItAnswers) {
  Fixture f("On 3 May militants fired mortar rounds at the post near Saraqib.\n\nOur howitzers returned fire at once.");
  f.date("3 May", 2020y / May / 3);
  f.point("Saraqib", 36.8, 35.86, 164816);
  f.actor("militants", "");
  const auto c = f.run(2020y / May / 4);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0]["observed_at"], "2020-05-03");
  EXPECT_EQ(c[1]["kind"], "shelling");
  EXPECT_EQ(c[1]["observed_at"], "2020-05-03");
  EXPECT_EQ(c[1]["evidence"]["time"]["rule"], "answered_event:absolute") << c[1].dump();
}

}  // namespace
}  // namespace truceline::extract

namespace truceline::extract {
namespace {

TEST(Candidates, ContinuingSentenceTakesPlaceAndTimeBefore) {
  Fixture f("Warplanes struck Kafr Nabl on 8 October. Five civilians were killed in the raid, the civil defence said.");
  f.point("Kafr Nabl", 36.56, 35.61, 2);
  f.date("8 October", 2018y / October / 8);
  f.number("Five", 5, "fatalities");
  const auto c = f.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 1u);  // one air strike: same kind, place and day
  EXPECT_EQ(c[0]["observed_at"], "2018-10-08");
  EXPECT_EQ(c[0]["fatalities"], 5);
  // Two claimants assert it: the source (unattributed first sentence) and the civil defence.
  ASSERT_GE(c[0]["claims"].size(), 2u);
  EXPECT_EQ(c[0]["claims"][0]["claimed_by"], "Outlet");
  EXPECT_EQ(c[0]["claims"][1]["claimed_by"], "civil defence");
}

}  // namespace
}  // namespace truceline::extract

namespace truceline::extract {
namespace {

TEST(Candidates, CoordinatedPlacesGiveOneCandidateEach) {
  Fixture f("Helicopters dropped barrel bombs on Kafr Nabl and Hish on 8 May.");
  f.point("Kafr Nabl", 36.56, 35.61, 2);
  f.point("Hish", 36.64, 35.55, 4);
  f.date("8 May", 2019y / May / 8);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0]["place"], "Kafr Nabl");
  EXPECT_EQ(c[1]["place"], "Hish");
  EXPECT_EQ(c[1]["evidence"]["place"]["rule"], "coordinated_in_sentence:test");
}

// "between X and Y" (and "между X и Y", "بين X و Y", "X ile Y arasında"): one event between the
// two points, at their geodesic midpoint (checked here by its distances to both ends, computed
// apart), with a radius that reaches both.
TEST(Candidates, BetweenTwoPlacesIsOneEventAtTheirMidpoint) {
  const std::vector<std::array<const char*, 3>> cases{
      {"A drone struck a motorcycle on the road between al-Bara and Kansafra on 14 August.", "al-Bara", "Kansafra"},
      {"Беспилотник 14 августа нанёс удар по мотоциклу на дороге между Аль-Бара и Кансафра.", "Аль-Бара", "Кансафра"},
      {"استهدفت طائرة مسيرة دراجة نارية على الطريق بين البارة و كنصفرة في 14 آب.", "البارة", "كنصفرة"},
      {"14 Ağustos'ta Bara ile Kansafra arasında bir motosiklete İHA saldırısı düzenlendi.", "Bara", "Kansafra"}};
  for (const auto& [text, a, z] : cases) {
    Fixture f(text);
    f.point(a, 36.54, 35.68, 1);
    f.point(z, 36.51, 35.67, 2);
    f.date(std::string(text).find("14 August") != std::string::npos ? "14 August"
           : std::string(text).find("14 августа") != std::string::npos ? "14 августа"
           : std::string(text).find("14 آب") != std::string::npos ? "14 آب" : "14 Ağustos",
           2020y / August / 14);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u) << text << "\n" << json(c).dump();
    EXPECT_EQ(c[0]["place"], std::string("between ") + a + " and " + z) << text;
    EXPECT_EQ(c[0]["evidence"]["place"]["rule"], "between:test") << text;
    EXPECT_EQ(c[0]["evidence"]["place"]["between"]["text"], z) << text;
    const auto& g = GeographicLib::Geodesic::WGS84();
    double d_az = 0, d_a = 0, d_z = 0;
    g.Inverse(35.68, 36.54, 35.67, 36.51, d_az);
    g.Inverse(35.68, 36.54, c[0]["lat"].get<double>(), c[0]["lon"].get<double>(), d_a);
    g.Inverse(35.67, 36.51, c[0]["lat"].get<double>(), c[0]["lon"].get<double>(), d_z);
    EXPECT_NEAR(d_a, d_az / 2, 0.01) << text;
    EXPECT_NEAR(d_z, d_az / 2, 0.01) << text;
    EXPECT_GE(c[0]["location_precision_m"].get<double>(), d_az / 2) << text;
  }
  // "X and Y" without "between": one candidate each (CoordinatedPlacesGiveOneCandidateEach).
}

// A casualty figure told with one of the coordinated places is that place's only; a figure told
// with none of them (the raids' count) stays with every one.
TEST(Candidates, ACoordinatedPlacesOwnFigureStaysWithIt) {
  Fixture f("Warplanes carried out 18 raids on Kafr Nabl and Hish on 8 May, wounding two volunteers in Hish.");
  f.point("Kafr Nabl", 36.56, 35.61, 2);
  f.point("Hish", 36.64, 35.55, 4);
  PlaceMention again;
  again.span = f.at("Hish", 1);
  again.text = "Hish";
  again.kind = "point";
  again.name = "Hish";
  again.geonameid = 4;
  again.lon = 36.64;
  again.lat = 35.55;
  again.rule = "test";
  f.m.places.push_back(again);
  f.date("8 May", 2019y / May / 8);
  f.number("18", 18, "explosions");
  f.number("two", 2, "injured");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 2u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Kafr Nabl");
  EXPECT_FALSE(c[0].contains("injured")) << c[0].dump();
  EXPECT_EQ(c[0]["explosions"], 18);
  EXPECT_EQ(c[1]["place"], "Hish");
  EXPECT_EQ(c[1]["injured"], 2);
  EXPECT_EQ(c[1]["explosions"], 18);
}

TEST(Candidates, FurtherMentionWithoutPlaceOrDateIsTheSameEvent) {
  Fixture f("Rockets hit Saraqib on 9 October.\n\nA teacher said one rocket landed near a school.");
  f.point("Saraqib", 36.8, 35.86, 1);
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["evidence"]["merged"].size(), 1u);
}

TEST(Candidates, ClashBetweenTwoSidesHasNoActor) {
  Fixture f("Clashes broke out between HTS and the army near Morek on 9 October.");
  f.actor("HTS", "hts");
  f.actor("the army", "syria");
  f.point("Morek", 36.6, 35.37, 3);
  f.date("9 October", 2018y / October / 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].contains("actor"));
  EXPECT_NE(c[0]["uncertain"].dump().find("both sides"), std::string::npos);
}

// Fire origin vs target (issue 14): the place of a shelling is where it fell; a place the fire
// came from is kept in evidence.origin and said in `uncertain`, never the place.
TEST(Candidates, TheOriginOfFireIsNotThePlace) {
  {
    Fixture f("On 9 October shells fired from Halfaya landed on Kafr Zita.");
    f.date("9 October", 2018y / October / 9);
    f.point("Halfaya", 36.60, 35.26, 1);
    f.point("Kafr Zita", 36.60, 35.37, 2);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "Kafr Zita");
    EXPECT_EQ(c[0]["evidence"]["origin"]["text"], "Halfaya");
    EXPECT_EQ(c[0]["evidence"]["origin"]["cue"], "from");
    EXPECT_NE(c[0]["uncertain"].dump().find("where the fire came from"), std::string::npos) << c[0].dump();
  }
  {  // the origin nearer the trigger than the target
    Fixture f("On 9 October regime forces shelled Kafr Zita from their positions around Halfaya.");
    f.date("9 October", 2018y / October / 9);
    f.actor("regime forces", "syria");
    f.point("Kafr Zita", 36.60, 35.37, 2);
    f.point("Halfaya", 36.60, 35.26, 1);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "Kafr Zita");
    EXPECT_EQ(c[0]["evidence"]["origin"]["cue"], "from their positions around");
  }
  {  // Russian and Arabic
    Fixture f("9 октября боевики с позиций в районе Халфаи обстреляли Кафр-Зиту.");
    f.date("9 октября", 2018y / October / 9);
    f.point("Халфаи", 36.60, 35.26, 1);
    f.point("Кафр-Зиту", 36.60, 35.37, 2);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "Кафр-Зиту");
    EXPECT_EQ(c[0]["evidence"]["origin"]["text"], "Халфаи");
  }
  {
    Fixture f("قصفت قوات النظام بلدة كفرزيتا من مواقعها في حلفايا يوم 9 تشرين الأول.");
    f.date("9 تشرين الأول", 2018y / October / 9);
    f.point("كفرزيتا", 36.60, 35.37, 2);
    f.point("حلفايا", 36.60, 35.26, 1);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "كفرزيتا");
    EXPECT_EQ(c[0]["evidence"]["origin"]["text"], "حلفايا");
  }
  {  // the only place is the origin: no place in the sentence (not the origin), said so
    Fixture f("On 9 October rockets fired from Halfaya landed in open fields.");
    f.date("9 October", 2018y / October / 9);
    f.point("Halfaya", 36.60, 35.26, 1);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_FALSE(c[0].contains("place")) << c[0].dump();
    EXPECT_EQ(c[0]["evidence"]["origin"]["text"], "Halfaya");
  }
  {  // not an origin: a distance, people leaving, or a withdrawal from a place
    Fixture f("On 9 October shelling hit a farm 5 km from Sarmin.");
    f.date("9 October", 2018y / October / 9);
    f.point("Sarmin", 36.72, 35.90, 3);
    EXPECT_EQ(f.run().at(0)["place"], "Sarmin");
    Fixture g("On 9 October families fled from Sarmin after the shelling.");
    g.date("9 October", 2018y / October / 9);
    g.point("Sarmin", 36.72, 35.90, 3);
    EXPECT_EQ(g.run().at(0)["place"], "Sarmin");
    Fixture h("On 9 October the fighters withdrew from Sarmin.");
    h.date("9 October", 2018y / October / 9);
    h.point("Sarmin", 36.72, 35.90, 3);
    EXPECT_EQ(h.run().at(0)["place"], "Sarmin");
  }
}

// A group seen or moving is the actor of its group_presence, whatever the verb's voice.
TEST(Candidates, TheGroupSeenOrMovingIsTheActor) {
  Fixture f("On 9 October fighters were seen massing near Saraqib.");
  f.date("9 October", 2018y / October / 9);
  f.actor("fighters", "", "generic");
  f.point("Saraqib", 36.8, 35.86, 164816);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["kind"], "group_presence");
  EXPECT_EQ(c[0]["actor"], "fighters");
  EXPECT_EQ(c[0]["evidence"]["actor"]["rule"], "group_seen");
  Fixture r("9 октября у Саракиба зафиксированы передвижения боевиков ХТШ.");
  r.date("9 октября", 2018y / October / 9);
  r.point("Саракиба", 36.8, 35.86, 164816);
  r.actor("боевиков ХТШ", "hts");
  const auto rc = r.run();
  ASSERT_EQ(rc.size(), 1u);
  EXPECT_EQ(rc[0]["evidence"]["actor"]["id"], "hts");
  EXPECT_EQ(rc[0]["evidence"]["actor"]["rule"], "group_moving");
}

// A metonym as actor is an assumption the candidate says.
TEST(Candidates, AMetonymActorIsSaid) {
  Fixture f("On 9 October the Turkish side shelled Tell Rifaat.");
  f.date("9 October", 2018y / October / 9);
  f.m.actors.push_back({f.at("Turkish side"), "Turkish side", "turkey", "metonym", ""});
  f.point("Tell Rifaat", 37.1, 36.47, 9);
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["evidence"]["actor"]["id"], "turkey");
  EXPECT_NE(c[0]["uncertain"].dump().find("metonym"), std::string::npos) << c[0].dump();
}

// Russian subject after the verb: an actor whose adjective is in an oblique case is no subject
// ("обязательства турецкой стороны": genitive).
TEST(Candidates, ARussianGenitiveAfterTheVerbIsNotTheSubject) {
  Fixture f("9 октября атаки продолжались вопреки обязательствам турецкой стороны.");
  f.date("9 октября", 2018y / October / 9);
  f.m.actors.push_back({f.at("турецкой стороны"), "турецкой стороны", "turkey", "metonym", ""});
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].contains("actor")) << c[0].dump();
  Fixture g("9 октября Саракиб обстреляли турецкие военные.");
  g.date("9 октября", 2018y / October / 9);
  g.actor("турецкие военные", "turkish-armed-forces");
  EXPECT_EQ(g.run().at(0)["actor"], "турецкие военные");
}

// "огонь вели X" right after an event's sentence is that event told again, with its actor.
TEST(Candidates, RussianFireConductedByIsTheEventBefore) {
  Fixture f("9 октября в результате артиллерийского обстрела Саракиба погибли двое. Огонь вели правительственные силы.");
  f.date("9 октября", 2018y / October / 9);
  f.point("Саракиба", 36.8, 35.86, 164816);
  f.actor("правительственные силы", "syria");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u) << c.size();
  EXPECT_EQ(c[0]["kind"], "shelling");
  EXPECT_EQ(c[0]["actor"], "правительственные силы");
}

// "by/from X" makes X the agent only in the trigger's clause when an actor stands before it.
TEST(Candidates, FromInAnotherClauseIsNotTheAgent) {
  Fixture f("On 9 October HTS set up checkpoints near Saraqib, a day after it took the area from rival factions.");
  f.date("9 October", 2018y / October / 9);
  f.actor("HTS", "hts");
  f.point("Saraqib", 36.8, 35.86, 164816);
  f.actor("rival factions", "", "generic");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["actor"], "HTS") << c[0].dump();
  Fixture g("On 9 October Saraqib was shelled by regime forces.");
  g.date("9 October", 2018y / October / 9);
  g.point("Saraqib", 36.8, 35.86, 164816);
  g.actor("regime forces", "syria");
  EXPECT_EQ(g.run().at(0)["actor"], "regime forces");
}

// Blame in a later sentence names the actor of the last fire event without one: a claim, said.
TEST(Candidates, BlameInALaterSentenceIsTheActorAsAClaim) {
  Fixture f("On 9 October air strikes hit a market in Saraqib.\n\nResidents blamed Russian jets.");
  f.date("9 October", 2018y / October / 9);
  f.point("Saraqib", 36.8, 35.86, 164816);
  f.actor("Russian jets", "russia");
  const auto c = f.run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["actor"], "Russian jets");
  EXPECT_EQ(c[0]["evidence"]["actor"]["rule"], "blamed_later:blamed");
  EXPECT_NE(c[0]["uncertain"].dump().find("blamed by 'Residents'"), std::string::npos) << c[0].dump();
  // an event with its own actor keeps it
  Fixture g("On 9 October HTS shelled Saraqib. Residents blamed Russian jets.");
  g.date("9 October", 2018y / October / 9);
  g.actor("HTS", "hts");
  g.point("Saraqib", 36.8, 35.86, 164816);
  g.actor("Russian jets", "russia");
  EXPECT_EQ(g.run().at(0)["actor"], "HTS");
}

TEST(Candidates, ABlameSentenceReferringBackIsNoEventOfItsOwn) {
  // The shelling after "blamed … for" is the one told before: no second event at the place where
  // the blamed are said to be; they are the first event's actor, as a claim.
  for (const char* blame : {"Activists blamed government forces deployed around Abu al-Duhur for the shelling.",
                            "Activists accused government forces deployed around Abu al-Duhur of the shelling."}) {
    Fixture f(std::string("On 9 October artillery shells struck a market in Saraqib.\n\n") + blame);
    f.date("9 October", 2018y / October / 9);
    f.point("Saraqib", 36.8, 35.86, 164816);
    f.point("Abu al-Duhur", 37.05, 35.73, 173334);
    f.actor("government forces", "syria");
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u) << blame;
    EXPECT_EQ(c[0]["place"], "Saraqib");
    EXPECT_EQ(c[0]["actor"], "government forces");
    EXPECT_NE(c[0]["uncertain"].dump().find("'Abu al-Duhur' in the sentence that blames"), std::string::npos)
        << c[0].dump();
  }
  // A blame sentence telling an event of its own ("blamed X for shelling Y") still gives it.
  Fixture g("On 9 October artillery shells struck a market in Saraqib.\n\nActivists blamed government forces for "
            "shelling Abu al-Duhur on 10 October.");
  g.date("9 October", 2018y / October / 9);
  g.date("10 October", 2018y / October / 10);
  g.point("Saraqib", 36.8, 35.86, 164816);
  g.point("Abu al-Duhur", 37.05, 35.73, 173334);
  g.actor("government forces", "syria");
  EXPECT_EQ(g.run().size(), 2u);
}

TEST(Candidates, TheSameDayIsTheDayToldBefore) {
  for (const char* same : {"Clashes broke out near Sarmin the same day.", "That evening clashes broke out near Sarmin."}) {
    Fixture f(std::string("Government forces shelled Saraqib on 14 November.\n\n") + same);
    f.date("14 November", 2018y / November / 14);
    f.point("Saraqib", 36.8, 35.86, 164816);
    f.point("Sarmin", 36.72, 35.9, 164782);
    f.actor("Government forces", "syria");
    const auto c = f.run(2018y / November / 16);
    ASSERT_EQ(c.size(), 2u) << same;
    EXPECT_EQ(c[1]["place"], "Sarmin");
    EXPECT_EQ(c[1]["observed_at"], "2018-11-14") << c[1].dump();
    EXPECT_EQ(c[1]["evidence"]["time"]["rule"], "same_day_as_told:absolute") << c[1].dump();
  }
  Fixture r("Правительственные войска обстреляли Саракиб 14 ноября.\n\nВ тот же вечер в окрестностях Сармина "
            "произошли столкновения.");
  r.date("14 ноября", 2018y / November / 14);
  r.point("Саракиб", 36.8, 35.86, 164816);
  r.point("Сармина", 36.72, 35.9, 164782);
  const auto c = r.run(2018y / November / 16);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1]["observed_at"], "2018-11-14") << c[1].dump();
}

// Rules from the fourth held-out set (docs/extract.md). Our own sentences.

// Where the teller is ("a witness in X", "our correspondent in X", "مراسلنا في X") is not where
// the event happened: not in its own sentence, nor borrowed by the next one.
TEST(Candidates, ASourcesPlaceIsNotTheEventsPlace) {
  {
    Fixture f("Shells fell on Binnish on 9 October, according to a witness in Sarmin.");
    f.date("9 October", 2018y / October / 9);
    f.point("Binnish", 36.71, 35.95, 1);
    f.point("Sarmin", 36.72, 35.9, 2);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "Binnish");
  }
  {
    Fixture f("Our correspondent in Sarmin said the rebels pulled back their tanks on 9 October. Government "
              "forces shelled the area on 9 October.");
    f.point("Sarmin", 36.72, 35.9, 2);
    f.date("9 October", 2018y / October / 9);
    f.m.dates.push_back({f.at("9 October", 1), "9 October", 2018y / October / 9, "absolute", "day", ""});
    f.actor("Government forces", "syria");
    const auto c = f.run();
    for (const auto& x : c) EXPECT_NE(x.value("place", ""), "Sarmin") << x.dump();
  }
  {
    Fixture f("وقال مراسل سانا في حماة إن المجموعات الإرهابية قصفت البلدة أمس.");
    f.point("حماة", 36.75, 35.13, 3);
    f.m.dates.push_back({f.at("أمس"), "أمس", 2018y / October / 9, "yesterday", "day", ""});
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_FALSE(c[0].contains("lon")) << c[0].dump();
    EXPECT_NE(c[0].value("place", ""), "حماة");
  }
}

// Where the one who fired is stationed ("stationed around X", "المنتشرة في بلدة X وقرية Y") is
// where the fire came from: evidence.origin, never the place.
TEST(Candidates, WhereTheShooterIsStationedIsTheOrigin) {
  {
    Fixture f("On 9 October regime forces stationed around Morek shelled Kafr Zita.");
    f.date("9 October", 2018y / October / 9);
    f.actor("regime forces", "syria");
    f.point("Morek", 36.70, 35.37, 1);
    f.point("Kafr Zita", 36.60, 35.37, 2);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "Kafr Zita");
    EXPECT_EQ(c[0]["evidence"]["origin"]["text"], "Morek");
    EXPECT_EQ(c[0]["evidence"]["origin"]["cue"], "stationed around");
  }
  {  // the shooter's station is the only place named: no place at all
    Fixture f("On 9 October militants deployed in Morek fired rockets at a farm.");
    f.date("9 October", 2018y / October / 9);
    f.point("Morek", 36.70, 35.37, 1);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_FALSE(c[0].contains("lon")) << c[0].dump();
  }
  {  // the stationed are the target: where they are is where the event happened
    Fixture f("On 9 October rebels shelled government troops stationed in Morek.");
    f.date("9 October", 2018y / October / 9);
    f.actor("rebels", "");
    f.actor("government troops", "syria");
    f.point("Morek", 36.70, 35.37, 1);
    const auto c = f.run();
    bool shelling = false;
    for (const auto& x : c)
      if (x["kind"] == "shelling") {
        shelling = true;
        EXPECT_EQ(x["place"], "Morek") << x.dump();
      }
    EXPECT_TRUE(shelling);
  }
  {  // Arabic, two coordinated places, the subject before the verb
    Fixture f("وقال المصدر إن المجموعات المسلحة المتمركزة في بلدة مورك وقرية صوران قصفت مدينة محردة أمس.");
    f.point("مورك", 36.70, 35.37, 1);
    f.point("صوران", 36.75, 35.29, 2);
    f.point("محردة", 36.57, 35.25, 3);
    f.m.dates.push_back({f.at("أمس"), "أمس", 2018y / October / 9, "yesterday", "day", ""});
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["place"], "محردة") << c[0].dump();
  }
}

// Two events joined by "while" / "بينما" / ", а": each takes its place, actors and numbers from
// its own clause.
TEST(Candidates, TwoClausesTwoEventsEachWithItsOwnMentions) {
  {
    Fixture f("On 9 October Russian jets struck Binnish, killing two civilians, while government forces shelled "
              "Sarmin.");
    f.date("9 October", 2018y / October / 9);
    f.actor("Russian jets", "russia");
    f.point("Binnish", 36.71, 35.95, 1);
    f.number("two", 2, "fatalities");
    f.actor("government forces", "syria");
    f.point("Sarmin", 36.72, 35.9, 2);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0]["kind"], "airstrike");
    EXPECT_EQ(c[0]["place"], "Binnish");
    EXPECT_FALSE(c[0].contains("target")) << c[0].dump();
    EXPECT_EQ(c[0]["fatalities"], 2);
    EXPECT_EQ(c[1]["kind"], "shelling");
    EXPECT_EQ(c[1]["place"], "Sarmin");
    EXPECT_EQ(c[1]["actor"], "government forces");
    EXPECT_FALSE(c[1].contains("target")) << c[1].dump();
    EXPECT_FALSE(c[1].contains("fatalities")) << c[1].dump();
  }
  {  // a lone event found in the second clause takes the place of its own clause
    Fixture f("وأصيب مدنيان قرب قرية بنش، بينما قصفت قوات النظام أطراف بلدة سرمين أمس.");
    f.place("بنش", "unresolved");
    f.place("سرمين", "unresolved");
    f.actor("قوات النظام", "syria");
    f.m.dates.push_back({f.at("أمس"), "أمس", 2018y / October / 9, "yesterday", "day", ""});
    const auto c = f.run();
    bool shelling = false;
    for (const auto& x : c)
      if (x["kind"] == "shelling") {
        shelling = true;
        EXPECT_EQ(x["place"], "سرمين") << x.dump();
      }
    EXPECT_TRUE(shelling);
  }
}

// "a day after the shelling of Y", "بعد يومين من": the event named there happened N days
// before the sentence's day.
TEST(Candidates, ADayAfterAnEventPutsThatEventADayBefore) {
  {
    Fixture f("Government forces shelled Sarmin on 10 October, a day after the shelling of Binnish.");
    f.date("10 October", 2018y / October / 10);
    f.actor("Government forces", "syria");
    f.point("Sarmin", 36.72, 35.9, 2);
    f.point("Binnish", 36.71, 35.95, 1);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0]["place"], "Sarmin");
    EXPECT_EQ(c[0]["observed_at"], "2018-10-10");
    EXPECT_EQ(c[1]["place"], "Binnish");
    EXPECT_EQ(c[1]["observed_at"], "2018-10-09") << c[1].dump();
  }
  {
    Fixture f("قصفت قوات النظام بلدة سرمين يوم 10 تشرين الأول، وذلك بعد يومين من قصف مماثل على مدينة بنش.");
    f.date("10 تشرين الأول", 2018y / October / 10);
    f.actor("قوات النظام", "syria");
    f.point("سرمين", 36.72, 35.9, 2);
    f.point("بنش", 36.71, 35.95, 1);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0]["place"], "سرمين");
    EXPECT_EQ(c[0]["observed_at"], "2018-10-10");
    EXPECT_EQ(c[1]["place"], "بنش");
    EXPECT_EQ(c[1]["observed_at"], "2018-10-08") << c[1].dump();
  }
}

// Figures of one claim joined by "and" count different people: their sum. A subset
// ("including two children") is not added.
TEST(Candidates, CoordinatedFiguresOfOneClaimAreSummed) {
  {
    Fixture f("A farmer and three children were killed when shells hit Sarmin on 9 October.");
    f.number("A farmer", 1, "fatalities");
    f.number("three", 3, "fatalities");
    f.point("Sarmin", 36.72, 35.9, 2);
    f.date("9 October", 2018y / October / 9);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["fatalities"], 4) << c[0].dump();
    EXPECT_NE(c[0]["uncertain"].dump().find("their sum"), std::string::npos);
  }
  {
    Fixture f("Six soldiers and two fighters were killed in clashes near Sarmin on 9 October.");
    f.number("Six", 6, "fatalities");
    f.number("two", 2, "fatalities");
    f.point("Sarmin", 36.72, 35.9, 2);
    f.date("9 October", 2018y / October / 9);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["fatalities"], 8) << c[0].dump();
  }
  for (const char* text : {"Five civilians, including two children, were killed when shells hit Sarmin on 9 October.",
                           "Five civilians including two children were killed when shells hit Sarmin on 9 October."}) {
    Fixture f(text);
    f.number("Five", 5, "fatalities");
    f.number("two", 2, "fatalities");
    f.point("Sarmin", 36.72, 35.9, 2);
    f.date("9 October", 2018y / October / 9);
    const auto c = f.run();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0]["fatalities"], 5) << c[0].dump();
  }
}

// An Arabic list of villages hit by one shelling: one candidate per village; a figure told after
// the whole list ("ما أدى إلى مقتل مواطن") is kept once, on the first, and said.
TEST(Candidates, AnArabicListGivesOneCandidatePerVillageAndItsFigureOnce) {
  Fixture f("قصفت قوات النظام قلعة المضيق والحويز وبلدة الشريعة، ما أدى إلى مقتل مواطن.");
  f.actor("قوات النظام", "syria");
  f.point("قلعة المضيق", 36.39, 35.41, 1);
  f.point("الحويز", 36.36, 35.50, 2);
  f.point("الشريعة", 36.35, 35.44, 3);
  f.number("مواطن", 1, "fatalities");
  const auto c = f.run(2019y / February / 14);
  ASSERT_EQ(c.size(), 3u) << json(c).dump();
  int with_figure = 0;
  for (const auto& x : c) with_figure += x.contains("fatalities") ? 1 : 0;
  EXPECT_EQ(with_figure, 1) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "قلعة المضيق");
  EXPECT_EQ(c[0]["fatalities"], 1) << c[0].dump();
  EXPECT_NE(c[0]["uncertain"].dump().find("after the list of places"), std::string::npos) << c[0].dump();
}

// A point borrowed from the sentence before for a region of the event's own sentence is not
// borrowed when another party acts: that is another event in the region, not at the point.
TEST(Candidates, AnotherPartysEventInARegionDoesNotBorrowTheSentenceBeforesPoint) {
  Fixture f("قصفت قوات النظام قلعة المضيق. وفي المقابل، استهدف جيش العزة بصاروخ آلية في ريف حماة الشمالي.");
  f.actor("قوات النظام", "syria");
  f.point("قلعة المضيق", 36.39, 35.41, 1);
  f.actor("جيش العزة", "jaysh-al-izza");
  f.place("ريف حماة الشمالي", "region");
  f.m.places.back().admin1 = "Hama";
  f.m.places[0].admin1 = "Hama";
  const auto c = f.run(2019y / February / 14);
  ASSERT_EQ(c.size(), 2u) << json(c).dump();
  EXPECT_EQ(c[1]["evidence"]["actor"]["id"], "jaysh-al-izza") << c[1].dump();
  EXPECT_FALSE(c[1].contains("lon")) << c[1].dump();
}

// An event that extends one told before keeps that event's actor: the teller of the sentence's
// own claim ("Как сообщил представитель Центра …") is not its actor.
TEST(Candidates, AnExtendingEventKeepsTheEarlierActorNotTheTeller) {
  Fixture f("Российские и турецкие военные 9 октября провели совместное патрулирование трассы М4 в провинции "
            "Идлиб. Как сообщил представитель Центра по примирению, колонна прошла от Трумбы до Арихи; "
            "патрулирование проходило при поддержке беспилотников.");
  f.actor("Российские и турецкие военные", "russia");
  f.date("9 октября", 2018y / October / 9);
  f.place("провинции Идлиб", "region");
  f.m.places.back().admin1 = "Idlib";
  f.actor("Центра по примирению", "russia");
  f.point("Трумбы", 36.78, 35.85, 1);
  f.m.places.back().admin1 = "Idlib";
  f.point("Арихи", 36.61, 35.81, 2);
  f.m.places.back().admin1 = "Idlib";
  const auto c = f.run();
  bool second = false;
  for (const auto& x : c)
    if (x.value("place", "") == "Трумбы" || x.value("place", "") == "Арихи") {
      second = true;
      EXPECT_NE(x.value("actor", ""), "Центра по примирению") << x.dump();
      EXPECT_EQ(x.value("actor", ""), "Российские и турецкие военные") << x.dump();
    }
  EXPECT_TRUE(second);
}


// Issue 14, ninth held-out set. A place located by a reference ("بلدة معرشورين شرقي معرة النعمان",
// "Maar Shurin, east of Maarat al-Numan") is the event's place, not the reference nearer the
// trigger.
TEST(Candidates, APlaceLocatedByAReferenceIsTheEventsPlace) {
  Fixture f("بلدة معرشورين شرقي معرة النعمان: استهدفت غارة لطائرة حربية روسية منزلاً سكنياً.");
  f.point("معرشورين", 36.728, 35.668, 1);
  f.point("معرة النعمان", 36.677, 35.648, 2);
  f.m.places.back().offset_words = f.at("شرقي");
  f.m.places.back().rule = "test+offset";
  f.actor("طائرة حربية روسية", "russia");
  auto c = f.run(2019y / December / 19);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "معرشورين") << c[0].dump();

  Fixture e("Russian jets struck a house in Maar Shurin, east of Maarat al-Numan, on Monday.");
  e.actor("Russian jets", "russia");
  e.point("Maar Shurin", 36.728, 35.668, 1);
  e.point("Maarat al-Numan", 36.677, 35.648, 2);
  e.m.places.back().offset_words = e.at("east of");
  c = e.run(2019y / December / 19);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Maar Shurin") << c[0].dump();
  // With no other place beside it, the reference is still the place (its offset said).
  Fixture g("Russian jets struck a house east of Maarat al-Numan on Monday.");
  g.actor("Russian jets", "russia");
  g.point("Maarat al-Numan", 36.677, 35.648, 2);
  g.m.places.back().offset_words = g.at("east of");
  c = g.run(2019y / December / 19);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Maarat al-Numan") << c[0].dump();
}

// A bulletin's total broken down by province only gives no candidate; by village, one each.
TEST(Candidates, ATotalBrokenDownByProvinceIsNoCandidate) {
  Fixture f("За сутки зафиксировано 14 обстрелов: в провинции Идлиб - 6, Латакия - 3.");
  f.place("провинции Идлиб", "region");
  f.place("Латакия", "region");
  EXPECT_TRUE(f.run(2020y / July / 22).empty());
}

// Blame told in the next sentence goes to the event at each place of its list.
TEST(Candidates, BlameInALaterSentenceGoesToEveryPlaceOfTheList) {
  Fixture f("Shells have been landing on the outskirts of al-Bara and Kansafra since dawn. They blame regime forces "
            "positioned around Kafr Nabl.");
  f.point("al-Bara", 36.542, 35.686, 1);
  f.point("Kansafra", 36.485, 35.659, 2);
  f.actor("regime forces", "syria");
  f.point("Kafr Nabl", 36.564, 35.614, 3);
  const auto c = f.run(2020y / June / 9);
  ASSERT_EQ(c.size(), 2u) << json(c).dump();
  for (const auto& x : c) EXPECT_EQ(x["evidence"]["actor"]["id"], "syria") << x.dump();
}

// A generic phrase that names its group right after it is that group (two: a joint mention);
// two sides joined by "و" are not a name.
TEST(Candidates, AGenericPhraseNamingItsGroupIsThatGroup) {
  Fixture f("شنت المجموعات الإرهابية التابعة لما يسمى \"جبهة النصرة\" و\"جيش العزة\" هجوماً على محور كفرنبودة.");
  f.actor("المجموعات الإرهابية", "", "generic");
  f.actor("جبهة النصرة", "hts");
  f.actor("جيش العزة", "jaysh-al-izza");
  f.point("كفرنبودة", 36.49, 35.43, 1);
  auto c = f.run(2019y / June / 5);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["evidence"]["actor"]["ids"], json({"hts", "jaysh-al-izza"})) << c[0].dump();

  Fixture r("В районе Латамины шли бои между армией и группировкой «Джейш аль-Изза».");
  r.point("Латамины", 35.32, 36.62, 1);
  r.actor("армией", "syria");
  r.actor("группировкой", "", "generic");
  r.actor("Джейш аль-Изза", "jaysh-al-izza");
  c = r.run(2019y / July / 17);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  const bool named = (c[0]["evidence"].contains("actor") && c[0]["evidence"]["actor"].value("id", "") == "jaysh-al-izza") ||
                     (c[0]["evidence"].contains("target") && c[0]["evidence"]["target"].value("id", "") == "jaysh-al-izza");
  EXPECT_TRUE(named) << c[0].dump();

  Fixture s2("اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام قرب مورك.");
  s2.actor("فصائل المعارضة", "", "generic");
  s2.actor("قوات النظام", "syria");
  s2.point("مورك", 36.69, 35.38, 1);
  c = s2.run(2018y / October / 12);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_FALSE(c[0].contains("actor")) << c[0].dump();
}

// A target that is the actor itself says nothing of who was hit: left out, and said.
TEST(Candidates, ATargetThatIsTheActorIsLeftOut) {
  Fixture f("Residents of Mhambal report that HTS fighters have closed the road from the town; HTS has not commented.");
  f.point("Mhambal", 36.47, 35.79, 1);
  f.actor("HTS fighters", "hts");
  f.actor("HTS", "hts", "", 1);
  const auto c = f.run(2020y / June / 9);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0]["evidence"]["actor"]["id"], "hts") << c[0].dump();
  EXPECT_FALSE(c[0]["evidence"].contains("target") && c[0]["evidence"]["target"].value("id", "") == "hts") << c[0].dump();
}


// A headline of two events joined by a semicolon: each part keeps its own place, and each is the
// body's event told again (one candidate each).
TEST(Candidates, AHeadlineOfTwoEventsJoinedByASemicolon) {
  Fixture f("Regime forces shell villages in southern Idlib; clash on Latamina axis\n\n5 December 2018 - Regime forces "
            "shelled Hish on Monday. Fighters of Jaysh al-Izza clashed with regime forces on the Latamina axis on "
            "Monday.");
  f.actor("Regime forces", "syria");
  f.place("southern Idlib", "region");
  f.point("Latamina", 35.32, 36.62, 1);
  f.date("5 December 2018", 2018y / December / 5);
  f.actor("Regime forces", "syria", "", 1);
  f.point("Hish", 36.64, 35.55, 2);
  f.date("on Monday", 2018y / December / 3);
  f.actor("Jaysh al-Izza", "jaysh-al-izza");
  f.actor("regime forces", "syria");
  f.m.places.push_back(f.m.places[1]);
  f.m.places.back().span = f.at("Latamina", 1);
  f.m.dates.push_back(f.m.dates.back());
  f.m.dates.back().span = f.at("on Monday", 1);
  std::sort(f.m.dates.begin(), f.m.dates.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
  const auto c = f.run(2018y / December / 5);
  ASSERT_EQ(c.size(), 2u) << json(c).dump();
  EXPECT_EQ(c[0]["kind"], "shelling");
  EXPECT_EQ(c[0]["place"], "Hish") << c[0].dump();
  EXPECT_EQ(c[1]["kind"], "armed_clash");
  EXPECT_EQ(c[1]["place"], "Latamina") << c[1].dump();
}

// Where the wounded died or were treated is not the event's place; a hospital struck is.
TEST(Candidates, TheHospitalWhereSomeoneDiedIsNotTheEventsPlace) {
  Fixture f("A drone struck a car near Balyun on Tuesday; one of the men died later in a hospital in Idlib city.");
  f.point("Balyun", 36.51, 35.70, 1);
  f.date("on Tuesday", 2020y / June / 9);
  f.point("Idlib city", 36.63, 35.93, 2);
  auto c = f.run(2020y / June / 9);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Balyun") << c[0].dump();
  Fixture h("Regime forces later shelled the hospital in Kafr Nabl on Monday.");
  h.actor("Regime forces", "syria");
  h.point("Kafr Nabl", 36.56, 35.61, 1);
  c = h.run(2020y / June / 9);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Kafr Nabl") << c[0].dump();
  Fixture g("Warplanes struck the hospital in Kafr Nabl on Tuesday.");
  g.point("Kafr Nabl", 36.56, 35.61, 1);
  c = g.run(2020y / June / 9);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Kafr Nabl") << c[0].dump();
}

// A casualty sentence with a civilian word after a blame sentence belongs to the event before.
TEST(Candidates, CiviliansHarmedAfterABlameSentenceAreTheEventsFigures) {
  Fixture f("Warplanes struck Saraqib on Friday night. Activists blamed Russian aircraft. The Observatory counted "
            "three dead, among them a woman.");
  f.point("Saraqib", 36.80, 35.86, 1);
  f.actor("Russian aircraft", "russia");
  f.number("three", 3, "fatalities");
  const auto c = f.run(2019y / March / 10);
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(c[0]["fatalities"], 3) << c[0].dump();
  EXPECT_EQ(c[0]["evidence"]["actor"]["id"], "russia") << c[0].dump();
}


// Return fire told after the fire it answers in one sentence takes nothing from before the
// answered trigger (the post hit, the shooters' positions): the answer's place and actor are not
// said there.
TEST(Candidates, ReturnFireInTheSentenceOfTheFireItAnswers) {
  Fixture f("Mişmişan bölgesinde konuşlu unsurlarımıza rejim mevzilerinden taciz ateşi açılmış, ateşe anında karşılık "
            "verilmiştir.");
  f.point("Mişmişan", 36.37, 35.86, 1);
  f.actor("rejim mevzilerinden", "syria");
  const auto c = f.run(2020y / August / 26);
  ASSERT_EQ(c.size(), 2u) << json(c).dump();
  EXPECT_EQ(c[0]["place"], "Mişmişan") << c[0].dump();
  EXPECT_EQ(c[0]["evidence"]["actor"]["id"], "syria") << c[0].dump();
  EXPECT_FALSE(c[1].contains("place")) << c[1].dump();
  EXPECT_FALSE(c[1].contains("actor")) << c[1].dump();
  // English: the answered fire's object follows its verb; the answer starts at "and".
  Fixture e("Regime forces shelled a Turkish observation post in Taftanaz on Monday and Turkish troops returned fire.");
  e.actor("Regime forces", "syria");
  e.point("Taftanaz", 36.78, 35.99, 1);
  e.actor("Turkish troops", "turkish-armed-forces");
  const auto d = e.run(2020y / February / 11);
  ASSERT_EQ(d.size(), 2u) << json(d).dump();
  EXPECT_EQ(d[0]["place"], "Taftanaz") << d[0].dump();
  EXPECT_FALSE(d[1].contains("place")) << d[1].dump();
  EXPECT_EQ(d[1]["evidence"]["actor"]["id"], "turkish-armed-forces") << d[1].dump();
}

// A semicolon between list members is no clause: one candidate per place.
TEST(Candidates, ASemicolonListIsNoClause) {
  Fixture f("Regime artillery pounded Kafr Nabl; Hish; and Kansafra on Monday, killing two civilians.");
  f.actor("Regime artillery", "syria");
  f.point("Kafr Nabl", 36.56, 35.61, 1);
  f.point("Hish", 36.64, 35.55, 2);
  f.point("Kansafra", 36.49, 35.66, 3);
  const auto c = f.run(2020y / February / 11);
  EXPECT_EQ(c.size(), 3u) << json(c).dump();
}

}  // namespace
}  // namespace truceline::extract
