// Internals shared by the zone's definition (zone.cpp), rendering (zone_render.cpp) and
// measurement (zone_measure.cpp). Not part of the public interface (zone.hpp).
#pragma once

#include <vector>

#include "truceline/geo/detail/geos.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo::detail {

// The point dist_m metres from `from` along the geodesic leaving it at azimuth azi_deg
// (GeographicLib Direct, exact to round-off).
LonLat direct(LonLat from, double azi_deg, double dist_m);

// Union of the pieces in lon/lat (planar, GEOS), taking ownership of them.
GeomPtr union_of(const Geos& geos, std::vector<GeomPtr> pieces);

// The clip area's polygons as GEOS polygons (edges as drawn: straight in lon/lat).
std::vector<GeomPtr> clip_geoms(const Geos& geos, const std::vector<Polygon>& clip);

}  // namespace truceline::geo::detail
