#include "scenario.hpp"

#include <algorithm>
#include <random>

namespace truceline::bench {

geo::MultiLine contact_line() {
  // A meandering line heading north-east from (36.2 E, 35.2 N): 99 steps of ~2 km with
  // bounded turns, like a front line that follows terrain and villages.
  std::mt19937_64 rng(2018);
  std::uniform_real_distribution<double> wiggle(-35, 35), len(1.4, 2.6);
  geo::MultiLine m;
  m.parts.emplace_back();
  auto& part = m.parts.back();
  part.push_back({36.2, 35.2});
  for (int i = 1; i < 100; ++i) {
    geo::LonLat next;
    const double azi = 35 + wiggle(rng);
    geo::wgs84().Direct(part.back().lat_deg, part.back().lon_deg, azi, 1000 * len(rng), next.lat_deg, next.lon_deg);
    part.push_back(next);
  }
  return m;
}

std::vector<geo::LonLat> random_points(std::size_t n, unsigned seed) {
  const auto line = contact_line();
  double lon0 = 180, lon1 = -180, lat0 = 90, lat1 = -90;
  for (const auto& v : line.parts[0]) {
    lon0 = std::min(lon0, v.lon_deg);
    lon1 = std::max(lon1, v.lon_deg);
    lat0 = std::min(lat0, v.lat_deg);
    lat1 = std::max(lat1, v.lat_deg);
  }
  // +-50 km: 0.45 degree of latitude, 0.55 degree of longitude at 35.5 N.
  lon0 -= 0.55;
  lon1 += 0.55;
  lat0 -= 0.45;
  lat1 += 0.45;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ulon(lon0, lon1), ulat(lat0, lat1);
  std::vector<geo::LonLat> pts(n);
  for (auto& p : pts) p = {ulon(rng), ulat(rng)};
  return pts;
}

}  // namespace truceline::bench
