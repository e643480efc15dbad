// Assess/*: verdicts of 1 M seeded synthetic reports against the Idlib 2018 scenario (every
// obligation the reports' kinds bear on), against the answer a GIS user would otherwise get —
// GEOS prepared point-in-polygon on the rendered zones, with no margin, no uncertainty, no
// time, actor or weapon checks — measured in the same run.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <geos_c.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/query.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"
#include "truceline/report/report.hpp"

namespace {

using namespace truceline;

constexpr std::size_t kReports = 1'000'000;
// TRUCELINE_BENCH_REPORTS=N: the first N reports only (for callgrind's instruction counts).
std::size_t report_count() {
  const char* n = std::getenv("TRUCELINE_BENCH_REPORTS");
  return n && *n ? std::min<std::size_t>(kReports, std::strtoull(n, nullptr, 10)) : kReports;
}

const agreement::Agreement& idlib() {
  static const agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  return a;
}

// Seeded reports over the de-escalation area's bounding box, October 2018 - March 2019.
const std::vector<assess::ReportView>& reports() {
  static const std::vector<assess::ReportView> rs = [] {
    std::vector<assess::ReportView> out;
    const std::size_t count = report_count();
    out.reserve(count);
    std::mt19937_64 rng(2018);
    std::uniform_real_distribution<double> lon(35.9, 37.4), lat(35.1, 36.5), prec(100, 8000);
    std::uniform_int_distribution<int64_t> when(1538352000, 1554076800);  // 2018-10-01 .. 2019-04-01
    const char* kinds[] = {"shelling", "airstrike", "weapon_sighting", "group_presence", "patrol", "armed_clash",
                           "uav_observation", "civilian_harm", "withdrawal", "post_event"};
    const char* weapons[] = {"tank", "Grad", "D-30", "mortar", "ATGM", ""};
    const char* actors[] = {"HTS", "Hurras al-Din", "NLF", "Syrian Arab Army", "Turkish army", "", "unknown gunmen"};
    for (std::size_t i = 0; i < count; ++i) {
      assess::ReportView r;
      r.id = fmt::format("r{}", i);
      r.label = r.id;
      r.kind = kinds[i % 10];
      r.has_location = true;
      r.lon_deg = lon(rng);
      r.lat_deg = lat(rng);
      r.precision_m = prec(rng);
      r.observed_unix = when(rng);
      r.time_precision = i % 3 ? "minute" : "day";
      r.weapon_class = weapons[i % 6];
      r.actor = actors[i % 7];
      r.source_name = fmt::format("source-{}", i % 40);
      r.source_type = "media";
      out.push_back(std::move(r));
    }
    return out;
  }();
  return rs;
}

// items = reports (like the GEOS baseline below); threads: state.range(0) (0 = one per
// hardware thread, what `truceline assess` does; 1 = the baseline's single thread).
void Assess_verdicts(benchmark::State& state) {
  const auto& a = idlib();
  const auto& rs = reports();
  assess::Options o;
  o.at = agreement::Instant(std::chrono::seconds(1554076800));
  o.threads = static_cast<unsigned>(state.range(0));
  // TRUCELINE_BENCH_EXACT_MARGINS=1: the exact margins only (the reference for the certified
  // fast margins, docs/assessment.md "Performance").
  if (const char* e = std::getenv("TRUCELINE_BENCH_EXACT_MARGINS"); e && *e == '1') assess::detail::set_certified_margins(false);
  std::size_t n = 0;
  for (auto _ : state) {
    const auto v = assess::verdicts(a, rs, o);
    n = v.size();
    benchmark::DoNotOptimize(v.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rs.size()));
  state.counters["verdicts"] = static_cast<double>(n);
  state.counters["reports"] = static_cast<double>(rs.size());
}
BENCHMARK(Assess_verdicts)->Name("Assess/verdicts_1M")->ArgName("threads")->Arg(1)->Arg(0)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// The same reports through GEOS prepared contains against the rendered DMZ and de-escalation
// area (2 point-in-polygon tests per report, single-threaded like any GEOS user loop).
void Assess_geos_contains(benchmark::State& state) {
  const auto& a = idlib();
  const auto& rs = reports();
  GEOSContextHandle_t ctx = GEOS_init_r();
  std::vector<GEOSGeometry*> geoms;
  std::vector<const GEOSPreparedGeometry*> prepared;
  for (const char* id : {"dmz", "idlib-dea"}) {
    const geo::Zone z = agreement::ZoneInstance(a, *a.zone(id)).render();
    std::vector<GEOSGeometry*> polys;
    for (const auto& p : z.polygons) {
      std::vector<GEOSGeometry*> rings;
      for (const auto& ring : p) {
        GEOSCoordSequence* cs = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(ring.size()), 2);
        for (unsigned k = 0; k < ring.size(); ++k) GEOSCoordSeq_setXY_r(ctx, cs, k, ring[k].lon_deg, ring[k].lat_deg);
        rings.push_back(GEOSGeom_createLinearRing_r(ctx, cs));
      }
      polys.push_back(GEOSGeom_createPolygon_r(ctx, rings[0], rings.data() + 1, static_cast<unsigned>(rings.size() - 1)));
    }
    GEOSGeometry* g = GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size()));
    geoms.push_back(g);
    prepared.push_back(GEOSPrepare_r(ctx, g));
  }
  std::size_t inside = 0;
  for (auto _ : state) {
    inside = 0;
    for (const auto& r : rs) {
      GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx, r.lon_deg, r.lat_deg);
      for (const auto* p : prepared) inside += GEOSPreparedContains_r(ctx, p, pt) == 1;
      GEOSGeom_destroy_r(ctx, pt);
    }
  }
  // items = reports, as for Assess/verdicts_*; each report is prepared.size() tests.
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rs.size()));
  state.counters["inside"] = static_cast<double>(inside);
  state.counters["tests_per_report"] = static_cast<double>(prepared.size());
  for (const auto* p : prepared) GEOSPreparedGeom_destroy_r(ctx, p);
  for (auto* g : geoms) GEOSGeom_destroy_r(ctx, g);
  GEOS_finish_r(ctx);
}
BENCHMARK(Assess_geos_contains)->Name("Assess/geos_contains_1M")->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace

namespace {

// Report/daily_10k: the whole daily report (assessment of the 30-day window, fusion, coverage,
// summary, HTML, Markdown, SVG map and chart, GeoJSON) for a day with 10 000 reports.
void Report_daily(benchmark::State& state) {
  const auto& a = idlib();
  const int64_t day = 1543006800;  // 2018-11-24T00:00:00+03:00
  std::vector<assess::ReportView> rs;
  std::mt19937_64 rng(24);
  std::uniform_real_distribution<double> lon(36.2, 37.2), lat(35.3, 36.3), prec(100, 5000);
  std::uniform_int_distribution<int64_t> when(0, 86399);
  const char* kinds[] = {"shelling", "airstrike", "weapon_sighting", "group_presence", "patrol", "civilian_harm"};
  for (std::size_t i = 0; i < 10'000; ++i) {
    assess::ReportView r;
    r.id = fmt::format("d{}", i);
    r.label = r.id;
    r.kind = kinds[i % 6];
    r.has_location = true;
    r.lon_deg = lon(rng);
    r.lat_deg = lat(rng);
    r.precision_m = prec(rng);
    r.observed_unix = day + when(rng);
    r.time_precision = "minute";
    r.weapon_class = i % 2 ? "tank" : "mortar";
    r.actor = i % 3 ? "HTS" : "Syrian Arab Army";
    if (i % 6 == 5) r.fatalities = static_cast<int64_t>(i % 4);
    r.source_name = fmt::format("source-{}", i % 25);
    r.source_type = i % 5 ? "media" : "monitor";
    rs.push_back(std::move(r));
  }
  report::DailyOptions d;
  d.date = "2018-11-24";
  d.day_start = day;
  d.day_end = day + 86400;
  const std::string dir = (std::filesystem::temp_directory_path() / fmt::format("truceline-bench-report-{}", ::getpid())).string();
  for (auto _ : state) {
    assess::Options o;
    o.at = agreement::Instant(std::chrono::seconds(d.day_end - 1));
    o.since = agreement::Instant(std::chrono::seconds(day - 29 * 86400));
    const assess::Assessment s = assess::assess(a, rs, o);
    report::write_daily_report(a, s, d, dir);
    state.counters["incidents"] = static_cast<double>(s.incidents.size());
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rs.size()));
}
BENCHMARK(Report_daily)->Name("Report/daily_10k")->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
