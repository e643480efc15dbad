// Internal helpers of the daily report (report.cpp, svg.cpp): escaping, fixed-precision
// numbers, the report day's selection of incidents and reports, the coverage strip.
// Not part of the public contract (report.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/report/report.hpp"

namespace truceline::report::detail {

// &, <, >, " and ' as entities: safe in HTML/SVG text and in double- or single-quoted attributes.
std::string xml_escape(std::string_view text);

// Fixed precision, '-0.0' printed as '0.0' (deterministic output).
std::string fixed(double v, int decimals);

// "violation", "compliant", "indeterminate", "not_applicable".
const char* verdict_name(assess::Verdict v);
// Display colour of a verdict (map, chart, badges).
const char* verdict_colour(assess::Verdict v);

inline constexpr const char* kViolationColour = "#d62728";
inline constexpr const char* kIndeterminateColour = "#f0a202";
inline constexpr const char* kCompliantColour = "#2ca02c";
inline constexpr const char* kNotApplicableColour = "#8c8c8c";

// Incidents whose first report falls in [start, end), in the assessment's order.
std::vector<const assess::Incident*> incidents_in(const assess::Assessment& s, int64_t start, int64_t end);

// "2018-10-12 08:30" in the agreement's local time (utc_offset_minutes).
std::string local_time(int64_t unix_seconds, int utc_offset_minutes);
// "2018-10-12".
std::string local_date(int64_t unix_seconds, int utc_offset_minutes);
// "UTC+03:00".
std::string utc_offset_text(int utc_offset_minutes);

// A length for people: "500 m", "2 km", "2.5 km".
std::string length_text(double metres);

// "Geometry: as drawn in agreement <id>; approximate: line <id> (±5 km), 12 of 12 observation
// posts (see the agreement's sources)." From the agreement's own marks (approximate,
// uncertainty_m), never a scenario named by the renderer.
std::string geometry_note(const agreement::Agreement& a);

// Horizontal strip of the coverage sectors (one cell per sector, grouped by zone/line).
std::string coverage_strip_svg(const assess::Assessment& s);

}  // namespace truceline::report::detail
