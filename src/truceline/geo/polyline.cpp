#include "truceline/geo/polyline.hpp"

#include <GeographicLib/Geocentric.hpp>
#include <fmt/format.h>
#include <GeographicLib/Math.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace truceline::geo {

using GeographicLib::Math;

const char* to_string(Side side) {
  switch (side) {
    case Side::left:
      return "left";
    case Side::right:
      return "right";
    case Side::on:
      return "on";
  }
  return "on";
}

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

double distance_m(LonLat a, LonLat b) {
  double s12 = 0;
  wgs84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12);
  return s12;
}

double distance_upper_bound_m(LonLat a, LonLat b) {
  const double ga = GeographicLib::Constants::WGS84_a(), gf = GeographicLib::Constants::WGS84_f();
  const double polar_radius = ga / (1 - gf);  // a^2 / b = a / (1 - f)
  constexpr double kRad = 3.14159265358979323846 / 180;
  const double dlon = std::abs(Math::AngDiff(a.lon_deg, b.lon_deg)) * kRad;
  const double dlat = std::abs(b.lat_deg - a.lat_deg) * kRad;
  return polar_radius * (std::cos(a.lat_deg * kRad) * dlon + dlat) * (1 + 1e-9);
}

double wrap180(double deg) { return Math::AngNormalize(deg); }

std::array<double, 3> to_ecef(LonLat p) {
  std::array<double, 3> x{};
  GeographicLib::Geocentric::WGS84().Forward(p.lat_deg, p.lon_deg, 0, x[0], x[1], x[2]);
  return x;
}

namespace {

double norm(const std::array<double, 3>& v) { return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

std::array<double, 3> sub(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}

std::array<double, 3> cross(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double dot(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

std::array<double, 3> unit(const std::array<double, 3>& v) {
  const double n = norm(v);
  return {v[0] / n, v[1] / n, v[2] / n};
}

// [lo, hi] -> the range of v^2 over it.
std::pair<double, double> square_range(double lo, double hi) {
  const double a = lo * lo, b = hi * hi;
  if (lo <= 0 && hi >= 0) return {0.0, std::max(a, b)};
  return {std::min(a, b), std::max(a, b)};
}

// The root of s^2 - k^2 s^4 / 12 = c^2 on the branch through 0 (see chord_geodesic).
double chord_root(double c, double k) {
  return c * std::sqrt(2 / (1 + std::sqrt(1 - k * k * c * c / 3)));
}

}  // namespace

// The proof is in the header. Why not a library: GeographicLib's Inverse is exact but iterative
// (~6 500 instructions); what the certified search needs is a value with a proven bound of a
// few micrometres at tens of km, which a chord gives for a few square roots. Rounding: the ECEF
// inputs are within ~2e-9 m of the true points (Geocentric::Forward of the same lon/lat as
// GeographicLib's Inverse reads), the chord differs by ~1e-16 relative, the roots by a few ulp
// of s: 1e-7 m + 1e-13 s covers them with a wide margin.
ChordGeodesic chord_geodesic(const std::array<double, 3>& x, const std::array<double, 3>& p) {
  ChordGeodesic out;
  const double a = wgs84().EquatorialRadius(), f = wgs84().Flattening();
  const double b = a * (1 - f);
  const double ia2 = 1 / (a * a), ib2 = 1 / (b * b), d2 = ib2 - ia2;  // d2 = 1/b^2 - 1/a^2 > 0
  const double k_max = a / (b * b) * (1 + 1e-12);  // largest normal curvature (equator, meridian)
  const std::array<double, 3> v = sub(p, x);
  const double c = norm(v);
  if (!(c <= kChordGeodesicMaxM) || c <= 0) return out;
  // Stage 1: an upper bound of s from k_max alone.
  const double s_up0 = chord_root(c, k_max) * (1 + 1e-13);
  // The path's T_z and z ranges (header), with 1e-12 relative and 1e-6 m added for rounding.
  const double reach_t = 0.5 * k_max * s_up0 + 1e-12;
  const double tz_a = v[2] / c, tz_b = v[2] / s_up0;
  const auto [tz2_lo, tz2_hi_raw] = square_range(std::min(tz_a, tz_b) - reach_t, std::max(tz_a, tz_b) + reach_t);
  const double tz2_hi = std::min(tz2_hi_raw, 1.0);
  const double mz = 0.5 * (x[2] + p[2]);
  const double rho = 0.5 * s_up0 + 0.125 * k_max * s_up0 * s_up0 + 1e-6;
  const auto [z2_lo, z2_hi] = square_range(mz - rho, mz + rho);
  const double k_lo = (ia2 + d2 * tz2_lo) / std::sqrt(ia2 + d2 * ib2 * z2_hi) * (1 - 1e-12);
  const double k_hi = std::min(k_max, (ia2 + d2 * tz2_hi) / std::sqrt(ia2 + d2 * ib2 * z2_lo) * (1 + 1e-12));
  // Stage 2: s between the roots for k_lo cos(psi) and k_hi (cos^2(psi) >= 1 - psi^2).
  const double s_hi = chord_root(c, k_hi);
  const double psi = 0.5 * k_max * s_up0;
  const double s_lo = chord_root(c, k_lo * std::sqrt(std::max(0.0, 1 - psi * psi)));
  out.s_m = 0.5 * (s_lo + s_hi);
  out.err_m = 0.5 * (s_hi - s_lo) + 1e-7 + 1e-13 * s_hi;
  // Direction: the chord on the tangent plane at x; n = the normal (x/a^2, y/a^2, z/b^2).
  const std::array<double, 3> n = unit({x[0] * ia2, x[1] * ia2, x[2] * ib2});
  const double vn = dot(v, n);
  const std::array<double, 3> vh{v[0] - vn * n[0], v[1] - vn * n[1], v[2] - vn * n[2]};
  const double vh_norm = norm(vh);
  const double eta = k_max * k_max * s_up0 * s_up0 / 6;
  if (!(vh_norm > 0.5 * c) || eta > 0.1) return out;
  out.dir = {vh[0] / vh_norm, vh[1] / vh_norm, vh[2] / vh_norm};
  // Plus the inputs' rounding (a few ulp of 6.4e6 m, ~3e-9 m per point) over the chord.
  out.dir_err_rad = std::asin(eta) * (1 + 1e-9) + 5e-8 / c + 1e-12;
  out.ok = true;
  return out;
}

namespace {

// ECEF position (metres) and unit tangent (east * sin(azi) + north * cos(azi)) of the point at
// lat, lon (degrees) heading azi (degrees).
std::pair<std::array<double, 3>, std::array<double, 3>> ecef_and_tangent(double lat, double lon, double azi) {
  const double a = wgs84().EquatorialRadius(), f = wgs84().Flattening();
  const double e2 = f * (2 - f);
  double sphi = 0, cphi = 0, slam = 0, clam = 0, sazi = 0, cazi = 0;
  Math::sincosd(lat, sphi, cphi);
  Math::sincosd(lon, slam, clam);
  Math::sincosd(azi, sazi, cazi);
  const double n = a / std::sqrt(1 - e2 * sphi * sphi);
  return {{n * cphi * clam, n * cphi * slam, n * (1 - e2) * sphi},
          {-slam * sazi - sphi * clam * cazi, clam * sazi - sphi * slam * cazi, cphi * cazi}};
}

// Longest segment accepted: beyond this a "shortest geodesic" between two vertices stops being
// a meaningful reading of a contact line (and nears the antipodal ambiguity).
constexpr double kMaxSegmentM = 10'000'000;

// One evaluation of the distance function along a segment.
struct Eval {
  double t = 0, r = 0, c = 0, s = 0, gp = 0;
  LonLat x;
};

Eval evaluate(const Segment& seg, LonLat p, double t) {
  Eval e;
  e.t = t;
  double azi_line = 0;
  if (t <= 0) {
    e.x = seg.a;
    azi_line = seg.azi_a_deg;
  } else if (t >= seg.length_m) {
    e.x = seg.b;
    azi_line = seg.azi_b_deg;
  } else {
    seg.line.Position(t, e.x.lat_deg, e.x.lon_deg, azi_line);
  }
  double azi1 = 0, azi2 = 0, m12 = 0, M12 = 0, M21 = 0;
  wgs84().Inverse(e.x.lat_deg, e.x.lon_deg, p.lat_deg, p.lon_deg, e.r, azi1, azi2, m12, M12, M21);
  Math::sincosd(Math::AngDiff(azi_line, azi1), e.s, e.c);
  e.gp = (e.r > 0 && m12 > 0) ? e.s * e.s * M12 / m12 : 0;
  return e;
}

SegmentFoot to_foot(const Eval& e, int at_end) {
  SegmentFoot f;
  f.distance_m = e.r;
  f.t_m = e.t;
  f.cos_theta = e.c;
  f.sin_theta = e.s;
  f.point = e.x;
  f.at_end = at_end;
  // Behind the normal at a: the distance still decreases going backwards (cos < 0);
  // beyond the normal at b: it still decreases going forwards (cos > 0).
  constexpr double kPerpendicular = 1e-12;
  f.strictly_behind = e.r > 0 && ((at_end < 0 && e.c < -kPerpendicular) ||
                                  (at_end > 0 && e.c > kPerpendicular));
  return f;
}

}  // namespace

namespace {
// Initial guess: projection onto the great circle through the unit-sphere images.
double great_circle_guess(const Segment& seg, const std::array<double, 3>& pe) {
  const double L = seg.length_m;
  double t = 0.5 * L;
  const auto up = unit(pe);
  const auto n = cross(seg.unit_a, seg.unit_b);
  const double nn = norm(n);
  if (nn > 1e-15) {
    const auto nh = std::array<double, 3>{n[0] / nn, n[1] / nn, n[2] / nn};
    const double k = dot(up, nh);
    const std::array<double, 3> q{up[0] - k * nh[0], up[1] - k * nh[1], up[2] - k * nh[2]};
    const double ang_q = std::atan2(dot(cross(seg.unit_a, q), nh), dot(seg.unit_a, q));
    const double ang_b = std::atan2(nn, dot(seg.unit_a, seg.unit_b));
    if (ang_b > 0) t = std::clamp(ang_q / ang_b * L, 0.0, L);
  }
  return t;
}
}  // namespace

SegmentFoot nearest_on_segment(const Segment& seg, LonLat p, double slope) {
  const double L = seg.length_m;
  double t = great_circle_guess(seg, to_ecef(p));
  constexpr double kStepM = 1e-6;
  double lo = 0, hi = L;
  bool lo_ok = false, hi_ok = false;  // r' verified < 0 at lo / > 0 at hi
  Eval e = evaluate(seg, p, t);
  for (int it = 0; it < 200 && e.r > 0; ++it) {
    const double g = -e.c - slope;  // d/dt (r(t) - slope * t)
    if (g < 0) {
      lo = t;
      lo_ok = true;
    } else {
      hi = t;
      hi_ok = true;
    }
    if (g == 0) break;
    double tn = e.gp > 0 ? t - g / e.gp : (g < 0 ? hi : lo);
    if (tn <= lo) {
      if (!lo_ok) {
        // The minimum may be at the start vertex: check the sign of r'(0).
        const Eval e0 = evaluate(seg, p, 0);
        if (e0.c <= -slope || e0.r == 0) return to_foot(e0, -1);
        lo_ok = true;
      }
      tn = 0.5 * (lo + hi);
    } else if (tn >= hi) {
      if (!hi_ok) {
        const Eval eL = evaluate(seg, p, L);
        if (eL.c >= -slope || eL.r == 0) return to_foot(eL, +1);
        hi_ok = true;
      }
      tn = 0.5 * (lo + hi);
    }
    const bool done = std::abs(tn - t) < kStepM || hi - lo < kStepM;
    t = tn;
    e = evaluate(seg, p, t);
    if (done) break;
  }
  if (t <= 0) return to_foot(e, -1);
  if (t >= L) return to_foot(e, +1);
  return to_foot(e, 0);
}

namespace {

// One step towards the normal-section foot of P (ECEF pe) on the segment: t + (P - X(t)) . T(t),
// T the unit tangent of the segment at X(t), clamped to [0, L]. The foot solves
// (P - X(t)) . T(t) = 0, and the derivative of that dot product is -1 + (P - X) . dT/dt, within
// 1e-4 of -1 for P within 60 km: one step from the great-circle guess (tens of metres off)
// leaves millimetres. Only a starting point for the certified evaluation: its accuracy matters
// for speed (the bound), never for the answer.
// X(t) and T(t) are interpolated (Segment::position_ecef: within micrometres of the geodesic's;
// issue 15: GeodesicLine::Position here was about a sixth of a certified foot's cost).
double chord_step(const Segment& seg, const std::array<double, 3>& pe, double t) {
  std::array<double, 3> x{}, tan{};
  seg.position_ecef(t, x, tan);
  return std::clamp(t + dot(sub(pe, x), tan), 0.0, seg.length_m);
}

// evaluate() with one geodesic solution for distance and azimuths only (no reduced length or
// geodesic scale: the certified bound needs r and cos(theta)).
Eval evaluate_short(const Segment& seg, LonLat p, double t) {
  Eval e;
  e.t = t;
  double azi_line = 0;
  if (t <= 0) {
    e.x = seg.a;
    azi_line = seg.azi_a_deg;
  } else if (t >= seg.length_m) {
    e.x = seg.b;
    azi_line = seg.azi_b_deg;
  } else {
    seg.line.Position(t, e.x.lat_deg, e.x.lon_deg, azi_line);
  }
  double azi1 = 0, azi2 = 0;
  wgs84().Inverse(e.x.lat_deg, e.x.lon_deg, p.lat_deg, p.lon_deg, e.r, azi1, azi2);
  Math::sincosd(Math::AngDiff(azi_line, azi1), e.s, e.c);
  return e;
}

}  // namespace

namespace {

// The certified bound of an interior foot (header): K = 1 / (a^2 (1 - e^2)) the largest
// Gaussian curvature of WGS84 (at the equator), c^2 / mu, mu = (1 - c^2) sqrt(K)
// cot(sqrt(K) r), for |cos(theta)| <= c and r(t) <= r; 1e-6 relative for rounding. Infinity
// where it does not hold (sqrt(K) r >= 1/2 or c^2 >= 1/4).
double interior_bound_m(double c, double r) {
  const double a = wgs84().EquatorialRadius(), f = wgs84().Flattening();
  const double sqrt_k = 1 / (a * std::sqrt(1 - f * (2 - f)));
  const double x = sqrt_k * r, c2 = c * c;
  if (!(x < 0.5 && c2 < 0.25)) return std::numeric_limits<double>::infinity();
  return c2 * std::tan(x) / ((1 - c2) * sqrt_k) * (1 + 1e-6);
}

// The foot at X (ECEF x, unit tangent of the segment `tangent`, lon/lat `at`) from
// chord_geodesic: distance, cos and sin of theta, and the bound of theta as an angle — that of
// the chord's direction plus GeographicLib's own azimuth error (its 15 nm over r: 1e-7 m / r
// is ample), since the exact search decides by GeographicLib's values. Nothing when the chord
// is out of range or P is within 1 m of X (angles there are decided by the exact path).
struct FastEval {
  Eval e;
  double err_m = 0, theta_err = 0;
  bool ok = false;
};
FastEval fast_evaluate(const std::array<double, 3>& x, const std::array<double, 3>& tangent, LonLat at, double t,
                       const std::array<double, 3>& pe) {
  FastEval out;
  const ChordGeodesic g = chord_geodesic(x, pe);
  if (!g.ok || g.s_m - g.err_m < 1) return out;
  const double a = wgs84().EquatorialRadius(), b = a * (1 - wgs84().Flattening());
  const std::array<double, 3> n = unit({x[0] / (a * a), x[1] / (a * a), x[2] / (b * b)});
  const std::array<double, 3> right = cross(tangent, n);  // T x up: the right-hand horizontal
  out.e.t = t;
  out.e.x = at;
  out.e.r = g.s_m;
  out.e.c = dot(g.dir, tangent);
  out.e.s = dot(g.dir, right);
  out.err_m = g.err_m;
  out.theta_err = g.dir_err_rad + 1e-7 / (g.s_m - g.err_m) + 1e-12;
  out.ok = true;
  return out;
}

}  // namespace

CertifiedFoot nearest_on_segment_certified(const Segment& seg, LonLat p, const std::array<double, 3>& pe,
                                           double tolerance_m) {
  const double L = seg.length_m;
  const double t = chord_step(seg, pe, great_circle_guess(seg, pe));
  // First without a geodesic solution (chord_geodesic, issue 15); where its bounds leave the
  // answer uncertain or above the tolerance, with GeographicLib's Inverse as before.
  FastEval fe;
  if (t <= 0 || t >= L) {
    const bool start = t <= 0;
    const auto& node = start ? seg.nodes.front() : seg.nodes.back();
    fe = fast_evaluate(start ? seg.ecef_a : seg.ecef_b, {node[3], node[4], node[5]}, start ? seg.a : seg.b,
                       start ? 0.0 : L, pe);
    // The vertex is t* when r' = -cos(theta) points into the segment there; strictly (by more
    // than the 1e-12 of to_foot's strictly_behind), so that the exact search's foot and its
    // strictly_behind are the same.
    if (fe.ok && fe.err_m <= tolerance_m) {
      const double margin = fe.theta_err + 1e-12;
      if (start && fe.e.c < -margin) return {to_foot(fe.e, -1), fe.err_m, fe.theta_err};
      if (!start && fe.e.c > margin) return {to_foot(fe.e, +1), fe.err_m, fe.theta_err};
      if (std::abs(fe.e.c) > margin) return {nearest_on_segment(seg, p), 0};  // r' points out
    }
    const Eval e = evaluate_short(seg, p, t);
    if (e.r > 0) {
      if (t <= 0 && e.c <= 0) return {to_foot(e, -1), 0};  // r'(0) >= 0: the start vertex is t*
      if (t >= L && e.c >= 0) return {to_foot(e, +1), 0};  // r'(L) <= 0: the end vertex is t*
    }
    return {nearest_on_segment(seg, p), 0};
  }
  LonLat x;
  double azi = 0;
  seg.line.Position(t, x.lat_deg, x.lon_deg, azi);
  const auto [xe, tangent] = ecef_and_tangent(x.lat_deg, x.lon_deg, azi);
  fe = fast_evaluate(xe, tangent, x, t, pe);
  if (fe.ok) {
    const double bound = interior_bound_m(std::abs(fe.e.c) + fe.theta_err, fe.e.r + fe.err_m);
    if (bound + fe.err_m <= tolerance_m) return {to_foot(fe.e, 0), bound + fe.err_m, fe.theta_err};
  }
  Eval e = evaluate_short(seg, p, t);
  if (e.r > 0) {
    const double bound = interior_bound_m(std::abs(e.c), e.r);
    if (bound <= tolerance_m) return {to_foot(e, 0), bound};
  }
  return {nearest_on_segment(seg, p), 0};
}

CertifiedFoot nearest_on_segment_certified(const Segment& seg, LonLat p, double tolerance_m) {
  return nearest_on_segment_certified(seg, p, to_ecef(p), tolerance_m);
}

namespace {
// Distance from p to the straight segment a-b in 3-D.
double chord_distance(const std::array<double, 3>& p, const std::array<double, 3>& a, const std::array<double, 3>& b) {
  const auto ab = sub(b, a), ap = sub(p, a);
  const double l2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
  double t = l2 > 0 ? (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / l2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return norm(sub(ap, {ab[0] * t, ab[1] * t, ab[2] * t}));
}
}  // namespace

void Segment::position_ecef(double t, std::array<double, 3>& x, std::array<double, 3>& tangent) const {
  // Cubic Hermite between the two nodes around t, in the unit interval s (positions, and
  // derivatives dX/dt = T scaled by the node spacing h).
  const std::size_t intervals = nodes.size() - 1;
  const double h = length_m / static_cast<double>(intervals);
  const double u = std::clamp(t, 0.0, length_m) / h;
  const std::size_t k = std::min(intervals - 1, static_cast<std::size_t>(u));
  const double s = u - static_cast<double>(k), s2 = s * s, s3 = s2 * s;
  const double h00 = 2 * s3 - 3 * s2 + 1, h10 = (s3 - 2 * s2 + s) * h, h01 = -2 * s3 + 3 * s2, h11 = (s3 - s2) * h;
  const double d00 = (6 * s2 - 6 * s) / h, d10 = 3 * s2 - 4 * s + 1, d01 = -d00, d11 = 3 * s2 - 2 * s;
  const auto& p = nodes[k];
  const auto& q = nodes[k + 1];
  std::array<double, 3> d{};
  for (std::size_t i = 0; i < 3; ++i) {
    x[i] = h00 * p[i] + h10 * p[i + 3] + h01 * q[i] + h11 * q[i + 3];
    d[i] = d00 * p[i] + d10 * p[i + 3] + d01 * q[i] + d11 * q[i + 3];
  }
  tangent = unit(d);
}

double Segment::lower_bound_m(const std::array<double, 3>& p) const {
  return std::max(norm(sub(p, centre)) - radius_m, chord_distance(p, ecef_a, ecef_b) - sag_m);
}

const Segment& GeodesicPolyline::segment_at(std::size_t part, double along_m) const {
  const auto first = segments_.begin() + static_cast<std::ptrdiff_t>(first_segment_[part]);
  const auto last = first + static_cast<std::ptrdiff_t>(line_.parts[part].size() - 1);
  // The last segment starting at or before along_m.
  auto it = std::upper_bound(first, last, along_m, [](double a, const Segment& s) { return a < s.along_start_m; });
  return it == first ? *first : *(it - 1);
}

MultiLine validated(const MultiLine& line) {
  if (line.parts.empty()) throw GeometryError("the line has no parts");
  MultiLine out;
  for (std::size_t pi = 0; pi < line.parts.size(); ++pi) {
    std::vector<LonLat> part;
    const auto& src = line.parts[pi];
    for (std::size_t vi = 0; vi < src.size(); ++vi) {
      const LonLat v = src[vi];
      const std::string where = "part " + std::to_string(pi + 1) + ", vertex " + std::to_string(vi + 1);
      if (!std::isfinite(v.lon_deg) || !std::isfinite(v.lat_deg))
        throw GeometryError(where + ": coordinate is not a finite number");
      if (v.lat_deg < -90 || v.lat_deg > 90)
        throw GeometryError(fmt::format("{}: latitude {} is outside [-90, 90]", where, v.lat_deg));
      if (v.lon_deg < -180 || v.lon_deg > 180)
        throw GeometryError(fmt::format("{}: longitude {} is outside [-180, 180]", where, v.lon_deg));
      if (!part.empty()) {
        const double d = distance_m(part.back(), v);
        if (d < 1e-6) continue;  // repeated vertex (also lon 180 vs -180)
        if (d > kMaxSegmentM)
          throw GeometryError(where + ": segment longer than 10000 km; add intermediate vertices");
      }
      part.push_back(v);
    }
    if (part.size() < 2)
      throw GeometryError("part " + std::to_string(pi + 1) + ": fewer than two distinct vertices");
    out.parts.push_back(std::move(part));
  }
  return out;
}

GeodesicPolyline::GeodesicPolyline(MultiLine line) : line_(validated(line)) {
  for (std::size_t pi = 0; pi < line_.parts.size(); ++pi) {
    const auto& part = line_.parts[pi];
    first_segment_.push_back(segments_.size());
    double along = 0;
    for (std::size_t i = 0; i + 1 < part.size(); ++i) {
      Segment s{part[i], part[i + 1], 0, 0, 0, pi, i, along, {}, {}, 0, {}, {}, {}, {}, 0, {}};
      double azi1 = 0, azi2 = 0;
      wgs84().Inverse(s.a.lat_deg, s.a.lon_deg, s.b.lat_deg, s.b.lon_deg, s.length_m, azi1, azi2);
      s.azi_a_deg = azi1;
      s.azi_b_deg = azi2;
      s.line = wgs84().InverseLine(s.a.lat_deg, s.a.lon_deg, s.b.lat_deg, s.b.lon_deg);
      // Bounding ball: centre at the midpoint; radius = farthest of 17 samples + half the
      // sample spacing (any point of the segment is within that arc length of a sample, and a
      // chord is never longer than the arc).
      LonLat mid;
      s.line.Position(0.5 * s.length_m, mid.lat_deg, mid.lon_deg);
      s.centre = to_ecef(mid);
      s.ecef_a = to_ecef(s.a);
      s.ecef_b = to_ecef(s.b);
      constexpr int kSamples = 16;
      double r = 0, sag = 0;
      for (int k = 0; k <= kSamples; ++k) {
        LonLat q;
        s.line.Position(s.length_m * k / kSamples, q.lat_deg, q.lon_deg);
        const auto qe = to_ecef(q);
        r = std::max(r, norm(sub(qe, s.centre)));
        sag = std::max(sag, chord_distance(qe, s.ecef_a, s.ecef_b));
      }
      s.radius_m = r + 0.5 * s.length_m / kSamples + 1e-3;
      // Sag: a geodesic's curvature as a space curve is the ellipsoid's normal curvature along
      // it, at most 1/(a(1-e^2)) on WGS84 (the meridional radius at the equator is the smallest
      // radius of curvature), and a curve of curvature <= k and length L strays from its chord
      // by at most the sagitta of a circular arc, (1 - cos(kL/2))/k (0.49 m for 5 km). 1 %
      // and 1 mm are added for rounding; the sampled maximum is kept as a floor.
      // tests/geo/polyline_test.cpp checks the bound against 2 000-point dense sampling.
      const double f = wgs84().Flattening();
      const double kappa = 1 / (wgs84().EquatorialRadius() * (1 - f * (2 - f)));
      const double half = std::min(0.5 * kappa * s.length_m, 0.5 * Math::pi());
      s.sag_m = std::max(sag, 1.01 * (1 - std::cos(half)) / kappa + 1e-3);
      s.unit_a = unit(to_ecef(s.a));
      s.unit_b = unit(to_ecef(s.b));
      // Interpolation nodes at most 10 km apart (Segment::position_ecef).
      const std::size_t n_nodes = 2 + static_cast<std::size_t>(s.length_m / 10'000);
      s.nodes.resize(n_nodes);
      for (std::size_t k = 0; k < n_nodes; ++k) {
        double lat = 0, lon = 0, azi = 0;
        s.line.Position(s.length_m * static_cast<double>(k) / static_cast<double>(n_nodes - 1), lat, lon, azi);
        const auto [x, tan] = ecef_and_tangent(lat, lon, azi);
        s.nodes[k] = {x[0], x[1], x[2], tan[0], tan[1], tan[2]};
      }
      along += s.length_m;
      segments_.push_back(std::move(s));
    }
    part_length_m_.push_back(along);
  }
  // Runs: the ball of a run's segment balls, centred at the middle of their centres' box. Every
  // point of a segment is within its own ball, hence within the run's; 1 um is added so that the
  // run's bound stays below each member's ball bound after rounding (a few nm at 6e6 m).
  constexpr std::size_t kRun = 8;
  for (std::size_t begin = 0; begin < segments_.size(); begin += kRun) {
    Run run;
    run.begin = begin;
    run.end = std::min(segments_.size(), begin + kRun);
    std::array<double, 3> lo = segments_[begin].centre, hi = lo;
    for (std::size_t i = begin; i < run.end; ++i)
      for (std::size_t k = 0; k < 3; ++k) {
        lo[k] = std::min(lo[k], segments_[i].centre[k]);
        hi[k] = std::max(hi[k], segments_[i].centre[k]);
      }
    for (std::size_t k = 0; k < 3; ++k) run.centre[k] = 0.5 * (lo[k] + hi[k]);
    for (std::size_t i = begin; i < run.end; ++i)
      run.radius_m = std::max(run.radius_m, norm(sub(segments_[i].centre, run.centre)) + segments_[i].radius_m);
    run.radius_m += 1e-6;
    runs_.push_back(run);
  }
}

double GeodesicPolyline::azimuth_in_deg(std::size_t part, std::size_t v) const {
  const std::size_t first = first_segment_[part];
  return v == 0 ? segments_[first].azi_a_deg : segments_[first + v - 1].azi_b_deg;
}

double GeodesicPolyline::azimuth_out_deg(std::size_t part, std::size_t v) const {
  const std::size_t first = first_segment_[part];
  const std::size_t nseg = line_.parts[part].size() - 1;
  return v >= nseg ? segments_[first + nseg - 1].azi_b_deg : segments_[first + v].azi_a_deg;
}

namespace {
// At an interior vertex foot: the sine of the azimuth foot->P relative to the bisector of the
// incoming and outgoing azimuths there (finish(): its sign is the side).
double vertex_relative_sine(const GeodesicPolyline& line, const Segment& seg, const SegmentFoot& f) {
  const std::size_t v = seg.index + (f.at_end > 0 ? 1 : 0);
  const double a_in = line.azimuth_in_deg(seg.part, v), a_out = line.azimuth_out_deg(seg.part, v);
  const double a_seg = f.at_end > 0 ? seg.azi_b_deg : seg.azi_a_deg;
  const double azi_p = a_seg + Math::atan2d(f.sin_theta, f.cos_theta);
  double si = 0, ci = 0, so = 0, co = 0;
  Math::sincosd(a_in, si, ci);
  Math::sincosd(a_out, so, co);
  const double bisector = Math::atan2d(si + so, ci + co);
  double rel_sin = 0, c = 0;
  Math::sincosd(Math::AngDiff(bisector, azi_p), rel_sin, c);
  return rel_sin;
}
}  // namespace

Nearest GeodesicPolyline::finish(LonLat p, const Segment& seg, const SegmentFoot& f, double* vertex_rel_sin) const {
  Nearest n;
  n.distance_m = f.distance_m;
  n.point = f.point;
  n.part = seg.part;
  n.segment = seg.index;
  n.along_m = seg.along_start_m + f.t_m;
  const std::size_t nseg = line_.parts[seg.part].size() - 1;
  // Azimuth of the geodesic foot->P relative to the segment's azimuth at the foot.
  double rel_sin = f.sin_theta;
  if (f.at_end == 0) {
    n.foot = Foot::interior;
  } else {
    const bool first_vertex = f.at_end < 0 && seg.index == 0;
    const bool last_vertex = f.at_end > 0 && seg.index + 1 == nseg;
    if (first_vertex || last_vertex) {
      n.foot = first_vertex ? Foot::start : Foot::end;
      n.beyond_end = f.strictly_behind;
    } else {
      n.foot = Foot::vertex;
      rel_sin = vertex_relative_sine(*this, seg, f);
      if (vertex_rel_sin) *vertex_rel_sin = rel_sin;
    }
  }
  (void)p;
  n.side = n.distance_m < 1e-3 ? Side::on : (rel_sin >= 0 ? Side::right : Side::left);
  return n;
}

namespace {

// For nearest() and nearest_certified(): the ball bound of every segment into `ball`, and the
// segment to solve first — the smallest chord bound among the segments that may come within
// the smallest distance from p to a ball's far side (every point of a segment is within its
// ball in 3-D). A heuristic: the answers do not depend on it (see nearest()).
std::size_t ball_bounds_and_first(const std::vector<Segment>& segs, const std::array<double, 3>& pe,
                                  std::vector<double>& ball) {
  ball.resize(segs.size());
  double reach = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const double c = norm(sub(pe, segs[i].centre));
    ball[i] = c - segs[i].radius_m;
    reach = std::min(reach, c + segs[i].radius_m);
  }
  std::size_t first = 0;
  double first_lb = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (ball[i] > reach) continue;
    const double lb = std::max(ball[i], chord_distance(pe, segs[i].ecef_a, segs[i].ecef_b) - segs[i].sag_m);
    if (lb < first_lb) {
      first_lb = lb;
      first = i;
    }
  }
  return first;
}

}  // namespace

Nearest GeodesicPolyline::nearest(LonLat p) const {
  // Lower bounds for every segment (cheap 3-D arithmetic), the exact foot on a segment likely
  // to hold the answer first, then the exact foot on every other segment whose bound is below
  // the best distance found so far.
  //
  // The answer does not depend on which segment is solved first: it is the least (distance,
  // index) over the segments solved, and every segment whose exact distance is at most the
  // answer is solved whatever the order (its bound is strictly below its distance — the ball
  // and the sag carry 1 mm to spare — and the best found so far never falls below the answer).
  // So the first segment is chosen by a heuristic, and the tighter bound (the chord's) is
  // computed only where the ball's does not already rule a segment out (issue 15: computing
  // both for every segment was a tenth of an assessment's time).
  const auto pe = to_ecef(p);
  thread_local std::vector<double> ball;
  const std::size_t first = ball_bounds_and_first(segments_, pe, ball);
  SegmentFoot best_f = nearest_on_segment(segments_[first], p);
  std::size_t best_i = first;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (i == first || ball[i] >= best_f.distance_m) continue;
    if (segments_[i].lower_bound_m(pe) >= best_f.distance_m) continue;
    const SegmentFoot f = nearest_on_segment(segments_[i], p);
    // Ties (a vertex shared by two segments) go to the lower index, as in the brute force.
    if (f.distance_m < best_f.distance_m || (f.distance_m == best_f.distance_m && i < best_i)) {
      best_f = f;
      best_i = i;
    }
  }
  return finish(p, segments_[best_i], best_f);
}

GeodesicPolyline::Certified GeodesicPolyline::nearest_certified(LonLat p, double tolerance_m) const {
  // As nearest(), with certified feet; see the header for what is certified and why.
  // The segments are bounded run by run (runs_): a run whose ball is beyond what a segment's
  // ball would have to be within is skipped whole (each member's ball bound is at least the
  // run's). The first segment and the segments solved are those of ball_bounds_and_first and of
  // the segment-by-segment loop (issue 15; that per-segment bounding was a fifth of a report).
  const auto pe = to_ecef(p);
  thread_local std::vector<double> run_lb, ball;
  thread_local std::vector<std::pair<std::size_t, CertifiedFoot>> solved;
  solved.clear();
  run_lb.resize(runs_.size());
  ball.resize(segments_.size());
  // reach: the least c + r over all segments (as ball_bounds_and_first). A run's members have
  // c_i + r_i <= c_run + r_run, and a run with c_run - r_run above the least c_run + r_run has
  // every member's c_i + r_i above it: only the other runs' members can give the least.
  double run_reach = std::numeric_limits<double>::infinity();
  for (std::size_t g = 0; g < runs_.size(); ++g) {
    const double c = norm(sub(pe, runs_[g].centre));
    run_lb[g] = c - runs_[g].radius_m;
    run_reach = std::min(run_reach, c + runs_[g].radius_m);
  }
  double reach = std::numeric_limits<double>::infinity();
  for (std::size_t g = 0; g < runs_.size(); ++g) {
    if (run_lb[g] > run_reach) continue;
    for (std::size_t i = runs_[g].begin; i < runs_[g].end; ++i) {
      const double c = norm(sub(pe, segments_[i].centre));
      ball[i] = c - segments_[i].radius_m;
      reach = std::min(reach, c + segments_[i].radius_m);
    }
  }
  // first: the least chord bound among segments with ball <= reach (lowest index on ties);
  // a run with run_lb > reach has every member's ball above reach.
  std::size_t first = 0;
  double first_lb = std::numeric_limits<double>::infinity();
  for (std::size_t g = 0; g < runs_.size(); ++g) {
    if (run_lb[g] > reach) continue;
    for (std::size_t i = runs_[g].begin; i < runs_[g].end; ++i) {
      if (ball[i] > reach) continue;
      const double lb = std::max(ball[i], chord_distance(pe, segments_[i].ecef_a, segments_[i].ecef_b) - segments_[i].sag_m);
      if (lb < first_lb) {
        first_lb = lb;
        first = i;
      }
    }
  }
  solved.emplace_back(first, nearest_on_segment_certified(segments_[first], p, pe, tolerance_m));
  std::size_t best = 0;  // index into `solved`
  // Every segment that may come within the slack of the best value found is solved: one left
  // out has an exact distance above the winner's exact one (its bound exceeds the winner's
  // value, which is at least the winner's exact distance less the slack). The cut only falls,
  // so a run beyond the cut at its start has every member beyond the cut when it is reached.
  for (std::size_t g = 0; g < runs_.size(); ++g) {
    if (run_lb[g] > solved[best].second.foot.distance_m + kCertifiedSlackM) continue;
    for (std::size_t i = runs_[g].begin; i < runs_[g].end; ++i) {
      if (i == first) continue;
      const double cut = solved[best].second.foot.distance_m + kCertifiedSlackM;
      if (norm(sub(pe, segments_[i].centre)) - segments_[i].radius_m > cut || segments_[i].lower_bound_m(pe) > cut)
        continue;
      solved.emplace_back(i, nearest_on_segment_certified(segments_[i], p, pe, tolerance_m));
      const auto& [bi, bf] = solved[best];
      const auto& [ni, nf] = solved.back();
      if (nf.foot.distance_m < bf.foot.distance_m || (nf.foot.distance_m == bf.foot.distance_m && ni < bi))
        best = solved.size() - 1;
    }
  }
  Certified out;
  const auto& [wi, wf] = solved[best];
  const double w_hi = wf.foot.distance_m + wf.err_m + kCertifiedSlackM;
  for (std::size_t k = 0; k < solved.size(); ++k) {
    if (k == best) continue;
    const auto& [oi, of] = solved[k];
    if (of.foot.distance_m - of.err_m - kCertifiedSlackM > w_hi) continue;  // the exact winner is not this one
    // The same vertex reached from both sides, by the same computation (both exact, or both
    // chord_geodesic from the same vertex and P): the same double, as the exact search's two
    // values are (one Inverse from the same vertex); the lower index wins in either search.
    const bool same_vertex = of.err_m == wf.err_m && of.foot.distance_m == wf.foot.distance_m &&
                             (of.theta_err_rad > 0) == (wf.theta_err_rad > 0) && of.foot.at_end != 0 &&
                             wf.foot.at_end != 0 && of.foot.point.lat_deg == wf.foot.point.lat_deg &&
                             of.foot.point.lon_deg == wf.foot.point.lon_deg;
    if (!same_vertex) return out;
  }
  // side() turns `on` below 1 mm.
  if (std::abs(wf.foot.distance_m - 1e-3) <= wf.err_m + kCertifiedSlackM) return out;
  double vertex_rel_sin = 0;
  out.n = finish(p, segments_[wi], wf.foot, &vertex_rel_sin);
  if (wf.theta_err_rad > 0) {
    // theta within theta_err_rad of GeographicLib's: the side (the sign of sin(theta), or at an
    // interior vertex of sin(theta + a constant)) is certain when that sine is further from 0
    // than the angle's bound (sine is 1-Lipschitz; 1e-12 for rounding).
    const double rel_sin = out.n.foot == Foot::vertex ? vertex_rel_sin : wf.foot.sin_theta;
    if (!(std::abs(rel_sin) > wf.theta_err_rad + 1e-12)) return Certified{};
  }
  out.err_m = wf.err_m;
  out.ok = true;
  return out;
}

Nearest GeodesicPolyline::nearest_bruteforce(LonLat p) const {
  double best = std::numeric_limits<double>::infinity();
  std::size_t best_i = 0;
  SegmentFoot best_f;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const SegmentFoot f = nearest_on_segment(segments_[i], p);
    if (f.distance_m < best) {
      best = f.distance_m;
      best_i = i;
      best_f = f;
    }
  }
  return finish(p, segments_[best_i], best_f);
}

}  // namespace truceline::geo
