// Exact distance from a point to a geodesic polyline on the WGS84 ellipsoid.
//
// A line is a MultiLineString: one or more parts, each a sequence of at least two distinct
// vertices. Each segment is the *shortest geodesic* between consecutive vertices (not a
// rhumb line, not a straight line in lon/lat). A segment from lon 179.9 to lon -179.9 is the
// 0.2-degree segment across the antimeridian.
//
// Method (see nearest_on_segment in polyline.cpp):
//   The distance r(t) from P to the point X(t) at distance t along a segment has derivative
//   r'(t) = -cos(theta), theta = azimuth at X of the geodesic X->P minus the segment's azimuth
//   at X, and second derivative sin^2(theta) * M12 / m12 (geodesic scale over reduced length of
//   the geodesic X->P). We start from the great-circle projection of P on the unit-sphere
//   image of the segment and run a bracketed Newton iteration on r'(t) = 0 (bisection when a
//   step leaves the bracket); an end vertex is the answer when r' does not change sign on
//   [0, L]. Every evaluation is one GeodesicLine::Position and one Geodesic::Inverse
//   (GeographicLib, errors of 15 nm). The iteration stops when the step is below 1e-6 m;
//   since r is stationary at the foot, the distance error is O(step^2 / r): far below 1 mm.
//   tests/geo/polyline_test.cpp checks the result against an independent derivative-free
//   oracle (dense GeodesicLine sampling + golden-section search) to 1 cm, in practice ~1e-7 m.
//
// Candidate pruning: every segment has a 3-D (ECEF) ball containing it; the chord
// |P - centre| - radius is a lower bound of the geodesic distance (a chord is never longer
// than a geodesic), so segments are visited in order of that bound and the search stops when
// the bound exceeds the best exact distance found. nearest_bruteforce() visits every segment:
// tests compare the two.
//
// Preconditions: |lat| <= 90, |lon| <= 180, finite; the distance to the line well below a
// quarter meridian (<= 5000 km; the zone depths we serve are <= 1000 km). Latitudes up to
// +-89 are handled; tests cover up to 80 degrees.
// Thread safety: a GeodesicPolyline is immutable after construction; nearest() is const and
// may be called from several threads.
#pragma once

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "truceline/lonlat.hpp"

namespace truceline::geo {

using truceline::LonLat;  // truceline/lonlat.hpp

// One or more parts, each a sequence of vertices (a GeoJSON MultiLineString).
struct MultiLine {
  std::vector<std::vector<LonLat>> parts;
};

enum class Side { left, right, on };
const char* to_string(Side side);

// Thrown for geometry that cannot describe a line: too few distinct vertices, coordinates out
// of range or not finite. `where` names the offending part/vertex ("part 1, vertex 3").
class GeometryError : public std::runtime_error {
 public:
  explicit GeometryError(const std::string& what) : std::runtime_error(what) {}
};

// Where on the line the nearest point lies.
enum class Foot {
  interior,    // strictly inside a segment: P lies on that segment's geodesic normal
  vertex,      // an interior vertex of a part (P in the wedge on the convex side of a turn)
  start,       // the first vertex of a part; `beyond_end` says whether P is behind its normal
  end,         // the last vertex of a part
};

struct Nearest {
  double distance_m = 0;       // geodesic distance from P to the line, metres
  LonLat point;                // the nearest point on the line
  std::size_t part = 0;        // index of the part
  std::size_t segment = 0;     // index of the segment within the part (0-based)
  double along_m = 0;          // distance along the part from its first vertex to `point`
  Foot foot = Foot::interior;
  // true when the nearest point is a part's first/last vertex and P lies strictly behind the
  // geodesic normal there (outside a one-sided zone by definition).
  bool beyond_end = false;
  // Side of the line's direction: at an interior foot, the sign of the azimuth difference
  // (geodesic X->P minus segment) — right when P is clockwise of the direction of travel.
  // At an interior vertex, the side relative to the bisector of the incoming and outgoing
  // azimuths (this is the convex side of the turn, and agrees with both adjacent segments).
  // At a part's end vertex, the side relative to the end segment's azimuth there.
  // `on` when distance_m < 1 mm.
  Side side = Side::on;
};

// A segment prepared for repeated queries. Internal, exposed for tests and the zone builder.
struct Segment {
  LonLat a, b;
  double length_m = 0;
  double azi_a_deg = 0;  // forward azimuth at a
  double azi_b_deg = 0;  // forward azimuth at b
  std::size_t part = 0, index = 0;
  double along_start_m = 0;  // distance along the part to a
  GeographicLib::GeodesicLine line;
  std::array<double, 3> centre{};  // ECEF bounding ball of the segment, metres
  double radius_m = 0;
  std::array<double, 3> unit_a{}, unit_b{};  // geocentric unit vectors (initial guess only)
  std::array<double, 3> ecef_a{}, ecef_b{};  // ECEF of a and b, metres
  double sag_m = 0;  // bound of the distance from any point of the segment to the chord a-b
  // ECEF position and unit tangent at k * L / (n - 1), k = 0 .. n - 1, n >= 2 (at most 10 km
  // apart): the nodes of a cubic Hermite interpolation of the segment in 3-D (position_ecef()).
  std::vector<std::array<double, 6>> nodes;

  // The ECEF position (metres) and unit tangent of the point at distance t (clamped to
  // [0, L]) along the segment, interpolated between `nodes` (cubic Hermite: no geodesic
  // solution, a few dozen multiplications). Error: h^4/384 * |X''''| for nodes h apart, and
  // |X''''| <= ~4e-21 /m^3 on WGS84 (curvatures <= 1/6.34e6 m), so well under 1e-5 m for the
  // position and 1e-9 for the tangent at h = 10 km; tests/geo/polyline_test.cpp checks it
  // against GeodesicLine::Position (Polyline.SegmentInterpolationMatchesThePosition).
  // For starting points only (the certified foot's chord step): never an answer by itself.
  void position_ecef(double t, std::array<double, 3>& x, std::array<double, 3>& tangent) const;

  // A lower bound of the geodesic distance from the point with ECEF coordinates `p` to this
  // segment, metres: the larger of the distance to the bounding ball and the distance to the
  // chord a-b less the sag (a chord is never longer than a geodesic, and every point of the
  // segment lies within sag_m of the chord: the sagitta of an arc of the ellipsoid's smallest
  // radius of curvature, 0.49 m for a 5 km segment). The chord bound is thus within ~0.5 m of
  // the truth (the ball's within ~2.5 km), so the exact search rarely visits more than the one
  // or two segments that hold the answer.
  double lower_bound_m(const std::array<double, 3>& p) const;
};

// Result of the single-segment computation.
struct SegmentFoot {
  double distance_m = 0;
  double t_m = 0;          // distance along the segment of the foot, clamped to [0, L]
  double cos_theta = 0;    // cos of (azimuth X->P minus segment azimuth) at the foot
  double sin_theta = 0;
  LonLat point;
  int at_end = 0;          // -1 foot at a, +1 foot at b, 0 interior
  bool strictly_behind = false;  // at_end != 0 and P strictly beyond the normal there
};

const GeographicLib::Geodesic& wgs84();

// Validates and normalises a line (drops consecutive duplicate vertices).
// Throws GeometryError naming part and vertex.
MultiLine validated(const MultiLine& line);

class GeodesicPolyline {
 public:
  // REQUIRES: every part has >= 2 distinct vertices (see validated()).
  explicit GeodesicPolyline(MultiLine line);

  const MultiLine& line() const { return line_; }
  const std::vector<Segment>& segments() const { return segments_; }
  // Segment `index` of `part` (O(1)).
  const Segment& segment(std::size_t part, std::size_t index) const { return segments_[first_segment_[part] + index]; }
  // The segment of `part` containing the point `along_m` metres from its start (clamped to
  // the part's first/last segment; O(log n)).
  const Segment& segment_at(std::size_t part, double along_m) const;
  // Length of a part in metres, and the total.
  double part_length_m(std::size_t part) const { return part_length_m_[part]; }

  // Exact nearest point (pruned search). Cost: O(number of segments) cheap bound checks plus
  // usually one or two exact segment computations (each ~3-5 geodesic evaluations).
  Nearest nearest(LonLat p) const;
  // Same answer, visiting every segment exactly. For tests and benchmarks.
  Nearest nearest_bruteforce(LonLat p) const;

  // A certified fast nearest (issue 15): the distance to within a proven bound of nearest()'s,
  // with nearest()'s segment, foot and side, or nothing when that cannot be certified.
  //   ok:     false when no certificate holds (the caller computes nearest()). When true:
  //   n:      distance_m within err_m + kCertifiedSlackM of nearest(p).distance_m; the winning
  //           segment is nearest()'s, or a segment sharing its foot vertex exactly (a tie the
  //           exact search also breaks by the lower index); side is nearest()'s.
  //   err_m:  the proven bound (<= tolerance_m, or 0 where the foot is exactly nearest()'s).
  // Method: segments are solved by nearest_on_segment_certified (chord_geodesic, or at most one
  // geodesic solution, at a
  // foot found from the chord geometry, with the strong-convexity bound below); every segment
  // whose lower bound is within kCertifiedSlackM of the best found is solved, and the winner
  // must beat every other solved segment by the sum of their bounds plus 2 slacks (else
  // ok = false): the exact search then has the same winner. A distance within the slack of
  // 1 mm (where side() becomes `on`) is not certified. docs/assessment.md, "Performance".
  struct Certified {
    Nearest n;
    double err_m = 0;
    bool ok = false;
  };
  Certified nearest_certified(LonLat p, double tolerance_m) const;

  // Forward azimuths at vertex `v` of `part` (incoming: of the segment ending there;
  // outgoing: of the segment starting there; at the ends both equal the one segment's).
  double azimuth_in_deg(std::size_t part, std::size_t v) const;
  double azimuth_out_deg(std::size_t part, std::size_t v) const;

 private:
  // `vertex_rel_sin`: where given, receives the sine whose sign is the side at an interior
  // vertex foot (nearest_certified checks it against its angle bound).
  Nearest finish(LonLat p, const Segment& seg, const SegmentFoot& f, double* vertex_rel_sin = nullptr) const;
  // Runs of up to 8 consecutive segments with a ball holding all their balls (issue 15): the
  // certified search skips a run whose ball is beyond reach instead of bounding each segment;
  // it visits the same segments in the same order (nearest_certified).
  struct Run {
    std::array<double, 3> centre{};
    double radius_m = 0;
    std::size_t begin = 0, end = 0;  // segments_[begin, end)
  };
  MultiLine line_;
  std::vector<Segment> segments_;
  std::vector<Run> runs_;
  std::vector<std::size_t> first_segment_;  // per part
  std::vector<double> part_length_m_;
};

// The exact foot of P on one segment (see the method above). With `slope` != 0 (|slope| < 1)
// it minimises r(t) - slope * t instead (the same iteration with r'(t) = slope as target):
// the foot of P for a depth growing by `slope` metres per metre along the segment
// (zone.hpp, variable depth).
SegmentFoot nearest_on_segment(const Segment& seg, LonLat p, double slope = 0);

// What the certified searches leave to the exact computation's own error and to rounding:
// GeographicLib's 15 nm per solution, the exact iteration's stop (a step or bracket below
// 1 um, so its distance is within 1 um of the minimum) and float rounding. A certified value
// v with bound e is within e + kCertifiedSlackM of the exact search's double.
inline constexpr double kCertifiedSlackM = 1e-5;

// A certified foot of P on one segment (slope 0): `foot` as nearest_on_segment would give it
// to within `err_m` metres of distance, or ok = false.
// Method: from the great-circle guess, one step t <- t + (P - X(t)) . T(t) in ECEF, T the unit
// tangent of the segment at X(t) (GeodesicLine::Position, no geodesic solution): towards the
// foot of the normal section through P, whose azimuth differs from the geodesic's by
// O(e^2 sigma^2) (a fraction of a millimetre of foot at 100 km); then r(t) and cos(theta) from
// chord_geodesic X(t) -> P within its bounds (below), or where those do not fit the tolerance
// from ONE geodesic solution (distance and azimuths only). r is convex on the segment (r'' = sin^2(theta)
// M12/m12 >= 0 below the conjugate distance), and between t and the minimiser t*, |cos| <=
// |cos(theta(t))| = c and r <= r(t), so r'' >= mu = (1 - c^2) sqrt(K) cot(sqrt(K) r(t)) with
// K the largest Gaussian curvature of WGS84, 1/(a^2 (1 - e^2)) (Riccati comparison:
// M12/m12 >= sqrt(K) cot(sqrt(K) s)). Hence 0 <= r(t) - r(t*) <= r'(t)^2 / mu = c^2 / mu, also
// when t* is a vertex (the sign of r' at the constrained minimum). At a vertex where r' points
// into the segment the vertex is t* exactly (err 0, or chord_geodesic's bound); elsewhere the bound must be <=
// tolerance_m, else the exact iteration is run (err 0, the same double as nearest_on_segment).
// The geodesic solution X(t) -> P is replaced by chord_geodesic() (no iteration) when its
// own bound leaves the total within tolerance_m: err_m then also carries the distance's bound,
// and theta_err_rad > 0 bounds the error of foot.cos_theta / sin_theta as an angle (the side
// and a vertex's wedge are certified against it, nearest_certified). At a vertex the fast
// foot is certified only when cos(theta) is more than theta_err_rad from 0.
struct CertifiedFoot {
  SegmentFoot foot;
  double err_m = 0;
  double theta_err_rad = 0;  // 0: cos_theta / sin_theta are GeographicLib's
};
CertifiedFoot nearest_on_segment_certified(const Segment& seg, LonLat p, double tolerance_m);
// The same with P's ECEF coordinates (to_ecef(p)) given.
CertifiedFoot nearest_on_segment_certified(const Segment& seg, LonLat p, const std::array<double, 3>& pe,
                                           double tolerance_m);

// The shortest geodesic between two points of WGS84 given in ECEF (metres), from their chord
// alone, with PROVEN bounds (issue 15: a GeographicLib Inverse is ~6 500 instructions, this
// ~200). For chords up to kChordGeodesicMaxM; ok = false beyond.
//   s_m:     the geodesic length, within err_m of the true one (rounding included; not of
//            GeographicLib's, which is itself within 15 nm).
//   dir:     the unit vector of the chord projected on the tangent plane at x; the geodesic's
//            initial tangent at x is within dir_err_rad of it (as an angle).
// Proof (s the length, T(u) the unit tangent, k(u) the curvature of the geodesic as a space
// curve: its normal curvature, its principal normal the surface normal n):
//   c^2 = |int T|^2 = s^2 - 1/2 int int |T(u) - T(v)|^2 du dv, and
//   k_lo cos(psi) |u - v| <= |T(u) - T(v)| <= k_hi |u - v|, where k_lo <= k <= k_hi along the
//   path and psi bounds the angle of n along the path from n at its midpoint (|dn/du| <= k_max:
//   psi <= k_max s / 2; projecting T(u) - T(v) = int k N on that n gives the lower bound). As
//   int int (u - v)^2 = s^4 / 6:  k_lo^2 cos^2(psi) s^4 / 12 <= s^2 - c^2 <= k_hi^2 s^4 / 12,
//   so s lies between the roots s_k = c sqrt(2 / (1 + sqrt(1 - k^2 c^2 / 3))) for k = k_lo
//   cos(psi) and k = k_hi. On the lower branch: the other root exceeds sqrt(6) / k_max > 15 000
//   km, and s is at most the arc of the central plane section through X and P, an ellipse
//   r(w) <= a with |r'| <= a (a^2/b^2 - 1) / 2, over the angle XOP <= 2 asin(c / 2b): under
//   300 km for c <= 200 km. s_m is the roots' midpoint, err_m half their gap plus rounding.
//   The curvature: on x^2/a^2 + y^2/a^2 + z^2/b^2 = 1 the normal curvature in the unit direction
//   T is (1/a^2 + T_z^2 (1/b^2 - 1/a^2)) / |(x/a^2, y/a^2, z/b^2)|, and on the surface that norm
//   is sqrt(1/a^2 + z^2 (1/b^2 - 1/a^2) / b^2): k depends only on T_z and z. Along the path
//   |T(u) - V/s| <= k_max s / 2 (V = P - X; V/s is the mean of T) and |z(u) - m_z| <= s/2 +
//   k_max s^2 / 8 (m the chord's midpoint), which bound T_z^2 and z^2, hence k_lo and k_hi.
//   k_max = a / b^2 is WGS84's largest normal curvature. Gap: ~1e-4 of (s - c) = s^3 k^2 / 24
//   at 50 km: err_m ~2e-5 m at 50 km, ~4e-7 m at 20 km, ~3e-4 m at 100 km.
//   Direction: T(u) = T(0) - (int_0^u k) n(x) + E(u), |E(u)| <= k_max^2 u^2 / 2 (|n(w) - n(x)|
//   <= k_max w), so V projected on the tangent plane at x is s T(0) + E', |E'| <= k_max^2 s^3/6:
//   the angle to T(0) is at most asin(k_max^2 s^2 / 6) (~1e-5 rad at 50 km).
// tests/geo/polyline_test.cpp checks both against GeographicLib's Inverse (Polyline.ChordGeodesic*).
inline constexpr double kChordGeodesicMaxM = 200'000;
struct ChordGeodesic {
  double s_m = 0;
  double err_m = 0;
  std::array<double, 3> dir{};
  double dir_err_rad = 0;
  bool ok = false;
};
ChordGeodesic chord_geodesic(const std::array<double, 3>& x, const std::array<double, 3>& p);

// Geodesic distance in metres (GeographicLib Inverse, 15 nm accuracy).
double distance_m(LonLat a, LonLat b);

// An upper bound of distance_m(a, b), metres, for a few multiplications and one cosine (no
// geodesic solution): the length of a path on the ellipsoid, along a's parallel to b's
// longitude, then along that meridian to b. Both radii of curvature of WGS84 are at most the
// polar one, a^2 / b, so the path is at most (a^2 / b) * (cos(lat_a) |dlon| + |dlat|) (radians,
// dlon taken the short way round, at most pi); the geodesic is the shortest path, hence the
// bound. Scaled by (1 + 1e-9) so that it stays above GeographicLib's answer after rounding.
// Loose (up to ~sqrt(2) times the distance for pairs under 500 km below 60 degrees of latitude,
// much more for distant pairs): for deciding that two points are *not* far apart.
// Thread safety: pure function. Tested against distance_m on random pairs (polyline_test).
double distance_upper_bound_m(LonLat a, LonLat b);

// Geocentric (ECEF) coordinates on WGS84, metres.
std::array<double, 3> to_ecef(LonLat p);

// Wraps an angle to (-180, 180].
double wrap180(double deg);

}  // namespace truceline::geo
