// Locate/*: membership of 1 M random points in a 20 km both-sided zone along a ~200 km,
// 100-vertex line (scenario.hpp), against the baselines a user would otherwise pick.
#include <benchmark/benchmark.h>
#include <geos_c.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <memory>
#include <string>

#include "scenario.hpp"
#include "truceline/geo/locate.hpp"
#include "truceline/geo/zone.hpp"

namespace {

using namespace truceline;
namespace fs = std::filesystem;

struct Fixture {
  geo::GeodesicPolyline line{bench::contact_line()};
  geo::ZoneDefinition def{line, {geo::ZoneSide::both, 20'000, {}}};
  geo::ZoneLocator locator{def};
  geo::Zone zone = geo::build_zone(def, {.measure = false});
  std::vector<geo::LonLat> points = bench::random_points(1'000'000);
  GEOSContextHandle_t h = GEOS_init_r();
  GEOSGeometry* polygon = nullptr;
  const GEOSPreparedGeometry* prepared = nullptr;
  std::vector<char> exact_answers;

  Fixture() {
    // The same rendered polygon, as GEOS geometry.
    const auto& rings = zone.polygons.at(0);
    std::vector<GEOSGeometry*> holes;
    auto ring = [&](const geo::Ring& r) {
      auto* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(r.size()), 2);
      for (unsigned i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, r[i].lon_deg, r[i].lat_deg);
      return GEOSGeom_createLinearRing_r(h, seq);
    };
    for (std::size_t i = 1; i < rings.size(); ++i) holes.push_back(ring(rings[i]));
    polygon = GEOSGeom_createPolygon_r(h, ring(rings[0]), holes.data(), static_cast<unsigned>(holes.size()));
    prepared = GEOSPrepare_r(h, polygon);
    exact_answers.reserve(points.size());
    for (const auto& p : points) exact_answers.push_back(locator.contains(p));
  }
  ~Fixture() {
    GEOSPreparedGeom_destroy_r(h, prepared);
    GEOSGeom_destroy_r(h, polygon);
    GEOS_finish_r(h);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void Locate_exact(benchmark::State& state) {
  auto& f = fixture();
  std::size_t inside = 0;
  for (auto _ : state) {
    inside = 0;
    for (const auto& p : f.points) inside += f.locator.contains(p);
    benchmark::DoNotOptimize(inside);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.points.size()));
  const auto& s = f.locator.stats();
  state.counters["inside_frac"] = static_cast<double>(inside) / f.points.size();
  state.counters["grid_cells"] = static_cast<double>(s.nx * s.ny);
  state.counters["mixed_cells"] = static_cast<double>(s.mixed);
}
BENCHMARK(Locate_exact)->Name("Locate/exact")->Unit(benchmark::kMillisecond)->MinTime(2.0);

void Locate_prepare(benchmark::State& state) {
  auto& f = fixture();
  // ZoneLocator construction: the bounding box and the hierarchical grid classification.
  for (auto _ : state) benchmark::DoNotOptimize(geo::ZoneLocator(f.def).stats().mixed);
}
BENCHMARK(Locate_prepare)->Name("Locate/prepare_grid")->Unit(benchmark::kMillisecond);

void Locate_exact_nogrid(benchmark::State& state) {
  auto& f = fixture();
  // Exact nearest-point query for every point (pruned search, no grid): what `locate` does.
  const std::size_t n = 20'000;
  for (auto _ : state)
    for (std::size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(f.locator.contains_exact(f.points[i]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(Locate_exact_nogrid)->Name("Locate/exact_nogrid")->Unit(benchmark::kMillisecond);

void Locate_geos_prepared(benchmark::State& state) {
  auto& f = fixture();
  std::size_t inside = 0, disagree = 0;
  for (auto _ : state) {
    inside = disagree = 0;
    for (std::size_t i = 0; i < f.points.size(); ++i) {
      GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(f.h, f.points[i].lon_deg, f.points[i].lat_deg);
      const bool in = GEOSPreparedContains_r(f.h, f.prepared, pt) == 1;
      GEOSGeom_destroy_r(f.h, pt);
      inside += in;
      disagree += in != static_cast<bool>(f.exact_answers[i]);
    }
    benchmark::DoNotOptimize(inside);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.points.size()));
  state.counters["inside_frac"] = static_cast<double>(inside) / f.points.size();
  state.counters["disagree_with_exact"] = static_cast<double>(disagree);
}
BENCHMARK(Locate_geos_prepared)->Name("Locate/geos_prepared")->Unit(benchmark::kMillisecond)->MinTime(2.0);

void Locate_geodesic_bruteforce(benchmark::State& state) {
  auto& f = fixture();
  // Ablation, not a baseline: truceline's own search (ZoneDefinition::locate) with the pruning
  // off, every segment measured exactly, on a 2000-point subset (the rate is
  // per point, so items_per_second compares directly).
  const std::size_t n = 2'000;
  for (auto _ : state)
    for (std::size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(f.def.locate_bruteforce(f.points[i]).inside);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(Locate_geodesic_bruteforce)->Name("Locate/geodesic_bruteforce")->Unit(benchmark::kMillisecond);

void Locate_locate(benchmark::State& state) {
  auto& f = fixture();
  // Distance, side and membership per point: the call `truceline locate --line` makes for each
  // row (ZoneDefinition::locate, pruned exact search), one thread, no CSV I/O.
  const std::size_t n = 20'000;
  for (auto _ : state)
    for (std::size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(f.def.locate(f.points[i]).nearest.distance_m);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(Locate_locate)->Name("Locate/locate")->Unit(benchmark::kMillisecond);

// `truceline locate --line L --depth 20km points.csv -o out.csv` as a user runs it (the CLI next
// to this executable, in a child process: reading the line, parsing the CSV, the exact
// distance per point, writing the CSV), on the first 100 k points; threads: state.range(0)
// (0 = the CLI's default, one per core).
void Locate_cli(benchmark::State& state) {
  auto& f = fixture();
  const std::size_t n = 100'000;
  const fs::path dir = fs::temp_directory_path() / ("truceline-bench-locate-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path line = dir / "line.geojson", pts = dir / "points.csv", out = dir / "out.csv";
  {
    std::ofstream l(line);
    l << std::setprecision(17) << "{\"type\":\"LineString\",\"coordinates\":[";
    const geo::MultiLine ml = bench::contact_line();
    const auto& part = ml.parts.at(0);
    for (std::size_t i = 0; i < part.size(); ++i) l << (i ? "," : "") << "[" << part[i].lon_deg << "," << part[i].lat_deg << "]";
    l << "]}\n";
    std::ofstream p(pts);
    p << std::setprecision(10) << "id,lon,lat\n";
    for (std::size_t i = 0; i < n; ++i) p << "p" << i << "," << f.points[i].lon_deg << "," << f.points[i].lat_deg << "\n";
  }
  const std::string cli = (fs::read_symlink("/proc/self/exe").parent_path() / "truceline").string();
  const std::string cmd = cli + " locate --line " + line.string() + " --depth 20km " + pts.string() + " -o " +
                          out.string() + " --threads " + std::to_string(state.range(0)) + " 2>/dev/null";
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    const auto t1 = std::chrono::steady_clock::now();
    if (rc != 0) state.SkipWithError("truceline locate failed (is build/release/truceline built?)");
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  fs::remove_all(dir);
}
BENCHMARK(Locate_cli)->Name("Locate/cli")->Arg(1)->Arg(0)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

}  // namespace

namespace {

// The scenario exported once as files (scenario.hpp: line.geojson, points.csv with the first
// 1 M points, agreement.toml with the same line, one 20 km two-sided zone and 12 posts), for the
// CLI runs below; removed at exit.
struct CliScenario {
  fs::path dir = fs::temp_directory_path() / ("truceline-bench-cli-" + std::to_string(::getpid()));
  std::string cli = (fs::read_symlink("/proc/self/exe").parent_path() / "truceline").string();
  CliScenario() {
    bench::export_scenario(dir.string(), 1'000'000);
    // The first 200 k points, for the runs that compute exact distances.
    std::ifstream in(dir / "points.csv");
    std::ofstream out(dir / "points-200k.csv");
    std::string line;
    for (int i = 0; i <= 200'000 && std::getline(in, line); ++i) out << line << "\n";
  }
  ~CliScenario() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

CliScenario& cli_scenario() {
  static CliScenario s;
  return s;
}

// Runs `truceline locate ARGS --threads 1 POINTS -o OUT` as a user would (a child process) and
// times it; `n` points.
void run_locate_cli(benchmark::State& state, const std::string& args, const std::string& points, std::size_t n) {
  auto& s = cli_scenario();
  const std::string cmd = "cd " + s.dir.string() + " && " + s.cli + " locate " + args + " --threads 1 " + points +
                          " -o out.csv 2>/dev/null";
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    const auto t1 = std::chrono::steady_clock::now();
    if (rc != 0) state.SkipWithError("truceline locate failed (is build/release/truceline built?)");
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

// `locate --line` and `locate --agreement` on the same 200 k points, the same line and a zone of
// the same size (the agreement's row also names the nearest of 12 active posts), one thread:
// issue 15 asks the second within 1.5x of the first.
void Locate_line(benchmark::State& state) {
  run_locate_cli(state, "--line line.geojson --depth 20km", "points-200k.csv", 200'000);
}
BENCHMARK(Locate_line)->Name("Locate/line")->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

void Locate_agreement(benchmark::State& state) {
  run_locate_cli(state, "--agreement agreement.toml --at 2021-01-01", "points-200k.csv", 200'000);
}
BENCHMARK(Locate_agreement)->Name("Locate/agreement")->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

// `locate --line --fields inside` on the 1 M points, one thread: membership only, through the
// zone locator's grid (exact; no distance computed), CSV in and out, process start included.
// The PostGIS baseline (bench/postgis.sh) answers ST_DWithin for the same 1 M points.
void Locate_inside_grid(benchmark::State& state) {
  run_locate_cli(state, "--line line.geojson --depth 20km --fields inside", "points.csv", 1'000'000);
}
BENCHMARK(Locate_inside_grid)->Name("Locate/inside_grid")->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

}  // namespace
