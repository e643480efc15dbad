#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "truceline/cli/app.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/geo/locate.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::cli {

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

Command add_zone_command(CLI::App& app) {
  struct State {
    ZoneArgs zone;
    std::string clip_path, out_path = "-";
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("zone", "build a zone polygon (GeoJSON) along a contact line");
  st->zone.add_to(cmd);
  cmd->add_option("--clip", st->clip_path, "clip the zone to this GeoJSON Polygon/MultiPolygon area");
  cmd->add_option("-o,--output", st->out_path, "output GeoJSON file ('-' = stdout)")->capture_default_str();
  return {cmd, [st](Io& io) { return cmd_zone(st->zone, st->clip_path, st->out_path, io.out, io.err); }};
}

Command add_locate_command(CLI::App& app) {
  struct State {
    ZoneArgs zone;
    std::string points_path, out_path = "-";
    bool skip_bad = false;
    unsigned threads = 0;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("locate", "distance, side and zone membership of points (CSV out)");
  st->zone.add_to(cmd);
  cmd->add_option("points", st->points_path, "CSV with lon,lat[,id] columns or GeoJSON Points; '-' = stdin")
      ->required();
  cmd->add_flag("--skip-bad", st->skip_bad, "skip bad rows (reported on stderr) instead of stopping");
  cmd->add_option("-o,--output", st->out_path, "output CSV file ('-' = stdout)")->capture_default_str();
  cmd->add_option("--threads", st->threads, "worker threads (0 = one per core)")->capture_default_str();
  return {cmd, [st](Io& io) {
            return cmd_locate(st->zone, st->points_path, st->out_path, st->skip_bad, st->threads, io.in, io.out,
                              io.err);
          }};
}

}  // namespace truceline::cli
