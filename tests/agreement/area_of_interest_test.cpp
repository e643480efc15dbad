// An agreement's area of interest (agreement/area_of_interest.hpp): derived from what the
// agreement draws, or given explicitly; checked against an independent oracle (dense geodesic
// sampling), and the distances its documented 30 km margin rests on.
#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <thread>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/error.hpp"

namespace truceline::agreement {
namespace {

const std::string kData = TRUCELINE_TEST_DATA "/agreements/";
const std::string kIdlib = TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml";

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

double km(const AreaOfInterest& a, double lon, double lat) { return a.distance_m({lon, lat}) / 1000.0; }

TEST(AreaOfInterest, IdlibPlacesAndTheMarginTheyJustify) {
  const AreaOfInterest a(load_valid(kIdlib));
  EXPECT_FALSE(a.is_explicit());
  EXPECT_EQ(a.place_margin_m(), kPlaceMarginM);
  EXPECT_EQ(a.description(), "sochi-2018: its zones, lines, patrol routes and posts");
  // Inside: the towns of the memorandum's reporting.
  for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{
           {36.6033, 35.37425}, {36.6897, 35.37615}, {36.65095, 35.44208}, {36.67693, 35.6483}, {36.63393, 35.93062}})
    EXPECT_EQ(a.distance_m({lon, lat}), 0.0) << lon << "," << lat;
  // Within the 30 km margin: Latakia, Antakya (the numbers quoted in area_of_interest.hpp).
  EXPECT_NEAR(km(a, 35.79011, 35.53168), 18.0, 0.5);  // Latakia
  EXPECT_NEAR(km(a, 36.1628, 36.2025), 17.7, 0.5);    // Antakya
  // Beyond it: the namesakes the gazetteer offers for Idlib villages, and Homs.
  EXPECT_NEAR(km(a, 36.01056, 34.25083), 103.7, 0.5);  // Bcharré ("Bashir")
  EXPECT_NEAR(km(a, 38.88019, 36.8986), 148.1, 0.5);   // Karatepe ("Qara Tapa")
  EXPECT_NEAR(km(a, 38.35347, 36.89095), 105.9, 0.5);  // Kobani ("Kabani")
  EXPECT_GT(km(a, 36.72, 34.73), 30.0);                // Homs
  // A lost sign lands on another continent.
  EXPECT_GT(a.distance_m({-36.63393, 35.93062}), kFarFromAreaM);
}

TEST(AreaOfInterest, ExplicitAreaHasNoMargin) {
  const Agreement ag = load_valid(kData + "aoi.toml");
  EXPECT_EQ(ag.area_of_interest_file, "aoi.geojson");
  ASSERT_EQ(ag.area_of_interest.size(), 1u);
  const AreaOfInterest a(ag);
  EXPECT_TRUE(a.is_explicit());
  EXPECT_EQ(a.place_margin_m(), 0.0);
  EXPECT_EQ(a.description(), "test-accord: area_of_interest aoi.geojson");
  EXPECT_EQ(a.distance_m({36.6033, 35.37425}), 0.0);  // Kafr Zita
  // Sinjar (Idlib) lies east of the box's 36.9 E edge: its distance is to that edge, whatever
  // the agreement's line and post (an explicit area replaces them).
  double s12 = 0;
  wgs84().Inverse(35.59011, 37.00472, 35.59011, 36.9, s12);
  EXPECT_NEAR(a.distance_m({37.00472, 35.59011}), s12, 5.0);
  EXPECT_GT(a.distance_m({36.40, 35.90}), 20000.0);  // the post of minimal.toml, outside the box
}

// The distance from `p` to the derived area of minimal.toml, by brute force: the area zone
// (a lon/lat box; inside = 0) by its geodesic edges sampled every 20 m, the line sampled every
// 20 m less the deepest depth along it (20 km: a reading), and the post.
double oracle_minimal_m(double lon, double lat) {
  if (lon >= 36.0 && lon <= 36.8 && lat >= 35.3 && lat <= 36.0) return 0.0;
  auto sampled = [&](const std::vector<std::pair<double, double>>& vertices) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
      const auto line = wgs84().InverseLine(vertices[i].second, vertices[i].first, vertices[i + 1].second,
                                            vertices[i + 1].first);
      const int n = static_cast<int>(std::ceil(line.Distance() / 20.0));
      for (int k = 0; k <= n; ++k) {
        double plat = 0, plon = 0, s12 = 0;
        line.Position(line.Distance() * k / n, plat, plon);
        wgs84().Inverse(lat, lon, plat, plon, s12);
        best = std::min(best, s12);
      }
    }
    return best;
  };
  const double box = sampled({{36.0, 35.3}, {36.8, 35.3}, {36.8, 36.0}, {36.0, 36.0}, {36.0, 35.3}});
  const double line =
      std::max(0.0, sampled({{36.17, 35.83}, {36.30, 35.80}, {36.35, 35.66}, {36.39, 35.41}}) - 20000.0);
  double post = 0;
  wgs84().Inverse(lat, lon, 35.70, 36.40, post);
  return std::min({box, line, post});
}

TEST(AreaOfInterest, DerivedDistanceAgreesWithBruteForce) {
  const AreaOfInterest a(load_valid(kData + "minimal.toml"));
  const unsigned seed = 20181017;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lon(35.0, 38.0), lat(34.5, 37.0);
  for (int i = 0; i < 60; ++i) {
    const double x = lon(rng), y = lat(rng);
    // The sampled oracle overestimates by at most (20 m)^2 / (8 d): < 1 cm beyond 5 m.
    EXPECT_NEAR(a.distance_m({x, y}), oracle_minimal_m(x, y), 0.05) << "seed " << seed << " point " << x << "," << y;
  }
}

TEST(AreaOfInterest, ThreadSafe) {
  const AreaOfInterest a(load_valid(kIdlib));
  const std::vector<std::pair<double, double>> ps{{36.0, 34.25}, {38.88, 36.9}, {36.6, 35.37}, {35.79, 35.53}};
  std::vector<double> expected;
  for (const auto& [x, y] : ps) expected.push_back(a.distance_m({x, y}));
  std::vector<int> ok(4, 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i)
        for (std::size_t k = 0; k < ps.size(); ++k)
          if (a.distance_m({ps[k].first, ps[k].second}) != expected[k]) ok[t] = 0;
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_TRUE(ok[t]) << t;
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(AreaOfInterest, NothingDrawnIsAnError) {
  const std::string path = write_temp("truceline_aoi_empty.toml", "[agreement]\nid = \"bare\"\ntitle = \"Bare\"\n");
  const Agreement a = load_valid(path);
  try {
    AreaOfInterest aoi(a);
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the agreement draws nothing"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

TEST(AreaOfInterest, LoadProblems) {
  auto problems = [](const std::string& value) {
    const std::string path =
        write_temp("truceline_aoi_bad.toml", "[agreement]\nid = \"x\"\ntitle = \"X\"\narea_of_interest = " + value + "\n");
    const Loaded l = load(path);
    std::filesystem::remove(path);
    std::vector<std::string> out;
    for (const auto& p : l.problems) out.push_back(p.message);
    return out;
  };
  const auto missing = problems("\"nope.geojson\"");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("area_of_interest: "), std::string::npos) << missing[0];
  EXPECT_NE(missing[0].find("nope.geojson"), std::string::npos) << missing[0];
  EXPECT_EQ(problems("3"), (std::vector<std::string>{"\"area_of_interest\" must be a string"}));
  EXPECT_EQ(problems("\"\""), (std::vector<std::string>{"\"area_of_interest\" is empty: give a GeoJSON Polygon or "
                                                        "MultiPolygon file, or leave it out"}));
}

}  // namespace
}  // namespace truceline::agreement
