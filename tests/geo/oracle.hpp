// An independent oracle for the distance from a point to a geodesic polyline, used to check
// truceline's Newton-based computation (polyline.cpp). It shares only GeographicLib's
// primitives with it: each segment is sampled every `step_m` metres with GeodesicLine, the
// closest samples (by geodesic distance, after a chord pre-filter that cannot miss the true
// minimum) bracket the minimum, and a derivative-free golden-section search on
// Geodesic::Inverse refines it to 1e-6 m. Sides come from an ECEF cross product in the local
// tangent plane (no azimuths). Slow (tens of microseconds per query); tests only.
#pragma once

#include <array>
#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::test {

struct OracleResult {
  double distance_m = 0;
  std::size_t part = 0;
  double along_m = 0;
  int side = 0;  // +1 right, -1 left, 0 undecided (distance < 1 mm or at a vertex wedge)
  geo::LonLat foot;
};

class DistanceOracle {
 public:
  explicit DistanceOracle(const geo::MultiLine& line, double step_m = 100);
  OracleResult distance(geo::LonLat p) const;

 private:
  struct Sample {
    std::size_t seg;
    double t;
    std::array<double, 3> x;
  };
  struct Seg {
    geo::LonLat a, b;
    double length;
    std::size_t part;
    double along0;
  };
  double dist_at(const Seg& s, double t, geo::LonLat p) const;
  std::vector<Seg> segs_;
  std::vector<Sample> samples_;
  double step_;
};

// Dense brute force: every segment sampled at `step_m` (use <= 1 m), minimum of Inverse.
double dense_distance(const geo::MultiLine& line, geo::LonLat p, double step_m);

}  // namespace truceline::test
