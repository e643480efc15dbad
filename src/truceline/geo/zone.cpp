// Zone definitions: membership by the definition (zone.hpp), independent of any drawing.
#include "truceline/geo/zone.hpp"

#include <GeographicLib/Math.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "truceline/geo/detail/zone.hpp"

namespace truceline::geo {

using GeographicLib::Math;
using detail::direct;

namespace detail {
LonLat direct(LonLat from, double azi_deg, double dist_m) {
  LonLat out;
  wgs84().Direct(from.lat_deg, from.lon_deg, azi_deg, dist_m, out.lat_deg, out.lon_deg);
  return out;
}
}  // namespace detail

namespace {

// "Left of a line that crosses itself" has no meaning: one-sided zones need simple lines.
// Segments are tested as straight lines in lon/lat (unwrapped), which is what a map shows;
// adjacent segments of a part share a vertex and are skipped. O(n^2) in the number of
// segments (a few ms for thousands).
void reject_crossings(const GeodesicPolyline& line) {
  struct Seg {
    double x0, y0, x1, y1;
    std::size_t part, index;
  };
  std::vector<Seg> segs;
  const double ref = line.line().parts[0][0].lon_deg;
  for (const auto& s : line.segments()) {
    const LonLat a = unwrap(s.a, ref), b = unwrap(s.b, a.lon_deg);
    segs.push_back({a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg, s.part, s.index});
  }
  auto orient = [](double ax, double ay, double bx, double by, double cx, double cy) {
    const double v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    return (v > 0) - (v < 0);
  };
  auto fail = [](const Seg& p, const Seg& q, const char* how) {
    throw GeometryError(fmt::format(
        "the line {} itself (part {} segment {} and part {} segment {}, near lon {:.4f} lat {:.4f}): a "
        "one-sided zone needs a line that does not cross, touch or overlap itself",
        how, p.part + 1, p.index + 1, q.part + 1, q.index + 1, wrap180(0.5 * (q.x0 + q.x1)), 0.5 * (q.y0 + q.y1)));
  };
  for (std::size_t i = 0; i < segs.size(); ++i)
    for (std::size_t j = i + 1; j < segs.size(); ++j) {
      const Seg &p = segs[i], &q = segs[j];
      if (p.part == q.part && q.index == p.index + 1) {
        // Neighbours share a vertex; they overlap when the line turns back on itself.
        const double dot = (p.x0 - p.x1) * (q.x1 - q.x0) + (p.y0 - p.y1) * (q.y1 - q.y0);
        if (orient(p.x0, p.y0, p.x1, p.y1, q.x1, q.y1) == 0 && dot > 0) fail(p, q, "overlaps");
        continue;
      }
      if (std::max(p.x0, p.x1) < std::min(q.x0, q.x1) || std::max(q.x0, q.x1) < std::min(p.x0, p.x1) ||
          std::max(p.y0, p.y1) < std::min(q.y0, q.y1) || std::max(q.y0, q.y1) < std::min(p.y0, p.y1))
        continue;
      const int o1 = orient(p.x0, p.y0, p.x1, p.y1, q.x0, q.y0), o2 = orient(p.x0, p.y0, p.x1, p.y1, q.x1, q.y1);
      const int o3 = orient(q.x0, q.y0, q.x1, q.y1, p.x0, p.y0), o4 = orient(q.x0, q.y0, q.x1, q.y1, p.x1, p.y1);
      if (o1 * o2 < 0 && o3 * o4 < 0) fail(p, q, "crosses");
      // Collinear with overlapping boxes: they share a stretch (or an end point).
      if (o1 == 0 && o2 == 0) fail(p, q, "overlaps");
      // One's vertex lies on the other (or they share a vertex).
      if (o1 * o2 <= 0 && o3 * o4 <= 0) fail(p, q, "touches");
    }
}

}  // namespace

namespace {

// A zone must keep clear of the poles: its drawing is a lon/lat polygon, which cannot hold a
// pole. The pole's distance to the line is bounded below by the segments' 3-D bounds and
// computed exactly only for the segments that could be near.
void reject_poles(const GeodesicPolyline& line, double max_depth_m) {
  const double reach = max_depth_m + std::max(kPoleClearanceM, 0.01 * max_depth_m);
  for (const double lat : {90.0, -90.0}) {
    const LonLat pole{0, lat};
    const auto pe = to_ecef(pole);
    double best = std::numeric_limits<double>::infinity();
    for (const auto& s : line.segments())
      if (s.lower_bound_m(pe) <= reach) best = std::min(best, nearest_on_segment(s, pole).distance_m);
    if (best <= reach)
      throw GeometryError(fmt::format("the zone reaches the {} pole: the line passes {:.1f} km from it and the zone is "
                                      "{:.1f} km deep (zones must keep {:.0f} km, or 1 % of their depth, clear of the "
                                      "poles)",
                                      lat > 0 ? "north" : "south", best / 1000.0, max_depth_m / 1000.0,
                                      kPoleClearanceM / 1000.0));
  }
}

}  // namespace

ZoneDefinition::ZoneDefinition(const GeodesicPolyline& line, ZoneSpec spec) : line_(line), spec_(std::move(spec)) {
  spec_.validate(line_);
  reject_poles(line_, spec_.max_depth_m());
  if (spec_.side == ZoneSide::both) return;
  reject_crossings(line_);
  // Each end normal runs from the end vertex out to just beyond the buffer: normally D + a
  // margin; where the line folds back within D of its end, the normal is followed (in steps
  // of D/100) until it leaves the buffer, or until it crosses the line (a point on it changes
  // side), where it stops: it then closes the territory against the line.
  const Side own = sigma() > 0 ? Side::right : Side::left;
  auto normal_tip = [&](LonLat e, double azi) {
    const double dmax = spec_.max_depth_m();
    const double step = std::max(10.0, dmax / 100.0);
    for (double s = step; s < 10.0 * dmax + 1.0e6; s += step) {
      const LonLat p = direct(e, azi, s);
      const Nearest n = line_.nearest(p);
      if (n.distance_m > spec_.depth_at(line_, n)) return direct(e, azi, s + std::max(100.0, 0.01 * dmax));
      if (n.side != own && n.side != Side::on) return p;
    }
    return direct(e, azi, 10.0 * dmax + 1.0e6);
  };
  MultiLine ext;
  for (std::size_t p = 0; p < line_.line().parts.size(); ++p) {
    const auto& part = line_.line().parts[p];
    std::vector<LonLat> e;
    e.push_back(normal_tip(part.front(), line_.azimuth_out_deg(p, 0) + 90.0 * sigma()));
    e.insert(e.end(), part.begin(), part.end());
    e.push_back(normal_tip(part.back(), line_.azimuth_in_deg(p, part.size() - 1) + 90.0 * sigma()));
    ext.parts.push_back(std::move(e));
  }
  territory_.emplace(std::move(ext));
}

double ZoneDefinition::excess_m(LonLat p) const {
  if (spec_.vertex_depth_m.empty()) return line_.nearest(p).distance_m - spec_.depth_m;
  // g(P) = min over segments of min over t of (distance(P, X(t)) - D(t)); D is linear on each
  // segment, so the inner minimum is nearest_on_segment with the depth slope. Segments whose
  // 3-D lower bound exceeds the largest depth cannot bring g below 0 and are skipped.
  const double dmax = spec_.max_depth_m();
  const auto pe = to_ecef(p);
  double g = std::numeric_limits<double>::infinity();
  for (const auto& s : line_.segments()) {
    if (s.lower_bound_m(pe) - dmax > g) continue;
    const SegmentFoot f = nearest_on_segment(s, p, spec_.slope(s));
    g = std::min(g, f.distance_m - spec_.depth_at(line_, s.part, s.along_start_m + f.t_m));
  }
  return g;
}


Location ZoneDefinition::finish(const Nearest& n, LonLat p, bool brute) const {
  Location loc;
  loc.nearest = n;
  loc.depth_m = spec_.depth_at(line_, n);
  const double g = spec_.vertex_depth_m.empty() ? n.distance_m - loc.depth_m : excess_m(p);
  if (g > 0) return loc;
  if (!territory_) {
    loc.inside = true;
    return loc;
  }
  const Nearest t = brute ? territory_->nearest_bruteforce(p) : territory_->nearest(p);
  loc.inside = t.side == Side::on || (t.side == Side::right) == (sigma() > 0);
  return loc;
}

Location ZoneDefinition::locate(LonLat p) const { return finish(line_.nearest(p), p, false); }

Location ZoneDefinition::locate_bruteforce(LonLat p) const { return finish(line_.nearest_bruteforce(p), p, true); }

double local_distance_m(LonLat a, LonLat b) {
  constexpr double kA = 6378137.0;
  constexpr double kF = 1 / 298.257223563;
  constexpr double kE2 = kF * (2 - kF);
  const double phi = 0.5 * (a.lat_deg + b.lat_deg) * Math::degree();
  const double s = std::sin(phi);
  const double w = 1 - kE2 * s * s;
  const double N = kA / std::sqrt(w);
  const double M = kA * (1 - kE2) / (w * std::sqrt(w));
  const double dy = (b.lat_deg - a.lat_deg) * Math::degree() * M;
  const double dx = (b.lon_deg - a.lon_deg) * Math::degree() * N * std::cos(phi);
  return std::hypot(dx, dy);
}

LonLat unwrap(LonLat p, double anchor_lon_deg) {
  const double k = std::round((anchor_lon_deg - p.lon_deg) / 360.0);
  return {p.lon_deg + 360.0 * k, p.lat_deg};
}
}  // namespace truceline::geo
