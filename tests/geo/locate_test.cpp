// ZoneLocator: the grid fast path must give exactly the exact answer (brute-force switch),
// and membership must agree with the independent oracle away from the boundary.
#include "truceline/geo/locate.hpp"

#include <gtest/gtest.h>

#include <random>

#include "fixtures.hpp"
#include "oracle.hpp"

namespace truceline::test {
namespace {

using geo::LonLat;
using geo::ZoneSide;

std::vector<LonLat> random_points(const geo::MultiLine& m, unsigned seed, std::size_t n, double margin_deg) {
  double lon0 = 1e9, lon1 = -1e9, lat0 = 90, lat1 = -90;
  const double ref = m.parts[0][0].lon_deg;
  for (const auto& part : m.parts)
    for (const auto& v : part) {
      const double lon = geo::unwrap(v, ref).lon_deg;
      lon0 = std::min(lon0, lon);
      lon1 = std::max(lon1, lon);
      lat0 = std::min(lat0, v.lat_deg);
      lat1 = std::max(lat1, v.lat_deg);
    }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ulon(lon0 - margin_deg, lon1 + margin_deg),
      ulat(lat0 - margin_deg, lat1 + margin_deg);
  std::vector<LonLat> out(n);
  for (auto& p : out) p = {geo::wrap180(ulon(rng)), ulat(rng)};
  return out;
}

TEST(Locator, GridAnswersEqualExactAnswers) {
  struct Case {
    const char* name;
    geo::MultiLine line;
    double depth;
    ZoneSide side;
  };
  const std::vector<Case> cases{{"35n", line_35n(), 20000, ZoneSide::both},  {"35n", line_35n(), 20000, ZoneSide::left},
                                {"35n", line_35n(), 6000, ZoneSide::right},  {"64n", line_64n(), 20000, ZoneSide::both},
                                {"fiji", line_fiji(), 20000, ZoneSide::both}, {"fiji", line_fiji(), 6000, ZoneSide::left},
                                {"zigzag", line_zigzag(), 6000, ZoneSide::right}, {"multi", line_multi(), 20000, ZoneSide::left}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " " + geo::to_string(c.side) + " seed 5");
    const geo::GeodesicPolyline line(c.line);
    const geo::ZoneDefinition def(line, {c.side, c.depth, {}});
    const geo::ZoneLocator fast(def, {.max_cells = 1 << 16});
    const auto& st = fast.stats();
    EXPECT_GT(st.inside + st.outside, st.mixed) << "the grid decides most cells";
    std::size_t inside = 0;
    for (const auto& p : random_points(c.line, 5, 20000, 0.5)) {
      const bool exact = fast.contains_exact(p);
      ASSERT_EQ(fast.contains(p), exact) << p.lon_deg << "," << p.lat_deg;
      inside += exact;
    }
    EXPECT_GT(inside, 300u);
  }
}

TEST(Locator, NearDegeneratePointsAtTheBoundary) {
  // Points placed at D +- 1 cm along random normals: the grid must still defer to the exact answer.
  const geo::GeodesicPolyline line(line_35n());
  const geo::ZoneDefinition def(line, {ZoneSide::both, 20000, {}});
  const geo::ZoneLocator fast(def, {.max_cells = 1 << 18});
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> f(0.05, 0.95);
  for (const auto& s : line.segments())
    for (int k = 0; k < 20; ++k) {
      LonLat x;
      double azi;
      s.line.Position(f(rng) * s.length_m, x.lat_deg, x.lon_deg, azi);
      for (double d : {19999.99, 20000.01}) {
        LonLat p;
        geo::wgs84().Direct(x.lat_deg, x.lon_deg, azi + (k % 2 ? 90 : -90), d, p.lat_deg, p.lon_deg);
        ASSERT_EQ(fast.contains(p), fast.contains_exact(p));
      }
    }
}

TEST(Locator, MembershipAgreesWithOracleAwayFromBoundary) {
  for (auto side : {ZoneSide::both, ZoneSide::left, ZoneSide::right}) {
    const auto m = line_35n();
    const geo::GeodesicPolyline line(m);
    const geo::ZoneDefinition def(line, {side, 20000, {}});
    const DistanceOracle oracle(m);
    double part_len = 0;
    for (const auto& s : line.segments()) part_len += s.length_m;
    int compared = 0;
    for (const auto& p : random_points(m, 8, 1500, 0.4)) {
      const auto o = oracle.distance(p);
      if (std::abs(o.distance_m - 20000) < 1.0) continue;
      const auto loc = def.locate(p);
      EXPECT_NEAR(loc.nearest.distance_m, o.distance_m, 0.01);
      bool expected = o.distance_m <= 20000;
      if (side != ZoneSide::both) {
        // Interior feet only (the oracle's side is defined there): on the zone's side.
        if (o.side == 0 || o.along_m < 1 || o.along_m > part_len - 1) continue;
        expected = expected && (o.side > 0) == (side == ZoneSide::right);
      }
      ++compared;
      EXPECT_EQ(loc.inside, expected) << p.lon_deg << "," << p.lat_deg;
    }
    EXPECT_GT(compared, 600);
  }
}

TEST(Locator, DocumentedDefaults) {
  const geo::LocatorOptions o;
  EXPECT_EQ(o.max_cells, std::size_t{1} << 20);
  EXPECT_TRUE(o.use_grid);
}

}  // namespace
}  // namespace truceline::test
