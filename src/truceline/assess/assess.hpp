// Compliance assessment (docs/assessment.md): reports against an agreement's obligations at an
// evaluation instant T, with the uncertainty of each report carried through to the verdict.
//
// For every report observed in [since, T] and every obligation the report's kind bears on:
//   where — exact geodesic distance from the report to the obligation's zone (GeographicLib,
//           through agreement::ZoneInstance), against the report's precision radius r:
//           `inside` when the whole disc of radius r lies in the zone (margin ≥ r), `outside`
//           when it lies wholly outside (margin < −r), else `indeterminate`. The margin is a
//           lower bound of the distance to the zone boundary (exact for unclipped two-sided and area
//           zones; for one-sided and clipped zones the smallest of the distances to the depth
//           line, the territory line and the clip boundary — never larger than the truth).
//           A zone built on a line with an uncertainty u (its [[line]] uncertainty_m): the
//           line-derived boundary is widened by u, so a disc within r + u of it is
//           `indeterminate` (reason line_uncertainty). Outside the zone, a report is evidence of
//           compliance only within Options::observation_reach_m of it.
//   when  — the report's time window (observed_at widened by its precision) against the
//           obligation's deadline, extensions and validity; a window holding the deadline is
//           `straddles` (indeterminate).
//   who   — the actor text resolved through the agreement's aliases to a party or group; the
//           group's designations at the report's time by every designator; when the designators
//           an obligation names disagree, the verdict is marked contested, naming them.
//   what  — the weapon text resolved to a weapon class (aliases; parents count) against the
//           obligation's classes; the zone's depth for that class when depth depends on it.
// Then reports describing the same event are fused into incidents (incidents.cpp), and the
// obligations' status, the trend and the observation coverage along the line are summarised.
//
// Thread safety: assess() uses one worker per hardware thread, each with its own zone
// instances; the inputs are only read.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/query.hpp"

namespace truceline::store {
struct StoredReport;
}

namespace truceline::assess {

using agreement::Instant;

// What assessment reads of a stored report.
struct ReportView {
  std::string id;     // the store id ("r…")
  std::string label;  // source_id when it has one, else id: how verdicts name the report
  int64_t observed_unix = 0;
  std::string time_precision = "day";
  // A bare date ("2018-10-10"): the store keeps it as 00:00 UTC; assess() reads it as 00:00
  // of that day in the agreement's timezone, and widens its window by the offset.
  bool date_only = false;
  // The effective location (store::effective_location, docs/report-format.md): the report's
  // own coordinates, or its place resolved at ingest, or none. Without one, lon/lat are
  // meaningless: the report is never measured, never drawn, counted as "location unknown".
  bool has_location = false;
  double lon_deg = 0, lat_deg = 0;
  double precision_m = 0;      // location uncertainty radius used, metres
  // How it was obtained: "coordinates", "place" or "unresolved". Views built by hand may leave
  // it empty: then "coordinates" when has_location, else "unresolved" (location_json()).
  std::string location_method;
  std::string precision_from;    // report | default (by source type) | place
  bool place_ambiguous = false;  // located through a place name with several candidates
  std::string place;             // as written
  std::string place_matched, place_match;  // the gazetteer's name and match kind (method place)
  std::optional<double> place_score;       // the match score (method place)
  std::string location_reason;             // why there is no location (method unresolved)
  std::string kind, weapon_class, actor, target, summary;
  std::optional<int64_t> weapon_count, fatalities, injured;
  std::optional<int64_t> explosions;  // explosions the report counts (docs/report-format.md)
  std::string source_name, source_type, reliability = "F";
  int credibility = 6;
  std::vector<std::string> tags;
  // Who actually saw or said it (witness_key()-normalised): the outlets a compiled report
  // cites (`cites` in JSONL, ACLED's `source` column), else the source itself. Two reports
  // sharing a witness are not independent (docs/assessment.md, "Independent sources").
  std::vector<std::string> witnesses;
};

// A source or outlet name as compared for independence: folded (gazetteer::fold), without a
// parenthesised abbreviation and with trailing generic words dropped ("Step News Agency" ==
// "Step News" == "step news").
std::string witness_key(const std::string& name);
// Every key a witness is known by: witness_key(), and "initials:X" for the initials of a name
// of three words or more, for a one-word name, and for an abbreviation in parentheses — so
// "SOHR", "Syrian Observatory for Human Rights" and "… (SOHR)" are one witness. Two names
// with the same initials are taken for one witness too: the error, if any, is to count fewer
// independent sources, never more.
std::vector<std::string> witness_keys(const std::string& name);
// The witnesses of a stored report's JSON (see ReportView::witnesses), sorted, distinct.
std::vector<std::string> witnesses_of(const nlohmann::json& report);

// What assessment reads of a stored report; the location is store::effective_location()'s.
ReportView from_stored(const store::StoredReport& r);

// The report's effective location as every output prints it (store::to_json of
// EffectiveLocation: {"method", "lon", "lat", "precision_m", "precision_from", "place",
// "matched", "match", "score", "reason"}), coordinates to 1e-6 degree, precision to 0.1 m.
nlohmann::json location_json(const ReportView& r);

enum class Verdict { violation, compliant, indeterminate, not_applicable };
enum class WhereStatus { inside, outside, indeterminate, not_assessed };
enum class TimeStatus {
  before_deadline,   // the whole window is before the (effective) deadline
  after_deadline,    // the whole window is after the effective deadline
  within_extension,  // after the original deadline, before the extended one
  straddles,         // the window holds a deadline: indeterminate
  in_force,          // no deadline; the obligation is in force over the whole window
  partly_in_force,   // the window holds the start or end of the obligation's validity
  not_in_force,      // the obligation is not in force at that time
};
const char* to_string(Verdict v);
const char* to_string(WhereStatus s);
const char* to_string(TimeStatus s);

// A reason is recorded as its code and the numbers its message needs; the message is made
// when the verdict is printed (reason_message()), not for every verdict assessed (issue 15:
// formatting every message cost about a tenth of the assessment). A record built by hand may
// give the message itself.
struct Reason {
  const char* code = "";  // stable, machine-readable (docs/assessment.md lists them); static
  std::string message;    // for people; empty: made from the parameters by reason_message()
  // The message's parameters (which ones: reason_message() in assess.cpp, by code): metres,
  // instants, and a text of the agreement (it outlives the record).
  double x[3] = {0, 0, 0};
  int64_t t[3] = {0, 0, 0};
  const std::string* text = nullptr;
};

struct WhereCheck {
  WhereStatus status = WhereStatus::not_assessed;
  bool measured = false;     // distance_m and margin_m hold a measurement
  std::string zone;
  double depth_m = 0;        // line zones: the depth used (weapon-class dependent)
  double distance_m = 0;     // to the zone's line (line zones) or boundary (area zones)
  double margin_m = 0;       // signed: > 0 inside; a lower bound of the distance to the boundary
  double precision_m = 0;    // the report's radius
};

struct TimeCheck {
  TimeStatus status = TimeStatus::in_force;
  int64_t window_start = 0, window_end = 0;  // unix seconds, closed interval
  std::optional<Instant> deadline, effective_deadline;
};

struct ActorCheck {
  std::string text;   // as written
  std::string id;     // party or group id; empty when not resolved
  std::string how;       // how it was resolved (assess/actors.hpp): alias | alias_in_text | demonym | state_forces
  std::string category;  // unidentified | civilians | protesters | rioters | state_forces (of a non-party)
  std::string stripped;  // qualifiers removed before matching ("(Syria)", "(2000-)")
  std::string matched;   // what matched (folded); for category "several", the ids found
  bool is_group = false;
  // designator -> status at the report's time (several statuses by one designator: joined
  // with ",", in the agreement's order)
  std::map<std::string, std::string> designations;
  std::vector<std::string> contested_by;  // designators the obligation names who disagree
  bool contested = false;
};

struct WhatCheck {
  std::string text;   // weapon as written
  std::string weapon_class;  // resolved class id; empty when not resolved
  bool matched = false;      // the class (or a parent) is one of the obligation's
};

struct VerdictRecord {
  std::size_t report = 0;  // index into Assessment::reports
  std::string obligation;
  // The obligation assessed (the agreement's; its lifetime): what reason messages quote of it.
  // Null in records built by hand (their reasons carry their messages).
  const agreement::Obligation* ob = nullptr;
  Verdict verdict = Verdict::not_applicable;
  WhereCheck where;
  TimeCheck when;
  ActorCheck who;
  WhatCheck what;
  std::vector<Reason> reasons;
};

// A claim as reported, with who claims it.
struct Claim {
  std::string value;
  std::vector<std::string> sources;  // source names, sorted
  std::vector<std::string> reports;  // report labels
};

struct Incident {
  std::string id;            // "i" + 12 hex of a hash of its reports' ids (stable)
  std::string kind;          // the most reported kind (ties: alphabetical)
  std::vector<std::string> kinds;
  int64_t first_unix = 0, last_unix = 0;  // observation instants (a bare date: 00:00 local)
  // Every report gives only a date (day or coarser, no time of day): first/last are the starts
  // of those days, not times.
  bool date_only = false;
  // The span of its reports that give a time of day; unset when none does.
  std::optional<int64_t> timed_first_unix, timed_last_unix;
  // The location: the anchor's (its most precise report). Reports without a location stand
  // alone, so an incident has a location exactly when its anchor does; without one, lon/lat
  // are meaningless and the incident is never drawn.
  bool has_location = false;
  std::size_t anchor = 0;  // index into Assessment::reports
  double lon_deg = 0, lat_deg = 0, precision_m = 0;
  std::vector<std::size_t> reports;  // indices, by time
  std::vector<std::string> sources;  // distinct source names
  // Reports sharing a witness form one group (transitively); groups are independent of each
  // other. Each group: its source names, sorted.
  std::vector<std::vector<std::string>> source_groups;
  int independent_sources = 0;       // the number of source groups
  bool corroborated = false;         // >= 2 groups of >= 2 source types, or a monitor among them
  double confidence = 0;             // 0..1: 1 - prod over groups of (1 - the group's best weight)
  std::string confidence_label;      // high | medium | low
  std::string confidence_note;       // why, when the label could surprise (corroborated but low)
  std::vector<Claim> attribution;    // one per distinct resolved actor (text when unresolved)
  std::vector<Claim> fatalities;     // one per distinct count
  bool contested = false;            // attribution or counts differ between sources
  Verdict verdict = Verdict::not_applicable;  // the strongest verdict among its reports
  std::vector<std::string> obligations;       // obligations it violates (or may violate)
  // A report of day precision that matches several incidents timed within that day could
  // describe any of them: it stands alone and names them here (ids), instead of merging them.
  std::vector<std::string> possibly_same_as;
};

struct ObligationStatus {
  std::string id, kind, text, zone;
  bool in_force = false;  // at T
  agreement::DeadlineState deadline;
  int violations = 0, violations_corroborated = 0, violations_single_source = 0, violations_contested = 0;
  int indeterminate = 0, compliant = 0;  // verdict counts (reports)
  int period_violations = 0, previous_period_violations = 0;  // incidents, for the trend
  std::string trend;  // up | down | flat
  std::string latest_report;  // label of the latest violation or evidence report
  int64_t latest_unix = 0;
  bool latest_date_only = false;  // that report gives only a date
};

struct Sector {
  std::string id;    // "<zone>/<line part>/<index>"
  std::string zone, line;
  double from_km = 0, to_km = 0;  // along the line part
  geo::LonLat start, end;
  int observations = 0, violations = 0;
  std::string status;  // clear | violations | unobserved
};

struct Options {
  Instant at;                     // T: reports observed after T are not considered
  std::optional<Instant> since;   // reports observed before are not considered
  int64_t period_s = 86400;       // the current period is [T - period, T]; the trend compares
                                  // it with the period before; coverage uses it
  double fusion_distance_m = 3000;  // reports fuse when their discs come this close...
  int64_t fusion_window_s = 6 * 3600;  // ...and their time windows this close
  double sector_length_m = 10000;      // coverage sectors along the line
  // Evidence reach: a report outside a zone counts as evidence about it (a patrol along it, a
  // weapon withdrawn just beyond it) only when its whole disc is within this distance of the
  // zone's boundary; farther, not_applicable (far_from_zone / reach_indeterminate). Coverage
  // counts observations this far beyond the zone's depth.
  double observation_reach_m = 5000;
  unsigned threads = 0;                // 0: hardware concurrency
};

struct Assessment {
  Options options;
  std::vector<ReportView> reports;  // by observed time
  std::vector<VerdictRecord> verdicts;  // by report, then obligation id
  std::vector<Incident> incidents;      // by first time, then id
  std::vector<ObligationStatus> obligations;
  std::vector<Sector> sectors;
};

// Per-report assessment against every obligation (no fusion). Not thread-safe (GEOS prepared
// geometries inside): one per thread.
class Assessor {
 public:
  Assessor(const agreement::Agreement& a, const Options& options);
  ~Assessor();
  // Appends the verdicts of report `index` for every obligation its kind bears on.
  void assess(const ReportView& r, std::size_t index, std::vector<VerdictRecord>& out) const;
  // Resolution helpers (exposed for tests and the report).
  std::string resolve_actor(const std::string& text) const;
  std::string resolve_weapon_class(const std::string& text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The verdicts of every report (indices into `reports`), in report order then obligation id,
// computed by `options.threads` workers (0: one per hardware thread). Deterministic: the
// result does not depend on the thread count.
std::vector<VerdictRecord> verdicts(const agreement::Agreement& a, const std::vector<ReportView>& reports,
                                    const Options& options);

// The whole assessment: verdicts, incidents, obligation status, coverage. `reports` need not
// be sorted; superseded reports must already be left out (the store's current view).
Assessment assess(const agreement::Agreement& a, std::vector<ReportView> reports, const Options& options);

// Reads reports from a store (current view, observed in [since, T]) and assesses them.
Assessment assess_store(const agreement::Agreement& a, const std::string& db_path, const Options& options);

// The streamed assessment (docs/assessment.md, "Memory"): what assess_store() computes, with
// the verdicts and the incidents handed on one at a time instead of kept, and the reports let
// go once assessed. What it keeps:
struct StreamedAssessment {
  std::size_t reports = 0, verdicts = 0, violations = 0, incidents = 0;  // counted as they went by
  // options, obligations and sectors as in assess_store(); no reports, verdicts or incidents
  // (they went to the sinks).
  Assessment events;
};
// Called with each verdict and its report, in the order of Assessment::verdicts.
// VerdictRecord::report is not meaningful there (an index into the current batch).
using VerdictSink = std::function<void(const ReportView& r, const VerdictRecord& v)>;
// Where the streamed assessment's incidents go. Fusion reads the event reports twice (the
// second time from a spool) and an incident is final only some time after it begins, so both
// go through unnamed temporary files in `spool_dir` (the output's directory).
struct IncidentSink {
  std::string spool_dir;
  std::string name;  // the output the spools are for, as the user named it (errors name it)
  // Called once per incident, when no report can change it any more, with the reports its
  // Incident::reports and anchor index into (and of their verdicts what fusion reads); what it
  // returns is handed to `write` in the order of Assessment::incidents (first_unix, then id).
  // Either may be empty (the incidents are then only counted).
  std::function<std::string(const Incident& inc, const std::vector<ReportView>& views)> format;
  std::function<void(const std::string& text)> write;
};
// Reports assessed per batch (in parallel within a batch).
inline constexpr std::size_t kStreamBatch = 4096;
// assess_store(), streamed: reads the store in time order, assesses the reports kStreamBatch at
// a time, hands every verdict to `each`, and keeps the obligation counts and the coverage as
// running tallies (their state does not grow with the reports); then fuses the event reports
// (spooled meanwhile, reduced) holding only the incidents still open, and hands each incident
// to `incidents`. Same results as assess_store().
StreamedAssessment assess_store_streamed(const agreement::Agreement& a, const std::string& db_path,
                                         const Options& options, const IncidentSink& incidents,
                                         const VerdictSink& each);

// A reason's message for people (Reason::message when given, else made from its code and
// parameters, the verdict and its report — the report the verdict was assessed from).
std::string reason_message(const Reason& x, const ReportView& r, const VerdictRecord& v);

// The documented JSON (docs/assessment.md) and the CSV of verdicts.
nlohmann::json obligation_json(const ObligationStatus& o);  // one entry of "obligations"
nlohmann::json to_json(const agreement::Agreement& a, const Assessment& s);
std::string verdicts_csv(const Assessment& s);
// The parts of to_json(), for writing it streamed: everything but "verdicts" (which comes last
// in the dump, the keys being sorted), with "reports" given; and one entry of "verdicts".
nlohmann::json summary_json(const agreement::Agreement& a, const Assessment& s, std::size_t reports);
nlohmann::json verdict_json(const ReportView& r, const VerdictRecord& v);
// One entry of "incidents"; `views`: the reports Incident::reports and anchor index into.
nlohmann::json incident_json(const Incident& inc, const std::vector<ReportView>& views);
// The parts of verdicts_csv(): the header line, and one verdict's line (both end in "\n").
std::string verdicts_csv_header();
std::string verdict_csv_line(const ReportView& r, const VerdictRecord& v);

}  // namespace truceline::assess
