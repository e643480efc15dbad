// Section builders shared by the renderers (sections.cpp): summary.json turned into tables of
// plain-text cells, the method paragraphs and the attribution lines. HTML (html.cpp) and
// Markdown (markdown.cpp) render the same Sections, so their content cannot drift apart.
// Not part of the public contract (report.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"

namespace truceline::report::detail {

// A table as rows of plain-text cells (unescaped: each renderer escapes for its format).
struct Table {
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row_class;  // optional CSS class per row (HTML)
  std::string empty_text;              // printed instead of the table when it has no rows
};

// Every section of report.html / report.md, in the order they appear.
struct Sections {
  Table headline, incidents, by_kind, by_zone, areas, weapons, groups, harm, restrictions, coverage, contested,
      obligations, locations;
  std::string summary;  // the summary paragraph (summary.json "summary_paragraph")
  // How the period is named: "report day" / "previous day" for one day, "report period" /
  // "previous period" for several; "2018-11-24" or "2018-11-22 to 2018-11-24".
  std::string period_name, previous_name, period_dates;
  int window_days = 30;
  std::string locations_note;
  std::vector<std::string> method;
  std::vector<std::string> attribution;
  // "Communication mechanism": only when the summary has "communication" (the store has a ledger).
  bool communication = false;
  Table comm_by_party, comm_reports, comm_notifications;
  std::string comm_note;  // the paragraph under the heading (from the summary's figures)
};

// The sections of a summary (summary_of()) for agreement `a` (its timezone, its geometry note).
Sections sections_of(const nlohmann::json& summary, const agreement::Agreement& a);

// The tables of summary.json's "communication" object (communication.cpp), times shown at the
// agreement's UTC offset `utc_offset_minutes`. Sets x.communication.
void communication_sections(const nlohmann::json& communication, int utc_offset_minutes, Sections& x);

// "Geometry: as drawn in agreement <id>; approximate: line <id> (±5 km), 12 of 12 observation
// posts (see the agreement's sources)." From the agreement's own marks (approximate,
// uncertainty_m), never a scenario named by the renderer. (Attribution section and map note.)
std::string geometry_note(const agreement::Agreement& a);

// A change for people: "+2", "−3", "±0".
std::string delta(long long cur, long long prev);
// {"min", "max"} as "4" or "2–5".
std::string range(const nlohmann::json& min_max);

}  // namespace truceline::report::detail
