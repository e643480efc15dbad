// Zone rendering: the definition drawn as lon/lat polygons with GEOS (zone.hpp, "Rendering").
#include <GeographicLib/Math.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "truceline/geo/area.hpp"
#include "truceline/geo/detail/geos.hpp"
#include "truceline/geo/detail/zone.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

using GeographicLib::Math;
using detail::direct;
using detail::GeomPtr;
using detail::Geos;
using detail::union_of;
using detail::clip_geoms;

namespace {

// Appends the points of curve(t) for t in (t0, t1], p0 and p1 given (unwrapped), bisecting
// until each edge's lon/lat midpoint is within tol_m of curve((t0 + t1) / 2).
template <class Curve>
void densify_curve(const Curve& curve, double t0, LonLat p0, double t1, LonLat p1, double anchor, double tol_m,
                   detail::Ring& out, int depth = 0) {
  const double tm = 0.5 * (t0 + t1);
  const LonLat pm = unwrap(curve(tm), anchor);
  const LonLat mid{0.5 * (p0.lon_deg + p1.lon_deg), 0.5 * (p0.lat_deg + p1.lat_deg)};
  if (depth < 40 && local_distance_m(mid, pm) > tol_m) {
    densify_curve(curve, t0, p0, tm, pm, anchor, tol_m, out, depth + 1);
    densify_curve(curve, tm, pm, t1, p1, anchor, tol_m, out, depth + 1);
  } else {
    out.push_back(p1);
  }
}

// Densifies with `pieces` equal initial steps (guards against symmetric deviations that
// vanish at the midpoint of a long edge).
template <class Curve>
void densify_curve_n(const Curve& curve, double t0, LonLat p0, double t1, LonLat p1, double anchor, double tol_m,
                     int pieces, detail::Ring& out) {
  LonLat prev = p0;
  for (int k = 1; k <= pieces; ++k) {
    const double ta = t0 + (t1 - t0) * (k - 1) / pieces, tb = t0 + (t1 - t0) * k / pieces;
    const LonLat pb = k == pieces ? p1 : unwrap(curve(tb), anchor);
    densify_curve(curve, ta, prev, tb, pb, anchor, tol_m, out);
    prev = pb;
  }
}

// Initial steps for a curve of this length: at most 20 km each.
int pieces_for_length(double metres) { return std::max(1, static_cast<int>(std::ceil(metres / 20'000.0))); }

// Builds the pieces of one zone at one densification tolerance.
class PieceBuilder {
 public:
  PieceBuilder(const Geos& geos, const GeodesicPolyline& line, const ZoneSpec& spec, double tol)
      : geos_(geos), line_(line), spec_(spec), tol_(tol) {
    const auto& parts = line.line().parts;
    const double ref = parts[0][0].lon_deg;
    for (const auto& part : parts) {
      std::vector<double> u;
      u.push_back(unwrap(part[0], ref).lon_deg);
      for (std::size_t v = 1; v < part.size(); ++v)
        u.push_back(u.back() + Math::AngDiff(part[v - 1].lon_deg, part[v].lon_deg));
      anchor_.push_back(std::move(u));
    }
  }

  // Strips on side sigma (+1 right, -1 left) and wedges on its convex turns.
  std::vector<GeomPtr> pieces(int sigma) {
    std::vector<GeomPtr> out;
    const auto& parts = line_.line().parts;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const std::size_t nv = parts[p].size();
      for (std::size_t v = 0; v + 1 < nv; ++v) out.push_back(strip(p, v, sigma));
      for (std::size_t v = 1; v + 1 < nv; ++v)
        if (auto w = wedge(p, v, sigma)) out.push_back(std::move(w));
    }
    return out;
  }

  // Half discs behind the first vertex and beyond the last vertex of every part.
  std::vector<GeomPtr> caps() {
    std::vector<GeomPtr> out;
    const auto& parts = line_.line().parts;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      out.push_back(cap(p, 0, true));
      out.push_back(cap(p, parts[p].size() - 1, false));
    }
    return out;
  }

  // The territory line (one-sided zones) as densified lon/lat LineStrings, unwrapped like the
  // pieces (each part continues from the unwrapped longitude of its first line vertex).
  std::vector<GeomPtr> territory_lines(const GeodesicPolyline& territory) const {
    std::vector<GeomPtr> out;
    for (std::size_t p = 0; p < territory.line().parts.size(); ++p) {
      detail::Ring pts;
      const LonLat tip = territory.line().parts[p].front();
      pts.push_back(unwrap(tip, anchor_[p][0]));
      for (const auto& s : territory.segments()) {
        if (s.part != p) continue;
        const double anchor = pts.back().lon_deg;
        const LonLat b = unwrap(s.b, anchor);
        auto on_line = [&s](double t) {
          LonLat x;
          s.line.Position(t, x.lat_deg, x.lon_deg);
          return x;
        };
        densify_n(on_line, 0, pts.back(), s.length_m, b, anchor, pieces_for_length(s.length_m), pts);
      }
      out.push_back(detail::make_linestring(geos_, pts));
    }
    return out;
  }

 private:
  const Segment& segment(std::size_t part, std::size_t v) const { return line_.segment(part, v); }

  double depth_vertex(std::size_t part, std::size_t v) const {
    return spec_.vertex_depth_m.empty() ? spec_.depth_m : spec_.vertex_depth_m[part][v];
  }

  // Angle between the line's direction and the offset direction of segment `seg`: 90 degrees
  // for a constant depth; acos(-dD/ds) for a varying one (the envelope of the discs of radius
  // D(t): d/dt [distance(P, X(t)) - D(t)] = -cos(theta) - dD/ds = 0).
  double tilt_deg(const Segment& s) const { return std::acos(-spec_.slope(s)) / Math::degree(); }

  // Azimuth of the edge from vertex v out to depth D(v) on side sigma, for the segment ending
  // at v (seg_side -1) or starting at v (+1). When the two nearly coincide (a negligible turn
  // and no change of slope) both use their mean, so neighbouring pieces share the edge exactly.
  double edge_azimuth(std::size_t part, std::size_t v, int seg_side, int sigma) const {
    const std::size_t nseg = line_.line().parts[part].size() - 1;
    auto edge = [&](int side) {
      const std::size_t si = side < 0 ? std::min(v, nseg) - 1 : std::min(v, nseg - 1);
      const Segment& s = segment(part, si);
      const double base = side < 0 ? line_.azimuth_in_deg(part, v) : line_.azimuth_out_deg(part, v);
      return base + sigma * tilt_deg(s);
    };
    const bool has_in = v > 0, has_out = v < nseg;
    if (has_in && has_out) {
      const double a_in = edge(-1), a_out = edge(+1);
      const double diff = Math::AngDiff(a_in, a_out);
      if (std::abs(diff) < 1e-6) return a_in + 0.5 * diff;
      return seg_side < 0 ? a_in : a_out;
    }
    return edge(has_in ? -1 : +1);
  }

  LonLat normal_point(std::size_t part, std::size_t v, int seg_side, int sigma) const {
    const LonLat V = line_.line().parts[part][v];
    return unwrap(direct(V, edge_azimuth(part, v, seg_side, sigma), depth_vertex(part, v)), anchor_[part][v]);
  }

  // The edge at vertex v from the vertex (excluded) to its end point at depth D(v) (included),
  // a geodesic, densified. Deterministic, so the pieces that share it share it exactly.
  detail::Ring normal_edge(std::size_t part, std::size_t v, int seg_side, int sigma) const {
    const LonLat V = line_.line().parts[part][v];
    const double azi = edge_azimuth(part, v, seg_side, sigma);
    auto along = [&](double u) { return direct(V, azi, u); };
    detail::Ring out;
    const double D = depth_vertex(part, v);
    densify_n(along, 0, vertex(part, v), D, normal_point(part, v, seg_side, sigma), anchor_[part][v],
              pieces_for_length(D), out);
    return out;
  }

  LonLat vertex(std::size_t part, std::size_t v) const {
    const LonLat V = line_.line().parts[part][v];
    return {anchor_[part][v], V.lat_deg};
  }

  template <class Curve>
  void densify_n(const Curve& curve, double t0, LonLat p0, double t1, LonLat p1, double anchor,
                 int pieces, detail::Ring& out) const {
    densify_curve_n(curve, t0, p0, t1, p1, anchor, tol_, pieces, out);
  }

  GeomPtr strip(std::size_t part, std::size_t v, int sigma) {
    const Segment& s = segment(part, v);
    const double anchor = anchor_[part][v];
    // The segment itself (shared by the left and right strips: cached).
    const auto key = std::make_pair(part, v);
    if (seg_cache_key_ != key) {
      seg_cache_.clear();
      const LonLat a = vertex(part, v), b = vertex(part, v + 1);
      seg_cache_.push_back(a);
      auto on_line = [&s](double t) {
        LonLat x;
        s.line.Position(t, x.lat_deg, x.lon_deg);
        return x;
      };
      densify_n(on_line, 0, a, s.length_m, b, anchor, pieces_for_length(s.length_m), seg_cache_);
      seg_cache_key_ = key;
    }
    detail::Ring ring = seg_cache_;
    // The offset curve, from a's normal to b's normal, appended in reverse.
    const double tilt = tilt_deg(s);
    auto offset = [&](double t) {
      LonLat x;
      double azi = 0;
      s.line.Position(t, x.lat_deg, x.lon_deg, azi);
      return direct(x, azi + sigma * tilt, spec_.depth_at(line_, part, s.along_start_m + t));
    };
    const LonLat na = normal_point(part, v, +1, sigma), nb = normal_point(part, v + 1, -1, sigma);
    detail::Ring off{na};
    const double span = s.length_m + spec_.max_depth_m();
    densify_n(offset, 0, na, s.length_m, nb, anchor, pieces_for_length(span), off);
    // a ... b, out along b's normal, back along the offset, in along a's normal.
    const detail::Ring nb_edge = normal_edge(part, v + 1, -1, sigma);
    ring.insert(ring.end(), nb_edge.begin(), nb_edge.end() - 1);
    ring.insert(ring.end(), off.rbegin(), off.rend());
    const detail::Ring na_edge = normal_edge(part, v, +1, sigma);
    ring.insert(ring.end(), na_edge.rbegin() + 1, na_edge.rend());
    ring.push_back(ring.front());
    return detail::make_polygon(geos_, ring);
  }

  // Pie of radius D(v) around vertex v: out along the normal `in` = (seg_side, sigma), around
  // the arc from azimuth `from` sweeping `sweep` degrees, back along the normal `out`.
  GeomPtr pie(std::size_t part, std::size_t v, double from, double sweep, std::pair<int, int> in,
              std::pair<int, int> out) {
    const LonLat V = line_.line().parts[part][v];
    const double r = depth_vertex(part, v);
    auto arc = [&](double u) { return direct(V, from + u * sweep, r); };
    detail::Ring ring{vertex(part, v)};
    const detail::Ring e_in = normal_edge(part, v, in.first, in.second);
    ring.insert(ring.end(), e_in.begin(), e_in.end());
    const int n = std::max(1, static_cast<int>(std::ceil(std::abs(sweep) / 15.0)));
    densify_n(arc, 0, e_in.back(), 1, normal_point(part, v, out.first, out.second), anchor_[part][v], n, ring);
    const detail::Ring e_out = normal_edge(part, v, out.first, out.second);
    ring.insert(ring.end(), e_out.rbegin() + 1, e_out.rend());
    ring.push_back(ring.front());
    return detail::make_polygon(geos_, ring);
  }

  GeomPtr wedge(std::size_t part, std::size_t v, int sigma) {
    const double a_in = edge_azimuth(part, v, -1, sigma), a_out = edge_azimuth(part, v, +1, sigma);
    const double sweep = Math::AngDiff(a_in, a_out);
    // Convex on side sigma when the edges turn away from it.
    if (sweep == 0 || sigma * sweep > 0) return nullptr;
    return pie(part, v, a_in, sweep, {-1, sigma}, {+1, sigma});
  }

  // Behind the first vertex: from the right edge round the back to the left edge; beyond the
  // last vertex: from the left edge round the front to the right edge.
  GeomPtr cap(std::size_t part, std::size_t v, bool start) {
    // Both edges belong to the same end segment: right at azi + tilt, left at azi - tilt.
    const double tilt = tilt_deg(segment(part, start ? 0 : v - 1));
    if (start) return pie(part, v, edge_azimuth(part, v, +1, +1), 360.0 - 2 * tilt, {+1, +1}, {+1, -1});
    return pie(part, v, edge_azimuth(part, v, -1, -1), 2 * tilt, {-1, -1}, {-1, +1});
  }

  const Geos& geos_;
  const GeodesicPolyline& line_;
  const ZoneSpec& spec_;
  double tol_;
  std::vector<std::vector<double>> anchor_;  // unwrapped longitude of every vertex
  std::pair<std::size_t, std::size_t> seg_cache_key_{~std::size_t{0}, 0};
  detail::Ring seg_cache_;
};

}  // namespace

namespace detail {

GeomPtr union_of(const Geos& geos, std::vector<GeomPtr> pieces) {
  GeomPtr all = detail::make_collection(geos, GEOS_GEOMETRYCOLLECTION, std::move(pieces));
  return detail::wrap(geos, GEOSUnaryUnion_r(geos.h(), all.get()), "union");
}

std::vector<GeomPtr> clip_geoms(const Geos& geos, const std::vector<Polygon>& clip) {
  std::vector<GeomPtr> out;
  for (const auto& poly : clip) {
    std::vector<Ring> holes(poly.begin() + 1, poly.end());
    out.push_back(detail::make_polygon(geos, poly.front(), holes));
  }
  return out;
}

}  // namespace detail

namespace {

double signed_area(const Ring& r) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i)
    a += r[i].lon_deg * r[i + 1].lat_deg - r[i + 1].lon_deg * r[i].lat_deg;
  return 0.5 * a;
}

void orient(Polygon& poly) {
  for (std::size_t i = 0; i < poly.size(); ++i) {
    const bool ccw = signed_area(poly[i]) > 0;
    if ((i == 0) != ccw) std::reverse(poly[i].begin(), poly[i].end());
  }
}

// GEOS can leave slivers of (near) zero area where several pieces meet. A true hole of a
// zone is bounded by points at distance D (or by the line); a hole all of whose vertices lie
// strictly inside the zone (1 m < d < D - 1 m), or of area below 1 square metre, is dropped.
// Area of a ring in square metres, roughly (local scale at its first vertex): only compared
// with 1 m^2 to recognise degenerate slivers.
double rough_area_m2(const Ring& r) {
  return std::abs(signed_area(r)) * 111'320.0 * 110'574.0 * std::cos(r.front().lat_deg * Math::degree());
}

void drop_spurious_holes(Polygon& rings, const ZoneDefinition& def) {
  for (std::size_t i = rings.size(); i-- > 1;) {
    const Ring& h = rings[i];
    const double area_m2 = rough_area_m2(h);
    bool interior = true;
    for (std::size_t k = 0; k + 1 < h.size() && interior; ++k) {
      const Nearest n = def.line().nearest(h[k]);
      interior = n.distance_m > 1.0 && def.excess_m(h[k]) < -1.0 &&
                 (!def.territory() || def.territory()->nearest(h[k]).distance_m > 1.0);
    }
    if (interior || area_m2 < 1.0) rings.erase(rings.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

Zone build_zone(const ZoneDefinition& def, const ZoneOptions& options, const std::vector<Polygon>* clip) {
  const GeodesicPolyline& line = def.line();
  const ZoneSpec& spec = def.spec();
  const Geos geos;
  double tol = options.piece_tolerance_m;
  for (int attempt = 0;; ++attempt) {
    PieceBuilder builder(geos, line, spec, tol);
    auto pieces = builder.pieces(+1);
    for (auto& p : builder.pieces(-1)) pieces.push_back(std::move(p));
    for (auto& p : builder.caps()) pieces.push_back(std::move(p));
    // B: the both-sided buffer; its boundary is the set at distance D.
    GeomPtr shape = union_of(geos, std::move(pieces));
    if (def.territory()) {
      // One-sided: node B's boundary with the territory line, polygonize, and keep the faces
      // whose interior point is in the zone. Membership is constant on each face: it changes
      // only across d = D (B's boundary) and across the territory line.
      std::vector<GeomPtr> lines;
      lines.push_back(detail::wrap(geos, GEOSBoundary_r(geos.h(), shape.get()), "boundary"));
      for (auto& l : builder.territory_lines(*def.territory())) lines.push_back(std::move(l));
      GeomPtr linework = union_of(geos, std::move(lines));
      const GEOSGeometry* input[] = {linework.get()};
      GeomPtr faces = detail::wrap(geos, GEOSPolygonize_r(geos.h(), input, 1), "polygonize");
      std::vector<GeomPtr> kept;
      const int n = GEOSGetNumGeometries_r(geos.h(), faces.get());
      for (int i = 0; i < n; ++i) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(geos.h(), faces.get(), i);
        GeomPtr pt = detail::wrap(geos, GEOSPointOnSurface_r(geos.h(), face), "point on surface");
        double x = 0, y = 0;
        GEOSGeomGetX_r(geos.h(), pt.get(), &x);
        GEOSGeomGetY_r(geos.h(), pt.get(), &y);
        if (def.locate({wrap180(x), y}).inside)
          kept.push_back(detail::wrap(geos, GEOSGeom_clone_r(geos.h(), face), "clone"));
      }
      shape = union_of(geos, std::move(kept));
    }
    Zone zone;
    GEOSGeom_getExtent_r(geos.h(), shape.get(), &zone.min_lon_deg, &zone.min_lat_deg,
                         &zone.max_lon_deg, &zone.max_lat_deg);
    // Split at the antimeridian (RFC 7946 3.1.9): cut into 360-degree windows, shift back.
    std::vector<GeomPtr> parts;
    const int kmin = static_cast<int>(std::floor((zone.min_lon_deg + 180.0) / 360.0));
    const int kmax = static_cast<int>(std::floor((zone.max_lon_deg + 180.0) / 360.0));
    if (kmin == 0 && kmax == 0) {
      parts.push_back(std::move(shape));
    } else {
      for (int k = kmin; k <= kmax; ++k) {
        GeomPtr box = detail::make_rectangle(geos, -180.0 + 360.0 * k, -90, 180.0 + 360.0 * k, 90);
        GeomPtr cut = detail::wrap(geos, GEOSIntersection_r(geos.h(), shape.get(), box.get()), "cut");
        for (auto& rings : detail::polygons_of(geos, cut.get())) {
          for (auto& r : rings)
            for (auto& p : r) p.lon_deg = std::clamp(p.lon_deg - 360.0 * k, -180.0, 180.0);
          std::vector<Ring> holes(rings.begin() + 1, rings.end());
          parts.push_back(detail::make_polygon(geos, rings.front(), holes));
        }
      }
    }
    if (clip) {
      // Spurious holes are dropped before clipping: a hole of the clip area lying wholly
      // inside the zone is a true hole of the clipped zone (locate() and assess honour it).
      std::vector<GeomPtr> cleaned;
      for (auto& p : parts)
        for (auto& rings : detail::polygons_of(geos, p.get())) {
          if (rough_area_m2(rings.front()) < 1.0) continue;
          drop_spurious_holes(rings, def);
          std::vector<Ring> holes(rings.begin() + 1, rings.end());
          cleaned.push_back(detail::make_polygon(geos, rings.front(), holes));
        }
      parts = std::move(cleaned);
      // The clip area's edges are geodesics (area.hpp): drawn densified like the zone's own
      // edges, so the clipped boundary follows them within the tolerance, not the lon/lat chord.
      GeomPtr area = union_of(geos, clip_geoms(geos, draw_geodesic_edges(*clip, tol)));
      for (auto& p : parts)
        p = detail::wrap(geos, GEOSIntersection_r(geos.h(), p.get(), area.get()), "clip");
    }
    for (auto& p : parts)
      for (auto& rings : detail::polygons_of(geos, p.get())) {
        // Slivers of (near) zero area left by noding are not part of the zone.
        if (rough_area_m2(rings.front()) < 1.0) continue;
        if (!clip) drop_spurious_holes(rings, def);
        orient(rings);
        for (const auto& r : rings) zone.vertex_count += r.size();
        zone.polygons.push_back(std::move(rings));
      }
    zone.piece_tolerance_m = tol;
    zone.refinements = attempt;
    if (!options.measure) return zone;
    zone.check = check_boundary(zone.polygons, def, clip);
    zone.within_target = zone.check.max_any_error_m() <= options.target_error_m;
    if (zone.within_target || attempt >= options.max_refinements) return zone;
    tol /= 4;
  }
}

std::vector<Polygon> draw_geodesic_edges(const std::vector<Polygon>& polygons, double tolerance_m) {
  std::vector<Polygon> out;
  out.reserve(polygons.size());
  for (const auto& poly : polygons) {
    Polygon drawn;
    for (const auto& ring : poly) {
      Ring r;
      if (!ring.empty()) r.push_back(ring.front());
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const LonLat a = ring[i], b = ring[i + 1];
        // Across the antimeridian (or a repeated vertex) the edge is kept as given: a lon/lat
        // polygon cannot draw it either way (area.hpp preconditions).
        if (std::abs(b.lon_deg - a.lon_deg) > 180.0 || (a.lon_deg == b.lon_deg && a.lat_deg == b.lat_deg)) {
          r.push_back(b);
          continue;
        }
        const GeographicLib::GeodesicLine g = wgs84().InverseLine(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg);
        auto on_edge = [&g](double s) {
          LonLat x;
          g.Position(s, x.lat_deg, x.lon_deg);
          return x;
        };
        const double length_m = g.Distance();
        densify_curve_n(on_edge, 0, a, length_m, b, a.lon_deg, tolerance_m, pieces_for_length(length_m), r);
      }
      drawn.push_back(std::move(r));
    }
    out.push_back(std::move(drawn));
  }
  return out;
}

Zone draw_area(const Area& area, const ZoneOptions& options) {
  double tol = options.piece_tolerance_m;
  for (int attempt = 0;; ++attempt) {
    Zone zone;
    zone.polygons = draw_geodesic_edges(area.polygons(), tol);
    bool first = true;
    for (const auto& p : zone.polygons)
      for (const auto& r : p) {
        zone.vertex_count += r.size();
        for (const auto& v : r) {
          zone.min_lon_deg = first ? v.lon_deg : std::min(zone.min_lon_deg, v.lon_deg);
          zone.max_lon_deg = first ? v.lon_deg : std::max(zone.max_lon_deg, v.lon_deg);
          zone.min_lat_deg = first ? v.lat_deg : std::min(zone.min_lat_deg, v.lat_deg);
          zone.max_lat_deg = first ? v.lat_deg : std::max(zone.max_lat_deg, v.lat_deg);
          first = false;
        }
      }
    zone.piece_tolerance_m = tol;
    zone.refinements = attempt;
    if (!options.measure) return zone;
    zone.check = check_area_boundary(zone.polygons, area);
    zone.within_target = zone.check.max_any_error_m() <= options.target_error_m;
    if (zone.within_target || attempt >= options.max_refinements) return zone;
    tol /= 4;
  }
}

void require_within_target(const Zone& zone, const std::string& what, const ZoneOptions& options) {
  if (zone.within_target) return;
  throw AccuracyError(fmt::format(
      "{}: the drawn boundary is {:.3f} m from the definition (line and end normals: {:.3f} m{}) after {} "
      "refinement{}; the engine promises {:g} m: not written",
      what, zone.check.max_error_m, zone.check.max_line_error_m,
      zone.check.clipped ? fmt::format(", clip edges: {:.3f} m", zone.check.max_clip_error_m) : "", zone.refinements,
      zone.refinements == 1 ? "" : "s", options.target_error_m));
}

}  // namespace truceline::geo
