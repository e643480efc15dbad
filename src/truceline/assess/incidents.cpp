// Incidents: reports describing the same event fused into one incident (assess.hpp: Incident),
// with their independent source groups and corroboration.
#include <GeographicLib/Geodesic.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <thread>

#include "truceline/assess/actors.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/geo/polyline.hpp"
#include "truceline/store/store.hpp"
#include "truceline/workers.hpp"
#include "truceline/assess/detail/stages.hpp"

namespace truceline::assess {

namespace {

int rank(Verdict v) {  // strength for an incident: violation first
  switch (v) {
    case Verdict::violation: return 3;
    case Verdict::indeterminate: return 2;
    case Verdict::compliant: return 1;
    case Verdict::not_applicable: return 0;
  }
  return 0;
}

// Admiralty grades as probabilities that the report is right (docs/assessment.md): the
// reliability of the source times the credibility of the information. "Cannot be judged"
// (F, 6) is taken as an even chance discounted, not as zero.
double report_weight(const ReportView& r) {
  static const std::map<std::string, double> rel = {{"A", 0.95}, {"B", 0.8}, {"C", 0.6},
                                                    {"D", 0.4},  {"E", 0.2}, {"F", 0.4}};
  static const double cred[] = {0, 0.95, 0.8, 0.6, 0.4, 0.15, 0.4};
  const auto it = rel.find(r.reliability);
  const int c = std::clamp(r.credibility, 1, 6);
  return (it == rel.end() ? 0.4 : it->second) * cred[c];
}

// Kinds that can describe the same event: attacks, as sources often disagree whether it was
// shelling or an airstrike; everything else only with its own kind.
int family(const std::string& kind) {
  if (kind == "shelling" || kind == "airstrike" || kind == "armed_clash" || kind == "civilian_harm") return 1;
  return 0;
}
bool compatible(const std::string& a, const std::string& b) {
  return a == b || (family(a) != 0 && family(a) == family(b));
}

int64_t window_len(const ReportView& r) { return store::time_precision_s(r.time_precision); }

double distance_m(double lon1, double lat1, double lon2, double lat2) {
  double s = 0;
  geo::wgs84().Inverse(lat1, lon1, lat2, lon2, s);
  return s;
}


std::string actor_key(const ActorResolver& actors, const ReportView& r) {
  if (r.actor.empty()) return {};
  const std::string id = actors.resolve(r.actor).id;
  return id.empty() ? gazetteer::fold(r.actor) : id;
}

void add_claim(std::vector<Claim>& claims, const std::string& value, const ReportView& r) {
  auto it = std::find_if(claims.begin(), claims.end(), [&](const Claim& c) { return c.value == value; });
  if (it == claims.end()) it = claims.insert(claims.end(), Claim{value, {}, {}});
  if (std::find(it->sources.begin(), it->sources.end(), r.source_name) == it->sources.end())
    it->sources.push_back(r.source_name);
  it->reports.push_back(r.label);
}

void finish_claims(std::vector<Claim>& claims) {
  for (auto& c : claims) std::sort(c.sources.begin(), c.sources.end());
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) { return a.value < b.value; });
}


// Reports grouped by shared witnesses (union-find over the reports' witness names): an ACLED
// row citing "Step News" and Step News's own report are one group, one view. Groups of
// indices into `views`.
std::vector<std::vector<std::size_t>> groups_of(const std::vector<const ReportView*>& views) {
  std::vector<std::size_t> parent(views.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::map<std::string, std::size_t> first_with;  // witness -> first report (index into views)
  for (std::size_t i = 0; i < views.size(); ++i) {
    const ReportView& r = *views[i];
    const std::vector<std::string> own = witness_keys(r.source_name);
    for (const auto& w : r.witnesses.empty() ? own : r.witnesses) {
      auto [it, fresh] = first_with.emplace(w, i);
      if (!fresh) parent[find(i)] = find(it->second);
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> by_root;
  for (std::size_t i = 0; i < views.size(); ++i) by_root[find(i)].push_back(i);
  std::vector<std::vector<std::size_t>> out;
  for (auto& [root, members] : by_root) out.push_back(std::move(members));
  return out;
}

// Corroboration needs independent sources: at least two groups of reports that share no
// witness and, unless a monitor is among them, different kinds of source (two party outlets
// repeating each other are not two views).
bool corroborated_by(const std::vector<const ReportView*>& views, int independent_sources) {
  std::set<std::string> types;
  bool monitor = false;
  for (const ReportView* r : views) {
    types.insert(r->source_type);
    monitor = monitor || r->source_type == "monitor";
  }
  return independent_sources >= 2 && (types.size() >= 2 || monitor);
}

// One incident from its reports (`views`, by time; `verdicts_of`: each one's verdicts, at least
// the violations and indeterminate ones and the strongest; `anchor`: the index of its most
// precise report in `views`). Incident::reports and anchor index into `views`.
Incident make_incident(const ActorResolver& actors, const std::vector<const ReportView*>& views,
                       const std::vector<const std::vector<const VerdictRecord*>*>& verdicts_of, std::size_t anchor) {
  Incident inc;
  inc.reports.resize(views.size());
  for (std::size_t j = 0; j < views.size(); ++j) inc.reports[j] = j;
  const ReportView& an = *views[anchor];
  // Unlocated reports stand alone (fuse()): the incident is located exactly when its anchor
  // is, and never takes the 0, 0 of a report without a location.
  inc.anchor = anchor;
  inc.has_location = an.has_location;
  if (inc.has_location) {
    inc.lon_deg = an.lon_deg;
    inc.lat_deg = an.lat_deg;
    inc.precision_m = an.precision_m;
  }
  inc.first_unix = views.front()->observed_unix;
  inc.last_unix = inc.first_unix;
  inc.date_only = true;
  std::map<std::string, int> kinds;
  std::string ids;
  std::set<std::string> violated, doubtful;
  for (std::size_t m = 0; m < views.size(); ++m) {
    const ReportView& r = *views[m];
    inc.last_unix = std::max(inc.last_unix, r.observed_unix);
    if (!r.date_only) {  // a bare date gives no time of day: its 00:00 is not a time to print
      inc.date_only = false;
      inc.timed_first_unix = std::min(inc.timed_first_unix.value_or(r.observed_unix), r.observed_unix);
      inc.timed_last_unix = std::max(inc.timed_last_unix.value_or(r.observed_unix), r.observed_unix);
    }
    ++kinds[r.kind];
    if (std::find(inc.sources.begin(), inc.sources.end(), r.source_name) == inc.sources.end())
      inc.sources.push_back(r.source_name);
    ids += r.id;
    add_claim(inc.attribution, r.actor.empty() ? std::string() : actor_key(actors, r), r);
    if (r.fatalities) add_claim(inc.fatalities, std::to_string(*r.fatalities), r);
    for (const VerdictRecord* v : *verdicts_of[m]) {
      if (rank(v->verdict) > rank(inc.verdict)) inc.verdict = v->verdict;
      if (v->verdict == Verdict::violation) violated.insert(v->obligation);
      if (v->verdict == Verdict::indeterminate) doubtful.insert(v->obligation);
    }
  }
  std::sort(inc.sources.begin(), inc.sources.end());
  for (const auto& [k, n] : kinds) {
    inc.kinds.push_back(k);
    if (inc.kind.empty() || n > kinds[inc.kind]) inc.kind = k;
  }
  const std::vector<std::vector<std::size_t>> groups = groups_of(views);
  inc.independent_sources = static_cast<int>(groups.size());
  double miss = 1;
  for (const auto& g : groups) {
    double best = 0;
    std::set<std::string> names;
    for (std::size_t m : g) {
      best = std::max(best, report_weight(*views[m]));
      names.insert(views[m]->source_name);
    }
    miss *= 1 - best;
    inc.source_groups.emplace_back(names.begin(), names.end());
  }
  std::sort(inc.source_groups.begin(), inc.source_groups.end());
  inc.confidence = std::round((1 - miss) * 1000) / 1000;
  inc.confidence_label = inc.confidence >= 0.8 ? "high" : inc.confidence >= 0.5 ? "medium" : "low";
  // A claim without an actor does not contest one with an actor.
  std::erase_if(inc.attribution, [](const Claim& x) { return x.value.empty(); });
  finish_claims(inc.attribution);
  finish_claims(inc.fatalities);
  inc.contested = inc.attribution.size() > 1 || inc.fatalities.size() > 1;
  const std::set<std::string>& obs = violated.empty() ? doubtful : violated;
  inc.obligations.assign(obs.begin(), obs.end());
  inc.id = "i" + store::sha256_hex(ids).substr(0, 12);
  inc.corroborated = corroborated_by(views, inc.independent_sources);
  if (inc.corroborated && inc.confidence_label == "low") {
    std::set<std::string> grades;
    for (const ReportView* r : views) grades.insert(r->reliability + std::to_string(r->credibility));
    std::string g;
    for (const auto& x : grades) g += (g.empty() ? "" : ", ") + x;
    inc.confidence_note = fmt::format(
        "corroborated by {} independent sources, but their grading ({}) gives a low chance that the report is right{}",
        inc.independent_sources, g, grades.count("F6") ? " (F6: cannot be judged)" : "");
  }
  return inc;
}

// Pass 2's index of the timed incidents' anchors, shared by fuse() and the Fuser: cells of a day
// (UTC) and a latitude band of kBandDeg, keyed by cell().
constexpr int64_t kCellDay = 86400;
constexpr double kBandDeg = 0.05;
constexpr int64_t kBands = 1800;  // 90 / kBandDeg
int64_t day_of(int64_t t) { return t >= 0 ? t / kCellDay : -((-t + kCellDay - 1) / kCellDay); }
int64_t band_of(double lat) {
  return static_cast<int64_t>(std::clamp(std::floor(lat / kBandDeg), double(-kBands), double(kBands)));
}
int64_t cell(int64_t day, int64_t band) { return day * 4096 + band + 2048; }

// The entries a day report r (window length len) may match: those in the cells of its days
// and of the bands within the reach (one band more on each side: the bound near() applies,
// with room for rounding; every band when the reach is not a finite number of degrees), that
// pass near()'s own time and latitude bounds from the entry and whose incident starts in
// [lo, hi]. `widest`: the largest precision of an anchor filed. Each is handed to `visit` (a
// stale entry may be among them: the caller checks the incident's anchor). An entry (Filed)
// has begin, end (its anchor's window), start (the incident's), lat_deg and precision_m (its
// anchor's).
template <class Filed, class Visit>
void visit_cells(const std::unordered_map<int64_t, std::vector<Filed>>& cells, const Options& o, const ReportView& r,
                 int64_t len, int64_t lo, int64_t hi, double widest, Visit&& visit) {
  if (std::isnan(r.lat_deg)) return;
  const double dlat = (o.fusion_distance_m + widest + r.precision_m) / 110000.0;
  const bool all = !(dlat < 180);
  const int64_t b0 = all ? -kBands : band_of(r.lat_deg - dlat) - 1, b1 = all ? kBands : band_of(r.lat_deg + dlat) + 1;
  for (int64_t d = day_of(r.observed_unix - o.fusion_window_s), e = day_of(hi); d <= e; ++d) {
    for (int64_t b = std::max(b0, -kBands); b <= std::min(b1, kBands); ++b) {
      const auto at = cells.find(cell(d, b));
      if (at == cells.end()) continue;
      for (const Filed& f : at->second) {
        // near()'s own bounds first, from the entry (a stale entry fails them or is skipped by
        // the caller).
        if (r.observed_unix > f.end + o.fusion_window_s || f.begin > r.observed_unix + len + o.fusion_window_s ||
            std::abs(f.lat_deg - r.lat_deg) * 110000.0 > o.fusion_distance_m + f.precision_m + r.precision_m ||
            f.start < lo || f.start > hi)
          continue;
        visit(f);
      }
    }
  }
}

}  // namespace

namespace detail {

bool is_event(const std::string& kind) { return kind != "patrol" && kind != "uav_observation"; }

std::vector<Incident> fuse(const agreement::Agreement& a, const Assessment& s, FuseSearch search) {
  const Options& o = s.options;
  // Only names are resolved here: the actor resolver alone, not an Assessor (which builds
  // every zone).
  const ActorResolver actors(a);
  // Verdicts by report.
  std::vector<std::vector<const VerdictRecord*>> by_report(s.reports.size());
  for (const auto& v : s.verdicts) by_report[v.report].push_back(&v);

  struct Open {
    std::vector<std::size_t> members;
    std::size_t anchor;  // the most precise report: new reports are compared with it only,
                         // so incidents do not chain across a region
    int64_t last_end;
    std::vector<std::size_t> may_be;  // a day report matching several incidents: their indices in `closed`
    // The anchor's window and latitude and precision, for near()'s cheap bounds without a look
    // at the anchor itself (kept for the open incidents only: see bound()).
    int64_t an_begin = 0, an_end = 0;
    double an_lat = 0, an_precision = 0;
  };
  // Whether report r can describe the same event as the incident anchored on `an`.
  auto near = [&](const ReportView& an, const ReportView& r, double& d) {
    if (!compatible(an.kind, r.kind)) return false;
    const int64_t an_end = an.observed_unix + window_len(an), len = window_len(r);
    if (r.observed_unix > an_end + o.fusion_window_s || an.observed_unix > r.observed_unix + len + o.fusion_window_s)
      return false;
    const double reach = o.fusion_distance_m + an.precision_m + r.precision_m;
    // Cheap latitude bound before the geodesic (1 degree of latitude > 110 km).
    if (std::abs(an.lat_deg - r.lat_deg) * 110000.0 > reach) return false;
    d = distance_m(an.lon_deg, an.lat_deg, r.lon_deg, r.lat_deg);
    return d <= reach;
  };
  auto bound = [&](Open& inc) {
    const ReportView& an = s.reports[inc.anchor];
    inc.an_begin = an.observed_unix;
    inc.an_end = an.observed_unix + window_len(an);
    inc.an_lat = an.lat_deg;
    inc.an_precision = an.precision_m;
  };
  auto join = [&](Open& inc, std::size_t i) {
    const ReportView& r = s.reports[i];
    inc.members.push_back(i);
    inc.last_end = std::max(inc.last_end, r.observed_unix + window_len(r));
    if (r.precision_m < s.reports[inc.anchor].precision_m) {
      inc.anchor = i;
      bound(inc);
    }
  };
  std::vector<Open> open, closed;
  // Closes the open incidents that can no longer take reports (reports come in time order).
  auto close_before = [&](int64_t t) {
    for (std::size_t k = 0; k < open.size();) {
      if (open[k].last_end + o.fusion_window_s < t) {
        closed.push_back(std::move(open[k]));
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
  };
  // Report i joins the nearest open incident it matches, or opens one.
  auto join_nearest_or_open = [&](std::size_t i) {
    const ReportView& r = s.reports[i];
    const int64_t len = window_len(r);
    std::ptrdiff_t best = -1;
    double best_d = 0;
    for (std::size_t k = 0; k < open.size(); ++k) {
      // near()'s time and latitude bounds first, from what the incident keeps of its anchor.
      const Open& c = open[k];
      if (r.observed_unix > c.an_end + o.fusion_window_s || c.an_begin > r.observed_unix + len + o.fusion_window_s ||
          std::abs(c.an_lat - r.lat_deg) * 110000.0 > o.fusion_distance_m + c.an_precision + r.precision_m)
        continue;
      double d = 0;
      if (near(s.reports[c.anchor], r, d) && (best < 0 || d < best_d)) {
        best = static_cast<std::ptrdiff_t>(k);
        best_d = d;
      }
    }
    if (best < 0) {
      open.push_back({{i}, i, r.observed_unix + len, {}});
      bound(open.back());
    } else {
      join(open[static_cast<std::size_t>(best)], i);
    }
  };
  // Pass 1: reports timed within the day (minute or hour precision) fuse with each other.
  // Reports of day precision (a bare date, ACLED's rows) wait for pass 2: their day-long
  // window would otherwise bridge events hours apart (a 06:00 shelling and a 20:00 clash).
  std::vector<std::size_t> day_reports;
  for (std::size_t i = 0; i < s.reports.size(); ++i) {
    const ReportView& r = s.reports[i];
    if (!is_event(r.kind)) continue;
    const int64_t len = window_len(r);
    close_before(r.observed_unix);
    // Coarse reports (a week or more, or no location) stand alone, neither joining nor taking
    // others: they would swallow everything near them.
    if (len > 86400 || !r.has_location) {
      closed.push_back({{i}, i, r.observed_unix + len, {}});
      continue;
    }
    if (len >= 86400) {
      day_reports.push_back(i);
      continue;
    }
    join_nearest_or_open(i);
  }
  for (auto& x : open) closed.push_back(std::move(x));
  open.clear();
  // Pass 2: a day report joins the one timed incident it matches. Matching several, it could
  // be any of them: it stands alone, naming them (`possibly_same_as`), rather than merging
  // events. Matching none, it fuses with other day reports as in pass 1.
  const std::size_t timed = closed.size();
  int64_t longest = 0;
  for (std::size_t k = 0; k < timed; ++k)
    longest = std::max(longest, closed[k].last_end - s.reports[closed[k].members.front()].observed_unix);
  auto start_of = [&](std::size_t k) { return s.reports[closed[k].members.front()].observed_unix; };
  // The timed incidents a day report may match, found through their anchors: near() needs the
  // anchor's window [obs, obs + len] to meet [r - window, r + len + window] and the latitudes to
  // be within the reach, so each incident is filed under the days its anchor's window covers
  // and its anchor's latitude band, filed again when a day report becomes its anchor (an
  // entry whose anchor is no longer the incident's is skipped). A report looks in the cells
  // of its own days and bands only, instead of every incident started since r - window -
  // longest (weeks when the store holds one week-precision report: quadratic in the density
  // of reports, issue 15). The same matches: the range on the start is kept as it was, and
  // near() decides.
  // (The cells: kBandDeg, day_of(), band_of(), cell(), visit_cells() above.)
  // An entry holds what the cheap tests read (near()'s time and latitude bounds, the start), so
  // that only the incidents passing them are looked up (a scan of the reports themselves is
  // cache misses).
  struct Filed {
    std::size_t incident, anchor;
    int64_t begin, end, start;  // the anchor's window; the incident's start
    double lat_deg, precision_m;  // the anchor's
  };
  std::unordered_map<int64_t, std::vector<Filed>> cells;
  double widest = 0;  // the largest precision of an anchor filed
  auto file = [&](std::size_t k) {
    const ReportView& an = s.reports[closed[k].anchor];
    if (std::isnan(an.lat_deg)) return;  // near() is false for it
    widest = std::max(widest, an.precision_m);
    const int64_t band = band_of(an.lat_deg), end = an.observed_unix + window_len(an);
    const Filed f{k, closed[k].anchor, an.observed_unix, end, start_of(k), an.lat_deg, an.precision_m};
    for (int64_t d = day_of(an.observed_unix), e = day_of(end); d <= e; ++d) cells[cell(d, band)].push_back(f);
  };
  // The plain search: every incident by start.
  std::vector<std::size_t> by_start;
  if (search == FuseSearch::scanned) {
    by_start.resize(timed);
    for (std::size_t k = 0; k < timed; ++k) by_start[k] = k;
    std::sort(by_start.begin(), by_start.end(), [&](std::size_t x, std::size_t y) { return start_of(x) < start_of(y); });
  } else {
    for (std::size_t k = 0; k < timed; ++k) file(k);
  }
  std::vector<std::size_t> seen(timed, 0);  // the day report (1-based) that last looked at it
  std::size_t looking = 0;
  for (std::size_t i : day_reports) {
    const ReportView& r = s.reports[i];
    const int64_t len = window_len(r);
    close_before(r.observed_unix);
    // Timed incidents starting in [r - window - longest, r + len + window].
    const int64_t lo = r.observed_unix - o.fusion_window_s - longest, hi = r.observed_unix + len + o.fusion_window_s;
    std::vector<std::size_t> matches;
    ++looking;
    if (search == FuseSearch::scanned) {
      auto it = std::lower_bound(by_start.begin(), by_start.end(), lo,
                                 [&](std::size_t k, int64_t t) { return start_of(k) < t; });
      for (; it != by_start.end() && start_of(*it) <= hi; ++it) {
        double d = 0;
        if (closed[*it].may_be.empty() && near(s.reports[closed[*it].anchor], r, d)) matches.push_back(*it);
      }
    } else {
      visit_cells(cells, o, r, len, lo, hi, widest, [&](const Filed& f) {
        const std::size_t k = f.incident;
        if (seen[k] == looking || closed[k].anchor != f.anchor) return;
        seen[k] = looking;
        double dist = 0;
        if (closed[k].may_be.empty() && near(s.reports[f.anchor], r, dist)) matches.push_back(k);
      });
    }
    if (matches.size() == 1) {
      const std::size_t anchor = closed[matches.front()].anchor;
      join(closed[matches.front()], i);
      if (search == FuseSearch::indexed && closed[matches.front()].anchor != anchor) file(matches.front());
      continue;
    }
    if (matches.size() > 1) {
      std::sort(matches.begin(), matches.end());
      closed.push_back({{i}, i, r.observed_unix + len, matches});
      continue;
    }
    join_nearest_or_open(i);
  }
  for (auto& x : open) closed.push_back(std::move(x));
  for (auto& c : closed) std::sort(c.members.begin(), c.members.end());  // by time (reports are)

  std::vector<Incident> out;
  out.reserve(closed.size());
  std::vector<const ReportView*> views;
  std::vector<const std::vector<const VerdictRecord*>*> verdicts_of;
  for (const Open& c : closed) {
    views.clear();
    verdicts_of.clear();
    std::size_t anchor = 0;
    for (std::size_t j = 0; j < c.members.size(); ++j) {
      views.push_back(&s.reports[c.members[j]]);
      verdicts_of.push_back(&by_report[c.members[j]]);
      if (c.members[j] == c.anchor) anchor = j;
    }
    Incident inc = make_incident(actors, views, verdicts_of, anchor);
    inc.reports = c.members;
    inc.anchor = c.anchor;
    out.push_back(std::move(inc));
  }
  // `closed` and `out` share their order here: name the incidents a stand-alone day report
  // could belong to.
  for (std::size_t k = 0; k < closed.size(); ++k)
    for (std::size_t m : closed[k].may_be) out[k].possibly_same_as.push_back(out[m].id);
  std::sort(out.begin(), out.end(), [](const Incident& x, const Incident& y) {
    return x.first_unix != y.first_unix ? x.first_unix < y.first_unix : x.id < y.id;
  });
  return out;
}

std::vector<std::vector<std::size_t>> source_groups(const Assessment& s, const std::vector<std::size_t>& reports) {
  std::vector<const ReportView*> views;
  for (std::size_t m : reports) views.push_back(&s.reports[m]);
  std::vector<std::vector<std::size_t>> out = groups_of(views);
  for (auto& g : out)
    for (auto& m : g) m = reports[m];
  return out;
}

bool corroborated(const Assessment& s, const Incident& inc) {
  std::vector<const ReportView*> views;
  for (std::size_t m : inc.reports) views.push_back(&s.reports[m]);
  return corroborated_by(views, inc.independent_sources);
}

}  // namespace detail

}  // namespace truceline::assess

namespace truceline::assess::detail {

// The streamed fusion (stages.hpp): fuse()'s two passes, run as the reports come. Every step
// is fuse()'s, in fuse()'s order, so that the incidents are the same (tests/assess/
// fusion_search_test.cpp compares the two); what differs is only when each is taken:
// - pass 1 (timed reports against the open incidents) as each report comes, as in fuse();
// - pass 2 takes a day report d once no timed incident it may match can still change in pass 1:
//   near() needs the anchor's start at or before d + len + window, and pass 1 has passed that
//   instant (a later report, or a later anchor, starts after it) and holds no open incident
//   whose anchor matches d (one whose anchor does not never will: its next anchor starts
//   later);
// - a timed incident is final once pass 2's next day report begins after its anchor's end +
//   the window (near() is false from then on); a stand-alone day report naming several
//   (possibly_same_as) once those are; pass 2's own incidents once closed.
// The timed incidents are numbered in the order pass 1 closes them (fuse()'s `closed`), which
// is the order possibly_same_as lists them in.
struct Fuser::Impl {
  const Options o;
  const bool full;  // false: pass 1 only, for longest()
  std::optional<ActorResolver> actors;
  int64_t given_longest = 0;
  Done done;

  // What near() reads of an incident's anchor.
  struct Anchor {
    std::size_t index = 0;  // the report's place in the order of reports given
    int64_t begin = 0, end = 0;
    double lon = 0, lat = 0, precision = 0;
    std::string kind;
  };
  struct Member {
    std::size_t index;
    FusionReport r;
  };
  struct Live {
    uint64_t handle = 0;
    std::vector<Member> members;  // in joining order (none in pass-1-only mode)
    Anchor an;
    int64_t start = 0;     // the first member's time (fuse()'s start_of)
    int64_t last_end = 0;  // the latest end of a member's window
    int64_t first = 0;     // the earliest member's time
    uint64_t seq = 0;      // the order pass 1 closed it in (timed incidents)
    uint64_t seen = 0;     // the day report that last looked at it
    bool timed = false;    // closed in pass 1: a day report may still join it
    // A stand-alone day report matching several timed incidents: their (seq, handle), by seq,
    // and their ids as they become final.
    // (Handles only, 8 bytes a name: at a high density a day report names hundreds, and is
    // held until the last is final; the ids are looked up in `names` then.)
    std::vector<uint64_t> may_be;
    std::size_t waiting = 0;
    std::vector<uint64_t> dependents;  // the stand-alone day reports naming this one
  };
  // The incidents held, by handle (handles are given in increasing order: a deque from the
  // oldest held, empty slots for those handed over).
  struct Held {
    std::deque<std::unique_ptr<Live>> slots;
    uint64_t base = 1;  // the handle of slots.front()
    std::size_t count = 0;
    Live* find(uint64_t h) const { return h < base || h - base >= slots.size() ? nullptr : slots[h - base].get(); }
    void add(std::unique_ptr<Live> l) {
      slots.resize(l->handle - base + 1);
      slots.back() = std::move(l);
      ++count;
    }
    void erase(uint64_t h) {
      slots[h - base].reset();
      --count;
      while (!slots.empty() && !slots.front()) {
        slots.pop_front();
        ++base;
      }
    }
    bool empty() const { return count == 0; }
    std::size_t size() const { return count; }
  } live;
  std::vector<Live*> open1, open2;  // pass 1's and pass 2's open incidents, by creation
  std::deque<Member> day_queue;     // day reports pass 2 has not taken yet
  // The ids of incidents handed over that a stand-alone day report still waiting names, with
  // how many name them.
  std::unordered_map<uint64_t, std::pair<std::string, std::size_t>> names;
  uint64_t next_handle = 1, next_seq = 0, looking = 0;
  std::size_t next_index = 0;
  int64_t t_in = std::numeric_limits<int64_t>::min();  // the latest report's time
  int64_t longest = 0;
  bool finished = false;

  // Pass 2's index of the timed incidents' anchors (fuse()'s `cells`), and the days it files
  // them under (to let go of the days no day report can look at any more).
  struct Filed {
    uint64_t handle;
    std::size_t anchor;
    int64_t begin, end, start;
    double lat_deg, precision_m;
  };
  std::unordered_map<int64_t, std::vector<Filed>> cells;
  std::map<int64_t, std::vector<int64_t>> cells_of_day;
  double widest = 0;
  // Timed incidents by the instant after which no day report can match them (anchor end +
  // window; an entry whose incident's anchor has changed since is stale and skipped).
  using Due = std::pair<int64_t, uint64_t>;
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due;

  Impl(const Options& opt, bool f) : o(opt), full(f) {}

  static Anchor anchor_of(std::size_t index, const ReportView& r) {
    return {index, r.observed_unix, r.observed_unix + window_len(r), r.lon_deg, r.lat_deg, r.precision_m, r.kind};
  }
  // fuse()'s near(), with the anchor's copy.
  // (Its tests in another order: the numbers before the kinds' strings; all must hold.)
  bool near(const Anchor& an, const ReportView& r, int64_t len, double& d) const {
    if (r.observed_unix > an.end + o.fusion_window_s || an.begin > r.observed_unix + len + o.fusion_window_s)
      return false;
    const double reach = o.fusion_distance_m + an.precision + r.precision_m;
    if (std::abs(an.lat - r.lat_deg) * 110000.0 > reach) return false;
    if (!compatible(an.kind, r.kind)) return false;
    d = distance_m(an.lon, an.lat, r.lon_deg, r.lat_deg);
    return d <= reach;
  }

  Live& create(Member&& m, int64_t last_end) {
    auto l = std::make_unique<Live>();
    l->handle = next_handle++;
    const ReportView& r = m.r.view;
    l->an = anchor_of(m.index, r);
    l->start = l->first = r.observed_unix;
    l->last_end = last_end;
    if (full) l->members.push_back(std::move(m));
    Live& ref = *l;
    live.add(std::move(l));
    return ref;
  }
  void join(Live& inc, Member&& m) {
    const ReportView& r = m.r.view;
    inc.last_end = std::max(inc.last_end, r.observed_unix + window_len(r));
    inc.first = std::min(inc.first, r.observed_unix);
    if (r.precision_m < inc.an.precision) inc.an = anchor_of(m.index, r);
    if (full) inc.members.push_back(std::move(m));
  }
  void file(Live& inc) {
    if (std::isnan(inc.an.lat)) return;
    widest = std::max(widest, inc.an.precision);
    const int64_t band = band_of(inc.an.lat);
    const Filed f{inc.handle, inc.an.index, inc.an.begin, inc.an.end, inc.start, inc.an.lat, inc.an.precision};
    for (int64_t d = day_of(inc.an.begin), e = day_of(inc.an.end); d <= e; ++d) {
      auto [it, fresh] = cells.try_emplace(cell(d, band));
      if (fresh) cells_of_day[d].push_back(it->first);
      it->second.push_back(f);
    }
  }
  // An incident closed in pass 1 (or a coarse report standing alone): numbered, and a day
  // report may still join it.
  void close_timed(Live& inc) {
    inc.timed = true;
    inc.seq = next_seq++;
    longest = std::max(longest, inc.last_end - inc.start);
    if (!full) {
      live.erase(inc.handle);
      return;
    }
    file(inc);
    due.emplace(inc.an.end + o.fusion_window_s, inc.handle);
  }
  void close_before(std::vector<Live*>& open, int64_t t, bool pass1) {
    for (std::size_t k = 0; k < open.size();) {
      if (open[k]->last_end + o.fusion_window_s < t) {
        Live& inc = *open[k];
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
        if (pass1) {
          close_timed(inc);
        } else {
          hand_over(inc);  // pass 2's incidents take no report once closed
        }
      } else {
        ++k;
      }
    }
  }
  void join_nearest_or_open(std::vector<Live*>& open, Member&& m) {
    const ReportView& r = m.r.view;
    Live* best = nullptr;
    double best_d = 0;
    const int64_t len = window_len(r);
    for (Live* c : open) {
      double d = 0;
      if (near(c->an, r, len, d) && (!best || d < best_d)) {
        best = c;
        best_d = d;
      }
    }
    if (best) {
      join(*best, std::move(m));
    } else {
      const int64_t end = r.observed_unix + window_len(r);
      open.push_back(&create(std::move(m), end));
    }
  }

  void add(FusionReport&& fr) {
    if (finished) throw std::logic_error("Fuser::add after finish");
    Member m{next_index++, std::move(fr)};
    const ReportView& r = m.r.view;
    if (r.observed_unix < t_in) throw std::logic_error("Fuser::add: reports out of time order");
    t_in = r.observed_unix;
    const int64_t len = window_len(r);
    close_before(open1, r.observed_unix, true);
    if (len > 86400 || !r.has_location) {
      close_timed(create(std::move(m), r.observed_unix + len));
    } else if (len >= 86400) {
      if (full) day_queue.push_back(std::move(m));
    } else {
      join_nearest_or_open(open1, std::move(m));
    }
    if (full) {
      run_pass2(false);
      settle();
    }
  }

  // Pass 2 over the day reports no timed incident can change for any more (all: the end).
  void run_pass2(bool all) {
    while (!day_queue.empty()) {
      const ReportView& r = day_queue.front().r.view;
      const int64_t len = window_len(r), reach = r.observed_unix + len + o.fusion_window_s;
      // An incident open in pass 1 matters to d only while its anchor matches d: a later
      // anchor (a report to come, or one joining) starts after `reach`, so near() is false.
      auto waits_for_pass1 = [&] {
        for (const Live* c : open1) {
          double d = 0;
          if (near(c->an, r, len, d)) return true;
        }
        return false;
      };
      if (!all && !(t_in > reach && !waits_for_pass1())) break;
      Member m = std::move(day_queue.front());
      day_queue.pop_front();
      pass2(std::move(m));
    }
  }

  void pass2(Member&& m) {
    const ReportView& r = m.r.view;
    const int64_t len = window_len(r);
    close_before(open2, r.observed_unix, false);
    const int64_t lo = r.observed_unix - o.fusion_window_s - given_longest, hi = r.observed_unix + len + o.fusion_window_s;
    std::vector<std::pair<uint64_t, Live*>> matches;
    ++looking;
    visit_cells(cells, o, r, len, lo, hi, widest, [&](const Filed& f) {
      Live* held = live.find(f.handle);
      if (!held) return;  // final: near() is false for every report to come
      Live& k = *held;
      if (k.seen == looking || k.an.index != f.anchor) return;
      k.seen = looking;
      double dist = 0;
      if (k.may_be.empty() && near(k.an, r, len, dist)) matches.emplace_back(k.seq, &k);
    });
    if (matches.size() == 1) {
      Live& k = *matches.front().second;
      const std::size_t anchor = k.an.index;
      join(k, std::move(m));
      if (k.an.index != anchor) {
        file(k);
        due.emplace(k.an.end + o.fusion_window_s, k.handle);
      }
      return;
    }
    if (matches.size() > 1) {
      std::sort(matches.begin(), matches.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      Live& alone = create(std::move(m), r.observed_unix + len);
      alone.waiting = matches.size();
      alone.may_be.reserve(matches.size());
      for (const auto& [seq, k] : matches) {
        alone.may_be.push_back(k->handle);
        k->dependents.push_back(alone.handle);
      }
      return;
    }
    join_nearest_or_open(open2, std::move(m));
  }

  // The earliest time a day report pass 2 has not taken can have.
  int64_t frontier() const {
    if (finished) return std::numeric_limits<int64_t>::max();
    return day_queue.empty() ? t_in : day_queue.front().r.view.observed_unix;
  }
  // Hands over the timed incidents no day report can join any more, and lets go of the days
  // of the index no day report will look at.
  void settle() {
    const int64_t f = frontier();
    while (!due.empty() && due.top().first < f) {
      const auto [at, handle] = due.top();
      due.pop();
      Live* held = live.find(handle);
      if (!held || held->an.end + o.fusion_window_s != at) continue;  // stale
      hand_over(*held);
    }
    while (!cells_of_day.empty() && (f == std::numeric_limits<int64_t>::max() ||
                                     f - o.fusion_window_s >= (cells_of_day.begin()->first + 1) * kCellDay)) {
      for (int64_t c : cells_of_day.begin()->second) cells.erase(c);
      cells_of_day.erase(cells_of_day.begin());
    }
  }

  void hand_over(Live& inc) {
    std::sort(inc.members.begin(), inc.members.end(),
              [](const Member& x, const Member& y) { return x.index < y.index; });
    std::vector<const ReportView*> views;
    std::vector<std::vector<const VerdictRecord*>> vs(inc.members.size());
    std::vector<const std::vector<const VerdictRecord*>*> verdicts_of;
    std::size_t anchor = 0;
    for (std::size_t j = 0; j < inc.members.size(); ++j) {
      views.push_back(&inc.members[j].r.view);
      for (const auto& v : inc.members[j].r.verdicts) vs[j].push_back(&v);
      verdicts_of.push_back(&vs[j]);
      if (inc.members[j].index == inc.an.index) anchor = j;
    }
    Incident out = make_incident(*actors, views, verdicts_of, anchor);
    for (uint64_t h : inc.may_be) {
      auto& [name, count] = names.at(h);
      out.possibly_same_as.push_back(name);
      if (--count == 0) names.erase(h);
    }
    std::vector<FusionReport> members;
    members.reserve(inc.members.size());
    for (auto& m : inc.members) members.push_back(std::move(m.r));
    const std::vector<uint64_t> dependents = std::move(inc.dependents);
    if (!dependents.empty()) names.emplace(inc.handle, std::make_pair(out.id, dependents.size()));
    live.erase(inc.handle);  // `inc` is gone
    done(std::move(out), std::move(members));
    for (uint64_t handle : dependents) {
      Live& alone = *live.find(handle);
      if (--alone.waiting == 0) hand_over(alone);
    }
  }

  void finish() {
    if (finished) return;
    for (Live* c : open1) close_timed(*c);
    open1.clear();
    if (!full) {
      finished = true;
      return;
    }
    run_pass2(true);
    for (Live* c : open2) hand_over(*c);
    open2.clear();
    finished = true;
    settle();
    if (longest != given_longest)
      throw std::logic_error(fmt::format("fusion: pass 1's longest incident was {} s, {} s given", longest, given_longest));
    if (!live.empty()) throw std::logic_error(fmt::format("fusion: {} incidents left at the end", live.size()));
  }

  int64_t watermark() const {
    int64_t w = frontier();  // reports and day reports to come
    for (const auto& l : live.slots)
      if (l) w = std::min(w, l->first);
    return w;
  }
};

Fuser::Fuser(const agreement::Agreement& a, const Options& o, int64_t longest, Done done)
    : impl_(std::make_unique<Impl>(o, true)) {
  impl_->actors.emplace(a);
  impl_->given_longest = longest;
  impl_->done = std::move(done);
}
Fuser::Fuser(const Options& o) : impl_(std::make_unique<Impl>(o, false)) {}
Fuser::~Fuser() = default;
void Fuser::add(FusionReport&& r) { impl_->add(std::move(r)); }
void Fuser::finish() { impl_->finish(); }
int64_t Fuser::longest() const { return impl_->longest; }
int64_t Fuser::watermark() const { return impl_->watermark(); }
std::size_t Fuser::held_incidents() const { return impl_->live.size() + impl_->day_queue.size(); }

}  // namespace truceline::assess::detail
