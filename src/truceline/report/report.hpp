// The daily monitoring report (docs/daily-report.md): from an assessment covering the 30 days
// up to the end of the report's day, writes into a directory
//   report.html        self-contained (inline CSS and SVG; no script, no network)
//   report.md          the same content as Markdown (the map and charts as separate SVG links)
//   map.svg, chart.svg the map and the 30-day chart (also inlined in report.html)
//   incidents.geojson  the day's incidents as Points with their verdict and confidence
//   summary.json       the headline numbers and sections as data
//
// Design: the figures are computed once, as data (summary.cpp: daily_summary, summary.json);
// section builders turn that data into tables of text (sections.cpp); each output has its own
// renderer (html.cpp, markdown.cpp, geojson.cpp, svg.cpp); write.cpp writes the files.
// Internals are in detail/.
//
// Units: times are unix seconds (UTC) in the API, ISO 8601 UTC ("...Z") in summary.json and
// incidents.geojson, and the agreement's local time (Agreement::utc_offset_minutes) in the
// text of report.html/report.md; distances, margins and precisions are metres (summary.json,
// rounded to 1 m), lengths of coverage lines km (0.1 km); coordinates are WGS84 degrees rounded
// to 6 decimals (about 0.1 m). The report day is [day_start, day_end); an incident belongs to
// the day of its first report. Every distance the report states (areas "8 km NE of Surman",
// the map's scale bar) is geodesic (GeographicLib); the map itself is an equirectangular
// display projection, not for measurement.
//
// Deterministic: the same inputs give byte-identical files (stable order, fixed number
// formatting, no timestamps of the run).
//
// Thread safety: every function reads its arguments only and keeps no state between calls;
// calls may run concurrently on the same const Agreement and Assessment. Concurrent
// write_daily_report calls must name different directories.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"

namespace truceline::report {

// One entry of the parties' shared log (docs/ledger.md) as the section "Communication
// mechanism" reads it (docs/daily-report.md). Already verified by whoever loaded it: the report
// does not check signatures.
struct LedgerEntry {
  uint64_t index = 0;
  std::string party;
  std::string type;              // report | ack | dispute | notification | review | correction
  std::optional<uint64_t> ref;   // the entry it answers
  nlohmann::json body;           // the signed body (a report for `report`)
  int64_t time_unix = 0;         // the entry's signed timestamp (the party's clock, within ±10 min of the server's)
};

// The log as the daily report sees it: its entries in index order (any entries; the section
// ignores those timed at or after the report day's end, so the same day always reads the same).
struct Communication {
  std::vector<LedgerEntry> entries;
};

// A place of the gazetteer as the report uses it: towns on the map (a context layer) and the
// admin1 area of an incident that no sector of the agreement covers.
struct Town {
  std::string name;
  double lon = 0, lat = 0;
  int64_t population = 0;  // 0 = unknown (GeoNames)
  std::string admin1;      // the admin1 name (or code), "" when unknown
  std::string country;     // ISO 3166-1 alpha-2
};

struct DailyOptions {
  std::string date;       // the report's (first) local date, "YYYY-MM-DD"
  int64_t day_start = 0;  // unix seconds: 00:00 of `date` in the agreement's timezone
  int64_t day_end = 0;    // day_start + days x 86400 (the assessment's `at` is one second before)
  // The period's last local date ("" = `date`) and its length in days: a report may cover
  // several days (`truceline report --from D1 --to D2`); the previous period has the same
  // length and ends where this one starts.
  std::string date_to;
  int days = 1;
  // The assessment window (the chart, the obligation table's totals): this many local days
  // ending with the period, at least 30 and at least twice the period (so that the previous
  // period lies in it).
  int window_days = 30;
  // Gazetteer places (load_towns); empty: no towns on the map and no admin1 areas (incidents
  // that no sector covers are then in the area "(no gazetteer)").
  std::vector<Town> towns;
  std::string title;      // default: "<agreement title> — daily monitoring report"
  std::string data_note;  // e.g. "Reports in this demo are synthetic." (printed prominently)
  // The store's ledger (load_communication); none when the store's log is empty: the section
  // "Communication mechanism" and summary.json's "communication" are then left out (the report
  // reads as before the ledger).
  std::optional<Communication> communication;
};

// The log of the store at `db_path` (read-only) as the report reads it: every entry, timed by
// its signed timestamp; nullopt when the log holds no entry (also a store from before the
// ledger, schema 1 or 2). Throws what ledger::Log::open_read_only throws (InputError, StoreError).
// Cost: reads and parses every envelope of the log, O(E).
std::optional<Communication> load_communication(const std::string& db_path);

// A patrol report matches a notified patrol when its location lies within this distance of the
// notified route, plus the report's own location precision (docs/daily-report.md, "Communication
// mechanism", where the figure is argued).
inline constexpr double kPatrolMatchDistanceM = 2000;

// summary.json's "communication" object for `c` on the day of `o` (docs/daily-report.md).
// Cost: O(E log E) for E entries, plus one geodesic nearest-point search per (notification,
// candidate patrol report) pair. Throws nothing of its own.
nlohmann::json communication_summary(const Communication& c, const DailyOptions& o);

// The summary: what summary.json holds (docs/daily-report.md, "summary.json"). `s` is an
// assessment of `a` (assess::assess*) covering the 30 days up to o.day_end.
// Throws: nothing of its own (std::out_of_range only for an assessment inconsistent with
// itself, e.g. an incident naming a report it does not hold).
// Cost: O(R log R + V log V) for R reports and V verdicts, plus one geodesic inverse per active
// observation post for each of the day's reports, incidents and listed sightings (their area).
nlohmann::json daily_summary(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o);

// The map (SVG 1.1, fixed viewBox, coordinates printed with one decimal) of the agreement's
// zones, lines, posts and patrol routes in force on the day, and the day's incidents. A zone
// that cannot be built is listed on the map as not drawn; nothing is thrown for it.
// Cost: dominated by building and rendering each zone in force from its definition (as
// `truceline zone` does), plus O(vertices + posts + routes + incidents).
std::string map_svg(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o);

// Daily incident counts (violation, indeterminate, other) over the 30 local days up to the
// report's day, as an SVG bar chart. O(incidents). Does not throw (but std::bad_alloc).
std::string chart_svg(const assess::Assessment& s, const DailyOptions& o);

// Writes every file above into `dir` (created, with its parents, if missing) as one set
// (io::write_file_set): the files go to DIR.tmp-PID, are fsync'd, and the folder is swapped
// with `dir` in one step, so a reader sees the previous set or this one, never a mix.
// Throws InputError: "DIR: cannot write the report: exists and is not a directory",
// "DIR: cannot replace the directory: it holds NAME …" (files that are not the report's),
// or "PATH: cannot write: reason" (e.g. "No space left on device"; the previous set is kept).
// Cost: daily_summary + map_svg + chart_svg, and the size of the files (written and fsync'd).
void write_daily_report(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o,
                        const std::string& dir);

// The six files write_daily_report writes, by name ("report.html", "report.md", "summary.json",
// ...), in memory (the server's GET /v1/report/DATE serves one of them).
std::map<std::string, std::string> daily_report_files(const agreement::Agreement& a, const assess::Assessment& s,
                                                      const DailyOptions& o);

// The daily report's inputs for the local day `date` ("YYYY-MM-DD") starting at `day_start`
// (unix seconds, 00:00 local), as `truceline report` builds them: the day is [day_start,
// day_start + 86400); the assessment is at the day's last second and covers 30 days (for the
// chart), in 1-day periods. `note` is the data note; when empty and every report is tagged
// `synthetic`, the note says so. Throws what assess::assess_store throws.
struct DailyInput {
  DailyOptions options;
  assess::Assessment assessment;
};
DailyInput assess_day(const agreement::Agreement& a, const std::string& db, const std::string& date, int64_t day_start,
                      const std::string& note);

// The places of a gazetteer file (data/gazetteer/places.tsv format) as towns. Throws InputError
// naming the file when it cannot be read. Cost: gazetteer::Gazetteer::load (~2,750 places).
std::vector<Town> load_towns(const std::string& gazetteer_path);

// The longest period a report covers (--from/--to), in days.
inline constexpr int kMaxPeriodDays = 31;

// The report's inputs for the local days `from` .. `to` (inclusive, "YYYY-MM-DD"), `days` of
// them, starting at `start` (unix seconds, 00:00 local of `from`): the period is
// [start, start + days x 86400), the assessment at its last second, over window_days days, in
// periods of `days` days (the obligations' trend compares the period with the one before).
// `gazetteer`: the places file for towns and admin1 areas ("" = gazetteer::default_data_file()).
// assess_day() is this for one day with the default gazetteer. Throws what
// assess::assess_store throws, and InputError for an unreadable gazetteer or 1 > days > 31.
DailyInput assess_period(const agreement::Agreement& a, const std::string& db, const std::string& from,
                         const std::string& to, int64_t start, int days, const std::string& note,
                         const std::string& gazetteer = "");

}  // namespace truceline::report
