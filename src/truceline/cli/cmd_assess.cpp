// `truceline assess` (verdicts, incidents, obligation status, coverage) and `truceline report`
// (the daily monitoring report). Parsing and printing only: the work is in assess/ and report/.
#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/io/spool.hpp"
#include "truceline/report/report.hpp"

namespace truceline::cli {

namespace ag = agreement;

namespace {

// "1d", "12h", "30m", "2w" or seconds.
int64_t parse_period(const std::string& text) {
  std::size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  const int64_t mult = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : unit == "d" ? 86400 : unit == "w" ? 7 * 86400 : 0;
  constexpr int64_t kMaxS = 100LL * 366 * 86400;  // a century: beyond, the periods leave the calendar
  if (used == 0 || v <= 0 || mult == 0 || v > kMaxS / mult)
    throw UsageError(
        fmt::format("--period '{}': expected a positive duration up to a century, such as 1d, 12h, 30m, 2w", text));
  return static_cast<int64_t>(v) * mult;
}

// The streamed output (docs/assessment.md, "Memory"): the same bytes as dumping the whole
// document with nlohmann's dump(2), written as the verdicts come.
//
// The verdict list is an array under a top-level key: each entry is dump(2) of the entry,
// indented by 4, entries joined by ",\n", the list "[\n" ... "\n  ]" ("[]" when empty). The
// rest of the document is a skeleton holding that key with an empty array, cut in two there.
std::string array_entry(const nlohmann::json& item) {
  const std::string text = item.dump(2);
  std::string out = "    ";
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

// The skeleton's text cut at each `"key": []` (in the order of `keys`; each must occur once):
// one more part than keys.
std::vector<std::string> cut_at_empty(const nlohmann::json& skeleton, const std::vector<std::string>& keys) {
  const std::string text = skeleton.dump(2) + "\n";
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (const auto& key : keys) {
    const std::string mark = nlohmann::json(key).dump() + ": []";
    const std::size_t at = text.find(mark, from);
    if (at == std::string::npos || text.find(mark, at + 1) != std::string::npos)
      throw std::logic_error("assess output: the skeleton does not hold " + mark + " once");
    const std::size_t cut = at + mark.size() - 2;
    parts.push_back(text.substr(from, cut - from));
    from = cut + 2;
  }
  parts.push_back(text.substr(from));
  return parts;
}

// A verdict as a GeoJSON Feature: its properties the verdict as in the JSON output, its
// geometry the report's effective location (a Point), null when the report has none.
nlohmann::json verdict_feature(nlohmann::json v) {
  const nlohmann::json& loc = v["effective_location"];
  nlohmann::json geometry = nullptr;
  if (loc.contains("lon") && loc["lon"].is_number() && loc.contains("lat") && loc["lat"].is_number())
    geometry = {{"type", "Point"}, {"coordinates", {loc["lon"], loc["lat"]}}};
  return {{"type", "Feature"}, {"properties", std::move(v)}, {"geometry", std::move(geometry)}};
}

int cmd_assess(const std::string& agreement_path, const std::string& db, const std::string& at, const std::string& since,
               const std::string& period, const std::string& format, const std::string& out, Io& io) {
  const ag::Agreement a = ag::load_valid(agreement_path);
  assess::Options o;
  o.at = parse_at("--at", at, a);
  if (!since.empty()) {
    o.since = parse_at("--since", since, a);
    if (*o.since > o.at) throw UsageError(fmt::format("--since {} is after --at {}", since, at));
  }
  if (!period.empty()) o.period_s = parse_period(period);
  const bool json = format == "json", geojson = format == "geojson";
  // Where the verdicts go as they come: a CSV or GeoJSON file straight into its temporary
  // (io::AtomicOutput); the JSON's verdicts (they come last, after the incidents that need
  // every report) and anything for standard output into a spool (io/spool.hpp), so that an
  // error found mid-scan (a damaged row) prints nothing. Opened at the first verdict, so that
  // the store's errors come first as before.
  const bool direct = !json && out != "-" && !out.empty();
  // The GeoJSON around its features (they come first in the dump): known before any verdict.
  const nlohmann::json head{{"agreement", a.id},
                            {"at", ag::format_instant(o.at)},
                            {"since", o.since ? nlohmann::json(ag::format_instant(*o.since)) : nlohmann::json(nullptr)}};
  const auto geo_parts = cut_at_empty(
      {{"type", "FeatureCollection"}, {"properties", head}, {"features", nlohmann::json::array()}}, {"features"});
  std::unique_ptr<io::AtomicOutput> file;
  std::unique_ptr<io::Spool> spool;
  std::ostream* body = nullptr;
  auto open_body = [&]() -> std::ostream& {
    if (body) return *body;
    if (direct) {
      file = std::make_unique<io::AtomicOutput>(out, io.out);
      body = &file->stream();
    } else {
      spool = std::make_unique<io::Spool>(io::spool_dir(out), out.empty() || out == "-" ? "<stdout>" : out);
      body = &spool->stream();
    }
    if (!json) *body << (geojson ? geo_parts[0] : assess::verdicts_csv_header());
    return *body;
  };
  bool first = true;
  // The JSON's incidents (they come before the obligations, which count them, and the report
  // count): into a spool of their own, in their order, as fusion finishes each.
  std::unique_ptr<io::Spool> incident_spool;
  assess::IncidentSink incidents{io::spool_dir(out), out.empty() || out == "-" ? "<stdout>" : out, {}, {}};
  if (json) {
    incidents.format = [](const assess::Incident& inc, const std::vector<assess::ReportView>& views) {
      return array_entry(assess::incident_json(inc, views));
    };
    incidents.write = [&](const std::string& text) {
      if (!incident_spool) {
        incident_spool = std::make_unique<io::Spool>(incidents.spool_dir, incidents.name);
        incident_spool->stream() << "[\n";
      } else {
        incident_spool->stream() << ",\n";
      }
      incident_spool->stream() << text;
    };
  }
  assess::StreamedAssessment s =
      assess::assess_store_streamed(a, db, o, incidents, [&](const assess::ReportView& r, const assess::VerdictRecord& v) {
        std::ostream& b = open_body();
        if (format == "csv") {
          b << assess::verdict_csv_line(r, v);
          return;
        }
        b << (first ? "[\n" : ",\n");
        first = false;
        nlohmann::json item = assess::verdict_json(r, v);
        if (geojson) item = verdict_feature(std::move(item));
        b << array_entry(item);
      });
  const std::string close_list = first ? "[]" : "\n  ]";
  if (!json) {
    open_body() << (geojson ? close_list + geo_parts[1] : std::string());
    if (spool) {  // standard output
      io::AtomicOutput o_out(out, io.out);
      spool->copy_to(o_out.stream());
      o_out.commit();
    } else {
      file->commit();
    }
  } else {
    nlohmann::json skeleton = assess::summary_json(a, s.events, s.reports);
    skeleton["verdicts"] = nlohmann::json::array();
    const auto parts = cut_at_empty(skeleton, {"incidents", "verdicts"});
    io::AtomicOutput o_out(out, io.out);
    std::ostream& w = o_out.stream();
    w << parts[0];
    if (incident_spool) {
      incident_spool->copy_to(w);
      w << "\n  ]";
    } else {
      w << "[]";
    }
    w << parts[1];
    if (first) {
      w << "[]";
    } else {
      spool->copy_to(w);
      w << "\n  ]";
    }
    w << parts[2];
    o_out.commit();
  }
  if (out != "-") {
    io.err << fmt::format("{}: {} reports, {} verdicts ({} violations), {} incidents\n", out, s.reports, s.verdicts,
                          s.violations, s.incidents);
  }
  return 0;
}

int cmd_report(const std::string& agreement_path, const std::string& db, const std::string& date, const std::string& from,
               const std::string& to, const std::string& dir, const std::string& note, Io& io) {
  const ag::Agreement a = ag::load_valid(agreement_path);
  // One day (--date), or the inclusive local days --from .. --to (e.g. a weekend).
  const LocalDay first = parse_day_option(date.empty() ? "--from" : "--date", date.empty() ? from : date, a.utc_offset_minutes);
  const LocalDay last = date.empty() ? parse_day_option("--to", to, a.utc_offset_minutes) : first;
  const int64_t span = ag::unix_seconds(last.start) - ag::unix_seconds(first.start);
  if (span < 0)
    throw UsageError(fmt::format("--to {} is before --from {}: give the first day with --from, the last with --to",
                                 last.date, first.date));
  const int days = static_cast<int>(span / 86400) + 1;
  if (days > report::kMaxPeriodDays)
    throw UsageError(fmt::format("--from {} --to {} covers {} days: a report covers at most {} days", first.date,
                                 last.date, days, report::kMaxPeriodDays));
  report::DailyInput in = report::assess_period(a, db, first.date, last.date, ag::unix_seconds(first.start), days, note,
                                                default_gazetteer_file());
  const report::DailyOptions& d = in.options;
  const assess::Assessment& s = in.assessment;
  report::write_daily_report(a, s, d, dir);
  const nlohmann::json sum = report::daily_summary(a, s, d);
  for (const char* f : {"report.html", "report.md", "map.svg", "chart.svg", "incidents.geojson", "summary.json"})
    io.out << dir << "/" << f << "\n";
  if (sum.contains("headline")) {
    const nlohmann::json& c = sum["headline"]["current"];
    const nlohmann::json& p = sum["headline"]["previous"];
    auto casualties = [](const nlohmann::json& x) {
      const auto lo = x.value("min", 0), hi = x.value("max", 0);
      return lo == hi ? std::to_string(lo) : fmt::format("{}-{}", lo, hi);
    };
    auto n = [](const nlohmann::json& x, const char* key, const char* one, const char* many) {
      const int v = x.value(key, 0);
      return fmt::format("{} {}", v, v == 1 ? one : many);
    };
    io.out << fmt::format(
        "headline {}: {} ({} {}), {} ({} corroborated, {} single-source), {} indeterminate, {} "
        "contested; civilian fatalities {}, injured {}; explosions {}; {} from {}\n",
        days == 1 ? d.date : d.date + ".." + d.date_to, n(c, "incidents", "incident", "incidents"),
        days == 1 ? "previous day" : "previous period", p.value("incidents", 0),
        n(c, "violations", "violation", "violations"), c.value("violations_corroborated", 0),
        c.value("violations_single_source", 0), c.value("indeterminate", 0), c.value("contested", 0),
        casualties(c["civilian_fatalities"]), casualties(c["civilian_injured"]), casualties(c["explosions"]),
        n(c, "reports", "report", "reports"), n(c, "sources", "source", "sources"));
    if (const int unknown = c.value("location_unknown", 0); unknown > 0)
      io.out << fmt::format("location unknown {}: {} of the {}'s reports could not be placed (not on the map)\n",
                            days == 1 ? d.date : d.date + ".." + d.date_to, unknown, days == 1 ? "day" : "period");
  }
  return 0;
}

}  // namespace

Command add_assess_command(CLI::App& app) {
  struct State {
    std::string agreement, db, at, since, period, format, out = "-";
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("assess", "verdicts of stored reports against an agreement's obligations at an instant");
  cmd->add_option("--agreement", st->agreement, "the agreement (TOML)")->type_name("FILE")->required();
  cmd->add_option("--db", st->db, "the report store (SQLite)")->type_name("FILE")->required();
  cmd->add_option("--at", st->at, "evaluation instant T: date or date-time (reports observed later are ignored)")
      ->type_name("TIME")->required();
  cmd->add_option("--since", st->since, "ignore reports observed before this date or date-time")->type_name("TIME");
  cmd->add_option("--period", st->period, "current period for the trend and coverage, ending at T (default 1d)");
  add_format_option(cmd, st->format, {"json", "csv", "geojson"},
                    "json (everything), csv or geojson (the verdicts only)");
  cmd->add_option("-o,--output", st->out, "output file ('-' = stdout)")->type_name("FILE")->capture_default_str();
  return {cmd, [st, cmd](Io& io) {
            // The period shapes the trend and coverage, which only the JSON carries.
            if (st->format != "json")
              refuse(cmd, {"--period"},
                     fmt::format("with --format {}: the trend and coverage are in the JSON only", st->format));
            return cmd_assess(st->agreement, st->db, st->at, st->since, st->period, st->format, st->out, io);
          }};
}

Command add_report_command(CLI::App& app) {
  struct State {
    std::string agreement, db, date, from, to, dir, note;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("report", "the daily monitoring report (HTML, Markdown, GeoJSON, summary)");
  cmd->add_option("--agreement", st->agreement, "the agreement (TOML)")->type_name("FILE")->required();
  cmd->add_option("--db", st->db, "the report store (SQLite)")->type_name("FILE")->required();
  cmd->add_option("--date", st->date, "the report's local date (YYYY-MM-DD, the agreement's timezone)")
      ->type_name("DATE");
  cmd->add_option("--from", st->from, "with --to: the first local day of a report covering several days")
      ->type_name("DATE");
  cmd->add_option("--to", st->to, "with --from: the last local day (inclusive; at most 31 days in all)")
      ->type_name("DATE");
  cmd->add_option("-o,--output", st->dir, "output directory")->type_name("DIR")->required();
  cmd->add_option("--note", st->note, "data note printed at the top of the report");
  return {cmd, [st, cmd](Io& io) {
            // --date DAY, or --from DAY --to DAY: exactly one of the two forms.
            if (given(cmd, "--date")) refuse(cmd, {"--from", "--to"}, "with --date (give --date DAY, or --from DAY --to DAY)");
            else if (!given(cmd, "--from") && !given(cmd, "--to"))
              throw UsageError("give the report's day with --date DAY, or several days with --from DAY --to DAY");
            else if (!given(cmd, "--from") || !given(cmd, "--to"))
              throw UsageError(fmt::format("{} needs {} (the first and the last day of the period, inclusive)",
                                           given(cmd, "--from") ? "--from" : "--to",
                                           given(cmd, "--from") ? "--to" : "--from"));
            return cmd_report(st->agreement, st->db, st->date, st->from, st->to, st->dir, st->note, io);
          }};
}

}  // namespace truceline::cli
