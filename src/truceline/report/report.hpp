// The daily monitoring report (docs/daily-report.md): from an assessment covering the 30 days
// up to the end of the report's day, writes into a directory
//   report.html        self-contained (inline CSS and SVG; no script, no network)
//   report.md          the same content as Markdown (the map and charts as separate SVG links)
//   map.svg, chart.svg the map and the 30-day chart (also inlined in report.html)
//   incidents.geojson  the day's incidents as Points with their verdict and confidence
//   summary.json       the headline numbers and sections as data
// Deterministic: the same inputs give byte-identical files (stable order, fixed number
// formatting, no timestamps of the run). Each file is written atomically (temp + rename).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"

namespace truceline::report {

struct DailyOptions {
  std::string date;       // the report's local date, "YYYY-MM-DD"
  int64_t day_start = 0;  // unix seconds: 00:00 of `date` in the agreement's timezone
  int64_t day_end = 0;    // day_start + 86400 (the assessment's `at`)
  std::string title;      // default: "<agreement title> — daily monitoring report"
  std::string data_note;  // e.g. "Reports in this demo are synthetic." (printed prominently)
};

// The summary (what summary.json holds).
nlohmann::json daily_summary(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o);

// The map of the agreement's zones, lines, posts, patrol routes and the day's incidents.
std::string map_svg(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o);

// Daily counts over the 30 days up to the report's day.
std::string chart_svg(const assess::Assessment& s, const DailyOptions& o);

// Writes every file above into `dir` (created if missing).
void write_daily_report(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o,
                        const std::string& dir);

}  // namespace truceline::report
