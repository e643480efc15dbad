#include "truceline/cli/app.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <thread>
#include <vector>

#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/geo/locate.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::cli {

double parse_depth(const std::string& text) {
  static const std::regex re(R"(^\s*([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*(m|km)\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, re))
    throw InputError(fmt::format(
        "--depth '{}': expected a positive number with a unit, m or km (e.g. 20km, 15000m, 0.5km)", text));
  // strtod saturates to inf / 0 on overflow / underflow: both are caught by the range checks.
  const double value = std::strtod((m[1].str() + m[3].str()).c_str(), nullptr);
  const double metres = m[4].str() == "km" ? value * 1000.0 : value;
  if (!(metres > 0)) throw InputError(fmt::format("--depth '{}': the depth must be greater than 0", text));
  if (!(metres <= geo::kMaxDepthM))
    throw InputError(fmt::format("--depth '{}': the depth must be at most 1000 km", text));
  return metres;
}

namespace {

// The line and zone definition shared by `zone` and `locate`.
struct ZoneArgs {
  std::string line_path, depth_text, side_text = "both";
  void add_to(CLI::App* cmd) {
    cmd->add_option("--line", line_path, "contact line: GeoJSON LineString/MultiLineString (bare, Feature or FeatureCollection)")
        ->required();
    cmd->add_option("--depth", depth_text, "zone depth with a unit: 20km, 15000m, 0.5km (at most 1000km)")->required();
    cmd->add_option("--side", side_text, "both (round caps at the ends), left or right of the line's direction")
        ->check(CLI::IsMember({"both", "left", "right"}))
        ->capture_default_str();
  }
  geo::ZoneSpec spec() const {
    geo::ZoneSpec s;
    s.side = *geo::parse_zone_side(side_text);
    s.depth_m = parse_depth(depth_text);
    return s;
  }
};

std::string json_number(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

int cmd_zone(const ZoneArgs& za, const std::string& clip_path, const std::string& out_path, std::ostream& out,
             std::ostream& err) {
  const geo::ZoneSpec spec = za.spec();
  const geo::GeodesicPolyline line(geo::read_line(za.line_path));
  std::optional<std::vector<geo::Polygon>> clip;
  if (!clip_path.empty()) clip = geo::read_area(clip_path);
  const geo::ZoneDefinition def(line, spec);
  const geo::Zone zone = geo::build_zone(def, {}, clip ? &*clip : nullptr);
  if (zone.polygons.empty()) throw InputError(clip_path + ": the clip area does not intersect the zone");
  const std::map<std::string, std::string> props{
      {"depth_m", json_number(spec.depth_m, 3)},
      {"side", fmt::format("\"{}\"", geo::to_string(spec.side))},
      {"vertex_count", std::to_string(zone.vertex_count)},
      {"max_boundary_error_m", json_number(zone.check.max_error_m, 4)},
      {"boundary_points_checked", std::to_string(zone.check.points_checked)},
  };
  geo::write_file_atomic(out_path, geo::zone_feature_collection(zone, props), out);
  if (!out_path.empty() && out_path != "-")
    err << fmt::format("truceline: wrote {} ({} polygon{}, {} vertices, max boundary error {:.3f} m)\n", out_path,
                       zone.polygons.size(), zone.polygons.size() == 1 ? "" : "s", zone.vertex_count,
                       zone.check.max_error_m);
  return 0;
}

// Progress on stderr when it is a terminal and the work has taken more than 2 s.
class Progress {
 public:
  explicit Progress(std::ostream& err) : err_(err), tty_(&err == &std::cerr && ::isatty(2)) {}
  void update(std::size_t done) {
    if (!tty_) return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (elapsed < 2.0 || now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    err_ << fmt::format("\rtruceline: {} points ({:.0f}/s)   ", done, done / elapsed) << std::flush;
  }
  ~Progress() {
    if (shown_) err_ << "\r\033[K" << std::flush;
  }

 private:
  std::ostream& err_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

int cmd_locate(const ZoneArgs& za, const std::string& points_path, const std::string& out_path, bool skip_bad,
               unsigned threads, std::istream& in, std::ostream& out, std::ostream& err) {
  const geo::ZoneSpec spec = za.spec();
  const geo::GeodesicPolyline line(geo::read_line(za.line_path));
  const geo::ZoneDefinition locator(line, spec);
  auto reader = open_points(points_path, in);

  const bool to_file = !out_path.empty() && out_path != "-";
  const std::string tmp = to_file ? out_path + ".tmp-" + std::to_string(::getpid()) : "";
  std::ofstream file;
  if (to_file) {
    std::error_code ec;
    if (std::filesystem::is_directory(out_path, ec))
      throw InputError(fmt::format("{}: cannot write: Is a directory", out_path));
    file.open(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw InputError(fmt::format("{}: cannot write: {}", out_path, std::strerror(errno)));
  }
  std::ostream& o = to_file ? static_cast<std::ostream&>(file) : out;
  struct Cleanup {
    std::string path;
    bool keep = false;
    ~Cleanup() {
      if (!path.empty() && !keep) std::remove(path.c_str());
    }
  } cleanup{tmp};

  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  constexpr std::size_t kBatch = 16384;  // rows in memory at once: memory stays bounded
  std::vector<PointRow> rows;
  std::vector<geo::Location> results(kBatch);
  rows.reserve(kBatch);
  std::size_t done = 0, skipped = 0;
  Progress progress(err);
  o << "id,lon,lat,distance_m,side,inside\n";
  std::string buf;
  for (bool more = true; more;) {
    rows.clear();
    PointRow row;
    while (rows.size() < kBatch && (more = reader->next(row))) {
      if (!row.error.empty()) {
        if (!skip_bad) throw InputError(fmt::format("{}: {}", reader->place(row), row.error));
        err << fmt::format("truceline: skipped {}: {}\n", reader->place(row), row.error);
        ++skipped;
        continue;
      }
      rows.push_back(std::move(row));
    }
    const std::size_t n = rows.size();
    const unsigned nt = static_cast<unsigned>(std::min<std::size_t>(threads, (n + 255) / 256));
    auto work = [&](unsigned t) {
      for (std::size_t i = t; i < n; i += std::max(1u, nt)) results[i] = locator.locate(rows[i].p);
    };
    if (nt <= 1) {
      work(0);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < nt; ++t) pool.emplace_back(work, t);
      for (auto& th : pool) th.join();
    }
    buf.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const auto& r = results[i];
      fmt::format_to(std::back_inserter(buf), "{},{},{},{:.3f},{},{}\n", csv_field(rows[i].id), rows[i].lon_text,
                     rows[i].lat_text, r.nearest.distance_m, geo::to_string(r.nearest.side),
                     r.inside ? "true" : "false");
    }
    o << buf;
    done += n;
    progress.update(done);
  }
  o.flush();
  if (!o) throw InputError(to_file ? out_path + ": cannot write" : "cannot write to standard output");
  if (to_file) {
    file.close();
    if (std::rename(tmp.c_str(), out_path.c_str()) != 0)
      throw InputError(fmt::format("{}: cannot write: {}", out_path, std::strerror(errno)));
    cleanup.keep = true;
  }
  if (skipped) err << fmt::format("truceline: skipped {} bad row{}\n", skipped, skipped == 1 ? "" : "s");
  return 0;
}

}  // namespace

int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"truceline: ceasefire and demilitarized-zone monitoring on the WGS84 ellipsoid", "truceline"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "truceline 0.1.0");

  ZoneArgs zone_args;
  std::string clip_path, zone_out = "-";
  auto* zone = app.add_subcommand("zone", "build a zone polygon (GeoJSON) along a contact line");
  zone_args.add_to(zone);
  zone->add_option("--clip", clip_path, "clip the zone to this GeoJSON Polygon/MultiPolygon area");
  zone->add_option("-o,--output", zone_out, "output GeoJSON file ('-' = stdout)")->capture_default_str();

  ZoneArgs locate_args;
  std::string points_path, locate_out = "-";
  bool skip_bad = false;
  unsigned threads = 0;
  auto* locate = app.add_subcommand("locate", "distance, side and zone membership of points (CSV out)");
  locate_args.add_to(locate);
  locate->add_option("points", points_path, "CSV with lon,lat[,id] columns or GeoJSON Points; '-' = stdin")
      ->required();
  locate->add_flag("--skip-bad", skip_bad, "skip bad rows (reported on stderr) instead of stopping");
  locate->add_option("-o,--output", locate_out, "output CSV file ('-' = stdout)")->capture_default_str();
  locate->add_option("--threads", threads, "worker threads (0 = one per core)")->capture_default_str();

  // The subcommand named on the command line, for messages and hints.
  std::string command;
  if (argc > 1 && argv[1][0] != '-') command = argv[1];
  const std::string hint =
      (command == "zone" || command == "locate") ? "truceline " + command + " --help" : "truceline --help";
  if (!command.empty() && command != "zone" && command != "locate") {
    err << "truceline: error: '" << command << "' is not a truceline command (commands: zone, locate)\n"
        << "Run '" << hint << "' for usage.\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    // CLI11 says "--depth: 1 required TEXT missing" for an option given without its value.
    static const std::regex missing(R"(^(-[-\w]+): 1 required .* missing$)");
    std::smatch m;
    if (std::regex_match(what, m, missing)) {
      const std::string option = m[1].str();
      what = option + " needs a value";
      if (option == "--depth") what += ", e.g. --depth 20km";
    }
    err << "truceline: error: " << what << "\nRun '" << hint << "' for usage.\n";
    return 2;
  }
  try {
    if (zone->parsed()) return cmd_zone(zone_args, clip_path, zone_out, out, err);
    if (locate->parsed())
      return cmd_locate(locate_args, points_path, locate_out, skip_bad, threads, in, out, err);
  } catch (const InputError& e) {
    out.flush();
    err << "truceline: error: " << e.what() << "\n";
    return 2;
  } catch (const geo::GeometryError& e) {
    out.flush();
    err << "truceline: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    out.flush();
    err << "truceline: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace truceline::cli
