// Membership queries against a zone definition (zone.hpp), fast and exact.
//
// ZoneLocator answers "is P in the zone?" from the *definition*, never from the rendered
// polygon. Fast path: a lon/lat grid over the zone's bounding box whose cells are classified
// once as inside / outside / mixed with a rigorous bound: the distance to the line is
// 1-Lipschitz, so a cell of geodesic radius r whose centre is at distance d is wholly inside
// when d + r < D_min and wholly outside when d - r > D_max (one-sided zones add conditions on
// the sides of every segment within reach and on the end vertices, see locate.cpp). Points in
// mixed cells, and every point when the fast path is off, get the exact nearest-point
// computation. The answer is therefore always the exact one; the grid only saves time.
//
// Cost: construction classifies the grid hierarchically (about 10^4 exact queries for a
// 200 km line); contains() is a few nanoseconds in decided cells and one exact query
// (microseconds) in mixed cells. Thread safety: const methods may be called concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

struct LocatorOptions {
  // DEFAULT 1 << 20. Upper bound on the number of grid cells (one byte each). More cells: a
  // thinner band of points that need the exact computation, a longer construction.
  std::size_t max_cells = std::size_t{1} << 20;
  // DEFAULT true. false: every contains() is exact (the brute-force switch for tests).
  bool use_grid = true;
};

struct GridStats {
  std::size_t nx = 0, ny = 0, inside = 0, outside = 0, mixed = 0, exact_queries = 0;
};

class ZoneLocator {
 public:
  // Keeps a reference to `zone`.
  explicit ZoneLocator(const ZoneDefinition& zone, LocatorOptions options = {});

  // Membership only, fast path first.
  bool contains(LonLat p) const;
  // Membership, always exact.
  bool contains_exact(LonLat p) const;

  const GridStats& stats() const { return stats_; }
  const ZoneDefinition& zone() const { return zone_; }

 private:
  enum State : std::uint8_t { kOutside = 0, kInside = 1, kMixed = 2 };
  State classify_block(double lon0, double lat0, double lon1, double lat1, double radius_m);
  static double block_radius(double half_width_deg, double lat0, double lat1);
  bool one_sided_uniform(LonLat c, double d, double r, int sigma) const;
  void fill(std::size_t i0, std::size_t j0, std::size_t i1, std::size_t j1);

  const ZoneDefinition& zone_;
  LocatorOptions options_;
  double ref_lon_ = 0;  // query longitudes are unwrapped around this
  double lon0_ = 0, lat0_ = 0, lon1_ = 0, lat1_ = 0, inv_dlon_ = 0, inv_dlat_ = 0;
  std::size_t nx_ = 0, ny_ = 0;
  std::vector<std::uint8_t> grid_;
  std::map<std::array<std::size_t, 3>, double> radius_;  // during construction: {j0, j1, width} -> radius
  GridStats stats_;
};

}  // namespace truceline::geo
