// Zone measurement: a drawing measured against the definition (zone.hpp, BoundaryCheck).
#include <algorithm>
#include <cmath>
#include <optional>

#include "truceline/geo/area.hpp"
#include "truceline/geo/detail/zone.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {


BoundaryCheck check_boundary(const std::vector<Polygon>& polygons, const ZoneDefinition& def,
                             const std::vector<Polygon>* clip) {
  const GeodesicPolyline& line = def.line();
  const ZoneSpec& spec = def.spec();
  // The clip area read as it is defined, with geodesic edges (area.hpp): what the drawn clip
  // edges are measured against.
  std::optional<Area> clip_area;
  if (clip) clip_area.emplace(*clip);
  // Vertices closer than this to the line are on it (GEOS intersections of the line's own
  // densified chords lie up to the densification tolerance off the geodesic).
  const double on_line_m = std::min(1.0, 0.25 * spec.min_depth_m());
  enum class Kind { boundary, line, normal, clip, excepted };
  BoundaryCheck out;
  out.clipped = clip != nullptr;
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
    const double e = std::abs(spec.vertex_depth_m.empty() ? n.distance_m - D : def.excess_m(p));
    if (clip_area) {
      // The boundary of zone ∩ clip lies on one of the two: measured against the nearer.
      const double c = clip_area->boundary_distance_m(p);
      if (c < e) {
        *kind = Kind::clip;
        return c;
      }
    }
    return e;
  };
  for (const auto& poly : polygons)
    for (const auto& ring : poly) {
      std::vector<Kind> kinds(ring.size());
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const LonLat v = ring[i];
        const bool excepted = std::abs(v.lon_deg) > 180.0 - 1e-9;
        if (excepted) {
          kinds[i] = Kind::excepted;
          ++out.points_excepted;
          continue;
        }
        const double e = error_of(v, &kinds[i]);
        if (kinds[i] == Kind::boundary) {
          out.max_error_m = std::max(out.max_error_m, e);
          ++out.points_checked;
        } else if (kinds[i] == Kind::clip) {
          out.max_clip_error_m = std::max(out.max_clip_error_m, e);
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
        } else if (kinds[i] == Kind::clip) {
          // Drawn along the clip: its distance from the clip's geodesic edge, or from the
          // zone's own boundary when it runs along that instead (a chord of the zone between
          // two points on the clip).
          out.max_clip_error_m =
              std::max(out.max_clip_error_m, k == Kind::line ? clip_area->boundary_distance_m(m) : e);
        } else {
          // A D-boundary edge whose midpoint fell onto the line is an error of D metres.
          out.max_error_m = std::max(out.max_error_m, k == Kind::line ? spec.max_depth_m() : e);
        }
      }
    }
  return out;
}

BoundaryCheck check_area_boundary(const std::vector<Polygon>& drawn, const Area& area) {
  BoundaryCheck out;
  for (const auto& poly : drawn)
    for (const auto& ring : poly)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const LonLat a = ring[i], b = unwrap(ring[i + 1], ring[i].lon_deg);
        LonLat m{0.5 * (a.lon_deg + b.lon_deg), 0.5 * (a.lat_deg + b.lat_deg)};
        m.lon_deg = wrap180(m.lon_deg);
        out.max_error_m = std::max({out.max_error_m, area.boundary_distance_m(a), area.boundary_distance_m(m)});
        out.points_checked += 2;
      }
  return out;
}

}  // namespace truceline::geo
