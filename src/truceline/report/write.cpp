// write_daily_report: the six files of the daily report into one directory.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <system_error>

#include "truceline/error.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/io/file.hpp"
#include "truceline/report/detail/render.hpp"
#include "truceline/report/detail/sections.hpp"
#include "truceline/report/detail/summary.hpp"
#include "truceline/report/report.hpp"

namespace truceline::report {

using detail::Digest;
using detail::geojson_of;
using detail::html_of;
using detail::md_of;
using detail::Sections;
using detail::sections_of;
using detail::summary_of;
using nlohmann::json;

void write_daily_report(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o,
                        const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(dir);
  if (fs::exists(p, ec) && !fs::is_directory(p, ec))
    throw InputError(fmt::format("{}: cannot write the report: exists and is not a directory", dir));

  io::write_file_set(dir, daily_report_files(a, s, o));
}

std::map<std::string, std::string> daily_report_files(const agreement::Agreement& a, const assess::Assessment& s,
                                                      const DailyOptions& o) {
  const Digest d(a, s, o);
  const json j = summary_of(d);
  const Sections x = sections_of(j, a);
  const std::string map = map_svg(a, s, o);
  const std::string chart = chart_svg(s, o);
  const std::string strip = detail::coverage_strip_svg(s);
  return {{"map.svg", map},
          {"chart.svg", chart},
          {"incidents.geojson", geojson_of(d)},
          {"summary.json", j.dump(2) + "\n"},
          {"report.md", md_of(j, x)},
          {"report.html", html_of(j, x, map, chart, strip)}};
}

std::vector<Town> load_towns(const std::string& gazetteer_path) {
  const gazetteer::Gazetteer g = gazetteer::Gazetteer::load(gazetteer_path);
  std::vector<Town> out;
  out.reserve(g.places().size());
  for (const auto& p : g.places())
    out.push_back({p.name, p.lon, p.lat, p.population, p.admin1(), p.country});
  return out;
}

DailyInput assess_day(const agreement::Agreement& a, const std::string& db, const std::string& date, int64_t day_start,
                      const std::string& note) {
  return assess_period(a, db, date, date, day_start, 1, note);
}

DailyInput assess_period(const agreement::Agreement& a, const std::string& db, const std::string& from,
                         const std::string& to, int64_t start, int days, const std::string& note,
                         const std::string& gazetteer) {
  if (days < 1 || days > kMaxPeriodDays)
    throw InputError(fmt::format("a report covers 1 to {} days, not {}", kMaxPeriodDays, days));
  DailyOptions d;
  d.date = from;
  d.date_to = to;
  d.days = days;
  d.day_start = start;
  d.day_end = d.day_start + int64_t{86400} * days;
  d.window_days = std::max(30, 2 * days);
  assess::Options o;
  // The period is [00:00, 24:00) local of its days; `at` is inclusive, hence one second before midnight.
  o.at = agreement::Instant(std::chrono::seconds(d.day_end - 1));
  o.since = agreement::Instant(std::chrono::seconds(d.day_end - int64_t{86400} * d.window_days));  // for the chart
  o.period_s = int64_t{86400} * days;
  assess::Assessment s = assess::assess_store(a, db, o);
  d.data_note = note;
  if (d.data_note.empty() && !s.reports.empty()) {
    bool synthetic = true;
    for (const auto& r : s.reports)
      synthetic = synthetic && std::find(r.tags.begin(), r.tags.end(), "synthetic") != r.tags.end();
    if (synthetic) d.data_note = "Every report in this assessment is tagged synthetic: invented for demonstration, not real events.";
  }
  // The section "Communication mechanism" when the store's ledger holds entries (an empty log,
  // as every store has since schema 3, leaves the report as it was: docs/daily-report.md).
  d.communication = load_communication(db);
  d.towns = load_towns(gazetteer.empty() ? gazetteer::default_data_file() : gazetteer);
  return {std::move(d), std::move(s)};
}

}  // namespace truceline::report
