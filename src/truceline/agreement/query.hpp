// Questions asked of an agreement "as of" an instant: which zones, designations, obligations,
// posts are in force; a zone made concrete (its line, the chosen depth reading, its clip area)
// for rendering and membership.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/geo/area.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::agreement {

// The depth of a line zone under a reading: the agreed depth when `reading` is empty or names
// the zone's own source; otherwise the reading from that source. Throws InputError naming
// the readings there are.
double depth_for(const Zone& z, const std::string& reading);
// The depth of a line zone for a weapon class (depth_by_class; a class without its own entry
// takes its parent's, then the zone's depth). Throws InputError for an unknown class.
double depth_for_class(const Agreement& a, const Zone& z, const std::string& weapon_class);

// A zone made concrete: owns its line (as a GeodesicPolyline) and definition, or its area.
class ZoneInstance {
 public:
  // `reading`: a source id (depth_for); `weapon_class`: a class id (depth_for_class).
  ZoneInstance(const Agreement& a, const Zone& z, const std::string& reading = "", const std::string& weapon_class = "");
  const Zone& zone() const { return zone_; }
  double depth_m() const { return depth_m_; }
  // The polygon (line zones: built on the ellipsoid, clipped; area zones: the area).
  geo::Zone render() const;

  struct Where {
    double distance_m = 0;  // line zones: to the line; area zones: to the area's boundary
    bool inside = false;
    std::optional<geo::Side> side;  // line zones: the side of the line (area zones: none)
  };
  Where locate(geo::LonLat p) const;

  // Signed distance to the zone's boundary, metres: > 0 inside, < 0 outside. A lower bound of
  // the true distance to the boundary (exact for area zones and unclipped two-sided line
  // zones): inside, the smallest of the distances to the depth line, the territory line (one-
  // sided zones: must be crossed to leave by the wrong side) and the clip boundary; outside,
  // the largest of those whose constraint the point breaks. Each is 1-Lipschitz, hence the
  // bound. Exact geodesic distances (GeographicLib), so the bound is good to < 1 mm.
  struct Margin {
    double distance_m = 0;  // to the line (line zones) or the boundary (area zones)
    double margin_m = 0;
  };
  Margin margin(geo::LonLat p) const { return margin(p, nullptr); }
  // The same, with the answers of the area searches (an area zone's, a clip's) kept in `memo`
  // and taken from it: zone instances built on the same area zone of the same agreement (the
  // area zone itself, the line zones it clips) then share one search per point. The answer is
  // the same double for double (same polygons, same deterministic search). `memo` belongs to
  // one point: the caller clears it before asking about another. A clip given by file is not
  // shared.
  struct AreaMemo {
    std::vector<std::pair<const Zone*, geo::Area::Where>> found;
    std::vector<std::pair<const Zone*, geo::Area::CertifiedWhere>> certified;  // margin_certified's
    void clear() {
      found.clear();
      certified.clear();
    }
  };
  Margin margin(geo::LonLat p, AreaMemo* memo) const;
  // margin() certified (issue 15; geo::GeodesicPolyline::nearest_certified): when ok, both
  // numbers are within err_m + geo::kCertifiedSlackM of margin()'s and every branch taken on
  // the way (side, depth, clip) is margin()'s; ok = false when one is not certain (the caller
  // runs margin()).
  struct CertifiedMargin {
    Margin m;
    double err_m = 0;
    bool ok = false;
  };
  CertifiedMargin margin_certified(geo::LonLat p, AreaMemo* memo, double tolerance_m) const;

 private:
  geo::Area::Where area_where(const geo::Area& area, geo::LonLat p, AreaMemo* memo) const;
  geo::Area::CertifiedWhere area_certified(const geo::Area& area, geo::LonLat p, AreaMemo* memo, double tol) const;
  const Zone& zone_;
  const Zone* area_key_ = nullptr;  // the area zone whose polygons area_ or clip_ holds
  double depth_m_ = 0;
  std::unique_ptr<geo::GeodesicPolyline> line_;
  std::unique_ptr<geo::ZoneDefinition> def_;
  std::unique_ptr<geo::Area> clip_, area_;
};

std::vector<const Zone*> zones_in_force(const Agreement& a, Instant t);
bool line_in_force(const Line& l, Instant t);
bool post_active(const Post& p, Instant t);

// The statuses `by` gives `group` at t (e.g. {"terrorist"}).
std::vector<const Designation*> designations_at(const Agreement& a, Instant t);

// The deadline in effect at t: the latest extension whose until is known at t... extensions
// carry no announcement date, so all are applied: the effective deadline is the last one.
struct DeadlineState {
  std::optional<Instant> original, effective;
  bool extended = false;
  bool passed = false;  // effective deadline < t
};
DeadlineState deadline_at(const Obligation& o, Instant t);

}  // namespace truceline::agreement
