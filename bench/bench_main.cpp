// truceline-bench: Google Benchmark suites, plus a summary of the ratios between truceline and
// the baselines measured in the same run (items_per_second).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

namespace {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      const auto it = r.counters.find("items_per_second");
      if (it != r.counters.end()) rates_[r.run_name.function_name] = it->second.value;
      times_ms_[r.run_name.function_name] = r.GetAdjustedRealTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    auto ratio = [&](const char* a, const char* b) {
      if (rates_.count(a) && rates_.count(b) && rates_[b] > 0)
        std::printf("  %-26s / %-28s = %10.3gx  (%.3g vs %.3g items/s)\n", a, b, rates_[a] / rates_[b], rates_[a],
                    rates_[b]);
    };
    std::printf("\nRatios (same run):\n");
    ratio("Locate/exact", "Locate/geos_prepared");
    ratio("Locate/exact", "Locate/geodesic_bruteforce");
    ratio("Locate/exact_nogrid", "Locate/geodesic_bruteforce");
    ratio("Store/ingest_jsonl", "Store/sqlite3_import_floor");
    ratio("Assess/verdicts_1M", "Assess/geos_contains_1M");
  }

 private:
  std::map<std::string, double> rates_, times_ms_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter(benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
