// The web app's view of a report store (docs/api.md, "The web app's endpoints"): every incident
// over the store's whole span, assessed once at the end of the last local day, with the fields
// the map, the incident page and the export read; the reports and incidents per local day; the
// lists the filters offer. And the filter of the map and the export (parse_filter, select).
//
// Nothing here decides a verdict or fuses reports: build_view() calls the assessment pipeline
// (assess::assess, the same stages as `truceline assess` and the daily report) and only
// arranges its output. An incident's `day` is the local day of its first report, as the daily
// report counts it (report::detail::incidents_in): the incidents whose `day` is D are the daily
// report of D's incidents, when both see the same reports.
//
// Units: times unix seconds UTC (ISO 8601 UTC in JSON), days "YYYY-MM-DD" in the agreement's
// timezone, coordinates WGS84 degrees, radii metres.
// Errors: build_view() throws what assess::assess_store throws (InputError for a missing or
// damaged store); parse_filter() throws BadParameter naming the parameter.
// Cost: build_view() is the assessment of the whole store (O(R log R) plus the verdicts) and
// O(R) more; select() is O(incidents).
// Thread safety: a View is immutable once built; share it (std::shared_ptr<const View>).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"

namespace truceline::app {

// One incident as the app lists it (GET /v1/app/incidents, one entry of "incidents").
struct IncidentRow {
  std::size_t index = 0;  // into View::assessment.incidents
  std::string id;         // the assessment's incident id ("i…", stable)
  int n = 0;              // 1-based, by first time then id (the assessment's order): stable for a store
  std::string day;        // local day of the first report, "YYYY-MM-DD"
  int64_t first_unix = 0, last_unix = 0;
  std::string kind;
  std::string verdict;    // violation | indeterminate | compliant | not_applicable
  bool corroborated = false;
  bool has_location = false;
  double lon = 0, lat = 0, precision_m = 0;  // meaningful only with has_location
  std::vector<std::string> source_types;     // distinct, sorted
  std::vector<std::string> actors;           // agreement party/group ids it is attributed to, sorted
  std::vector<std::string> report_ids;       // store ids of its reports, by time
  std::vector<std::string> source_ids;       // their labels (source_id, else store id), by time
  std::string area;                          // "8 km NE of Surman" (as the daily report words it)
  std::optional<std::pair<int64_t, int64_t>> fatalities;  // lowest and highest count claimed
  std::optional<std::pair<int64_t, int64_t>> explosions;  // lowest and highest count claimed
};

struct DayCount {
  std::string date;  // local
  int reports = 0;   // reports observed that local day
  int incidents = 0; // incidents whose first report is that day
};

struct View {
  assess::Assessment assessment;  // of the whole store, at `at`
  int64_t at_unix = 0;            // the end of the last local day (its last second)
  std::optional<std::string> first_day, last_day;  // the span (none: an empty store)
  std::vector<DayCount> histogram;                 // every day of the span, zeros included
  std::vector<IncidentRow> incidents;              // in the assessment's order (n = index + 1)
  std::map<std::string, std::size_t> by_id;        // incident id -> index
  std::map<std::size_t, std::size_t> incident_of_report;  // assessment report index -> incident index
  std::size_t store_reports = 0;  // current reports in the store (every time, also outside a span)
};

// The view of the store at `db` (read-only). Reports without an observed time cannot exist;
// every current report counts. Throws InputError (missing/damaged store).
std::shared_ptr<const View> build_view(const agreement::Agreement& a, const std::string& db);

// A cheap fingerprint of the store's content: changes when a report or ledger entry is added
// (report count, max rowid, ledger size). Read-only; throws InputError for a missing store.
std::string store_fingerprint(const std::string& db);

// One entry of "incidents" (docs/api.md).
nlohmann::json incident_row_json(const IncidentRow& r);
// GET /v1/app/incidents's body for the given rows.
nlohmann::json incidents_json(const agreement::Agreement& a, const View& v, const std::vector<const IncidentRow*>& rows);
// GET /v1/app/meta's body.
nlohmann::json meta_json(const agreement::Agreement& a, const View& v);

// A parameter the client got wrong: the server answers 400 with what().
struct BadParameter : std::runtime_error {
  std::string parameter;
  BadParameter(std::string name, const std::string& message) : std::runtime_error(message), parameter(std::move(name)) {}
};

// The map's and the export's filter (docs/api.md): `from`/`to` local days (inclusive) on the
// incident's `day`; list parameters comma-separated, OR inside a parameter, AND across them;
// an empty set: no condition.
struct Filter {
  std::optional<std::string> from, to;  // "YYYY-MM-DD"
  std::set<std::string> kinds, verdicts, source_types, actors;
  bool corroborated_only = false;
};

// The filter parameters: from, to, kind, verdict, source_type, actor, corroborated (true/1/
// false/0). Other keys are ignored here (the endpoint checks them). Throws BadParameter for a
// malformed day, an unknown verdict, an empty list item, from after to.
Filter parse_filter(const std::map<std::string, std::string>& params);
// A filter value that names nothing is a typo, not an empty selection: throws BadParameter for
// a kind that is neither a report kind nor one the view's incidents hold, a source type that is
// not one, an actor that is not a party or group of the agreement.
void check_filter_names(const Filter& f, const agreement::Agreement& a, const View& v);
// The filter's parameter names (for the endpoints' lists of known parameters).
const std::vector<std::string>& filter_parameters();

bool matches(const IncidentRow& r, const Filter& f);
// The rows that pass, in the view's order.
std::vector<const IncidentRow*> select(const View& v, const Filter& f);

}  // namespace truceline::app
