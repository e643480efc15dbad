// The oracle itself is checked against brute-force dense sampling at 1 m spacing.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "oracle.hpp"

namespace truceline::test {

TEST(Oracle, AgreesWithDenseOneMetreSampling) {
  // A short line keeps 1 m sampling affordable; dense sampling overestimates the distance by
  // at most step^2 / (8 d) (< 1e-4 m here).
  const geo::MultiLine line{{{{36.30, 35.50}, {36.35, 35.52}, {36.37, 35.56}}}};
  const DistanceOracle oracle(line);
  for (const geo::LonLat p : {geo::LonLat{36.33, 35.56}, geo::LonLat{36.40, 35.50}, geo::LonLat{36.20, 35.51},
                              geo::LonLat{36.36, 35.60}}) {
    const double dense = dense_distance(line, p, 1.0);
    const double fast = oracle.distance(p).distance_m;
    EXPECT_NEAR(fast, dense, 1e-3) << "point " << p.lon_deg << "," << p.lat_deg;
    EXPECT_LE(fast, dense + 1e-6);
  }
}

}  // namespace truceline::test
