// Zone/*: construction of the 20 km both-sided zone of the benchmark line.
#include <benchmark/benchmark.h>

#include "scenario.hpp"
#include "truceline/geo/zone.hpp"

namespace {

using namespace truceline;

void Zone_build(benchmark::State& state) {
  const geo::GeodesicPolyline line{bench::contact_line()};
  const geo::ZoneDefinition def{line, {geo::ZoneSide::both, 20'000, {}}};
  std::size_t vertices = 0;
  for (auto _ : state) vertices = geo::build_zone(def, {.measure = false}).vertex_count;
  state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(Zone_build)->Name("Zone/build")->Unit(benchmark::kMillisecond);

void Zone_build_measured(benchmark::State& state) {
  const geo::GeodesicPolyline line{bench::contact_line()};
  const geo::ZoneDefinition def{line, {geo::ZoneSide::both, 20'000, {}}};
  double err = 0;
  for (auto _ : state) err = geo::build_zone(def).check.max_error_m;
  state.counters["max_boundary_error_m"] = err;
}
BENCHMARK(Zone_build_measured)->Name("Zone/build_and_measure")->Unit(benchmark::kMillisecond);

void Zone_build_one_sided(benchmark::State& state) {
  const geo::GeodesicPolyline line{bench::contact_line()};
  const geo::ZoneDefinition def{line, {geo::ZoneSide::left, 20'000, {}}};
  for (auto _ : state) benchmark::DoNotOptimize(geo::build_zone(def, {.measure = false}).vertex_count);
}
BENCHMARK(Zone_build_one_sided)->Name("Zone/build_left")->Unit(benchmark::kMillisecond);

}  // namespace
