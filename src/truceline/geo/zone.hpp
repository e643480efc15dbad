// Zones along a contact line: their definition, membership, and rendering as polygons.
//
// Definition (this is what every answer of truceline uses; the polygon is only a drawing):
//   Let n = the nearest point of P on the line (polyline.hpp), d = its geodesic distance and
//   D = the zone depth at n (constant, or interpolated by distance along the line, below).
//   - side `both`:  P is in the zone iff d <= D. The ends get round caps.
//   - side `left` / `right`: the zone is bounded by the line itself, by the geodesic normals
//     at the ends of every part, and by the offset at D. P is in the zone iff d <= D and P lies
//     on that side of the *territory line*: the part extended at both ends by its end normals
//     on the zone's side, each followed until it leaves the buffer {d <= D} (+ 1 % of D, at
//     least 100 m) or until it crosses the line, so it always separates the two sides. Side
//     relative to a line is decided at the nearest point (polyline.hpp). For the part of a
//     line that does not fold back on itself this is simply "on that side of the line and
//     not behind an end normal"; where the line folds (a point is within D of both faces of
//     the line), the nearest face decides, which is the side of the line the point is on.
//   Depth varying along the line: per-vertex depths, linear in distance along the part between
//   vertices, changing by less than 0.99 m per metre. The buffer is then the union of the
//   geodesic discs of radius D(x) around every point x of the line: P is in it iff
//   g(P) = min over x on the line of (distance(P, x) - D(x)) <= 0. g is continuous and
//   1-Lipschitz; with a constant depth g(P) = d - D. excess_m() returns g. The boundary is the
//   envelope of the discs: from X(t) at the angle acos(-dD/ds) to the line's direction (90
//   degrees for a constant depth), out to D(t).
//
// Rendering (build_zone): the both-sided buffer B is the union of pieces, each drawn exactly on the
// ellipsoid and densified adaptively: per segment and side a strip between the segment and
// its geodesic offset curve (points Direct(X(t), azimuth(t) +- 90, D(t))); per interior
// vertex a wedge on the convex side (a geodesic circle arc of radius D around the vertex); for
// `both`, half-disc caps at the part ends. GEOS unions the pieces in lon/lat (so overlapping
// buffers of zig-zag lines give one valid polygon). A one-sided zone is B cut by the
// territory line: GEOS nodes B's boundary with the (densified) territory line, polygonizes,
// and keeps the faces whose interior point is in the zone by the definition. Every piece edge is
// split until its lon/lat midpoint lies within `piece_tolerance_m` of the true curve (local
// metric on the ellipsoid); the output is then *measured* (check_boundary) and rebuilt with a
// finer tolerance if the measured error exceeds `target_error_m`.
// Known limit: membership is constant on each face only if the territory line does not
// cross itself (e.g. an end normal cutting through a line that curls back within 1.5 D of its
// end); there the face takes the answer at its interior point.
//
// Clip areas and area zones: their edges are geodesics (area.hpp); drawings densify them
// (draw_geodesic_edges) and measure them against the geodesic edges like the D-boundary.
//
// Layout: zone_spec.cpp (sides, depths, parse_distance_m), zone.cpp (the definition and
// membership), zone_render.cpp (build_zone, draw_geodesic_edges, draw_area: GEOS),
// zone_measure.cpp (check_boundary, check_area_boundary); internals in detail/zone.hpp.
//
// Output: polygons in lon/lat degrees, lon in [-180, 180]; exterior rings counter-clockwise,
// holes clockwise (RFC 7946 right-hand rule); split at the antimeridian into several polygons.
// Thread safety: free functions, no shared state.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::geo {

enum class ZoneSide { both, left, right };
std::optional<ZoneSide> parse_zone_side(std::string_view s);

// "20km", "15000m", "0.5km", "1.5e4 m" -> metres. Grammar: optional ASCII white space, a
// decimal number (digits with an optional fraction, or a fraction alone: "5", "5.", "5.5",
// ".5") with an optional exponent ("e-3", "E+4"), optional white space, the unit "m" or "km",
// optional white space. nullopt when malformed (no unit, not a number, a sign). The value may
// be 0 (underflow) or infinite (overflow): callers check the range. Parsed by hand with
// std::from_chars (locale-independent, no std::regex).
std::optional<double> parse_distance_m(std::string_view text);
const char* to_string(ZoneSide side);

// Largest depth accepted anywhere (metres): beyond it the zone stops being "along a line".
inline constexpr double kMaxDepthM = 1'000'000;
// A zone must keep this far (or 1 % of its depth, whichever is more) clear of both poles: its
// drawing is a lon/lat polygon, which cannot hold a pole. ZoneDefinition throws otherwise.
inline constexpr double kPoleClearanceM = 1'000;

struct ZoneSpec {
  ZoneSide side = ZoneSide::both;
  // Constant depth in metres, REQUIRES 0 < depth_m <= kMaxDepthM. Used when vertex_depth_m
  // is empty.
  double depth_m = 0;
  // Optional per-vertex depths in metres: vertex_depth_m[part][vertex], same shape as the
  // (validated) line; each in (0, kMaxDepthM].
  std::vector<std::vector<double>> vertex_depth_m;

  // Depth at a point `along_m` metres along `part`.
  double depth_at(const GeodesicPolyline& line, std::size_t part, double along_m) const;
  double depth_at(const GeodesicPolyline& line, const Nearest& n) const {
    return depth_at(line, n.part, n.along_m);
  }
  // dD/ds on a segment, metres per metre (0 for a constant depth).
  double slope(const Segment& s) const;
  double min_depth_m() const;
  double max_depth_m() const;
  // Throws GeometryError when depths are out of range or do not match the line's shape.
  void validate(const GeodesicPolyline& line) const;
};

struct Location {
  Nearest nearest;     // on the line itself (distance, side of the line, foot)
  double depth_m = 0;  // zone depth at the nearest point
  bool inside = false;
};

// A zone definition ready for queries: the line, the spec and (one-sided) the territory line.
// Thread safety: immutable after construction; locate() may be called concurrently.
class ZoneDefinition {
 public:
  // Keeps a reference to `line`. Throws GeometryError when the spec does not fit the line,
  // when a one-sided zone is asked of a line that crosses itself (or whose parts cross), or
  // when the zone would reach a pole (kPoleClearanceM).
  ZoneDefinition(const GeodesicPolyline& line, ZoneSpec spec);

  // Exact: nearest point on the line, depth there, membership by the definition above.
  Location locate(LonLat p) const;
  // g(P) above, metres: negative inside the buffer, 0 on its boundary.
  double excess_m(LonLat p) const;
  // Same, visiting every segment (no pruning): for tests and benchmarks.
  Location locate_bruteforce(LonLat p) const;

  const GeodesicPolyline& line() const { return line_; }
  const ZoneSpec& spec() const { return spec_; }
  // One-sided zones: the territory line (parts extended by their end normals); else null.
  const GeodesicPolyline* territory() const { return territory_ ? &*territory_ : nullptr; }
  int sigma() const { return spec_.side == ZoneSide::right ? +1 : (spec_.side == ZoneSide::left ? -1 : 0); }

 private:
  Location finish(const Nearest& n, LonLat p, bool brute) const;
  const GeodesicPolyline& line_;
  ZoneSpec spec_;
  std::optional<GeodesicPolyline> territory_;
};

using Ring = std::vector<LonLat>;   // closed: front() == back()
using Polygon = std::vector<Ring>;  // exterior first, then holes

struct ZoneOptions {
  // DEFAULT 0.25 m. Each piece edge is bisected until the lon/lat midpoint of the edge lies
  // within this distance of the curve point at the middle parameter. Smaller: more vertices.
  double piece_tolerance_m = 0.25;
  // DEFAULT 1.0 m. When the measured error (BoundaryCheck::max_any_error_m: the D-boundary,
  // and for one-sided zones the line and the end normals too) exceeds it, the zone is rebuilt
  // with piece_tolerance_m / 4, at most `max_refinements` times. Zone::within_target says
  // whether the last build met it; callers that promise it (the CLI) must check.
  double target_error_m = 1.0;
  int max_refinements = 3;
  // DEFAULT true. Measure the output (check_boundary). Costs one exact nearest-point query
  // per vertex and per edge midpoint.
  bool measure = true;
};

struct BoundaryCheck {
  // Largest | distance(v, line) - D | over vertices and edge midpoints of the D-boundary
  // (vertices on the line, on end normals, on the antimeridian cut or on the clip boundary
  // are measured apart, and edges joining two kinds are not measured), metres. For an area
  // zone (draw_area): the largest distance of its drawn vertices and edge midpoints from its
  // geodesic rings.
  double max_error_m = 0;
  // One-sided zones: largest distance of the vertices and edge midpoints drawn along the line
  // from the line, and of those drawn along an end normal from the territory line (the
  // normal), metres.
  double max_line_error_m = 0;
  // Zones clipped by an area: largest distance of the vertices and edge midpoints drawn along
  // the clip from the clip's geodesic edges (area.hpp), metres. A point of the drawn boundary
  // is measured against the nearer of the zone's own boundary and the clip's (the boundary of
  // zone ∩ clip lies on one of them).
  double max_clip_error_m = 0;
  bool clipped = false;
  // The largest of the three: what the 1 m promise (ZoneOptions::target_error_m) is about.
  double max_any_error_m() const {
    const double e = max_error_m > max_line_error_m ? max_error_m : max_line_error_m;
    return e > max_clip_error_m ? e : max_clip_error_m;
  }
  std::size_t points_checked = 0;
  std::size_t points_excepted = 0;
};

struct Zone {
  std::vector<Polygon> polygons;
  std::size_t vertex_count = 0;
  BoundaryCheck check;
  double piece_tolerance_m = 0;  // the tolerance the final build used
  int refinements = 0;            // rebuilds after the first
  // false when the output was measured and its error still exceeds options.target_error_m
  // after max_refinements rebuilds.
  bool within_target = true;
  // Envelope of the zone before the antimeridian split, lon possibly outside [-180, 180]
  // (continuous across the antimeridian), degrees.
  double min_lon_deg = 0, max_lon_deg = 0, min_lat_deg = 0, max_lat_deg = 0;
};

// Renders the zone. `clip`: optional area (polygons in lon/lat, edges read as geodesics as in
// area.hpp) intersected with the result; its edges are drawn with draw_geodesic_edges at the
// build's piece tolerance, so the clipped boundary follows the geodesic edges the engine
// assesses against (measured: BoundaryCheck::max_clip_error_m).
// Throws GeometryError for invalid depths or clip rings; detail::GeosError when GEOS fails.
Zone build_zone(const ZoneDefinition& zone, const ZoneOptions& options = {},
                const std::vector<Polygon>* clip = nullptr);

// Thrown by require_within_target: the drawing misses the engine's accuracy promise (the input
// was valid; the CLI reports it as an error of the engine, exit 1).
class AccuracyError : public std::runtime_error {
 public:
  explicit AccuracyError(const std::string& what) : std::runtime_error(what) {}
};
// Throws AccuracyError naming `what`, the measured errors and the refinements when
// !zone.within_target. Every command that writes a zone drawing calls it.
void require_within_target(const Zone& zone, const std::string& what, const ZoneOptions& options = {});

// An area's polygons drawn for a lon/lat map (GeoJSON, GEOS): every edge is read as the
// geodesic between its vertices (area.hpp) and split at points on that geodesic (GeographicLib,
// exact to round-off), in steps of at most 20 km, then bisected until the lon/lat midpoint of
// every drawn edge lies within tolerance_m of the geodesic point halfway along (local metric,
// local_distance_m). The given vertices are kept exactly. An edge spanning more than 180
// degrees of longitude is kept as given (precondition of area.hpp). Cost: one Inverse per edge
// and one Position per output vertex. Thread safety: pure function.
// Measured (tests/geo/zone_test.cpp, Idlib de-escalation area at 0.25 m): every point of the
// true geodesic edge within 1 m of the drawing.
std::vector<Polygon> draw_geodesic_edges(const std::vector<Polygon>& polygons, double tolerance_m = 0.25);

// Measures rendered polygons against the definition (see BoundaryCheck).
BoundaryCheck check_boundary(const std::vector<Polygon>& polygons, const ZoneDefinition& zone,
                             const std::vector<Polygon>* clip = nullptr);

// Distance in metres between two nearby points by the local metric of the ellipsoid
// (meridional and normal radii of curvature at their mean latitude). Relative error about the
// distance over the Earth's radius: for the sub-kilometre distances it is used for, < 1e-4 m.
double local_distance_m(LonLat a, LonLat b);

// Longitude of p shifted by a multiple of 360 to lie within 180 of `anchor_lon_deg` (exact:
// the same p and the same multiple always give the same double).
LonLat unwrap(LonLat p, double anchor_lon_deg);

}  // namespace truceline::geo
