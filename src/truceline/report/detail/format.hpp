// Formatting primitives of the daily report (format.cpp), shared by the summary, the section
// builders and every renderer: escaping, fixed-precision numbers, ISO and local times, lengths,
// verdict names and colours. Not part of the public contract (report.hpp).
//
// Lower case and joining of plain strings are truceline/text.hpp's (one home for the project);
// join() here joins a JSON array's cells; iso() wraps truceline/time.hpp's format_iso8601_utc.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "truceline/assess/assess.hpp"
#include "truceline/text.hpp"

namespace truceline::report::detail {

// Printed for a report or incident without a location (never measured from 0°, 0°).
inline constexpr const char* kLocationUnknown = "location unknown";

// &, <, >, " and ' as entities: safe in HTML/SVG text and in double- or single-quoted attributes.
std::string xml_escape(std::string_view text);

// Fixed precision, '-0.0' printed as '0.0' (deterministic output); "0" for NaN and infinities.
std::string fixed(double v, int decimals);

// `v` rounded to `decimals` places, -0 as 0: nlohmann prints the shortest representation, so
// summary.json shows 36.123456 rather than 36.123455999999997.
double rounded(double v, int decimals);

// "2018-10-12T05:30:00Z" (UTC).
std::string iso(int64_t unix_seconds);

// "violation", "compliant", "indeterminate", "not_applicable".
const char* verdict_name(assess::Verdict v);
// Display colour of a verdict (map, chart, badges).
const char* verdict_colour(assess::Verdict v);

inline constexpr const char* kViolationColour = "#d62728";
inline constexpr const char* kIndeterminateColour = "#f0a202";
inline constexpr const char* kCompliantColour = "#2ca02c";
inline constexpr const char* kNotApplicableColour = "#8c8c8c";

// "2018-10-12 08:30" in the agreement's local time (utc_offset_minutes).
std::string local_time(int64_t unix_seconds, int utc_offset_minutes);
// "2018-10-12".
std::string local_date(int64_t unix_seconds, int utc_offset_minutes);
// "UTC+03:00".
std::string utc_offset_text(int utc_offset_minutes);

// A length for people: "500 m", "2 km", "2.5 km".
std::string length_text(double metres);

// A JSON value as a table cell: strings as they are, null as "", booleans as "yes"/"no",
// anything else as its JSON text.
std::string str(const nlohmann::json& v);

// The elements of a JSON array as str() gives them, separated by `sep`.
std::string join(const nlohmann::json& arr, const char* sep = ", ");

}  // namespace truceline::report::detail
