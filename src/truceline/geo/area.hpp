// An area given as lon/lat polygons (GeoJSON Polygon/MultiPolygon).
//
// Reading of the edges: every ring edge is the *shortest geodesic* between its vertices on the
// WGS84 ellipsoid, as for lines (polyline.hpp), zones and the area of interest. contains() and
// boundary_distance_m() use this one reading (a straight lon/lat edge and the geodesic differ
// by up to a few metres on edges tens of km long: both answers must describe the same shape).
//   boundary_distance_m(): exact geodesic distance to the nearest ring (GeodesicPolyline).
//   contains(): P is inside a polygon iff the nearest point of that polygon's rings has P on
//   its interior side (rings are oriented here: exterior counter-clockwise, holes clockwise,
//   so the interior is always on the left); the boundary counts as inside. An area is the
//   union of its polygons (they may overlap: each is tested on its own).
// Preconditions: valid polygons (rings closed, not crossing each other or themselves), each
// spanning well under a quarter meridian; no ring may reach a pole (|lat| < 90).
// Thread safety: immutable after construction; every const method may be called concurrently.
#pragma once

#include <memory>
#include <vector>

#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

class Area {
 public:
  // Throws GeometryError for a ring with fewer than 3 distinct vertices or a vertex at a pole.
  explicit Area(std::vector<Polygon> polygons);
  ~Area();
  Area(Area&&) noexcept;
  Area& operator=(Area&&) noexcept;

  struct Where {
    double distance_m = 0;  // to the nearest boundary, metres
    bool inside = false;
  };
  // Both answers with one search per polygon.
  Where locate(LonLat p) const;
  // locate() certified (issue 15, GeodesicPolyline::nearest_certified): when ok, `where` has
  // locate()'s `inside` and a distance within err_m + kCertifiedSlackM of locate()'s; ok = false
  // when a piece's search cannot be certified (the caller runs locate()).
  struct CertifiedWhere {
    Where where;
    double err_m = 0;
    bool ok = false;
  };
  CertifiedWhere locate_certified(LonLat p, double tolerance_m) const;
  bool contains(LonLat p) const { return locate(p).inside; }
  double boundary_distance_m(LonLat p) const { return locate(p).distance_m; }
  const std::vector<Polygon>& polygons() const { return polygons_; }

 private:
  struct Impl;
  std::vector<Polygon> polygons_;
  std::unique_ptr<Impl> impl_;
};

// An area zone drawn for a map: draw_geodesic_edges at options.piece_tolerance_m, measured
// (check_area_boundary, into check.max_error_m) and refined like build_zone until within
// options.target_error_m (Zone::within_target says whether it was).
Zone draw_area(const Area& area, const ZoneOptions& options = {});

// Largest distance, metres, of the drawn vertices and edge midpoints (lon/lat, as GIS tools
// read GeoJSON edges) from the area's geodesic rings (Area::boundary_distance_m).
BoundaryCheck check_area_boundary(const std::vector<Polygon>& drawn, const Area& area);

}  // namespace truceline::geo
