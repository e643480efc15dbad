#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string_view>
#include <nlohmann/json.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "truceline/cli/app.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/query.hpp"
#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/geo/locate.hpp"
#include "truceline/geo/zone.hpp"
#include "truceline/io/file.hpp"
#include "truceline/workers.hpp"

namespace truceline::cli {

namespace {

// The line and zone definition shared by `zone` and `locate`.
struct ZoneArgs {
  std::string line_path, depth_text, side_text = "both";
  // Agreement mode (docs/agreement-format.md).
  std::string agreement_path, at;
  void add_to(CLI::App* cmd) {
    cmd->add_option("--line", line_path, "contact line: GeoJSON LineString/MultiLineString (bare, Feature or FeatureCollection)")
        ->type_name("FILE");
    cmd->add_option("--depth", depth_text, "zone depth with a unit: 20km, 15000m, 0.5km (at most 1000km)")
        ->type_name("DEPTH");
    cmd->add_option("--side", side_text, "both (round caps at the ends), left or right of the line's direction")
        ->check(CLI::IsMember({"both", "left", "right"}))
        ->capture_default_str();
    cmd->add_option("--agreement", agreement_path, "take the zone(s) from this agreement (TOML) instead of --line/--depth")
        ->type_name("FILE");
    cmd->add_option("--at", at, "with --agreement: the date (or date-time) the zones are in force")->type_name("TIME");
  }
  // Either --line and --depth, or --agreement: a usage error otherwise.
  void require_mode(const CLI::App* cmd, const char* agreement_needs) const {
    if (!agreement_path.empty()) {
      if (!line_path.empty() || !depth_text.empty())
        throw UsageError("--agreement takes the line and depth from the agreement: drop --line/--depth");
      refuse(cmd, {"--side"}, "with --agreement: each zone's side is the agreement's");
      if (agreement_needs && std::string(agreement_needs) == "--at" && at.empty())
        throw UsageError("--agreement needs --at DATE (the zones in force then)");
      return;
    }
    if (line_path.empty()) throw UsageError("--line is required (or --agreement)");
    if (depth_text.empty()) throw UsageError("--depth is required, e.g. --depth 20km");
    if (!at.empty()) throw UsageError("--at goes with --agreement");
  }
  geo::ZoneSpec spec() const {
    geo::ZoneSpec s;
    s.side = *geo::parse_zone_side(side_text);
    s.depth_m = parse_depth(depth_text);
    return s;
  }
};

std::string json_number(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

// Measurement properties of a line zone's drawing.
void add_measurement(std::map<std::string, std::string>& props, const geo::Zone& zone, geo::ZoneSide side) {
  props["max_boundary_error_m"] = json_number(zone.check.max_error_m, 4);
  if (side != geo::ZoneSide::both) props["max_line_error_m"] = json_number(zone.check.max_line_error_m, 4);
  if (zone.check.clipped) props["max_clip_error_m"] = json_number(zone.check.max_clip_error_m, 4);
  props["boundary_points_checked"] = std::to_string(zone.check.points_checked);
}

std::string line_error_note(const geo::Zone& zone, geo::ZoneSide side) {
  std::string note = side == geo::ZoneSide::both ? "" : fmt::format(", line {:.3f} m", zone.check.max_line_error_m);
  if (zone.check.clipped) note += fmt::format(", clip {:.3f} m", zone.check.max_clip_error_m);
  return note;
}

int cmd_zone_agreement(const ZoneArgs& za, const std::string& zone_id, const std::string& reading,
                       const std::string& weapon_class, const std::string& out_path, std::ostream& out,
                       std::ostream& err) {
  if (zone_id.empty()) throw UsageError("--agreement needs --zone ID");
  const agreement::Agreement a = agreement::load_valid(za.agreement_path);
  const agreement::Zone* z = a.zone(zone_id);
  if (!z) {
    std::string ids;
    for (const auto& x : a.zones) ids += (ids.empty() ? "" : ", ") + x.id;
    throw UsageError(fmt::format("--zone {}: no such zone in {} (zones: {})", zone_id, za.agreement_path, ids));
  }
  // A --reading or --weapon-class the zone does not have is an error of that option.
  if (!reading.empty() && !weapon_class.empty())
    throw UsageError("--reading and --weapon-class cannot be combined (a depth is either a source's reading or a "
                     "weapon class's)");
  if (z->is_area && (!reading.empty() || !weapon_class.empty()))
    throw UsageError(fmt::format("{} does not apply to zone {}: an area zone has no depth",
                                 reading.empty() ? "--weapon-class" : "--reading", z->id));
  try {
    if (!z->is_area && !reading.empty()) agreement::depth_for(*z, reading);
    if (!z->is_area && !weapon_class.empty()) agreement::depth_for_class(a, *z, weapon_class);
  } catch (const UsageError&) {
    throw;
  } catch (const InputError& e) {
    throw UsageError(e.what());
  }
  if (!za.at.empty()) {
    const agreement::Instant t = parse_at("--at", za.at, a);
    if (!z->valid.contains(t))
      throw InputError(fmt::format("zone {} is not in force at {} (valid {} to {})", z->id, agreement::format_instant(t),
                                   z->valid.from ? agreement::format_instant(*z->valid.from) : "always",
                                   z->valid.until ? agreement::format_instant(*z->valid.until) : "open"));
  }
  const agreement::ZoneInstance zi(a, *z, reading, weapon_class);
  const geo::Zone zone = zi.render();
  if (zone.polygons.empty()) throw InputError(fmt::format("zone {} is empty (its clip area does not meet it)", z->id));
  geo::require_within_target(zone, fmt::format("zone {}", z->id));
  std::map<std::string, std::string> props{{"id", nlohmann::json(z->id).dump()},
                                           {"kind", nlohmann::json(z->kind).dump()},
                                           {"title", nlohmann::json(z->title.empty() ? z->id : z->title).dump()},
                                           {"vertex_count", std::to_string(zone.vertex_count)}};
  if (!z->is_area) {
    props["depth_m"] = json_number(zi.depth_m(), 3);
    props["side"] = fmt::format("\"{}\"", geo::to_string(z->side));
    props["reading"] = nlohmann::json(reading.empty() ? z->source : reading).dump();
    if (!weapon_class.empty()) props["weapon_class"] = nlohmann::json(weapon_class).dump();
    add_measurement(props, zone, z->side);
  }
  io::write_file_atomic(out_path, geo::zone_feature_collection(zone, props), out);
  if (!out_path.empty() && out_path != "-")
    err << fmt::format("truceline: wrote {} (zone {}, {} vertices, max boundary error {:.3f} m{})\n", out_path, z->id,
                       zone.vertex_count, zone.check.max_error_m, z->is_area ? "" : line_error_note(zone, z->side));
  return 0;
}

int cmd_zone(const ZoneArgs& za, const std::string& clip_path, const std::string& out_path, std::ostream& out,
             std::ostream& err) {
  const geo::ZoneSpec spec = za.spec();
  const geo::GeodesicPolyline line(geo::read_line(za.line_path));
  std::optional<std::vector<geo::Polygon>> clip;
  if (!clip_path.empty()) clip = geo::read_area(clip_path);
  const geo::ZoneDefinition def(line, spec);
  const geo::Zone zone = geo::build_zone(def, {}, clip ? &*clip : nullptr);
  if (zone.polygons.empty()) throw InputError(clip_path + ": the clip area does not intersect the zone");
  geo::require_within_target(zone, "zone");
  std::map<std::string, std::string> props{
      {"depth_m", json_number(spec.depth_m, 3)},
      {"side", fmt::format("\"{}\"", geo::to_string(spec.side))},
      {"vertex_count", std::to_string(zone.vertex_count)},
  };
  add_measurement(props, zone, spec.side);
  io::write_file_atomic(out_path, geo::zone_feature_collection(zone, props), out);
  if (!out_path.empty() && out_path != "-")
    err << fmt::format("truceline: wrote {} ({} polygon{}, {} vertices, max boundary error {:.3f} m{})\n", out_path,
                       zone.polygons.size(), zone.polygons.size() == 1 ? "" : "s", zone.vertex_count,
                       zone.check.max_error_m, line_error_note(zone, spec.side));
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

// The text a worker formats its rows into: fmt's buffer, whose resize() within its capacity
// is a size update (no fill, no call), for rows written in place.
using OutText = fmt::memory_buffer;
void append(OutText& out, std::string_view s) { out.append(s.data(), s.data() + s.size()); }

// Formats the output lines of one input row; one instance per worker thread.
class RowFormatter {
 public:
  virtual ~RowFormatter() = default;
  virtual void format(const PointRow& row, OutText& out) = 0;
  // rows[0..n) in order: one virtual call for many rows.
  virtual void format_rows(const PointRow* rows, std::size_t n, OutText& out) {
    for (std::size_t i = 0; i < n; ++i) format(rows[i], out);
  }
};
using FormatterFactory = std::function<std::unique_ptr<RowFormatter>()>;

// Streams points from `reader` through per-thread formatters, in input order, in batches
// (bounded memory), to `out_path` (atomic) or stdout.
int stream_points(PointReader& reader, const std::string& header, const FormatterFactory& factory,
                  const std::string& out_path, bool skip_bad, unsigned threads, std::ostream& out, std::ostream& err) {
  io::AtomicOutput output(out_path, out);
  std::ostream& o = output.stream();

  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<RowFormatter>> formatters;
  for (unsigned t = 0; t < threads; ++t) formatters.push_back(factory());
  // TEST ONLY (docs/errors.md): TRUCELINE_TEST_FAIL_ROW=<id> makes the worker formatting the
  // row with that id throw, so that the tests can check a worker's failure reaches the user.
  const char* fail_env = std::getenv("TRUCELINE_TEST_FAIL_ROW");
  const std::string fail_row = fail_env ? fail_env : "";
  constexpr std::size_t kBatch = 16384;  // rows in memory at once: memory stays bounded
  // The rows are read into place (their strings' buffers reused from batch to batch), and each
  // worker formats a contiguous share of the batch into one text of its own, written in one
  // piece: no allocation and no stream call per row.
  std::vector<PointRow> rows(kBatch);
  std::vector<OutText> texts(threads);
  std::size_t done = 0, skipped = 0;
  Progress progress(err);
  o << header << "\n";
  for (bool more = true; more;) {
    std::size_t n = 0;
    while (n < kBatch) {
      const std::size_t got = reader.next_rows(&rows[n], kBatch - n);
      if (got == 0) {
        more = false;
        break;
      }
      n += got;
      const PointRow& row = rows[n - 1];  // only the last can be bad (next_rows stops there)
      if (!row.error.empty()) {
        if (!skip_bad) throw InputError(fmt::format("{}: {}", reader.place(row), row.error));
        err << fmt::format("truceline: skipped {}: {}\n", reader.place(row), row.error);
        ++skipped;
        --n;  // its place is read into next
      }
    }
    const unsigned nt = static_cast<unsigned>(std::min<std::size_t>(threads, (n + 255) / 256));
    // A worker that throws stops the others; run() rethrows its exception here, so the
    // output is abandoned (no .tmp left) and the error reported as any other (workers.hpp).
    Workers workers;
    workers.run(nt, [&](unsigned t) {
      const std::size_t share = std::max(1u, nt);
      OutText& text = texts[t];
      text.clear();
      const std::size_t begin = n * t / share, end = n * (t + 1) / share;
      if (fail_row.empty()) {
        formatters[t]->format_rows(rows.data() + begin, end - begin, text);
        return;
      }
      for (std::size_t i = begin; i < end && !workers.failed(); ++i) {
        if (rows[i].id() == fail_row)
          throw InputError(fmt::format("{}: fault injected by TRUCELINE_TEST_FAIL_ROW (testing only)", reader.place(rows[i])));
        formatters[t]->format(rows[i], text);
      }
    });
    for (unsigned t = 0; t < std::max(1u, nt) && n > 0; ++t) o.write(texts[t].data(), static_cast<std::streamsize>(texts[t].size()));
    done += n;
    progress.update(done);
  }
  output.commit();
  if (skipped) err << fmt::format("truceline: skipped {} bad row{}\n", skipped, skipped == 1 ? "" : "s");
  return 0;
}

// `locate --fields`: the columns after id,lon,lat, in the order given.
enum class Field { distance_m, side, inside };
constexpr const char* kDefaultFields = "distance_m,side,inside";

std::vector<Field> parse_fields(const std::string& text) {
  std::vector<Field> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    Field f;
    if (name == "distance_m") f = Field::distance_m;
    else if (name == "side") f = Field::side;
    else if (name == "inside") f = Field::inside;
    else if (name.empty()) throw UsageError(fmt::format("--fields {}: an empty field name (fields: distance_m, side, inside, comma-separated)", text));
    else throw UsageError(fmt::format("--fields {}: unknown field '{}' (fields: distance_m, side, inside)", text, name));
    if (std::find(fields.begin(), fields.end(), f) != fields.end())
      throw UsageError(fmt::format("--fields {}: '{}' is given twice", text, name));
    fields.push_back(f);
    if (comma == std::string::npos) return fields;
    start = comma + 1;
  }
}

std::string fields_header(const std::vector<Field>& fields) {
  std::string h = "id,lon,lat";
  for (const Field f : fields) h += f == Field::distance_m ? ",distance_m" : f == Field::side ? ",side" : ",inside";
  return h;
}

// `locate --line`: the chosen columns. Membership alone is answered by the zone locator's
// grid (exact everywhere: the grid only decides cells wholly inside or outside, and points in
// the others get the exact computation, locate.hpp); any other column needs the exact nearest
// point, which gives the membership too.
class LineFormatter final : public RowFormatter {
 public:
  LineFormatter(const geo::ZoneDefinition& def, const geo::ZoneLocator* locator, const std::vector<Field>& fields)
      : def_(def), locator_(locator), fields_(fields) {}
  void format_rows(const PointRow* rows, std::size_t n, OutText& out) override {
    for (std::size_t i = 0; i < n; ++i) format(rows[i], out);  // not virtual here: inlined
  }
  void format(const PointRow& row, OutText& out) override {
    // id,lon,lat appended as they are (fmt's format parsing cost as much as the grid's answer).
    if (locator_ && row.id_plain) {  // membership only: the row in one piece
      const bool inside = locator_->contains(row.p);
      const std::string_view id = row.id(), lon = row.lon_text(), lat = row.lat_text();
      const std::size_t at = out.size(), n = id.size() + lon.size() + lat.size() + 2;
      out.resize(at + n + 8);  // room for the answer written as 8 bytes
      char* w = out.data() + at;
      // id, lon and lat next to each other in the row's text, a comma apart (a CSV record
      // "id,lon,lat" as read): one copy.
      if (lon.data() == id.data() + id.size() + 1 && lat.data() == lon.data() + lon.size() + 1 &&
          id.data()[id.size()] == ',' && lon.data()[lon.size()] == ',') {
        std::memcpy(w, id.data(), n);
      } else {
        std::memcpy(w, id.data(), id.size());
        w += id.size();
        *w++ = ',';
        std::memcpy(w, lon.data(), lon.size());
        w += lon.size();
        *w++ = ',';
        std::memcpy(w, lat.data(), lat.size());
      }
      std::memcpy(out.data() + at + n, inside ? ",true\n\0\0" : ",false\n\0", 8);
      out.resize(at + n + (inside ? 6 : 7));
      return;
    }
    if (row.id_plain) append(out, row.id());
    else append(out, csv_field(std::string(row.id())));
    out.push_back(',');
    append(out, row.lon_text());
    out.push_back(',');
    append(out, row.lat_text());
    if (locator_) {
      append(out, locator_->contains(row.p) ? ",true\n" : ",false\n");
      return;
    }
    const geo::Location r = def_.locate(row.p);
    for (const Field f : fields_) {
      if (f == Field::distance_m) {
        fmt::format_to(std::back_inserter(out), ",{:.3f}", r.nearest.distance_m);
      } else if (f == Field::side) {
        out.push_back(',');
        append(out, geo::to_string(r.nearest.side));
      } else {
        append(out, r.inside ? ",true" : ",false");
      }
    }
    out.push_back('\n');
  }

 private:
  const geo::ZoneDefinition& def_;
  const geo::ZoneLocator* locator_;  // non-null: --fields inside
  const std::vector<Field>& fields_;
};

// One row per point and zone in force, with the nearest active post.
class AgreementFormatter : public RowFormatter {
 public:
  AgreementFormatter(const agreement::Agreement& a, agreement::Instant t) {
    for (const agreement::Zone* z : agreement::zones_in_force(a, t)) zones_.emplace_back(std::make_unique<agreement::ZoneInstance>(a, *z));
    for (const auto& p : a.posts)
      if (agreement::post_active(p, t)) posts_.push_back({&p, geo::to_ecef(p.position), 0});
  }
  void format(const PointRow& row, OutText& out) override {
    const agreement::Post* post = nearest_post(row.p, post_d_);
    const std::string post_cols = post ? fmt::format("{},{:.3f}", csv_field(post->id), post_d_) : ",";
    for (const auto& z : zones_) {
      const auto w = z->locate(row.p);
      // Line zones: the side of the zone's line; area zones have no line (empty side), and
      // their distance is to the area's boundary.
      fmt::format_to(std::back_inserter(out), "{},{},{},{},{:.3f},{},{},{},{}\n", csv_field(std::string(row.id())),
                     row.lon_text(), row.lat_text(), csv_field(z->zone().id), w.distance_m, w.inside ? "true" : "false", post_cols,
                     w.side ? geo::to_string(*w.side) : "", z->zone().is_area ? "area_boundary" : "line");
    }
  }

 private:
  struct PostRef {
    const agreement::Post* post;
    std::array<double, 3> ecef;
    double chord_m;
  };
  // The active post nearest to p by geodesic distance (the first in the agreement's order
  // among equals), or null; its distance in `d`. The same answer as measuring every post, for
  // fewer geodesic solutions: the straight (ECEF) chord is never longer than the geodesic, so
  // posts are measured in order of their chord and the search stops at the first whose chord,
  // less 1 µm for rounding (GeographicLib's error is 15 nm), exceeds the best distance found.
  const agreement::Post* nearest_post(geo::LonLat p, double& d) {
    if (posts_.empty()) return nullptr;
    const auto pe = geo::to_ecef(p);
    for (auto& r : posts_) {
      const double dx = r.ecef[0] - pe[0], dy = r.ecef[1] - pe[1], dz = r.ecef[2] - pe[2];
      r.chord_m = std::sqrt(dx * dx + dy * dy + dz * dz);
    }
    order_.resize(posts_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return posts_[a].chord_m < posts_[b].chord_m || (posts_[a].chord_m == posts_[b].chord_m && a < b);
    });
    std::size_t best = posts_.size();
    for (const std::size_t i : order_) {
      if (best < posts_.size() && posts_[i].chord_m - 1e-6 > d) break;
      const double di = geo::distance_m(p, posts_[i].post->position);
      if (best == posts_.size() || di < d || (di == d && i < best)) {
        best = i;
        d = di;
      }
    }
    return posts_[best].post;
  }

  std::vector<std::unique_ptr<agreement::ZoneInstance>> zones_;
  std::vector<PostRef> posts_;
  std::vector<std::size_t> order_;
  double post_d_ = 0;
};

int cmd_locate(const CLI::App* cmd, const ZoneArgs& za, const std::string& fields_text, const std::string& points_path,
               const std::string& out_path, bool skip_bad, unsigned threads, std::istream& in, std::ostream& out,
               std::ostream& err) {
  za.require_mode(cmd, "--at");
  if (!za.agreement_path.empty()) {
    refuse(cmd, {"--fields"}, "with --agreement (its columns are fixed: docs/cli.md)");
    const agreement::Agreement a = agreement::load_valid(za.agreement_path);
    const agreement::Instant t = parse_at("--at", za.at, a);
    if (agreement::zones_in_force(a, t).empty())
      err << fmt::format("truceline: no zone of {} is in force at {}\n", a.id, agreement::format_instant(t));
    auto reader = open_points(points_path, in);
    return stream_points(*reader, "id,lon,lat,zone,distance_m,inside,nearest_post,post_distance_m,side,distance_to",
                         [&] { return std::make_unique<AgreementFormatter>(a, t); }, out_path, skip_bad, threads, out,
                         err);
  }
  const std::vector<Field> fields = parse_fields(fields_text);
  const geo::ZoneSpec spec = za.spec();
  const geo::GeodesicPolyline line(geo::read_line(za.line_path));
  const geo::ZoneDefinition def(line, spec);
  std::optional<geo::ZoneLocator> locator;
  // 2^17 cells, not the default 2^20: building the grid costs a sixth as much for a thicker
  // band of cells left to the exact computation. Measured with callgrind on the benchmark's
  // 200 km line and 1 M points: building 241 M instructions (2^18: 337 M, 2^20: ~0.9 G), the
  // grid and exact queries ~304 a point (2^18: ~235; 2^16: 167 M and ~400). Less work than
  // 2^18 below ~1.4 M points (a year of a mission's reports), more above (10 M points: ~5 %).
  // The answers are the same (exact) for any grid.
  if (fields == std::vector<Field>{Field::inside})
    locator.emplace(def, geo::LocatorOptions{.max_cells = std::size_t{1} << 17});
  auto reader = open_points(points_path, in);
  return stream_points(
      *reader, fields_header(fields),
      [&] { return std::make_unique<LineFormatter>(def, locator ? &*locator : nullptr, fields); }, out_path, skip_bad,
      threads, out, err);
}

}  // namespace

Command add_zone_command(CLI::App& app) {
  struct State {
    ZoneArgs zone;
    std::string clip_path, out_path = "-", zone_id, reading, weapon_class;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("zone", "build a zone polygon (GeoJSON) along a contact line");
  st->zone.add_to(cmd);
  cmd->add_option("--clip", st->clip_path, "clip the zone to this GeoJSON Polygon/MultiPolygon area")
      ->type_name("FILE");
  cmd->add_option("--zone", st->zone_id, "with --agreement: the zone id");
  cmd->add_option("--reading", st->reading, "with --agreement: the source whose reading of a disputed depth to use");
  cmd->add_option("--weapon-class", st->weapon_class, "with --agreement: the depth that applies to this weapon class");
  cmd->add_option("-o,--output", st->out_path, "output GeoJSON file ('-' = stdout)")->capture_default_str();
  return {cmd, [st, cmd](Io& io) {
            st->zone.require_mode(cmd, nullptr);
            if (!st->zone.agreement_path.empty()) {
              refuse(cmd, {"--clip"}, "with --agreement: the zone's clip area is the agreement's");
              return cmd_zone_agreement(st->zone, st->zone_id, st->reading, st->weapon_class, st->out_path, io.out,
                                        io.err);
            }
            if (!st->zone_id.empty() || !st->reading.empty() || !st->weapon_class.empty())
              throw UsageError("--zone, --reading and --weapon-class go with --agreement");
            return cmd_zone(st->zone, st->clip_path, st->out_path, io.out, io.err);
          }};
}

Command add_locate_command(CLI::App& app) {
  struct State {
    ZoneArgs zone;
    std::string points_path, out_path = "-", fields = kDefaultFields;
    bool skip_bad = false;
    unsigned threads = 0;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("locate", "distance, side and zone membership of points (CSV out)");
  st->zone.add_to(cmd);
  cmd->add_option("points", st->points_path, "CSV with lon,lat[,id] columns or GeoJSON Points; '-' = stdin")
      ->type_name("FILE")
      ->required();
  cmd->add_flag("--skip-bad", st->skip_bad, "skip bad rows (reported on stderr) instead of stopping");
  cmd->add_option("--fields", st->fields,
                  "columns after id,lon,lat, comma-separated: distance_m, side, inside (inside alone: membership only)")
      ->type_name("LIST")
      ->capture_default_str();
  cmd->add_option("-o,--output", st->out_path, "output CSV file ('-' = stdout)")->capture_default_str();
  cmd->add_option("--threads", st->threads, "worker threads (0 = one per core)")->capture_default_str();
  return {cmd, [st, cmd](Io& io) {
            return cmd_locate(cmd, st->zone, st->fields, st->points_path, st->out_path, st->skip_bad, st->threads, io.in, io.out,
                              io.err);
          }};
}

}  // namespace truceline::cli
