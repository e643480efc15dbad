#include "truceline/geo/locate.hpp"

#include <GeographicLib/Math.hpp>
#include <algorithm>
#include <array>
#include <cmath>

namespace truceline::geo {

using GeographicLib::Math;

ZoneLocator::ZoneLocator(const ZoneDefinition& zone, LocatorOptions options) : zone_(zone), options_(options) {
  if (!options_.use_grid) return;
  const GeodesicPolyline& line_ = zone_.line();
  const ZoneSpec& spec_ = zone_.spec();
  // Bounding box of the line (vertices and samples along every geodesic, lon unwrapped
  // around the first vertex), widened by the largest depth. A degree of latitude is at least
  // 110.5 km and a degree of longitude at least 111.3 km * cos(lat); we use 110 km and 111 km,
  // plus 0.01 degree for the bulge of geodesics between samples.
  ref_lon_ = line_.line().parts[0][0].lon_deg;
  double lon_min = 1e9, lon_max = -1e9, lat_min = 90, lat_max = -90;
  for (const auto& s : line_.segments()) {
    const int n = std::max(16, static_cast<int>(s.length_m / 5000.0));
    for (int k = 0; k <= n; ++k) {
      LonLat q;
      s.line.Position(s.length_m * k / n, q.lat_deg, q.lon_deg);
      q = unwrap(q, ref_lon_);
      lon_min = std::min(lon_min, q.lon_deg);
      lon_max = std::max(lon_max, q.lon_deg);
      lat_min = std::min(lat_min, q.lat_deg);
      lat_max = std::max(lat_max, q.lat_deg);
    }
  }
  const double dmax = spec_.max_depth_m();
  const double dlat = dmax / 110'000.0 + 0.01;
  lat0_ = lat_min - dlat;
  lat1_ = lat_max + dlat;
  const double lat_extreme = std::max(std::abs(lat0_), std::abs(lat1_));
  if (lat_extreme >= 88.0 || lon_max - lon_min > 300) {
    options_.use_grid = false;  // near the poles or around the globe: exact only
    return;
  }
  const double dlon = dmax / (111'000.0 * std::cos(lat_extreme * Math::degree())) + 0.01;
  lon0_ = lon_min - dlon;
  lon1_ = lon_max + dlon;
  ref_lon_ = 0.5 * (lon0_ + lon1_);
  const double mid_cos = std::cos(0.5 * (lat0_ + lat1_) * Math::degree());
  const double w = (lon1_ - lon0_) * 111'000.0 * mid_cos, h = (lat1_ - lat0_) * 111'000.0;
  const double cell = std::sqrt(w * h / static_cast<double>(options_.max_cells));
  nx_ = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(w / cell)));
  ny_ = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(h / cell)));
  inv_dlon_ = nx_ / (lon1_ - lon0_);
  inv_dlat_ = ny_ / (lat1_ - lat0_);
  grid_.assign(nx_ * ny_, kMixed);
  stats_.nx = nx_;
  stats_.ny = ny_;
  // Top-level blocks of at most 32 x 32 cells, split recursively while mixed.
  constexpr std::size_t kBlock = 32;
  for (std::size_t j = 0; j < ny_; j += kBlock)
    for (std::size_t i = 0; i < nx_; i += kBlock) fill(i, j, std::min(i + kBlock, nx_), std::min(j + kBlock, ny_));
  for (auto c : grid_) {
    if (c == kInside) ++stats_.inside;
    else if (c == kOutside) ++stats_.outside;
    else ++stats_.mixed;
  }
  radius_.clear();
}

void ZoneLocator::fill(std::size_t i0, std::size_t j0, std::size_t i1, std::size_t j1) {
  const double dlon = 1 / inv_dlon_, dlat = 1 / inv_dlat_;
  const double lat0 = lat0_ + j0 * dlat, lat1 = lat0_ + j1 * dlat;
  // The block's geodesic radius depends on its rows and its width only (see block_radius):
  // computed once per shape, not once per block.
  auto [it, added] = radius_.try_emplace(std::array<std::size_t, 3>{j0, j1, i1 - i0}, 0.0);
  if (added) it->second = block_radius(0.5 * (i1 - i0) * dlon, lat0, lat1);
  const State s = classify_block(lon0_ + i0 * dlon, lat0, lon0_ + i1 * dlon, lat1, it->second);
  if (s != kMixed) {
    for (std::size_t j = j0; j < j1; ++j)
      std::fill(grid_.begin() + j * nx_ + i0, grid_.begin() + j * nx_ + i1, s);
    return;
  }
  if (i1 - i0 <= 1 && j1 - j0 <= 1) return;  // a mixed cell
  const std::size_t im = i1 - i0 > 1 ? (i0 + i1) / 2 : i1, jm = j1 - j0 > 1 ? (j0 + j1) / 2 : j1;
  fill(i0, j0, im, jm);
  if (im < i1) fill(im, j0, i1, jm);
  if (jm < j1) fill(i0, jm, im, j1);
  if (im < i1 && jm < j1) fill(im, jm, i1, j1);
}

// Geodesic radius of a block half_width degrees of longitude wide either side of its centre and
// from lat0 to lat1: the farthest corner, times 1.02 for the curvature of parallels (blocks are
// at most a few hundred km), plus 1 m. The ellipsoid is symmetric about every meridian and
// under rotation about its axis, so the distance from the centre to a corner depends on the two
// latitudes and the longitude difference only: the centre is put on the meridian 0, and the
// two corners on one side stand for the two on the other. (Blocks of the same shape at other
// longitudes get the same radius to within rounding, nanometres, far inside the 1 m.)
double ZoneLocator::block_radius(double half_width, double lat0, double lat1) {
  const LonLat c{0, 0.5 * (lat0 + lat1)};
  const double r = std::max(distance_m(c, {half_width, lat0}), distance_m(c, {half_width, lat1}));
  return r * 1.02 + 1.0;
}

ZoneLocator::State ZoneLocator::classify_block(double lon0, double lat0, double lon1, double lat1, double r) {
  const ZoneSpec& spec_ = zone_.spec();
  const LonLat c{wrap180(0.5 * (lon0 + lon1)), 0.5 * (lat0 + lat1)};
  const Nearest n = zone_.line().nearest(c);
  ++stats_.exact_queries;
  const double d = n.distance_m;
  if (d - r > spec_.max_depth_m()) return kOutside;
  if (!zone_.territory()) return d + r < spec_.min_depth_m() ? kInside : kMixed;
  // One-sided: the side of the territory line must be the same over the whole block.
  const double dt = zone_.territory()->nearest(c).distance_m;
  if (dt - r <= 0) return kMixed;
  if (one_sided_uniform(c, dt, r, -zone_.sigma())) return kOutside;
  if (d + r < spec_.min_depth_m() && one_sided_uniform(c, dt, r, zone_.sigma())) return kInside;
  return kMixed;
}

// True when every point of the disc of radius r around c lies on side sigma of the territory
// line (d = distance from c to it), and none has a part's end (a normal's tip) as its nearest
// point. Any point p of the disc has
// its nearest element within d + r of p, hence within d + 2r of c: we require every segment
// within that reach to have an interior foot for c, on side sigma, farther than r (so the sign
// of the cross-track distance cannot change inside the disc); a vertex nearest to p then lies
// between two such segments, and the bisector rule gives the same side. End vertices farther
// than d + 2r from c cannot be nearest to any p.
bool ZoneLocator::one_sided_uniform(LonLat c, double d, double r, int sigma) const {
  const double reach = d + 2 * r;
  const auto ce = to_ecef(c);
  const GeodesicPolyline& terr = *zone_.territory();
  for (const auto& s : terr.segments()) {
    if (s.lower_bound_m(ce) >= reach) continue;
    const SegmentFoot f = nearest_on_segment(s, c);
    if (f.distance_m >= reach) continue;
    if (f.at_end != 0 || f.distance_m <= r || (f.sin_theta > 0 ? +1 : -1) != sigma) return false;
  }
  for (const auto& part : terr.line().parts)
    for (const LonLat e : {part.front(), part.back()})
      if (distance_m(c, e) <= reach) return false;
  return true;
}

bool ZoneLocator::contains_exact(LonLat p) const { return zone_.locate(p).inside; }

bool ZoneLocator::contains(LonLat p) const {
  if (options_.use_grid) {
    const double lon = p.lon_deg + 360.0 * std::round((ref_lon_ - p.lon_deg) / 360.0);
    const double x = (lon - lon0_) * inv_dlon_, y = (p.lat_deg - lat0_) * inv_dlat_;
    if (!(x >= 0 && y >= 0 && x < static_cast<double>(nx_) && y < static_cast<double>(ny_))) return false;
    const auto s = grid_[static_cast<std::size_t>(y) * nx_ + static_cast<std::size_t>(x)];
    if (s != kMixed) return s == kInside;
  }
  return contains_exact(p);
}

}  // namespace truceline::geo
