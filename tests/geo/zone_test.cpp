// Zone rendering: every vertex and edge midpoint of the output within 1 m of the depth,
// checked against the independent oracle; validity; antimeridian; clip; variable depth; and
// agreement of the polygon with the membership definition.
#include "truceline/geo/zone.hpp"

#include <GeographicLib/GeodesicLine.hpp>

#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <optional>
#include <random>

#include "fixtures.hpp"
#include "oracle.hpp"

namespace truceline::test {
namespace {

using geo::LonLat;
using geo::ZoneSide;

// GEOS view of an output, for validity and point-in-polygon checks.
class GeosZone {
 public:
  explicit GeosZone(const std::vector<geo::Polygon>& polys) : h_(GEOS_init_r()) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& poly : polys) {
      std::vector<GEOSGeometry*> holes;
      for (std::size_t i = 1; i < poly.size(); ++i) holes.push_back(ring(poly[i]));
      parts.push_back(GEOSGeom_createPolygon_r(h_, ring(poly[0]), holes.data(), static_cast<unsigned>(holes.size())));
    }
    g_ = GEOSGeom_createCollection_r(h_, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size()));
  }
  ~GeosZone() {
    GEOSGeom_destroy_r(h_, g_);
    GEOS_finish_r(h_);
  }
  bool valid() const { return GEOSisValid_r(h_, g_) == 1; }
  bool contains(LonLat p) const {
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(h_, p.lon_deg, p.lat_deg);
    const bool in = GEOSContains_r(h_, g_, pt) == 1;
    GEOSGeom_destroy_r(h_, pt);
    return in;
  }

 private:
  GEOSGeometry* ring(const geo::Ring& r) {
    GEOSCoordSequence* s = GEOSCoordSeq_create_r(h_, static_cast<unsigned>(r.size()), 2);
    for (unsigned i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(h_, s, i, r[i].lon_deg, r[i].lat_deg);
    return GEOSGeom_createLinearRing_r(h_, s);
  }
  GEOSContextHandle_t h_;
  GEOSGeometry* g_ = nullptr;
};

double signed_area(const geo::Ring& r) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].lon_deg * r[i + 1].lat_deg - r[i + 1].lon_deg * r[i].lat_deg;
  return a / 2;
}

struct Audit {
  double max_error_m = 0;
  std::size_t checked = 0;
};

// The end normals of every part on side sigma (+1 right, -1 left), as geodesics of length
// `length_m` from the end vertices: an independent construction for the audit.
geo::MultiLine end_normals(const geo::MultiLine& line, int sigma, double length_m) {
  geo::MultiLine out;
  const auto& g = geo::wgs84();
  for (const auto& part : line.parts) {
    double s12, azi1, azi2;
    const auto &a = part[0], &b = part[1];
    g.Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12, azi1, azi2);
    LonLat t;
    g.Direct(a.lat_deg, a.lon_deg, azi1 + 90.0 * sigma, length_m, t.lat_deg, t.lon_deg);
    out.parts.push_back({a, t});
    const auto &y = part[part.size() - 2], &z = part.back();
    g.Inverse(y.lat_deg, y.lon_deg, z.lat_deg, z.lon_deg, s12, azi1, azi2);
    g.Direct(z.lat_deg, z.lon_deg, azi2 + 90.0 * sigma, length_m, t.lat_deg, t.lon_deg);
    out.parts.push_back({z, t});
  }
  return out;
}

// Independent audit of the boundary: every vertex and lon/lat edge midpoint, by the oracle.
// `excess(p, o)` is the independent g(p) (d - D for a constant depth). Excepted: points within
// 1 m of the line; on the antimeridian; for one-sided zones, points within 1 m of an end
// normal (followed up to 10 D, as the zone follows it out of the buffer where a line folds).
Audit audit(const geo::Zone& z, const geo::MultiLine& line,
            const std::function<double(LonLat, const OracleResult&)>& excess, ZoneSide side, double depth_m) {
  const DistanceOracle oracle(line);
  std::optional<DistanceOracle> normals;
  if (side != ZoneSide::both) normals.emplace(end_normals(line, side == ZoneSide::right ? 1 : -1, 10 * depth_m));
  Audit a;
  auto check = [&](LonLat p) -> bool {  // true when p is a D-boundary point (and records it)
    if (std::abs(p.lon_deg) > 180 - 1e-9) return false;
    const OracleResult o = oracle.distance(p);
    if (o.distance_m < 1.0) return false;
    if (normals && normals->distance(p).distance_m < 1.0) return false;
    a.max_error_m = std::max(a.max_error_m, std::abs(excess(p, o)));
    ++a.checked;
    return true;
  };
  for (const auto& poly : z.polygons)
    for (const auto& ring : poly) {
      std::vector<bool> b(ring.size());
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) b[i] = check(ring[i]);
      b.back() = b.front();
      for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        if (b[i] && b[i + 1]) {
          LonLat q = geo::unwrap(ring[i + 1], ring[i].lon_deg);
          check({geo::wrap180(0.5 * (ring[i].lon_deg + q.lon_deg)), 0.5 * (ring[i].lat_deg + q.lat_deg)});
        }
    }
  return a;
}

void expect_good_zone(const char* name, const geo::MultiLine& m, double depth_m, ZoneSide side) {
  SCOPED_TRACE(std::string(name) + " depth " + std::to_string(depth_m) + " side " + geo::to_string(side));
  const geo::GeodesicPolyline line(m);
  const geo::ZoneDefinition def(line, {side, depth_m, {}});
  const geo::Zone z = geo::build_zone(def);
  ASSERT_FALSE(z.polygons.empty());
  const Audit a = audit(
      z, m, [&](LonLat, const OracleResult& o) { return o.distance_m - depth_m; }, side, depth_m);
  EXPECT_LE(a.max_error_m, 1.0);
  EXPECT_GT(a.checked, 10u);
  // The error the zone reports is measured, and agrees with the independent audit.
  EXPECT_NEAR(z.check.max_error_m, a.max_error_m, 0.01);
  EXPECT_LE(z.check.max_line_error_m, 1.0);
  EXPECT_TRUE(z.within_target);
  EXPECT_TRUE(GeosZone(z.polygons).valid());
  for (const auto& poly : z.polygons) {
    EXPECT_GT(signed_area(poly[0]), 0) << "exterior rings are counter-clockwise";
    for (std::size_t i = 1; i < poly.size(); ++i) EXPECT_LT(signed_area(poly[i]), 0);
    for (const auto& r : poly)
      for (const auto& p : r) ASSERT_LE(std::abs(p.lon_deg), 180.0);
  }
}

TEST(Zone, BoundaryWithinOneMetreNear35N) {
  for (double d : {500.0, 6000.0, 20000.0})
    for (auto side : {ZoneSide::both, ZoneSide::left, ZoneSide::right}) expect_good_zone("35n", line_35n(), d, side);
}

TEST(Zone, BoundaryWithinOneMetreWide140km) {
  expect_good_zone("35n", line_35n(), 140000, ZoneSide::both);
  expect_good_zone("35n", line_35n(), 140000, ZoneSide::left);
  expect_good_zone("64n", line_64n(), 140000, ZoneSide::right);
}

TEST(Zone, BoundaryWithinOneMetreAt64NAndEquator) {
  for (auto side : {ZoneSide::both, ZoneSide::left, ZoneSide::right}) {
    expect_good_zone("64n", line_64n(), 20000, side);
    expect_good_zone("equator", line_equator(), 6000, side);
  }
}

TEST(Zone, BoundaryWithinOneMetreAt80N) {
  const geo::MultiLine m{{{{10.0, 79.5}, {14.0, 80.0}, {18.0, 79.7}, {22.0, 80.1}}}};
  expect_good_zone("80n", m, 20000, ZoneSide::both);
  expect_good_zone("80n", m, 20000, ZoneSide::left);
}

TEST(Zone, MultiLineStringAndZigZag) {
  for (auto side : {ZoneSide::both, ZoneSide::left, ZoneSide::right}) {
    expect_good_zone("multi", line_multi(), 20000, side);
    expect_good_zone("zigzag", line_zigzag(), 6000, side);
    expect_good_zone("zigzag", line_zigzag(), 20000, side);
  }
}

TEST(Zone, SeededRandomLines) {
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    // Sharp random walks (turns up to 90 degrees) for both-sided zones, gentler ones (45) for
    // one-sided zones.
    const bool one_sided = seed % 2 == 0;
    const auto m = random_line(seed, 12, 30.0 + seed, 40.0 - seed * 10, 8000, one_sided ? 45 : 90);
    expect_good_zone("random", m, 6000 + 4000.0 * seed, one_sided ? ZoneSide::left : ZoneSide::both);
  }
}

TEST(Zone, CurledLineOneSidedIsClosedByItsEndNormals) {
  // A random walk that curls round: its left zone is the inside of the curl, bounded by the
  // line and by the two end normals, which meet. Every point inside is in the zone.
  const auto m = random_line(2, 12, 32.0, 20.0, 8000, 90);
  const geo::GeodesicPolyline line(m);
  const geo::ZoneDefinition def(line, {ZoneSide::left, 14000, {}});
  const geo::Zone z = geo::build_zone(def);
  ASSERT_EQ(z.polygons.size(), 1u);
  EXPECT_TRUE(GeosZone(z.polygons).valid());
  EXPECT_LE(z.check.max_error_m, 1.0);
  EXPECT_TRUE(def.locate({31.80, 20.02}).inside);
  EXPECT_TRUE(GeosZone(z.polygons).contains({31.80, 20.02}));
  EXPECT_FALSE(def.locate({31.80, 20.20}).inside);
}

TEST(Zone, AntimeridianGivesMultiPolygonSplitAt180) {
  const geo::GeodesicPolyline line(line_fiji());
  const geo::ZoneDefinition def(line, {ZoneSide::both, 20000, {}});
  const geo::Zone z = geo::build_zone(def);
  ASSERT_EQ(z.polygons.size(), 2u);
  bool west = false, east = false;
  for (const auto& poly : z.polygons) {
    double lo = 180, hi = -180;
    for (const auto& p : poly[0]) {
      lo = std::min(lo, p.lon_deg);
      hi = std::max(hi, p.lon_deg);
    }
    EXPECT_LT(hi - lo, 180) << "a polygon must not wrap around the globe";
    west |= hi == 180.0;
    east |= lo == -180.0;
  }
  EXPECT_TRUE(west && east);
  expect_good_zone("fiji", line_fiji(), 20000, ZoneSide::both);
  expect_good_zone("fiji", line_fiji(), 20000, ZoneSide::right);
}

TEST(Zone, VariableDepthInterpolatedAlongTheLine) {
  const auto m = line_35n();
  const geo::GeodesicPolyline line(m);
  geo::ZoneSpec spec{ZoneSide::both, 0, {{15000, 15000, 20000, 20000, 25000, 20000, 15000, 15000, 15000}}};
  const geo::ZoneDefinition def(line, spec);
  const geo::Zone z = geo::build_zone(def);
  // Independent g(p) = min over x on the line of (distance(p, x) - D(x)): each segment sampled
  // every 500 m, then a golden-section search (derivative-free) around the best samples.
  const auto& v = m.parts[0];
  const auto& dv = spec.vertex_depth_m[0];
  std::vector<GeographicLib::GeodesicLine> seg;
  std::vector<double> len;
  for (std::size_t i = 0; i + 1 < v.size(); ++i) {
    seg.push_back(geo::wgs84().InverseLine(v[i].lat_deg, v[i].lon_deg, v[i + 1].lat_deg, v[i + 1].lon_deg));
    len.push_back(seg.back().Distance());
  }
  auto excess = [&](LonLat p, const OracleResult&) {
    auto f = [&](std::size_t i, double t) {
      LonLat x;
      seg[i].Position(t, x.lat_deg, x.lon_deg);
      return geo::distance_m(x, p) - (dv[i] + t / len[i] * (dv[i + 1] - dv[i]));
    };
    double g = 1e18;
    for (std::size_t i = 0; i < seg.size(); ++i) {
      const int n = static_cast<int>(std::ceil(len[i] / 500.0));
      int best = 0;
      double fb = 1e18;
      for (int k = 0; k <= n; ++k)
        if (const double fk = f(i, len[i] * k / n); fk < fb) fb = fk, best = k;
      double a = len[i] * std::max(0, best - 1) / n, b = len[i] * std::min(n, best + 1) / n;
      const double phi = (std::sqrt(5.0) - 1) / 2;
      while (b - a > 1e-4) {
        const double x1 = b - phi * (b - a), x2 = a + phi * (b - a);
        if (f(i, x1) < f(i, x2)) b = x2; else a = x1;
      }
      g = std::min({g, fb, f(i, 0.5 * (a + b))});
    }
    return g;
  };
  const Audit a = audit(z, m, excess, ZoneSide::both, 25000);
  EXPECT_LE(a.max_error_m, 1.0);
  EXPECT_GT(a.checked, 100u);
  EXPECT_TRUE(GeosZone(z.polygons).valid());
  EXPECT_DOUBLE_EQ(spec.depth_at(line, 0, 0), 15000);
  const double cum3 = len[0] + len[1] + len[2];
  // The depth changes by less than 0.99 m per metre, or the spec is rejected.
  EXPECT_THROW(geo::ZoneDefinition(line, {ZoneSide::both, 0, {{1000, 20000, 20000, 20000, 20000, 20000, 20000, 20000, 20000}}}),
               geo::GeometryError);
  EXPECT_DOUBLE_EQ(spec.depth_at(line, 0, len[0] + len[1]), 20000);
  EXPECT_NEAR(spec.depth_at(line, 0, cum3 + 0.5 * len[3]), 22500, 1e-6);
}

TEST(Zone, ClipKeepsOnlyTheAreaAndMeasuresItsBoundary) {
  const auto m = line_35n();
  const geo::GeodesicPolyline line(m);
  const geo::ZoneDefinition def(line, {ZoneSide::both, 20000, {}});
  const std::vector<geo::Polygon> clip{{{{36.0, 35.3}, {36.8, 35.3}, {36.8, 36.2}, {36.0, 36.2}, {36.0, 35.3}}}};
  const geo::Zone z = geo::build_zone(def, {}, &clip);
  ASSERT_FALSE(z.polygons.empty());
  for (const auto& poly : z.polygons)
    for (const auto& r : poly)
      for (const auto& p : r) {
        EXPECT_GE(p.lon_deg, 36.0 - 1e-12);
        EXPECT_LE(p.lon_deg, 36.8 + 1e-12);
        EXPECT_GE(p.lat_deg, 35.3 - 1e-12);
      }
  EXPECT_LE(z.check.max_error_m, 1.0);
  // Points drawn along the clip are measured against its geodesic edges (zone_clip_test.cpp),
  // no longer excepted.
  EXPECT_TRUE(z.check.clipped);
  EXPECT_GT(z.check.max_clip_error_m, 0.0);
  EXPECT_LE(z.check.max_clip_error_m, 1.0);
}

TEST(Zone, PolygonAgreesWithTheDefinitionAwayFromTheBoundary) {
  for (auto side : {ZoneSide::both, ZoneSide::left, ZoneSide::right})
    for (const auto& [name, m] : {std::pair{"35n", line_35n()}, std::pair{"zigzag", line_zigzag()},
                                  std::pair{"multi", line_multi()}}) {
      SCOPED_TRACE(std::string(name) + " " + geo::to_string(side));
      const geo::GeodesicPolyline line(m);
      const geo::ZoneDefinition def(line, {side, 12000, {}});
      const GeosZone poly(geo::build_zone(def).polygons);
      std::mt19937_64 rng(99);
      const auto& v = m.parts[0];
      std::uniform_real_distribution<double> lon(v.front().lon_deg - 0.4, v.back().lon_deg + 0.4),
          lat(std::min(v.front().lat_deg, v.back().lat_deg) - 0.4, std::max(v.front().lat_deg, v.back().lat_deg) + 0.4);
      int compared = 0;
      for (int i = 0; i < 3000; ++i) {
        const LonLat p{lon(rng), lat(rng)};
        const auto loc = def.locate(p);
        if (std::abs(loc.nearest.distance_m - loc.depth_m) < 5 || loc.nearest.distance_m < 5) continue;
        if (def.territory() && def.territory()->nearest(p).distance_m < 5) continue;
        ++compared;
        ASSERT_EQ(poly.contains(p), loc.inside) << "seed 99 point " << p.lon_deg << "," << p.lat_deg;
      }
      EXPECT_GT(compared, 2000);
    }
}

TEST(Zone, OneSidedZoneRejectsASelfCrossingLine) {
  const geo::GeodesicPolyline line({{{{36.0, 35.0}, {36.4, 35.0}, {36.4, 35.3}, {36.2, 35.3}, {36.2, 34.8}}}});
  EXPECT_NO_THROW(geo::ZoneDefinition(line, {ZoneSide::both, 5000, {}}));
  try {
    geo::ZoneDefinition(line, {ZoneSide::left, 5000, {}});
    ADD_FAILURE() << "no error";
  } catch (const geo::GeometryError& e) {
    EXPECT_NE(std::string(e.what()).find("part 1 segment 1 and part 1 segment 4"), std::string::npos) << e.what();
  }
}

TEST(Zone, OneSidedZoneRejectsALineThatTouchesOrOverlapsItself) {
  // The last vertex lies on the first segment; the line turns back on itself; a later
  // segment runs along an earlier one.
  const std::vector<geo::MultiLine> lines{
      {{{{36.0, 35.0}, {36.4, 35.0}, {36.4, 35.3}, {36.2, 35.3}, {36.2, 35.0}}}},
      {{{{36.0, 35.0}, {36.4, 35.0}, {36.2, 35.0}}}},
      {{{{36.0, 35.0}, {36.4, 35.0}}, {{36.1, 35.0}, {36.3, 35.0}}}},
      {{{{36.0, 35.0}, {36.4, 35.0}, {36.4, 35.3}, {36.0, 35.3}, {36.0, 35.0}}}},  // closed
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(i);
    const geo::GeodesicPolyline line(lines[i]);
    EXPECT_NO_THROW(geo::ZoneDefinition(line, {ZoneSide::both, 5000, {}}));
    try {
      geo::ZoneDefinition(line, {ZoneSide::right, 5000, {}});
      ADD_FAILURE() << "no error";
    } catch (const geo::GeometryError& e) {
      const std::string what = e.what();
      EXPECT_TRUE(what.find("touches itself") != std::string::npos || what.find("overlaps itself") != std::string::npos)
          << what;
    }
  }
}

TEST(Zone, BoundaryWithinOneMetreAt85NAnd89N) {
  const geo::MultiLine at85{{{{10.0, 84.8}, {20.0, 85.1}, {30.0, 84.9}}}};
  const geo::MultiLine at89{{{{0.0, 89.0}, {20.0, 89.1}, {40.0, 89.0}}}};
  for (auto side : {ZoneSide::both, ZoneSide::left, ZoneSide::right}) {
    expect_good_zone("85n", at85, 20000, side);
    expect_good_zone("89n", at89, 10000, side);
  }
  const geo::MultiLine at89s{{{{100.0, -89.0}, {130.0, -88.9}}}};
  expect_good_zone("89s", at89s, 10000, ZoneSide::both);
}

TEST(Zone, ZonesReachingAPoleAreRejected) {
  // 89.9 N is 11 km from the pole: a 15 km zone would hold it; a 5 km one keeps clear.
  const geo::GeodesicPolyline north({{{{0.0, 89.9}, {90.0, 89.9}}}});
  try {
    geo::ZoneDefinition(north, {ZoneSide::both, 15000, {}});
    ADD_FAILURE() << "no error";
  } catch (const geo::GeometryError& e) {
    EXPECT_NE(std::string(e.what()).find("reaches the north pole"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(geo::ZoneDefinition(north, {ZoneSide::both, 5000, {}}));
  // A segment passing over the pole (its vertices are far from it).
  const geo::GeodesicPolyline across({{{{0.0, 88.0}, {180.0, 88.0}}}});
  EXPECT_THROW(geo::ZoneDefinition(across, {ZoneSide::left, 5000, {}}), geo::GeometryError);
  const geo::GeodesicPolyline south({{{{0.0, -89.95}, {10.0, -89.95}}}});
  EXPECT_THROW(geo::ZoneDefinition(south, {ZoneSide::both, 5000, {}}), geo::GeometryError);
}

TEST(Zone, VerticesAndMidpointsOnEndNormalsAreMeasured) {
  const geo::GeodesicPolyline line(line_35n());
  const geo::ZoneDefinition def(line, {ZoneSide::left, 60000, {}});
  geo::Zone z = geo::build_zone(def);
  ASSERT_TRUE(z.within_target);
  EXPECT_LE(z.check.max_line_error_m, 0.3);
  // Move every vertex drawn along an end normal (not on the line, not at the depth) 0.8 m
  // across it: the drawing is now 0.8 m off the normal, which the check must report.
  std::size_t moved = 0;
  for (auto& poly : z.polygons)
    for (auto& ring : poly) {
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const LonLat p = ring[i];
        const geo::Nearest t = def.territory()->nearest(p);
        const double d = line.nearest(p).distance_m;
        if (t.distance_m > 1e-3 || d < 100 || d > 59'900) continue;
        double s12 = 0, azi1 = 0, azi2 = 0;
        geo::wgs84().Inverse(t.point.lat_deg, t.point.lon_deg, p.lat_deg, p.lon_deg, s12, azi1, azi2);
        const auto& seg = def.territory()->segment(t.part, t.segment);
        double lat = 0, lon = 0, azi = 0;
        seg.line.Position(t.along_m - seg.along_start_m, lat, lon, azi);
        geo::wgs84().Direct(p.lat_deg, p.lon_deg, azi + 90, 0.8, ring[i].lat_deg, ring[i].lon_deg);
        ++moved;
      }
      ring.back() = ring.front();
    }
  ASSERT_GE(moved, 4u);
  const geo::BoundaryCheck c = geo::check_boundary(z.polygons, def);
  EXPECT_GT(c.max_line_error_m, 0.75);
  EXPECT_LT(c.max_line_error_m, 0.85);
}

TEST(Zone, RefinementThatMissesTheTargetIsReported) {
  const geo::GeodesicPolyline line(line_35n());
  const geo::ZoneDefinition def(line, {ZoneSide::left, 20000, {}});
  geo::ZoneOptions coarse;
  coarse.piece_tolerance_m = 200;
  coarse.max_refinements = 0;
  const geo::Zone z = geo::build_zone(def, coarse);
  EXPECT_GT(z.check.max_any_error_m(), 1.0);
  EXPECT_FALSE(z.within_target);
  EXPECT_EQ(z.refinements, 0);
  EXPECT_THROW(geo::require_within_target(z, "zone"), geo::AccuracyError);
  // With the default refinements the same zone meets its 1 m.
  const geo::Zone fine = geo::build_zone(def);
  EXPECT_TRUE(fine.within_target);
  EXPECT_NO_THROW(geo::require_within_target(fine, "zone"));
}

TEST(Zone, ClipHoleInsideTheZoneSurvives) {
  const geo::GeodesicPolyline line(line_35n());
  const geo::ZoneDefinition def(line, {ZoneSide::both, 20000, {}});
  // A clip area with a 2 x 2 km hole around a point 8 km from the line.
  LonLat c;
  geo::wgs84().Direct(35.41, 36.39, 90, 8000, c.lat_deg, c.lon_deg);
  const double h = 0.01;
  const geo::Ring outer{{35.5, 35.0}, {37.5, 35.0}, {37.5, 36.5}, {35.5, 36.5}, {35.5, 35.0}};
  const geo::Ring hole{{c.lon_deg - h, c.lat_deg - h}, {c.lon_deg - h, c.lat_deg + h}, {c.lon_deg + h, c.lat_deg + h},
                       {c.lon_deg + h, c.lat_deg - h}, {c.lon_deg - h, c.lat_deg - h}};
  ASSERT_TRUE(def.locate(c).inside);
  const std::vector<geo::Polygon> clip{{outer, hole}};
  const geo::Zone z = geo::build_zone(def, {}, &clip);
  std::size_t holes = 0;
  for (const auto& poly : z.polygons) holes += poly.size() - 1;
  EXPECT_EQ(holes, 1u);
  const GeosZone drawn(z.polygons);
  EXPECT_FALSE(drawn.contains(c));
  EXPECT_TRUE(drawn.contains({c.lon_deg + 2 * h, c.lat_deg}));
  EXPECT_TRUE(z.within_target);
}

TEST(Zone, RejectsBadDepths) {
  const geo::GeodesicPolyline line(line_35n());
  EXPECT_THROW(geo::ZoneDefinition(line, {ZoneSide::both, 0, {}}), geo::GeometryError);
  EXPECT_THROW(geo::ZoneDefinition(line, {ZoneSide::both, 1.5e6, {}}), geo::GeometryError);
  EXPECT_THROW(geo::ZoneDefinition(line, {ZoneSide::both, 0, {{1000, 2000}}}), geo::GeometryError);
}

TEST(Zone, DocumentedDefaults) {
  const geo::ZoneOptions o;
  EXPECT_EQ(o.piece_tolerance_m, 0.25);
  EXPECT_EQ(o.target_error_m, 1.0);
  EXPECT_EQ(o.max_refinements, 3);
  EXPECT_TRUE(o.measure);
}

}  // namespace
}  // namespace truceline::test
