// The benchmark scenario: a realistic contact line (~200 km, 100 vertices, seeded, near
// 35.5 N) with a 20 km zone on both sides, and 1 M seeded random points in the line's
// bounding box widened by 50 km.
#pragma once

#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::bench {

geo::MultiLine contact_line();
std::vector<geo::LonLat> random_points(std::size_t n, unsigned seed = 42);

}  // namespace truceline::bench
