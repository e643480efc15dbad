// The extraction evaluation's scorer (bench/extract_score.*) on hand-made answers, and the
// evaluation set itself: every expected file parses, passes the checks and its mentions are
// where it says in its text. No accuracy threshold on the extractor: `make bench` reports those.
#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extract_score.hpp"

namespace ev = truceline::bench::extract_eval;
using nlohmann::json;

namespace {

// A point `metres` due east of (lon, lat), by GeographicLib's direct problem (independent of the
// scorer's inverse computation).
std::pair<double, double> east_of(double lon, double lat, double metres) {
  double lat2 = 0, lon2 = 0;
  GeographicLib::Geodesic::WGS84().Direct(lat, lon, 90, metres, lat2, lon2);
  return {lon2, lat2};
}

json place(const std::string& text, std::size_t b, double lon, double lat) {
  return {{"text", text}, {"span", {b, b + text.size()}}, {"kind", "point"}, {"lon", lon}, {"lat", lat}};
}

json expected_with(json places) {
  return {{"published", "2018-10-12"}, {"source", "s"}, {"source_type", "media"}, {"places", std::move(places)},
          {"actors", json::array()}, {"dates", json::array()}, {"numbers", json::array()}, {"weapons", json::array()},
          {"candidates", json::array()}};
}

constexpr double kLon = 36.80591, kLat = 35.86447;  // Saraqib in the bundled gazetteer

}  // namespace

TEST(ExtractEvalScore, PrecisionRecallF1) {
  ev::Counts c{3, 1, 2};
  EXPECT_DOUBLE_EQ(*c.precision(), 0.75);
  EXPECT_DOUBLE_EQ(*c.recall(), 0.6);
  EXPECT_DOUBLE_EQ(*c.f1(), 2 * 0.75 * 0.6 / 1.35);
  ev::Counts none;
  EXPECT_FALSE(none.precision());
  EXPECT_FALSE(none.recall());
  EXPECT_FALSE(none.f1());
  ev::Counts zero{0, 2, 1};
  EXPECT_DOUBLE_EQ(*zero.f1(), 0.0);
}

TEST(ExtractEvalScore, PlaceWithinFiveKilometres) {
  auto [lon49, lat49] = east_of(kLon, kLat, 4900);
  auto [lon51, lat51] = east_of(kLon, kLat, 5100);
  json exp = expected_with({place("Saraqib", 0, kLon, kLat), place("Saraqib", 20, kLon, kLat)});
  json got = {{"places", {place("Saraqib", 0, lon49, lat49), place("Saraqib", 20, lon51, lat51)}}};
  auto s = ev::score(exp, got, {});
  EXPECT_EQ(s.lenient["places"].tp, 2u);  // both found (the mention), ...
  EXPECT_EQ(s.place_within_5km.total, 2u);
  EXPECT_EQ(s.place_within_5km.right, 1u);  // ... one located within 5 km
  EXPECT_NEAR(ev::distance_m(kLon, kLat, lon49, lat49), 4900, 0.01);
}

TEST(ExtractEvalScore, OverlapStrictAndDuplicates) {
  // "Grad rockets" for the expected "Grad": a lenient match, not a strict one. The same text
  // twice: each occurrence matched once; a third extracted copy is a false positive.
  json exp = expected_with(json::array());
  exp["weapons"] = {{{"text", "Grad"}, {"span", {10, 14}}, {"class", "mlrs"}}, {{"text", "Grad"}, {"span", {40, 44}}, {"class", "mlrs"}}};
  json got = {{"weapons",
               {{{"text", "Grad rockets"}, {"span", {10, 22}}, {"class", "mlrs"}},
                {{"text", "grad"}, {"span", {40, 44}}, {"class", nullptr}},
                {{"text", "Grad"}, {"span", {40, 44}}, {"class", "mlrs"}}}}};
  auto s = ev::score(exp, got, {});
  EXPECT_EQ(s.lenient["weapons"].tp, 2u);
  EXPECT_EQ(s.lenient["weapons"].fp, 1u);
  EXPECT_EQ(s.lenient["weapons"].fn, 0u);
  EXPECT_EQ(s.strict["weapons"].tp, 1u);  // "grad" = "Grad" case-folded; "Grad rockets" is not
  EXPECT_EQ(s.strict["weapons"].fn, 1u);
  EXPECT_EQ(s.strict["weapons"].fp, 2u);
}

TEST(ExtractEvalScore, NullActorIdsAndOptional) {
  json exp = expected_with(json::array());
  exp["actors"] = {{{"text", "militants"}, {"span", {0, 9}}, {"id", nullptr}},
                   {{"text", "HTS"}, {"span", {20, 23}}, {"id", "hts"}},
                   {{"text", "Turkish troops"}, {"span", {50, 64}}, {"id", "turkish-armed-forces"}, {"alt_ids", {"turkey"}}},
                   {{"text", "Turkish troops"}, {"span", {70, 84}}, {"id", "turkish-armed-forces"}, {"alt_ids", {"turkey"}}},
                   {{"text", "Russia"}, {"span", {30, 36}}, {"id", "russia"}, {"optional", true}}};
  json got = {{"actors",
               {{{"text", "militants"}, {"span", {0, 9}}, {"id", nullptr}},
                {{"text", "HTS"}, {"span", {20, 23}}, {"id", nullptr}},
                {{"text", "Turkish troops"}, {"span", {50, 64}}, {"id", "turkey"}},
                {{"text", "Turkish troops"}, {"span", {70, 84}}, {"id", "russia"}},
                {{"text", "Russia"}, {"span", {30, 36}}, {"id", "russia"}}}}};
  auto s = ev::score(exp, got, {});
  EXPECT_EQ(s.lenient["actors"].tp, 4u);  // the optional one neither counts nor penalises
  EXPECT_EQ(s.lenient["actors"].fp, 0u);
  EXPECT_EQ(s.actor_right.total, 4u);
  EXPECT_EQ(s.actor_right.right, 2u);  // null rightly null; HTS wrongly null; turkey accepted, russia not
}

TEST(ExtractEvalScore, CandidatesKindDayPlaceAndUnsupported) {
  json exp = expected_with({place("Saraqib", 0, kLon, kLat)});
  exp["numbers"] = {{{"text", "three"}, {"span", {30, 35}}, {"value", 3}, {"counts", "fatalities"}}};
  exp["actors"] = {{{"text", "regime forces"}, {"span", {40, 53}}, {"id", "syria"}}};
  exp["candidates"] = {{{"kind", "shelling"}, {"observed_at", "2018-10-09"}, {"place_lon", kLon}, {"place_lat", kLat}, {"actor_id", "syria"}},
                       {{"kind", "withdrawal"}, {"observed_at", "2018-10-09"}, {"actor_id", "nlf"}}};
  auto [lon51, lat51] = east_of(kLon, kLat, 5100);
  auto [lon30, lat30] = east_of(kLon, kLat, 30000);
  std::vector<json> got = {
      // right kind and day, 5.1 km off: not a match; the place is 5.1 km from every expected one
      {{"kind", "shelling"}, {"observed_at", "2018-10-09"}, {"lon", lon51}, {"lat", lat51}},
      // right kind, place and day: a match, actor right through evidence
      {{"kind", "shelling"}, {"observed_at", "2018-10-09"}, {"lon", kLon}, {"lat", kLat}, {"actor", "regime forces"},
       {"fatalities", 3}, {"evidence", {{"actor", {{"text", "regime forces"}, {"span", {40, 53}}, {"id", "syria"}}}}}},
      // unlocated withdrawal, wrong day
      {{"kind", "withdrawal"}, {"observed_at", "2018-10-08"}},
      // an invented place 30 km away, a number and an actor the text does not give
      {{"kind", "airstrike"}, {"observed_at", "2018-10-09"}, {"lon", lon30}, {"lat", lat30}, {"injured", 7},
       {"actor", "ISIS"}, {"evidence", {{"actor", {{"text", "ISIS"}, {"span", {90, 94}}, {"id", "isis"}}}}}},
  };
  int zone_calls = 0;
  ev::ZoneVerdicts zones = [&](double lon, double, const std::string&) {
    ++zone_calls;
    return std::vector<bool>{lon < 36.9, true};
  };
  auto s = ev::score(exp, {}, got, zones);
  EXPECT_EQ(s.lenient["candidates"].tp, 1u);
  EXPECT_EQ(s.lenient["candidates"].fn, 1u);
  EXPECT_EQ(s.lenient["candidates"].fp, 3u);
  EXPECT_EQ(s.candidate_actor.right, 1u);
  EXPECT_EQ(s.candidate_actor.total, 1u);
  EXPECT_EQ(s.zone_agree.total, 2u);
  EXPECT_EQ(s.zone_agree.right, 2u);
  EXPECT_EQ(zone_calls, 2);
  EXPECT_EQ(s.halluc_place, 2u);  // 5.1 km and 30 km from anything expected
  EXPECT_EQ(s.halluc_actor, 1u);
  EXPECT_EQ(s.halluc_number, 1u);
}

TEST(ExtractEvalScore, ZoneVerdictDisagreement) {
  auto [lon3, lat3] = east_of(kLon, kLat, 3000);
  json exp = expected_with({place("Saraqib", 0, kLon, kLat)});
  exp["candidates"] = {{{"kind", "shelling"}, {"observed_at", "2018-10-09"}, {"place_lon", kLon}, {"place_lat", kLat}, {"actor_id", nullptr}}};
  std::vector<json> got = {{{"kind", "shelling"}, {"observed_at", "2018-10-09"}, {"lon", lon3}, {"lat", lat3}}};
  ev::ZoneVerdicts zones = [&](double lon, double, const std::string&) { return std::vector<bool>{lon < kLon + 0.01}; };
  auto s = ev::score(exp, {}, got, zones);
  EXPECT_EQ(s.lenient["candidates"].tp, 1u);
  EXPECT_EQ(s.zone_agree.total, 1u);
  EXPECT_EQ(s.zone_agree.right, 0u);  // 3 km east crosses the (made-up) boundary
  EXPECT_EQ(s.candidate_actor.right, 1u);  // no actor, rightly
}

TEST(ExtractEvalScore, CheckExpectedFindsBadSpans) {
  std::string text = "Saraqib was shelled.";
  json e = expected_with({place("Saraqib", 0, kLon, kLat)});
  EXPECT_TRUE(ev::check_expected(e, text).empty());
  e["places"][0]["span"] = {1, 8};
  EXPECT_FALSE(ev::check_expected(e, text).empty());
  e = expected_with({place("Saraqib", 0, kLon, 95)});  // latitude out of range
  EXPECT_FALSE(ev::check_expected(e, text).empty());
  e = expected_with({place("Saraqib", 0, 12.5, 41.9)});  // a point in Italy
  EXPECT_FALSE(ev::check_expected(e, text).empty());
  // Spans count code points: "قصف سراقب" has the name at [4, 9).
  std::string ar = "قصف سراقب";
  json a = expected_with(json::array());
  a["places"] = {{{"text", "سراقب"}, {"span", {4, 9}}, {"kind", "point"}, {"lon", kLon}, {"lat", kLat}}};
  EXPECT_TRUE(ev::check_expected(a, ar).empty());
}

TEST(ExtractEvalSet, EveryExpectedFileParsesAndMatchesItsText) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(TRUCELINE_SOURCE_DIR) / "data/eval/extract";
  std::map<std::string, int> per_lang;
  for (const char* lang : {"en", "ar", "ru"}) {
    for (const auto& f : fs::directory_iterator(dir / lang)) {
      if (f.path().extension() != ".txt") continue;
      std::ifstream t(f.path(), std::ios::binary);
      std::stringstream ts;
      ts << t.rdbuf();
      fs::path ep = f.path();
      ep.replace_extension(".expected.json");
      std::ifstream e(ep, std::ios::binary);
      ASSERT_TRUE(e) << ep;
      json j;
      ASSERT_NO_THROW(j = json::parse(e)) << ep;
      for (const auto& p : ev::check_expected(j, ts.str())) ADD_FAILURE() << ep << ": " << p;
      ++per_lang[lang];
    }
  }
  for (const char* lang : {"en", "ar", "ru"}) EXPECT_GE(per_lang[lang], 14) << lang;
}

// Every expected point with a geonameid has that place's coordinates in the bundled gazetteer
// (data/gazetteer/places.tsv or localities.tsv, read here as plain TSV: geonameid, name, asciiname,
// alternatenames, lat, lon, ...), so a hand-edited coordinate cannot drift from its id.
TEST(ExtractEvalSet, CoordinatesAreTheGazetteers) {
  namespace fs = std::filesystem;
  std::map<long, std::pair<double, double>> places;  // id -> lon, lat
  for (const char* file : {"data/gazetteer/places.tsv", "data/gazetteer/localities.tsv"}) {
    std::ifstream in(fs::path(TRUCELINE_SOURCE_DIR) / file);
    ASSERT_TRUE(in) << file;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line.rfind("geonameid", 0) == 0) continue;
      std::vector<std::string> f;
      std::size_t p = 0;
      for (std::size_t q; (q = line.find('\t', p)) != std::string::npos; p = q + 1) f.push_back(line.substr(p, q - p));
      f.push_back(line.substr(p));
      ASSERT_GE(f.size(), 6u) << line;
      places[std::stol(f[0])] = {std::stod(f[5]), std::stod(f[4])};
    }
  }
  ASSERT_GT(places.size(), 1000u);
  std::size_t checked = 0;
  for (const char* lang : {"en", "ar", "ru"})
    for (const auto& f : fs::directory_iterator(fs::path(TRUCELINE_SOURCE_DIR) / "data/eval/extract" / lang)) {
      if (f.path().string().find(".expected.json") == std::string::npos) continue;
      std::ifstream in(f.path());
      json e = json::parse(in);
      for (const auto& p : e["places"]) {
        if (!p.contains("geonameid")) continue;
        auto it = places.find(p["geonameid"].get<long>());
        ASSERT_NE(it, places.end()) << f.path() << " " << p;
        EXPECT_NEAR(p["lon"].get<double>(), it->second.first, 1e-6) << f.path() << " " << p;
        EXPECT_NEAR(p["lat"].get<double>(), it->second.second, 1e-6) << f.path() << " " << p;
        ++checked;
      }
    }
  EXPECT_GT(checked, 50u);
}
