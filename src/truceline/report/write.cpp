// write_daily_report: the six files of the daily report into one directory.
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <system_error>

#include "truceline/error.hpp"
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

  const Digest d(a, s, o);
  const json j = summary_of(d);
  const Sections x = sections_of(j, a);
  const std::string map = map_svg(a, s, o);
  const std::string chart = chart_svg(s, o);
  const std::string strip = detail::coverage_strip_svg(s);
  // One set: a reader of `dir` sees the previous day's six files or these six, never a mix.
  io::write_file_set(dir, {{"map.svg", map},
                           {"chart.svg", chart},
                           {"incidents.geojson", geojson_of(d)},
                           {"summary.json", j.dump(2) + "\n"},
                           {"report.md", md_of(j, x)},
                           {"report.html", html_of(j, x, map, chart, strip)}});
}

}  // namespace truceline::report
