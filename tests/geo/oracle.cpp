#include "oracle.hpp"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>
#include <limits>

namespace truceline::test {

namespace {
const GeographicLib::Geodesic& g() { return GeographicLib::Geodesic::WGS84(); }
double inv(double lat1, double lon1, double lat2, double lon2) {
  double s12 = 0;
  g().Inverse(lat1, lon1, lat2, lon2, s12);
  return s12;
}
std::array<double, 3> ecef(geo::LonLat p) {
  std::array<double, 3> x{};
  GeographicLib::Geocentric::WGS84().Forward(p.lat_deg, p.lon_deg, 0, x[0], x[1], x[2]);
  return x;
}
geo::LonLat pos(const geo::LonLat& a, const geo::LonLat& b, double t) {
  const auto line = g().InverseLine(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg);
  geo::LonLat q;
  line.Position(t, q.lat_deg, q.lon_deg);
  return q;
}
}  // namespace

DistanceOracle::DistanceOracle(const geo::MultiLine& line, double step_m) : step_(step_m) {
  for (std::size_t p = 0; p < line.parts.size(); ++p) {
    double along = 0;
    for (std::size_t i = 0; i + 1 < line.parts[p].size(); ++i) {
      Seg s{line.parts[p][i], line.parts[p][i + 1], 0, p, along};
      s.length = inv(s.a.lat_deg, s.a.lon_deg, s.b.lat_deg, s.b.lon_deg);
      if (s.length < 1e-6) continue;
      const auto gl = g().InverseLine(s.a.lat_deg, s.a.lon_deg, s.b.lat_deg, s.b.lon_deg);
      const int n = std::max(1, static_cast<int>(std::ceil(s.length / step_m)));
      for (int k = 0; k <= n; ++k) {
        geo::LonLat q;
        const double t = s.length * k / n;
        gl.Position(t, q.lat_deg, q.lon_deg);
        samples_.push_back({segs_.size(), t, ecef(q)});
      }
      along += s.length;
      segs_.push_back(s);
    }
  }
}

double DistanceOracle::dist_at(const Seg& s, double t, geo::LonLat p) const {
  const geo::LonLat q = pos(s.a, s.b, t);
  return inv(q.lat_deg, q.lon_deg, p.lat_deg, p.lon_deg);
}

OracleResult DistanceOracle::distance(geo::LonLat p) const {
  const auto pe = ecef(p);
  auto chord = [&](const Sample& s) {
    return std::hypot(s.x[0] - pe[0], s.x[1] - pe[1], s.x[2] - pe[2]);
  };
  // Upper bound: geodesic distance to the sample with the smallest chord.
  const Sample* best_chord = &samples_[0];
  for (const auto& s : samples_)
    if (chord(s) < chord(*best_chord)) best_chord = &s;
  auto sample_dist = [&](const Sample& s) { return dist_at(segs_[s.seg], s.t, p); };
  const double upper = sample_dist(*best_chord);
  // The true nearest point X* is within step/2 (arc) of some sample, whose chord is then at
  // most d* + step/2 <= upper + step/2: every such sample is a candidate.
  std::vector<std::pair<double, const Sample*>> cand;
  for (const auto& s : samples_)
    if (chord(s) <= upper + step_) cand.emplace_back(sample_dist(s), &s);
  std::sort(cand.begin(), cand.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  OracleResult best;
  best.distance_m = std::numeric_limits<double>::infinity();
  const std::size_t tries = std::min<std::size_t>(cand.size(), 4);
  for (std::size_t c = 0; c < tries; ++c) {
    const Sample& s = *cand[c].second;
    // Refine on this segment and, at a vertex, on the neighbouring one.
    for (std::size_t seg : {s.seg, s.seg > 0 ? s.seg - 1 : s.seg, s.seg + 1 < segs_.size() ? s.seg + 1 : s.seg}) {
      const Seg& sg = segs_[seg];
      double t0 = s.t, lo, hi;
      if (seg == s.seg) {
        lo = std::max(0.0, t0 - step_);
        hi = std::min(sg.length, t0 + step_);
      } else if (seg + 1 == s.seg && s.t < step_) {
        lo = std::max(0.0, sg.length - step_);
        hi = sg.length;
      } else if (seg == s.seg + 1 && s.t > segs_[s.seg].length - step_) {
        lo = 0;
        hi = std::min(sg.length, step_);
      } else {
        continue;
      }
      // Golden-section search for the minimum of a unimodal function on [lo, hi].
      const double phi = (std::sqrt(5.0) - 1) / 2;
      double a = lo, b = hi;
      double x1 = b - phi * (b - a), x2 = a + phi * (b - a);
      double f1 = dist_at(sg, x1, p), f2 = dist_at(sg, x2, p);
      while (b - a > 1e-6) {
        if (f1 < f2) {
          b = x2;
          x2 = x1;
          f2 = f1;
          x1 = b - phi * (b - a);
          f1 = dist_at(sg, x1, p);
        } else {
          a = x1;
          x1 = x2;
          f1 = f2;
          x2 = a + phi * (b - a);
          f2 = dist_at(sg, x2, p);
        }
      }
      for (double t : {0.5 * (a + b), lo, hi}) {
        const double d = dist_at(sg, t, p);
        if (d < best.distance_m) {
          best.distance_m = d;
          best.part = sg.part;
          best.along_m = sg.along0 + t;
          best.foot = pos(sg.a, sg.b, t);
          // Side: tangent T from positions 1 m either side, up U at the foot, V to P.
          const double ta = std::max(0.0, t - 1), tb = std::min(sg.length, t + 1);
          const auto xa = ecef(pos(sg.a, sg.b, ta)), xb = ecef(pos(sg.a, sg.b, tb));
          const auto xf = ecef(best.foot);
          const std::array<double, 3> T{xb[0] - xa[0], xb[1] - xa[1], xb[2] - xa[2]};
          const std::array<double, 3> V{pe[0] - xf[0], pe[1] - xf[1], pe[2] - xf[2]};
          const double un = std::hypot(xf[0], xf[1], xf[2]);
          const std::array<double, 3> U{xf[0] / un, xf[1] / un, xf[2] / un};
          const std::array<double, 3> c{T[1] * V[2] - T[2] * V[1], T[2] * V[0] - T[0] * V[2],
                                        T[0] * V[1] - T[1] * V[0]};
          const double s3 = c[0] * U[0] + c[1] * U[1] + c[2] * U[2];
          const bool interior = t > 1e-3 && t < sg.length - 1e-3;
          best.side = (!interior || d < 1e-3) ? 0 : (s3 < 0 ? +1 : -1);
        }
      }
    }
  }
  return best;
}

double dense_distance(const geo::MultiLine& line, geo::LonLat p, double step_m) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& part : line.parts)
    for (std::size_t i = 0; i + 1 < part.size(); ++i) {
      const auto gl = g().InverseLine(part[i].lat_deg, part[i].lon_deg, part[i + 1].lat_deg, part[i + 1].lon_deg);
      const double L = gl.Distance();
      const long n = std::max(1L, static_cast<long>(std::ceil(L / step_m)));
      for (long k = 0; k <= n; ++k) {
        geo::LonLat q;
        gl.Position(L * static_cast<double>(k) / static_cast<double>(n), q.lat_deg, q.lon_deg);
        best = std::min(best, inv(q.lat_deg, q.lon_deg, p.lat_deg, p.lon_deg));
      }
    }
  return best;
}

}  // namespace truceline::test
