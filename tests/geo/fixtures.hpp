// Test lines. Coordinates are illustrative (not agreed boundaries).
#pragma once

#include <cmath>
#include <random>

#include "truceline/geo/polyline.hpp"

namespace truceline::test {

// ~150 km, 9 vertices, near 35.5 N (the shape of a north-west Syria contact line).
inline geo::MultiLine line_35n() {
  return {{{{36.17, 35.83}, {36.30, 35.80}, {36.35, 35.66}, {36.39, 35.41}, {36.50, 35.43},
            {36.68, 35.38}, {36.85, 35.50}, {37.05, 35.75}, {37.10, 36.00}}}};
}
// ~120 km at 64 N (Fennoscandia-like latitudes, where lon/lat distortion is strong).
inline geo::MultiLine line_64n() {
  return {{{{28.0, 64.0}, {28.6, 64.25}, {29.3, 64.1}, {30.0, 64.4}}}};
}
// Along and across the equator.
inline geo::MultiLine line_equator() { return {{{{10.0, -0.3}, {10.4, 0.0}, {10.9, 0.25}, {11.2, 0.1}}}}; }
// Across the antimeridian near Fiji (a short segment 179.9 -> -179.9 inside).
inline geo::MultiLine line_fiji() {
  return {{{{179.5, -17.0}, {179.9, -16.9}, {-179.9, -16.85}, {-179.5, -16.7}}}};
}
// Two parts.
inline geo::MultiLine line_multi() {
  return {{{{36.2, 35.2}, {36.5, 35.3}, {36.8, 35.25}}, {{36.9, 35.6}, {37.2, 35.7}}}};
}
// A sharp zig-zag whose buffer overlaps itself at every turn.
inline geo::MultiLine line_zigzag() {
  return {{{{36.00, 35.00}, {36.05, 35.20}, {36.10, 35.00}, {36.15, 35.20}, {36.20, 35.00}, {36.25, 35.20}}}};
}

// A seeded random walk of `n` vertices starting at (lon, lat), steps of `step_m` metres,
// headings turning by up to `max_turn_deg`.
inline geo::MultiLine random_line(unsigned seed, int n, double lon, double lat, double step_m,
                                  double max_turn_deg = 60) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> turn(-max_turn_deg, max_turn_deg), len(0.3, 1.7);
  geo::MultiLine m;
  m.parts.emplace_back();
  auto& part = m.parts.back();
  part.push_back({lon, lat});
  double azi = std::uniform_real_distribution<double>(0, 360)(rng);
  for (int i = 1; i < n; ++i) {
    geo::LonLat next;
    geo::wgs84().Direct(part.back().lat_deg, part.back().lon_deg, azi, step_m * len(rng), next.lat_deg,
                        next.lon_deg);
    part.push_back(next);
    azi += turn(rng);
  }
  return m;
}

}  // namespace truceline::test
