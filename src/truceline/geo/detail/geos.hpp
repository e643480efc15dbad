// Thin RAII layer over the GEOS C API (the reentrant *_r functions). The C API is GEOS's
// stable interface; the C++ API is explicitly unstable between releases.
// Coordinates are lon/lat degrees used as planar x/y: GEOS reads every edge as a straight
// line in lon/lat, exactly as GeoJSON consumers do.
#pragma once

#include <geos_c.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::geo::detail {

using Ring = std::vector<LonLat>;  // closed: front() == back()

class Geos {
 public:
  Geos();
  ~Geos();
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;
  GEOSContextHandle_t h() const { return h_; }
  // GEOS's message for the last error on this context ("" if none).
  const std::string& last_error() const { return *last_error_; }

 private:
  GEOSContextHandle_t h_;
  std::unique_ptr<std::string> last_error_;  // stable address: GEOS holds a pointer to it
};

struct GeomDeleter {
  GEOSContextHandle_t h;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(h, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// Thrown when GEOS fails (topology exception, allocation failure): an internal error.
class GeosError : public std::runtime_error {
 public:
  explicit GeosError(const std::string& what) : std::runtime_error("GEOS: " + what) {}
};

GeomPtr wrap(const Geos& g, GEOSGeometry* p, const char* what);
// A polygon from an exterior ring and holes (rings closed or not; they are closed here).
GeomPtr make_polygon(const Geos& g, const Ring& shell, const std::vector<Ring>& holes = {});
// A collection (or multipolygon) taking ownership of the parts.
GeomPtr make_collection(const Geos& g, int type, std::vector<GeomPtr> parts);
// A LineString through the points.
GeomPtr make_linestring(const Geos& g, const Ring& points);
GeomPtr make_rectangle(const Geos& g, double xmin, double ymin, double xmax, double ymax);

// Polygons of a Polygon/MultiPolygon/GeometryCollection result, as rings (exterior first).
std::vector<std::vector<Ring>> polygons_of(const Geos& g, const GEOSGeometry* geom);

}  // namespace truceline::geo::detail
