// `truceline check`, `show` and `map`: agreements as data.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/query.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/io/file.hpp"

namespace truceline::cli {

namespace ag = agreement;
using nlohmann::json;

namespace {

std::string count(std::size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

int cmd_check(const std::string& path, Io& io) {
  const ag::Loaded l = ag::load(path);
  if (!l.problems.empty()) {
    for (const auto& p : l.problems) io.err << p.str() << "\n";
    io.err << fmt::format("truceline: {}: {}\n", path, count(l.problems.size(), "problem", "problems"));
    return 2;
  }
  const ag::Agreement& a = l.agreement;
  std::size_t parties = 0, groups = 0;
  for (const auto& x : a.actors) (x.is_group ? groups : parties)++;
  io.out << fmt::format("{}: ok: agreement {} \"{}\" (signed {})\n", path, a.id, a.title, a.signed_date);
  io.out << fmt::format("  {}, {}, {}, {}\n", count(a.sources.size(), "source", "sources"),
                        count(parties, "party", "parties"), count(groups, "group", "groups"),
                        count(a.designations.size(), "designation", "designations"));
  io.out << fmt::format("  {}, {}, {}\n", count(a.lines.size(), "line", "lines"), count(a.zones.size(), "zone", "zones"),
                        count(a.obligations.size(), "obligation", "obligations"));
  io.out << fmt::format("  {}, {}, {}, {}\n", count(a.posts.size(), "post", "posts"),
                        count(a.patrol_routes.size(), "patrol route", "patrol routes"),
                        count(a.weapon_classes.size(), "weapon class", "weapon classes"),
                        count(a.amendments.size(), "amendment", "amendments"));
  return 0;
}

std::string name_of(const ag::Agreement& a, const std::string& id) {
  const ag::Actor* x = a.actor(id);
  return x ? x->name : id;
}

std::string binds_text(const ag::Agreement& a, const ag::Binds& b) {
  std::vector<std::string> parts;
  for (const auto& p : b.parties) parts.push_back(name_of(a, p));
  for (const auto& g : b.groups) parts.push_back(name_of(a, g));
  if (!b.designated_status.empty()) {
    std::string s = "groups designated " + fmt::format("{}", fmt::join(b.designated_status, "/"));
    if (!b.designated_by.empty()) {
      std::vector<std::string> by;
      for (const auto& p : b.designated_by) by.push_back(name_of(a, p));
      s += " by " + fmt::format("{}", fmt::join(by, " or "));
    }
    parts.push_back(s);
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

// The normalized agreement, optionally as in force at t.
json show_json(const ag::Agreement& a, std::optional<ag::Instant> t) {
  json j;
  j["agreement"] = {{"id", a.id}, {"title", a.title}, {"signed", a.signed_date}, {"signatories", a.signatories}};
  if (t) j["at"] = ag::format_instant(*t);
  auto in = [&](const ag::Interval& iv) { return !t || iv.contains(*t); };
  json zones = json::array();
  for (const auto& z : a.zones) {
    if (!in(z.valid)) continue;
    json zj{{"id", z.id}, {"kind", z.kind}, {"title", z.title}};
    if (z.is_area) {
      zj["area"] = z.file.empty() ? "inline" : z.file;
    } else {
      zj["line"] = z.line;
      zj["depth_m"] = z.depth_m;
      zj["side"] = geo::to_string(z.side);
      if (!z.clip.empty()) zj["clip"] = z.clip;
      json readings = json::array();
      for (const auto& r : z.readings) readings.push_back({{"source", r.source}, {"depth_m", r.depth_m}});
      zj["readings"] = readings;
      json classes = json::array();
      for (const auto& c : z.depth_by_class) classes.push_back({{"weapon_class", c.weapon_class}, {"depth_m", c.depth_m}});
      zj["depth_by_class"] = classes;
    }
    if (z.valid.from) zj["valid_from"] = ag::format_instant(*z.valid.from);
    if (z.valid.until) zj["valid_until"] = ag::format_instant(*z.valid.until);
    if (!z.amendment.empty()) zj["amendment"] = z.amendment;
    zones.push_back(zj);
  }
  j["zones"] = zones;
  json des = json::array();
  for (const auto& d : a.designations) {
    if (!in(d.valid)) continue;
    json dj{{"group", d.group}, {"by", d.by}, {"status", d.status}, {"source", d.source}};
    if (d.valid.from) dj["valid_from"] = ag::format_instant(*d.valid.from);
    if (d.valid.until) dj["valid_until"] = ag::format_instant(*d.valid.until);
    des.push_back(dj);
  }
  j["designations"] = des;
  json obs = json::array();
  for (const auto& o : a.obligations) {
    if (!in(o.valid)) continue;
    json oj{{"id", o.id}, {"kind", o.kind}, {"text", o.text}, {"binds", binds_text(a, o.binds)}};
    if (!o.zone.empty()) oj["zone"] = o.zone;
    if (!o.weapon_classes.empty()) oj["weapon_classes"] = o.weapon_classes;
    if (o.deadline) {
      const auto s = ag::deadline_at(o, t.value_or(ag::Instant::max()));
      oj["deadline"] = ag::format_instant(*s.original);
      oj["effective_deadline"] = ag::format_instant(*s.effective);
      oj["extended"] = s.extended;
      if (t) oj["deadline_passed"] = s.passed;
      json ex = json::array();
      for (const auto& x : o.extensions) ex.push_back({{"until", ag::format_instant(x.until)}, {"source", x.source}});
      oj["extensions"] = ex;
    }
    if (!o.amendment.empty()) oj["amendment"] = o.amendment;
    obs.push_back(oj);
  }
  j["obligations"] = obs;
  json posts = json::array();
  for (const auto& p : a.posts) {
    if (t && !ag::post_active(p, *t)) continue;
    posts.push_back({{"id", p.id}, {"name", p.name}, {"operator", p.operator_id}, {"lon", p.position.lon_deg},
                     {"lat", p.position.lat_deg}, {"precision_m", p.precision_m}, {"approximate", p.approximate}});
  }
  j["posts"] = posts;
  return j;
}

int cmd_show(const std::string& path, const std::string& at, bool as_json, Io& io) {
  const ag::Agreement a = ag::load_valid(path);
  std::optional<ag::Instant> t;
  if (!at.empty()) t = parse_at("--at", at, a);
  const json j = show_json(a, t);
  if (as_json) {
    io.out << j.dump(2) << "\n";
    return 0;
  }
  io.out << fmt::format("{}: {} (signed {})\n", a.id, a.title, a.signed_date);
  io.out << (t ? fmt::format("As of {}\n", ag::format_instant(*t)) : std::string("All entries (no --at)\n"));
  io.out << "\nZones:\n";
  for (const auto& z : j["zones"]) {
    if (z.contains("area")) {
      io.out << fmt::format("  {:<14} {:<22} area {}\n", z["id"].get<std::string>(), z["kind"].get<std::string>(),
                            z["area"].get<std::string>());
      continue;
    }
    std::string readings;
    for (const auto& r : z["readings"])
      readings += fmt::format(", {:g} km per {}", r["depth_m"].get<double>() / 1000, r["source"].get<std::string>());
    std::string classes;
    for (const auto& c : z["depth_by_class"])
      classes += fmt::format(", {} {:g} km", c["weapon_class"].get<std::string>(), c["depth_m"].get<double>() / 1000);
    io.out << fmt::format("  {:<14} {:<22} {:g} km {} of line {}{}{}{}\n", z["id"].get<std::string>(),
                          z["kind"].get<std::string>(), z["depth_m"].get<double>() / 1000, z["side"].get<std::string>(),
                          z["line"].get<std::string>(), readings.empty() ? "" : " (other readings:" + readings.substr(1) + ")",
                          classes.empty() ? "" : " (by weapon class:" + classes.substr(1) + ")",
                          z.contains("clip") ? ", within " + z["clip"].get<std::string>() : "");
  }
  io.out << "\nDesignations:\n";
  for (const auto& d : j["designations"])
    io.out << fmt::format("  {} designates {} as {}{}\n", name_of(a, d["by"]), name_of(a, d["group"]),
                          d["status"].get<std::string>(),
                          d.contains("valid_from") ? " (from " + d["valid_from"].get<std::string>() + ")" : "");
  io.out << "\nObligations:\n";
  for (const auto& o : j["obligations"]) {
    std::string deadline;
    if (o.contains("deadline")) {
      deadline = " — deadline " + o["deadline"].get<std::string>();
      if (o["extended"].get<bool>()) deadline += ", extended to " + o["effective_deadline"].get<std::string>();
      if (o.contains("deadline_passed")) deadline += o["deadline_passed"].get<bool>() ? " (passed)" : " (pending)";
    }
    io.out << fmt::format("  {:<16} [{}] {}{}\n", o["id"].get<std::string>(), o["kind"].get<std::string>(),
                          o["text"].get<std::string>(), deadline);
    if (!o["binds"].get<std::string>().empty()) io.out << fmt::format("  {:<16} binds: {}\n", "", o["binds"].get<std::string>());
  }
  io.out << fmt::format("\nPosts: {}\n", j["posts"].size());
  for (const auto& p : j["posts"])
    io.out << fmt::format("  {:<24} {} ({:.4f}, {:.4f}) ±{:g} m{}\n", p["name"].get<std::string>(),
                          name_of(a, p["operator"]), p["lon"].get<double>(), p["lat"].get<double>(),
                          p["precision_m"].get<double>(), p["approximate"].get<bool>() ? ", approximate" : "");
  return 0;
}

// simplestyle-spec colours per zone kind.
const char* colour_of(const std::string& kind) {
  static const std::map<std::string, const char*> colours{{"demilitarized", "#d62728"},
                                                          {"security-corridor", "#ff7f0e"},
                                                          {"de-escalation-area", "#1f77b4"},
                                                          {"withdrawal-line", "#9467bd"},
                                                          {"holding-area", "#8c564b"},
                                                          {"disengagement-area", "#2ca02c"}};
  auto it = colours.find(kind);
  return it == colours.end() ? "#7f7f7f" : it->second;
}

int cmd_map(const std::string& path, const std::string& at, const std::string& out_path, Io& io) {
  const ag::Agreement a = ag::load_valid(path);
  const ag::Instant t = parse_at("--at", at, a);
  json features = json::array();
  // Area zones first (underneath), then line zones, lines, routes, posts.
  std::vector<const ag::Zone*> zones = ag::zones_in_force(a, t);
  std::stable_sort(zones.begin(), zones.end(), [](const ag::Zone* x, const ag::Zone* y) { return x->is_area > y->is_area; });
  for (const ag::Zone* z : zones) {
    const ag::ZoneInstance zi(a, *z);
    const geo::Zone g = zi.render();
    if (g.polygons.empty()) continue;
    geo::require_within_target(g, fmt::format("zone {}", z->id));
    json props{{"id", z->id},
               {"layer", "zone"},
               {"kind", z->kind},
               {"title", z->title.empty() ? z->id : z->title},
               {"stroke", colour_of(z->kind)},
               {"stroke-width", 2},
               {"fill", colour_of(z->kind)},
               {"fill-opacity", z->is_area ? 0.08 : 0.3}};
    if (!z->is_area) {
      props["depth_m"] = zi.depth_m();
      props["side"] = geo::to_string(z->side);
      props["max_boundary_error_m"] = std::round(g.check.max_error_m * 1e4) / 1e4;
    }
    features.push_back({{"type", "Feature"}, {"properties", props}, {"geometry", geo::polygon_geometry(g)}});
  }
  for (const auto& l : a.lines) {
    if (!ag::line_in_force(l, t)) continue;
    features.push_back({{"type", "Feature"},
                        {"properties",
                         {{"id", l.id},
                          {"layer", "line"},
                          {"title", l.id + (l.approximate ? fmt::format(" (approximate, ±{:g} m)", l.uncertainty_m) : "")},
                          {"stroke", "#000000"},
                          {"stroke-width", 3},
                          {"approximate", l.approximate},
                          {"uncertainty_m", l.uncertainty_m}}},
                        {"geometry", geo::line_geometry(l.geometry)}});
  }
  for (const auto& r : a.patrol_routes) {
    if (!r.valid.contains(t)) continue;
    features.push_back({{"type", "Feature"},
                        {"properties",
                         {{"id", r.id},
                          {"layer", "patrol_route"},
                          {"title", r.name.empty() ? r.id : r.name},
                          {"stroke", "#17becf"},
                          {"stroke-width", 3},
                          {"operators", r.operators}}},
                        {"geometry", geo::line_geometry(r.route)}});
  }
  for (const auto& p : a.posts) {
    if (!ag::post_active(p, t)) continue;
    features.push_back({{"type", "Feature"},
                        {"properties",
                         {{"id", p.id},
                          {"layer", "post"},
                          {"title", fmt::format("{} ({})", p.name, name_of(a, p.operator_id))},
                          {"marker-color", "#111111"},
                          {"marker-symbol", "triangle"},
                          {"marker-size", "small"},
                          {"operator", p.operator_id},
                          {"precision_m", p.precision_m},
                          {"approximate", p.approximate}}},
                        {"geometry", {{"type", "Point"}, {"coordinates", {p.position.lon_deg, p.position.lat_deg}}}}});
  }
  const json fc{{"type", "FeatureCollection"},
                {"properties", {{"agreement", a.id}, {"at", ag::format_instant(t)}}},
                {"features", features}};
  io::write_file_atomic(out_path, fc.dump() + "\n", io.out);
  if (!out_path.empty() && out_path != "-")
    io.err << fmt::format("truceline: wrote {} ({} features in force at {})\n", out_path, features.size(),
                          ag::format_instant(t));
  return 0;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  struct State {
    std::string positional, option;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("check", "validate an agreement file and list every problem");
  cmd->add_option("--agreement", st->option, "the agreement (TOML)")->type_name("FILE");
  cmd->add_option("agreement", st->positional, "the agreement (TOML): shorthand for --agreement FILE")
      ->type_name("FILE");
  return {cmd, [st](Io& io) {
            if (!st->positional.empty() && !st->option.empty())
              throw UsageError("give the agreement once: check --agreement FILE (or check FILE)");
            const std::string& path = st->option.empty() ? st->positional : st->option;
            if (path.empty()) throw UsageError("--agreement FILE is required (or check FILE)");
            return cmd_check(path, io);
          }};
}

Command add_show_command(CLI::App& app) {
  struct State {
    std::string path, at, format;
    bool json = false;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("show", "the normalized agreement (as in force at a date)");
  cmd->add_option("--agreement", st->path, "the agreement (TOML)")->type_name("FILE")->required();
  cmd->add_option("--at", st->at, "date or date-time (default: everything)")->type_name("TIME");
  add_format_option(cmd, st->format, {"text", "json"}, "output format");
  add_json_shorthand(cmd, st->json);
  return {cmd, [st, cmd](Io& io) {
            return cmd_show(st->path, st->at, chosen_format(cmd, st->format, st->json) == "json", io);
          }};
}

Command add_map_command(CLI::App& app) {
  struct State {
    std::string path, at, out = "-";
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("map", "every zone, line, post and patrol route in force, as styled GeoJSON");
  cmd->add_option("--agreement", st->path, "the agreement (TOML)")->type_name("FILE")->required();
  cmd->add_option("--at", st->at, "date or date-time")->type_name("TIME")->required();
  cmd->add_option("-o,--output", st->out, "output GeoJSON file ('-' = stdout)")->capture_default_str();
  return {cmd, [st](Io& io) { return cmd_map(st->path, st->at, st->out, io); }};
}

}  // namespace truceline::cli
