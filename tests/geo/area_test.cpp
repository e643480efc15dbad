// Areas read their edges as geodesics in contains() and boundary_distance_m() alike: checked
// on the Idlib de-escalation area's long edges against points placed by GeographicLib.
#include "truceline/geo/area.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <gtest/gtest.h>

#include <cmath>

#include "truceline/geo/geojson.hpp"

namespace truceline::geo {
namespace {

const std::string kIdlibArea = TRUCELINE_TEST_DATA "/../../data/scenarios/idlib-2018/geometry/idlib-dea.geojson";

// Twice the signed lon/lat area (positive: counter-clockwise).
double shoelace(const Ring& r) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].lon_deg * r[i + 1].lat_deg - r[i + 1].lon_deg * r[i].lat_deg;
  return a;
}

TEST(Area, EdgesAreGeodesicsForContainsAndDistanceAlike) {
  const std::vector<Polygon> polys = read_area(kIdlibArea);
  ASSERT_EQ(polys.size(), 1u);
  const Ring& ring = polys[0][0];
  const Area area(polys);
  const auto& g = GeographicLib::Geodesic::WGS84();
  // The interior is on the left of a counter-clockwise ring.
  const int interior = shoelace(ring) > 0 ? -1 : +1;  // -1: left (azimuth - 90), +1: right
  int edges_tested = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const LonLat a = ring[i], b = ring[i + 1];
    double s12 = 0, azi1 = 0, azi2 = 0;
    g.Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12, azi1, azi2);
    if (s12 < 10'000) continue;  // the long edges, where the two readings part
    const GeographicLib::GeodesicLine line = g.Line(a.lat_deg, a.lon_deg, azi1);
    LonLat m;
    double azi_m = 0;
    line.Position(0.5 * s12, m.lat_deg, m.lon_deg, azi_m);
    // How far the straight lon/lat edge passes from the geodesic there, and on which side.
    const LonLat c{0.5 * (a.lon_deg + b.lon_deg), 0.5 * (a.lat_deg + b.lat_deg)};
    double dev = 0, azi_mc = 0, azi_c = 0;
    g.Inverse(m.lat_deg, m.lon_deg, c.lat_deg, c.lon_deg, dev, azi_mc, azi_c);
    if (dev < 0.5) continue;
    ++edges_tested;
    for (const int side : {-1, +1}) {
      // Points on the geodesic normal at m: between the geodesic and the straight edge, and
      // beyond it; the geodesic reading puts them inside iff they are on the interior side.
      for (const double x : {0.3 * dev, 0.7 * dev, dev + 5.0}) {
        LonLat p;
        g.Direct(m.lat_deg, m.lon_deg, azi_m + 90.0 * side, x, p.lat_deg, p.lon_deg);
        const Area::Where w = area.locate(p);
        EXPECT_EQ(w.inside, side == interior) << "edge " << i << " side " << side << " x " << x;
        EXPECT_EQ(area.contains(p), side == interior);
        EXPECT_NEAR(w.distance_m, x, 1e-3) << "edge " << i;
        EXPECT_NEAR(area.boundary_distance_m(p), x, 1e-3);
      }
    }
  }
  EXPECT_GE(edges_tested, 3);
  // The test means something: on at least one edge the readings are metres apart.
  double worst = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const LonLat a = ring[i], b = ring[i + 1];
    double s12 = 0, azi1 = 0, azi2 = 0;
    g.Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12, azi1, azi2);
    LonLat m;
    g.Direct(a.lat_deg, a.lon_deg, azi1, 0.5 * s12, m.lat_deg, m.lon_deg);
    double dev = 0;
    g.Inverse(m.lat_deg, m.lon_deg, 0.5 * (a.lat_deg + b.lat_deg), 0.5 * (a.lon_deg + b.lon_deg), dev);
    worst = std::max(worst, dev);
  }
  EXPECT_GT(worst, 2.0);
}

TEST(Area, VerticesHolesAndOverlappingPolygons) {
  // A square with a square hole, and a second polygon overlapping the first's hole.
  const Ring outer{{36.0, 35.0}, {36.2, 35.0}, {36.2, 35.2}, {36.0, 35.2}, {36.0, 35.0}};
  const Ring hole{{36.05, 35.05}, {36.05, 35.15}, {36.15, 35.15}, {36.15, 35.05}, {36.05, 35.05}};
  const Ring other{{36.09, 35.09}, {36.11, 35.09}, {36.11, 35.11}, {36.09, 35.11}, {36.09, 35.09}};
  // Rings written in either orientation: the area orients them.
  Ring outer_cw(outer.rbegin(), outer.rend());
  for (const auto& o : {outer, outer_cw}) {
    const Area area({{o, hole}, {other}});
    EXPECT_TRUE(area.contains({36.02, 35.1}));    // in the ring
    EXPECT_FALSE(area.contains({36.07, 35.1}));   // in the hole
    EXPECT_TRUE(area.contains({36.10, 35.10}));   // in the other polygon, inside the hole
    EXPECT_FALSE(area.contains({36.3, 35.1}));    // outside
    EXPECT_FALSE(area.contains({35.99, 34.99}));  // beyond a corner (nearest point: a vertex)
    EXPECT_TRUE(area.contains({36.0, 35.0}));     // the boundary counts as inside
    EXPECT_TRUE(area.contains({36.2, 35.1}));
    EXPECT_FALSE(area.contains({-120.0, -40.0}));  // far away
  }
}

TEST(Area, RingsReachingAPoleAreRejected) {
  const Ring cap{{0, 80}, {90, 80}, {90, 90}, {0, 90}, {0, 80}};
  EXPECT_THROW(Area({{cap}}), GeometryError);
  const Ring near{{0, 85}, {10, 85}, {10, 89}, {0, 89}, {0, 85}};
  const Area ok({{near}});
  EXPECT_TRUE(ok.contains({5, 87}));
  EXPECT_FALSE(ok.contains({5, 89.5}));
}

}  // namespace
}  // namespace truceline::geo
