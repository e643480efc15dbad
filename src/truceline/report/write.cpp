// write_daily_report: the six files of the daily report into one directory.
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <string>
#include <system_error>

#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
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
  fs::create_directories(p, ec);
  if (ec) throw InputError(fmt::format("{}: cannot create the directory: {}", dir, ec.message()));

  const Digest d(a, s, o);
  const json j = summary_of(d);
  const Sections x = sections_of(j, a);
  const std::string map = map_svg(a, s, o);
  const std::string chart = chart_svg(s, o);
  const std::string strip = detail::coverage_strip_svg(s);
  auto out = [&](const char* name, const std::string& content) {
    geo::write_file_atomic((p / name).string(), content, std::cout);
  };
  out("map.svg", map);
  out("chart.svg", chart);
  out("incidents.geojson", geojson_of(d));
  out("summary.json", j.dump(2) + "\n");
  out("report.md", md_of(j, x));
  out("report.html", html_of(j, x, map, chart, strip));
}

}  // namespace truceline::report
