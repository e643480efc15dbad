#include "truceline/geo/detail/geos.hpp"

#include <memory>
#include <string>

namespace truceline::geo::detail {

namespace {
// GEOS's own text for the last error on this context, kept so that a failed call can say why
// (GeosError). Notices (e.g. "Self-intersection at ...") are not errors: the results are
// checked and measured by the caller, so they are dropped. There is no debug switch: the
// message that matters is carried by the exception.
void geos_error(const char* message, void* userdata) {
  if (userdata && message) *static_cast<std::string*>(userdata) = message;
}
void geos_notice(const char*, void*) {}

GEOSGeometry* ring_geom(const Geos& g, const Ring& ring) {
  std::vector<double> xy;
  xy.reserve(2 * (ring.size() + 1));
  for (const auto& p : ring) {
    xy.push_back(p.lon_deg);
    xy.push_back(p.lat_deg);
  }
  if (ring.empty() || ring.front().lon_deg != ring.back().lon_deg ||
      ring.front().lat_deg != ring.back().lat_deg) {
    xy.push_back(ring.front().lon_deg);
    xy.push_back(ring.front().lat_deg);
  }
  GEOSCoordSequence* seq =
      GEOSCoordSeq_copyFromBuffer_r(g.h(), xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
  if (!seq) throw GeosError("cannot create a coordinate sequence");
  GEOSGeometry* r = GEOSGeom_createLinearRing_r(g.h(), seq);
  if (!r) throw GeosError("cannot create a ring");
  return r;
}

Ring ring_of(const Geos& g, const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(g.h(), ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(g.h(), seq, &n);
  std::vector<double> xy(2 * static_cast<std::size_t>(n));
  GEOSCoordSeq_copyToBuffer_r(g.h(), seq, xy.data(), 0, 0);
  Ring out(n);
  for (unsigned i = 0; i < n; ++i) out[i] = {xy[2 * i], xy[2 * i + 1]};
  return out;
}
}  // namespace

Geos::Geos() : h_(GEOS_init_r()), last_error_(std::make_unique<std::string>()) {
  if (!h_) throw GeosError("cannot initialise");
  GEOSContext_setErrorMessageHandler_r(h_, geos_error, last_error_.get());
  GEOSContext_setNoticeMessageHandler_r(h_, geos_notice, nullptr);
}

Geos::~Geos() { GEOS_finish_r(h_); }

GeomPtr wrap(const Geos& g, GEOSGeometry* p, const char* what) {
  if (!p) throw GeosError(std::string(what) + " failed" + (g.last_error().empty() ? "" : ": " + g.last_error()));
  return GeomPtr(p, GeomDeleter{g.h()});
}

GeomPtr make_polygon(const Geos& g, const Ring& shell, const std::vector<Ring>& holes) {
  GEOSGeometry* s = ring_geom(g, shell);
  std::vector<GEOSGeometry*> hs;
  for (const auto& h : holes) hs.push_back(ring_geom(g, h));
  return wrap(g, GEOSGeom_createPolygon_r(g.h(), s, hs.data(), static_cast<unsigned>(hs.size())),
              "polygon");
}

GeomPtr make_collection(const Geos& g, int type, std::vector<GeomPtr> parts) {
  std::vector<GEOSGeometry*> raw;
  raw.reserve(parts.size());
  for (auto& p : parts) raw.push_back(p.release());
  return wrap(g,
              GEOSGeom_createCollection_r(g.h(), type, raw.data(), static_cast<unsigned>(raw.size())),
              "collection");
}

GeomPtr make_linestring(const Geos& g, const Ring& points) {
  std::vector<double> xy;
  for (const auto& p : points) {
    xy.push_back(p.lon_deg);
    xy.push_back(p.lat_deg);
  }
  GEOSCoordSequence* seq =
      GEOSCoordSeq_copyFromBuffer_r(g.h(), xy.data(), static_cast<unsigned>(points.size()), 0, 0);
  if (!seq) throw GeosError("cannot create a coordinate sequence");
  return wrap(g, GEOSGeom_createLineString_r(g.h(), seq), "linestring");
}

GeomPtr make_rectangle(const Geos& g, double xmin, double ymin, double xmax, double ymax) {
  return wrap(g, GEOSGeom_createRectangle_r(g.h(), xmin, ymin, xmax, ymax), "rectangle");
}

std::vector<std::vector<Ring>> polygons_of(const Geos& g, const GEOSGeometry* geom) {
  std::vector<std::vector<Ring>> out;
  const int type = GEOSGeomTypeId_r(g.h(), geom);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(g.h(), geom)) return out;
    std::vector<Ring> rings;
    rings.push_back(ring_of(g, GEOSGetExteriorRing_r(g.h(), geom)));
    const int nh = GEOSGetNumInteriorRings_r(g.h(), geom);
    for (int i = 0; i < nh; ++i) rings.push_back(ring_of(g, GEOSGetInteriorRingN_r(g.h(), geom, i)));
    out.push_back(std::move(rings));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(g.h(), geom);
    for (int i = 0; i < n; ++i) {
      auto sub = polygons_of(g, GEOSGetGeometryN_r(g.h(), geom, i));
      for (auto& s : sub) out.push_back(std::move(s));
    }
  }
  // Points and lines (degenerate slivers of an intersection) carry no area: dropped.
  return out;
}

}  // namespace truceline::geo::detail
