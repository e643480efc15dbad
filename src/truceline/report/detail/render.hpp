// The renderers of the daily report, one file each: html.cpp (report.html), markdown.cpp
// (report.md), geojson.cpp (incidents.geojson), svg.cpp (map.svg, chart.svg and the coverage
// strip; map_svg()/chart_svg() are public, report.hpp). write.cpp calls them.
// Not part of the public contract (report.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "truceline/assess/assess.hpp"
#include "truceline/report/detail/sections.hpp"
#include "truceline/report/detail/summary.hpp"

namespace truceline::report::detail {

// report.html: self-contained (inline CSS; `map`, `chart` and `strip` are inlined SVG).
std::string html_of(const nlohmann::json& summary, const Sections& x, const std::string& map,
                    const std::string& chart, const std::string& strip);

// report.md: the same sections; the map and chart as links to map.svg and chart.svg.
std::string md_of(const nlohmann::json& summary, const Sections& x);

// incidents.geojson: the day's incidents as a FeatureCollection (null geometry without a location).
std::string geojson_of(const Digest& d);

// Horizontal strip of the coverage sectors (one cell per sector, grouped by zone/line).
std::string coverage_strip_svg(const assess::Assessment& s);

}  // namespace truceline::report::detail
