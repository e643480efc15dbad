// Observation coverage along the line (assess.hpp: Sector).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"
#include "truceline/geo/polyline.hpp"

namespace truceline::assess::detail {

struct CoverageTally::Line {
  geo::GeodesicPolyline line;
  double reach = 0;
  std::vector<std::size_t> first_of_part;  // index into out_ of each part's first sector
  std::size_t end = 0;                     // one past this line's last sector
};

CoverageTally::CoverageTally(const agreement::Agreement& a, const Options& o) : o_(o) {
  // The monitored zones: line zones of patrol/monitor obligations in force at T; when there
  // are none, every line zone in force.
  std::vector<const agreement::Zone*> monitored;
  auto add = [&](const agreement::Zone* z) {
    if (z && !z->is_area && z->valid.contains(o.at) && std::find(monitored.begin(), monitored.end(), z) == monitored.end())
      monitored.push_back(z);
  };
  for (const auto& ob : a.obligations)
    if ((ob.kind == "patrol" || ob.kind == "monitor") && ob.valid.contains(o.at)) add(a.zone(ob.zone));
  if (monitored.empty())
    for (const auto* z : agreement::zones_in_force(a, o.at)) add(z);
  std::sort(monitored.begin(), monitored.end(), [](auto* x, auto* y) { return x->id < y->id; });

  for (const agreement::Zone* z : monitored) {
    const agreement::Line* l = a.line(z->line);
    if (!l) continue;
    Line& ln = lines_.emplace_back(Line{geo::GeodesicPolyline(l->geometry),
                                        agreement::ZoneInstance(a, *z).depth_m() + o.observation_reach_m, {}, 0});
    const geo::GeodesicPolyline& line = ln.line;
    for (std::size_t p = 0; p < line.line().parts.size(); ++p) {
      ln.first_of_part.push_back(out_.size());
      const double length = line.part_length_m(p);
      const auto n = static_cast<std::size_t>(std::max(1.0, std::ceil(length / o.sector_length_m - 1e-9)));
      for (std::size_t k = 0; k < n; ++k) {
        Sector sec;
        sec.zone = z->id;
        sec.line = l->id;
        sec.id = fmt::format("{}/{}/{:03d}", z->id, p, k);
        const double from = static_cast<double>(k) * o.sector_length_m;
        const double to = std::min(length, from + o.sector_length_m);
        sec.from_km = from / 1000;
        sec.to_km = to / 1000;
        auto at = [&](double along) {
          const geo::Segment& seg = line.segment_at(p, along);
          double lat = 0, lon = 0;
          seg.line.Position(std::clamp(along - seg.along_start_m, 0.0, seg.length_m), lat, lon);
          return geo::LonLat{lon, lat};
        };
        sec.start = at(from);
        sec.end = at(to);
        out_.push_back(sec);
      }
    }
    ln.end = out_.size();
  }
}

CoverageTally::~CoverageTally() = default;

void CoverageTally::add(const ReportView& r, bool violation) {
  const int64_t T = agreement::unix_seconds(o_.at);
  if (!r.has_location || r.observed_unix < T - o_.period_s || r.observed_unix > T) return;
  // Observation: a patrol, UAV or post report from anyone, and any report of the mission's
  // own monitors whatever its kind (a monitor who reports tanks there was there to see).
  const bool observation = r.kind == "patrol" || r.kind == "uav_observation" || r.kind == "post_event" ||
                           r.source_type == "monitor";
  if (!observation && !violation) return;
  for (const Line& ln : lines_) {
    const geo::Nearest n = ln.line.nearest({r.lon_deg, r.lat_deg});
    if (n.distance_m > ln.reach + r.precision_m) continue;
    const std::size_t first = ln.first_of_part[n.part];
    const std::size_t last = n.part + 1 < ln.first_of_part.size() ? ln.first_of_part[n.part + 1] : ln.end;
    const std::size_t k = std::min(last - 1, first + static_cast<std::size_t>(n.along_m / o_.sector_length_m));
    if (observation) ++out_[k].observations;
    if (violation) ++out_[k].violations;
  }
}

std::vector<Sector> CoverageTally::finish() {
  for (auto& sec : out_)
    sec.status = sec.observations == 0 ? "unobserved" : sec.violations > 0 ? "violations" : "clear";
  return std::move(out_);
}

std::vector<Sector> coverage(const agreement::Agreement& a, const Assessment& s) {
  std::set<std::size_t> violating;
  for (const auto& v : s.verdicts)
    if (v.verdict == Verdict::violation) violating.insert(v.report);
  CoverageTally t(a, s.options);
  for (std::size_t i = 0; i < s.reports.size(); ++i) t.add(s.reports[i], violating.count(i) > 0);
  return t.finish();
}

}  // namespace truceline::assess::detail
