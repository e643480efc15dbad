#include "truceline/geo/area.hpp"

#include "truceline/geo/detail/geos.hpp"

namespace truceline::geo {

struct Area::Impl {
  detail::Geos geos;
  detail::GeomPtr geom{nullptr, detail::GeomDeleter{geos.h()}};
  const GEOSPreparedGeometry* prepared = nullptr;
  std::unique_ptr<GeodesicPolyline> boundary;
  ~Impl() {
    if (prepared) GEOSPreparedGeom_destroy_r(geos.h(), prepared);
  }
};

Area::Area(std::vector<Polygon> polygons) : polygons_(std::move(polygons)), impl_(std::make_unique<Impl>()) {
  std::vector<detail::GeomPtr> parts;
  MultiLine rings;
  for (const auto& poly : polygons_) {
    std::vector<Ring> holes(poly.begin() + 1, poly.end());
    parts.push_back(detail::make_polygon(impl_->geos, poly.front(), holes));
    for (const auto& r : poly) rings.parts.push_back(r);
  }
  impl_->geom = detail::make_collection(impl_->geos, GEOS_MULTIPOLYGON, std::move(parts));
  impl_->prepared = GEOSPrepare_r(impl_->geos.h(), impl_->geom.get());
  impl_->boundary = std::make_unique<GeodesicPolyline>(validated(rings));
}

Area::~Area() = default;
Area::Area(Area&&) noexcept = default;
Area& Area::operator=(Area&&) noexcept = default;

bool Area::contains(LonLat p) const {
  detail::GeomPtr pt = detail::wrap(impl_->geos, GEOSGeom_createPointFromXY_r(impl_->geos.h(), p.lon_deg, p.lat_deg),
                                    "point");
  return GEOSPreparedIntersects_r(impl_->geos.h(), impl_->prepared, pt.get()) == 1;
}

double Area::boundary_distance_m(LonLat p) const { return impl_->boundary->nearest(p).distance_m; }

}  // namespace truceline::geo
