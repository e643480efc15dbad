// truceline-accuracy: how far from "D metres from the line" the boundaries of zones drawn by
// common shortcuts really are, compared with truceline's build_zone.
//
// For each case (a line near 35.5 N or 64 N, a depth D of 6 or 20 km, both sides) and each
// method, every output vertex and every edge midpoint (taken straight in lon/lat, which is how
// GeoJSON consumers draw the edge) is measured with the exact geodesic distance to the line
// (GeodesicPolyline::nearest: each segment of the line is a geodesic on WGS84). The table
// reports max |d - D| (over all points, and over vertices only), mean |d - D|, the range of d
// and the vertex count.
//
// Methods:
//   degree buffer   GEOS buffer of the lon/lat line by D / 111320 degrees (8 segments/quadrant)
//   Web Mercator    vertices projected to EPSG:3857 (spherical formulas, R = 6378137), GEOS
//                   buffer by D metres (8 segments/quadrant), unprojected
//   local AEQD      GeographicLib::AzimuthalEquidistant centred at the point halfway along the
//                   line, GEOS buffer by D metres with 8 and with 32 segments/quadrant
//   truceline       build_zone with default options
// In (a)-(c) the buffered line's segments are straight in the method's plane, not geodesics:
// that is part of the method's error (the truth is the geodesic line).
//
// Deterministic (no randomness, no timing); runs in a few seconds.
#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace {

using truceline::geo::GeodesicPolyline;
using truceline::geo::LonLat;
using truceline::geo::MultiLine;
using Ring = std::vector<LonLat>;
using Polygon = std::vector<Ring>;

constexpr double kDeg = std::numbers::pi / 180;
constexpr double kMercatorR = 6378137;     // EPSG:3857 sphere radius
constexpr double kMetresPerDegree = 111320;  // the usual "one degree is 111.32 km"

// ---- GEOS (reentrant C API) --------------------------------------------------------------

void geos_message(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
}

class Geos {
 public:
  Geos() : h_(GEOS_init_r()) {
    GEOSContext_setNoticeHandler_r(h_, geos_message);
    GEOSContext_setErrorHandler_r(h_, geos_message);
  }
  ~Geos() { GEOS_finish_r(h_); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;

  // Buffer of the planar polyline `xy` (x = first, y = second) by `width`, `quadsegs`
  // segments per quadrant, default caps/joins (round). Returns the polygons' rings.
  std::vector<Polygon> buffer(const std::vector<LonLat>& xy, double width, int quadsegs) const {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h_, static_cast<unsigned>(xy.size()), 2);
    if (!seq) throw std::runtime_error("GEOSCoordSeq_create_r failed");
    for (std::size_t i = 0; i < xy.size(); ++i)
      GEOSCoordSeq_setXY_r(h_, seq, static_cast<unsigned>(i), xy[i].lon_deg, xy[i].lat_deg);
    GEOSGeometry* line = GEOSGeom_createLineString_r(h_, seq);
    if (!line) throw std::runtime_error("GEOSGeom_createLineString_r failed");
    GEOSGeometry* buf = GEOSBuffer_r(h_, line, width, quadsegs);
    GEOSGeom_destroy_r(h_, line);
    if (!buf) throw std::runtime_error("GEOSBuffer_r failed");
    std::vector<Polygon> out;
    const int type = GEOSGeomTypeId_r(h_, buf);
    const int n = type == GEOS_POLYGON ? 1 : GEOSGetNumGeometries_r(h_, buf);
    for (int i = 0; i < n; ++i) {
      const GEOSGeometry* poly = type == GEOS_POLYGON ? buf : GEOSGetGeometryN_r(h_, buf, i);
      Polygon p;
      p.push_back(ring(GEOSGetExteriorRing_r(h_, poly)));
      const int holes = GEOSGetNumInteriorRings_r(h_, poly);
      for (int k = 0; k < holes; ++k) p.push_back(ring(GEOSGetInteriorRingN_r(h_, poly, k)));
      out.push_back(std::move(p));
    }
    GEOSGeom_destroy_r(h_, buf);
    return out;
  }

 private:
  Ring ring(const GEOSGeometry* r) const {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h_, r);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h_, seq, &n);
    Ring out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h_, seq, i, &out[i].lon_deg, &out[i].lat_deg);
    return out;
  }
  GEOSContextHandle_t h_;
};

// ---- Cases --------------------------------------------------------------------------------

struct Case {
  std::string name;
  MultiLine line;
  double depth_m;
};

// ~125 km heading ENE across 36-37.3 E near 35.5 N, with bends of 10-30 degrees.
MultiLine line_35n() {
  return {{{{36.00, 35.32}, {36.22, 35.44}, {36.47, 35.50}, {36.71, 35.61}, {36.98, 35.56},
            {37.32, 35.68}}}};
}
// ~100 km heading E across 28-30 E near 64 N.
MultiLine line_64n() {
  return {{{{28.10, 63.82}, {28.55, 63.96}, {29.00, 64.05}, {29.45, 63.98}, {29.95, 64.12}}}};
}

// ---- Methods ------------------------------------------------------------------------------

using Method = std::function<std::vector<Polygon>(const Case&, const GeodesicPolyline&)>;

// The point halfway along the (first part of the) line, on the geodesics.
LonLat halfway(const GeodesicPolyline& line) {
  const double half = line.part_length_m(0) / 2;
  for (const auto& s : line.segments()) {
    if (s.part != 0 || s.along_start_m + s.length_m < half) continue;
    LonLat p;
    s.line.Position(half - s.along_start_m, p.lat_deg, p.lon_deg);
    return p;
  }
  return line.line().parts[0].back();
}

std::vector<Polygon> degree_buffer(const Geos& geos, const Case& c) {
  return geos.buffer(c.line.parts[0], c.depth_m / kMetresPerDegree, 8);
}

std::vector<Polygon> mercator_buffer(const Geos& geos, const Case& c) {
  std::vector<LonLat> xy;
  for (const auto& v : c.line.parts[0])
    xy.push_back({kMercatorR * v.lon_deg * kDeg,
                  kMercatorR * std::log(std::tan(std::numbers::pi / 4 + v.lat_deg * kDeg / 2))});
  auto polys = geos.buffer(xy, c.depth_m, 8);
  for (auto& p : polys)
    for (auto& r : p)
      for (auto& v : r)
        v = {v.lon_deg / kMercatorR / kDeg,
             (2 * std::atan(std::exp(v.lat_deg / kMercatorR)) - std::numbers::pi / 2) / kDeg};
  return polys;
}

std::vector<Polygon> aeqd_buffer(const Geos& geos, const Case& c, const GeodesicPolyline& line,
                                 int quadsegs) {
  const GeographicLib::AzimuthalEquidistant aeqd(truceline::geo::wgs84());
  const LonLat o = halfway(line);
  std::vector<LonLat> xy;
  for (const auto& v : c.line.parts[0]) {
    LonLat p;
    double azi, rk;
    aeqd.Forward(o.lat_deg, o.lon_deg, v.lat_deg, v.lon_deg, p.lon_deg, p.lat_deg, azi, rk);
    xy.push_back(p);
  }
  auto polys = geos.buffer(xy, c.depth_m, quadsegs);
  for (auto& p : polys)
    for (auto& r : p)
      for (auto& v : r) {
        LonLat g;
        double azi, rk;
        aeqd.Reverse(o.lat_deg, o.lon_deg, v.lon_deg, v.lat_deg, g.lat_deg, g.lon_deg, azi, rk);
        v = g;
      }
  return polys;
}

// ---- Measurement --------------------------------------------------------------------------

struct Measure {
  double max_abs = 0, max_abs_vertex = 0, sum_abs = 0, min_d = 1e300, max_d = 0;
  std::size_t points = 0, vertices = 0;
  void add(double d, double depth, bool vertex) {
    const double e = std::abs(d - depth);
    max_abs = std::max(max_abs, e);
    if (vertex) max_abs_vertex = std::max(max_abs_vertex, e);
    sum_abs += e;
    min_d = std::min(min_d, d);
    max_d = std::max(max_d, d);
    ++points;
  }
  double mean_abs() const { return points ? sum_abs / static_cast<double>(points) : 0; }
};

Measure measure(const std::vector<Polygon>& polys, const GeodesicPolyline& line, double depth) {
  Measure m;
  for (const auto& p : polys)
    for (const auto& r : p) {
      // Rings are closed (front == back): n - 1 distinct vertices and n - 1 edges.
      for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const LonLat a = r[i], b = r[i + 1];
        ++m.vertices;
        m.add(line.nearest(a).distance_m, depth, true);
        const LonLat mid{(a.lon_deg + b.lon_deg) / 2, (a.lat_deg + b.lat_deg) / 2};
        m.add(line.nearest(mid).distance_m, depth, false);
      }
    }
  return m;
}

// Metres with about three significant digits, thousands separated by commas.
std::string metres(double v) {
  char buf[64];
  if (v >= 100)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else if (v >= 10)
    std::snprintf(buf, sizeof buf, "%.1f", v);
  else if (v >= 1)
    std::snprintf(buf, sizeof buf, "%.2f", v);
  else
    std::snprintf(buf, sizeof buf, "%.3f", v);
  const std::string s = buf;
  const std::size_t int_digits = std::min(s.find('.'), s.size());
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i < int_digits && (int_digits - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

std::string km(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v / 1000);
  return buf;
}

}  // namespace

int main() {
  try {
    const Geos geos;
    const std::vector<Case> cases = {
        {"35.5 N, D = 6 km", line_35n(), 6'000},
        {"35.5 N, D = 20 km", line_35n(), 20'000},
        {"64 N, D = 6 km", line_64n(), 6'000},
        {"64 N, D = 20 km", line_64n(), 20'000},
    };

    struct Named {
      const char* name;
      Method run;
    };
    std::vector<double> reported;  // truceline's own max_boundary_error_m per case
    const std::vector<Named> methods = {
        {"(a) degree buffer, D / 111320 deg",
         [&](const Case& c, const GeodesicPolyline&) { return degree_buffer(geos, c); }},
        {"(b) Web Mercator (EPSG:3857) buffer",
         [&](const Case& c, const GeodesicPolyline&) { return mercator_buffer(geos, c); }},
        {"(c) local azimuthal equidistant, 8 seg/quadrant",
         [&](const Case& c, const GeodesicPolyline& l) { return aeqd_buffer(geos, c, l, 8); }},
        {"(c') local azimuthal equidistant, 32 seg/quadrant",
         [&](const Case& c, const GeodesicPolyline& l) { return aeqd_buffer(geos, c, l, 32); }},
        {"(d) truceline build_zone",
         [&](const Case& c, const GeodesicPolyline& l) {
           const truceline::geo::ZoneDefinition def(
               l, truceline::geo::ZoneSpec{truceline::geo::ZoneSide::both, c.depth_m, {}});
           auto zone = truceline::geo::build_zone(def, truceline::geo::ZoneOptions{});
           reported.push_back(zone.check.max_error_m);
           return zone.polygons;
         }},
    };

    std::printf("| Case | Method | Vertices | max \\|d − D\\| (m) | max at vertices only (m) | mean \\|d − D\\| (m) | d min … max (km) |\n");
    std::printf("|---|---|---:|---:|---:|---:|---|\n");
    for (const auto& c : cases) {
      const GeodesicPolyline line(truceline::geo::validated(c.line));
      for (const auto& m : methods) {
        const auto polys = m.run(c, line);
        const Measure r = measure(polys, line, c.depth_m);
        std::printf("| %s | %s | %zu | %s | %s | %s | %s … %s |\n", c.name.c_str(), m.name, r.vertices,
                    metres(r.max_abs).c_str(), metres(r.max_abs_vertex).c_str(),
                    metres(r.mean_abs()).c_str(), km(r.min_d).c_str(), km(r.max_d).c_str());
      }
    }
    std::printf("\nd: exact geodesic distance (WGS84) to the geodesic line, at every output vertex and "
                "every edge midpoint (straight in lon/lat); max and mean over both, except the "
                "vertices-only column.\n");
    std::printf("truceline's own reported max_boundary_error_m:");
    for (std::size_t i = 0; i < cases.size(); ++i)
      std::printf("%s %s %s m", i ? ";" : "", cases[i].name.c_str(), metres(reported[i]).c_str());
    std::printf(".\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "truceline-accuracy: %s\n", e.what());
    return 1;
  }
  return 0;
}
