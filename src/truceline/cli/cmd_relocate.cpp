// `truceline relocate`: retries the place resolution of the current reports that have a place
// name and no location (unresolved, ambiguous, out of scope, ...), with today's gazetteer,
// --places files and --agreement, and appends each one now located as a correction that
// supersedes it; reports located by an older truceline (before the resolution rules) are
// judged again (docs/report-format.md, "Relocating reports").
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "truceline/cli/command.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/error.hpp"
#include "truceline/io/interrupt.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/store.hpp"

namespace truceline::cli {

namespace {

namespace st = store;
using nlohmann::json;

struct RelocateArgs {
  std::string db;
  PlaceFlags places;  // --agreement, --places
  std::optional<double> wait_s;  // --wait SECONDS; none: wait for the write lock as long as it takes
};

int relocate(const RelocateArgs& a, Io& io);

// SIGINT/SIGTERM/SIGHUP: nothing is written (the corrections are appended in one transaction
// at the end, after the last check), "interrupted: nothing relocated", exit 128 + signal.
int cmd_relocate(const RelocateArgs& a, Io& io) {
  const io::InterruptScope signals;
  try {
    return relocate(a, io);
  } catch (const io::Interrupted& e) {
    io.err << fmt::format("truceline: interrupted: nothing relocated ({})\n", io::InterruptScope::name(e.signal()));
    return 128 + e.signal();
  } catch (const InputError&) {
    // A signal that stopped a wait for the write lock: interrupted, not "store busy".
    if (const int signal = io::InterruptScope::caught()) {
      io.err << fmt::format("truceline: interrupted: nothing relocated ({})\n", io::InterruptScope::name(signal));
      return 128 + signal;
    }
    throw;
  }
}

int relocate(const RelocateArgs& a, Io& io) {
  // A missing or foreign file is refused as by every reader, a damaged one before it is
  // written (docs/store-integrity.md); then opened for writing, waiting for another writer.
  { const st::Store check = st::Store::open_existing(a.db); }
  st::check_before_write(a.db);
  PlaceContext ctx(a.places, true);  // relocation is all lookups: the gazetteer is needed now
  st::WriterOptions writer;
  writer.wait_s = a.wait_s;
  writer.give_up = [] { return io::InterruptScope::caught() != 0; };
  st::Store store = st::Store::create_or_open(a.db, writer);

  // How the new reports were located, recorded in each (deterministic: no time, no paths, so
  // the same relocation gives the same report id).
  json by = json::object();
  json files = json::array();
  for (const auto& s : ctx.resolver().gazetteer().sources()) files.push_back({{"file", s.name}, {"sha256", s.sha256}});
  by["gazetteer"] = files;
  if (ctx.area()) by["area"] = ctx.area()->description();

  struct Moved {
    std::string from, to;
    std::string place, located;
  };
  std::vector<st::Store::NewReport> fresh;
  std::vector<Moved> moved;
  std::size_t unresolved = 0, relocated = 0, unlocated = 0, stated = 0;
  store.query(st::Query{}, [&](const st::StoredReport& r) {
    io::InterruptScope::check();
    const json& j = r.report;
    const std::string place = j.value("place", std::string());
    if (place.empty() || j.contains("lon")) return;  // nothing to look up, or its own coordinates
    // Stated to be no point ("unlocated": a region named like a town, docs/report-format.md):
    // looking its name up again would put it at the town.
    if (const auto u = j.find("unlocated"); u != j.end() && u->is_string() && !u->get_ref<const std::string&>().empty()) {
      ++stated;
      return;
    }
    // A resolution without "status" was made by a truceline older than the resolution rules
    // (issue 10), which located ambiguous and out-of-area matches: it is judged again, and a
    // location the rules no longer give is withdrawn by a correction.
    const json& before = r.place_resolution;
    const bool legacy = before.is_object() && !before.contains("status");
    if (r.lon && !legacy) return;  // located under the current rules
    json res = ctx.resolve(place, j);
    const bool now = res.value("resolved", false);
    if (r.lon) {
      if (now && res["lon"].get<double>() == *r.lon && res["lat"].get<double>() == *r.lat) return;  // same place
    } else if (!now) {
      ++unresolved;
      return;
    }
    json next = j;
    next["supersedes"] = r.id;
    next["relocated_from"] = r.id;
    next["relocated_by"] = by;
    st::RowOutcome o = st::report_from_json(next);
    if (!o.report) throw std::runtime_error(fmt::format("relocating {}: {}", r.id, o.error));
    const std::string to = "r" + st::sha256_hex(o.report->canonical_json()).substr(0, 20);
    if (now) {
      ++relocated;
      moved.push_back({r.id, to, place,
                       fmt::format("= {} ({}, {}; {} {:.2f}; {})", res.value("name", std::string()),
                                   res.value("admin1", std::string()), res.value("country", std::string()),
                                   res.value("match", std::string()), res.value("score", 0.0),
                                   res.value("source", std::string()))});
    } else {
      ++unlocated;
      moved.push_back({r.id, to, place,
                       fmt::format("no longer located ({}): {}", res.value("status", std::string()),
                                   res.value("reason", std::string()))});
    }
    fresh.push_back({std::move(*o.report), std::move(res)});
  });
  io::InterruptScope::check();  // the last moment at which nothing is written
  if (!fresh.empty()) store.append("relocate", fresh);
  for (const auto& m : moved) io.out << fmt::format("{} -> {}: '{}' {}\n", m.from, m.to, m.place, m.located);
  io.out << fmt::format("relocated {}, still unresolved {}{}{}\n", relocated, unresolved,
                        unlocated ? fmt::format(", unlocated {} (located by an older truceline)", unlocated) : "",
                        stated ? fmt::format(", stated unlocated {} (not looked up)", stated) : "");
  return 0;
}

}  // namespace

Command add_relocate_command(CLI::App& app) {
  auto a = std::make_shared<RelocateArgs>();
  auto* cmd = app.add_subcommand(
      "relocate", "retry the place names of unlocated reports; append each one now located as a correction");
  cmd->add_option("--db", a->db, "the store")->type_name("FILE")->required();
  cmd->add_option("--agreement", a->places.agreement, "look places up only in this agreement's area of interest")
      ->type_name("FILE");
  cmd->add_option("--places", a->places.places,
                  "extra places (TSV: name, lon, lat, country, admin1, alternate_names), repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option("--wait", a->wait_s,
                  "wait at most this long for another import to finish, then fail (exit 2); default: as long as it "
                  "takes; 0: fail at once")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.0, 1e9));
  return {cmd, [a](Io& io) { return cmd_relocate(*a, io); }};
}

}  // namespace truceline::cli
