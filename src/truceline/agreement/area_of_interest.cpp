#include "truceline/agreement/area_of_interest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <vector>

#include "truceline/error.hpp"
#include "truceline/geo/area.hpp"

namespace truceline::agreement {

namespace {
// Beyond this distance from its centre vertex, a point's distance to the area is taken as the
// lower bound distance(p, centre) - radius (GeodesicPolyline::nearest is specified for points
// within a quarter meridian of the line; every answer the callers need beyond this is "far").
constexpr double kExactWithinM = 2'500'000;
}  // namespace

struct AreaOfInterest::Impl {
  bool explicit_area = false;
  std::string description;
  std::unique_ptr<geo::Area> area;  // the explicit area, or the area zones
  struct Widened {
    geo::GeodesicPolyline line;
    double depth_m;
  };
  std::vector<Widened> lines;          // lines (with the deepest zone along each) and patrol routes
  std::vector<geo::LonLat> points;     // posts
  geo::LonLat centre;                  // a vertex of the area
  double radius_m = 0;                 // bound of the distance from centre to any point of the area
};

AreaOfInterest::AreaOfInterest(const Agreement& a) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  std::vector<geo::LonLat> vertices;
  auto note = [&](const geo::LonLat& p) { vertices.push_back(p); };
  if (!a.area_of_interest.empty()) {
    m.explicit_area = true;
    m.description = fmt::format("{}: area_of_interest {}", a.id, a.area_of_interest_file);
    m.area = std::make_unique<geo::Area>(a.area_of_interest);
    for (const auto& poly : a.area_of_interest)
      for (const auto& ring : poly) std::for_each(ring.begin(), ring.end(), note);
  } else {
    std::vector<geo::Polygon> areas;
    std::map<std::string, double> deepest;  // line id -> deepest zone along it
    for (const auto& z : a.zones) {
      if (z.is_area) {
        areas.insert(areas.end(), z.area.begin(), z.area.end());
        continue;
      }
      double d = z.depth_m;
      for (const auto& r : z.readings) d = std::max(d, r.depth_m);
      for (const auto& c : z.depth_by_class) d = std::max(d, c.depth_m);
      deepest[z.line] = std::max(deepest[z.line], d);
    }
    if (!areas.empty()) {
      m.area = std::make_unique<geo::Area>(areas);
      for (const auto& poly : areas)
        for (const auto& ring : poly) std::for_each(ring.begin(), ring.end(), note);
    }
    for (const auto& l : a.lines) {
      if (l.geometry.parts.empty()) continue;
      const auto it = deepest.find(l.id);
      m.lines.push_back({geo::GeodesicPolyline(l.geometry), it == deepest.end() ? 0.0 : it->second});
      for (const auto& part : l.geometry.parts) std::for_each(part.begin(), part.end(), note);
    }
    for (const auto& r : a.patrol_routes) {
      if (r.route.parts.empty()) continue;
      m.lines.push_back({geo::GeodesicPolyline(r.route), 0.0});
      for (const auto& part : r.route.parts) std::for_each(part.begin(), part.end(), note);
    }
    for (const auto& p : a.posts) {
      m.points.push_back(p.position);
      note(p.position);
    }
    m.description = fmt::format("{}: its zones, lines, patrol routes and posts", a.id);
  }
  if (vertices.empty())
    throw InputError(fmt::format("{}: the agreement draws nothing (no zone, line, patrol route, post or "
                                 "area_of_interest), so it has no area of interest",
                                 a.path));
  m.centre = vertices.front();
  for (const auto& v : vertices) m.radius_m = std::max(m.radius_m, geo::distance_m(m.centre, v));
  m.radius_m = m.radius_m * 1.01 + 1000;  // slack for geodesic edges bulging past their vertices
}

AreaOfInterest::~AreaOfInterest() = default;
AreaOfInterest::AreaOfInterest(AreaOfInterest&&) noexcept = default;

bool AreaOfInterest::is_explicit() const { return impl_->explicit_area; }
double AreaOfInterest::place_margin_m() const { return impl_->explicit_area ? 0.0 : kPlaceMarginM; }
const std::string& AreaOfInterest::description() const { return impl_->description; }

double AreaOfInterest::distance_m(geo::LonLat p) const {
  const Impl& m = *impl_;
  const double from_centre = geo::distance_m(m.centre, p);
  if (from_centre > kExactWithinM + m.radius_m) return from_centre - m.radius_m;
  double best = std::numeric_limits<double>::infinity();
  if (m.area) {
    // geo::Area is immutable and thread-safe; locate() answers both questions in one search.
    const geo::Area::Where w = m.area->locate(p);
    if (w.inside) return 0.0;
    best = w.distance_m;
  }
  for (const auto& l : m.lines) best = std::min(best, std::max(0.0, l.line.nearest(p).distance_m - l.depth_m));
  for (const auto& q : m.points) best = std::min(best, geo::distance_m(q, p));
  return best;
}

}  // namespace truceline::agreement
