// The daily report's figures as data (summary.cpp): the day's selection (Digest) and
// summary.json. Not part of the public contract (report.hpp); daily_summary() is its public face.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/report/report.hpp"

namespace truceline::report::detail {

// Incidents whose first report falls in [start, end) (unix seconds), in the assessment's order.
std::vector<const assess::Incident*> incidents_in(const assess::Assessment& s, int64_t start, int64_t end);

// Everything the report needs about its day, computed once. Holds references: `a`, `s` and `o`
// must outlive it.
struct Digest {
  const agreement::Agreement& a;
  const assess::Assessment& s;
  const DailyOptions& o;
  std::vector<const assess::Incident*> day, previous;     // incidents of the day, of the day before
  std::map<std::size_t, std::size_t> incident_of_report;  // report -> index in s.incidents
  std::map<const assess::Incident*, std::size_t> number;  // day incidents: 1..n
  std::map<std::string, const agreement::Obligation*> obligation;

  Digest(const agreement::Agreement& a_, const assess::Assessment& s_, const DailyOptions& o_);

  // The incident a report belongs to (nullptr: none); its id ("" when none).
  const assess::Incident* incident_of(std::size_t report) const;
  std::string incident_id(std::size_t report) const;
  // The zone of an obligation, "(no zone)" when it has none or is unknown.
  std::string zone_of(const std::string& obligation_id) const;
  // The kind of an obligation ("" when unknown).
  std::string obligation_kind(const std::string& id) const;

  // "8 km NE of Surman" from the nearest observation post active on the day (geodesic
  // distance and azimuth); "at Surman" within 1 km; "" when no post is active. O(posts).
  std::string area(double lon, double lat) const;
  // The area of a report or incident with a location; kLocationUnknown without one (never
  // measured from 0°, 0°).
  std::string area_of(const assess::ReportView& r) const;
  std::string area_of(const assess::Incident& i) const;
  // The report's place name, else "35.4400°N 36.6400°E", else "".
  std::string place_of(const assess::ReportView& r) const;
};

// Claims as [{"value", "sources", "reports"}].
nlohmann::json claims_json(const std::vector<assess::Claim>& cs);

// When a report was observed: {"time", "date_only", "time_precision"} (docs/daily-report.md).
nlohmann::json time_fields(const assess::ReportView& r);
// An incident's span: {"first", "last", "date_only", "first_timed", "last_timed",
// "date_only_reports"}.
nlohmann::json time_fields(const assess::Incident& i, const assess::Assessment& s);

// The properties of one of the day's incidents that summary.json ("incidents") and
// incidents.geojson share: id, number, kind(s), precision_m, area, verdict, obligations,
// corroboration, confidence, sources, reports, contested. REQUIRES: `i` is in d.day.
nlohmann::json incident_json(const Digest& d, const assess::Incident& i);

// summary.json (docs/daily-report.md, "summary.json").
nlohmann::json summary_of(const Digest& d);

}  // namespace truceline::report::detail
