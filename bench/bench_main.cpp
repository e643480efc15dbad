// truceline-bench: Google Benchmark suites, plus a summary of the ratios between truceline and
// the baselines measured in the same run (items_per_second).
//
// The display honours --benchmark_format (console or json): the ratios are printed after
// the console table, or on stderr for the other formats, so `--benchmark_format=json` writes
// pure JSON on stdout. `make bench` also writes the raw JSON with --benchmark_out (see
// bench/results/README.md). The JSON context describes the machine: Google Benchmark's own
// keys (host, CPUs, MHz, caches, load) plus cpu_model, memory, os, compiler and command (the
// arguments, less the --benchmark_out* ones).
//
// `truceline-bench --export-scenario DIR [N]` writes the benchmark scenario as files instead
// (scenario.hpp: the line, the first N points, default 1 M, and a synthetic agreement): what
// bench/postgis.sh loads into PostGIS, so that the baseline answers for the same points.
#include <benchmark/benchmark.h>
#include <sys/utsname.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "scenario.hpp"

namespace {

// Collects the rates, passes everything on to the reporter the format flag asks for.
class RatioReporter : public benchmark::BenchmarkReporter {
 public:
  RatioReporter(std::unique_ptr<benchmark::BenchmarkReporter> inner, bool console)
      : inner_(std::move(inner)), console_(console) {}
  bool ReportContext(const Context& context) override {
    inner_->SetOutputStream(&GetOutputStream());
    inner_->SetErrorStream(&GetErrorStream());
    return inner_->ReportContext(context);
  }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      const auto it = r.counters.find("items_per_second");
      if (it == r.counters.end()) continue;
      const auto& n = r.run_name;  // the family name and its arguments, without iterations, min_time, ...
      rates_[n.args.empty() ? n.function_name : n.function_name + "/" + n.args] = it->second.value;
    }
    inner_->ReportRuns(runs);
  }
  void Finalize() override {
    inner_->Finalize();
    std::ostream& os = console_ ? GetOutputStream() : GetErrorStream();
    auto ratio = [&](const char* a, const char* b) {
      if (rates_.count(a) && rates_.count(b) && rates_[b] > 0) {
        char line[256];
        std::snprintf(line, sizeof line, "  %-28s / %-28s = %10.3gx  (%.3g vs %.3g items/s)\n", a, b,
                      rates_[a] / rates_[b], rates_[a], rates_[b]);
        os << line;
      }
    };
    os << "\nRatios (same run):\n";
    ratio("Locate/exact", "Locate/geos_prepared");
    ratio("Locate/locate", "Locate/geodesic_bruteforce");
    ratio("Locate/exact_nogrid", "Locate/geodesic_bruteforce");
    ratio("Locate/line", "Locate/agreement");
    ratio("Store/ingest_jsonl", "Store/sqlite3_import_floor");
    ratio("Assess/verdicts_1M/threads:1", "Assess/geos_contains_1M");
    os.flush();
  }

 private:
  std::unique_ptr<benchmark::BenchmarkReporter> inner_;
  bool console_;
  std::map<std::string, double> rates_;
};

std::string first_line_with(const char* file, const char* key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) {
      auto p = line.find_first_of(":=");
      if (p == std::string::npos) return line;
      p = line.find_first_not_of(" \t\"", p + 1);
      std::string v = p == std::string::npos ? "" : line.substr(p);
      while (!v.empty() && (v.back() == '"' || v.back() == ' ')) v.pop_back();
      return v;
    }
  return "unknown";
}

void add_machine_context(int argc, char** argv) {
  benchmark::AddCustomContext("cpu_model", first_line_with("/proc/cpuinfo", "model name"));
  const double mem_kb = std::strtod(first_line_with("/proc/meminfo", "MemTotal").c_str(), nullptr);
  char mem[64];
  std::snprintf(mem, sizeof mem, "%.1f GiB", mem_kb / (1024.0 * 1024.0));
  benchmark::AddCustomContext("memory", mem_kb > 0 ? mem : "unknown");
  utsname u{};
  const std::string kernel = ::uname(&u) == 0 ? std::string(u.sysname) + " " + u.release + " " + u.machine : "unknown";
  benchmark::AddCustomContext("os", first_line_with("/etc/os-release", "PRETTY_NAME") + ", " + kernel);
#if defined(__clang__)
  benchmark::AddCustomContext("compiler", std::string("clang ") + __clang_version__);
#elif defined(__GNUC__)
  benchmark::AddCustomContext("compiler", std::string("gcc ") + __VERSION__);
#endif
  std::string cmd = "truceline-bench";
  for (int i = 1; i < argc; ++i)  // where the output goes is not part of what was measured
    if (std::strncmp(argv[i], "--benchmark_out", 15) != 0) cmd += std::string(" ") + argv[i];
  benchmark::AddCustomContext("command", cmd);
}

std::string display_format(int argc, char** argv) {
  std::string f = "console";
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--benchmark_format=", 19) == 0) f = argv[i] + 19;
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::strcmp(argv[1], "--export-scenario") == 0) {
    try {
      truceline::bench::export_scenario(argv[2], argc >= 4 ? std::stoul(argv[3]) : 1'000'000);
    } catch (const std::exception& e) {
      std::cerr << "truceline-bench: --export-scenario: " << e.what() << "\n";
      return 1;
    }
    return 0;
  }
  add_machine_context(argc, argv);  // before Initialize, which consumes the benchmark flags
  const std::string format = display_format(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  std::unique_ptr<benchmark::BenchmarkReporter> inner;
  if (format == "json")
    inner = std::make_unique<benchmark::JSONReporter>();
  else if (format == "console")
    inner = std::make_unique<benchmark::ConsoleReporter>(benchmark::ConsoleReporter::OO_Tabular);
  else {
    std::cerr << "truceline-bench: --benchmark_format=" << format << " is not supported (console or json)\n";
    return 2;
  }
  RatioReporter reporter(std::move(inner), format == "console");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
