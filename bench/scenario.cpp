#include "scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

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

namespace truceline::bench {

void export_scenario(const std::string& dir, std::size_t n) {
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    const std::string path = dir + "/" + name;
    std::ofstream f(path, std::ios::binary);
    f << text;
    f.close();
    if (!f) throw std::runtime_error("cannot write " + path);
  };
  const geo::MultiLine ml = contact_line();
  const auto& part = ml.parts.at(0);
  std::string line = "{\"type\":\"LineString\",\"coordinates\":[", coords = "[";
  for (std::size_t i = 0; i < part.size(); ++i) {
    line += fmt::format("{}[{:.17g},{:.17g}]", i ? "," : "", part[i].lon_deg, part[i].lat_deg);
    coords += fmt::format("{}[{:.17g}, {:.17g}]", i ? ", " : "", part[i].lon_deg, part[i].lat_deg);
  }
  write("line.geojson", line + "]}\n");
  std::string agreement = fmt::format(R"toml(# SYNTHETIC benchmark agreement (truceline-bench --export-scenario): the benchmark line,
# one two-sided 20 km zone along it, 12 observation posts.
[agreement]
id = "bench"
title = "Benchmark agreement (synthetic)"
signed = 2020-01-01
signatories = ["east", "west"]
timezone = "+03:00"
sources = ["text"]

[[source]]
id = "text"
title = "Benchmark text (synthetic)"
publisher = "truceline-bench"
date = 2020-01-01

[[party]]
id = "east"
name = "East"

[[party]]
id = "west"
name = "West"

[[line]]
id = "front"
coordinates = {}]
valid_from = 2020-01-01
source = "text"

[[zone]]
id = "zone"
kind = "demilitarized"
line = "front"
depth = "20km"
side = "both"
valid_from = 2020-01-01
source = "text"
)toml", coords);
  for (int k = 0; k < 12; ++k) {
    const auto& v = part[static_cast<std::size_t>(k) * (part.size() - 1) / 11];
    agreement += fmt::format(R"toml(
[[post]]
id = "post-{}"
name = "Post {}"
operator = "{}"
lon = {:.6f}
lat = {:.6f}
precision_m = 100
established = 2020-01-01
source = "text"
)toml", k + 1, k + 1, k % 2 ? "west" : "east", v.lon_deg + (k % 2 ? 0.05 : -0.05), v.lat_deg);
  }
  write("agreement.toml", agreement);
  const auto pts = random_points(n);
  std::string csv = "id,lon,lat\n";
  for (std::size_t i = 0; i < n; ++i) csv += fmt::format("p{},{:.10g},{:.10g}\n", i, pts[i].lon_deg, pts[i].lat_deg);
  write("points.csv", csv);
}

}  // namespace truceline::bench
