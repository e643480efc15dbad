// Zone measurement: a drawing measured against the definition (zone.hpp, BoundaryCheck).
#include <algorithm>
#include <cmath>

#include "truceline/geo/detail/geos.hpp"
#include "truceline/geo/detail/zone.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

using detail::GeomPtr;
using detail::Geos;
using detail::union_of;
using detail::clip_geoms;

BoundaryCheck check_boundary(const std::vector<Polygon>& polygons, const ZoneDefinition& def,
                             const std::vector<Polygon>* clip) {
  const GeodesicPolyline& line = def.line();
  const ZoneSpec& spec = def.spec();
  const Geos geos;
  GeomPtr clip_boundary;
  const GEOSPreparedGeometry* prepared = nullptr;
  if (clip) {
    GeomPtr area = union_of(geos, clip_geoms(geos, *clip));
    clip_boundary = detail::wrap(geos, GEOSBoundary_r(geos.h(), area.get()), "boundary");
    prepared = GEOSPrepare_r(geos.h(), clip_boundary.get());
  }
  // Vertices closer than this to the line are on it (GEOS intersections of the line's own
  // densified chords lie up to the densification tolerance off the geodesic).
  const double on_line_m = std::min(1.0, 0.25 * spec.min_depth_m());
  enum class Kind { boundary, line, normal, excepted };
  BoundaryCheck out;
  auto error_of = [&](LonLat p, Kind* kind) {
    const Nearest n = line.nearest(p);
    const double D = spec.depth_at(line, n);
    if (n.distance_m < on_line_m) {
      *kind = Kind::line;
      return n.distance_m;
    }
    if (def.territory()) {
      const double t = def.territory()->nearest(p).distance_m;
      if (t < on_line_m) {
        *kind = Kind::normal;  // on an end normal: measured against it
        return t;
      }
    }
    *kind = Kind::boundary;
    return std::abs(spec.vertex_depth_m.empty() ? n.distance_m - D : def.excess_m(p));
  };
  for (const auto& poly : polygons)
    for (const auto& ring : poly) {
      std::vector<Kind> kinds(ring.size());
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const LonLat v = ring[i];
        bool excepted = std::abs(v.lon_deg) > 180.0 - 1e-9;
        if (!excepted && prepared) {
          GeomPtr pt = detail::wrap(geos, GEOSGeom_createPointFromXY_r(geos.h(), v.lon_deg, v.lat_deg), "point");
          double d = 1;
          GEOSPreparedDistance_r(geos.h(), prepared, pt.get(), &d);
          excepted = d < 1e-9;
        }
        if (excepted) {
          kinds[i] = Kind::excepted;
          ++out.points_excepted;
          continue;
        }
        const double e = error_of(v, &kinds[i]);
        if (kinds[i] == Kind::boundary) {
          out.max_error_m = std::max(out.max_error_m, e);
          ++out.points_checked;
        } else {
          out.max_line_error_m = std::max(out.max_line_error_m, e);
          ++out.points_excepted;
        }
      }
      kinds.back() = kinds.front();
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        if (kinds[i] != kinds[i + 1] || kinds[i] == Kind::excepted) continue;
        const LonLat a = ring[i], b = unwrap(ring[i + 1], ring[i].lon_deg);
        LonLat m{0.5 * (a.lon_deg + b.lon_deg), 0.5 * (a.lat_deg + b.lat_deg)};
        m.lon_deg = wrap180(m.lon_deg);
        Kind k;
        const double e = error_of(m, &k);
        ++out.points_checked;
        if (kinds[i] == Kind::line) {
          out.max_line_error_m = std::max(out.max_line_error_m, k == Kind::line ? e : line.nearest(m).distance_m);
        } else if (kinds[i] == Kind::normal) {
          // Measured, never counted as 0: its distance from the end normal (the territory
          // line), whatever kind the midpoint itself falls in.
          out.max_line_error_m = std::max(out.max_line_error_m, def.territory()->nearest(m).distance_m);
        } else {
          // A D-boundary edge whose midpoint fell onto the line is an error of D metres.
          out.max_error_m = std::max(out.max_error_m, k == Kind::line ? spec.max_depth_m() : e);
        }
      }
    }
  if (prepared) GEOSPreparedGeom_destroy_r(geos.h(), prepared);
  return out;
}

}  // namespace truceline::geo
