// The daily report's figures as data (summary.cpp): the day's selection (Digest) and
// summary.json. Not part of the public contract (report.hpp); daily_summary() is its public face.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
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
  // Incidents of the period (one or more days), of the previous period of the same length.
  std::vector<const assess::Incident*> day, previous;
  std::map<std::size_t, std::size_t> incident_of_report;  // report -> index in s.incidents
  std::map<const assess::Incident*, std::size_t> number;  // the period's incidents: 1..n
  std::map<std::string, const agreement::Obligation*> obligation;
  std::map<std::string, std::size_t> report_of_label;     // assessment label -> report index
  // The line zones of the coverage sectors (s.sectors), to place an incident in a sector.
  struct SectorZone;
  std::vector<std::shared_ptr<SectorZone>> sector_zones;

  Digest(const agreement::Agreement& a_, const assess::Assessment& s_, const DailyOptions& o_);

  // The period [o.day_start, o.day_end) and the previous one.
  int64_t length() const { return o.day_end - o.day_start; }
  bool in_period(int64_t t) const { return t >= o.day_start && t < o.day_end; }
  bool in_previous(int64_t t) const { return t >= o.day_start - length() && t < o.day_start; }

  // How readers see a report: its source id, else its source and local time ("Synthetic Gov
  // Media 2018-11-24 08:30"); never the store's content hash (docs/daily-report.md, "Ids").
  std::string reader_label(std::size_t report) const;
  // The same for an assessment label (a source id or a store id); the label itself when unknown.
  std::string reader_label(const std::string& label) const;

  // The area an incident is counted in (docs/daily-report.md, "Areas"): a coverage sector of
  // the agreement ("dmz/0/003"), else the admin1 of the nearest gazetteer place, else
  // "location unknown". `basis` is "sector", "admin1" or "unknown".
  struct Area {
    std::string name, basis;
  };
  Area area_key(const assess::Incident& i) const;

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

// Claims as [{"value", "sources", "reports"}], the reports as readers see them (reader_label).
nlohmann::json claims_json(const Digest& d, const std::vector<assess::Claim>& cs);

// When a report was observed: {"time", "date_only", "time_precision"} (docs/daily-report.md).
nlohmann::json time_fields(const assess::ReportView& r);
// An incident's span: {"first", "last", "date_only", "first_timed", "last_timed",
// "date_only_reports"}.
nlohmann::json time_fields(const assess::Incident& i, const assess::Assessment& s);

// The properties of one of the day's incidents that summary.json ("incidents") and
// incidents.geojson share: id, number, kind(s), precision_m, area, verdict, obligations,
// corroboration, confidence, sources, reports, contested. REQUIRES: `i` is in d.day.
nlohmann::json incident_json(const Digest& d, const assess::Incident& i);

// The summary paragraph of a summary (summary.json's "summary_paragraph"): sentences from
// templates filled with its figures only.
std::string summary_paragraph(const nlohmann::json& summary);

// summary.json (docs/daily-report.md, "summary.json").
nlohmann::json summary_of(const Digest& d);

}  // namespace truceline::report::detail
