// The benchmark scenario: a realistic contact line (~200 km, 100 vertices, seeded, near
// 35.5 N) with a 20 km zone on both sides, and 1 M seeded random points in the line's
// bounding box widened by 50 km.
#pragma once

#include <string>
#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::bench {

geo::MultiLine contact_line();
std::vector<geo::LonLat> random_points(std::size_t n, unsigned seed = 42);

// The scenario as files, for the CLI benchmarks and for the PostGIS baseline (bench/postgis.sh):
// DIR/line.geojson (the contact line, a LineString, 17 significant digits), DIR/points.csv
// (`id,lon,lat`, the first n of random_points(), ids p0, p1, ..., 10 significant digits),
// DIR/agreement.toml (a synthetic agreement with that line, one two-sided 20 km zone in force
// from 2020-01-01, and 12 observation posts spread along the line). Throws std::runtime_error
// when a file cannot be written.
void export_scenario(const std::string& dir, std::size_t n);

}  // namespace truceline::bench
