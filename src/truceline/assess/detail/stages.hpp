// The assessment's stages after the verdicts (internal to the assess module): each reads the
// Assessment built so far (its reports, verdicts and options) and returns one part of it.
// Obligation status and coverage are also tallies fed one verdict or report at a time (the
// streamed assessment, pipeline.cpp: bounded state, whatever the number of reports).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"

namespace truceline::geo {
class GeodesicPolyline;
}

namespace truceline::assess::detail {

// Report kinds that describe events (fused into incidents); patrols and UAV flights are
// observations, counted for coverage instead (incidents.cpp).
bool is_event(const std::string& kind);
// How fusion's second pass finds the timed incidents a day report may match: through an index
// of their anchors by day and latitude band (what the assessment uses), or by scanning every
// incident in the range of starts (the plain search: the reference the tests compare with).
// Both give the same incidents.
enum class FuseSearch { indexed, scanned };
// Certified fast margins (assess.cpp; docs/assessment.md "Performance"). A verdict uses a margin
// in exactly these ways: printed to 0.1 m (JSON `metres`, CSV `{:.1f}`), to 1 m (reason
// messages, the daily report's summary), in km to 0.1 (the report's sections), by its sign,
// and compared with the thresholds rad, -rad, +-(rad + u), -reach - rad and rad - reach (the
// distance: printed only). Every rounding boundary of those formats is a multiple of 0.05 m
// (odd multiples of 0.05 for 0.1 m, of 0.5 for 1 m, of 50 for 0.1 km; the sign at 0). So a
// value v known to be within e of the exact margin can stand for it when no multiple of 0.05 m
// and no threshold lies within e of v (for the margin and for the distance): both then print
// and decide alike.
bool margin_is_interchangeable(double margin_m, double distance_m, double err_m, double rad_m, double u_m,
                               double reach_m);
// The same for a margin used only against thresholds (not printed): none within e of v.
bool decides_alike(double margin_m, double err_m, std::initializer_list<double> thresholds_m);
// The bound asked of each certified segment foot, metres (ZoneInstance::margin_certified):
// 100 um lets geo::chord_geodesic stand for the geodesic solution up to ~75 km (its bound grows
// as s^4: ~2e-5 m at 50 km), still 500 times below the 0.05 m rounding step.
inline constexpr double kCertifiedToleranceM = 1e-4;
// On by default; tests switch it off to compare with the exact margins (the brute-force twin).
// Process-wide: set it only while no assessment runs.
bool certified_margins_enabled();
void set_certified_margins(bool on);

// Reports describing the same event, fused (incidents.cpp).
std::vector<Incident> fuse(const agreement::Agreement& a, const Assessment& s,
                           FuseSearch search = FuseSearch::indexed);
// What the streamed fusion reads of an event report: the view (reduced to what incidents print)
// and of its verdicts what fusion and the obligation status read (VerdictRecord::report unused).
struct FusionReport {
  ReportView view;
  std::vector<VerdictRecord> verdicts;
};
// fuse(), given the reports one at a time in the assessment's order, holding only what a later
// report can still change (docs/assessment.md, "Memory"): pass 1's open incidents, the day
// reports pass 2 has not reached yet (it runs behind pass 1, until every timed incident a day
// report may match is final in pass 1), and the timed incidents a day report may still join.
// Every incident is handed to `done` once no report can change it, in no particular order;
// fuse()'s order is (first_unix, id), and watermark() says how far it is settled. The same
// incidents as fuse(), given pass 1's longest incident over the same reports: what a Fuser
// made with only Options computes (pass 1 alone, keeping nothing of the reports), so that the
// streamed assessment reads the reports twice (pipeline.cpp: the second time from a spool).
class Fuser {
 public:
  // Incident::reports and anchor index into `members` (by time); each member's verdicts.
  using Done = std::function<void(Incident&& inc, std::vector<FusionReport>&& members)>;
  Fuser(const agreement::Agreement& a, const Options& o, int64_t longest, Done done);
  explicit Fuser(const Options& o);  // pass 1 only: longest()
  ~Fuser();
  Fuser(const Fuser&) = delete;
  Fuser& operator=(const Fuser&) = delete;
  void add(FusionReport&& r);
  // The end of the reports: every incident left is handed over.
  void finish();
  // Pass 1's longest incident so far (last end - start; a coarse report: its window).
  int64_t longest() const;
  // No incident handed over from now on begins (first_unix) before this instant (after
  // finish(): INT64_MAX). Costs a look at every incident held.
  int64_t watermark() const;
  // Incidents and reports held now (for the tests and the documentation of memory).
  std::size_t held_incidents() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reports grouped by shared witnesses: each group is one independent view (incidents.cpp).
std::vector<std::vector<std::size_t>> source_groups(const Assessment& s, const std::vector<std::size_t>& reports);
// Two independent source groups of two source types, or one from a monitor (incidents.cpp).
bool corroborated(const Assessment& s, const Incident& inc);

// Status of every obligation at options.at (status.cpp), in two steps: the verdict counts and
// the latest report, one verdict at a time in report order (state: one entry per obligation);
// then the violations and the trend, from the incidents.
class StatusTally {
 public:
  StatusTally(const agreement::Agreement& a, const Options& o);
  void add(const ReportView& r, const VerdictRecord& v);
  // One incident, in any order; `contested(m, ob)`: a verdict of its report m (an index of
  // Incident::reports' values) on obligation ob has who.contested.
  void add_incident(const Incident& inc, const std::function<bool(std::size_t m, const std::string& ob)>& contested);
  // After every verdict and incident.
  std::vector<ObligationStatus> finish();
  // `s`: the incidents, the reports they index and those reports' verdicts (at least every
  // verdict with who.contested): add_incident() for each, then finish().
  std::vector<ObligationStatus> finish(const Assessment& s);

 private:
  struct Latest {
    int64_t at = 0;
    std::string label;
    bool date_only = false;
  };
  Options o_;
  std::vector<ObligationStatus> out_;
  std::map<std::string, std::size_t> index_;
  std::vector<Latest> latest_violation_, latest_evidence_;
};
// Status of every obligation at s.options.at, with the trend (status.cpp).
std::vector<ObligationStatus> obligation_status(const agreement::Agreement& a, const Assessment& s);

// Observation coverage per sector of the line (coverage.cpp), one report at a time (state: the
// sectors and the monitored lines).
class CoverageTally {
 public:
  CoverageTally(const agreement::Agreement& a, const Options& o);
  ~CoverageTally();
  // `violating`: one of the report's verdicts is a violation.
  void add(const ReportView& r, bool violating);
  std::vector<Sector> finish();

 private:
  struct Line;
  Options o_;
  std::vector<Sector> out_;
  std::vector<Line> lines_;
};
// Observation coverage per sector of the line (coverage.cpp).
std::vector<Sector> coverage(const agreement::Agreement& a, const Assessment& s);

}  // namespace truceline::assess::detail
