// An area given as lon/lat polygons (GeoJSON semantics: edges straight in lon/lat).
// contains(): point-in-polygon (GEOS prepared geometry; boundary counts as inside).
// boundary_distance_m(): exact geodesic distance to the rings, each ring edge read as the
// geodesic between its vertices (for edges of a few km the two readings differ by < 1 m).
// Thread safety: const methods are not thread-safe (GEOS prepared geometry is lazily built).
#pragma once

#include <memory>
#include <vector>

#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

class Area {
 public:
  explicit Area(std::vector<Polygon> polygons);
  ~Area();
  Area(Area&&) noexcept;
  Area& operator=(Area&&) noexcept;

  bool contains(LonLat p) const;
  double boundary_distance_m(LonLat p) const;
  const std::vector<Polygon>& polygons() const { return polygons_; }

 private:
  struct Impl;
  std::vector<Polygon> polygons_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::geo
